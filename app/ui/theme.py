"""Colours for states, chosen to pass WCAG AA (4.5:1) against their own background.

State is never told by colour alone: every badge also has an icon and a word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette


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


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


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
