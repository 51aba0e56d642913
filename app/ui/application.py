"""The GUI's composition root: store, clock, live board, windows and tray are built here, once,
and handed to each other through constructors (mu-editor's ``app.py`` pattern)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication

from app.bootstrap import Services
from app.core.active_config import ActiveConfig, AllClear, Banner, Notice, Shown
from app.core.signature_text import source_text
from app.domain.availability import AvailabilityEngine, Snapshot
from app.domain.notifications import notices
from app.storage.config_store import ConfigFileError, LoadedConfig, load_failure
from app.storage.last_good import LastKnownGood
from app.storage.preferences import Preferences, PreferencesStore
from app.ui.actions import ContactActions
from app.ui.case_book import CaseBook
from app.ui.clock import Clock, TimerFactory
from app.ui.config_watcher import ConfigWatcher
from app.ui.live import LiveBoard
from app.ui.main_window import MainWindow
from app.ui.theme import Themes
from app.ui.translation import Translations

if TYPE_CHECKING:
    from app.core.remote_config import RemoteConfig
    from app.storage.case_log import Case
    from app.storage.pin import RateLimiter
    from app.ui.case_dialog import CaseExportDialog
    from app.ui.exports import Exports
    from app.ui.remote_refresh import RemoteRefresh
    from app.ui.settings import SettingsDialog
    from app.ui.tray import Tray


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
        self.prefs_unreadable = False  # then this session's preferences are never saved
        self.prefs = self._load_preferences()
        self.translations = translations or Translations(app)
        self.clock = clock
        self.active = self._lifecycle()
        self.pin_limiter: RateLimiter | None = None  # made when a supervisor first asks
        started = self.active.start()
        shown = next(n for n in started if isinstance(n, Shown))
        self.loaded = shown.loaded
        self.lang = self.active.lang = self._language_for(self.loaded)
        self.translations.use(self.lang)
        self.themes = Themes(app)
        self.themes.use(self.prefs.theme)
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme)
        # the session ends (logout, shutdown): keep the window and preferences as a quit does
        app.commitDataRequest.connect(self._save_session)
        app.aboutToQuit.connect(self._save_session)
        self.live = LiveBoard(shown.engine, clock, make_timer, self)
        self.actions = ContactActions(app.clipboard(), self.prefs.copy_format, parent=self)
        # the escalation cases: their log outlives configurations, so the console owns it
        self.cases = CaseBook(
            services.paths.case_log_file, clock, make_timer, lambda: self.lang, self
        )
        self.case_export_dialog: CaseExportDialog | None = None
        self.window = window or MainWindow(tray_available)
        self.window.show_source(self._source_text())
        self.window.attach(self.live, self.actions, self.prefs, self.lang, cases=self.cases)
        self.cases.became_overdue.connect(self._case_overdue)
        self.cases.failed.connect(self._case_failed)
        self.live.ticked.connect(self.cases.tick)
        self.settings_dialog: SettingsDialog | None = None
        self._exports: Exports | None = None  # made on the first export (with its dialogs)
        self._connect_window()
        banners = [n for n in started if isinstance(n, Banner)]
        policy = services.policy
        broken_policy = self.active.policy_banner(policy.problems if policy else ())
        for banner in banners[-1:] or ([broken_policy] if broken_policy else []):
            self.window.show_banner(banner.text)
        self.tray = self._make_tray() if tray_available else None
        self._previous: Snapshot | None = None
        self.live.snapshot_changed.connect(self._on_snapshot)
        self.watcher = ConfigWatcher(
            services.store.path, poll_ms=self.active.poll_ms(), parent=self
        )
        self.watcher.changed.connect(self.reload_config)
        self.watcher.unavailable.connect(self._on_unavailable)
        self.remote: RemoteRefresh | None = None
        if services.published is not None:
            from app.core.remote_config import RemoteConfig  # noqa: PLC0415 - a URL source only
            from app.ui.remote_refresh import RemoteRefresh  # noqa: PLC0415

            assert isinstance(self.active, RemoteConfig)
            self.remote = RemoteRefresh(
                self.active,
                services.published.source(),
                clock,
                make_timer,
                self._apply,
                parent=self,
            )

    def _lifecycle(self) -> ActiveConfig | RemoteConfig:
        """A file's lifecycle, or an https:// source's (fetched, never watched)."""
        services, lang = self.services, self.services.language(None, self.prefs.language)
        if services.published is not None:
            return services.remote_config(evaluate=self._evaluate, now=self.clock.now, lang=lang)
        return ActiveConfig(
            services.store,
            LastKnownGood(services.paths.cache_dir),
            own_folder=services.paths.config_dir,
            evaluate=self._evaluate,
            now=self.clock.now,
            lang=lang,
        )

    def _remote_refresh(self, make_timer: TimerFactory) -> RemoteRefresh | None:
        published = self.services.published
        if published is None or isinstance(self.active, ActiveConfig):
            return None
        from app.ui.remote_refresh import RemoteRefresh  # noqa: PLC0415 - a URL source only

        source = published.source()
        return RemoteRefresh(self.active, source, self.clock, make_timer, self._apply, parent=self)

    def _connect_window(self) -> None:
        """The window's menus and its settings, exports and quit requests."""
        window = self.window
        window.preferences_changed.connect(self.save_preferences)
        window.quit_requested.connect(self.quit)
        window.settings_requested.connect(self.open_settings)
        window.export_cases_requested.connect(self.export_cases)
        # lambdas: self.exports is made on the first use, not here
        window.export_calendar_requested.connect(lambda: self.exports.export_calendar())  # noqa: PLW0108
        window.export_contacts_requested.connect(lambda: self.exports.export_contacts())  # noqa: PLW0108
        window.print_sheet_requested.connect(lambda: self.exports.open_sheet_dialog())  # noqa: PLW0108

    @property
    def exports(self) -> Exports:
        """Calendar, contacts and the printed sheet: made when first asked for."""
        if self._exports is None:
            from app.ui.exports import Exports  # noqa: PLC0415 - see above

            self._exports = Exports(
                self.window,
                self.live,
                self.clock,
                loaded=lambda: self.loaded,
                lang=lambda: self.lang,
            )
        return self._exports

    def _make_tray(self) -> Tray:
        from app.ui.tray import Tray  # noqa: PLC0415 - no tray (no panel, --self-test): no menu

        tray = Tray(lambda: self.lang, self)
        tray.show_requested.connect(self.raise_window)
        tray.quit_requested.connect(self.quit)
        return tray

    def _load_preferences(self) -> Preferences:
        """The agent's preferences; if reading them fails unexpectedly, the defaults for this
        session, and the file is left as it is (it is not known what it holds)."""
        try:
            return self.prefs_store.load()
        except Exception:  # a side file must not stop the console
            logging.getLogger(__name__).exception("%s could not be read", self.prefs_store.path)
            self.prefs_unreadable = True
            return Preferences()

    def _source_text(self) -> str:
        return source_text(self.lang, self.loaded, self.loaded.config.zone)

    def _language_for(self, loaded: LoadedConfig) -> str:
        return self.services.language(loaded.config, self.prefs.language)

    def _evaluate(self, loaded: LoadedConfig) -> AvailabilityEngine:
        """The engine for ``loaded`` in the language it will be shown in, asked once about
        now (``ActiveConfig`` refuses a file whose engine fails like an invalid one)."""
        engine = self.services.engine(loaded.config, self._language_for(loaded))
        now = self.clock.now()
        engine.snapshot(now)
        engine.next_update(now)  # the live board asks both at once; answers are cached
        return engine

    def start(self) -> None:
        self.window.show()
        if self.tray is not None:
            self.tray.show()
        self.live.start()
        self.cases.start()
        if self.remote is not None:
            self.remote.start()  # the cached copy is on screen already; the fetch runs aside
        else:
            self.watcher.start()

    def raise_window(self) -> None:
        self.window.show()
        self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
        self.window.raise_()
        self.window.activateWindow()

    def reload_config(self) -> None:
        """The watcher saw the file change: show it, or say why not and keep what is shown."""
        if isinstance(self.active, ActiveConfig):
            self._apply(self.active.file_may_have_changed())

    def _on_unavailable(self, gone: bool) -> None:
        """The share went away (keep the current configuration) or came back (reload it)."""
        if isinstance(self.active, ActiveConfig):
            self._apply(self.active.source_unavailable() if gone else self.active.source_back())

    def _apply(self, notices: list[Notice]) -> None:
        """The lifecycle's notices, rendered: a rebuild, a banner, or no banner."""
        for notice in notices:
            match notice:
                case Shown(loaded, engine):
                    self.loaded = loaded
                    self._previous = None  # another configuration: no notifications from a diff
                    self.live.set_engine(engine)
                    self.window.show_source(self._source_text())
                    self.window.rebuild()
                case Banner(text):
                    self.window.show_banner(text)
                case AllClear():
                    self.window.hide_banner()

    def open_settings(self) -> SettingsDialog | None:
        """The supervisor's dialog, behind the PIN when there is one; read-only when managed."""
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return self.settings_dialog
        store = self.services.store
        try:
            if not self._supervisor_allowed():
                return None
        except ConfigFileError as exc:  # a side file failed: the settings stay closed
            self.window.show_banner(
                QCoreApplication.translate(
                    "Application", "The settings cannot be opened: %1"
                ).replace("%1", exc.lines()[0])
            )
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
            signing_key=Path(self.prefs.signing_key) if self.prefs.signing_key else None,
            remember_signing_key=self._remember_signing_key,
            parent=self.window,
        )
        dialog.saved.connect(self.apply_saved)
        dialog.finished.connect(self._settings_closed)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _remember_signing_key(self, path: Path) -> None:
        """The key file's path only, so the next save does not ask for it again."""
        if self.prefs.signing_key != str(path):
            self.save_preferences(dataclasses.replace(self.prefs, signing_key=str(path)))

    def _supervisor_allowed(self) -> bool:
        """The PIN check; ``ConfigFileError`` names the side file (attempts, PIN) that failed
        in a way its own checks did not foresee (a damaged PIN file opens a locked prompt)."""
        from app.storage.pin import pin_path_for  # noqa: PLC0415 - only when a supervisor asks
        from app.ui.pin_prompt import guard_settings  # noqa: PLC0415

        limiter = self._pin_limiter()
        path = self.services.store.path
        try:
            return guard_settings(self.window, path, limiter, lang=self.lang)
        except ConfigFileError:
            raise
        except Exception as exc:
            raise load_failure(pin_path_for(path), exc, lang=self.services.store.lang) from exc

    def _pin_limiter(self) -> RateLimiter:
        """Made on first use: a damaged attempts file must not stop the console starting."""
        if self.pin_limiter is None:
            from app.storage.pin import RateLimiter  # noqa: PLC0415 - only when a supervisor asks

            state = self.services.paths.cache_dir / "pin-attempts.json"
            try:
                self.pin_limiter = RateLimiter(time.monotonic, state_file=state)
            except Exception as exc:  # the settings stay closed and say why
                raise load_failure(state, exc, lang=self.services.store.lang) from exc
        return self.pin_limiter

    def _settings_closed(self) -> None:
        """Give the keyboard back to the console (its last focused control): not every window
        manager re-activates a dialog's parent, and Ctrl+1…9 must work at once."""
        self.settings_dialog = None
        if self.window.isVisible():
            self.window.activateWindow()

    def apply_saved(self, loaded: LoadedConfig) -> None:
        """The dialog saved: show it at once, and do not take our own save for a change."""
        self.watcher.acknowledge(loaded.digest)
        self._apply(self.active.saved(loaded))

    def save_preferences(self, prefs: Preferences) -> None:
        previous, self.prefs = self.prefs, prefs
        self._apply_look(previous, prefs)
        if self.prefs_unreadable:
            return
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
            self.lang = self.active.lang = lang
            self.translations.use(lang)  # Qt tells every widget: LanguageChange
            self.live.set_engine(self.services.engine(self.loaded.config, lang))
        if prefs.theme != previous.theme:
            self.themes.use(prefs.theme)
        if relabel or prefs.theme != previous.theme:
            self.window.lang = lang
            self.window.show_source(self._source_text())
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

    # escalation cases ---------------------------------------------------------------------------

    def _case_overdue(self, case: Case) -> None:
        """A level's response time has run out: the tray says so, whom to call next included,
        and the taskbar asks for attention (the case's row is highlighted by the list)."""
        from app.core.cases import case_view, ladder, overdue_notice  # noqa: PLC0415

        board = self.window.board
        if board is None:
            return
        config = self.loaded.config
        rungs = ladder(config.escalation, board.current_board.escalation)
        view = case_view(case, rungs, self.clock.now(), config.zone, self.lang)
        if self.tray is not None:
            self.tray.notify_text(overdue_notice(view, self.lang))
        QApplication.alert(self.window)

    def _case_failed(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def export_cases(self) -> CaseExportDialog:
        """Archivo → Exportar registro de casos…: the days and the file, then the CSV."""
        from PySide6.QtCore import QStandardPaths  # noqa: PLC0415

        from app.ui.case_dialog import CaseExportDialog  # noqa: PLC0415

        if self.case_export_dialog is not None:
            self.case_export_dialog.raise_()
            return self.case_export_dialog
        zone = self.loaded.config.zone
        today = self.clock.now().astimezone(zone).date()
        location = QStandardPaths.StandardLocation.DocumentsLocation
        folder = Path(QStandardPaths.writableLocation(location) or Path.home())
        dialog = CaseExportDialog(today, folder, self.window)
        dialog.accepted.connect(
            lambda: self.write_case_export(dialog.first_day(), dialog.last_day(), dialog.target())
        )
        dialog.finished.connect(self._case_export_closed)
        self.case_export_dialog = dialog
        dialog.open()
        return dialog

    def _case_export_closed(self) -> None:
        if self.case_export_dialog is not None:
            self.case_export_dialog.deleteLater()
        self.case_export_dialog = None

    def write_case_export(self, first: dt.date, last: dt.date, target: Path) -> bool:
        """The CSV written atomically; the status bar says how many events went where, or why
        nothing was written."""
        from app.storage.atomic import atomic_write_bytes  # noqa: PLC0415
        from app.storage.case_log import CaseLogError  # noqa: PLC0415

        translate = QCoreApplication.translate
        try:
            data, count = self.cases.export(first, last, self.loaded.config.zone, self.lang)
            atomic_write_bytes(target, data)
        except CaseLogError as exc:
            failure = exc.text(self.lang)
        except OSError as exc:
            failure = f"{target}: {exc.strerror or exc}"
        else:
            done = translate("Application", "Case log exported: %1 events → %2")
            self.window.statusBar().showMessage(
                done.replace("%1", str(count)).replace("%2", str(target)), 10000
            )
            return True
        self.window.show_banner(
            translate("Application", "The case log was not exported: %1").replace("%1", failure)
        )
        return False

    def _save_session(self, *_manager: object) -> None:
        """The window's place and the agent's preferences, saved (a quit or the session's end)."""
        remembered = self.window.geometry_preferences()
        if remembered is not None:
            self.save_preferences(remembered)

    def quit(self) -> None:
        self.window.quitting = True
        self._save_session()
        self.live.stop()
        self.cases.close()
        self.watcher.stop()
        if self.remote is not None:
            self.remote.stop()
        if self.tray is not None:
            self.tray.hide()
        self.app.quit()
