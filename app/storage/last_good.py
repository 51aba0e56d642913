"""A local copy of the last configuration that loaded, for when its share goes away.

Consoles keep working through a network outage: after each successful load of a real file
(never the embedded default) its exact bytes are kept in the user cache, under
``last-good/<sha256 of the path>.json``, with a small ``.meta.json`` saying which file they
came from, when, and their digest. A copy whose digest does not match its bytes (an
interrupted write, a hand edit) is ignored rather than shown.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from app.domain.problems import ConfigInvalid
from app.storage.atomic import atomic_write_bytes
from app.storage.digest import sha256_hex
from app.storage.jsontext import MAX_CONFIG_BYTES, read_cache_document, read_small_file
from app.storage.minisign import MAX_SIGNATURE_BYTES, SIGNATURE_SUFFIX

_MAX_META_BYTES = 16 * 1024


@dataclass(frozen=True)
class Remembered:
    """The kept bytes of ``source``, as they were at ``saved``."""

    source: Path
    raw: bytes
    saved: dt.datetime


class LastKnownGood:
    """One copy per configuration path, inside ``cache_dir / "last-good"``."""

    def __init__(self, cache_dir: Path) -> None:
        self.folder = cache_dir / "last-good"

    def _key(self, path: Path) -> str:
        return sha256_hex(str(path.absolute()).encode("utf-8"))

    def copy_path(self, path: Path) -> Path:
        return self.folder / f"{self._key(path)}.json"

    def _meta_path(self, path: Path) -> Path:
        return self.folder / f"{self._key(path)}.meta.json"

    def signature_path(self, path: Path) -> Path:
        """The kept copy's signature, where ``ConfigStore.read`` of the copy looks for it: a
        cache skips work, never a rule, so a copy of a signed file is verified again."""
        copy = self.copy_path(path)
        return copy.with_name(copy.name + SIGNATURE_SUFFIX)

    def remember(
        self, path: Path, raw: bytes, saved: dt.datetime, minisig: bytes | None = None
    ) -> bool:
        """Keep ``raw`` (and its signature) as the last good copy of ``path``; False when the
        cache is unwritable (a nicety lost, not an error) or already holds these bytes.
        ``saved`` comes from the caller's clock: storage never reads the clock."""
        digest = sha256_hex(raw)
        current = self.recall(path)
        if current is not None and current.raw == raw and self._kept_signature(path) == minisig:
            return False
        meta = {"source": str(path.absolute()), "saved": saved.isoformat(), "sha256": digest}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if minisig is None:
                self.signature_path(path).unlink(missing_ok=True)
            else:
                atomic_write_bytes(self.signature_path(path), minisig, follow_links=False)
            atomic_write_bytes(self.copy_path(path), raw, follow_links=False)
            meta_bytes = json.dumps(meta).encode("utf-8")
            atomic_write_bytes(self._meta_path(path), meta_bytes, follow_links=False)
        except OSError:
            return False
        return True

    def _kept_signature(self, path: Path) -> bytes | None:
        try:
            return read_small_file(self.signature_path(path), max_bytes=MAX_SIGNATURE_BYTES)
        except ConfigInvalid:
            return None

    def recall(self, path: Path) -> Remembered | None:
        """The kept copy of ``path``, or None when there is none or it cannot be trusted."""
        try:
            raw = read_small_file(self.copy_path(path), max_bytes=MAX_CONFIG_BYTES)
        except ConfigInvalid:
            return None
        meta = read_cache_document(self._meta_path(path), max_bytes=_MAX_META_BYTES)
        if raw is None or not isinstance(meta, dict):
            return None
        stamp, digest = meta.get("saved"), meta.get("sha256")
        if not isinstance(stamp, str) or digest != sha256_hex(raw):
            return None
        try:
            saved = dt.datetime.fromisoformat(stamp)
        except ValueError:
            return None
        return Remembered(path, raw, saved)
