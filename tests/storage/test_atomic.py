"""Atomic saving and backups, on real files: a failure anywhere leaves the old file intact."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.storage import atomic
from app.storage.atomic import (
    TEMP_SUFFIX,
    Backup,
    atomic_write_bytes,
    backup_file,
    list_backups,
    remove_stale_temp_files,
)

OLD = b'{"version": 1, "name": "L\xc3\xadnea"}\n'
NEW = b'{"version": 2}\r\n\x00binary\xff'
posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


def test_creates_a_new_file_with_exact_content(tmp_path: Path) -> None:
    target = tmp_path / "config.json"
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "config.json"
    target.write_bytes(OLD)
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW
    atomic_write_bytes(target, b"")
    assert target.read_bytes() == b""
    assert leftovers(tmp_path) == []


def test_temp_file_lives_beside_the_target_with_the_documented_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "config.json"
    seen: list[tuple[Path, bytes]] = []
    real_replace = os.replace

    def spy(src: str | Path, dst: str | Path) -> None:
        seen.append((Path(src), Path(src).read_bytes()))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    atomic_write_bytes(target, NEW)
    [(temp, content)] = seen
    assert temp.parent == tmp_path
    assert temp.name.startswith(".config.json.") and temp.name.endswith(".tmp")
    assert content == NEW


@pytest.mark.parametrize("broken", ["replace", "fsync"])
def test_failure_leaves_old_file_identical_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    target = tmp_path / "config.json"
    target.write_bytes(OLD)

    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, broken, boom)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_bytes(target, NEW)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json"]


def test_interrupt_while_writing_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "config.json"
    target.write_bytes(OLD)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_missing_folder_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(tmp_path / "nope" / "config.json", NEW)
    assert list(tmp_path.iterdir()) == []


@posix_only
def test_existing_permission_bits_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "config.json"
    target.write_bytes(OLD)
    target.chmod(0o640)
    atomic_write_bytes(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    target.chmod(0o604)
    atomic_write_bytes(target, OLD)
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


@posix_only
def test_new_file_gets_the_umask_default_not_0600(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "shared.json", NEW)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "shared.json").stat().st_mode) == 0o644


def test_permission_error_on_replace_is_retried_then_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "config.json"
    target.write_bytes(OLD)
    real_replace = os.replace
    calls: list[int] = []

    def locked_twice(src: str | Path, dst: str | Path) -> None:
        calls.append(1)
        if len(calls) <= 2:
            raise PermissionError(13, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked_twice)
    monkeypatch.setattr(atomic, "_RETRY_SLEEP_SECONDS", 0.001)
    atomic_write_bytes(target, NEW, replace_retry_seconds=2.0)
    assert len(calls) == 3
    assert target.read_bytes() == NEW
    assert leftovers(tmp_path) == []


def test_retry_budget_exhausted_raises_and_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "config.json"
    target.write_bytes(OLD)
    calls: list[int] = []

    def always_locked(src: str | Path, dst: str | Path) -> None:
        calls.append(1)
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", always_locked)
    monkeypatch.setattr(atomic, "_RETRY_SLEEP_SECONDS", 0.001)
    with pytest.raises(PermissionError):
        atomic_write_bytes(target, NEW, replace_retry_seconds=0.05)
    assert len(calls) >= 2
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_no_retry_budget_fails_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def always_locked(src: str | Path, dst: str | Path) -> None:
        calls.append(1)
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", always_locked)
    with pytest.raises(PermissionError):
        atomic_write_bytes(tmp_path / "config.json", NEW, replace_retry_seconds=0)
    assert calls == [1]


def test_other_errors_are_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def broken(src: str | Path, dst: str | Path) -> None:
        calls.append(1)
        raise IsADirectoryError(21, "is a directory")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(IsADirectoryError):
        atomic_write_bytes(tmp_path / "config.json", NEW, replace_retry_seconds=5.0)
    assert calls == [1]


def test_remove_stale_temp_files(tmp_path: Path) -> None:
    stale = [tmp_path / ".config.json.ab_12xyz.tmp", tmp_path / ".preferences.json.00000000.tmp"]
    keep = [
        tmp_path / "config.json",
        tmp_path / "notes.tmp",
        tmp_path / ".config.json.tmp",
        tmp_path / ".config.json.short.tmp",
    ]
    for path in stale + keep:
        path.write_bytes(b"x")
    (tmp_path / ".dir.abcdefgh.tmp").mkdir()
    removed = remove_stale_temp_files(tmp_path)
    assert removed == sorted(stale)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [p.name for p in keep] + [".dir.abcdefgh.tmp"]
    )


def test_remove_stale_matches_the_names_atomic_write_uses(tmp_path: Path) -> None:
    # The same mkstemp call a save makes, left behind as if the process had died mid-save.
    fd, name = tempfile.mkstemp(dir=tmp_path, prefix=".config.json.", suffix=TEMP_SUFFIX)
    os.close(fd)
    (tmp_path / "config.json").write_bytes(OLD)
    assert remove_stale_temp_files(tmp_path) == [Path(name)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json"]


def test_remove_stale_spares_recent_files(tmp_path: Path) -> None:
    old = tmp_path / ".config.json.aaaaaaaa.tmp"
    fresh = tmp_path / ".config.json.bbbbbbbb.tmp"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    cutoff = datetime.fromtimestamp(fresh.stat().st_mtime) - timedelta(minutes=1)
    assert remove_stale_temp_files(tmp_path, older_than=cutoff) == [old]
    assert fresh.exists()


def test_remove_stale_missing_folder_is_fine(tmp_path: Path) -> None:
    assert remove_stale_temp_files(tmp_path / "missing") == []


STAMP = datetime(2025, 3, 4, 5, 6, 7, 890123)


def test_backup_copies_bytes_under_a_stamped_name(tmp_path: Path) -> None:
    source = tmp_path / "config.json"
    source.write_bytes(OLD)
    backups = tmp_path / "backups"
    made = backup_file(source, backups, STAMP)
    assert made == backups / "config-20250304-050607-890123.json"
    assert made.read_bytes() == OLD
    assert source.read_bytes() == OLD
    assert list_backups(source, backups) == [Backup(made, STAMP)]


def test_backup_of_missing_file_is_none(tmp_path: Path) -> None:
    assert backup_file(tmp_path / "config.json", tmp_path / "backups", STAMP) is None
    assert not (tmp_path / "backups").exists()


def test_backup_name_collision_gets_a_counter(tmp_path: Path) -> None:
    source = tmp_path / "config.json"
    backups = tmp_path / "b"
    names = []
    for content in (b"1", b"2", b"3"):
        source.write_bytes(content)
        made = backup_file(source, backups, STAMP)
        assert made is not None
        names.append(made.name)
    assert names == [
        "config-20250304-050607-890123.json",
        "config-20250304-050607-890123-1.json",
        "config-20250304-050607-890123-2.json",
    ]
    listed = list_backups(source, backups)
    assert [b.path.read_bytes() for b in listed] == [b"3", b"2", b"1"]


def test_backups_are_pruned_to_the_newest_by_name_stamp(tmp_path: Path) -> None:
    source = tmp_path / "config.json"
    backups = tmp_path / "backups"
    # Stamps arrive out of order and mtimes are made to lie: only the names may decide.
    offsets = [5, 0, 11, 3, 8, 1, 10, 2, 7, 4, 9, 6]
    for i, hours in enumerate(offsets):
        source.write_bytes(f"{hours}".encode())
        made = backup_file(source, backups, STAMP + timedelta(hours=hours))
        assert made is not None
        os.utime(made, (2_000_000_000 - i, 2_000_000_000 - i))
    listed = list_backups(source, backups)
    assert len(listed) == 10
    assert [b.created for b in listed] == [STAMP + timedelta(hours=h) for h in range(11, 1, -1)]
    assert [b.path.read_bytes() for b in listed] == [str(h).encode() for h in range(11, 1, -1)]
    assert len(list(backups.iterdir())) == 10


def test_keep_and_other_files_are_respected(tmp_path: Path) -> None:
    source = tmp_path / "config.json"
    source.write_bytes(OLD)
    backups = tmp_path / "backups"
    backups.mkdir()
    strangers = ["preferences-20200101-000000-000000.json", "config-old.json", "notes.txt"]
    strangers += ["config-20209999-000000-000000.json", "config-20200101-000000-000000.txt"]
    for name in strangers:
        (backups / name).write_bytes(b"mine")
    for day in range(1, 5):
        source.write_bytes(OLD + str(day).encode())  # distinct versions: identical ones merge
        backup_file(source, backups, datetime(2025, 1, day), keep=2)
    assert [b.created for b in list_backups(source, backups)] == [
        datetime(2025, 1, 4),
        datetime(2025, 1, 3),
    ]
    for name in strangers:
        assert (backups / name).read_bytes() == b"mine"
    with pytest.raises(ValueError, match="keep"):
        backup_file(source, backups, STAMP, keep=0)


def test_list_backups_missing_dir_is_empty(tmp_path: Path) -> None:
    assert list_backups(tmp_path / "config.json", tmp_path / "nothing") == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_backup_of_a_private_file_stays_private(tmp_path: Path) -> None:
    source = tmp_path / "config.json"
    source.write_bytes(OLD)
    source.chmod(0o600)
    made = backup_file(source, tmp_path / "backups", STAMP)
    assert made is not None
    assert stat.S_IMODE(made.stat().st_mode) == 0o600


def test_identical_copies_never_push_out_older_distinct_versions(tmp_path: Path) -> None:
    source = tmp_path / "config.json"
    backups = tmp_path / "backups"
    for hour, content in enumerate([b"v0", b"v1", b"v2", b"A", b"B", b"A", b"B", b"A", b"B"]):
        source.write_bytes(content)
        backup_file(source, backups, STAMP + timedelta(hours=hour), keep=4)
    listed = list_backups(source, backups)
    # Each version once, under its newest stamp; the distinct older ones survive the churn.
    assert [b.path.read_bytes() for b in listed] == [b"B", b"A", b"v2", b"v1"]
    assert [b.created for b in listed][:2] == [
        STAMP + timedelta(hours=8),
        STAMP + timedelta(hours=7),
    ]


def leave_temp(folder: Path, name: str, *, age_seconds: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    temp = folder / name
    temp.write_bytes(b'{"half": ')
    when = temp.stat().st_mtime - age_seconds
    os.utime(temp, (when, when))
    return temp


def test_every_atomic_write_sweeps_its_folder_of_stale_temp_files(tmp_path: Path) -> None:
    folder = tmp_path / "any-folder-we-write"
    stale = leave_temp(folder, ".team-20250304-050607-890123.json.abcd_123.tmp", age_seconds=120)
    fresh = leave_temp(folder, ".config.json.zzzz9999.tmp", age_seconds=5)  # a save under way
    theirs = leave_temp(folder, "notes.tmp", age_seconds=3600)  # not our name pattern
    atomic_write_bytes(folder / "config.json", NEW)
    assert not stale.exists()
    assert fresh.exists() and theirs.exists()
    assert leftovers(folder) == sorted([fresh.name, theirs.name])


def test_the_backups_folder_is_swept_too(tmp_path: Path) -> None:
    source = tmp_path / "config.json"
    source.write_bytes(OLD)
    backups = tmp_path / "backups"
    stale = leave_temp(backups, ".config-20250101-000000-000000.json.qwerty12.tmp", age_seconds=90)
    backup_file(source, backups, STAMP)
    assert not stale.exists()
    assert leftovers(backups) == []
