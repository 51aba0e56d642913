"""File-system rules every reader and writer of ours shares: which file a path really names,
and how to read it without being tricked.

A configuration may be a symbolic link (IT links the per-user path to a team file). The file
that matters is then the link's target: its PIN, its lock, its backups and its temp files sit
beside *it*, so that every console reaching it through any name shares them (DESIGN.md, "Files").

Every file we read goes through ``read_regular_file``: a FIFO put where a file was expected
would block a plain ``open`` forever, and a link to ``/dev/zero`` would feed a plain ``read``
without end. It opens without blocking, asks ``fstat`` what it opened, and reads only a
regular file, and only up to a bound.

Writing follows a careful POSIX program's rules, in the spirit of Linux's
``fs.protected_symlinks``: nothing is written into a folder anyone may change that lacks the
sticky bit (anyone could swap our temp file or plant links there); a link in a folder
writable by all is followed only when it belongs to us or to the folder's owner; a link to
something that is no regular file (``/dev/zero``) is never written through. Files are created
with ``O_CREAT | O_EXCL | O_NOFOLLOW`` (``tempfile.mkstemp``) or ``O_NOFOLLOW`` (the lock).
On Windows, which has none of these bits, the checks are skipped.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

from app.domain.texts import N_, tr

_READ_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a FIFO without a writer returns at once
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)
_MAX_LINKS: Final = 40  # as the kernel's ELOOP limit
NO_FOLLOW: Final = getattr(os, "O_NOFOLLOW", 0)
# C0/C1 controls and DEL; line and paragraph separators: never part of a real file name.
_CONTROL_CATEGORIES: Final = frozenset({"Cc", "Zl", "Zp"})

_TEXTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "not_regular": N_("not a regular file (a folder, a pipe or a device?)"),
        "open_folder": N_(
            "anyone can change the folder {path} (writable by all, without the sticky bit); "
            "nothing is written there"
        ),
        "foreign_link": N_(
            "the link {path} belongs to another user in a shared folder; not followed"
        ),
        "bad_path": N_("the path contains control characters"),
    }
)


class NotARegularFile(OSError):
    """A folder, FIFO, socket or device where a file was expected: never read."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


class InvalidPath(OSError):
    """A path with a control character: a NUL cannot even be handed to the system, and none
    belongs in a real file name (each would break the one-line messages that name it)."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "invalid path", repr(str(path)))


class UnsafeLocation(PermissionError):
    """Writing here would let another user redirect or swap what we write."""

    def __init__(self, reason: str, path: Path) -> None:
        super().__init__(errno.EPERM, reason.replace("_", " "), str(path))
        self.reason = reason


def resolved(path: Path) -> Path:
    """The file ``path`` names once every symbolic link is followed (the path itself when there
    is none). Never raises: a missing target or a link loop leaves the rest unresolved."""
    try:
        return Path(os.path.realpath(path))
    except ValueError:  # an embedded NUL: nothing to resolve, every use will refuse it
        return path


def same_file(first: Path, second: Path) -> bool:
    """Whether two names reach one file: through links, ``..``, hard links or case folding."""
    if os.path.normcase(resolved(first)) == os.path.normcase(resolved(second)):
        return True
    try:
        return first.samefile(second)
    except (OSError, ValueError):
        return False  # one of them does not exist (yet): then the names decided


def read_regular_file(path: Path, max_bytes: int) -> bytes | None:
    """At most ``max_bytes + 1`` bytes of the regular file at ``path`` (one more than allowed
    tells the caller it is too big); None when there is no such file.

    Links are followed. ``NotARegularFile`` for a folder, FIFO, socket or device (checked on
    the opened descriptor, before any read); ``InvalidPath`` for a path with a control
    character; any other ``OSError`` as the system reports it.
    """
    check_path(path)
    try:
        fd = os.open(path, _READ_FLAGS)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except ValueError:
        raise InvalidPath(path) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(path)
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)  # a regular file on a network share may still be slow
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            # one read for a regular file (whose size is known), so no second copy is made;
            # the loop is for the short reads a network file system may give
            chunk = os.read(fd, remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def check_path(path: Path) -> None:
    """``InvalidPath`` when ``path`` holds a control character (a NUL, a newline, DEL…)."""
    if any(unicodedata.category(char) in _CONTROL_CATEGORIES for char in str(path)):
        raise InvalidPath(path)


def printable_path(path: Path) -> str:
    """``path`` for a one-line message: each control character escaped (``\\n``, ``\\x00``)."""
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) in _CONTROL_CATEGORIES else char
        for char in str(path)
    )


def check_folder_for_writing(folder: Path) -> None:
    """``UnsafeLocation`` when ``folder`` is writable by all without the sticky bit: anyone
    could replace our temp file between its writing and its rename. A folder that cannot be
    examined is left to the write itself to report."""
    if sys.platform == "win32":
        return
    try:
        mode = folder.stat().st_mode
    except (OSError, ValueError):
        return
    if mode & stat.S_IWOTH and not mode & stat.S_ISVTX:
        raise UnsafeLocation("open_folder", folder)


def follow_for_writing(path: Path) -> Path:
    """The file a write to ``path`` replaces: its links followed, each one checked.

    ``UnsafeLocation`` for a link that another user planted in a folder writable by all;
    ``NotARegularFile`` when what the links reach exists and is no regular file (a write
    must never replace a device or a FIFO); ``OSError`` (ELOOP) for a loop.
    """
    check_path(path)
    current = _follow_checked(path)
    try:
        mode = current.stat().st_mode
    except FileNotFoundError:
        return resolved(current)
    if not stat.S_ISREG(mode):
        raise NotARegularFile(current)
    return resolved(current)


def prepare_folder_for_writing(folder: Path) -> Path:
    """Create ``folder`` (and its parents) unless present; refuse it as ``follow_for_writing``
    and ``check_folder_for_writing`` would (a ``backups`` link planted by another user)."""
    target = _follow_checked(folder)
    target.mkdir(parents=True, exist_ok=True)
    check_folder_for_writing(target)
    return target


def _follow_checked(path: Path) -> Path:
    current = path
    for _ in range(_MAX_LINKS):
        try:
            info = current.lstat()
        except FileNotFoundError:
            return current
        except ValueError:
            raise InvalidPath(path) from None
        if not stat.S_ISLNK(info.st_mode):
            return current
        _check_link_owner(current, info)
        target = current.readlink()
        current = target if target.is_absolute() else current.parent / target
    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))


def _check_link_owner(link: Path, info: os.stat_result) -> None:
    if sys.platform == "win32":
        return
    folder = link.parent.stat()
    if folder.st_mode & stat.S_IWOTH and info.st_uid not in (os.geteuid(), folder.st_uid):
        raise UnsafeLocation("foreign_link", link)


def describe_os_error(exc: OSError, lang: str) -> str:
    """The reason to show in a message: ours translated, the system's as it words it."""
    if isinstance(exc, UnsafeLocation):
        return tr(lang, _TEXTS[exc.reason], path=exc.filename)
    if isinstance(exc, NotARegularFile):
        return tr(lang, _TEXTS["not_regular"])
    if isinstance(exc, InvalidPath):
        return tr(lang, _TEXTS["bad_path"])
    return exc.strerror or type(exc).__name__
