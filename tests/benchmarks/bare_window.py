"""The baseline for start-up: a bare PySide6 window (QMainWindow + QLabel), shown, and its first
paint. Prints one JSON line like ``canales --self-test`` so both are read the same way."""

from __future__ import annotations

import json
import resource
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
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
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"ok": True, "rss_mb": round(rss_mb, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
