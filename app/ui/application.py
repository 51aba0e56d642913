"""The GUI's composition root: store, clock, live board, windows and tray are built here, once,
and handed to each other through constructors (mu-editor's ``app.py`` pattern)."""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication

from app.bootstrap import Services
from app.domain.availability import Snapshot
from app.domain.notifications import notices
from app.storage.config_store import ConfigFileError, ConfigFileMissing, LoadedConfig
from app.storage.pin import RateLimiter
from app.storage.preferences import Preferences, PreferencesStore
from app.ui.actions import ContactActions
from app.ui.clock import Clock, TimerFactory
from app.ui.config_watcher import ConfigWatcher
from app.ui.live import LiveBoard
from app.ui.main_window import MainWindow
from app.ui.pin_prompt import guard_settings
from app.ui.shared_file import SharedFile
from app.ui.theme import Themes
from app.ui.translation import Translations
from app.ui.tray import Tray

if TYPE_CHECKING:
    from app.ui.settings import SettingsDialog

STALE_TEMP_AGE = dt.timedelta(minutes=1)


class Console(QObject):
    """Everything one running console owns, wired together."""

    def __init__(
        self,
        app: QApplication,
        services: Services,
        clock: Clock,
        make_timer: TimerFactory,
        prefs_store: PreferencesStore,
        *,
        tray_available: bool,
        window: MainWindow | None = None,
        translations: Translations | None = None,
    ) -> None:
        """``window`` and ``translations``: the frame already on screen and the language it was
        drawn in (see :mod:`app.ui.startup`), or None to make them here."""
        super().__init__()
        self.app = app
        self.services = services
        self.prefs_store = prefs_store
        self.prefs = prefs_store.load()
        self.translations = translations or Translations(app)
        self.shared = SharedFile(services, clock)
        self.pin_limiter = RateLimiter(
            time.monotonic, state_file=services.paths.cache_dir / "pin-attempts.json"
        )
        loaded, failure = self._initial_config()
        self.loaded = loaded
        self.lang = services.language(loaded.config, self.prefs.language)
        self.translations.use(self.lang)
        self.themes = Themes(app)
        self.themes.use(self.prefs.theme)
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme)
        problem = None if failure is None else self._problem_text(failure, default_shown=True)
        problem = self.shared.banner_text() or problem or self._policy_problem()
        self.live = LiveBoard(services.engine(loaded.config, self.lang), clock, make_timer, self)
        self.actions = ContactActions(app.clipboard(), self.prefs.copy_format, parent=self)
        self.window = window or MainWindow(tray_available)
        self.window.attach(self.live, self.actions, self.prefs, self.lang)
        self.window.preferences_changed.connect(self.save_preferences)
        self.window.quit_requested.connect(self.quit)
        self.window.settings_requested.connect(self.open_settings)
        self.clock = clock
        self.settings_dialog: SettingsDialog | None = None
        if problem:
            self.window.show_banner(problem)
        self.tray: Tray | None = None
        if tray_available:
            self.tray = Tray(self)
            self.tray.show_requested.connect(self.raise_window)
            self.tray.quit_requested.connect(self.quit)
        self._previous: Snapshot | None = None
        self.live.snapshot_changed.connect(self._on_snapshot)
        self.watcher = ConfigWatcher(
            services.store.path, poll_ms=self.shared.poll_ms(), parent=self
        )
        self.watcher.changed.connect(self.reload_config)
        self.watcher.unavailable.connect(self._on_unavailable)

    def _initial_config(self) -> tuple[LoadedConfig, ConfigFileError | None]:
        """A broken active file is shown as a banner over the embedded default; never rewritten."""
        store = self.services.store
        store.clean_up_interrupted_saves(dt.datetime.now().astimezone() - STALE_TEMP_AGE)
        kept = self.shared.load_if_unreachable()
        if kept is not None:
            return kept, None
        try:
            loaded = store.load()
            self.shared.remember(loaded)
            return loaded, None
        except ConfigFileError as exc:
            return store.read(store.default_path, is_default=True), exc

    def _policy_problem(self) -> str | None:
        """A broken managed policy locks editing; say so instead of failing silently."""
        policy = self.services.policy
        if policy is None or not policy.problems:
            return None
        return QCoreApplication.translate(
            "Application", "The managed policy cannot be used, so editing is locked: %1"
        ).replace("%1", policy.problems[0])

    def _problem_text(self, exc: ConfigFileError, *, default_shown: bool) -> str:
        lines = exc.lines()
        more = len(lines) - 1
        text = lines[0] + (
            QCoreApplication.translate("Application", " (and %1 more)").replace("%1", str(more))
            if more
            else ""
        )
        if default_shown:
            return QCoreApplication.translate(
                "Application", "The configuration file could not be used; showing the default: %1"
            ).replace("%1", text)
        return QCoreApplication.translate(
            "Application",
            "The new configuration was not applied; still showing the last good one: %1",
        ).replace("%1", text)

    def start(self) -> None:
        self.window.show()
        if self.tray is not None:
            self.tray.show()
        self.live.start()
        self.watcher.start()

    def raise_window(self) -> None:
        self.window.show()
        self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
        self.window.raise_()
        self.window.activateWindow()

    def reload_config(self) -> None:
        if self.shared.unavailable_since is not None:
            return  # the share is away: keep what is shown until it is back
        try:
            loaded = self.services.store.load()
        except ConfigFileMissing:  # a named file deleted: keep the last one, as below
            self.window.show_banner(self.shared.vanished_text())
            return
        except ConfigFileError as exc:
            self.window.show_banner(self._problem_text(exc, default_shown=False))
            return
        if loaded.is_default and not self.loaded.is_default:
            self.window.show_banner(self.shared.vanished_text())  # deleted: keep the last one
            return
        self.shared.remember(loaded)
        self.loaded = loaded
        self.window.hide_banner()
        self._previous = None  # a different configuration: no notifications from the diff
        self.live.set_engine(self.services.engine(loaded.config, self.lang))
        self.window.rebuild()

    def _on_unavailable(self, gone: bool) -> None:
        """The share went away (keep the current configuration) or came back (reload it)."""
        if gone:
            self.shared.went_away(showing_copy=not self.loaded.is_default)
            self.window.show_banner(self.shared.banner_text() or "")
            return
        self.shared.came_back()
        self.window.hide_banner()
        self.reload_config()

    def open_settings(self) -> SettingsDialog | None:
        """The supervisor's dialog, behind the PIN when there is one; read-only when managed."""
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return self.settings_dialog
        store = self.services.store
        if not guard_settings(self.window, store.path, self.pin_limiter, lang=self.lang):
            return None
        from app.ui.settings import SettingsDialog  # noqa: PLC0415 - only supervisors open it

        policy = self.services.policy
        dialog = SettingsDialog(
            self.loaded,
            self.services,
            self.clock,
            lang=self.lang,
            read_only=store.read_only,
            managed_by=policy.manager if policy is not None else store.locked_by,
            parent=self.window,
        )
        dialog.saved.connect(self.apply_saved)
        dialog.finished.connect(self._settings_closed)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_closed(self) -> None:
        self.settings_dialog = None

    def apply_saved(self, loaded: LoadedConfig) -> None:
        """The dialog saved: show it at once, and do not take our own save for a change."""
        self.watcher.acknowledge(loaded.digest)
        self.loaded = loaded
        self.shared.remember(loaded)
        self.window.hide_banner()
        self._previous = None
        self.live.set_engine(self.services.engine(loaded.config, self.lang))
        self.window.rebuild()

    def save_preferences(self, prefs: Preferences) -> None:
        previous, self.prefs = self.prefs, prefs
        self._apply_look(previous, prefs)
        try:
            self.prefs_store.save(prefs)
        except OSError as exc:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Application", "Preferences not saved: %1").replace(
                    "%1", str(exc)
                ),
                8000,
            )

    def _apply_look(self, previous: Preferences, prefs: Preferences) -> None:
        """A new language or theme takes effect at once, without a restart."""
        lang = self.services.language(self.loaded.config, prefs.language)
        relabel = lang != self.lang
        if relabel:
            self.lang = lang
            self.translations.use(lang)  # Qt tells every widget: LanguageChange
            self.live.set_engine(self.services.engine(self.loaded.config, lang))
        if prefs.theme != previous.theme:
            self.themes.use(prefs.theme)
        if relabel or prefs.theme != previous.theme:
            self.window.lang = lang
            self.window.rebuild()

    def _on_system_scheme(self) -> None:
        if self.themes.theme == "system":
            self.window.rebuild()  # state colours follow the system's light or dark

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        if self.tray is not None:
            self.tray.set_snapshot(snapshot)
            if self.prefs.notify:
                for notice in notices(self._previous, snapshot, self.prefs.watched_channels):
                    self.tray.notify(notice)
        self._previous = snapshot

    def quit(self) -> None:
        self.window.quitting = True
        remembered = self.window.geometry_preferences()
        if remembered is not None:
            self.save_preferences(remembered)
        self.live.stop()
        self.watcher.stop()
        if self.tray is not None:
            self.tray.hide()
        self.app.quit()
