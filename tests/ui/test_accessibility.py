"""Keyboard and screen-reader use in both languages, and no English left in the Spanish UI."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from app.resources import resources_dir
from app.ui.settings import SettingsDialog
from app.ui.settings.list_editor import ListEditor
from app.ui.settings.pages.channels import ChannelsPage
from app.ui.settings.pages.special_days import SpecialDaysPage

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
    """Request type → its Copy → its Copy reply → filter → the cards' buttons → the ladder."""
    console = make_console(NOW)
    console.start()
    chain = focus_chain(console.window)
    names = [name_of(w) for w in chain]
    first_card = console.window.cards[0]
    first_copy = first_card.contacts[0].copy_button
    ladder_copy = console.window.ladder.levels[0].contacts[0].copy_button
    assert chain.index(first_copy) < chain.index(ladder_copy)
    assert names[:4] == [
        "Tipo de solicitud",
        "Copiar +576017442727",
        "Copiar respuesta",
        "Filtrar canales y contactos",
    ]
    assert chain.index(first_card.reply) < chain.index(first_copy)  # the card's top row first
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


# the settings dialog ----------------------------------------------------------------------------


class AgreeingPrompts:
    """The dialog's questions answered "yes" (closing it with the test's edits discards them)."""

    def confirm(self, title: str, text: str) -> bool:
        return True


def announced(widget: QWidget) -> tuple[str, str]:
    """What a screen reader says a control is, and its value, as Qt's accessibility exposes
    them. A combo box on Linux reports its value as its name and is named by the label that
    labels it (``labelled-by``), so the purpose is that label's text there."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    name = interface.text(QAccessible.Text.Name).strip()
    value = interface.text(QAccessible.Text.Value).strip()
    if not name or name == value:
        labels = [
            other.text(QAccessible.Text.Name).replace("&", "").strip()
            for other, _relation in interface.relations(QAccessible.RelationFlag.Label)
        ]
        name = " ".join(label for label in labels if label)
    return name, value


def settings_controls(dialog: QWidget) -> list[QWidget]:
    """What the keyboard reaches. The text field inside a spin or date box passes its focus
    to the box, which speaks for it; an editable combo's text field is a child of its own to
    assistive technology (the one a screen reader is in while typing), so it counts."""
    return [
        w
        for w in dialog.findChildren(QWidget)
        if w.isVisibleTo(dialog)
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and (w.focusProxy() is None or isinstance(w.parentWidget(), QComboBox))
    ]


def purpose_problem(widget: QWidget) -> str | None:
    name, value = announced(widget)
    parent = widget.parentWidget()
    where = f"{type(parent).__name__}:{parent.accessibleName()}" if parent else "-"
    what = f"{type(widget).__name__} {name!r} (value {value!r}) in {where}"
    if not name or not any(c.isalpha() for c in name):
        return f"{what}: no name"
    if value and name.casefold() == value.casefold():
        return f"{what}: announced by its value only"
    if name.startswith("+"):
        return f"{what}: a symbol where a verb belongs"
    return None


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_settings_control_is_announced_by_its_purpose(make_console, qtbot, lang) -> None:
    """Every page, every item of its list, a special day with its own hours: each control a
    keyboard reaches says what it is for, not just what it holds."""
    console = make_console(NOW, lang=lang)
    console.start()
    dialog = SettingsDialog(
        console.loaded,
        console.services,
        console.clock,
        lang=console.lang,
        prompts=AgreeingPrompts(),  # type: ignore[arg-type]
        parent=console.window,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    problems: dict[str, None] = {}
    checked = 0
    for row, page in enumerate(dialog.pages):
        dialog.sidebar.setCurrentRow(row)
        editor = next(iter(page.findChildren(ListEditor)), None)
        if isinstance(page, SpecialDaysPage):
            page.editor.add_button.click()
            page.findChildren(QRadioButton)[1].click()  # "other hours": the interval rows
        for item in range(editor.list.count() if editor is not None else 1):
            if editor is not None:
                editor.list.setCurrentRow(item)
            for widget in settings_controls(dialog):
                checked += 1
                problem = purpose_problem(widget)
                if problem is not None:
                    problems[problem] = None
    assert checked > 200
    assert list(problems) == [], "\n".join(problems)
    contacts = dialog.page(ChannelsPage).contacts  # type: ignore[attr-defined]
    verb = "Añadir" if lang == "es" else "Add"
    adders = [announced(b)[0] for b in contacts.add_buttons.values()]
    assert adders and all(name.startswith(verb) for name in adders), adders
