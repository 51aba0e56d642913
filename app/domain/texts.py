"""Language choice and the one catalog of the Qt-free phrases (domain, storage, core, CLI).

Every phrase is written once, in English, as the ``msgid`` of ``tr(lang, "…")``; its
translations live in one gettext catalog per language (``resources/locale/<lang>/LC_MESSAGES/
canales.po``, compiled to ``.mo`` by ``python packaging/catalog.py`` with Babel). English is the
source language, so it needs no catalog. The widgets' own chrome (menus, buttons, dialogs) stays
in Qt Linguist; the two never hold the same source text (``tests/test_catalog.py``).
"""

from __future__ import annotations

import functools
import gettext
import unicodedata
from collections.abc import Mapping

from app.resources import locale_dir

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


@functools.cache
def _catalog(lang: str) -> gettext.NullTranslations:
    """Loaded once per language; a missing catalog means the English source text."""
    return gettext.translation("canales", locale_dir(), languages=[lang], fallback=True)


def tr(lang: str, msgid: str, **values: object) -> str:
    """``msgid`` in ``lang``, its ``{placeholders}`` filled with ``values``. Every phrase is a
    ``str.format`` template (a literal brace is written ``{{``); the values come from the
    program, never a template from a file."""
    return _catalog(lang).gettext(msgid).format(**values)


def N_(msgid: str) -> str:
    """Marks a phrase kept in a table for ``tr`` to translate where it is used."""
    return msgid


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
