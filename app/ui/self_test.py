"""``canales --self-test``: the real GUI, rendered once, and a one-line JSON verdict.

Used by IT on the packaged build and by CI: it proves the executable finds its config, icons
and translations, can paint, and can use the clipboard.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QClipboard, QIcon
from PySide6.QtWidgets import QApplication

from app.bootstrap import Services
from app.resources import default_config_path, resources_dir
from app.storage.preferences import PreferencesStore
from app.ui.application import Console
from app.ui.clock import SystemClock, precise_single_shot
from app.ui.process_info import ms_since_process_start, peak_rss_mb

REQUIRED_ICONS = ("canales", "copy", "state-open", "state-closed", "state-closing")
PAINT_TIMEOUT_MS = 20_000


class FirstPaint(QObject):
    """Stops the event loop at the window's first paint."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.app.quit)
        return False


def resource_problems(lang: str) -> list[str]:
    problems = []
    if not default_config_path().is_file():
        problems.append(f"missing default config: {default_config_path()}")
    for name in REQUIRED_ICONS:
        path = resources_dir() / "icons" / f"{name}.svg"
        if not path.is_file() or QIcon(str(path)).pixmap(16, 16).isNull():
            problems.append(f"icon not usable: {path}")
    for code in ("es", "en"):
        qm = resources_dir() / "translations" / f"canales_{code}.qm"
        if not qm.is_file():
            problems.append(f"missing translation: {qm}")
    del lang
    return problems


def run_self_test(app: QApplication, services: Services, started: float) -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="canales-self-test-") as scratch:
        console = Console(
            app,
            services,
            SystemClock(),
            precise_single_shot,
            PreferencesStore(Path(scratch) / "preferences.json"),  # never touch the agent's
            tray_available=False,
        )
        probe = FirstPaint(app)
        console.window.installEventFilter(probe)
        console.window.show()
        console.live.start()
        QTimer.singleShot(PAINT_TIMEOUT_MS, app.quit)
        app.exec()
        startup_ms = ms_since_process_start(started)
        if not probe.painted:
            problems.append("the main window was never painted")
        if console.window.grab().isNull():
            problems.append("the main window could not be rendered")
        problems += resource_problems(console.lang)
        if console.window.banner.isVisible():
            problems.append(console.window.banner.text())
        clipboard = app.clipboard()
        clipboard.setText("canales-self-test", QClipboard.Mode.Clipboard)
        if clipboard.text(QClipboard.Mode.Clipboard) != "canales-self-test":
            problems.append("the clipboard does not keep text")
        channels = len(console.loaded.config.channels)
        console.live.stop()
        console.window.quitting = True
        console.window.close()
    result: dict[str, object] = {
        "ok": not problems,
        "startup_ms": round(startup_ms, 1),
        "rss_mb": round(peak_rss_mb(), 1),
        "channels": channels,
    }
    if problems:
        result["problems"] = problems
    print(json.dumps(result, ensure_ascii=False))
    return 0 if not problems else 1
