"""The baseline for start-up: a bare PySide6 window (QMainWindow + QLabel), shown, and its first
paint. Prints one JSON line like ``canales --self-test`` (startup_ms measured the same way)."""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

STARTED = time.perf_counter()


class FirstPaint(QObject):
    painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Canales"))
    probe = FirstPaint()
    window.installEventFilter(probe)
    window.show()
    app.exec()
    from app.ui.process_info import ms_since_process_start, peak_rss_mb  # noqa: PLC0415

    assert probe.painted_at is not None
    since_paint = (time.perf_counter() - probe.painted_at) * 1000
    startup_ms = ms_since_process_start(STARTED) - since_paint
    print(json.dumps({"ok": True, "startup_ms": round(startup_ms, 1), "rss_mb": peak_rss_mb()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
