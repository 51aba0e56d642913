"""Starting the GUI: the window is painted first, the configuration is read right after.

Reading a configuration means the model, the engine, phonenumbers and — when the file changed
since it was last validated — pydantic (``app.storage.validated_cache``); an agent should see the
window while that happens, not a blank screen. So this module imports only Qt and light helpers,
shows the frame, and builds the console on the event loop's first turn after the first paint.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app import __version__
from app.domain.texts import resolve_language
from app.resources import resources_dir
from app.storage.paths import AppPaths
from app.ui.icons import GlyphCache, icon
from app.ui.main_window import MainWindow
from app.ui.process_info import forget_module_sources
from app.ui.translation import Translations


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


def run(config_override: Path | None, env: Mapping[str, str], *, self_test: bool) -> int:
    started = time.perf_counter()
    forget_module_sources()
    app = make_application()
    translations = Translations(app)
    translations.use(resolve_language(env.get("CANALES_LANG"), None))  # refined once loaded
    if self_test:
        from app.ui.self_test import run_self_test  # noqa: PLC0415 - only for --self-test

        return run_self_test(app, translations, config_override, env, started)
    from app.ui.single_instance import SingleInstance, per_user_name  # noqa: PLC0415 - QtNetwork

    paths = AppPaths.from_platform()
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

        console = launch(app, window, translations, config_override, env, tray_available)
        guard.activated.connect(console.raise_window)
        running.append(console)

    FirstPaint(window, build_console)
    window.show()
    code = app.exec()
    guard.release()
    return int(code)
