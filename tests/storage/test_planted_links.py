"""Saving where another user could meddle: a folder anyone may change, a link planted under
our file's, lock's or backups' name, a link to a device. Nothing is written through them."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from app.resources import default_config_path
from app.storage.atomic import atomic_write_bytes
from app.storage.config_store import ConfigFileError, ConfigStore
from app.storage.file_lock import exclusive_lock
from app.storage.holiday_cache import CachedHolidaySource
from app.storage.safe_files import NotARegularFile, UnsafeLocation

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits and links")

STAMP = dt.datetime(2026, 12, 1, 9, 30)
DEFAULT_BYTES = default_config_path().read_bytes()
STRANGER = 4242  # a uid that is neither ours nor the folder owner's


def folder(path: Path, mode: int) -> Path:
    path.mkdir(parents=True)
    path.chmod(mode)
    return path


def variant(path: Path, minutes: int) -> Path:
    doc = json.loads(DEFAULT_BYTES)
    doc["closing_soon_minutes"] = minutes
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def planted_by_a_stranger(link: Path, target: Path) -> Path:
    link.symlink_to(target)
    try:
        os.lchown(link, STRANGER, STRANGER)
    except PermissionError:
        pytest.skip("giving a link to another user needs root")
    return link


def test_nothing_is_written_into_a_folder_anyone_may_change(tmp_path: Path) -> None:
    open_folder = folder(tmp_path / "open", 0o777)
    with pytest.raises(UnsafeLocation):
        atomic_write_bytes(open_folder / "config.json", b"{}")
    with pytest.raises(UnsafeLocation), exclusive_lock(open_folder / "config.json", timeout=0.1):
        pass  # pragma: no cover - refused before
    store = ConfigStore(open_folder / "config.json", None, default_config_path())
    with pytest.raises(ConfigFileError) as info:
        store.import_file(variant(tmp_path / "new.json", 5), STAMP)
    assert info.value.lines() == [
        f"{open_folder / 'config.json'}: no se puede escribir (cualquiera puede cambiar la "
        f"carpeta {open_folder} (escribible por todos y sin el bit «sticky»); no se escribe "
        "en ella)"
    ]
    assert list(open_folder.iterdir()) == []


def test_a_sticky_shared_folder_is_fine(tmp_path: Path) -> None:
    shared = folder(tmp_path / "shared", 0o1777)
    store = ConfigStore(shared / "config.json", None, default_config_path())
    store.import_file(variant(tmp_path / "a.json", 5), STAMP)
    store.import_file(variant(tmp_path / "b.json", 6), STAMP)
    assert json.loads((shared / "config.json").read_bytes())["closing_soon_minutes"] == 6
    assert len(list((shared / "backups").iterdir())) == 1


def test_a_link_a_stranger_planted_in_a_shared_folder_is_not_followed(tmp_path: Path) -> None:
    shared = folder(tmp_path / "shared", 0o1777)
    victim = tmp_path / "home" / "notes.json"
    victim.parent.mkdir()
    victim.write_bytes(b"mine")
    link = planted_by_a_stranger(shared / "config.json", victim)
    with pytest.raises(UnsafeLocation):
        atomic_write_bytes(link, b"{}")
    store = ConfigStore(link, None, default_config_path())
    with pytest.raises(ConfigFileError, match="es de otro usuario en una carpeta compartida"):
        store.import_file(variant(tmp_path / "new.json", 5), STAMP)
    assert victim.read_bytes() == b"mine"
    assert sorted(p.name for p in victim.parent.iterdir()) == ["notes.json"]  # not even a lock


def test_a_link_of_our_own_in_a_shared_folder_is_followed(tmp_path: Path) -> None:
    shared = folder(tmp_path / "shared", 0o1777)
    team = tmp_path / "team" / "config.json"
    team.parent.mkdir()
    team.write_bytes(DEFAULT_BYTES)
    (shared / "config.json").symlink_to(team)
    atomic_write_bytes(shared / "config.json", b"{}")
    assert team.read_bytes() == b"{}"


@pytest.mark.parametrize("plant", ["dangling link", "link", "fifo"])
def test_a_planted_lock_file_is_never_followed_nor_blocks(tmp_path: Path, plant: str) -> None:
    config = tmp_path / "cfg" / "config.json"
    config.parent.mkdir()
    elsewhere = tmp_path / "elsewhere" / "created.txt"
    elsewhere.parent.mkdir()
    lock = config.parent / ".config.json.lock"
    if plant == "fifo":
        os.mkfifo(lock)
    else:
        if plant == "link":
            elsewhere.write_bytes(b"mine")
        lock.symlink_to(elsewhere)
    with pytest.raises(OSError), exclusive_lock(config, timeout=0.1):
        pass  # pragma: no cover - refused before
    assert elsewhere.exists() == (plant == "link")


def test_a_backups_link_a_stranger_planted_is_refused(tmp_path: Path) -> None:
    shared = folder(tmp_path / "shared", 0o1777)
    theirs = folder(tmp_path / "theirs", 0o777)
    planted_by_a_stranger(shared / "backups", theirs)
    store = ConfigStore(shared / "config.json", None, default_config_path())
    store.import_file(variant(tmp_path / "a.json", 5), STAMP)  # no backup yet: nothing to keep
    before = (shared / "config.json").read_bytes()
    with pytest.raises(ConfigFileError, match="es de otro usuario"):
        store.import_file(variant(tmp_path / "b.json", 6), STAMP)
    assert list(theirs.iterdir()) == []
    assert (shared / "config.json").read_bytes() == before


def private_zero_device(path: Path) -> Path:
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device node needs privileges")
    return path


def test_a_link_to_a_device_is_never_written_through(tmp_path: Path) -> None:
    device = private_zero_device(tmp_path / "zero")
    link = tmp_path / "cfg" / "config.json"
    link.parent.mkdir()
    link.symlink_to(device)
    with pytest.raises(NotARegularFile):
        atomic_write_bytes(link, b"{}")
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_a_cache_entry_linked_to_a_device_is_replaced_not_written_through(tmp_path: Path) -> None:
    device = private_zero_device(tmp_path / "zero")
    cache = tmp_path / "holidays"
    cache.mkdir()
    entry = cache / "1.0-CO-es-2026.json"
    entry.symlink_to(device)
    source = CachedHolidaySource(cache, "1.0", lambda c, lang, y: {dt.date(y, 12, 8): "Fiesta"})
    assert source("CO", "es", 2026) == {dt.date(2026, 12, 8): "Fiesta"}
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert stat.S_ISREG(entry.lstat().st_mode)  # the link itself was replaced by an entry
