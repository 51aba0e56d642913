"""The validated-config cache: same bytes, same program → no validation; anything else →
validation as if there were no cache. It can make loading faster, never more lenient."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from app.domain.model import Config
from app.resources import default_config_path
from app.storage import config_store as config_store_module
from app.storage.config_store import ConfigFileError, ConfigStore
from app.storage.validated_cache import (
    ValidatedConfigCache,
    dependency_versions,
    validation_stamp,
)

DEFAULT_BYTES = default_config_path().read_bytes()


@pytest.fixture
def cache(tmp_path: Path) -> ValidatedConfigCache:
    return ValidatedConfigCache(tmp_path / "cache" / "validated-config.json", "v1")


def store_with(cache: ValidatedConfigCache, tmp_path: Path) -> ConfigStore:
    return ConfigStore(
        tmp_path / "cfg" / "config.json",
        tmp_path / "cfg" / "backups",
        default_config_path(),
        validated=cache,
    )


def no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> Config:
        raise AssertionError("validated again")

    monkeypatch.setattr(config_store_module, "config_from_document", refuse)


def test_remembers_what_the_bytes_validated_to(
    cache: ValidatedConfigCache, default_config: Config
) -> None:
    assert cache.get(DEFAULT_BYTES) is None
    cache.put(DEFAULT_BYTES, default_config)
    assert cache.get(DEFAULT_BYTES) == default_config
    assert cache.get(DEFAULT_BYTES + b" ") is None  # other bytes
    other_program = ValidatedConfigCache(cache.path, "v2")
    assert other_program.get(DEFAULT_BYTES) is None


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[]", b'{"key": 1}', None],
    ids=["empty", "garbage", "list", "bad-key", "bad-config"],
)
def test_a_damaged_entry_is_a_miss(
    cache: ValidatedConfigCache, default_config: Config, content: bytes | None
) -> None:
    cache.put(DEFAULT_BYTES, default_config)
    if content is None:  # the right key over a config of the wrong shape
        entry = json.loads(cache.path.read_bytes())
        entry["config"]["closing_soon_minutes"] = "15"
        content = json.dumps(entry).encode()
    cache.path.write_bytes(content)
    assert cache.get(DEFAULT_BYTES) is None


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path, default_config: Config) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ValidatedConfigCache(blocker / "validated-config.json", "v1")
    cache.put(DEFAULT_BYTES, default_config)  # no exception
    assert cache.get(DEFAULT_BYTES) is None


def test_store_validates_once_per_content(
    cache: ValidatedConfigCache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = store_with(cache, tmp_path).load()
    no_validation(monkeypatch)
    second = store_with(cache, tmp_path).load()
    assert second.config == first.config
    assert second.raw == first.raw and second.is_default


def test_changed_bytes_are_validated_and_errors_still_reported(
    cache: ValidatedConfigCache, tmp_path: Path
) -> None:
    store = store_with(cache, tmp_path)
    store.load()
    store.path.parent.mkdir(parents=True)
    document = json.loads(DEFAULT_BYTES)
    document["timezone"] = "Mars/Olympus"
    store.path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ConfigFileError) as info:
        store.load()
    assert info.value.problems[0].path == "timezone"


def test_a_saved_config_needs_no_validation_on_the_next_start(
    cache: ValidatedConfigCache,
    tmp_path: Path,
    default_config: Config,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    changed = dataclasses.replace(default_config, closing_soon_minutes=5)
    store_with(cache, tmp_path).save(
        changed, expected_digest=None, stamp=dt.datetime(2026, 12, 1, 9, 0)
    )
    no_validation(monkeypatch)
    assert store_with(cache, tmp_path).load().config.closing_soon_minutes == 5


def test_the_stamp_follows_the_releases() -> None:
    deps = ["0.80", "9.0.1", "2.14.4", "2025.2"]
    assert validation_stamp("1.0", deps) == validation_stamp("1.0", list(deps))
    assert validation_stamp("1.0", deps) != validation_stamp("1.1", deps)
    for i in range(len(deps)):
        upgraded = [*deps[:i], deps[i] + ".1", *deps[i + 1 :]]
        assert validation_stamp("1.0", deps) != validation_stamp("1.0", upgraded)


def test_dependency_versions_are_the_installed_ones() -> None:
    import importlib.metadata  # noqa: PLC0415 - the reference, in the test only

    expected = [
        importlib.metadata.version(dist) for dist in ("holidays", "phonenumberslite", "pydantic")
    ]
    assert dependency_versions()[:3] == expected
