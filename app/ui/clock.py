"""The one place the GUI reads the wall clock, and the timers that follow it.

Widgets never call ``datetime.now()`` or build their own ``QTimer``: they are given a
:class:`Clock` and a timer factory, so tests can walk time with a fake clock and fire fake
timers deterministically (the qutebrowser ``FakeTimer`` pattern).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """An aware instant (UTC is fine: the domain converts to the centre's zone)."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


TimerFactory = Callable[[QObject], QTimer]
"""Makes a single-shot timer; tests pass one that makes fakes they fire by hand."""


def precise_single_shot(parent: QObject) -> QTimer:
    """Transitions must land on the second, so no coarse-timer slack."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    return timer


def ms_until(now: dt.datetime, moment: dt.datetime) -> int:
    """Milliseconds from ``now`` to ``moment`` in absolute time, rounded up, never negative.

    Both go through UTC: two datetimes in the same zone subtract as wall-clock times, which is
    an hour off across a daylight-saving change.
    """
    delta = (moment.astimezone(dt.UTC) - now.astimezone(dt.UTC)).total_seconds() * 1000
    return max(0, int(-(-delta // 1)))


def is_after(moment: dt.datetime, now: dt.datetime) -> bool:
    """``moment`` strictly after ``now``, in absolute time (see :func:`ms_until`)."""
    return moment.astimezone(dt.UTC) > now.astimezone(dt.UTC)
