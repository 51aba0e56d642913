"""Language choice and message look-up for the Qt-free layers (CLI, validation).

The GUI uses Qt Linguist; the headless path must not import Qt, so its few words live in
small dictionaries keyed by language next to the code that uses them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

SUPPORTED_LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"

Entry = Mapping[str, str]


def normalise_language(value: str | None) -> str | None:
    """``"es_CO.UTF-8"`` -> ``"es"``; None for anything we do not ship."""
    if not value:
        return None
    code = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in SUPPORTED_LANGUAGES else None


def resolve_language(env_value: str | None, configured: str | None) -> str:
    """``CANALES_LANG`` wins, then the organisation's language, then Spanish."""
    return normalise_language(env_value) or normalise_language(configured) or DEFAULT_LANGUAGE


def pick(lang: str, entry: Entry, **values: object) -> str:
    """The entry's text in ``lang`` (Spanish when missing), formatted with ``values``."""
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return template.format(**values) if values else template


def printable(text: str) -> str:
    """``text`` with control and bidirectional-override characters written as escapes, so
    that a line printed to a terminal cannot be recoloured, rewritten or split by its data."""
    if text.isprintable():
        return text
    return "".join(
        char
        if char.isprintable() or char == " " or unicodedata.category(char) not in ("Cc", "Cf")
        else char.encode("unicode_escape").decode("ascii")
        for char in text
    )
