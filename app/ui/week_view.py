"""The week view: each channel's open periods over the next days, painted with QPainter.

One row per channel (then the scheduled escalation levels), one column per day, a bar per open
period, holiday and special-day columns shaded and named in the header, and a line at "now".
Everything is measured from the widget's font and painted in logical coordinates, so it is crisp
at any device-pixel ratio; every colour is derived from the palette and then pushed until it
meets WCAG contrast against the background, so light and dark themes both read.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.core import week_text
from app.core.phrases import period_text
from app.domain.week import Period, WeekPlan, WeekRow
from app.ui.theme import contrast_ratio, relative_luminance

#: WCAG 2.1: 3:1 for graphical objects (bars, lines), 4.5:1 for normal text (AA).
GRAPHIC_CONTRAST = 3.0
TEXT_CONTRAST = 4.5
_OPEN_RGB = (26, 127, 55)  # green: open
_NOW_RGB = (210, 40, 40)  # red: the current instant
_MARK_RGB = (230, 150, 20)  # amber: holidays and special days
_PREFERRED_DAY_WIDTH = 124
_MINIMUM_DAY_WIDTH = 48
_MINIMUM_NAME_WIDTH = 110
_PAD = 8.0
_ELIDE = Qt.TextElideMode.ElideRight
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTRE = Qt.AlignmentFlag.AlignCenter


def fit_contrast(color: QColor, against: Sequence[QColor], minimum: float) -> QColor:
    """``color``'s hue, darkened on light backgrounds or lightened on dark ones until it meets
    ``minimum`` against every colour in ``against`` (or as close as the hue allows)."""
    darken = relative_luminance(against[0]) > 0.18
    hue, saturation, lightness = color.hslHueF(), color.hslSaturationF(), color.lightnessF()
    step = -0.02 if darken else 0.02
    candidate = _rgb8(color)
    for _ in range(60):
        if min(contrast_ratio(candidate, c) for c in against) >= minimum:
            return candidate
        lightness = min(1.0, max(0.0, lightness + step))
        candidate = _rgb8(QColor.fromHslF(max(hue, 0.0), saturation, lightness))
    return candidate


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``b`` over ``a``, opaque, 8 bits a channel."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


def _rgb8(color: QColor) -> QColor:
    """What a 32-bit surface stores: comparing painted pixels with it is exact."""
    return QColor(color.red(), color.green(), color.blue())


@dataclass(frozen=True)
class WeekColors:
    background: QColor
    text: QColor
    grid: QColor
    minor_grid: QColor
    shade: QColor  # holiday and special-day columns
    mark_text: QColor  # the holiday / special day's name in the header
    bar: QColor  # an open period
    bar_text: QColor
    now: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> WeekColors:
        background = _rgb8(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base))
        text = _rgb8(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text))
        if contrast_ratio(text, background) < TEXT_CONTRAST:
            text = fit_contrast(text, [background], TEXT_CONTRAST)
        dark = relative_luminance(background) <= 0.18
        open_hue, now_hue, mark_hue = QColor(*_OPEN_RGB), QColor(*_NOW_RGB), QColor(*_MARK_RGB)
        shade = blend(background, mark_hue, 0.22 if dark else 0.16)
        bar = fit_contrast(open_hue, [background, shade], GRAPHIC_CONTRAST)
        black, white = QColor(Qt.GlobalColor.black), QColor(Qt.GlobalColor.white)
        bar_text = max((black, white), key=lambda c: contrast_ratio(c, bar))
        return cls(
            background=background,
            text=text,
            grid=fit_contrast(blend(background, text, 0.3), [background], 1.6),
            minor_grid=blend(background, text, 0.1),
            shade=shade,
            mark_text=fit_contrast(mark_hue, [shade, background], TEXT_CONTRAST),
            bar=bar,
            bar_text=bar_text,
            now=fit_contrast(now_hue, [background, shade], GRAPHIC_CONTRAST),
        )


@dataclass(frozen=True)
class _Layout:
    days: int
    name_width: float
    wanted_name_width: float
    minimum_day_width: float
    row_height: float
    header_height: float
    row_tops: tuple[float, ...]
    chart: tuple[float, float, float, float]  # left, top, width, height
    full_height: int
    day_font: QFont
    note_font: QFont
    day_height: float
    note_height: float


@dataclass(frozen=True)
class _RowScene:
    """What one row paints, worked out once per layout and plan: painting then only draws."""

    top: float
    bottom: float
    name_rect: QRectF
    name: str  # elided to fit
    bars: tuple[QRectF, ...]
    labels: tuple[tuple[QRectF, str], ...]


class WeekView(QWidget):
    """Paints a :class:`WeekPlan`; :meth:`set_now` only moves the line. Its words (days, hours,
    states) come from :mod:`app.core.week_text` in ``lang``, as the cards' do.

    With hundreds of channels most rows are scrolled away: a paint draws the rows it exposes,
    from geometry and texts measured once per size, font, language and plan."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._plan: WeekPlan | None = None
        self._now: dt.datetime | None = None
        self._cached_layout: tuple[tuple[object, ...], WeekPlan | None, _Layout] | None = None
        self._cached_rows: tuple[_Layout, list[_RowScene]] | None = None
        self.setAccessibleName(self.tr("Week view"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- data ---------------------------------------------------------------------------------

    def set_plan(self, plan: WeekPlan, now: dt.datetime | None) -> None:
        """``now`` None: no "now" line (a printed sheet)."""
        self._plan = plan
        self._now = now
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def set_now(self, now: dt.datetime) -> None:
        self._now = now
        self.update()

    def plan(self) -> WeekPlan | None:
        return self._plan

    def now(self) -> dt.datetime | None:
        return self._now

    def colors(self) -> WeekColors:
        return WeekColors.from_palette(self.palette())

    # -- geometry (public so that tests and callers can point at things) -----------------------

    def row_height(self) -> float:
        return self._layout().row_height

    def header_height(self) -> float:
        return self._layout().header_height

    def name_width(self) -> float:
        """The left column: the longest name, within 30 % of the width and the days' room."""
        return self._layout().name_width

    def chart_rect(self) -> QRectF:
        """Where the days are drawn, header excluded, rows included."""
        return QRectF(*self._layout().chart)

    def day_width(self) -> float:
        layout = self._layout()
        return layout.chart[2] / layout.days

    def day_rect(self, index: int) -> QRectF:
        """Column ``index`` from the top of the header to the bottom of the rows."""
        left, top, _width, height = self._layout().chart
        day = self.day_width()
        return QRectF(left + index * day, 0.0, day, top + height)

    def header_rect(self, index: int) -> QRectF:
        column = self.day_rect(index)
        return QRectF(column.left(), 0.0, column.width(), self.header_height())

    def row_rect(self, index: int) -> QRectF:
        """Row ``index``'s band across the days (the name column excluded)."""
        layout = self._layout()
        left, _top, width, _height = layout.chart
        return QRectF(left, layout.row_tops[index], width, layout.row_height)

    def name_rect(self, index: int) -> QRectF:
        layout = self._layout()
        return QRectF(0.0, layout.row_tops[index], layout.name_width, layout.row_height)

    def bar_rect(self, row: int, period: int) -> QRectF:
        assert self._plan is not None
        return _bar_rect(self._layout(), self._plan, row, self._plan.rows[row].periods[period])

    def x_for(self, moment: dt.datetime) -> float:
        """The x of an instant, on the centre's wall clock, clamped to the chart."""
        return _x_for(self._layout(), self._plan, moment)

    def moment_at(self, x: float) -> dt.datetime | None:
        """The instant under ``x``, or None outside the chart."""
        left, _top, width, _height = self._layout().chart
        if self._plan is None or not left <= x < left + width:
            return None
        seconds = (x - left) / width * len(self._plan.days) * 86_400
        start = self._plan.start
        local = start.replace(tzinfo=None) + dt.timedelta(seconds=round(seconds))
        return local.replace(tzinfo=start.tzinfo)

    def now_x(self) -> float | None:
        """Where the now-line is drawn (its pixels are ``round(x) - 1`` and ``round(x)``)."""
        if self._plan is None or self._now is None:
            return None
        if not self._plan.start <= self._now < self._plan.end:
            return None
        return self.x_for(self._now)

    def row_at(self, point: QPointF) -> int | None:
        layout = self._layout()
        for index, top in enumerate(layout.row_tops):
            if top <= point.y() < top + layout.row_height:
                return index
        return None

    def sizeHint(self) -> QSize:
        layout = self._layout()
        name = min(layout.wanted_name_width, 280.0)
        width = name + layout.days * max(_PREFERRED_DAY_WIDTH, layout.minimum_day_width) + _PAD
        return QSize(math.ceil(width), layout.full_height)

    def minimumSizeHint(self) -> QSize:
        layout = self._layout()
        width = _MINIMUM_NAME_WIDTH + layout.days * layout.minimum_day_width + _PAD
        return QSize(math.ceil(width), layout.full_height)

    def _layout(self) -> _Layout:
        """Measured once per size, font, language and plan; painting only reads it."""
        key = (self.width(), self.font().key(), self.lang)
        cached = self._cached_layout
        if cached is not None and cached[0] == key and cached[1] is self._plan:
            return cached[2]
        layout = self._measure()
        self._cached_layout = (key, self._plan, layout)
        return layout

    def _rows(self) -> list[_RowScene]:
        """Each row's elided name, bars and bar labels, for the current layout and plan."""
        layout = self._layout()
        cached = self._cached_rows
        if cached is not None and cached[0] is layout:
            return cached[1]
        rows = [] if self._plan is None else self._measure_rows(layout, self._plan)
        self._cached_rows = (layout, rows)
        return rows

    def _measure_rows(self, layout: _Layout, plan: WeekPlan) -> list[_RowScene]:
        """Bars first, then their hours where they fit: ``7:00–19:00``, else ``7–19``."""
        names, notes = QFontMetricsF(self.font()), QFontMetricsF(layout.note_font)
        widths: dict[str, float] = {}  # the same few hours recur on every row

        def width(text: str) -> float:
            if text not in widths:
                widths[text] = notes.horizontalAdvance(text)
            return widths[text]

        bars_of = [
            tuple(_bar_rect(layout, plan, index, period) for period in row.periods)
            for index, row in enumerate(plan.rows)
        ]
        texts_of = [
            [week_text.bar_texts(row, period, self.lang) for period in row.periods]
            for row in plan.rows
        ]
        style = _one_style(bars_of, texts_of, width)
        rows = []
        for index, row in enumerate(plan.rows):
            top = layout.row_tops[index]
            name_rect = QRectF(0.0, top, layout.name_width, layout.row_height)
            name_rect = name_rect.adjusted(_PAD, 0, -_PAD / 2, 0)
            bars = bars_of[index]
            labels = []
            for rect, candidates in zip(bars, texts_of[index], strict=True):
                inner = rect.adjusted(4, 0, -4, 0)
                text = candidates[min(style, len(candidates) - 1)]
                if width(text) <= inner.width():
                    labels.append((inner, text))
            label = names.elidedText(self.row_label(row), _ELIDE, name_rect.width())
            bottom = top + layout.row_height
            rows.append(_RowScene(top, bottom, name_rect, label, bars, tuple(labels)))
        return rows

    def bar_labels(self) -> list[list[str]]:
        """The hours written on each row's bars, as painted (empty where a bar is too narrow;
        its tooltip still tells the exact hours)."""
        return [[text for _rect, text in row.labels] for row in self._rows()]

    def _measure(self) -> _Layout:
        plan = self._plan
        width = float(self.width())
        font = self.font()
        metrics = QFontMetricsF(font)
        day_font = QFont(font)
        day_font.setWeight(QFont.Weight.DemiBold)
        note_font = QFont(font)
        if font.pointSizeF() > 0:
            note_font.setPointSizeF(max(7.0, font.pointSizeF() * 0.86))
        else:
            note_font.setPixelSize(max(9, round(font.pixelSize() * 0.86)))
        day_metrics, note_metrics = QFontMetricsF(day_font), QFontMetricsF(note_font)
        days = len(plan.days) if plan else 7
        headings = ["Wed 30"] if plan is None else week_text.headings(plan, self.lang)
        widest = max(day_metrics.horizontalAdvance(h) for h in headings)
        minimum_day = max(float(_MINIMUM_DAY_WIDTH), math.ceil(widest + 12))
        labels = [self.row_label(r) for r in plan.rows] if plan else []
        wanted = max((metrics.horizontalAdvance(t) for t in labels), default=0.0) + 2 * _PAD
        wanted = max(wanted, float(_MINIMUM_NAME_WIDTH))
        room = width - _PAD - days * minimum_day
        cap = max(float(_MINIMUM_NAME_WIDTH), min(width * 0.3, room))
        name_width = float(math.floor(min(wanted, cap)))
        row_height = float(math.ceil(metrics.height() * 1.9))
        header_height = float(math.ceil(_PAD + day_metrics.height() + note_metrics.height() + 8))
        gap = float(math.ceil(row_height / 4))
        kinds = [r.kind for r in plan.rows] if plan else []
        first_level = kinds.index("level") if "level" in kinds else None
        row_tops = tuple(
            header_height
            + i * row_height
            + (gap if first_level is not None and 0 < first_level <= i else 0.0)
            for i in range(len(kinds))
        )
        rows_height = (row_tops[-1] + row_height - header_height) if row_tops else row_height
        chart = (name_width, header_height, max(1.0, width - name_width - _PAD), rows_height)
        return _Layout(
            days=days,
            name_width=name_width,
            wanted_name_width=wanted,
            minimum_day_width=minimum_day,
            row_height=row_height,
            header_height=header_height,
            row_tops=row_tops,
            chart=chart,
            full_height=math.ceil(header_height + rows_height + _PAD),
            day_font=day_font,
            note_font=note_font,
            day_height=day_metrics.height(),
            note_height=note_metrics.height(),
        )

    # -- words (from the core) ---------------------------------------------------------------

    def row_label(self, row: WeekRow) -> str:
        return week_text.row_label(row, self.lang)

    def period_text(self, period: Period, *, with_month: bool = True) -> str:
        """``mié 9 dic 7:00–19:00``; ``lun 7 dic 22:00 – mar 8 dic 2:00`` across midnight."""
        return period_text(*period, self.lang, with_month=with_month)

    def tooltip_at(self, pos: QPoint | QPointF) -> str | None:
        """What hovering ``pos`` tells: a bar's period, a closed day's reason, a full name."""
        plan = self._plan
        if plan is None:
            return None
        point = QPointF(pos)
        for column, info in enumerate(plan.days):
            if self.header_rect(column).contains(point):
                return week_text.day_tooltip(info, self.lang)
        index = self.row_at(point)
        if index is None:
            return None
        row = plan.rows[index]
        label = self.row_label(row)
        if point.x() < self.name_width():
            return label
        moment = self.moment_at(point.x())
        if moment is None:
            return None
        return f"{label}\n{week_text.state_at(plan, row, moment, self.lang)}"

    def describe(self) -> str:
        """The accessible description: every row's periods, and the marked days."""
        return "" if self._plan is None else week_text.describe(self._plan, self.lang)

    # -- Qt -----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LocaleChange, QEvent.Type.LanguageChange):
            self.setAccessibleName(self.tr("Week view"))
            if self._plan is not None:
                self.setAccessibleDescription(self.describe())
            self.update()
        elif event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = self.colors()
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.fillRect(self.rect(), colors.background)
            if self._plan is None:
                painter.setPen(colors.text)
                painter.drawText(
                    QRectF(self.rect()),
                    Qt.AlignmentFlag.AlignCenter,
                    self.tr("No hours to show"),
                )
                return
            exposed = event.rect()
            rows = [
                row
                for row in self._rows()
                if row.bottom >= exposed.top() and row.top <= exposed.bottom() + 1
            ]
            self._paint_shading(painter, self._plan, colors)
            self._paint_grid(painter, self._plan, colors, rows)
            self._paint_header(painter, self._plan, colors)
            self._paint_names(painter, rows, colors)
            self._paint_bars(painter, rows, colors)
            self._paint_now(painter, colors)
        finally:
            painter.end()

    # -- painting -----------------------------------------------------------------------------

    def _paint_shading(self, painter: QPainter, plan: WeekPlan, colors: WeekColors) -> None:
        for index, day in enumerate(plan.days):
            if day.holiday or day.special:
                painter.fillRect(self.day_rect(index), colors.shade)

    def _paint_grid(
        self, painter: QPainter, plan: WeekPlan, colors: WeekColors, rows: list[_RowScene]
    ) -> None:
        """Row separators and quarter-day dots, then day lines: three calls, crisp at 1x."""
        left, top, width, height = self._layout().chart
        right, bottom = left + width, top + height
        day = self.day_width()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        minor = QPen(colors.minor_grid, 1.0)
        painter.setPen(minor)
        painter.drawLines([QLineF(0.0, _crisp(r.bottom), right, _crisp(r.bottom)) for r in rows])
        if day / 4 >= 12:
            minor.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(minor)
            quarters = [
                left + d * day + q * day / 4 for d in range(len(plan.days)) for q in (1, 2, 3)
            ]
            painter.drawLines([QLineF(_crisp(x), top, _crisp(x), bottom) for x in quarters])
        painter.setPen(QPen(colors.grid, 1.0))
        days = [_crisp(left + d * day) for d in range(len(plan.days) + 1)]
        lines = [QLineF(x, _PAD / 2, x, bottom) for x in days]
        lines.append(QLineF(0.0, _crisp(top), right, _crisp(top)))
        painter.drawLines(lines)
        painter.restore()

    def _paint_header(self, painter: QPainter, plan: WeekPlan, colors: WeekColors) -> None:
        layout = self._layout()
        day_metrics, note_metrics = QFontMetricsF(layout.day_font), QFontMetricsF(layout.note_font)
        month = week_text.month_heading(plan, self.lang)
        corner = QRectF(_PAD, _PAD, layout.name_width - 2 * _PAD, layout.day_height)
        headings = [(corner, day_metrics.elidedText(month, _ELIDE, corner.width()), _LEFT)]
        notes = []
        labels = week_text.headings(plan, self.lang)
        for index, (day, label) in enumerate(zip(plan.days, labels, strict=True)):
            cell = self.header_rect(index).adjusted(3, _PAD, -3, 0)
            line = QRectF(cell.left(), cell.top(), cell.width(), layout.day_height)
            headings.append((line, day_metrics.elidedText(label, _ELIDE, cell.width()), _CENTRE))
            if names := week_text.marks(day):
                note = note_metrics.elidedText(" · ".join(names), _ELIDE, cell.width())
                below = QRectF(line.left(), line.bottom(), line.width(), layout.note_height)
                notes.append((below, note))
        painter.setFont(layout.day_font)
        painter.setPen(colors.text)
        for rect, text, align in headings:
            painter.drawText(rect, align, text)
        if notes:
            painter.setFont(layout.note_font)
            painter.setPen(colors.mark_text)
            for rect, text in notes:
                painter.drawText(rect, _CENTRE, text)

    def _paint_names(self, painter: QPainter, rows: list[_RowScene], colors: WeekColors) -> None:
        painter.setFont(self.font())
        painter.setPen(colors.text)
        for row in rows:
            painter.drawText(row.name_rect, _LEFT, row.name)

    def _paint_bars(self, painter: QPainter, rows: list[_RowScene], colors: WeekColors) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.bar)
        for row in rows:
            for rect in row.bars:
                painter.drawRoundedRect(rect, 3.0, 3.0)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(self._layout().note_font)
        painter.setPen(colors.bar_text)
        for row in rows:
            for inner, text in row.labels:
                painter.drawText(inner, _CENTRE, text)

    def _paint_now(self, painter: QPainter, colors: WeekColors) -> None:
        x = self.now_x()
        if x is None:
            return
        pixel = round(x)
        chart = self.chart_rect()
        top = chart.top() - 6
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(QRectF(pixel - 2, top, 4, chart.bottom() - top), colors.background)
        painter.fillRect(QRectF(pixel - 1, top, 2, chart.bottom() - top), colors.now)
        painter.restore()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.now)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(pixel - 5, top - 5),
                    QPointF(pixel + 5, top - 5),
                    QPointF(pixel, top + 1),
                ]
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)


