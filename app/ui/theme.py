"""Colours for states, chosen to pass WCAG AA (4.5:1) against their own background.

State is never told by colour alone: every badge also has an icon and a word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Swatch:
    foreground: str
    background: str


LIGHT: Mapping[str, Swatch] = MappingProxyType(
    {
        "open": Swatch("#14622d", "#e3f4e8"),
        "closing": Swatch("#7a4900", "#fff1d6"),
        "closed": Swatch("#9c1c29", "#fbe4e6"),
        "always": Swatch("#0a4f96", "#e2eefb"),
        "unknown": Swatch("#3f3f3f", "#ececec"),
    }
)
DARK: Mapping[str, Swatch] = MappingProxyType(
    {
        "open": Swatch("#8fe0a6", "#123b22"),
        "closing": Swatch("#ffd080", "#3f2c05"),
        "closed": Swatch("#ffadb5", "#4a1419"),
        "always": Swatch("#a9cdf7", "#0f2d4d"),
        "unknown": Swatch("#e0e0e0", "#333333"),
    }
)
HIGH_CONTRAST: Mapping[str, Swatch] = MappingProxyType(
    {
        "open": Swatch("#000000", "#ffffff"),
        "closing": Swatch("#000000", "#ffff00"),
        "closed": Swatch("#ffffff", "#000000"),
        "always": Swatch("#000000", "#ffffff"),
        "unknown": Swatch("#000000", "#ffffff"),
    }
)
THEMES: Mapping[str, Mapping[str, Swatch]] = MappingProxyType(
    {"light": LIGHT, "dark": DARK, "high-contrast": HIGH_CONTRAST}
)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def swatches_for(theme: str, palette: QPalette) -> Mapping[str, Swatch]:
    if theme in THEMES:
        return THEMES[theme]
    return DARK if is_dark(palette) else LIGHT


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(a: QColor | str, b: QColor | str) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21; AA asks 4.5 for text and 3 for graphics."""
    la, lb = (relative_luminance(QColor(c)) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


#: Palette roles -> colour, per explicit theme; every text role passes 4.5:1 on its background.
PALETTES: Mapping[str, Mapping[QPalette.ColorRole, str]] = MappingProxyType(
    {
        "light": {
            QPalette.ColorRole.Window: "#f3f3f3",
            QPalette.ColorRole.WindowText: "#1f1f1f",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#f7f7f7",
            QPalette.ColorRole.Text: "#1f1f1f",
            QPalette.ColorRole.Button: "#f0f0f0",
            QPalette.ColorRole.ButtonText: "#1f1f1f",
            QPalette.ColorRole.Highlight: "#0b5cad",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.PlaceholderText: "#5b5f64",
            QPalette.ColorRole.ToolTipBase: "#ffffff",
            QPalette.ColorRole.ToolTipText: "#1f1f1f",
            QPalette.ColorRole.Link: "#0a4f96",
            QPalette.ColorRole.Mid: "#c4c4c4",
        },
        "dark": {
            QPalette.ColorRole.Window: "#202124",
            QPalette.ColorRole.WindowText: "#e8eaed",
            QPalette.ColorRole.Base: "#2b2c2f",
            QPalette.ColorRole.AlternateBase: "#323336",
            QPalette.ColorRole.Text: "#e8eaed",
            QPalette.ColorRole.Button: "#303134",
            QPalette.ColorRole.ButtonText: "#e8eaed",
            QPalette.ColorRole.Highlight: "#8ab4f8",
            QPalette.ColorRole.HighlightedText: "#202124",
            QPalette.ColorRole.PlaceholderText: "#b0b4b8",
            QPalette.ColorRole.ToolTipBase: "#303134",
            QPalette.ColorRole.ToolTipText: "#e8eaed",
            QPalette.ColorRole.Link: "#8ab4f8",
            QPalette.ColorRole.Mid: "#5f6368",
        },
        "high-contrast": {
            QPalette.ColorRole.Window: "#000000",
            QPalette.ColorRole.WindowText: "#ffffff",
            QPalette.ColorRole.Base: "#000000",
            QPalette.ColorRole.AlternateBase: "#000000",
            QPalette.ColorRole.Text: "#ffffff",
            QPalette.ColorRole.Button: "#000000",
            QPalette.ColorRole.ButtonText: "#ffffff",
            QPalette.ColorRole.Highlight: "#ffff00",
            QPalette.ColorRole.HighlightedText: "#000000",
            QPalette.ColorRole.PlaceholderText: "#e0e0e0",
            QPalette.ColorRole.ToolTipBase: "#000000",
            QPalette.ColorRole.ToolTipText: "#ffffff",
            QPalette.ColorRole.Link: "#ffff00",
            QPalette.ColorRole.Mid: "#ffffff",
        },
    }
)


def palette_for(theme: str) -> QPalette | None:
    """The explicit palette of a theme; None for "system" (the platform's own)."""
    roles = PALETTES.get(theme)
    if roles is None:
        return None
    palette = QPalette()
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


class Themes:
    """Switches the application's look. Canales always uses Fusion, the one Qt style that
    honours a palette the same way on every platform (and follows the system's light or dark
    scheme by itself); the themes other than "system" set an explicit palette on it."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self.theme = "system"

    def use(self, theme: str) -> None:
        hints = self._app.styleHints()
        palette = palette_for(theme)
        self.theme = theme
        if palette is None:
            hints.unsetColorScheme()
            self._app.setPalette(self._app.style().standardPalette())
            return
        hints.setColorScheme(Qt.ColorScheme.Light if theme == "light" else Qt.ColorScheme.Dark)
        self._app.setPalette(palette)
