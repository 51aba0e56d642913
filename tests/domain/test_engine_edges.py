"""The engine at the ends of representable time: no OverflowError, no traceback.

Instants whose date on the centre's clock is from ``FIRST_FULL_DATE`` to ``LAST_FULL_DATE`` are
answered in full (``canales status --at`` accepts exactly those); closer to year 1 or 9999 the
engine still answers without raising, knowing no day before ``date.min`` and reporting no change
it could not represent; ``checked`` tells the two apart.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_engine_properties import WEEKDAYS, engine_for, interval_doc, make_doc, week_strategy

from app.domain.availability import FIRST_FULL_DATE, LAST_FULL_DATE, State
from app.domain.wall_clock import OutOfRange
from app.domain.week import week_plan

ZONES = (
    "America/Bogota",
    "UTC",
    "Asia/Tokyo",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "America/New_York",
    "Europe/Madrid",
    "America/Santiago",
)
UTC = dt.UTC


def doc_for(zone: str, week: dict[str, list[tuple[int, int]]]) -> dict:
    hours = {d: [interval_doc(s, e) for s, e in ivs] for d, ivs in week.items()}
    return make_doc(zone, hours, True, [], 15)


@settings(max_examples=150, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    week=week_strategy(),
    day=st.one_of(
        st.integers(0, 3).map(lambda n: FIRST_FULL_DATE + dt.timedelta(days=n)),
        st.integers(0, 3).map(lambda n: LAST_FULL_DATE - dt.timedelta(days=n)),
    ),
    second=st.integers(0, 86_399),
)
def test_every_question_near_the_ends_of_the_full_range_is_answered(
    zone: str, week: dict[str, list[tuple[int, int]]], day: dt.date, second: int
) -> None:
    engine = engine_for(doc_for(zone, week), {})
    at = dt.datetime.combine(day, dt.time(), ZoneInfo(zone)) + dt.timedelta(seconds=second)
    assert engine.checked(at).astimezone(UTC) == at.astimezone(UTC)
    snapshot = engine.snapshot(at)
    for _channel, got in snapshot.channels:
        assert got.state in (State.OPEN, State.CLOSED)
        if got.next_change is not None:
            assert got.next_change.astimezone(UTC) > at
    update = engine.next_update(at)
    assert update is not None and update.astimezone(UTC) > at
    engine.recommend("all", at)
    engine.next_opening("all", at)
    plan = week_plan(engine, at)
    assert len(plan.days) == 7


@pytest.mark.parametrize("zone", ZONES)
def test_the_last_day_answered_in_full_still_finds_the_next_opening(zone: str) -> None:
    week = {d: [] for d in WEEKDAYS}
    week["mon"] = [{"start": "09:00", "end": "10:00"}]
    engine = engine_for(make_doc(zone, week, False, [], 15), {})
    at = dt.datetime.combine(LAST_FULL_DATE, dt.time(12), ZoneInfo(zone))
    got = engine.channel("c", at)
    assert got.state is State.CLOSED
    assert got.next_change is not None
    assert got.next_change.weekday() == 0 and got.next_change.time() == dt.time(9)
    assert dt.timedelta(0) < got.next_change.astimezone(UTC) - at <= dt.timedelta(days=7)


@pytest.mark.parametrize(
    "at",
    [
        dt.datetime(1, 1, 1, tzinfo=ZoneInfo("America/Bogota")),
        dt.datetime(1, 1, 1, 23, 59, tzinfo=ZoneInfo("America/Bogota")),
        dt.datetime(9999, 12, 31, 18, 59, 59, tzinfo=ZoneInfo("America/Bogota")),
        dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
    ],
    ids=["date.min", "first day", "last Bogota second in UTC", "date.max in UTC"],
)
def test_outside_the_full_range_answers_without_raising_but_is_not_checked(
    at: dt.datetime,
) -> None:
    week = {d: [{"start": "22:00", "end": "02:00"}] for d in WEEKDAYS}
    engine = engine_for(make_doc("America/Bogota", week, True, [], 15), {})
    snapshot = engine.snapshot(at)
    for _channel, got in snapshot.channels:
        if got.next_change is not None:
            assert got.next_change.astimezone(UTC) > at
    engine.next_update(at)
    with pytest.raises(OutOfRange):
        engine.checked(at)


@pytest.mark.parametrize(
    ("at", "zone"),
    [
        (dt.datetime(1, 1, 1, tzinfo=UTC), "America/Bogota"),  # year 0 in Bogotá
        (dt.datetime(9999, 12, 31, 23, tzinfo=ZoneInfo("America/Bogota")), "UTC"),  # year 10000
        (dt.datetime(1, 1, 1, 5, tzinfo=ZoneInfo("Asia/Tokyo")), "Asia/Tokyo"),  # UTC year 0
    ],
)
def test_an_instant_that_cannot_be_represented_is_out_of_range(at: dt.datetime, zone: str) -> None:
    engine = engine_for(make_doc(zone, {d: [] for d in WEEKDAYS}, False, [], 15), {})
    with pytest.raises(OutOfRange):
        engine.local(at)
    with pytest.raises(OutOfRange):
        engine.snapshot(at)
