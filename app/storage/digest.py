"""SHA-256 of bytes, without loading OpenSSL when the interpreter has its own.

``hashlib`` loads OpenSSL's libcrypto (≈3.5 MB resident) to offer every algorithm; the console
needs one, for file identities (``file_digest``), and CPython ships a built-in SHA-256
(``_sha2`` from 3.12, ``_sha256`` before) that ``hashlib`` itself falls back to. Only the PIN
check (scrypt) needs OpenSSL, and it imports ``hashlib`` when a supervisor asks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _builtin_sha256() -> Callable[[bytes], Any]:
    try:
        from _sha2 import sha256  # type: ignore[import-not-found]  # noqa: PLC0415
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found]  # noqa: PLC0415
        except ImportError:  # an interpreter without them: OpenSSL's is just as right
            from hashlib import sha256  # noqa: PLC0415
    result: Callable[[bytes], Any] = sha256
    return result


_SHA256: Callable[[bytes], Any] = _builtin_sha256()


def sha256_hex(data: bytes) -> str:
    """The hex SHA-256 of ``data``, the same as ``hashlib.sha256(data).hexdigest()``."""
    digest: str = _SHA256(data).hexdigest()
    return digest
