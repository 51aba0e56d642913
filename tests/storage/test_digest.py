"""The built-in SHA-256 gives exactly hashlib's digests (file identities depend on it)."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from app.storage.digest import sha256_hex


@given(st.binary(max_size=5000))
def test_same_digest_as_hashlib(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_known_vector() -> None:
    assert sha256_hex(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
