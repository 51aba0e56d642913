"""Saving that never loses a supervisor's work: atomic replace, stale-temp cleanup, backups.

A reader (another console on the share, or this one after a crash) sees either the old file or
the new one, never a half-written mix; every failure leaves the target byte-identical.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

from app.storage.digest import sha256_hex
from app.storage.safe_files import (
    check_folder_for_writing,
    check_path,
    follow_for_writing,
    prepare_folder_for_writing,
    read_regular_file,
    resolved,
)

TEMP_SUFFIX: Final = ".tmp"
# mkstemp names are prefix + 8 characters from [a-z0-9_] + suffix.
_TEMP_NAME: Final = re.compile(r"^\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + r"\Z")
_STAMP_FORMAT: Final = "%Y%m%d-%H%M%S-%f"
_RETRY_SLEEP_SECONDS: Final = 0.05
# A temp file untouched this long belongs to a save that was interrupted, not to one under way.
STALE_TEMP_SECONDS: Final = 60.0
_WINDOWS: Final = os.name == "nt"
# Backups are copies of files we read with a 5 MB limit; anything far bigger is not ours.
MAX_BACKUP_BYTES: Final = 64 * 1024 * 1024


def atomic_write_bytes(
    path: Path,
    data: bytes,
    *,
    replace_retry_seconds: float | None = None,
    follow_links: bool = True,
) -> None:
    """Replace ``path`` with ``data`` all at once; on failure the old file is left untouched.

    ``replace_retry_seconds`` bounds how long a PermissionError from the final rename is retried
    (antivirus and indexers briefly lock files on Windows). Default: 3 s on Windows, 0 elsewhere,
    where that error is permanent. A symbolic link is written through, not replaced (IT may
    link the per-user path to a team file), under ``safe_files.follow_for_writing``'s rules;
    ``follow_links=False`` (caches, which nobody links) replaces a link itself instead.
    ``UnsafeLocation`` (a ``PermissionError``) when another user could redirect the write.
    """
    if follow_links:
        path = follow_for_writing(path)
    try:
        info = path.stat() if follow_links else path.lstat()
    except FileNotFoundError:
        mode = _new_file_mode()
    else:
        mode = stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else _new_file_mode()
    _write(path, data, mode, replace_retry_seconds)


def _write(path: Path, data: bytes, mode: int, replace_retry_seconds: float | None) -> None:
    temp, now = _write_temp(path, data, mode)
    try:
        _replace(temp, path, _retry_seconds(replace_retry_seconds))
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_directory(path.parent)
    # Every folder written atomically (the config's, backups/, the caches) is swept of what
    # interrupted saves left there; a console saving right now has a fresher temp file.
    _remove_stale(path.parent, now - STALE_TEMP_SECONDS)


def _retry_seconds(replace_retry_seconds: float | None) -> float:
    if replace_retry_seconds is None:
        return 3.0 if _WINDOWS else 0.0
    return replace_retry_seconds


def _write_temp(path: Path, data: bytes, mode: int) -> tuple[Path, float]:
    """``data`` in a new temp file beside ``path``, flushed to disk; with "now" by the file
    system's clock."""
    check_path(path)
    check_folder_for_writing(path.parent)
    # mkstemp opens with O_CREAT | O_EXCL (and O_NOFOLLOW where there is one): a name planted
    # in advance is never opened, let alone followed.
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    temp = Path(temp_name)
    try:
        # "Now" by the clock of the file system that stamps the folder's files (a share's
        # server, not this machine): what counts as stale is judged on the same clock.
        now = os.fstat(fd).st_mtime
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            _set_mode(stream.fileno(), temp, mode)
            os.fsync(stream.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp, now


def _mode_for(path: Path) -> int:
    try:
        info = path.stat()
    except FileNotFoundError:
        return _new_file_mode()
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else _new_file_mode()


def atomic_write_pair(path: Path, data: bytes, side: Path, side_data: bytes | None) -> None:
    """Replace ``path`` and its side file ``side`` (a signature) as one change, as far as two
    renames can be: both new files are written and flushed first (a full disk changes
    nothing), then ``side`` is renamed into place, then ``path`` last, so a watcher that
    reloads when ``path`` changes finds the new side file already there. ``side_data`` None
    removes ``side`` (before ``path`` is replaced). A crash between the two renames leaves a
    pair that does not match, which every reader refuses (a signature binds its file's
    bytes): never a new file accepted with an old signature, nor the reverse. When the last
    rename fails, the old side file is put back."""
    path, side = follow_for_writing(path), follow_for_writing(side)
    old_side = read_regular_file(side, MAX_BACKUP_BYTES)
    side_temp = None if side_data is None else _write_temp(side, side_data, _mode_for(side))[0]
    try:
        temp, now = _write_temp(path, data, _mode_for(path))
    except BaseException:
        if side_temp is not None:
            side_temp.unlink(missing_ok=True)
        raise
    retry = _retry_seconds(None)
    try:
        if side_temp is None:
            side.unlink(missing_ok=True)
        else:
            _replace(side_temp, side, retry)
    except BaseException:
        temp.unlink(missing_ok=True)
        if side_temp is not None:
            side_temp.unlink(missing_ok=True)
        raise
    try:
        _replace(temp, path, retry)
    except BaseException:
        temp.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            if old_side is None:
                side.unlink(missing_ok=True)
            else:
                _write(side, old_side, _mode_for(side), None)
        raise
    _fsync_directory(path.parent)
    _remove_stale(path.parent, now - STALE_TEMP_SECONDS)


def _set_mode(fd: int, temp: Path, mode: int) -> None:
    """On the open descriptor where there is ``fchmod``: a name can be swapped, an fd cannot."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows: only the read-only bit exists
        temp.chmod(mode)


def _new_file_mode() -> int:
    """What a plain ``open(path, "w")`` would have produced (mkstemp's 0o600 is an artefact)."""
    if _WINDOWS:
        return 0o666
    umask = os.umask(0o077)  # reading the umask means setting it; restore at once
    os.umask(umask)
    return 0o666 & ~umask


def _replace(source: Path, target: Path, retry_seconds: float) -> None:
    deadline = time.monotonic() + retry_seconds
    while True:
        try:
            source.replace(target)
            return
        except PermissionError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(_RETRY_SLEEP_SECONDS)


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable. Best effort: the new content is already in place, and
    some network file systems refuse fsync on a directory, which is no reason to report failure.
    """
    if _WINDOWS:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temp_files(folder: Path, *, older_than: datetime | None = None) -> list[Path]:
    """Delete temp files an interrupted save left behind; return the ones removed.

    Another console sharing the folder may be mid-save: pass ``older_than`` (an aware or local
    naive instant) to spare temp files modified since then.
    """
    return _remove_stale(folder, older_than.timestamp() if older_than is not None else None)


def _remove_stale(folder: Path, cutoff: float | None) -> list[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []  # gone, or not listable: nothing we can clean
    removed: list[Path] = []
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            info = entry.lstat()
            if not stat.S_ISREG(info.st_mode) or (cutoff is not None and info.st_mtime >= cutoff):
                continue
            entry.unlink()
        except OSError:
            continue  # vanished or locked: another instance is handling it
        removed.append(entry)
    return removed


@dataclass(frozen=True)
class Backup:
    """A saved copy of a file; ``created`` is the stamp from its name (naive, as passed in)."""

    path: Path
    created: datetime


def backup_file(path: Path, backup_dir: Path, stamp: datetime, keep: int = 10) -> Path | None:
    """Copy ``path`` into ``backup_dir`` under a name carrying ``stamp``, then prune
    (``prune_backups``): the newest ``keep`` distinct versions stay.

    The caller supplies the stamp so storage never reads the clock. Returns None when ``path``
    does not exist (nothing to lose yet). A link is backed up as its target, named after it.
    """
    if keep < 1:
        raise ValueError("keep must be at least 1")
    made = copy_to_backups(path, backup_dir, stamp)
    if made is not None:
        prune_backups(path, backup_dir, keep)
    return made


def copy_to_backups(
    path: Path, backup_dir: Path, stamp: datetime, content: bytes | None = None
) -> Path | None:
    """The copying half of ``backup_file``, for a caller that prunes only once its own write
    succeeded. ``content``: the bytes the caller already read (and compared) under its lock;
    None reads them. Returns None when ``path`` does not exist."""
    data = _read_backup_source(path) if content is None else content
    if data is None:
        return None
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None
    path = resolved(path)
    backup_dir = prepare_folder_for_writing(backup_dir)
    base = f"{path.stem}-{stamp.strftime(_STAMP_FORMAT)}"
    target = backup_dir / f"{base}{path.suffix}"
    counter = 0
    while target.exists():
        counter += 1
        target = backup_dir / f"{base}-{counter}{path.suffix}"
    _write(target, data, mode, None)  # a private file keeps private copies
    return target


def _read_backup_source(path: Path) -> bytes | None:
    data = read_regular_file(path, MAX_BACKUP_BYTES)
    if data is not None and len(data) > MAX_BACKUP_BYTES:
        raise OSError(errno.EFBIG, "too big to back up", str(path))
    return data


def prune_backups(path: Path, backup_dir: Path, keep: int) -> list[Path]:
    """Keep the newest ``keep`` distinct versions of ``path``; return the copies removed.

    A copy whose bytes equal a newer copy's is removed first, so that saving the same content
    again and again never pushes older, different versions out. A copy that cannot be read
    counts as distinct (never delete what could not be compared).
    """
    if keep < 1:
        raise ValueError("keep must be at least 1")
    seen: set[str] = set()
    distinct = 0
    removed: list[Path] = []
    for _, backup in _backups_newest_first(path, backup_dir):
        try:
            data = read_regular_file(backup.path, MAX_BACKUP_BYTES)
        except OSError:
            data = None
        digest = None if data is None or len(data) > MAX_BACKUP_BYTES else sha256_hex(data)
        if (digest is not None and digest in seen) or distinct >= keep:
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
            removed.append(backup.path)
            continue
        if digest is not None:
            seen.add(digest)
        distinct += 1
    return removed


def list_backups(path: Path, backup_dir: Path) -> list[Backup]:
    """Backups of ``path`` in ``backup_dir``, newest first by the stamp in their names."""
    return [backup for _, backup in _backups_newest_first(path, backup_dir)]


def _backups_newest_first(path: Path, backup_dir: Path) -> list[tuple[int, Backup]]:
    path = resolved(path)
    pattern = re.compile(
        re.escape(path.stem) + r"-(\d{8}-\d{6}-\d{6})(?:-(\d+))?" + re.escape(path.suffix) + r"\Z"
    )
    found: list[tuple[int, Backup]] = []
    try:
        entries = list(backup_dir.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if match is None or not entry.is_file():
            continue
        try:
            created = datetime.strptime(match.group(1), _STAMP_FORMAT)
        except ValueError:
            continue  # digits in the right places but not a real date
        found.append((int(match.group(2) or 0), Backup(entry, created)))
    found.sort(key=lambda item: (item[1].created, item[0]), reverse=True)
    return found
