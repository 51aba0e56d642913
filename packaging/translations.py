"""Refresh the Qt Linguist sources and compile them: ``python packaging/translations.py``.

``pyside6-lupdate`` collects every ``tr()`` string of ``app/ui`` into
``resources/translations/canales_{es,en}.ts`` (translations already made are kept);
``pyside6-lrelease`` compiles them to the ``.qm`` files the app loads. ``--check`` changes
nothing and fails when a ``.ts`` is stale, has unfinished or obsolete messages, or a ``.qm``
differs from what its ``.ts`` compiles to.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("es", "en")


def tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (a venv's bin/ or Scripts/), else on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").rglob("*.py"))


def update(ts_dir: Path) -> None:
    for lang in LANGUAGES:
        ts = ts_dir / f"canales_{lang}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                lang,
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


def release(ts_dir: Path, qm_dir: Path) -> None:
    for lang in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lrelease"),
                str(ts_dir / f"canales_{lang}.ts"),
                "-qm",
                str(qm_dir / f"canales_{lang}.qm"),
            ],
            check=True,
            capture_output=True,
        )


def unfinished(ts: Path) -> list[str]:
    """Source texts whose translation is missing, unfinished or obsolete."""
    problems = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        kind = None if translation is None else translation.get("type")
        if translation is None or kind in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{ts.name}: {kind or 'missing'}: {source!r}")
        elif message.get("numerus") != "yes" and not (translation.text or "").strip():
            problems.append(f"{ts.name}: empty: {source!r}")
    return problems


def check() -> list[str]:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for lang in LANGUAGES:
            shutil.copy(TRANSLATIONS / f"canales_{lang}.ts", work / f"canales_{lang}.ts")
        update(work)
        for lang in LANGUAGES:
            name = f"canales_{lang}.ts"
            if (work / name).read_bytes() != (TRANSLATIONS / name).read_bytes():
                problems.append(f"{name} is stale: run python packaging/translations.py")
            problems += unfinished(TRANSLATIONS / name)
        release(TRANSLATIONS, work)
        for lang in LANGUAGES:
            name = f"canales_{lang}.qm"
            committed = TRANSLATIONS / name
            if not committed.exists() or committed.read_bytes() != (work / name).read_bytes():
                problems.append(
                    f"{name} does not match its .ts: run python packaging/translations.py"
                )
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for line in problems:
            print(line)
        return 1 if problems else 0
    update(TRANSLATIONS)
    release(TRANSLATIONS, TRANSLATIONS)
    for lang in LANGUAGES:
        for line in unfinished(TRANSLATIONS / f"canales_{lang}.ts"):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
