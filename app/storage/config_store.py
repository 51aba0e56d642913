"""The active configuration file: load it with precise errors, import, export, save safely.

Rules (DESIGN.md, "Files"): when the active file does not exist the embedded default is used;
a file that fails to load is never written over by anything but an explicit import or save of
a valid configuration, and the previous bytes are always kept as a backup first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain.document import config_from_document, config_to_document
from app.domain.model import Config
from app.domain.problems import ConfigInvalid, Problem
from app.domain.texts import pick
from app.storage.atomic import atomic_write_bytes, backup_file, remove_stale_temp_files
from app.storage.jsontext import MAX_CONFIG_BYTES, parse_json_document

BACKUPS_KEPT = 10

_MESSAGES = {
    "unreadable": {
        "es": "no se puede leer el archivo ({error})",
        "en": "cannot read the file ({error})",
    },
    "missing": {"es": "el archivo no existe", "en": "the file does not exist"},
    "unwritable": {"es": "no se puede escribir ({error})", "en": "cannot write ({error})"},
    "conflict": {
        "es": "el archivo cambió en disco desde que se abrió; no se sobrescribe",
        "en": "the file changed on disk since it was opened; not overwritten",
    },
}


class ConfigFileError(ConfigInvalid):
    """A configuration file was rejected; knows which file, for the one-line messages."""

    def __init__(self, source: Path, problems: tuple[Problem, ...] | list[Problem]) -> None:
        super().__init__(problems)
        self.source = source

    def lines(self) -> list[str]:
        return self.render(str(self.source))


class ConfigConflict(ConfigFileError):
    """Someone else changed the file since we read it: saving would lose their edit."""


@dataclass(frozen=True)
class LoadedConfig:
    config: Config
    source: Path
    is_default: bool
    raw: bytes

    @property
    def digest(self) -> str:
        """Identity of the bytes read; compared before saving (mtimes lie on shares)."""
        return file_digest(self.raw)


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def config_to_bytes(config: Config) -> bytes:
    return (json.dumps(config_to_document(config), ensure_ascii=False, indent=2) + "\n").encode()


class ConfigStore:
    """One active file, its backups, and the embedded default behind it."""

    def __init__(
        self,
        path: Path,
        backup_dir: Path,
        default_path: Path,
        *,
        lang: str = "es",
        holiday_countries: Callable[[], frozenset[str]] | None = None,
    ) -> None:
        self.path = path
        self.backup_dir = backup_dir
        self.default_path = default_path
        self.lang = lang
        self._holiday_countries = holiday_countries

    def clean_up_interrupted_saves(self, older_than: dt.datetime) -> list[Path]:
        """Leftover temp files of a save that was killed half-way; the target is intact.

        Only files older than ``older_than``: another console may be saving right now.
        """
        return remove_stale_temp_files(self.path.parent, older_than=older_than)

    def load(self) -> LoadedConfig:
        """The active file, or the embedded default when there is none yet."""
        if self.path.exists():
            return self.read(self.path)
        return self.read(self.default_path, is_default=True)

    def read(self, path: Path, *, is_default: bool = False) -> LoadedConfig:
        raw = self._read_bytes(path)
        try:
            document = parse_json_document(raw, lang=self.lang)
            countries = self._holiday_countries() if self._holiday_countries else None
            config = config_from_document(document, lang=self.lang, holiday_countries=countries)
        except ConfigInvalid as exc:
            raise ConfigFileError(path, exc.problems) from None
        return LoadedConfig(config, path, is_default, raw)

    def import_file(self, source: Path, stamp: dt.datetime) -> Path | None:
        """Validate ``source`` and make it the active file; returns the backup of the old one."""
        loaded = self.read(source)
        return self._replace(config_to_bytes(loaded.config), stamp)

    def export(self, destination: Path) -> None:
        """Write the active (or default) configuration, normalised, to ``destination``."""
        data = config_to_bytes(self.load().config)
        self._write(destination, data)

    def save(
        self, config: Config, *, expected_digest: str | None, stamp: dt.datetime
    ) -> LoadedConfig:
        """Save unless the file changed since it was read (None: it did not exist then)."""
        current = self._current_bytes()
        current_digest = None if current is None else file_digest(current)
        if current_digest != expected_digest:
            raise ConfigConflict(self.path, [Problem(pick(self.lang, _MESSAGES["conflict"]))])
        data = config_to_bytes(config)
        self._replace(data, stamp)
        return LoadedConfig(config, self.path, False, data)

    def _replace(self, data: bytes, stamp: dt.datetime) -> Path | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            backup = backup_file(self.path, self.backup_dir, stamp, keep=BACKUPS_KEPT)
        except OSError as exc:
            raise self._error(self.backup_dir, "unwritable", exc) from None
        self._write(self.path, data)
        return backup

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)
        except OSError as exc:
            raise self._error(path, "unwritable", exc) from None

    def _current_bytes(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._error(self.path, "unreadable", exc) from None

    def _read_bytes(self, path: Path) -> bytes:
        try:
            with path.open("rb") as handle:
                return handle.read(MAX_CONFIG_BYTES + 1)
        except FileNotFoundError:
            raise ConfigFileError(path, [Problem(pick(self.lang, _MESSAGES["missing"]))]) from None
        except OSError as exc:
            raise self._error(path, "unreadable", exc) from None

    def _error(self, path: Path, key: str, exc: OSError) -> ConfigFileError:
        detail = exc.strerror or exc.__class__.__name__
        return ConfigFileError(path, [Problem(pick(self.lang, _MESSAGES[key], error=detail))])
