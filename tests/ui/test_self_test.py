"""The self-test's render check: a painted window passes, an empty one does not."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.self_test import renders


def test_a_window_with_content_renders(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QVBoxLayout(widget)
    for text in ("Línea de servicio al cliente", "Abierto", "+57 601 7442727"):
        label = QLabel(text)
        label.setStyleSheet("font-size: 28px; color: #102030; background: #f0c020;")
        layout.addWidget(label)
    widget.resize(640, 400)
    assert renders(widget)


def test_an_empty_window_does_not(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 400)
    assert not renders(widget)


def test_a_zero_sized_window_does_not(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(0, 0)
    assert not renders(widget)
