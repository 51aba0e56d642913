"""The console window: header, "Usar ahora", the channel board, the ladder and the week view.

It shows what :class:`LiveBoard` publishes and never evaluates schedules itself.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping

from PySide6.QtCore import QByteArray, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.availability import Snapshot
from app.domain.contacts import CopyFormat
from app.domain.model import Config
from app.domain.week import week_plan
from app.storage.preferences import Preferences
from app.ui.actions import ContactActions
from app.ui.channel_card import ChannelCard
from app.ui.formatting import opens_text
from app.ui.header import Header
from app.ui.icons import icon
from app.ui.ladder import EscalationPanel
from app.ui.live import LiveBoard
from app.ui.recommend_strip import RecommendStrip
from app.ui.theme import Swatch, swatches_for
from app.ui.week_view import WeekView

COMPACT_WIDTH = 420


class MainWindow(QMainWindow):
    preferences_changed = Signal(object)  # Preferences
    quit_requested = Signal()

    def __init__(
        self,
        live: LiveBoard,
        actions: ContactActions,
        prefs: Preferences,
        lang: str,
        tray_available: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.live = live
        self.contact_actions = actions
        self.prefs = prefs
        self.lang = lang
        self.tray_available = tray_available
        self.quitting = False
        self.cards: list[ChannelCard] = []
        self._last_minute: tuple[int, int] | None = None
        self.setWindowIcon(icon("canales"))
        self.setWindowTitle(self.tr("Canales — support channels"))

        central = QWidget()
        self.setCentralWidget(central)
        self._layout = QVBoxLayout(central)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.filter = QLineEdit()
        self.filter.setObjectName("filter")
        self.filter.setPlaceholderText(self.tr("Filter by name, number or email (Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter channels and contacts"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.no_match = QLabel()
        self.no_match.setObjectName("noMatch")
        self.no_match.hide()
        self.week = WeekView()
        self._content: QWidget | None = None
        self._build_menus()
        self._build_shortcuts()
        self.contact_actions.copied.connect(self._confirm_copy)
        self.contact_actions.refused.connect(self._refused_link)
        self.live.snapshot_changed.connect(self.show_snapshot)
        self.live.ticked.connect(self.tick)
        self.rebuild()
        self.apply_preferences(prefs, initial=True)

    # building ---------------------------------------------------------------------------------

    @property
    def config(self) -> Config:
        return self.live.engine.config

    def rebuild(self) -> None:
        """(Re)create the board for the current configuration (start-up and live reload)."""
        if self._content is not None:
            self._layout.removeWidget(self._content)
            self._content.deleteLater()
        config = self.config
        swatches = swatches_for(self.prefs.theme, self.palette())
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = Header(config)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        self.strip = RecommendStrip(config, self.contact_actions, self.prefs.request_type)
        self.strip.request_type_changed.connect(self._request_type_changed)
        layout.addWidget(self.strip)
        bar = QHBoxLayout()
        bar.setContentsMargins(14, 6, 14, 6)
        bar.addWidget(self.filter, 1)
        layout.addLayout(bar)

        board_scroll = self._build_board(config, swatches)
        self.ladder = EscalationPanel(config, self.contact_actions, swatches, self.lang)
        ladder_holder = QWidget()
        ladder_layout = QVBoxLayout(ladder_holder)
        ladder_layout.setContentsMargins(8, 4, 14, 14)
        ladder_layout.addWidget(self.ladder)
        self.ladder_scroll = _scroll(ladder_holder, self.tr("Escalation ladder"))
        self.ladder_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(board_scroll)
        self.splitter.addWidget(self.ladder_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([560, 440])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(_scroll(self.week, self.tr("Week view")))
        layout.addWidget(self.stack, 1)
        self._layout.addWidget(content)
        self._content = content
        self._last_minute = None
        self.show_snapshot(self.live.snapshot)
        self.apply_filter(self.filter.text())
        self.tick(self.live.snapshot.at)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab follows the screen: request type, its Copy, the filter, then the board."""
        chain = [self.strip.request_type, self.strip.copy_button, self.filter]
        if self.cards:
            chain.append(self.cards[0].watch)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _build_board(self, config: Config, swatches: Mapping[str, Swatch]) -> QScrollArea:
        self.cards = []
        board = QWidget()
        board.setObjectName("board")
        board_layout = QVBoxLayout(board)
        board_layout.setContentsMargins(14, 4, 8, 14)
        board_layout.setSpacing(8)
        heading = QLabel(self.tr("Channels"))
        heading.setObjectName("sectionHeading")
        board_layout.addWidget(heading)
        for channel in config.channels:
            card = ChannelCard(
                channel,
                config.schedule(channel.schedule),
                self.contact_actions,
                swatches,
                self.lang,
                watched=channel.id in self.prefs.watched_channels,
            )
            card.watch_toggled.connect(self._watch_toggled)
            board_layout.addWidget(card)
            self.cards.append(card)
        board_layout.addWidget(self.no_match)
        board_layout.addStretch(1)
        board_scroll = _scroll(board, self.tr("Channels"))
        board_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return board_scroll

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit_requested.emit)
        file_menu.addAction(quit_action)

        view = menu.addMenu(self.tr("&View"))
        self.week_action = self._toggle(view, self.tr("&Week view"), "Ctrl+W", "week_view")
        self.compact_action = self._toggle(view, self.tr("&Compact mode"), "Ctrl+M", "compact")
        self.on_top_action = self._toggle(
            view, self.tr("Always on &top"), "Ctrl+T", "always_on_top"
        )
        self.tray_action = self._toggle(view, self.tr("Close to t&ray"), None, "close_to_tray")
        self.tray_action.setEnabled(self.tray_available)
        self.notify_action = self._toggle(view, self.tr("&Notifications"), None, "notify")
        formats = view.addMenu(self.tr("Copy &format"))
        self.format_group = QActionGroup(self)
        self.format_actions: dict[CopyFormat, QAction] = {}
        labels = {
            CopyFormat.NATIONAL: self.tr("National digits (6017442727)"),
            CopyFormat.E164: self.tr("International E.164 (+576017442727)"),
            CopyFormat.DIAL: self.tr("Dial string with IVR pauses (+576017442727,,2,,4)"),
        }
        for fmt, label in labels.items():
            action = QAction(label, self, checkable=True)
            action.triggered.connect(lambda _=False, f=fmt: self.set_copy_format(f))
            self.format_group.addAction(action)
            formats.addAction(action)
            self.format_actions[fmt] = action

    def _toggle(self, menu: object, text: str, shortcut: str | None, field: str) -> QAction:
        action = QAction(text, self, checkable=True)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.toggled.connect(lambda on: self._set_pref(**{field: on}))
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _build_shortcuts(self) -> None:
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_filter)
        clear = QShortcut(QKeySequence("Esc"), self.filter)
        clear.activated.connect(self.filter.clear)
        for n in range(1, 10):
            copy = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
            copy.activated.connect(lambda n=n: self.copy_nth_visible(n))

    # live updates -----------------------------------------------------------------------------

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """At transitions only: states, the strip, the ladder, the day's note, the week."""
        now = snapshot.at
        for card, (_channel, av) in zip(self.cards, snapshot.channels, strict=True):
            card.set_availability(av, now)
        self.ladder.set_availabilities([av for _level, av in snapshot.escalation])
        engine = self.live.engine
        self._show_recommendation(self.strip.current_request_type(), now)
        main_plan = (
            engine.timetable(self.config.channels[0].id).day(now.toordinal())
            if (self.config.channels)
            else None
        )
        self.header.set_day(snapshot, main_plan)
        if self.stack.currentIndex() == 1:
            self.week.set_plan(week_plan(engine, now), now)

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
            if self.stack.currentIndex() == 1:
                self.week.set_now(now)

    # agent actions ----------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

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

    def copy_nth_visible(self, n: int) -> str | None:
        cards = self.visible_cards()
        if n > len(cards):
            return None
        contact = cards[n - 1].main_contact()
        return None if contact is None else self.contact_actions.copy(contact)

    def set_copy_format(self, fmt: CopyFormat) -> None:
        self.contact_actions.set_copy_format(fmt)
        self._set_pref(copy_format=fmt)

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()

    def _confirm_copy(self, text: str) -> None:
        self.statusBar().showMessage(self.tr("Copied: %1").replace("%1", text), 4000)

    def _refused_link(self, uri: str) -> None:
        self.statusBar().showMessage(
            self.tr("Link not opened (not allowed): %1").replace("%1", uri), 6000
        )

    def _request_type_changed(self, request_type: str) -> None:
        self._show_recommendation(request_type, self.live.snapshot.at)
        self._set_pref(request_type=request_type)

    def _show_recommendation(self, request_type: str, now: dt.datetime) -> None:
        engine = self.live.engine
        channels = engine.recommend(request_type, now)
        opening = None if channels else engine.next_opening(request_type, now)
        when = None
        if opening is not None:
            when = (opening[0], opens_text(QLocale(), opening[1], now))
        self.strip.set_recommendation(channels, when)

    def _watch_toggled(self, channel_id: str, on: bool) -> None:
        watched = [c for c in self.prefs.watched_channels if c != channel_id]
        if on:
            watched.append(channel_id)
        self._set_pref(watched_channels=watched)

    # preferences ------------------------------------------------------------------------------

    def _set_pref(self, **changes: object) -> None:
        updated = self.prefs.model_copy(update=changes)
        if updated != self.prefs:
            self.apply_preferences(updated)
            self.preferences_changed.emit(updated)

    def apply_preferences(self, prefs: Preferences, initial: bool = False) -> None:
        previous = None if initial else self.prefs
        self.prefs = prefs
        for action, on in (
            (self.week_action, prefs.week_view),
            (self.compact_action, prefs.compact),
            (self.on_top_action, prefs.always_on_top),
            (self.tray_action, prefs.close_to_tray and self.tray_available),
            (self.notify_action, prefs.notify),
        ):
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)
        self.format_actions[prefs.copy_format].setChecked(True)
        self.contact_actions.set_copy_format(prefs.copy_format)
        self.stack.setCurrentIndex(1 if prefs.week_view else 0)
        if prefs.week_view:
            snapshot = self.live.snapshot
            self.week.set_plan(week_plan(self.live.engine, snapshot.at), snapshot.at)
        if previous is None or previous.compact != prefs.compact:
            self._apply_compact(prefs.compact)
        if previous is None or previous.always_on_top != prefs.always_on_top:
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, prefs.always_on_top)
            if previous is not None:
                self.show()
        if initial and prefs.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(prefs.window_geometry.encode("ascii")))

    def _apply_compact(self, compact: bool) -> None:
        self.ladder_scroll.setVisible(not compact)
        self.header.set_compact(compact)
        self.strip.set_compact(compact)
        for card in self.cards:
            card.set_compact(compact)
        if compact:
            self.resize(COMPACT_WIDTH, self.height())

    def geometry_preferences(self) -> Preferences:
        return self.prefs.model_copy(
            update={"window_geometry": bytes(self.saveGeometry().toBase64().data()).decode("ascii")}
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.quitting and self.tray_available and self.prefs.close_to_tray:
            self.hide()
            event.ignore()
            return
        self.preferences_changed.emit(self.geometry_preferences())
        event.accept()
        self.quit_requested.emit()

    def locale_for_dates(self) -> QLocale:
        return QLocale()


def _scroll(widget: QWidget, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setAccessibleName(name)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
