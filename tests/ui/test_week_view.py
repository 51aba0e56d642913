"""The week view paints the plan where its own geometry says, in colours that read."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from app.domain.availability import AvailabilityEngine
from app.domain.week import WeekPlan, week_plan
from app.ui.week_view import (
    GRAPHIC_CONTRAST,
    TEXT_CONTRAST,
    WeekColors,
    WeekView,
    contrast_ratio,
)

BOG = ZoneInfo("America/Bogota")
MONDAY = dt.date(2026, 12, 7)  # Tuesday 2026-12-08 is a holiday
MAIN, CRITICAL, PQRSA = 0, 1, 4  # row indexes in config order
MAIN_NAME = "Línea de servicio al cliente (Bogotá)"


def at(day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(MONDAY + dt.timedelta(days=day), dt.time(hour, minute), BOG)


@pytest.fixture(scope="module")
def plan(engine: AvailabilityEngine) -> WeekPlan:
    return week_plan(engine, at(0, 9))


@pytest.fixture
def view(qtbot: QtBot, plan: WeekPlan) -> WeekView:
    widget = WeekView("es")
    qtbot.addWidget(widget)
    widget.setLocale(QLocale(QLocale.Language.Spanish, QLocale.Country.Colombia))
    widget.set_plan(plan, at(2, 10, 30))
    widget.resize(1100, 320)
    return widget


def grab(view: WeekView) -> QImage:
    pixmap = view.grab()
    assert not pixmap.isNull()
    return pixmap.toImage()


def color_at(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(int(x), int(y))


def mid_y(view: WeekView, row: int) -> float:
    return view.row_rect(row).center().y()


def dark_palette() -> QPalette:
    palette = QPalette(QColor(45, 45, 45))
    palette.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
    palette.setColor(QPalette.ColorRole.Text, QColor(230, 230, 230))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(230, 230, 230))
    return palette


def test_paints_a_pixmap_of_its_size(view: WeekView) -> None:
    pixmap = view.grab()
    assert not pixmap.isNull()
    assert pixmap.deviceIndependentSize().toSize() == QSize(1100, 320)
    assert view.plan() is not None


def test_without_a_plan_it_still_paints(qtbot: QtBot) -> None:
    widget = WeekView("es")
    qtbot.addWidget(widget)
    widget.resize(400, 120)
    assert not widget.grab().isNull()
    assert widget.tooltip_at(QPoint(200, 60)) is None


def test_open_time_is_bar_coloured_and_closed_time_is_not(view: WeekView) -> None:
    image = grab(view)
    colors = view.colors()
    # Monday 08:00 on the main line: open (the hours label sits around 13:00)
    assert color_at(image, view.x_for(at(0, 8)), mid_y(view, MAIN)) == colors.bar
    # Monday 03:00 and Sunday 10:00: closed
    assert color_at(image, view.x_for(at(0, 3)), mid_y(view, MAIN)) == colors.background
    assert color_at(image, view.x_for(at(6, 10)), mid_y(view, MAIN)) == colors.background
    # PQRSA closes at 17:00, the main line at 19:00
    assert color_at(image, view.x_for(at(0, 18)), mid_y(view, PQRSA)) != colors.bar
    assert color_at(image, view.x_for(at(0, 18)), mid_y(view, MAIN)) == colors.bar


def test_bar_rect_matches_the_period(view: WeekView, plan: WeekPlan) -> None:
    bar = view.bar_rect(MAIN, 0)
    assert plan.rows[MAIN].periods[0] == (at(0, 7), at(0, 19))
    assert bar.left() == pytest.approx(view.x_for(at(0, 7)))
    assert bar.right() == pytest.approx(view.x_for(at(0, 19)))
    assert view.row_rect(MAIN).contains(bar)
    # the whole chart is one week: days are equal columns
    assert view.x_for(at(1)) - view.x_for(at(0)) == pytest.approx(view.day_width())
    assert view.x_for(at(0)) == view.chart_rect().left()
    assert view.x_for(at(7)) == pytest.approx(view.chart_rect().right())


def test_the_24_7_line_is_one_bar_across_the_week(view: WeekView) -> None:
    image = grab(view)
    bar = view.colors().bar
    for moment in (at(0, 1), at(1, 10), at(6, 23, 30)):
        assert color_at(image, view.x_for(moment), view.bar_rect(CRITICAL, 0).top() + 1) == bar


def test_holiday_column_is_shaded_and_named(view: WeekView) -> None:
    image = grab(view)
    colors = view.colors()
    assert colors.shade != colors.background
    tuesday, wednesday = view.x_for(at(1, 10)), view.x_for(at(2, 4))
    assert color_at(image, tuesday, mid_y(view, MAIN)) == colors.shade
    assert color_at(image, wednesday, mid_y(view, MAIN)) == colors.background
    header = view.header_rect(1)
    assert color_at(image, header.left() + 2, header.bottom() - 2) == colors.shade
    tip = view.tooltip_at(header.center())
    assert tip is not None
    assert "La Inmaculada Concepción" in tip
    assert "8 de diciembre de 2026" in tip


def test_now_line_moves_with_set_now(view: WeekView) -> None:
    view.set_now(at(6, 10))  # Sunday: everything closed but the 24/7 line
    x = view.now_x()
    assert x == pytest.approx(view.x_for(at(6, 10)))
    now = view.colors().now
    image = grab(view)
    assert color_at(image, round(x) - 1, mid_y(view, MAIN)) == now
    assert color_at(image, round(x), mid_y(view, MAIN)) == now

    view.set_now(at(6, 16))
    moved = grab(view)
    assert color_at(moved, round(x), mid_y(view, MAIN)) == view.colors().background
    assert color_at(moved, round(view.x_for(at(6, 16))), mid_y(view, MAIN)) == now


def test_no_now_line_outside_the_window(view: WeekView) -> None:
    view.set_now(at(8, 10))
    assert view.now_x() is None
    view.set_now(at(-1, 10))
    assert view.now_x() is None


def test_tooltip_tells_the_period(view: WeekView) -> None:
    wednesday_noon = QPointF(view.x_for(at(2, 12)), mid_y(view, MAIN))
    assert view.tooltip_at(wednesday_noon) == f"{MAIN_NAME}\nmié 9 dic 7:00–19:00"
    closed = QPointF(view.x_for(at(1, 12)), mid_y(view, MAIN))
    assert view.tooltip_at(closed) == f"{MAIN_NAME}\nCerrado: La Inmaculada Concepción"
    night = QPointF(view.x_for(at(2, 22)), mid_y(view, MAIN))
    assert view.tooltip_at(night) == f"{MAIN_NAME}\nCerrado"
    always = QPointF(view.x_for(at(1, 3)), mid_y(view, CRITICAL))
    assert view.tooltip_at(always) == "Línea para incidentes prioridad 1 (críticos)\nAbierto 24/7"
    name = view.name_rect(PQRSA).center()
    assert view.tooltip_at(name) == "Peticiones, quejas, reclamos, sugerencias y apelaciones"
    assert view.tooltip_at(view.name_rect(5).center()) == "Nivel 1 · Grupo de soporte técnico"
    assert view.tooltip_at(QPoint(500, 310)) is None  # below the rows


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen QPA only
def test_tooltip_event_shows_it(qtbot: QtBot, view: WeekView) -> None:
    view.show()
    qtbot.waitExposed(view)
    pos = QPointF(view.x_for(at(3, 9)), mid_y(view, MAIN)).toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos))
    assert QApplication.sendEvent(view, event)
    qtbot.waitUntil(lambda: QToolTip.text() == f"{MAIN_NAME}\njue 10 dic 7:00–19:00")
    QToolTip.hideText()


def test_period_text_across_midnight(view: WeekView) -> None:
    assert view.period_text((at(0, 22), at(1, 2))) == "lun 7 dic 22:00 – mar 8 dic 2:00"
    assert view.period_text((at(0, 20), at(1))) == "lun 7 dic 20:00–24:00"
    assert view.period_text((at(4, 7), at(4, 19)), with_month=False) == "vie 7:00–19:00"


def test_accessible_name_and_description(view: WeekView) -> None:
    assert view.accessibleName() == "Week view"
    description = view.accessibleDescription()
    assert f"{MAIN_NAME}: lun 7:00–19:00, mié 7:00–19:00, jue 7:00–19:00," in description
    assert "Línea para incidentes prioridad 1 (críticos): abierto 24/7." in description
    assert "mar 8 dic: La Inmaculada Concepción." in description


def test_size_hints_fit_a_1366x768_window(view: WeekView) -> None:
    hint, minimum = view.sizeHint(), view.minimumSizeHint()
    assert hint.width() <= 1366 - 100
    assert hint.height() <= 768 // 2
    assert minimum.width() <= hint.width()
    last = view.row_rect(len(view.plan().rows) - 1)  # type: ignore[union-attr]
    assert last.bottom() <= minimum.height()
    view.resize(minimum)
    image = grab(view)  # at its minimum every day heading still fits
    assert view.day_width() >= 48
    assert color_at(image, view.x_for(at(0, 9)), mid_y(view, MAIN)) == view.colors().bar


@pytest.mark.parametrize("palette", [QPalette, dark_palette], ids=["light", "dark"])
def test_colours_meet_wcag_contrast(qtbot: QtBot, plan: WeekPlan, palette: type) -> None:
    widget = WeekView("es")
    qtbot.addWidget(widget)
    widget.setPalette(palette())
    widget.set_plan(plan, at(2, 10))
    widget.resize(1000, 260)
    colors: WeekColors = widget.colors()
    assert contrast_ratio(colors.bar, colors.background) >= GRAPHIC_CONTRAST
    assert contrast_ratio(colors.bar, colors.shade) >= GRAPHIC_CONTRAST
    assert contrast_ratio(colors.now, colors.background) >= GRAPHIC_CONTRAST
    assert contrast_ratio(colors.bar_text, colors.bar) >= TEXT_CONTRAST
    assert contrast_ratio(colors.text, colors.background) >= TEXT_CONTRAST
    assert contrast_ratio(colors.mark_text, colors.shade) >= TEXT_CONTRAST
    image = grab(widget)
    assert color_at(image, widget.x_for(at(0, 8)), mid_y(widget, MAIN)) == colors.bar
    assert color_at(image, widget.x_for(at(0, 3)), mid_y(widget, MAIN)) == colors.background


def test_crisp_at_device_pixel_ratio_two(view: WeekView) -> None:
    image = QImage(view.size() * 2, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2.0)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        view.render(painter, QPoint())
    finally:
        painter.end()
    bar = view.colors().bar
    assert color_at(image, 2 * view.x_for(at(0, 8)), 2 * mid_y(view, MAIN)) == bar
    background = view.colors().background
    assert color_at(image, 2 * view.x_for(at(0, 3)), 2 * mid_y(view, MAIN)) == background


def test_the_spanish_console_words_a_closed_day_in_spanish(make_console) -> None:
    """The reason a day is closed was an f-string Qt Linguist never saw: English in Spanish."""
    console = make_console(at(0, 10), lang="es")
    console.start()
    console.window.week_action.trigger()
    week = console.window.week
    week.resize(1100, 320)
    closed = QPointF(week.x_for(at(1, 12)), mid_y(week, MAIN))
    assert week.tooltip_at(closed) == f"{MAIN_NAME}\nCerrado: La Inmaculada Concepción"


def test_a_paint_of_part_of_many_rows_matches_the_whole_picture(
    qtbot: QtBot, plan: WeekPlan
) -> None:
    """With hundreds of rows a paint draws only the rows it exposes (the ones scrolled into
    view); what it draws there is exactly what a full paint draws."""
    many = dataclasses.replace(plan, rows=plan.rows * 40)
    widget = WeekView("es")
    qtbot.addWidget(widget)
    widget.set_plan(many, at(2, 10, 30))
    widget.resize(1100, widget.sizeHint().height())
    whole = grab(widget)
    part = widget.row_rect(150).united(widget.row_rect(160)).toAlignedRect()
    part.setLeft(0)
    piece = widget.grab(part).toImage()
    assert piece.size() == part.size()
    assert piece == whole.copy(part)
    bar = widget.bar_rect(155, 0).center() - QPointF(part.topLeft())
    assert color_at(piece, bar.x(), bar.y()) == widget.colors().bar


def test_the_painted_names_follow_a_language_switch(view: WeekView) -> None:
    """Row names are measured once and kept; another language measures them again."""
    plan = view.plan()
    assert plan is not None
    level = next(i for i, row in enumerate(plan.rows) if row.level is not None)
    names = view.name_rect(level).toAlignedRect()
    spanish = grab(view).copy(names)
    view.lang = "en"
    english = grab(view).copy(names)
    view.lang = "es"
    again = grab(view).copy(names)
    assert english != spanish  # "Nivel 1 · …" then "Level 1 · …"
    assert again == spanish


@pytest.mark.parametrize("width", [1366, 1100, 900, 700])
def test_every_bar_speaks_one_style_of_hours(view: WeekView, width: int) -> None:
    """No "7:00–19:00" beside "7–17": one style for the whole view, the fullest that fits
    every bar with room for a label (a narrower bar keeps its hours in its tooltip)."""
    view.resize(width, 320)
    labels = [text for row in view.bar_labels() for text in row if "24/7" not in text]
    assert labels, "the bars of a week say their hours"
    full = [":" in text for text in labels]
    assert all(full) or not any(full), labels
