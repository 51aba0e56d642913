"""Keyboard and screen-reader use in both languages, and no English left in the Spanish UI."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QWidget

from app.resources import resources_dir

BOGOTA = ZoneInfo("America/Bogota")
NOW = dt.datetime(2026, 12, 1, 10, 30, tzinfo=BOGOTA)


def focus_chain(window: QWidget) -> list[QWidget]:
    """Every widget Tab reaches, in order, starting from the request type (top of the screen)."""
    start = window.strip.request_type
    chain = [start]
    widget = start.nextInFocusChain()
    while widget is not start and len(chain) < 500:
        if widget.isVisibleTo(window) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def name_of(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return ""


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_focusable_control_has_an_accessible_name(make_console, lang: str) -> None:
    console = make_console(NOW, lang=lang)
    console.start()
    chain = focus_chain(console.window)
    assert len(chain) > 30  # filter, strip, every Copy/Call/extension button, the ladder…
    unnamed = [f"{type(w).__name__}:{w.objectName()}" for w in chain if not name_of(w)]
    assert unnamed == []
    controls = [w for w in chain if isinstance(w, (QAbstractButton, QComboBox, QLineEdit))]
    undescribed = [name_of(w) for w in controls if not w.accessibleDescription()]
    assert undescribed == []


def test_tab_order_follows_the_screen(make_console) -> None:
    """Request type → its Copy → filter → the cards' buttons → the ladder."""
    console = make_console(NOW)
    console.start()
    chain = focus_chain(console.window)
    names = [name_of(w) for w in chain]
    first_card = console.window.cards[0]
    first_copy = first_card.contacts[0].copy_button
    ladder_copy = console.window.ladder.levels[0].contacts[0].copy_button
    assert chain.index(first_copy) < chain.index(ladder_copy)
    assert names[:3] == [
        "Tipo de solicitud",
        "Copiar +576017442727",
        "Filtrar canales y contactos",
    ]
    assert chain.index(console.window.filter) < chain.index(first_copy)


def test_enter_on_a_focused_copy_button_copies(make_console, qtbot) -> None:
    console = make_console(NOW)
    console.start()
    window = console.window
    window.show()
    button = window.cards[0].contacts[0].copy_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert QApplication.clipboard().text() == "+576017442727"


def english_sources() -> set[str]:
    """Source texts whose Spanish translation differs (so seeing them means untranslated), from
    the widgets' Linguist catalog and from the core's phrase catalog alike."""
    root = ET.parse(resources_dir() / "translations" / "canales_es.ts").getroot()
    pairs = [
        (m.findtext("source") or "", m.findtext("translation") or "") for m in root.iter("message")
    ]
    with (resources_dir() / "locale" / "es" / "LC_MESSAGES" / "canales.po").open("rb") as po:
        pairs += [(m.id, m.string) for m in read_po(po, locale="es") if m.id]
    return {
        source.replace("&", "")
        for source, translation in pairs
        if source != translation and "%" not in source and "{" not in source
    }


def test_no_english_is_left_in_the_spanish_console(make_console) -> None:
    console = make_console(NOW, lang="es")
    console.start()
    window = console.window
    english = english_sources()
    seen = []
    for kind in (QLabel, QAbstractButton, QLineEdit, QComboBox):
        for widget in window.findChildren(kind):
            if not widget.isVisibleTo(window):
                continue
            texts = [widget.toolTip(), widget.accessibleName()]
            if isinstance(widget, QLineEdit):
                texts.append(widget.placeholderText())
            elif isinstance(widget, QComboBox):
                texts.extend(widget.itemText(i) for i in range(widget.count()))
            else:
                texts.append(widget.text())
            seen.extend(t.replace("&", "") for t in texts if t)
    for action in window.menuBar().actions():
        seen.append(action.text().replace("&", ""))
        # a menu item's text is its words, a tab, then its shortcut as the keyboard prints it
        seen.extend(a.text().split("\t")[0].replace("&", "") for a in action.menu().actions())
    assert [t for t in seen if t in english] == []
    assert "Copiar" in seen and "Vista semanal" in seen
