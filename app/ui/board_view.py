"""Everything below the menu bar once a configuration is loaded: header, "Usar ahora", the
filter bar, the channel board beside the ladder, and the week view.

Kept apart from :mod:`app.ui.main_window` so that the window itself can be painted before the
configuration is even read: first paint first, content next.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING, cast

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
from app.core.contact_kinds import kind_of
from app.core.phrases import level_label, response_target_text
from app.domain.availability import Snapshot
from app.domain.model import Channel, Config
from app.storage.preferences import Preferences
from app.ui.actions import ContactActions
from app.ui.card_list import CardList
from app.ui.case_book import CaseBook
from app.ui.channel_card import ChannelCard
from app.ui.header import Header
from app.ui.ladder import EscalationPanel, LadderScroll
from app.ui.live import LiveBoard
from app.ui.recommend_strip import RecommendStrip
from app.ui.theme import swatches_for

if TYPE_CHECKING:
    from app.ui.case_dialog import OpenCaseDialog
    from app.ui.case_list import CaseList
    from app.ui.week_view import WeekView

if TYPE_CHECKING:
    from app.core.reply import Reply, ReplyWriter


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
        cases: CaseBook | None = None,
    ) -> None:
        """``cases``: the agent's escalation cases, shown under the ladder (None: no case
        timer, e.g. a bare board in a test)."""
        super().__init__(parent)
        self.cases = cases
        self.case_list: CaseList | None = None
        self.case_dialog: OpenCaseDialog | None = None
        self.live = live
        self.contact_actions = actions
        self.lang = lang
        self.filter = filter_edit
        self._last_minute: tuple[int, int] | None = None
        self.builder = BoardBuilder(live.engine, lang)
        self._replies: ReplyWriter | None = None  # made at the first "Copiar respuesta"
        board = self.current_board = self.builder.board(live.snapshot)
        self._countdown_at: dt.datetime | None = None
        self._compact = False
        self._watched = set(prefs.watched_channels)
        config = live.engine.config
        self._swatches = swatches_for(prefs.theme, self.palette())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = Header(board, config.zone)
        layout.addWidget(self.header)
        layout.addWidget(banner)
        self.strip = RecommendStrip(config, actions, prefs.request_type)
        self.strip.request_type_changed.connect(self._request_type_changed)
        self.strip.reply_requested.connect(self.copy_request_reply)
        layout.addWidget(self.strip)
        bar = QHBoxLayout()
        bar.setContentsMargins(14, 6, 14, 6)
        bar.addWidget(filter_edit, 1)
        layout.addLayout(bar)
        self.no_match = QLabel()
        self.no_match.setObjectName("noMatch")
        self.no_match.hide()
        self.splitter = self._columns(board)
        self._week: WeekView | None = None  # made when first shown: most agents never open it
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        layout.addWidget(self.stack, 1)
        live.snapshot_changed.connect(self.show_snapshot)
        live.ticked.connect(self.tick)
        self._order_tabs()
        self.show_board(board)
        self.apply_filter(filter_edit.text())
        self.channel_list.build_first()  # now that Tab can reach them and their state is known
        self.tick(live.snapshot.at)

    @property
    def week(self) -> WeekView:
        """The week view, made on first use (with its module: most agents never open it)."""
        if self._week is None:
            from app.ui.week_view import WeekView  # noqa: PLC0415 - see above

            self._week = WeekView(self.lang)
            week_scroll = _scroll(self._week, self.tr("Week view"))
            # a narrow window (compact mode, ~420 px) scrolls the week sideways: every day
            # stays reachable at a readable width instead of being cut off
            week_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.stack.addWidget(week_scroll)
        return self._week

    @property
    def config(self) -> Config:
        return self.live.engine.config

    def _columns(self, board: Board) -> QSplitter:
        """The channel column beside the escalation ladder."""
        self.channel_list = self._channel_list(board)
        targets = None
        if self.cases is not None:
            targets = [
                response_target_text(level.respond_within_minutes, self.lang)
                for level in self.config.escalation
            ]
        self.ladder = EscalationPanel(
            board.escalation, self.contact_actions, self._swatches, targets=targets
        )
        if self.cases is not None:
            self.ladder.escalate_requested.connect(self.start_case)
            for box in self.ladder.levels:
                assert box.escalate_button is not None
                box.escalate_button.setEnabled(self.cases.available)
            if self.cases.open_cases() or not self.cases.available:
                self._show_case_list(board)
            else:  # the list (and its module) comes with the first case
                self.cases.changed.connect(self._first_case)
        self.ladder_scroll = self._ladder_column(self.ladder)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.channel_list)
        splitter.addWidget(self.ladder_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 440])
        return splitter

    def _channel_list(self, board: Board) -> CardList:
        """The channel column; a channel's card is built when it is about to be seen."""
        heading = QLabel(self.tr("Channels"))
        heading.setObjectName("sectionHeading")
        column = CardList(
            [view.search for view in board.channels],
            [_lines(channel) for channel in self.config.channels],
            self._make_card,
            heading,
            self.no_match,
            self.tr("Channels"),
        )
        column.tab_predecessor = self.filter
        return column

    def _ladder_column(self, ladder: EscalationPanel) -> QScrollArea:
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(8, 4, 14, 14)
        holder_layout.addWidget(ladder)
        return _scroll(holder, self.tr("Escalation ladder"), LadderScroll())

    def _make_card(self, index: int) -> ChannelCard:
        """Entry ``index``'s card, showing what the board shows now (state, countdown, mode)."""
        board = self.current_board
        view = board.channels[index]
        card = ChannelCard(
            view,
            board.at,
            self.contact_actions,
            self._swatches,
            watched=view.id in self._watched,
        )
        card.watch_toggled.connect(self._watch_toggled)
        card.reply_requested.connect(self.copy_channel_reply)
        if self._countdown_at is not None:
            card.update_countdown(self._countdown_at)
        if self._compact:
            card.set_compact(True)
        return card

    @property
    def replies(self) -> ReplyWriter:
        """The reply writer for this board's configuration and language, made when first
        asked for (its module is not needed to paint the console)."""
        if self._replies is None:
            from app.core.reply import ReplyWriter  # noqa: PLC0415 - see above

            self._replies = ReplyWriter(self.builder)
        return self._replies

    def copy_channel_reply(self, channel_id: str) -> Reply:
        """The reply about a channel, as of the clock's now, onto the clipboard (text and HTML,
        in the agent's language)."""
        reply = self.replies.for_channel(channel_id, self.live.now())
        self.contact_actions.copy_rich(reply.text, reply.html)
        return reply

    def copy_request_reply(self, request_type: str) -> Reply:
        """The reply for "Usar ahora"'s request type: the channel it recommends."""
        reply = self.replies.for_request(request_type, self.live.now())
        self.contact_actions.copy_rich(reply.text, reply.html)
        return reply

    def _watch_toggled(self, channel_id: str, on: bool) -> None:
        if on:
            self._watched.add(channel_id)
        else:
            self._watched.discard(channel_id)
        self.watch_toggled.emit(channel_id, on)

    @property
    def cards(self) -> list[ChannelCard]:
        """The cards built so far, in board order (the ones seen, or about to be)."""
        return cast(list[ChannelCard], self.channel_list.built())

    def _order_tabs(self) -> None:
        """Tab follows the screen: request type, its Copy, the filter, then the board (whose
        cards join the chain after the filter as they are built)."""
        strip = self.strip
        chain: list[QWidget] = [
            strip.request_type,
            strip.copy_button,
            strip.reply_button,
            self.filter,
        ]
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
        for index, view in enumerate(board.channels):
            built = self.channel_list.built_card(index)
            if built is not None:
                cast(ChannelCard, built).set_view(view, now)
        self.ladder.set_views(board.escalation)
        if self.case_list is not None:
            self._set_rungs(board)
        self.header.set_board(board)
        self._show_recommendation(self.strip.current_request_type())
        if self.week_shown():
            self._plan_week(now)

    def tick(self, now: dt.datetime) -> None:
        """Once a second: the clock and the cases' elapsed times; countdowns only when the
        minute turns."""
        self.header.tick(now)
        if self.case_list is not None:
            self.case_list.tick(now)
        minute = (now.hour, now.minute)
        if minute != self._last_minute:
            self._last_minute = minute
            centre = now.astimezone(self.config.zone)
            self._countdown_at = centre
            for card in self.cards:
                card.update_countdown(centre)
            if not self.strip.has_open_channel():
                self._show_recommendation(self.strip.current_request_type(), centre)
            if self.week_shown():
                self.week.set_now(now)

    def _first_case(self) -> None:
        if self.case_list is None:
            self._show_case_list(self.current_board)

    def _show_case_list(self, board: Board) -> None:
        """The open cases under the ladder: made when there is a case (or a log problem) to
        show, so a start with none loads neither the list nor the case log."""
        from app.ui.case_list import CaseList  # noqa: PLC0415 - see above

        assert self.cases is not None
        self.case_list = CaseList(
            self.cases, self.contact_actions, self._swatches, self.config.zone, self.lang
        )
        self.ladder.below.addWidget(self.case_list)
        self._set_rungs(board)

    def _set_rungs(self, board: Board) -> None:
        from app.core.cases import ladder  # noqa: PLC0415 - with the case list

        assert self.case_list is not None
        self.case_list.set_rungs(ladder(self.config.escalation, board.escalation))

    def start_case(self, index: int) -> OpenCaseDialog | None:
        """ "Escalar" on level ``index``: the ticket and note, then the case is on its clock."""
        if self.cases is None:
            return None
        if self.case_dialog is not None:
            self.case_dialog.raise_()
            return self.case_dialog
        from app.ui.case_dialog import OpenCaseDialog  # noqa: PLC0415 - when asked for

        level = self.config.escalation[index]
        dialog = OpenCaseDialog(
            level_label(level.level, level.name, self.lang),
            response_target_text(level.respond_within_minutes, self.lang),
            self,
        )
        book = self.cases
        dialog.accepted.connect(
            lambda: book.open_case(level, dialog.ticket_text(), dialog.note_text())
        )
        dialog.finished.connect(self._case_dialog_closed)
        self.case_dialog = dialog
        dialog.open()
        return dialog

    def _case_dialog_closed(self) -> None:
        if self.case_dialog is not None:
            self.case_dialog.deleteLater()
        self.case_dialog = None

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
        if shown:
            self._plan_week(self.live.snapshot.at)  # makes the week's page (index 1) if need be
        self.stack.setCurrentIndex(1 if shown else 0)

    def _plan_week(self, now: dt.datetime) -> None:
        from app.domain.week import week_plan  # noqa: PLC0415 - with the week view

        self.week.set_plan(week_plan(self.live.engine, now), now)

    def apply_filter(self, text: str) -> None:
        query = text.strip().casefold()
        shown = self.channel_list.apply_filter(query)
        self.ladder.apply_filter(query)
        self.no_match.setText(self.tr("No channel matches “%1”").replace("%1", text.strip()))
        self.no_match.setVisible(bool(query) and shown == 0)

    def ready(self) -> bool:
        """Every channel in view is a built card showing its state (what ``--self-test``
        waits for before it calls the console ready)."""
        column = self.channel_list
        return column.settled() and all(
            cast(ChannelCard, column.card(i)).availability is not None for i in column.in_view()
        )

    def visible_cards(self) -> list[ChannelCard]:
        """Every card the filter lets through, building those not built yet: for callers that
        need them all (tests, tools); the board itself only builds what is seen."""
        return [cast(ChannelCard, self.channel_list.card(i)) for i in self.channel_list.shown()]

    def nth_visible_card(self, n: int) -> ChannelCard | None:
        """The card of the ``n``-th channel the filter lets through (1-based), built if need be."""
        shown = self.channel_list.shown()
        if not 0 < n <= len(shown):
            return None
        return cast(ChannelCard, self.channel_list.card(shown[n - 1]))

    def set_compact(self, compact: bool) -> None:
        self.ladder_scroll.setVisible(not compact)
        self.header.set_compact(compact)
        self.strip.set_compact(compact)
        self._compact = compact
        for card in self.cards:
            card.set_compact(compact)


def _lines(channel: Channel) -> int:
    """Roughly how many text lines tall the channel's card is (title, hours, next change,
    notes, two a contact): the board's estimate until the card is built."""
    extensions = any(kind_of(contact).extensions(contact) for contact in channel.contacts)
    return 3 + len(channel.notes) + 2 * len(channel.contacts) + extensions


def _scroll(widget: QWidget, name: str, area: QScrollArea | None = None) -> QScrollArea:
    area = QScrollArea() if area is None else area
    area.setAccessibleName(name)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
