"""Baseline for idle CPU: a window whose only work is a label updated by a 1 Hz QTimer."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


def main() -> int:
    app = QApplication(sys.argv[:1])
    label = QLabel()
    label.show()
    timer = QTimer()
    timer.timeout.connect(lambda: label.setText(time.strftime("%H:%M:%S")))
    timer.start(1000)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
