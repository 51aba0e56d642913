"""The offline copy of a published configuration: kept whole, or not at all."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.storage.config_source import parse_url
from app.storage.policy import read_policy
from app.storage.remote_cache import CachedCopy, RemoteCache

URL = parse_url("https://intranet.example.com/canales/config.json")
AT = dt.datetime(2026, 11, 29, 13, 15, tzinfo=dt.UTC)


def copy(**changes: object) -> CachedCopy:
    values: dict[str, object] = {
        "url": URL.url,
        "raw": b'{"x": 1}',
        "fetched_at": AT,
        "etag": '"v1"',
        "last_modified": "Sun, 29 Nov 2026 13:00:00 GMT",
        "signature": b"untrusted comment: x\nRW...\n",
        "signature_etag": '"s1"',
        "signed_by": "89813877520",
        "signed_at": "2026-11-29T08:00:00-05:00",
    }
    values.update(changes)
    return CachedCopy(**values)  # type: ignore[arg-type]


def test_a_copy_is_kept_with_its_signature_and_validators(tmp_path: Path) -> None:
    cache = RemoteCache(tmp_path)
    assert cache.store(copy())
    assert cache.load(URL) == copy()
    later = AT + dt.timedelta(minutes=5)
    assert cache.confirmed(copy(), later).fetched_at == later
    assert cache.load(URL) == copy(fetched_at=later)


def test_a_copy_without_a_signature_removes_the_old_one(tmp_path: Path) -> None:
    cache = RemoteCache(tmp_path)
    cache.store(copy())
    cache.store(copy(signature=None, signature_etag=None, signed_by=None, signed_at=None))
    assert cache.load(URL) == copy(
        signature=None, signature_etag=None, signed_by=None, signed_at=None
    )
    assert not list(cache.folder.glob("*.minisig"))


@pytest.mark.parametrize("damage", ["body", "signature", "meta", "url", "naive_time"])
def test_any_damage_makes_the_whole_entry_a_miss(tmp_path: Path, damage: str) -> None:
    cache = RemoteCache(tmp_path)
    cache.store(copy())
    stem = cache.body_path(URL).with_suffix("")
    meta_path = stem.with_suffix(".meta.json")
    meta = json.loads(meta_path.read_text())
    if damage == "body":
        cache.body_path(URL).write_bytes(b'{"x": 2}')
    elif damage == "signature":
        stem.with_suffix(".minisig").write_bytes(b"another signature")
    elif damage == "meta":
        meta_path.write_bytes(b"\x00\x01")
    elif damage == "url":  # another address's entry under this name
        meta["url"] = "https://elsewhere.example.com/config.json"
        meta_path.write_text(json.dumps(meta))
    else:
        meta["fetched_at"] = "2026-11-29T13:15:00"
        meta_path.write_text(json.dumps(meta))
    assert cache.load(URL) is None


def test_an_unwritable_cache_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    assert not RemoteCache(blocker).store(copy())


def test_the_policy_keys_of_a_published_configuration(tmp_path: Path) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"config_url": URL.url, "refresh_minutes": 15}))
    read = read_policy(policy, lang="en")
    assert (read.config_url, read.refresh_minutes, read.problems) == (URL, 15, ())  # type: ignore[union-attr]
    for document, problem in (
        ({"config_url": URL.url, "config_path": "/srv/c.json"}, "cannot both be set"),
        ({"config_url": URL.url, "refresh_minutes": 0}, "refresh_minutes"),
        ({"config_url": "https://"}, "is not a valid https:// address"),
        ({"config_url": "http://intranet/c.json"}, "plain http:// is refused"),
    ):
        policy.write_text(json.dumps(document))
        broken = read_policy(policy, lang="en")
        assert broken is not None and broken.read_only
        assert problem in broken.problems[0]
