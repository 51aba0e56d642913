"""Qt's own messages ("This plugin does not support propagateSizeHints()", "qt.text.font.db:
OpenType support missing…") go to the log file, warnings and above; the terminal keeps ours.

pytest-qt installs its own message handler around each test, so the handler function is
tested directly, and the installed one through a ``--self-test`` subprocess."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType

from app.storage.logs import LOG_NAME, configure_logging
from app.ui.startup import route_qt_message


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "log"
    configure_logging(folder)
    yield folder
    for handler in list(logging.getLogger("app").handlers):
        logging.getLogger("app").removeHandler(handler)
        handler.close()


def _log_text(folder: Path) -> str:
    for handler in logging.getLogger("app").handlers:
        handler.flush()
    path = folder / LOG_NAME
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_a_qt_warning_lands_in_the_log_file_not_on_stderr(
    log_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    route_qt_message(
        QtMsgType.QtWarningMsg, QMessageLogContext(), "QWidget::setTabOrder: 'first' is hidden"
    )
    route_qt_message(QtMsgType.QtCriticalMsg, QMessageLogContext(), "a critical one")
    text = _log_text(log_dir)
    assert "WARNING app.qt: QWidget::setTabOrder: 'first' is hidden" in text
    assert "ERROR app.qt: a critical one" in text
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_the_offscreen_plugins_own_warning_goes_nowhere(
    log_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Said by the platform plugin about itself on every window: nothing IT could act on."""
    route_qt_message(
        QtMsgType.QtWarningMsg,
        QMessageLogContext(),
        "This plugin does not support propagateSizeHints()",
    )
    assert "propagateSizeHints" not in _log_text(log_dir)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


@pytest.mark.parametrize("kind", [QtMsgType.QtInfoMsg, QtMsgType.QtDebugMsg])
def test_qt_info_and_debug_go_nowhere(
    log_dir: Path, capfd: pytest.CaptureFixture[str], kind: QtMsgType
) -> None:
    route_qt_message(kind, QMessageLogContext(), 'OpenType support missing for "DejaVu Sans"')
    assert "OpenType" not in _log_text(log_dir)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
