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
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast_ratio(a: str, b: str) -> float:
    la, lb = relative_luminance(QColor(a)), relative_luminance(QColor(b))
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)
