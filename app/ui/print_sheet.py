"""The one-page channel sheet: painted once, for a PDF (QPdfWriter), a printer (QPrinter) or an
image (QImage: the dialog's preview, tests, the README's picture).

Everything is laid out in 1/96-inch units on an A4 or Letter page, with pixel-sized fonts, so
the same drawing is the same on every device; a printer or an image only scales it. The texts
come from :func:`app.core.sheet.sheet_view`; the week picture is the week view's own painting
(:class:`~app.ui.week_view.WeekView`) in light, print-friendly colours. When the content is taller
than the page (many channels), the whole sheet is scaled down to keep it on one page.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPoint,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
)

from app.core.sheet import SheetEntry, SheetView
from app.ui.week_view import WeekView

UNITS_PER_INCH = 96
PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
MARGIN = 0.55 * UNITS_PER_INCH  # 14 mm
COLUMN_GAP = 22.0
MIN_SCALE, MAX_SCALE = 0.25, 1.3
MIN_COLUMN = 300.0  # the narrowest column of channels (units, before scaling)
_INK = QColor(20, 20, 20)
_MUTED = QColor(85, 85, 85)
_ACCENT = QColor(10, 79, 150)  # the "24/7" blue of the light theme: 8:1 on white
_RULE = QColor(170, 170, 170)
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def page_size_in_units(page: str) -> QSizeF:
    size = QPageSize(PAGE_SIZES[page]).size(QPageSize.Unit.Inch)
    return QSizeF(size.width() * UNITS_PER_INCH, size.height() * UNITS_PER_INCH)


def default_page_size(country_code: str) -> str:
    """Letter where it is the usual paper (North and Central America, Colombia, Venezuela,
    Chile, the Philippines), A4 elsewhere. ``country_code``: ISO 3166 alpha-2."""
    letter = {"US", "CA", "MX", "CO", "VE", "CL", "PH", "CR", "GT", "PA", "DO", "SV", "NI", "PR"}
    return "Letter" if country_code.upper() in letter else "A4"


Block = Callable[["_Flow"], None]


@dataclass
class _Fonts:
    title: QFont
    subtitle: QFont
    heading: QFont
    name: QFont
    body: QFont
    small: QFont

    @classmethod
    def from_family(cls, family: str) -> _Fonts:
        def make(pixels: float, weight: QFont.Weight, italic: bool = False) -> QFont:
            font = QFont(family)
            font.setPixelSize(round(pixels))
            font.setWeight(weight)
            font.setItalic(italic)
            return font

        normal, bold = QFont.Weight.Normal, QFont.Weight.Bold
        return cls(
            title=make(24, bold),
            subtitle=make(13, normal),
            heading=make(15, bold),
            name=make(12.5, QFont.Weight.DemiBold),
            body=make(11.5, normal),
            small=make(10, normal, italic=True),
        )


@dataclass
class _Flow:
    """Lays text down a column: measures always, paints only when given a painter."""

    painter: QPainter | None
    left: float
    width: float
    y: float
    ops: list[Callable[[QPainter], None]] = field(default_factory=list)

    def text(
        self,
        text: str,
        font: QFont,
        color: QColor,
        *,
        indent: float = 0.0,
        after: float = 2.0,
        align_right: bool = False,
    ) -> None:
        if not text:
            return
        rect = QRectF(self.left + indent, self.y, self.width - indent, 10_000.0)
        flags = _WRAP
        if align_right:
            flags = int(Qt.TextFlag.TextWordWrap) | int(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            )
        bounds = QFontMetricsF(font).boundingRect(rect, flags, text)
        height = math.ceil(bounds.height())
        if self.painter is not None:
            painter = self.painter
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), height + 2), flags, text)
        self.y += height + after

    def rule(self, after: float = 6.0) -> None:
        if self.painter is not None:
            self.painter.setPen(QPen(_RULE, 0.8))
            self.painter.drawLine(
                QPointF(self.left, self.y + 0.5), QPointF(self.left + self.width, self.y + 0.5)
            )
        self.y += after

    def space(self, amount: float) -> None:
        self.y += amount


class SheetPainter:
    """Paints one :class:`SheetView` on a page of ``page`` size ("A4" or "Letter")."""

    def __init__(self, view: SheetView, page: str = "A4", family: str | None = None) -> None:
        self.view = view
        self.page = page
        self.size = page_size_in_units(page)
        app_font = QGuiApplication.font()
        self.fonts = _Fonts.from_family(family or app_font.family())
        self.week = _print_week_view(view, self.fonts.body)
        self._scale: float | None = None

    # -- measuring and painting -------------------------------------------------------------

    def content_height(self, scale: float = 1.0) -> float:
        """The sheet's height on the page (units) when drawn at ``scale``."""
        return self._lay_out(None, scale) * scale

    def scale(self) -> float:
        """The largest scale (up to :data:`MAX_SCALE`) at which the sheet fits the page: a
        short configuration is printed larger, a long one smaller, never on a second page.
        Text wraps differently at each scale, so it is searched for, not computed."""
        if self._scale is None:
            available = self.size.height() - 2 * MARGIN
            low, high = MIN_SCALE, MAX_SCALE
            if self.content_height(high) <= available:
                low = high
            for _ in range(14):
                if high - low < 0.002:
                    break
                middle = (low + high) / 2
                if self.content_height(middle) <= available:
                    low = middle
                else:
                    high = middle
            self._scale = low
        return self._scale

    def paint(self, painter: QPainter, target: QRectF | None = None) -> None:
        """Paint the page into ``target`` (device coordinates; default: the page's own size in
        units, i.e. a device of 96 dots per inch)."""
        page = QRectF(QPointF(0, 0), self.size)
        target = target or page
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.translate(target.topLeft())
            painter.scale(target.width() / page.width(), target.height() / page.height())
            painter.fillRect(page, QColor(Qt.GlobalColor.white))
            self._lay_out(painter, self.scale())
        finally:
            painter.restore()

    def _lay_out(self, painter: QPainter | None, scale: float) -> float:
        """One pass over the sheet; returns the height used (unscaled units)."""
        view, fonts = self.view, self.fonts
        width = (self.size.width() - 2 * MARGIN) / scale
        if painter is not None:
            painter.save()
            painter.translate(MARGIN, MARGIN)
            painter.scale(scale, scale)
        try:
            flow = _Flow(painter, 0.0, width, 0.0)
            # the heading: organisation, product, tagline; what this is, at the right
            top = flow.y
            right = _Flow(painter, width * 0.62, width * 0.38, top)
            right.text(view.heading, fonts.heading, _ACCENT, align_right=True, after=2)
            right.text(view.printed, fonts.small, _MUTED, align_right=True)
            left = _Flow(painter, 0.0, width * 0.6, top)
            left.text(view.title, fonts.title, _INK, after=2)
            left.text(view.product, fonts.subtitle, _INK, after=1)
            left.text(view.tagline, fonts.small, _MUTED)
            flow.y = max(left.y, right.y) + 4
            flow.rule(10)
            # columns: the channels, then the ladder and the marked days
            flow.y = self._columns(painter, width, flow.y) + 4
            flow.rule(10)
            # the week picture, the week view's own painting
            flow.text(view.week_heading, fonts.heading, _ACCENT, after=6)
            self.week.resize(math.floor(width), self.week.sizeHint().height())
            if painter is not None:
                painter.save()
                painter.translate(0, flow.y)
                self.week.render(painter, QPoint(0, 0))
                painter.restore()
            flow.y += self.week.height() + 8
            if view.notes:
                flow.text(view.notes_heading, fonts.heading, _ACCENT, after=4)
                for note in view.notes:
                    flow.text(f"• {note}", fonts.body, _INK, after=3)
                flow.space(4)
            flow.rule(6)
            flow.text(view.source, fonts.small, _MUTED)
            return flow.y
        finally:
            if painter is not None:
                painter.restore()

    def _sections(self) -> list[list[Block]]:
        """The blocks of each section; a section's heading travels with its first block."""
        view, fonts = self.view, self.fonts

        def heading(text: str, first: Block | None) -> Block:
            def block(flow: _Flow) -> None:
                flow.text(text, fonts.heading, _ACCENT, after=6)
                if first is not None:
                    first(flow)

            return block

        def entry(item: SheetEntry) -> Block:
            return lambda flow: self._entry(flow, item)

        def day(line: str) -> Block:
            return lambda flow: flow.text(line, fonts.body, _INK, after=3)

        channels = [entry(e) for e in view.channels]
        ladder = [entry(e) for e in view.ladder]
        days = [day(line) for line in view.days]
        rest = [heading(view.ladder_heading, ladder[0] if ladder else None), *ladder[1:]]
        rest.append(lambda flow: flow.space(6))
        rest += [heading(view.days_heading, days[0] if days else None), *days[1:]]
        first = channels[0] if channels else None
        return [[heading(view.channels_heading, first), *channels[1:]], rest]

    def _columns(self, painter: QPainter | None, width: float, top: float) -> float:
        """The sections side by side: two columns on a page, more when the sheet is scaled
        down (a long configuration); each section gets columns in proportion to its length
        and is balanced across them. Returns the bottom of the tallest column."""
        count = max(2, int((width + COLUMN_GAP) // (MIN_COLUMN + COLUMN_GAP)))
        column = (width - (count - 1) * COLUMN_GAP) / count
        sections = self._sections()

        def measure(block: Block) -> float:
            probe = _Flow(None, 0.0, column, 0.0)
            block(probe)
            return probe.y

        heights = [[measure(b) for b in section] for section in sections]
        totals = [sum(h) for h in heights]
        share = round(count * totals[0] / max(1.0, sum(totals)))
        spans = [min(count - 1, max(1, share))]
        spans.append(count - spans[0])
        bottom, index = top, 0
        for section, section_heights, span in zip(sections, heights, spans, strict=True):
            target = max(sum(section_heights) / span, max(section_heights, default=0.0))
            used, flow = 0, _Flow(painter, index * (column + COLUMN_GAP), column, top)
            for block, height in zip(section, section_heights, strict=True):
                if flow.y > top and flow.y - top + height > target + 1 and used < span - 1:
                    bottom = max(bottom, flow.y)
                    used += 1
                    flow = _Flow(painter, (index + used) * (column + COLUMN_GAP), column, top)
                block(flow)
            bottom = max(bottom, flow.y)
            index += span
        return bottom

    def _entry(self, flow: _Flow, entry: SheetEntry) -> None:
        fonts = self.fonts
        flow.text(entry.title, fonts.name, _INK, after=1)
        flow.text(entry.hours, fonts.body, _ACCENT, indent=10, after=1)
        for line in entry.contacts:
            flow.text(line, fonts.body, _INK, indent=10, after=1)
        for note in entry.notes:
            flow.text(note, fonts.small, _MUTED, indent=10, after=1)
        flow.space(7)

    # -- devices --------------------------------------------------------------------------------

    def image(self, scale: float = 2.0) -> QImage:
        """The page as a picture, ``scale`` pixels per unit (2: 192 dpi)."""
        width = round(self.size.width() * scale)
        height = round(self.size.height() * scale)
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor(Qt.GlobalColor.white))
        dots_per_metre = round(UNITS_PER_INCH * scale / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        painter = QPainter(image)
        try:
            self.paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        return image

    def pdf_bytes(self, title: str = "") -> bytes:
        """One PDF page of the chosen size, made in memory (the caller writes it atomically)."""
        array = QByteArray()
        buffer = QBuffer(array)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(UNITS_PER_INCH)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(PAGE_SIZES[self.page]),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        writer.setTitle(title or f"{self.view.heading} — {self.view.title}")
        writer.setCreator("Canales")
        self._paint_device(writer)
        del writer  # finishes the document
        buffer.close()
        return bytes(array.data())

    def _paint_device(self, device: QPagedPaintDevice) -> None:
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("the page could not be opened for painting")
        try:
            layout = device.pageLayout()
            full = layout.fullRectPixels(device.logicalDpiX())
            margins = layout.marginsPixels(device.logicalDpiX())
            # the device's coordinates start at its margins: paint the whole page from there
            target = QRectF(
                -margins.left(), -margins.top(), float(full.width()), float(full.height())
            )
            self.paint(painter, target)
        finally:
            painter.end()

    def print_to(self, printer: QPagedPaintDevice) -> None:
        """To a QPrinter the print dialog has set up (its page size decides the scale)."""
        self._paint_device(printer)


def _print_week_view(view: SheetView, font: QFont) -> WeekView:
    """A week view that is never shown: black on white, the sheet's font, no "now" line (a
    sheet on a wall outlives the moment it was printed)."""
    week = WeekView(view.lang)
    week.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    palette = QPalette(week.palette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(Qt.GlobalColor.white))
        palette.setColor(group, QPalette.ColorRole.Window, QColor(Qt.GlobalColor.white))
        palette.setColor(group, QPalette.ColorRole.Text, _INK)
        palette.setColor(group, QPalette.ColorRole.WindowText, _INK)
    week.setPalette(palette)
    week.setFont(font)
    week.set_plan(view.week, None)
    return week