def _x_for(layout: _Layout, plan: WeekPlan | None, moment: dt.datetime) -> float:
    """The x of an instant, on the centre's wall clock, clamped to the chart."""
    left, _top, width, _height = layout.chart
    if plan is None:
        return left
    start = plan.start
    local = moment.astimezone(start.tzinfo).replace(tzinfo=None)
    offset = (local - start.replace(tzinfo=None)).total_seconds()
    span = len(plan.days) * 86_400
    return left + min(1.0, max(0.0, offset / span)) * width


def _bar_rect(layout: _Layout, plan: WeekPlan, row: int, period: Period) -> QRectF:
    inset = max(3.0, math.floor(layout.row_height * 0.18))
    left, right = _x_for(layout, plan, period[0]), _x_for(layout, plan, period[1])
    top = layout.row_tops[row] + inset
    return QRectF(left, top, right - left, layout.row_height - 2 * inset)


def _crisp(value: float) -> float:
    """A 1-px line on a pixel row instead of smeared over two (at a device-pixel ratio of 1)."""
    return math.floor(value) + 0.5


def _one_style(
    bars_of: list[tuple[QRectF, ...]],
    texts_of: list[list[list[str]]],
    width: Callable[[str], float],
) -> int:
    """One way of writing hours for the whole view (``7:00–19:00``, else ``7–19``): the fullest
    that fits every bar with room for a label at all, so no bar says "7:00–19:00" beside one
    saying "7–17". A bar too narrow for any keeps its hours in its tooltip."""
    choices = [
        (room, candidates)
        for bars, texts in zip(bars_of, texts_of, strict=True)
        for rect, candidates in zip(bars, texts, strict=True)
        if len(candidates) > 1
        and width(candidates[-1]) <= (room := rect.adjusted(4, 0, -4, 0).width())
    ]
    styles = max((len(candidates) for _room, candidates in choices), default=1)
    for style in range(styles):
        if all(width(candidates[style]) <= room for room, candidates in choices):
            return style
    return styles - 1
