"""The live board in a centre zone with daylight-saving time, under the fake clock and timers.

DESIGN: "a timer is never armed for an instant at or before now". The engine once put the next
change of the repeated autumn hour in the past, and the board re-armed a 0 ms timer for it
12,251 times a second; the board now guards that itself too.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ui_fakes import FakeClock, FakeTimer, TimerRecorder

from app.domain.availability import AvailabilityEngine, Snapshot
from app.domain.calendar import HolidayCalendar
from app.domain.document import config_from_document
from app.ui.clock import is_after, ms_until
from app.ui.live import LiveBoard

NY = ZoneInfo("America/New_York")
UTC = dt.UTC
FALL_BACK = dt.datetime(2026, 11, 1, 6, tzinfo=UTC)  # 02:00 EDT -> 01:00 EST
MINUTE = dt.timedelta(minutes=1)
SECOND = dt.timedelta(seconds=1)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def ny_engine(start: str, end: str) -> AvailabilityEngine:
    """One channel open ``start``-``end`` every day in New York, no holidays."""
    doc = {
        "schema_version": 2,
        "organisation": {"name": "Prueba"},
        "timezone": "America/New_York",
        "holiday_country": "CO",
        "closing_soon_minutes": 15,
        "request_types": [{"id": "all", "name": "Todas"}],
        "schedules": [
            {
                "id": "s",
                "name": "S",
                "closed_on_holidays": False,
                "week": {d: [{"start": start, "end": end}] for d in DAYS},
            }
        ],
        "channels": [
            {"id": "c", "name": "C", "kind": "phone", "request_types": ["all"], "schedule": "s"}
        ],
    }
    return AvailabilityEngine(config_from_document(doc), HolidayCalendar("CO", "es", _no_holidays))


def _no_holidays(country: str, language: str, year: int) -> dict[dt.date, str]:
    return {}


def board_at(
    engine: AvailabilityEngine, now: dt.datetime
) -> tuple[LiveBoard, FakeClock, FakeTimer, FakeTimer, list[Snapshot]]:
    clock = FakeClock(now)
    timers = TimerRecorder()
    board = LiveBoard(engine, clock, timers)
    seen: list[Snapshot] = []
    board.snapshot_changed.connect(seen.append)
    board.start()
    second, transition = timers.timers
    return board, clock, second, transition, seen


def test_ms_until_and_is_after_count_absolute_time_within_one_zone() -> None:
    first_pass = dt.datetime(2026, 11, 1, 1, 50, tzinfo=NY)  # EDT
    second_pass = dt.datetime(2026, 11, 1, 1, 10, fold=1, tzinfo=NY)  # EST, 20 minutes later
    assert ms_until(first_pass, second_pass) == 20 * 60 * 1000
    assert is_after(second_pass, first_pass)
    assert not is_after(first_pass, second_pass)


def test_started_in_the_repeated_hour_the_board_waits_for_the_real_next_change(qapp) -> None:
    # closes at 01:30 EDT; started at 01:20 EST, when it has been closed for 50 minutes
    engine = ny_engine("00:00", "01:30")
    start = FALL_BACK + 20 * MINUTE
    board, clock, _second, transition, seen = board_at(engine, start.astimezone(NY))
    assert board.next_update is not None and is_after(board.next_update, clock.now())
    assert transition.active
    assert board.snapshot.channels[0][1].state == "closed"
    # the next thing to happen is Monday 00:00 EST, when it opens
    assert transition.interval_ms == ms_until(start, dt.datetime(2026, 11, 2, 5, tzinfo=UTC))
    assert len(seen) == 1


def test_walking_on_from_the_repeated_hour_arms_only_future_timers(qapp) -> None:
    # open 01:30 EDT to 02:30 EST: two real hours across the change; started at 01:05 EST,
    # when it has been open since 01:30 EDT
    engine = ny_engine("01:30", "02:30")
    board, clock, _second, transition, seen = board_at(engine, FALL_BACK + 5 * MINUTE)
    assert board.snapshot.channels[0][1].state == "open"
    fired_at = []
    while clock.now() < FALL_BACK + 3 * dt.timedelta(hours=1):
        assert transition.active
        assert transition.interval_ms is not None and transition.interval_ms > 0
        assert board.next_update is not None and is_after(board.next_update, clock.now())
        clock.moment = clock.now() + dt.timedelta(milliseconds=transition.interval_ms)
        transition.fire()
        fired_at.append(clock.now())
    # closing soon at 02:15 EST, closed at 02:30 EST, then Monday 00:00 EST (a new day)
    assert fired_at == [
        FALL_BACK + 75 * MINUTE,
        FALL_BACK + 90 * MINUTE,
        dt.datetime(2026, 11, 2, 5, tzinfo=UTC),
    ]
    assert len(seen) == 1 + len(fired_at)


class DueEngine(AvailabilityEngine):
    """An engine whose next update is never after now (the failure the board must survive)."""

    lag = dt.timedelta(0)

    def next_update(self, at: dt.datetime) -> dt.datetime | None:
        return at - self.lag


def test_an_update_already_due_is_left_to_the_one_second_tick(qapp) -> None:
    source = ny_engine("00:00", "01:30")
    for lag in (dt.timedelta(0), dt.timedelta(hours=1)):
        engine = DueEngine(source.config, source.calendar)
        engine.lag = lag
        _board, clock, second, transition, seen = board_at(engine, FALL_BACK)
        assert not transition.active  # never armed for now or before
        for _ in range(3):
            assert second.interval_ms == 1000
            clock.moment = clock.now() + SECOND
            second.fire()
            assert not transition.active
        assert len(seen) == 4  # once at start, then at most once a second


def test_a_zone_local_clock_ticking_over_the_fall_back_is_not_a_jump(qapp) -> None:
    engine = ny_engine("09:00", "10:00")
    start = (FALL_BACK - 2 * SECOND).astimezone(NY)
    _board, clock, second, _transition, seen = board_at(engine, start)
    for n in range(1, 5):  # 01:59:59 EDT, 01:00:00 EST, 01:00:01 EST, 01:00:02 EST
        clock.moment = (FALL_BACK + (n - 2) * SECOND).astimezone(NY)
        second.fire()
        assert second.interval_ms == 1000
    assert clock.now().fold == 1
    assert len(seen) == 1  # nothing changed, so nothing was re-evaluated
