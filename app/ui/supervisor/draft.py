"""The dialog's working copy: a plain JSON document, validated by the same model as files.

Every edit changes the document and re-validates it with ``config_from_document``, so what the
dialog accepts is exactly what ``canales config validate`` accepts; nothing reaches the file
until Save, and only a valid document can be saved.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from typing import Any

from app.domain.document import config_from_document
from app.domain.model import Config
from app.domain.problems import ConfigInvalid, Problem

Path = tuple[str | int, ...]


def path_text(path: Path) -> str:
    """``("channels", 2, "name")`` -> ``channels[2].name`` (the form of Problem.path)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class Draft:
    def __init__(
        self, document: dict[str, Any], *, lang: str, holiday_countries: Iterable[str] | None
    ) -> None:
        self._saved = json.dumps(document, sort_keys=True)
        self.document = copy.deepcopy(document)
        self.lang = lang
        self._countries = None if holiday_countries is None else frozenset(holiday_countries)
        self.problems: list[Problem] = []
        self.config: Config | None = None
        self.validate()

    # reading and writing ----------------------------------------------------------------------

    def get(self, path: Path, default: Any = None) -> Any:
        node: Any = self.document
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def set(self, path: Path, value: Any) -> None:
        parent = self.get(path[:-1])
        key = path[-1]
        if value is None and isinstance(parent, dict):
            parent.pop(key, None)
        else:
            parent[key] = value
        self.validate()

    def insert(self, path: Path, index: int, value: Any) -> None:
        self.get(path).insert(index, value)
        self.validate()

    def remove(self, path: Path, index: int) -> None:
        del self.get(path)[index]
        self.validate()

    def move(self, path: Path, source: int, target: int) -> None:
        items = self.get(path)
        items.insert(target, items.pop(source))
        self.validate()

    # state ------------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return json.dumps(self.document, sort_keys=True) != self._saved

    def mark_saved(self) -> None:
        self._saved = json.dumps(self.document, sort_keys=True)

    def validate(self) -> list[Problem]:
        try:
            self.config = config_from_document(
                self.document, lang=self.lang, holiday_countries=self._countries
            )
            self.problems = []
        except ConfigInvalid as exc:
            self.config = None
            self.problems = list(exc.problems)
        return self.problems

    def problems_at(self, prefix: str) -> list[Problem]:
        """Problems of ``prefix`` itself and everything below it."""
        return [
            p
            for p in self.problems
            if (p.path or "") == prefix or (p.path or "").startswith((prefix + ".", prefix + "["))
        ]
