"""The CLI's few words (Qt-free dictionaries) say what the GUI's .ts translations say."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from app.domain.report import LABELS
from app.domain.wording import CHANGE_WORDS, WORDS
from app.resources import resources_dir


def translations(lang: str) -> dict[tuple[str, str], str]:
    root = ET.parse(resources_dir() / "translations" / f"canales_{lang}.ts").getroot()
    table = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            table[(name, message.findtext("source") or "")] = message.findtext("translation") or ""
    return table


PAIRS = [
    (LABELS["open"], ("Formatting", "Open")),
    (LABELS["closed"], ("Formatting", "Closed")),
    (LABELS["closing_soon"], ("Formatting", "Closing soon")),
    (LABELS["unknown"], ("Formatting", "Hours not published")),
    (LABELS["always"], ("Formatting", "24/7")),
    (WORDS["closed_on_holidays"], ("Formatting", "closed on holidays")),
]
TEMPLATES = [
    (CHANGE_WORDS["opens"], ("Formatting", "opens %1")),
    (CHANGE_WORDS["closes"], ("Formatting", "closes %1")),
    (CHANGE_WORDS["tomorrow"], ("Formatting", "tomorrow %1")),
]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_cli_words_match_the_gui_translations(lang: str) -> None:
    table = translations(lang)
    for entry, key in PAIRS:
        assert entry[lang] == table[key], key
    for entry, key in TEMPLATES:
        assert f"{entry[lang]} %1" == table[key], key
