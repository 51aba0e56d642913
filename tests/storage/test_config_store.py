"""The active file: default fallback, import atomicity, conflicts, never overwriting bad files."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import build_services
from app.domain.model import Config
from app.resources import default_config_path
from app.storage import config_store as config_store_module
from app.storage.config_store import (
    ConfigConflict,
    ConfigFileError,
    ConfigFileMissing,
    ConfigStore,
    config_to_bytes,
)

STAMP = dt.datetime(2026, 12, 1, 9, 30, 0)
DEFAULT_BYTES = default_config_path().read_bytes()


@pytest.fixture
def store(tmp_path: Path) -> ConfigStore:
    return ConfigStore(
        tmp_path / "cfg" / "config.json", tmp_path / "cfg" / "backups", default_config_path()
    )


def write_variant(path: Path, minutes: int) -> Path:
    doc = json.loads(DEFAULT_BYTES)
    doc["closing_soon_minutes"] = minutes
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_missing_active_file_shows_the_default(store: ConfigStore) -> None:
    loaded = store.load()
    assert loaded.is_default
    assert loaded.source == default_config_path()
    assert loaded.raw == DEFAULT_BYTES
    assert not store.path.exists()


def test_a_broken_active_file_is_reported_and_left_alone(store: ConfigStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b'{"schema_version": 2,,}')
    with pytest.raises(ConfigFileError) as info:
        store.load()
    assert info.value.lines() == [f"{store.path}:1:22: " + info.value.problems[0].message]
    assert store.path.read_bytes() == b'{"schema_version": 2,,}'


def test_import_failure_mid_write_keeps_the_old_file_byte_identical(
    store: ConfigStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(DEFAULT_BYTES)
    source = write_variant(tmp_path / "new.json", 42)

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ConfigFileError) as info:
        store.import_file(source, STAMP)
    assert "No space left on device" in info.value.lines()[0]
    assert store.path.read_bytes() == DEFAULT_BYTES
    assert [p.name for p in store.path.parent.iterdir() if p.suffix == ".tmp"] == []


def test_backups_are_rotated_to_the_last_ten(store: ConfigStore, tmp_path: Path) -> None:
    for minute in range(13):
        store.import_file(
            write_variant(tmp_path / "v.json", minute), STAMP + dt.timedelta(minutes=minute)
        )
    backups = sorted(store.backup_dir.iterdir())
    assert len(backups) == 10
    kept = [json.loads(b.read_bytes())["closing_soon_minutes"] for b in backups]
    assert kept == list(range(2, 12))  # the oldest two rotated out; 12 is the active one
    assert json.loads(store.path.read_bytes())["closing_soon_minutes"] == 12


def test_save_refuses_when_the_file_changed_on_disk(
    store: ConfigStore, default_config: Config
) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(DEFAULT_BYTES)
    opened = store.load()
    store.path.write_bytes(DEFAULT_BYTES + b"\n")  # another supervisor saved meanwhile
    changed = dataclasses.replace(default_config, closing_soon_minutes=5)
    with pytest.raises(ConfigConflict):
        store.save(changed, expected_digest=opened.digest, stamp=STAMP)
    assert store.path.read_bytes() == DEFAULT_BYTES + b"\n"
    saved = store.save(changed, expected_digest=store.load().digest, stamp=STAMP)
    assert store.load().config.closing_soon_minutes == 5
    assert saved.raw == store.path.read_bytes() == config_to_bytes(changed)


def test_first_save_of_the_default_creates_the_file(
    store: ConfigStore, default_config: Config
) -> None:
    opened = store.load()
    assert opened.is_default
    store.save(default_config, expected_digest=None, stamp=STAMP)
    assert json.loads(store.path.read_bytes()) == json.loads(DEFAULT_BYTES)
    with pytest.raises(ConfigConflict):
        store.save(default_config, expected_digest=None, stamp=STAMP)


def test_symlinked_active_file_is_written_through(store: ConfigStore, tmp_path: Path) -> None:
    team = tmp_path / "share" / "team.json"
    team.parent.mkdir()
    team.write_bytes(DEFAULT_BYTES)
    store.path.parent.mkdir(parents=True)
    store.path.symlink_to(team)
    store.import_file(write_variant(tmp_path / "v.json", 9), STAMP)
    assert store.path.is_symlink()
    assert json.loads(team.read_bytes())["closing_soon_minutes"] == 9


def test_export_onto_the_active_file_refuses_a_change_made_since_it_was_read(
    store: ConfigStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another console saves between our read and our lock: the export must not undo it."""
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(DEFAULT_BYTES)
    theirs = write_variant(store.path.parent / "theirs.json", 7).read_bytes()
    real_lock = config_store_module.exclusive_lock

    @contextlib.contextmanager
    def they_saved_first(path: Path, *, timeout: float) -> Iterator[None]:
        store.path.write_bytes(theirs)
        with real_lock(path, timeout=timeout):
            yield

    monkeypatch.setattr(config_store_module, "exclusive_lock", they_saved_first)
    with pytest.raises(ConfigConflict):
        store.export(store.path, stamp=STAMP)
    assert store.path.read_bytes() == theirs
    assert not store.backup_dir.exists()


