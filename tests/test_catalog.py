"""One phrase catalog for the Qt-free code, complete and compiled, and never the same source
text in both it and the widgets' Qt Linguist catalog (a phrase is written and translated once)."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

from app.resources import resources_dir

ROOT = Path(__file__).resolve().parent.parent


def catalog_script():
    spec = importlib.util.spec_from_file_location("catalog", ROOT / "packaging" / "catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_phrase_is_translated_and_compiled() -> None:
    assert catalog_script().problems() == []


def linguist_sources() -> set[str]:
    root = ET.parse(resources_dir() / "translations" / "canales_es.ts").getroot()
    return {
        m.findtext("source") or ""
        for m in root.iter("message")
        if (m.find("translation") is None or m.find("translation").get("type") != "obsolete")
    }


def test_no_source_text_is_in_both_catalogs() -> None:
    phrases = {m.id for m in catalog_script().template() if m.id}
    assert phrases, "the core catalog is empty"
    assert sorted(phrases & linguist_sources()) == []


def _phrase_calls(tree: object) -> list[object]:
    import ast  # noqa: PLC0415

    return [
        node
        for node in ast.walk(tree)  # type: ignore[arg-type]
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("tr", "N_")
    ]


def test_every_phrase_is_one_the_extractor_can_see() -> None:
    """A phrase written as an expression of literals (``"a" if x else "b"``, ``"a" + b``,
    an f-string) or a ``tr`` call inside an f-string never reaches the catalog whole. A plain
    name is fine: it holds a phrase marked with ``N_`` where it was written."""
    import ast  # noqa: PLC0415

    hidden = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        if "ui" in path.relative_to(ROOT / "app").parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside_fstrings = {
            id(call)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for call in _phrase_calls(node)
        }
        for call in _phrase_calls(tree):
            index = 1 if call.func.id == "tr" else 0
            argument = call.args[index] if len(call.args) > index else None
            literal = isinstance(argument, ast.Constant) and isinstance(argument.value, str)
            composed = isinstance(argument, ast.IfExp | ast.BinOp | ast.BoolOp | ast.JoinedStr)
            if composed or (literal and id(call) in inside_fstrings):
                hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert hidden == []
