"""State colours pass WCAG AA (4.5:1) against their own background in every theme."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.core.phrases import DisplayState
from app.resources import resources_dir
from app.ui.theme import DARK, HIGH_CONTRAST, PALETTES, THEMES, contrast_ratio


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_state_colours_meet_aa(theme: str) -> None:
    ratios = {
        key: round(contrast_ratio(s.foreground, s.background), 2)
        for key, s in THEMES[theme].items()
    }
    assert set(ratios) == {"open", "closing", "closed", "always", "unknown"}
    assert all(r >= 4.5 for r in ratios.values()), ratios


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_display_state_has_a_swatch_and_an_icon(theme: str) -> None:
    """The badge looks colours and icons up by the core's DisplayState values."""
    states = {state.value for state in DisplayState}
    assert set(THEMES[theme]) == states
    icons = {p.stem for p in (resources_dir() / "icons").glob("state-*.svg")}
    assert icons == {f"state-{state}" for state in states}


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_palette_text_roles_meet_aa(theme: str) -> None:
    roles = PALETTES[theme]
    role = QPalette.ColorRole
    for text, background in (
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.PlaceholderText, role.Base),
        (role.PlaceholderText, role.Window),
        (role.ToolTipText, role.ToolTipBase),
    ):
        assert contrast_ratio(roles[text], roles[background]) >= 4.5, (theme, text, background)


def test_choosing_a_theme_repaints_the_console(make_console) -> None:
    console = make_console(dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Bogota")))
    console.start()
    window = console.window
    window.theme_actions["dark"].trigger()
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#202124"
    assert DARK["open"].background in window.cards[0].badge.styleSheet()
    window.theme_actions["high-contrast"].trigger()
    assert app.palette().color(QPalette.ColorRole.Base).name() == "#000000"
    assert HIGH_CONTRAST["open"].background in window.cards[0].badge.styleSheet()
    window.theme_actions["system"].trigger()
    assert console.prefs.theme == "system"
