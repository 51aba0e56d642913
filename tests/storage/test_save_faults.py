"""Saving when things go wrong: a clear message, and nothing already saved is lost.

Tests run as root here, where chmod does not stop writes, so a read-only folder is simulated
by refusing the rename (and by a parent that is a file); a full disk by failing the fsync.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from app.resources import default_config_path
from app.storage import atomic, config_store, file_lock
from app.storage.atomic import TEMP_SUFFIX
from app.storage.config_store import ConfigConflict, ConfigFileError, ConfigStore
from app.storage.file_lock import exclusive_lock

STAMP = dt.datetime(2026, 12, 1, 9, 30)
DEFAULT_BYTES = default_config_path().read_bytes()


@pytest.fixture
def store(tmp_path: Path) -> ConfigStore:
    path = tmp_path / "share" / "config.json"
    path.parent.mkdir()
    path.write_bytes(DEFAULT_BYTES)
    return ConfigStore(path, path.parent / "backups", default_config_path())


def edit(store: ConfigStore, minutes: int = 42):  # -> (LoadedConfig, Config)
    loaded = store.load()
    return loaded, dataclasses.replace(loaded.config, closing_soon_minutes=minutes)


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_read_only_folder(store: ConfigStore, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded, changed = edit(store)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.Path, "replace", refuse)
    with pytest.raises(ConfigFileError) as info:
        store.save(changed, expected_digest=loaded.digest, stamp=STAMP)
    backups = store.path.parent / "backups"  # the backup is the first file written
    assert info.value.lines() == [f"{backups}: no se puede escribir (Permission denied)"]
    assert store.path.read_bytes() == DEFAULT_BYTES
    assert temp_files(store.path.parent) == []


def test_read_only_folder_refuses_even_the_lock(
    store: ConfigStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded, changed = edit(store)

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(file_lock.os, "open", refuse)
    with pytest.raises(ConfigFileError) as info:
        store.save(changed, expected_digest=loaded.digest, stamp=STAMP)
    assert info.value.lines() == [f"{store.path}: no se puede escribir (Permission denied)"]
    assert store.path.read_bytes() == DEFAULT_BYTES


def test_parent_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("not a folder")
    store = ConfigStore(blocker / "config.json", blocker / "backups", default_config_path())
    loaded = store.load()
    assert loaded.is_default
    with pytest.raises(ConfigFileError) as info:
        store.save(loaded.config, expected_digest=None, stamp=STAMP)
    assert info.value.lines()[0].startswith(f"{store.path}: no se puede escribir (")
    assert blocker.read_text() == "not a folder"


def test_full_disk(store: ConfigStore, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded, changed = edit(store)

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(ConfigFileError) as info:
        store.save(changed, expected_digest=loaded.digest, stamp=STAMP)
    assert info.value.lines() == [
        f"{store.path.parent / 'backups'}: no se puede escribir (No space left on device)"
    ]
    assert store.path.read_bytes() == DEFAULT_BYTES
    assert temp_files(store.path.parent) == []
    monkeypatch.undo()
    saved = store.save(changed, expected_digest=loaded.digest, stamp=STAMP)  # space again
    assert store.load().config.closing_soon_minutes == 42
    assert saved.digest == store.load().digest


def test_another_console_holding_the_lock(
    store: ConfigStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded, changed = edit(store)
    monkeypatch.setattr(config_store, "LOCK_TIMEOUT_SECONDS", 0.2)
    # Another open file description of the lock file: to flock, that is another process.
    with exclusive_lock(store.path), pytest.raises(ConfigFileError) as info:
        store.save(changed, expected_digest=loaded.digest, stamp=STAMP)
    assert info.value.lines() == [
        f"{store.path}: otra consola está guardando este archivo; inténtelo de nuevo en un momento"
    ]
    assert store.path.read_bytes() == DEFAULT_BYTES
    store.save(changed, expected_digest=loaded.digest, stamp=STAMP)  # free again


def test_the_folder_disappears_mid_session(store: ConfigStore) -> None:
    loaded, changed = edit(store)
    share = store.path.parent
    moved = share.with_name("share-offline")
    share.rename(moved)
    with pytest.raises(ConfigConflict):  # the file we read is not there: never a blind write
        store.save(changed, expected_digest=loaded.digest, stamp=STAMP)
    assert not share.exists()  # not re-created locally behind the share's back
    assert (moved / "config.json").read_bytes() == DEFAULT_BYTES


def test_garbage_replacing_the_file_mid_session_is_never_overwritten(store: ConfigStore) -> None:
    loaded, changed = edit(store)
    store.path.write_bytes(b"\x00\xffgarbage")
    with pytest.raises(ConfigConflict) as info:
        store.save(changed, expected_digest=loaded.digest, stamp=STAMP)
    assert "el archivo cambió en disco" in info.value.lines()[0]
    assert store.path.read_bytes() == b"\x00\xffgarbage"
    with pytest.raises(ConfigFileError):
        store.load()


def test_the_lock_file_is_hidden_and_left_alone_by_the_temp_cleanup(store: ConfigStore) -> None:
    loaded, changed = edit(store)
    store.save(changed, expected_digest=loaded.digest, stamp=STAMP)
    lock = store.path.with_name(".config.json.lock")
    assert lock.exists()
    store.clean_up_interrupted_saves(dt.datetime.now() + dt.timedelta(days=1))
    assert lock.exists()
    assert json.loads(store.path.read_bytes())["closing_soon_minutes"] == 42
