"""The console window: header, "Usar ahora", the channel board, the ladder and the week view.

It shows what :class:`LiveBoard` publishes and never evaluates schedules itself.
"""

from __future__ import annotations

import dataclasses
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from app.domain.copy_format import CopyFormat
from app.ui.icons import icon

if TYPE_CHECKING:
    from app.storage.preferences import Preferences
    from app.ui.actions import ContactActions
    from app.ui.board_view import BoardView
    from app.ui.channel_card import ChannelCard
    from app.ui.live import LiveBoard

COMPACT_WIDTH = 420
FULL_SIZE = (1280, 760)  # leaving compact mode when the console started in it


def _show_key_text(action: QAction) -> None:
    """The menu prints the shortcut as the keyboard does ("Ctrl+W"). Left to QMenu it is
    ``NativeText``, which Qt's own Spanish catalogue words "Control+W"; the key names of
    Windows and Linux are the portable ones, while macOS's native text is its symbols (⌘W)."""
    keys = action.shortcut()
    if keys.isEmpty():
        return
    native = sys.platform == "darwin"
    fmt = (
        QKeySequence.SequenceFormat.NativeText
        if native
        else QKeySequence.SequenceFormat.PortableText
    )
    action.setText(f"{action.text()}\t{keys.toString(fmt)}")


