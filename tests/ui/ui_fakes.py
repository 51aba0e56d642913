"""Fakes for the GUI: a clock the test sets and timers the test fires (qutebrowser's FakeTimer).

A module of its own (not conftest.py): test modules import these by name, and ``conftest`` is
a different module in each test folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication

from app.ui.application import Console

BOGOTA = ZoneInfo("America/Bogota")


class FakeClock:
    def __init__(self, now: dt.datetime) -> None:
        self.moment = now

    def now(self) -> dt.datetime:
        return self.moment

    def set(self, *args: int) -> None:
        self.moment = dt.datetime(*args, tzinfo=BOGOTA)  # type: ignore[misc]


class FakeTimer(QObject):
    timeout = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_ms: int | None = None
        self.active = False
        self.starts = 0

    def start(self, msec: int) -> None:
        self.interval_ms = msec
        self.active = True
        self.starts += 1

    def stop(self) -> None:
        self.active = False

    def isActive(self) -> bool:
        return self.active

    def fire(self) -> None:
        assert self.active, "firing a timer that is not running"
        self.active = False
        self.timeout.emit()


class TimerRecorder:
    def __init__(self) -> None:
        self.timers: list[FakeTimer] = []

    def __call__(self, parent: QObject) -> FakeTimer:
        timer = FakeTimer(parent)
        self.timers.append(timer)
        return timer


ConsoleFactory = Callable[..., Console]


def flush_deletions() -> None:
    """Run the pending ``deleteLater()`` now. Outside an event loop ``processEvents`` leaves
    them queued, and every widget left alive is re-polished by each later
    ``QApplication.setStyleSheet`` (one per console made): tests/ui became quadratic."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