def test_export_onto_the_managed_file_keeps_its_backup_beside_it(tmp_path: Path) -> None:
    """``--config`` chose another file; the managed one is still written like an import."""
    (tmp_path / "share").mkdir()
    managed = write_variant(tmp_path / "share" / "team.json", 3)
    before = managed.read_bytes()
    mine = tmp_path / "mine" / "config.json"
    mine.parent.mkdir()
    write_variant(mine, 11)
    store = ConfigStore(mine, None, default_config_path(), managed_path=managed)
    backup = store.export(tmp_path / "share" / "." / "team.json", stamp=STAMP)
    assert backup is not None and backup.parent == managed.parent / "backups"
    assert backup.read_bytes() == before
    assert json.loads(managed.read_bytes())["closing_soon_minutes"] == 11
    assert not (mine.parent / "backups").exists()
    assert store.export(tmp_path / "copy.json", stamp=STAMP) is None  # elsewhere: a plain write


def test_re_importing_the_same_file_neither_rewrites_nor_backs_up(
    store: ConfigStore, tmp_path: Path
) -> None:
    for minutes in (1, 2, 3):
        store.import_file(write_variant(tmp_path / "v.json", minutes), STAMP)
    before = sorted(store.backup_dir.iterdir())
    source = write_variant(tmp_path / "same.json", 3)
    inode = store.path.stat().st_ino
    for n in range(10):
        assert store.import_file(source, STAMP + dt.timedelta(minutes=n)) is None
    assert store.path.stat().st_ino == inode  # never replaced
    assert sorted(store.backup_dir.iterdir()) == before
    assert sorted(json.loads(p.read_bytes())["closing_soon_minutes"] for p in before) == [1, 2]


def test_a_failed_write_keeps_no_backup_and_prunes_nothing(
    store: ConfigStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for minute in range(11):
        store.import_file(
            write_variant(tmp_path / "v.json", minute), STAMP + dt.timedelta(minutes=minute)
        )
    before = {p: p.read_bytes() for p in store.backup_dir.iterdir()}
    assert len(before) == 10
    active = store.path.read_bytes()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(config_store_module, "atomic_write_bytes", disk_full)
    with pytest.raises(ConfigFileError, match="No space left"):
        store.import_file(write_variant(tmp_path / "v.json", 42), STAMP + dt.timedelta(hours=1))
    assert {p: p.read_bytes() for p in store.backup_dir.iterdir()} == before
    assert store.path.read_bytes() == active


def test_a_named_file_that_does_not_exist_is_an_error_not_the_default(tmp_path: Path) -> None:
    missing = tmp_path / "share" / "team.json"
    named = ConfigStore(missing, None, default_config_path(), explicit=True)
    with pytest.raises(ConfigFileMissing) as info:
        named.load()
    assert info.value.lines() == [f"{missing}: el archivo no existe"]
    per_user = ConfigStore(missing, None, default_config_path())
    assert per_user.load().is_default  # only the per-user default location falls back


@pytest.mark.parametrize("how", ["--config", "CANALES_CONFIG", "policy"])
def test_every_way_of_naming_the_file_makes_it_explicit(
    isolated_env: dict[str, str], tmp_path: Path, how: str
) -> None:
    missing = tmp_path / "share" / "team.json"
    env = dict(isolated_env)
    override = None
    if how == "--config":
        override = missing
    elif how == "CANALES_CONFIG":
        env["CANALES_CONFIG"] = str(missing)
    else:
        policy = Path(env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json"
        policy.parent.mkdir(parents=True)
        policy.write_text(json.dumps({"config_path": str(missing)}), encoding="utf-8")
    store = build_services(override, env).store
    assert (store.path, store.explicit) == (missing, True)
    with pytest.raises(ConfigFileMissing):
        store.load()
    if how == "policy":
        policy.unlink()
    assert not build_services(None, isolated_env).store.explicit
