"""A scrolling column of cards that builds a card only when it is about to be seen.

A channel card is a tree of a dozen widgets (measured: about 0.45 MB and over ten milliseconds
each), so a team file with 200 channels must not build 200 of them to show the four that fit
on screen. Each entry starts as a :class:`QSpacerItem` as tall as its
card is expected to be (the scroll bar is right from the start) and becomes a real card — real
buttons, reachable by Tab and by screen readers — when it comes within half a screen of the
viewport, when keyboard focus reaches its neighbour, or when a caller asks for it. Built cards
are kept.

Filtering works on each entry's search text, so entries whose card is not built yet are
filtered too; a hidden spacer takes no room.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, cast

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

#: Built before the list is shown: about a screenful of the smallest cards.
INITIAL_CARDS = 6
#: Besides the viewport, this fraction of its height above and below is built too, so that
#: scrolling and Tab find real cards there.
MARGIN = 0.5
#: Rounds of building while filling the viewport (cards rarely match their estimate).
MAX_FILL_ROUNDS = 8
SPACING = 8


class CardList(QScrollArea):
    """``make_card(i)`` builds entry ``i``'s card; ``weights[i]`` says how tall it will be, in
    text lines (calibrated against the cards built so far); ``search[i]`` is what the filter
    looks in (casefolded)."""

    def __init__(
        self,
        search: Sequence[str],
        weights: Sequence[int],
        make_card: Callable[[int], QWidget],
        heading: QWidget,
        trailer: QWidget,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # A viewport made here has its Python wrapper already: ``viewport()`` (asked at every
        # scroll and fill) then finds it, where for Qt's own one PySide6 would search every
        # QWidget class for the best type and load each (≈1.4 MB on the first call).
        self.setViewport(QWidget())
        self._search = list(search)
        self._weights = list(weights)
        self._make_card = make_card
        self._cards: list[QWidget | None] = [None] * len(self._search)
        self._shown = [True] * len(self._search)
        self._filling = False
        #: The widget Tab reaches just before the first card (the filter).
        self.tab_predecessor: QWidget | None = None
        self.setAccessibleName(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._board = board = QWidget()
        board.setObjectName("board")
        self._layout = QVBoxLayout(board)
        self._layout.setContentsMargins(14, 4, 8, 14)
        self._layout.setSpacing(SPACING)
        self._heading = heading
        self._layout.addWidget(heading)
        line = QFontMetrics(self.font()).lineSpacing()
        self._per_weight = line * 1.7
        for weight in self._weights:
            self._layout.addItem(self._spacer(weight))
        self._trailer = trailer
        self._layout.addWidget(trailer)
        self._layout.addStretch(1)
        self.setWidget(board)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fill)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.fill())
        self.verticalScrollBar().rangeChanged.connect(lambda _a, _b: self._later.start())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # what there is ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._cards)

    def built(self) -> list[QWidget]:
        """The cards made so far, in board order."""
        return [card for card in self._cards if card is not None]

    def built_card(self, index: int) -> QWidget | None:
        return self._cards[index]

    def card(self, index: int) -> QWidget:
        """Entry ``index``'s card, built now if it was not yet."""
        found = self._cards[index]
        return found if found is not None else self._build(index)

    def shown(self) -> list[int]:
        """The entries that pass the filter, in board order (built or not)."""
        return [i for i, on in enumerate(self._shown) if on]

    # the filter ------------------------------------------------------------------------------

    def apply_filter(self, query: str) -> int:
        """Shows the entries whose search text contains ``query`` (casefolded); returns how
        many. Only the cards that then come into view are built."""
        self._filling = True  # hiding a card can scroll: no building from a half-applied filter
        try:
            resized = False
            for index, text in enumerate(self._search):
                visible = not query or query in text
                if visible == self._shown[index]:
                    continue
                self._shown[index] = visible
                card = self._cards[index]
                if card is not None:
                    card.setVisible(visible)
                else:
                    self._resize_spacer(index)
                    resized = True
            if resized:  # a widget shown or hidden tells the layout itself; a spacer does not
                self._layout.invalidate()
        finally:
            self._filling = False
        self.fill()
        return sum(self._shown)

    # building what is seen -------------------------------------------------------------------

    def settled(self) -> bool:
        """True when every entry shown in the viewport is a built card."""
        return not self._within(self._view(0.0), built=False)

    def in_view(self) -> list[int]:
        """The shown entries whose card or placeholder meets the viewport."""
        return self._within(self._view(0.0), built=None)

    def fill(self) -> None:
        """Builds the shown entries within the viewport and its margin, in rounds: real cards
        are seldom exactly as tall as their estimate, so the positions move a little."""
        if self._filling:
            return
        self._filling = True
        try:
            if not self.isVisible():
                return  # nothing is seen: showing the list fills it
            for _ in range(MAX_FILL_ROUNDS):
                missing = self._within(self._view(MARGIN), built=False)
                if not missing:
                    break
                for index in missing:
                    self._build(index)
        finally:
            self._filling = False

    def build_first(self, count: int = INITIAL_CARDS) -> None:
        """Builds the first shown cards before the list is on screen, so that it is painted
        with cards at once (showing it builds the rest of what is in view)."""
        for index in self.shown()[:count]:
            if self._cards[index] is None:
                self._build(index)

    def _view(self, margin: float) -> QRect:
        viewport = self.viewport()
        extra = round(viewport.height() * margin)
        top = self.verticalScrollBar().value() - extra
        return QRect(0, top, viewport.width(), viewport.height() + 2 * extra)

    def _within(self, area: QRect, *, built: bool | None) -> list[int]:
        """Shown entries across ``area``: built ones, unbuilt ones, or both (None)."""
        found: list[int] = []
        for index, top, bottom in self._spans():
            if top > area.bottom():
                break
            card = self._cards[index]
            if bottom >= area.top() and (built is None or (card is not None) == built):
                found.append(index)
        return found

    def _spans(self) -> Iterator[tuple[int, int, int]]:
        """Where the layout puts each shown entry, top to bottom (board coordinates), worked
        out from the cards' heights for the board's width and the placeholders' sizes, so a
        filter or a scroll knows what comes into view before the board is laid out again
        (laying it out on the spot would cost every built card a layout pass).

        As QBoxLayout does: a placeholder (an empty item) has no spacing of its own, and a
        widget is followed by the spacing only when another widget comes later."""
        margins = self._layout.contentsMargins()
        width = self._board.width() - margins.left() - margins.right()
        widgets = [i for i, card in enumerate(self._cards) if card is not None and self._shown[i]]
        last = len(self._cards) if not self._trailer.isHidden() else (widgets or [-1])[-1]
        y = margins.top() + self._heading.sizeHint().height() + (SPACING if last >= 0 else 0)
        for index, card in enumerate(self._cards):
            if not self._shown[index]:
                continue
            if card is None:
                height = self._item(index).sizeHint().height()
                yield index, y, y + height - 1
                y += height
            else:
                height = card.heightForWidth(width) if card.hasHeightForWidth() else -1
                height = height if height >= 0 else card.sizeHint().height()
                yield index, y, y + height - 1
                y += height + (SPACING if index < last else 0)

    def _item(self, index: int) -> QLayoutItem:
        item = self._layout.itemAt(index + 1)  # the heading comes first
        assert item is not None
        return item

    def _spacer(self, weight: int) -> QSpacerItem:
        return QSpacerItem(
            0, self._estimate(weight), QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed
        )

    def _estimate(self, weight: int) -> int:
        return round(weight * self._per_weight)

    def _resize_spacer(self, index: int) -> None:
        spacer = self._item(index).spacerItem()
        assert spacer is not None
        height = self._estimate(self._weights[index]) if self._shown[index] else 0
        spacer.changeSize(0, height, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

    def _build(self, index: int) -> QWidget:
        card = self._make_card(index)
        position = index + 1
        self._layout.takeAt(position)  # the spacer; a QSpacerItem is not a QObject
        self._layout.insertWidget(position, card)
        # now, not on the next event-loop turn as the layout would: it takes its room at once
        card.setVisible(self._shown[index])
        self._cards[index] = card
        self._calibrate(card, self._weights[index])
        self._place_in_tab_order(index, card)
        return card

    def _calibrate(self, card: QWidget, weight: int) -> None:
        """Later estimates follow the cards built so far (fonts and themes differ)."""
        built = len(self.built())
        per_weight = (card.sizeHint().height() + SPACING) / max(1, weight)
        self._per_weight += (per_weight - self._per_weight) / built

    # keyboard --------------------------------------------------------------------------------

    def _place_in_tab_order(self, index: int, card: QWidget) -> None:
        """A card built late joins the focus chain where it stands on the board, not at the end:
        after the previous built card's last control (or the filter), before the next one's."""
        before = self.tab_predecessor
        for earlier in reversed(self._cards[:index]):
            if earlier is not None and (controls := _tab_stops(earlier)):
                before = controls[-1]
                break
        if before is None or before.window() is not card.window():
            return
        for control in _tab_stops(card):
            QWidget.setTabOrder(before, control)
            before = control

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Focus in a card: the shown entries either side get built, so Tab and Shift+Tab
        always land on a real card."""
        if new is None or self._filling:
            return
        holder = self._board
        child: QWidget | None = new
        while child is not None and child.parentWidget() is not holder:
            child = child.parentWidget()
        if child is None or child not in self._cards:
            return
        index = self._cards.index(child)
        shown = self.shown()
        where = shown.index(index) if index in shown else -1
        for neighbour in (where - 1, where + 1):
            if where >= 0 and 0 <= neighbour < len(shown):
                self.card(shown[neighbour])

    # Qt --------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fill()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fill()


def _tab_stops(card: QWidget) -> list[QWidget]:
    """The card's controls Tab stops at, in the order they were laid out (hidden ones too: Qt
    skips them while they are hidden, and they keep their place for when they are shown).

    The card says which they are: ``findChildren`` would also wrap every label's text document
    (a selectable label owns one), initialising QTextDocument's classes for nothing (≈1 MB)."""
    return [
        w for w in cast(TabStops, card).tab_stops() if w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


class TabStops(Protocol):
    """A card: its controls in the order they are laid out."""

    def tab_stops(self) -> list[QWidget]: ...
