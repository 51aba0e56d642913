"""The last good copy of a configuration published over HTTPS, kept in the user cache.

It is an optimisation (its ``ETag`` makes every later fetch conditional) and also the offline
copy: when the server cannot be reached, the console and ``canales status`` show it. So it is
never trusted as it lies on disk: whoever reads it validates it again, fully, under the same
rules as a fresh download (signature included), and a damaged entry is a miss.

Per URL, under ``remote/<sha256 of the URL>``: the body (``.json``), its detached signature when
one was published (``.minisig``), and ``.meta.json`` — the URL, the validators (``etag``,
``last_modified`` of the body and of the signature), ``fetched_at`` (the last time the server
confirmed this copy, by a 200 or a 304), the signer, and the SHA-256 of each stored file. The
metadata is written last; a digest that does not match its file (an interrupted write, a hand
edit, another URL's entry) makes the whole entry a miss.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final

from app.domain.problems import ConfigInvalid
from app.storage.atomic import atomic_write_bytes
from app.storage.config_source import ConfigUrl
from app.storage.digest import sha256_hex
from app.storage.jsontext import MAX_CONFIG_BYTES, read_cache_document, read_small_file

_MAX_META_BYTES: Final = 16 * 1024
_MAX_SIGNATURE_BYTES: Final = 64 * 1024


@dataclass(frozen=True)
class CachedCopy:
    """A configuration as last fetched from ``url``; ``signature`` its ``.minisig`` bytes."""

    url: str
    raw: bytes
    fetched_at: dt.datetime
    etag: str | None = None
    last_modified: str | None = None
    signature: bytes | None = None
    signature_etag: str | None = None
    signature_last_modified: str | None = None
    signed_by: str | None = None
    signed_at: str | None = None


class RemoteCache:
    """One entry per URL inside ``cache_dir / "remote"``."""

    def __init__(self, cache_dir: Path) -> None:
        self.folder = cache_dir / "remote"

    def _stem(self, url: ConfigUrl) -> Path:
        return self.folder / sha256_hex(url.url.encode("utf-8"))

    def body_path(self, url: ConfigUrl) -> Path:
        return self._stem(url).with_suffix(".json")

    def _signature_path(self, url: ConfigUrl) -> Path:
        return self._stem(url).with_suffix(".minisig")

    def _meta_path(self, url: ConfigUrl) -> Path:
        return self._stem(url).with_suffix(".meta.json")

    def store(self, copy: CachedCopy) -> bool:
        """Keep ``copy`` (already validated by the caller); False when the cache cannot be
        written (the console goes on; only the offline copy is lost)."""
        url = ConfigUrl(copy.url)
        meta = _meta_document(copy)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            current = self.load(url)
            if current is None or current.raw != copy.raw:
                atomic_write_bytes(self.body_path(url), copy.raw, follow_links=False)
            signature_path = self._signature_path(url)
            if copy.signature is not None:
                if current is None or current.signature != copy.signature:
                    atomic_write_bytes(signature_path, copy.signature, follow_links=False)
            else:
                with contextlib.suppress(FileNotFoundError):
                    signature_path.unlink()
            data = json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8")
            atomic_write_bytes(self._meta_path(url), data, follow_links=False)
        except OSError:
            return False
        return True

    def confirmed(self, copy: CachedCopy, at: dt.datetime) -> CachedCopy:
        """The server said ``304``: the same copy, confirmed ``at`` (only the metadata is
        rewritten)."""
        renewed = replace(copy, fetched_at=at)
        try:
            data = json.dumps(_meta_document(renewed), ensure_ascii=False, indent=1)
            atomic_write_bytes(
                self._meta_path(ConfigUrl(copy.url)), data.encode("utf-8"), follow_links=False
            )
        except OSError:
            pass  # the copy on disk keeps its older date; nothing else is lost
        return renewed

    def load(self, url: ConfigUrl) -> CachedCopy | None:
        """The entry for ``url`` as it lies on disk, or None for a miss (absent, damaged,
        another URL's). Not validated: see the module's note."""
        meta = read_cache_document(self._meta_path(url), max_bytes=_MAX_META_BYTES)
        if not isinstance(meta, dict) or meta.get("url") != url.url:
            return None
        try:
            raw = read_small_file(self.body_path(url), max_bytes=MAX_CONFIG_BYTES)
            signature = read_small_file(self._signature_path(url), max_bytes=_MAX_SIGNATURE_BYTES)
        except ConfigInvalid:
            return None
        if raw is None or meta.get("sha256") != sha256_hex(raw):
            return None
        signature_digest = meta.get("signature_sha256")
        if signature_digest is None:
            signature = None  # a stray file, not part of the entry
        elif signature is None or signature_digest != sha256_hex(signature):
            return None
        try:
            fetched_at = dt.datetime.fromisoformat(str(meta.get("fetched_at")))
        except ValueError:
            return None
        if fetched_at.tzinfo is None:
            return None
        return CachedCopy(
            url.url,
            raw,
            fetched_at,
            etag=_text(meta, "etag"),
            last_modified=_text(meta, "last_modified"),
            signature=signature,
            signature_etag=_text(meta, "signature_etag"),
            signature_last_modified=_text(meta, "signature_last_modified"),
            signed_by=_text(meta, "signed_by"),
            signed_at=_text(meta, "signed_at"),
        )


def _text(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    return value if isinstance(value, str) else None


def _meta_document(copy: CachedCopy) -> dict[str, object]:
    return {
        "url": copy.url,
        "etag": copy.etag,
        "last_modified": copy.last_modified,
        "fetched_at": copy.fetched_at.isoformat(),
        "sha256": sha256_hex(copy.raw),
        "signature_sha256": None if copy.signature is None else sha256_hex(copy.signature),
        "signature_etag": copy.signature_etag,
        "signature_last_modified": copy.signature_last_modified,
        "signed_by": copy.signed_by,
        "signed_at": copy.signed_at,
    }
