"""The last configuration that passed validation, remembered by the digest of its bytes.

Validating a file means building pydantic's validator (≈40 ms, ≈25 MB) and phonenumbers'
metadata; a console or ``canales status`` started on the same bytes as last time need not pay
that again. The entry is keyed by the file's bytes and by everything validation depends on
(this program's version and model code, the ``holidays`` package that names the countries), so
any change to either validates afresh. Like the holiday cache it is only an optimisation: an
entry that is missing, unreadable, stale or of the wrong shape means "validate the file".

The cache sits in the agent's own cache folder, which only the agent (who can edit the config
file too) can write; links are checked again where they are opened (``app.domain.contacts``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from app.domain import document, model, rebuild, rules, values
from app.domain.document import config_to_document
from app.domain.model import Config
from app.domain.rebuild import config_from_validated_document
from app.storage.atomic import atomic_write_bytes
from app.storage.digest import sha256_hex
from app.storage.package_versions import installed_version

_MODEL_CODE = (model, values, rules, document, rebuild)


VALIDATION_DEPENDENCIES = (
    ("holidays", "holidays"),  # which countries exist
    ("phonenumbers", "phonenumberslite"),  # which numbers are valid
    ("pydantic", "pydantic"),  # the validator itself (it pins pydantic-core)
    ("tzdata", "tzdata"),  # which time zones exist, where the system has no database
)


def dependency_versions() -> list[str]:
    return [installed_version(module, dist) for module, dist in VALIDATION_DEPENDENCIES]


def validation_stamp(app_version: str, dependencies: Sequence[str]) -> str:
    """What a validation result depends on besides the file: the releases, and in a source
    checkout the model's code itself (a frozen bundle changes only with its version)."""
    parts = [app_version, *dependencies, str(model.SCHEMA_VERSION)]
    for module in _MODEL_CODE:
        try:
            parts.append(str(Path(module.__file__ or "").stat().st_mtime_ns))
        except OSError:
            parts.append("frozen")
    return "|".join(parts)


class ValidatedConfigCache:
    def __init__(self, path: Path, stamp: str) -> None:
        self.path = path
        self._stamp = stamp

    def get(self, raw: bytes) -> Config | None:
        """The configuration these bytes validated to last time, or None."""
        try:
            entry = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != self._key(raw):
            return None
        try:
            return config_from_validated_document(entry.get("config"))
        except ValueError:
            return None

    def put(self, raw: bytes, config: Config) -> None:
        """Remember that ``raw`` validated to ``config`` (which must come from validation)."""
        entry = {"key": self._key(raw), "config": config_to_document(config)}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a read-only or full cache only costs speed

    def _key(self, raw: bytes) -> str:
        return sha256_hex(self._stamp.encode("utf-8") + b"\0" + raw)
