"""SVG icons from the resources folder, crisp at any DPI.

Glyphs (copy, phone, mail, web, bell) are drawn in one placeholder colour and re-coloured to
the widget's text colour, so they stay visible in dark and high-contrast themes; state icons
and the app icon keep their own colours.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from app.resources import resources_dir

GLYPH_COLOUR = "#3d4a5c"
_GLYPH_SIZES = (16, 24, 32, 48)


def icon_path(name: str) -> str:
    return str(resources_dir() / "icons" / f"{name}.svg")


def icon(name: str) -> QIcon:
    return QIcon(icon_path(name))


def glyph(name: str, colour: QColor) -> QIcon:
    """``name``'s glyph drawn in ``colour`` (pixmaps at several sizes for high-DPI screens)."""
    svg = (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    svg = svg.replace(GLYPH_COLOUR, colour.name())
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in _GLYPH_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def themed_glyph(
    name: str, widget: QWidget, role: QPalette.ColorRole = QPalette.ColorRole.ButtonText
) -> QIcon:
    """The glyph in ``widget``'s current text colour (its palette follows the theme)."""
    return glyph(name, widget.palette().color(role))
