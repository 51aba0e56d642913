"""Starting the GUI: the window is painted first, the configuration is read right after.

Reading a configuration means the model, the engine, phonenumbers and — when the file changed
since it was last validated — pydantic (``app.storage.validated_cache``); an agent should see the
window while that happens, not a blank screen. So this module imports only Qt and light helpers,
shows the frame, and builds the console on the event loop's first turn after the first paint.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app import __version__
from app.domain.texts import resolve_language
from app.resources import resources_dir
from app.storage.config_source import ConfigSource
from app.storage.logs import configure_logging
from app.storage.paths import AppPaths
from app.ui.icons import GlyphCache, icon
from app.ui.main_window import MainWindow
from app.ui.translation import Translations

_T = TypeVar("_T", bound=QObject)


class FirstPaint(QObject):
    """Calls back once, after a widget's first paint event has been handled."""

    def __init__(self, widget: QObject, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        self.painted_at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


# What a platform plugin says about itself, not about Canales: the offscreen plugin (tests,
# --self-test in CI) warns this on every top-level window. Logging it would open the log
# file (and import logging.handlers, ≈1.7 MB) for nothing an administrator could act on.
_PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",)

_QT_LEVELS = {
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def route_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's message handler: its warnings and worse go to our log file (IT's reading); its
    info and debug lines ("qt.text.font.db: OpenType support missing…") nowhere. The
    terminal keeps our own messages only. A fatal one is also printed: Qt aborts next."""
    level = _QT_LEVELS.get(kind)
    if level is None or message.startswith(_PLATFORM_NOISE):
        return
    category = context.category
    text = message if not category or category == "default" else f"{category}: {message}"
    logging.getLogger("app.qt").log(level, "%s", text)
    if kind is QtMsgType.QtFatalMsg:
        print(f"canales: {text}", file=sys.stderr)


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Canales")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Canales")
    app.setDesktopFileName("canales")
    if GlyphCache.of_application() is None:  # one per application, however often called
        GlyphCache(app)
    app.setWindowIcon(icon("canales"))
    app.setStyle("Fusion")  # see app.ui.theme.Themes: palettes behave alike everywhere
    style = resources_dir() / "styles" / "canales.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def one_line(exc: BaseException) -> str:
    """What went wrong, for a banner: a located line when the file is known."""
    from app.storage.config_store import ConfigFileError, failure_detail  # noqa: PLC0415

    return exc.lines()[0] if isinstance(exc, ConfigFileError) else failure_detail(exc)


def build_or_explain(app: QApplication, window: MainWindow, build: Callable[[], _T]) -> _T | None:
    """The console, or — when even the embedded default cannot be shown — the frame saying
    why (the traceback goes to the log), instead of a "loading" line forever."""
    try:
        return build()
    except Exception as exc:  # the last resort of start-up: anything at all is explained
        logging.getLogger(__name__).error("the console could not be built", exc_info=exc)
        app.setQuitOnLastWindowClosed(True)  # no tray icon was made: closing must quit
        text = QCoreApplication.translate(
            "Startup", "The console could not start (details in the log file): %1"
        )
        window.show_banner(text.replace("%1", one_line(exc)))
        return None


class ReportUnexpected:
    """``sys.excepthook`` while the console runs. Qt can only print an exception that
    escaped a slot; this logs it with its traceback and names it in the banner, and the
    console goes on showing what it showed."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __call__(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if not isinstance(value, Exception):  # KeyboardInterrupt, SystemExit: not ours
            sys.__excepthook__(kind, value, tb)
            return
        logging.getLogger(__name__).error("unexpected error", exc_info=(kind, value, tb))
        text = QCoreApplication.translate(
            "Startup", "Unexpected error (details in the log file): %1"
        )
        self._window.show_banner(text.replace("%1", one_line(value)))


def run(config_override: ConfigSource | None, env: Mapping[str, str], *, self_test: bool) -> int:
    started = time.perf_counter()
    paths = AppPaths.from_platform()
    configure_logging(paths.log_dir)  # before anything can fail (the file opens on first use)
    qInstallMessageHandler(route_qt_message)  # before the QApplication: it already speaks
    app = make_application()
    translations = Translations(app)
    translations.use(resolve_language(env.get("CANALES_LANG"), None))  # refined once loaded
    if self_test:
        from app.ui.self_test import run_self_test  # noqa: PLC0415 - only for --self-test

        return run_self_test(app, translations, config_override, env, started)
    from app.ui.single_instance import SingleInstance, per_user_name  # noqa: PLC0415 - QtNetwork

    paths.cache_dir.mkdir(parents=True, exist_ok=True)
    guard = SingleInstance(per_user_name(), paths.cache_dir)
    if not guard.claim():
        return 0  # the running console was asked to show itself
    tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    app.setQuitOnLastWindowClosed(not tray_available)
    window = MainWindow(tray_available)
    running: list[QObject] = []  # keeps the console alive for the event loop

    def build_console() -> None:
        from app.ui.launch import launch  # noqa: PLC0415 - the heavy half, after the first paint

        console = build_or_explain(
            app,
            window,
            lambda: launch(app, window, translations, config_override, env, tray_available),
        )
        if console is not None:
            guard.activated.connect(console.raise_window)
            running.append(console)

    FirstPaint(window, build_console)
    window.show()
    previous_hook, sys.excepthook = sys.excepthook, ReportUnexpected(window)
    from app.ui.session_end import QuitOnTerminate  # noqa: PLC0415 - socket: not for --self-test

    terminate = QuitOnTerminate(app)  # logout's SIGTERM: a quit that saves, not a kill
    try:
        code = app.exec()
    finally:
        terminate.release()
        sys.excepthook = previous_hook
        guard.release()
    return int(code)
