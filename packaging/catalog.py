"""Refresh and compile the catalog of the Qt-free phrases: ``python packaging/catalog.py``.

Babel extracts every ``tr(lang, "…")`` and ``N_("…")`` phrase of ``app/`` (except ``app/ui``,
whose chrome is Qt Linguist's, see ``packaging/translations.py``) into
``resources/locale/canales.pot``, merges it into each language's ``canales.po`` (translations
already made are kept; new phrases arrive untranslated) and compiles the ``.mo`` the program
loads. ``--check`` changes nothing and fails when a phrase is missing or untranslated, a ``.po``
holds an obsolete phrase, or a ``.mo`` differs from what its ``.po`` compiles to.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
LANGUAGES = ("es",)  # English is the source language
KEYWORDS = {"tr": (2,), "N_": None}
# Fixed header dates: refreshing an unchanged catalog must not rewrite its files.
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _new_catalog(locale: str | None = None) -> Catalog:
    catalog = Catalog(
        locale=locale,
        project="canales",
        version="",
        charset="utf-8",
        creation_date=STAMP,
        revision_date=STAMP,
        last_translator="Canales developers",
        language_team="Canales developers",
        fuzzy=False,
    )
    return catalog


def template() -> Catalog:
    """Every phrase of the Qt-free code, with where it is used."""
    catalog = _new_catalog()
    for filename, lineno, message, comments, _context in extract_from_dir(
        ROOT / "app",
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        callback=None,
        strip_comment_tags=True,
        directory_filter=lambda d: Path(d).name != "ui",
    ):
        catalog.add(message, locations=[(f"app/{filename}", lineno)], auto_comments=comments)
    return catalog


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "canales.po"


def merged(lang: str, pot: Catalog) -> Catalog:
    path = po_path(lang)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
    else:
        catalog = _new_catalog(lang)
    catalog.update(pot, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.revision_date = STAMP
    catalog.fuzzy = False
    return catalog


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, include_lineno=False)
    return out.getvalue()


def problems() -> list[str]:
    """What ``--check`` reports; empty when the catalogs are complete and up to date."""
    pot = template()
    found = []
    for lang in LANGUAGES:
        path = po_path(lang)
        if not path.exists():
            found.append(f"{path}: missing")
            continue
        with path.open("rb") as handle:
            current = read_po(handle, locale=lang)
        used = {m.id for m in pot if m.id}
        have = {m.id for m in current if m.id}
        found += [f"{path}: missing phrase {i!r}" for i in sorted(used - have)]
        found += [f"{path}: obsolete phrase {i!r}" for i in sorted(have - used)]
        found += [
            f"{path}: untranslated {m.id!r}" for m in current if m.id and (not m.string or m.fuzzy)
        ]
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(current):
            found.append(f"{mo}: stale, run python packaging/catalog.py")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing, report problems")
    args = parser.parse_args()
    if args.check:
        found = problems()
        print("\n".join(found) or "catalogs up to date")
        return 1 if found else 0
    pot = template()
    (LOCALE / "canales.pot").write_bytes(po_bytes(pot))
    for lang in LANGUAGES:
        catalog = merged(lang, pot)
        po_path(lang).parent.mkdir(parents=True, exist_ok=True)
        po_path(lang).write_bytes(po_bytes(catalog))
        with po_path(lang).open("rb") as handle:  # compile what was written, as --check will
            po_path(lang).with_suffix(".mo").write_bytes(compiled(read_po(handle, locale=lang)))
        todo = [m.id for m in catalog if m.id and not m.string]
        print(f"{po_path(lang)}: {len(catalog)} phrases, {len(todo)} to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
