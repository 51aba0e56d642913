"""An inter-process lock beside a file, so "check it did not change, then replace it" is one
step for every console sharing that file.

The lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on a
small hidden ``.<name>.lock`` file that is created once and never deleted (deleting a lock
file races with whoever is opening it). The kernel drops the lock when its holder dies, so a
console killed mid-save leaves no stale lock to recover from, unlike ``O_EXCL`` lock files.
On network shares these locks are only as good as the share's lock support (SMB and NFSv4
honour them).
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from app.storage.safe_files import (
    NO_FOLLOW,
    NotARegularFile,
    check_folder_for_writing,
    resolved,
)

_POLL_SECONDS: Final = 0.01
# Never follow a link planted under the lock's name (O_CREAT would create its target), and
# never block opening a FIFO planted there; fstat then refuses anything but a regular file.
_OPEN_FLAGS: Final = NO_FOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def lock_path_for(target: Path) -> Path:
    """Beside the resolved file: consoles reaching it through a link and through its own name
    must contend for one lock."""
    target = resolved(target)
    return target.with_name(f".{target.name}.lock")


@contextmanager
def exclusive_lock(target: Path, *, timeout: float = 10.0) -> Iterator[None]:
    """Hold the lock for ``target`` for the ``with`` block.

    ``TimeoutError`` after ``timeout`` seconds of someone else holding it; ``OSError`` when the
    lock file cannot be created or opened (a read-only folder: saving would fail anyway), is
    a link or no regular file, or sits in a folder anyone may change (``UnsafeLocation``).
    """
    path = lock_path_for(target)
    check_folder_for_writing(path.parent)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _OPEN_FLAGS, 0o666)
    except PermissionError:
        fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)  # a colleague's, with a stricter umask
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(path)
        _acquire(fd, time.monotonic() + timeout)
        try:
            yield
        finally:
            _release(fd)
    finally:
        os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _acquire(fd: int, deadline: float) -> None:
        while True:
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return
            except OSError:
                if time.monotonic() >= deadline:
                    raise TimeoutError("lock held by another process") from None
                time.sleep(_POLL_SECONDS)

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _acquire(fd: int, deadline: float) -> None:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TimeoutError("lock held by another process") from None
                time.sleep(_POLL_SECONDS)

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
