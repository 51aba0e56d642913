"""File-system rules every reader and writer of ours shares: which file a path really names,
and how to read it without being tricked.

A configuration may be a symbolic link (IT links the per-user path to a team file). The file
that matters is then the link's target: its PIN, its lock, its backups and its temp files sit
beside *it*, so that every console reaching it through any name shares them (DESIGN.md, "Files").

Every file we read goes through ``read_regular_file``: a FIFO put where a file was expected
would block a plain ``open`` forever, and a link to ``/dev/zero`` would feed a plain ``read``
without end. It opens without blocking, asks ``fstat`` what it opened, and reads only a
regular file, and only up to a bound.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

from app.domain.texts import Entry, pick

_READ_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a FIFO without a writer returns at once
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)
_CHUNK: Final = 1 << 20

_TEXTS: Final[Mapping[str, Entry]] = MappingProxyType(
    {
        "not_regular": {
            "es": "no es un archivo normal (¿una carpeta, una tubería o un dispositivo?)",
            "en": "not a regular file (a folder, a pipe or a device?)",
        },
        "bad_path": {
            "es": "la ruta contiene caracteres no válidos",
            "en": "the path contains invalid characters",
        },
    }
)


class NotARegularFile(OSError):
    """A folder, FIFO, socket or device where a file was expected: never read."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


class InvalidPath(OSError):
    """A path the operating system cannot even be asked about (an embedded NUL)."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, "invalid path", repr(str(path)))


def resolved(path: Path) -> Path:
    """The file ``path`` names once every symbolic link is followed (the path itself when there
    is none). Never raises: a missing target or a link loop leaves the rest unresolved."""
    try:
        return Path(os.path.realpath(path))
    except ValueError:  # an embedded NUL: nothing to resolve, every use will refuse it
        return path


def read_regular_file(path: Path, max_bytes: int) -> bytes | None:
    """At most ``max_bytes + 1`` bytes of the regular file at ``path`` (one more than allowed
    tells the caller it is too big); None when there is no such file.

    Links are followed. ``NotARegularFile`` for a folder, FIFO, socket or device (checked on
    the opened descriptor, before any read); ``InvalidPath`` for a path with a NUL; any other
    ``OSError`` as the system reports it.
    """
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
            chunk = os.read(fd, min(remaining, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def describe_os_error(exc: OSError, lang: str) -> str:
    """The reason to show in a message: ours translated, the system's as it words it."""
    if isinstance(exc, NotARegularFile):
        return pick(lang, _TEXTS["not_regular"])
    if isinstance(exc, InvalidPath):
        return pick(lang, _TEXTS["bad_path"])
    return exc.strerror or type(exc).__name__
