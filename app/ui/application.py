"""The GUI's composition root: store, clock, live board, windows and tray are built here, once,
and handed to each other through constructors (mu-editor's ``app.py`` pattern)."""

from __future__ import annotations

import datetime as dt
import sys
import time

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app import __version__
from app.bootstrap import Services
from app.domain.availability import Snapshot
from app.domain.notifications import notices
from app.resources import resources_dir
from app.storage.config_store import ConfigFileError, LoadedConfig
from app.storage.preferences import Preferences, PreferencesStore
from app.ui.actions import ContactActions
from app.ui.clock import Clock, SystemClock, TimerFactory, precise_single_shot
from app.ui.config_watcher import ConfigWatcher
from app.ui.icons import icon
from app.ui.live import LiveBoard
from app.ui.main_window import MainWindow
from app.ui.single_instance import SingleInstance, per_user_name
from app.ui.tray import Tray

LOCALES = {"es": "es_CO", "en": "en_US"}
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
    ) -> None:
        super().__init__()
        self.app = app
        self.services = services
        self.prefs_store = prefs_store
        self.prefs = prefs_store.load()
        self.translators: list[QTranslator] = []
        loaded, failure = self._initial_config()
        self.loaded = loaded
        self.lang = self.prefs.language or services.language(loaded.config)
        self.install_language(self.lang)
        problem = None if failure is None else self._problem_text(failure, default_shown=True)
        self.live = LiveBoard(services.engine(loaded.config), clock, make_timer, self)
        self.actions = ContactActions(app.clipboard(), self.prefs.copy_format, parent=self)
        self.window = MainWindow(self.live, self.actions, self.prefs, self.lang, tray_available)
        self.window.preferences_changed.connect(self.save_preferences)
        self.window.quit_requested.connect(self.quit)
        if problem:
            self.window.show_banner(problem)
        self.tray: Tray | None = None
        if tray_available:
            self.tray = Tray(self)
            self.tray.show_requested.connect(self.raise_window)
            self.tray.quit_requested.connect(self.quit)
        self._previous: Snapshot | None = None
        self.live.snapshot_changed.connect(self._on_snapshot)
        self.watcher = ConfigWatcher(services.store.path, parent=self)
        self.watcher.changed.connect(self.reload_config)

    def _initial_config(self) -> tuple[LoadedConfig, ConfigFileError | None]:
        """A broken active file is shown as a banner over the embedded default; never rewritten."""
        store = self.services.store
        store.clean_up_interrupted_saves(dt.datetime.now().astimezone() - STALE_TEMP_AGE)
        try:
            return store.load(), None
        except ConfigFileError as exc:
            return store.read(store.default_path, is_default=True), exc

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

    def install_language(self, lang: str) -> None:
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = []
        locale = QLocale(LOCALES.get(lang, "es_CO"))
        QLocale.setDefault(locale)
        folder = resources_dir() / "translations"
        candidates = [
            (f"canales_{lang}", str(folder)),
            (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ]
        for name, path in candidates:
            translator = QTranslator(self)
            if translator.load(name, path):
                self.app.installTranslator(translator)
                self.translators.append(translator)

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
        try:
            loaded = self.services.store.load()
        except ConfigFileError as exc:
            self.window.show_banner(self._problem_text(exc, default_shown=False))
            return
        self.loaded = loaded
        self.window.hide_banner()
        self._previous = None  # a different configuration: no notifications from the diff
        self.live.set_engine(self.services.engine(loaded.config))
        self.window.rebuild()

    def save_preferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        try:
            self.prefs_store.save(prefs)
        except OSError as exc:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Application", "Preferences not saved: %1").replace(
                    "%1", str(exc)
                ),
                8000,
            )

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        if self.tray is not None:
            self.tray.set_snapshot(snapshot)
            if self.prefs.notify:
                for notice in notices(self._previous, snapshot, self.prefs.watched_channels):
                    self.tray.notify(notice)
        self._previous = snapshot

    def quit(self) -> None:
        self.window.quitting = True
        self.save_preferences(self.window.geometry_preferences())
        self.live.stop()
        self.watcher.stop()
        if self.tray is not None:
            self.tray.hide()
        self.app.quit()


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Canales")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Canales")
    app.setDesktopFileName("canales")
    app.setWindowIcon(icon("canales"))
    style = resources_dir() / "styles" / "canales.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def run(services: Services, *, self_test: bool = False, started: float | None = None) -> int:
    started = time.perf_counter() if started is None else started
    app = make_application()
    if self_test:
        from app.ui.self_test import run_self_test  # noqa: PLC0415 - only for --self-test

        return run_self_test(app, services, started)
    services.paths.cache_dir.mkdir(parents=True, exist_ok=True)
    guard = SingleInstance(per_user_name(), services.paths.cache_dir)
    if not guard.claim():
        return 0  # the running console was asked to show itself
    tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    app.setQuitOnLastWindowClosed(not tray_available)
    console = Console(
        app,
        services,
        SystemClock(),
        precise_single_shot,
        PreferencesStore(services.paths.preferences_file),
        tray_available=tray_available,
    )
    guard.activated.connect(console.raise_window)
    console.start()
    code = app.exec()
    guard.release()
    return int(code)
