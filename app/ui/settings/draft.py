"""The dialog's working copy: a plain JSON document validated by the same model as files.

Every edit changes the document and re-validates it with ``config_from_document``, so the
dialog accepts exactly what ``canales config validate`` accepts. Nothing reaches the file until
Save, and only a document without problems can be saved. No Qt here: it is tested on its own.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from app.domain.document import config_from_document, config_to_document
from app.domain.model import Config
from app.domain.problems import ConfigInvalid, Problem

Path = tuple[str | int, ...]


def path_text(path: Path) -> str:
    """``("channels", 2, "name")`` -> ``channels[2].name``, the form of ``Problem.path``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def is_under(path: str, prefix: str) -> bool:
    """``channels[2].name`` is under ``channels[2]`` and ``channels``, not ``channels[20]``."""
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base``, else ``base-2``, ``base-3``…: new and duplicated items never clash."""
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


class Draft:
    """A document, its problems, and whether it differs from what was loaded."""

    def __init__(
        self,
        config: Config,
        *,
        lang: str,
        holiday_countries: Iterable[str] | None = None,
    ) -> None:
        self.lang = lang
        self._countries = None if holiday_countries is None else frozenset(holiday_countries)
        self.document: dict[str, Any] = {}
        self.problems: list[Problem] = []
        self.config: Config | None = None
        self.last_valid: Config = config
        self._listeners: list[Callable[[], None]] = []
        self.reset(config)

    # whole-document operations -----------------------------------------------------------------

    def reset(self, config: Config) -> None:
        """Start over from ``config`` (opened, reloaded, restored or just saved)."""
        self.document = config_to_document(config)
        self._baseline = self._fingerprint()
        self.validate()

    def replace(self, document: dict[str, Any]) -> None:
        """Load another document as unsaved edits (a restored backup)."""
        self.document = copy.deepcopy(document)
        self.validate()

    def set_holiday_countries(self, countries: Iterable[str]) -> None:
        self._countries = frozenset(countries)
        self.validate()

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Called after every validation: the widgets refresh marks and counts."""
        self._listeners.append(listener)

    @property
    def dirty(self) -> bool:
        return self._fingerprint() != self._baseline

    def _fingerprint(self) -> str:
        return json.dumps(self.document, sort_keys=True, ensure_ascii=False)

    # reading and editing -----------------------------------------------------------------------

    def get(self, path: Path, default: Any = None) -> Any:
        node: Any = self.document
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def set(self, path: Path, value: Any) -> None:
        """Set one value (``None`` is JSON null: "none" for optional references)."""
        self.get(path[:-1])[path[-1]] = value
        self.validate()

    def items(self, path: Path) -> list[Any]:
        """The list at ``path``, created empty when missing."""
        found = self.get(path)
        if not isinstance(found, list):
            found = []
            parent = self.get(path[:-1])
            parent[path[-1]] = found
        return found

    def insert(self, path: Path, index: int, value: Any) -> None:
        self.items(path).insert(index, value)
        self.validate()

    def remove(self, path: Path, index: int) -> None:
        del self.items(path)[index]
        self.validate()

    def duplicate(self, path: Path, index: int) -> Any:
        """A deep copy right after the original; the caller renames what must stay unique."""
        clone = copy.deepcopy(self.items(path)[index])
        self.items(path).insert(index + 1, clone)
        return clone

    def move(self, path: Path, source: int, target: int) -> None:
        items = self.items(path)
        items.insert(target, items.pop(source))
        self.validate()

    def reorder(self, path: Path, order: Sequence[int]) -> None:
        """``order[i]`` is the old index of the item now at ``i`` (a drag in a list)."""
        items = self.items(path)
        items[:] = [items[i] for i in order]
        self.validate()

    # validation ----------------------------------------------------------------------------

    def validate(self) -> list[Problem]:
        try:
            self.config = config_from_document(
                self.document, lang=self.lang, holiday_countries=self._countries
            )
            self.last_valid = self.config
            self.problems = []
        except ConfigInvalid as exc:
            self.config = None
            self.problems = list(exc.problems)
        for listener in list(self._listeners):
            listener()
        return self.problems

    def problems_under(self, prefix: str) -> list[Problem]:
        return [p for p in self.problems if is_under(p.path or "", prefix)]
