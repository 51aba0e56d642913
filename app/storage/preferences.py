"""The agent's own preferences (window, language, theme, copy format…), apart from the config.

The configuration belongs to the supervisors and may live on a share; preferences belong to the
one agent at this desk and live beside the per-user config file (``AppPaths.preferences_file``).
They are machine-written, so keys this version does not know are ignored when reading but kept
when writing (a newer Canales on the same roaming profile keeps its settings).

A file that cannot be used is never silently destroyed (DESIGN.md, "Files"): ``load`` falls back
to the defaults (keeping every field that is still valid), reports why in ``problems``, and leaves
the file alone. Only the next ``save`` — which the GUI calls when the agent changes a preference —
first moves the bad file aside to ``preferences.json.broken`` (``.broken.1``, ``.broken.2``… if
that name is taken) and then writes the new file atomically.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal

from app.domain.copy_format import CopyFormat
from app.domain.problems import ConfigInvalid, Problem
from app.domain.texts import N_, tr
from app.domain.typed import build, field_types
from app.storage.atomic import atomic_write_bytes
from app.storage.jsontext import MAX_CONFIG_BYTES, parse_json_document
from app.storage.safe_files import describe_os_error, read_regular_file

SCHEMA_VERSION: Final = 1
BROKEN_SUFFIX: Final = ".broken"

Theme = Literal["system", "light", "dark", "high-contrast"]

_TEXTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "unreadable": N_("cannot read the preferences ({error}); using the defaults"),
        "not_object": N_("the preferences must be a JSON object {{…}}; using the defaults"),
        "bad_value": N_("invalid value; using the default"),
    }
)


@dataclass(frozen=True, kw_only=True)
class Preferences:
    """One agent's choices. Immutable: change one with ``dataclasses.replace(prefs, …)``.

    ``language`` None follows the configuration's language. ``copy_format`` defaults to E.164,
    which both softphones and messages accept. ``window_geometry``/``window_state`` are the
    base64 text of ``QWidget.saveGeometry()``/``QMainWindow.saveState()``, opaque here.
    Machine-written plain values, so the declared types are the whole check
    (``app.domain.typed.build``): no pydantic on the console's start-up.
    """

    language: Literal["es", "en"] | None = None
    copy_format: CopyFormat = CopyFormat.E164
    always_on_top: bool = False
    compact: bool = False
    week_view: bool = False
    close_to_tray: bool = True
    theme: Theme = "system"
    request_type: str = "all"
    watched_channels: list[str] = field(default_factory=list)
    notify: bool = True
    window_geometry: str | None = None
    window_state: str | None = None
    signing_key: str | None = None  # the supervisor's minisign secret key file (never a password)
    schema_version: int = SCHEMA_VERSION


def preferences_to_bytes(prefs: Preferences, unknown: Mapping[str, object] | None = None) -> bytes:
    """Readable, stable JSON; ``unknown`` keys (from a newer version) ride along after ours."""
    document: dict[str, object] = dataclasses.asdict(prefs)
    for key, value in (unknown or {}).items():
        document.setdefault(key, value)
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class PreferencesStore:
    """Loads and saves one preferences file; remembers whether it must be set aside first.

    Not thread-safe; the GUI thread owns it. ``lang`` only chooses the language of
    ``problems``; it may be changed at any time.
    """

    def __init__(self, path: Path, *, lang: str = "es") -> None:
        self.path = path
        self.lang = lang
        self._problems: tuple[Problem, ...] = ()
        self._set_aside_pending = False
        self._loaded: Preferences | None = None
        self._unknown: dict[str, object] = {}

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Why the last ``load`` could not use (all of) the file; empty when it could."""
        return self._problems

    @property
    def needs_set_aside(self) -> bool:
        """True while a broken file from the last ``load`` waits to be moved aside by ``save``."""
        return self._set_aside_pending

    def messages(self) -> list[str]:
        """The problems as ``FILE:LINE:COL: message`` lines, for the log or a status bar."""
        return [problem.render(str(self.path)) for problem in self._problems]

    def load(self) -> Preferences:
        """The saved preferences; defaults (no problem) when there is no file yet.

        Never raises for a bad file: unreadable, not JSON or not an object gives the defaults;
        fields with invalid values fall back to their defaults one by one. Either way
        ``problems`` says why and the file is left untouched until the next ``save``.
        """
        self._problems = ()
        self._set_aside_pending = False
        self._unknown = {}
        prefs = self._read()
        self._loaded = prefs
        self._set_aside_pending = bool(self._problems)
        return prefs

    def save(self, prefs: Preferences) -> None:
        """Write ``prefs`` atomically, creating the folder; raises ``OSError`` when it cannot.

        If the last ``load`` found a bad file, saving the very preferences it returned is a
        no-op (nothing changed, so nothing to write over it); otherwise the bad file is first
        renamed to ``preferences.json.broken`` and kept. Call ``load`` before ``save``.
        """
        if self._set_aside_pending:
            if prefs == self._loaded:
                return
            if self.path.exists() or self.path.is_symlink():
                self.path.replace(self._free_broken_name())
            self._set_aside_pending = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.path, preferences_to_bytes(prefs, self._unknown))
        self._loaded = prefs

    def _read(self) -> Preferences:
        try:
            data = read_regular_file(self.path, MAX_CONFIG_BYTES)
        except OSError as exc:
            detail = describe_os_error(exc, self.lang)
            self._problems = (Problem(tr(self.lang, _TEXTS["unreadable"], error=detail)),)
            return Preferences()
        if data is None:
            return Preferences()
        try:
            document = parse_json_document(data, lang=self.lang)
        except ConfigInvalid as exc:
            self._problems = exc.problems
            return Preferences()
        if not isinstance(document, dict):
            self._problems = (Problem(tr(self.lang, _TEXTS["not_object"])),)
            return Preferences()
        known = field_types(Preferences)
        self._unknown = {key: value for key, value in document.items() if key not in known}
        return self._validate_salvaging(document, known)

    def _validate_salvaging(
        self, document: dict[str, object], known: Mapping[str, object]
    ) -> Preferences:
        """Every valid field survives; each invalid one is dropped and reported by name."""
        kept: dict[str, object] = {}
        bad: list[str] = []
        for key, value in document.items():
            if key not in known:
                continue
            try:
                kept[key] = build(known[key], value)
            except ValueError:
                bad.append(key)
        message = tr(self.lang, _TEXTS["bad_value"])
        self._problems = tuple(Problem(message, path=key) for key in sorted(bad))
        return Preferences(**kept)  # type: ignore[arg-type]

    def _free_broken_name(self) -> Path:
        candidate = self.path.with_name(self.path.name + BROKEN_SUFFIX)
        counter = 0
        while candidate.exists() or candidate.is_symlink():
            counter += 1
            candidate = self.path.with_name(f"{self.path.name}{BROKEN_SUFFIX}.{counter}")
        return candidate
