"""Which language the console speaks: CANALES_LANG, then the agent's choice, then the config."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QKeySequence

from app.storage.preferences import Preferences

NOW = dt.datetime(2026, 12, 8, 10, 0, tzinfo=ZoneInfo("America/Bogota"))


def copy_text(console) -> str:
    return console.window.cards[0].contacts[0].copy_button.text()


def test_default_config_speaks_spanish(make_console) -> None:
    console = make_console(NOW)
    console.start()
    assert copy_text(console) == "Copiar"
    assert console.window.header.today.text() == "Hoy es festivo: La Inmaculada Concepción"


def test_the_agents_choice_beats_the_config(make_console) -> None:
    console = make_console(NOW, prefs=Preferences(language="en"))
    console.start()
    assert copy_text(console) == "Copy"
    assert console.window.header.today.text() == "Today is a holiday: Immaculate Conception"


def test_canales_lang_beats_the_agents_choice(make_console) -> None:
    console = make_console(NOW, prefs=Preferences(language="en"), lang="es")
    console.start()
    assert copy_text(console) == "Copiar"


def test_switching_language_from_the_menu_needs_no_restart(make_console, qtbot) -> None:
    console = make_console(NOW)
    console.start()
    window = console.window
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&Archivo", "&Ver"]
    window.language_actions["en"].trigger()
    assert copy_text(console) == "Copy"

    def menus() -> list[str]:
        return [a.text() for a in window.menuBar().actions()][:2]

    qtbot.waitUntil(lambda: menus() == ["&File", "&View"])  # LanguageChange is an event
    assert window.header.today.text() == "Today is a holiday: Immaculate Conception"
    assert window.filter.placeholderText() == "Filter by name, number or email (Ctrl+F)"
    assert window.language_actions["en"].isChecked()
    assert console.prefs.language == "en"
    window.language_actions[None].trigger()  # back to the configuration's language
    assert copy_text(console) == "Copiar"
    assert window.cards[0].badge.text.text() == "Cerrado"


def _menu_shortcut_text(action) -> str:
    """What QMenu prints at the right of an item: the text after a tab, else the shortcut in
    NativeText (which Qt's own Spanish catalogue words "Control+W")."""
    text = action.text()
    if "\t" in text:
        return text.split("\t", 1)[1]
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_menus_show_the_keyboards_shortcut_text(make_console, lang: str) -> None:
    """ "Ctrl+W" as printed on the key, not Qt's Spanish "Control+W"."""
    console = make_console(NOW, lang=lang)
    console.start()
    window = console.window
    assert _menu_shortcut_text(window.week_action) == "Ctrl+W"
    assert _menu_shortcut_text(window.compact_action) == "Ctrl+M"
    assert _menu_shortcut_text(window.settings_action) == "Ctrl+,"
    shown = [
        _menu_shortcut_text(a)
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
        if not a.shortcut().isEmpty()
    ]
    assert shown and not [t for t in shown if "Control" in t or "Mayús" in t]
