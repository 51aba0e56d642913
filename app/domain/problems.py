"""Configuration problems a supervisor can act on: where, and what is wrong."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a configuration, located by JSON path or by line:column."""

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None

    def render(self, source: str) -> str:
        """The one-line form promised by the CLI contract.

        ``FILE:LINE:COL: message`` for text-level faults, ``FILE: dotted.path: message``
        for schema faults, ``FILE: message`` when neither applies.
        """
        if self.line is not None:
            return f"{source}:{self.line}:{self.column or 1}: {self.message}"
        if self.path:
            return f"{source}: {self.path}: {self.message}"
        return f"{source}: {self.message}"


class ConfigInvalid(Exception):
    """A configuration was rejected; every problem found is carried, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(p.render("config") for p in self.problems))

    def render(self, source: str) -> list[str]:
        return [p.render(source) for p in self.problems]


def json_path(loc: Sequence[str | int]) -> str:
    """``("channels", 2, "contacts", 0, "number")`` -> ``channels[2].contacts[0].number``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
