"""The last known good copy of a shared configuration, kept in the user cache."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.storage import last_good as last_good_module
from app.storage.last_good import LastKnownGood

SAVED = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


def test_remember_and_recall(tmp_path: Path) -> None:
    kept = LastKnownGood(tmp_path / "cache")
    share = tmp_path / "share" / "config.json"
    assert kept.recall(share) is None
    assert kept.remember(share, b'{"v": 1}', SAVED)
    copy = kept.recall(share)
    assert copy is not None
    assert (copy.source, copy.raw, copy.saved) == (share, b'{"v": 1}', SAVED)
    assert kept.copy_path(share).parent == tmp_path / "cache" / "last-good"
    assert kept.copy_path(share).read_bytes() == b'{"v": 1}'
    assert not kept.remember(share, b'{"v": 1}', SAVED)  # same bytes: nothing written
    assert kept.recall(tmp_path / "other.json") is None


def test_a_tampered_copy_is_ignored(tmp_path: Path) -> None:
    kept = LastKnownGood(tmp_path / "cache")
    share = tmp_path / "share" / "config.json"
    kept.remember(share, b'{"v": 1}', SAVED)
    kept.copy_path(share).write_bytes(b'{"v": 2}')
    assert kept.recall(share) is None


def test_an_unwritable_cache_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(last_good_module, "atomic_write_bytes", disk_full)
    kept = LastKnownGood(tmp_path / "cache")
    assert not kept.remember(tmp_path / "config.json", b"{}", SAVED)
    assert kept.recall(tmp_path / "config.json") is None