class MainWindow(QMainWindow):
    preferences_changed = Signal(object)  # Preferences
    quit_requested = Signal()
    settings_requested = Signal()

    def __init__(self, tray_available: bool, parent: QWidget | None = None) -> None:
        """The frame only — menus, filter, banner, a "loading" line — so it paints at once;
        :meth:`attach` adds the board when the configuration has been read."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.tray_available = tray_available
        self.quitting = False
        self.prefs: Preferences | None = None
        self.live: LiveBoard | None = None
        self.contact_actions: ContactActions | None = None
        self.lang = "es"
        self.board: BoardView | None = None
        self.source_text = ""
        self._full_size: QSize | None = None  # the window's size before compact mode
        self.setWindowIcon(icon("canales"))
        self.setWindowTitle(self.tr("Canales — support channels"))
        self.resize(1280, 760)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.filter = QLineEdit()
        self.filter.setObjectName("filter")
        self.filter.setPlaceholderText(self.tr("Filter by name, number or email (Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter channels and contacts"))
        self.filter.setAccessibleDescription(self.filter.placeholderText())
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        loading = QLabel(self.tr("Loading the configuration…"))
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(loading)
        self._build_menus()
        self._build_shortcuts()
        self.menuBar().setEnabled(False)

    def attach(
        self, live: LiveBoard, actions: ContactActions, prefs: Preferences, lang: str
    ) -> None:
        """Show a loaded configuration; called once, after the frame's first paint."""
        self.live = live
        self.contact_actions = actions
        self.lang = lang
        self.prefs = prefs
        actions.copied.connect(self._confirm_copy)
        actions.refused.connect(self._refused_link)
        self.rebuild()
        self.apply_preferences(prefs, initial=True)
        self.menuBar().setEnabled(True)

    def rebuild(self) -> None:
        """(Re)create the board for the current configuration (start-up and live reload)."""
        from app.ui.board_view import BoardView  # noqa: PLC0415 - after the first paint

        assert self.live is not None and self.contact_actions is not None
        assert self.prefs is not None
        previous = self.board
        board = BoardView(
            self.live, self.contact_actions, self.prefs, self.lang, self.filter, self.banner
        )
        board.request_type_changed.connect(lambda rtype: self._set_pref(request_type=rtype))
        board.watch_toggled.connect(self._watch_toggled)
        self.board = board
        board.header.set_source(self.source_text)
        self.setCentralWidget(board)  # deletes the previous board (or the loading line)
        if previous is not None:
            board.show_week(self.prefs.week_view)
            board.set_compact(self.prefs.compact)

    def show_source(self, text: str) -> None:
        """The header's tooltip: the configuration's file and who signed it."""
        self.source_text = text
        if self.board is not None:
            self.board.header.set_source(text)

    # the board's parts, for callers and tests --------------------------------------------------

    def _attached(self) -> BoardView:
        assert self.board is not None, "no configuration attached yet"
        return self.board

    @property
    def cards(self) -> list[ChannelCard]:
        return self.board.cards if self.board is not None else []

    @property
    def header(self):  # type: ignore[no-untyped-def]
        return self._attached().header

    @property
    def strip(self):  # type: ignore[no-untyped-def]
        return self._attached().strip

    @property
    def ladder(self):  # type: ignore[no-untyped-def]
        return self._attached().ladder

    @property
    def ladder_scroll(self):  # type: ignore[no-untyped-def]
        return self._attached().ladder_scroll

    @property
    def week(self):  # type: ignore[no-untyped-def]
        return self._attached().week

    @property
    def stack(self):  # type: ignore[no-untyped-def]
        return self._attached().stack

    @property
    def no_match(self) -> QLabel:
        return self._attached().no_match

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        _show_key_text(quit_action)
        quit_action.triggered.connect(self.quit_requested.emit)
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcuts(
            [QKeySequence("Ctrl+,"), QKeySequence(QKeySequence.StandardKey.Preferences)]
        )
        _show_key_text(settings)
        settings.triggered.connect(self.settings_requested.emit)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.settings_action = settings

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
        self.language_actions = self._choices(
            view.addMenu(self.tr("&Language")),
            "language",
            {
                None: self.tr("As in the configuration"),
                "es": "Español",
                "en": "English",
            },
        )
        self.theme_actions = self._choices(
            view.addMenu(self.tr("T&heme")),
            "theme",
            {
                "system": self.tr("As the system"),
                "light": self.tr("Light"),
                "dark": self.tr("Dark"),
                "high-contrast": self.tr("High contrast"),
            },
        )
        self._check_choices()

    def _choices(
        self, menu: object, field: str, labels: dict[str | None, str]
    ) -> dict[str | None, QAction]:
        """Radio items bound to one preference (the agent's language, the theme)."""
        group = QActionGroup(self)
        actions: dict[str | None, QAction] = {}
        for value, label in labels.items():
            action = QAction(label, self, checkable=True)
            action.triggered.connect(lambda _=False, v=value: self._set_pref(**{field: v}))
            group.addAction(action)
            menu.addAction(action)  # type: ignore[attr-defined]
            actions[value] = action
        return actions

    def _check_choices(self) -> None:
        if self.prefs is None:
            return
        self.language_actions[self.prefs.language].setChecked(True)
        self.theme_actions[self.prefs.theme].setChecked(True)
        self.format_actions[self.prefs.copy_format].setChecked(True)
        for action, on in (
            (self.week_action, self.prefs.week_view),
            (self.compact_action, self.prefs.compact),
            (self.on_top_action, self.prefs.always_on_top),
            (self.tray_action, self.prefs.close_to_tray and self.tray_available),
            (self.notify_action, self.prefs.notify),
        ):
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        """A new UI language: every text made here is made again in it."""
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Canales — support channels"))
        self.filter.setPlaceholderText(self.tr("Filter by name, number or email (Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter channels and contacts"))
        self.filter.setAccessibleDescription(self.filter.placeholderText())
        enabled = self.menuBar().isEnabled()
        self.menuBar().clear()
        self._build_menus()
        self.menuBar().setEnabled(enabled)

    def _toggle(self, menu: object, text: str, shortcut: str | None, field: str) -> QAction:
        action = QAction(text, self, checkable=True)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            _show_key_text(action)
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

    # agent actions ----------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def apply_filter(self, text: str) -> None:
        if self.board is not None:
            self.board.apply_filter(text)

    def visible_cards(self) -> list[ChannelCard]:
        return self.board.visible_cards() if self.board is not None else []

    def copy_nth_visible(self, n: int) -> str | None:
        card = self.board.nth_visible_card(n) if self.board is not None else None
        if card is None or self.contact_actions is None:
            return None
        contact = card.main_contact()
        return None if contact is None else self.contact_actions.copy(contact)

    def set_copy_format(self, fmt: CopyFormat) -> None:
        if self.contact_actions is not None:
            self.contact_actions.set_copy_format(fmt)
        self._set_pref(copy_format=fmt)

    def show_banner(self, text: str) -> None:
        """One line over the board; before a board exists (the console could not be built)
        it takes the "loading" line's place, so it is never a window of its own."""
        self.banner.setText(text)
        if self.banner.parentWidget() is None:  # no board yet: the loading line's place, on top
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.addWidget(self.banner)
            layout.addStretch(1)
            self.setCentralWidget(page)
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()

    def _confirm_copy(self, text: str) -> None:
        self.statusBar().showMessage(self.tr("Copied: %1").replace("%1", text), 4000)

    def _refused_link(self, uri: str) -> None:
        self.statusBar().showMessage(
            self.tr("Link not opened (not allowed): %1").replace("%1", uri), 6000
        )

    def _watch_toggled(self, channel_id: str, on: bool) -> None:
        assert self.prefs is not None
        watched = [c for c in self.prefs.watched_channels if c != channel_id]
        if on:
            watched.append(channel_id)
        self._set_pref(watched_channels=watched)

    # preferences ------------------------------------------------------------------------------

    def _set_pref(self, **changes: object) -> None:
        if self.prefs is None:
            return
        updated = dataclasses.replace(self.prefs, **changes)  # type: ignore[arg-type]
        if updated != self.prefs:
            self.apply_preferences(updated)
            self.preferences_changed.emit(updated)

    def apply_preferences(self, prefs: Preferences, initial: bool = False) -> None:
        previous = None if initial else self.prefs
        self.prefs = prefs
        self._check_choices()
        if self.contact_actions is not None:
            self.contact_actions.set_copy_format(prefs.copy_format)
        board = self._attached()
        if previous is None or previous.week_view != prefs.week_view:
            board.show_week(prefs.week_view)
        if previous is None or previous.compact != prefs.compact:
            self._apply_compact(prefs.compact)
        if previous is None or previous.always_on_top != prefs.always_on_top:
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, prefs.always_on_top)
            if previous is not None:
                self.show()
        if initial and prefs.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(prefs.window_geometry.encode("ascii")))

    def _apply_compact(self, compact: bool) -> None:
        """The strip for the screen's edge, and back to the window it came from (or, when the
        console started compact, to the full default size)."""
        if compact:
            self._full_size = self.size()
        self._attached().set_compact(compact)
        # The ladder's minimum width must leave (or rejoin) the window's now, not at the next
        # layout pass, or the resize below is clamped to the old minimum: the inner layouts
        # first (their requests are pending since the ladder was hidden), then the window's.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        if compact:
            self.resize(COMPACT_WIDTH, self.height())
            # and again once the window's own minimum has caught up (at the event loop's next
            # turn), which a shown window's layout only does then
            QTimer.singleShot(0, self._narrow_if_compact)
        else:
            full = self._full_size or QSize(*FULL_SIZE)
            self.resize(max(full.width(), self.minimumSizeHint().width()), full.height())

    def _narrow_if_compact(self) -> None:
        if self.prefs is not None and self.prefs.compact and self.width() > COMPACT_WIDTH:
            self.resize(COMPACT_WIDTH, self.height())

    def geometry_preferences(self) -> Preferences | None:
        if self.prefs is None:
            return None
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        return dataclasses.replace(self.prefs, window_geometry=geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        close_to_tray = self.prefs is not None and self.prefs.close_to_tray
        if not self.quitting and self.tray_available and close_to_tray:
            self.hide()
            event.ignore()
            return
        remembered = self.geometry_preferences()
        if remembered is not None:
            self.preferences_changed.emit(remembered)
        event.accept()
        self.quit_requested.emit()
