"""The console runs for days: a Qt binding that leaks or over-releases references kills it.

PySide6 6.12.0 on Python 3.11 released one reference to ``None`` on every void call (setText,
update, fillRect…); after a few thousand calls the interpreter aborted. This guards the pin.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qapp: object) -> None:
    label = QLabel()
    colour = QColor()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.update()
        colour.setRed(3)
    assert abs(sys.getrefcount(None) - before) < 100
