"""Everything below the menu bar once a configuration is loaded: header, "Usar ahora", the
filter bar, the channel board beside the ladder, and the week view.

Kept apart from :mod:`app.ui.main_window` so that the window itself can be painted before the
configuration is even read: first paint first, content next.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.board import BoardBuilder, recommendation
from app.core.board import BoardView as Board
from app.domain.availability import Snapshot
from app.domain.model import Config
from app.domain.week import week_plan
from app.storage.preferences import Preferences
from app.ui.actions import ContactActions
from app.ui.channel_card import ChannelCard
from app.ui.header import Header
from app.ui.ladder import EscalationPanel, LadderScroll
from app.ui.live import LiveBoard
from app.ui.recommend_strip import RecommendStrip
from app.ui.theme import Swatch, swatches_for
from app.ui.week_view import WeekView


class BoardView(QWidget):
    """Renders the core's board views; one :class:`BoardBuilder` per configuration and
    language (the window makes a new BoardView when either changes)."""

    request_type_changed = Signal(str)
    watch_toggled = Signal(str, bool)

    def __init__(
        self,
        live: LiveBoard,
        actions: ContactActions,
        prefs: Preferences,
        lang: str,
        filter_edit: QLineEdit,
        banner: QLabel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.live = live
        self.contact_actions = actions
        self.lang = lang
        self.filter = filter_edit
        self._last_minute: tuple[int, int] | None = None
        self.builder = BoardBuilder(live.engine, lang)
        board = self.current_board = self.builder.board(live.snapshot)
        config = live.engine.config
        swatches = swatches_for(prefs.theme, self.palette())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = Header(board, config.zone)
        layout.addWidget(self.header)
        layout.addWidget(banner)
        self.strip = RecommendStrip(config, actions, prefs.request_type)
        self.strip.request_type_changed.connect(self._request_type_changed)
        layout.addWidget(self.strip)
        bar = QHBoxLayout()
        bar.setContentsMargins(14, 6, 14, 6)
        bar.addWidget(filter_edit, 1)
        layout.addLayout(bar)
        self.no_match = QLabel()
        self.no_match.setObjectName("noMatch")
        self.no_match.hide()
        board_scroll = self._build_board(board, swatches, prefs)
        self.ladder_scroll = self._build_ladder(board, swatches)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(board_scroll)
        self.splitter.addWidget(self.ladder_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([560, 440])
        self.week = WeekView(lang)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(_scroll(self.week, self.tr("Week view")))
        layout.addWidget(self.stack, 1)
        live.snapshot_changed.connect(self.show_snapshot)
        live.ticked.connect(self.tick)
        self.show_board(board)
        self.apply_filter(filter_edit.text())
        self.tick(live.snapshot.at)
        self._order_tabs()

    @property
    def config(self) -> Config:
        return self.live.engine.config

    def _build_board(
        self, board: Board, swatches: Mapping[str, Swatch], prefs: Preferences
    ) -> QScrollArea:
        self.cards: list[ChannelCard] = []
        holder = QWidget()
        holder.setObjectName("board")
        board_layout = QVBoxLayout(holder)
        board_layout.setContentsMargins(14, 4, 8, 14)
        board_layout.setSpacing(8)
        heading = QLabel(self.tr("Channels"))
        heading.setObjectName("sectionHeading")
        board_layout.addWidget(heading)
        for view in board.channels:
            card = ChannelCard(
                view,
                board.at,
                self.contact_actions,
                swatches,
                watched=view.id in prefs.watched_channels,
            )
            card.watch_toggled.connect(self.watch_toggled)
            board_layout.addWidget(card)
            self.cards.append(card)
        board_layout.addWidget(self.no_match)
        board_layout.addStretch(1)
        return _scroll(holder, self.tr("Channels"))

    def _build_ladder(self, board: Board, swatches: Mapping[str, Swatch]) -> QScrollArea:
        self.ladder = EscalationPanel(board.escalation, self.contact_actions, swatches)
        holder = QWidget()
        ladder_layout = QVBoxLayout(holder)
        ladder_layout.setContentsMargins(8, 4, 14, 14)
        ladder_layout.addWidget(self.ladder)
        return _scroll(holder, self.tr("Escalation ladder"), LadderScroll())

    def _order_tabs(self) -> None:
        """Tab follows the screen: request type, its Copy, the filter, then the board."""
        chain: list[QWidget] = [self.strip.request_type, self.strip.copy_button, self.filter]
        if self.cards:
            chain.append(self.cards[0].watch)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # live updates -----------------------------------------------------------------------------

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """At transitions only: a new board from the core."""
        self.show_board(self.builder.board(snapshot))

    def show_board(self, board: Board) -> None:
        """States, the strip, the ladder, the day's note and the week, as the board says."""
        self.current_board = board
        now = board.at
        for card, view in zip(self.cards, board.channels, strict=True):
            card.set_view(view, now)
        self.ladder.set_views(board.escalation)
        self.header.set_board(board)
        self._show_recommendation(self.strip.current_request_type())
        if self.week_shown():
            self.week.set_plan(week_plan(self.live.engine, now), now)

    def tick(self, now: dt.datetime) -> None:
        """Once a second: the clock; countdowns only when the minute turns."""
        self.header.tick(now)
        minute = (now.hour, now.minute)
        if minute != self._last_minute:
            self._last_minute = minute
            centre = now.astimezone(self.config.zone)
            for card in self.cards:
                card.update_countdown(centre)
            if not self.strip.has_open_channel():
                self._show_recommendation(self.strip.current_request_type(), centre)
            if self.week_shown():
                self.week.set_now(now)

    def _request_type_changed(self, request_type: str) -> None:
        self._show_recommendation(request_type)
        self.request_type_changed.emit(request_type)

    def _show_recommendation(self, request_type: str, now: dt.datetime | None = None) -> None:
        """As of the board's instant, or of ``now`` when only the countdown has moved."""
        rec = recommendation(self.builder, self.current_board, request_type, now)
        self.strip.set_recommendation(rec)

    # view state -------------------------------------------------------------------------------

    def week_shown(self) -> bool:
        return self.stack.currentIndex() == 1

    def show_week(self, shown: bool) -> None:
        self.stack.setCurrentIndex(1 if shown else 0)
        if shown:
            snapshot = self.live.snapshot
            self.week.set_plan(week_plan(self.live.engine, snapshot.at), snapshot.at)

    def apply_filter(self, text: str) -> None:
        query = text.strip().casefold()
        shown = 0
        for card in self.cards:
            visible = card.matches(query)
            card.setVisible(visible)
            shown += visible
        self.ladder.apply_filter(query)
        self.no_match.setText(self.tr("No channel matches “%1”").replace("%1", text.strip()))
        self.no_match.setVisible(bool(query) and shown == 0)

    def visible_cards(self) -> list[ChannelCard]:
        return [card for card in self.cards if not card.isHidden()]

    def set_compact(self, compact: bool) -> None:
        self.ladder_scroll.setVisible(not compact)
        self.header.set_compact(compact)
        self.strip.set_compact(compact)
        for card in self.cards:
            card.set_compact(compact)


def _scroll(widget: QWidget, name: str, area: QScrollArea | None = None) -> QScrollArea:
    area = QScrollArea() if area is None else area
    area.setAccessibleName(name)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
