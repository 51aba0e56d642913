"""SVG icons from the resources folder, crisp at any DPI.

Glyphs (copy, phone, mail, web, bell) are drawn in one placeholder colour and re-coloured to
the widget's text colour, so they stay visible in dark and high-contrast themes; state icons
and the app icon keep their own colours.

Rendering an SVG costs about a millisecond, and a board of 200 channels asks for the same few
glyphs hundreds of times, so the application holds one :class:`GlyphCache` (made by the
composition root, :func:`app.ui.startup.make_application`, as the QApplication's child): a
rendered glyph is kept per (name, colour) and a state icon per name, and every card shares the
same implicitly shared QIcon. Where no cache was installed (a bare QApplication) icons are
rendered each time, as before.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from app.resources import resources_dir

GLYPH_COLOUR = "#3d4a5c"
_GLYPH_SIZES = (16, 24, 32, 48)
CACHE_NAME = "glyphCache"


def icon_path(name: str) -> str:
    return str(resources_dir() / "icons" / f"{name}.svg")


def render_icon(name: str) -> QIcon:
    return QIcon(icon_path(name))


def render_glyph(name: str, colour: QColor) -> QIcon:
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


class GlyphCache(QObject):
    """Rendered icons, shared: a glyph per (name, colour), a file icon per name.

    Bounded by what exists: a dozen SVG files times the few text colours of the themes in use.
    A state icon is one QIcon per name, so its SVG engine renders each size once and serves
    the rest from its pixmaps (Qt caches them per engine)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(CACHE_NAME)
        self._glyphs: dict[tuple[str, int], QIcon] = {}
        self._icons: dict[str, QIcon] = {}
        self.renders = 0  # SVG glyph renderings done: what the cache saves is visible

    def glyph(self, name: str, colour: QColor) -> QIcon:
        key = (name, colour.rgba())
        found = self._glyphs.get(key)
        if found is None:
            found = self._glyphs[key] = render_glyph(name, colour)
            self.renders += 1
        return found

    def icon(self, name: str) -> QIcon:
        found = self._icons.get(name)
        if found is None:
            found = self._icons[name] = render_icon(name)
        return found

    @staticmethod
    def of_application() -> GlyphCache | None:
        """The cache the running application holds, if the composition root made one."""
        app = QCoreApplication.instance()
        return None if app is None else app.findChild(GlyphCache, CACHE_NAME)


def icon(name: str, cache: GlyphCache | None = None) -> QIcon:
    """An icon file as it is (the app icon, state icons), from ``cache`` or the application's."""
    cache = GlyphCache.of_application() if cache is None else cache
    return render_icon(name) if cache is None else cache.icon(name)


def glyph(name: str, colour: QColor, cache: GlyphCache | None = None) -> QIcon:
    cache = GlyphCache.of_application() if cache is None else cache
    return render_glyph(name, colour) if cache is None else cache.glyph(name, colour)


def themed_glyph(
    name: str,
    widget: QWidget,
    role: QPalette.ColorRole = QPalette.ColorRole.ButtonText,
    cache: GlyphCache | None = None,
) -> QIcon:
    """The glyph in ``widget``'s current text colour (its palette follows the theme)."""
    return glyph(name, widget.palette().color(role), cache)
