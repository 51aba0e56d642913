"""Glyphs are rendered once per (name, colour) and state icons once per name, by the cache the
application holds; the pictures are the same as rendering afresh."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.ui.icons import GlyphCache, icon, render_glyph
from app.ui.startup import make_application


def test_the_application_holds_one_cache() -> None:
    app = make_application()
    cache = GlyphCache.of_application()
    assert cache is not None and cache.parent() is app
    make_application()  # called again (tests, a second console): still the one cache
    assert GlyphCache.of_application() is cache


def test_a_glyph_is_rendered_once_per_name_and_colour(qapp: object) -> None:
    cache = GlyphCache()
    ink, paper = QColor("#102030"), QColor("#f0f0f0")
    first = cache.glyph("copy", ink)
    assert cache.glyph("copy", QColor("#102030")).cacheKey() == first.cacheKey()
    assert cache.renders == 1
    assert cache.glyph("copy", paper).cacheKey() != first.cacheKey()
    assert cache.glyph("bell", ink).cacheKey() != first.cacheKey()
    assert cache.renders == 3
    fresh = render_glyph("copy", ink).pixmap(24, 24).toImage()
    assert first.pixmap(24, 24).toImage() == fresh


def test_state_icons_are_one_icon_per_name(qapp: object) -> None:
    cache = GlyphCache()
    assert icon("state-open", cache).cacheKey() == icon("state-open", cache).cacheKey()
    assert icon("state-open", cache).cacheKey() != icon("state-closed", cache).cacheKey()
