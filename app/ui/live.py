"""Drives the console from the clock: a 1 Hz tick for the clock label, a single-shot timer for
the next state change, and re-evaluation from the wall clock after any jump.

Nothing accumulates intervals: every tick reads the clock afresh, so suspend/resume, NTP steps
and daylight-saving changes on the agent's machine are all just "a different now". Instants
are compared in UTC, and the transition timer is only ever armed for an instant after now: an
update that is already due (or none at all) is left to the 1 Hz tick, so the board cannot spin.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from app.domain.availability import AvailabilityEngine, Snapshot
from app.ui.clock import Clock, TimerFactory, is_after, ms_until

JUMP_TOLERANCE = dt.timedelta(seconds=2)


class LiveBoard(QObject):
    """Publishes a new :class:`Snapshot` exactly when something visible changes."""

    snapshot_changed = Signal(object)  # Snapshot
    ticked = Signal(object)  # aware datetime, once per wall-clock second

    def __init__(
        self,
        engine: AvailabilityEngine,
        clock: Clock,
        make_timer: TimerFactory,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._clock = clock
        self._second = make_timer(self)
        self._transition = make_timer(self)
        self._second.timeout.connect(self._on_second)
        self._transition.timeout.connect(self._on_transition)
        self._snapshot: Snapshot | None = None
        self._next_update: dt.datetime | None = None
        self._expected_tick: dt.datetime | None = None

    @property
    def engine(self) -> AvailabilityEngine:
        return self._engine

    @property
    def snapshot(self) -> Snapshot:
        if self._snapshot is None:
            self.refresh()
        assert self._snapshot is not None
        return self._snapshot

    def now(self) -> dt.datetime:
        """The clock's reading (what a reply or a countdown is worded for)."""
        return self._clock.now()

    @property
    def next_update(self) -> dt.datetime | None:
        return self._next_update

    def start(self) -> None:
        self.refresh()
        self._arm_second(self._clock.now())

    def stop(self) -> None:
        self._second.stop()
        self._transition.stop()

    def set_engine(self, engine: AvailabilityEngine) -> None:
        """A new configuration: re-evaluated at once, but not announced — the views for the
        old configuration cannot show it; the caller rebuilds them from :attr:`snapshot`."""
        self._engine = engine
        self.refresh(announce=False)

    def refresh(self, *, announce: bool = True) -> None:
        now = self._clock.now()
        self._snapshot = self._engine.snapshot(now)
        self._next_update = self._engine.next_update(now)
        self._arm_transition(now)
        if announce:
            self.snapshot_changed.emit(self._snapshot)

    def _arm_transition(self, now: dt.datetime) -> None:
        """For the next update if it lies after ``now``; otherwise the 1 Hz tick handles it."""
        self._transition.stop()
        if self._next_update is not None and is_after(self._next_update, now):
            self._transition.start(max(1, ms_until(now, self._next_update)))

    def _on_transition(self) -> None:
        now = self._clock.now()
        if self._next_update is not None and is_after(self._next_update, now):
            # fired early (timer slack) or the clock went back: wait for the real moment
            self._arm_transition(now)
            return
        self.refresh()

    def _on_second(self) -> None:
        now = self._clock.now()
        expected = self._expected_tick  # in UTC
        jumped = expected is not None and abs(now.astimezone(dt.UTC) - expected) > JUMP_TOLERANCE
        due = self._next_update is not None and not is_after(self._next_update, now)
        if jumped or due:
            self.refresh()
        self.ticked.emit(now)
        self._arm_second(now)

    def _arm_second(self, now: dt.datetime) -> None:
        """Aligned to the second so the clock label never skips or repeats."""
        next_second = now.astimezone(dt.UTC).replace(microsecond=0) + dt.timedelta(seconds=1)
        self._expected_tick = next_second
        self._second.start(ms_until(now, next_second))
