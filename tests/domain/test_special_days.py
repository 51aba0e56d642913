"""Special days that span years: kept as ranges, never expanded day by day.

A file with one special day from ``0001-01-01`` to ``9999-12-31`` is valid; the engine once
built an entry for each of its 3.65 million days (2.5 GB and 10 s for ``canales status``).
"""

from __future__ import annotations

import datetime as dt
import tracemalloc
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from test_engine_properties import WEEKDAYS, Doc, engine_for, fake_source, make_doc

from app.domain.availability import Availability, AvailabilityEngine, State
from app.domain.calendar import HolidayCalendar
from app.domain.document import config_from_document
from app.domain.special_days import SpecialDays, SpecialRange
from app.domain.week import week_plan

BOG = ZoneInfo("America/Bogota")
OFFICE: Doc = {d: [{"start": "09:00", "end": "17:00"}] for d in WEEKDAYS[:5]}
ALWAYS = {"date": "0001-01-01", "until": "9999-12-31", "channels": ["c"]}
MEGABYTE = 1 << 20


def peak_memory(doc: Doc, instants: list[dt.datetime]) -> tuple[list[Availability], int]:
    """Channel ``c`` at each instant, and the peak memory that building the engine and asking
    took (the configuration is validated beforehand: pydantic's first validation alone
    allocates megabytes)."""
    config = config_from_document(doc)
    calendar = HolidayCalendar("CO", "es", fake_source({}))
    tracemalloc.start()
    try:
        engine = AvailabilityEngine(config, calendar)
        answers = [engine.channel("c", at) for at in instants]
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return answers, peak


def bog(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=BOG)


def test_special_day_over_all_of_time_takes_little_memory_and_is_obeyed() -> None:
    closed = {**ALWAYS, "name": "Cerrado para siempre", "closed": True}
    doc = make_doc("America/Bogota", OFFICE, True, [closed], 15)
    instants = [bog(1, 1, 2, 10), bog(2026, 12, 7, 10), bog(5000, 6, 1), bog(9998, 12, 26)]
    answers, peak = peak_memory(doc, instants)
    assert peak < MEGABYTE / 4, f"{peak / MEGABYTE:.1f} MB"
    engine = engine_for(doc, {})
    plan = week_plan(engine, bog(2026, 12, 7, 10))
    for got in answers:
        assert (got.state, got.next_change, got.reason) == (
            State.CLOSED,
            None,
            "Cerrado para siempre",
        )
    assert plan.row("c").periods == ()
    assert plan.row("c").reasons == ("Cerrado para siempre",) * 7
    assert len(engine.timetable("c").special) == 1  # one run of days, not 3.65 million


def test_a_short_special_day_listed_after_a_long_one_wins_on_its_days() -> None:
    closed = {**ALWAYS, "name": "Cerrado", "closed": True}
    opened = {
        "name": "Jornada de Nochebuena",
        "date": "2026-12-24",
        "channels": ["c"],
        "closed": False,
        "hours": [{"start": "08:00", "end": "12:00"}],
    }
    engine = engine_for(make_doc("America/Bogota", OFFICE, False, [closed, opened], 15), {})
    before = engine.channel("c", bog(2026, 12, 23, 10))
    assert (before.state, before.next_change, before.reason) == (
        State.CLOSED,
        bog(2026, 12, 24, 8),
        "Cerrado",
    )
    during = engine.channel("c", bog(2026, 12, 24, 11, 50))
    assert (during.state, during.next_change, during.closing_soon, during.reason) == (
        State.OPEN,
        bog(2026, 12, 24, 12),
        True,
        "Jornada de Nochebuena",
    )
    after = engine.channel("c", bog(2026, 12, 24, 12))
    assert (after.state, after.next_change) == (State.CLOSED, None)
    assert len(engine.timetable("c").special) == 3  # before, the day itself, after


def test_special_hours_over_a_thousand_years() -> None:
    special = {
        "name": "Horario del milenio",
        "date": "2000-01-01",
        "until": "2999-12-31",
        "channels": ["c"],
        "closed": False,
        "hours": [{"start": "10:00", "end": "11:00"}],
    }
    doc = make_doc("America/Bogota", OFFICE, False, [special], 15)
    (got, last), peak = peak_memory(doc, [bog(2500, 6, 1, 9), bog(2999, 12, 31, 12)])
    assert peak < MEGABYTE / 4, f"{peak / MEGABYTE:.1f} MB"
    assert (got.state, got.next_change, got.reason) == (
        State.CLOSED,
        bog(2500, 6, 1, 10),
        "Horario del milenio",
    )
    # the first day after the range is a Wednesday: the week's 09:00 is back
    assert dt.date(3000, 1, 1).weekday() == 2
    assert last.next_change == bog(3000, 1, 1, 9)


ranges = st.lists(st.tuples(st.integers(1, 60), st.integers(0, 20), st.integers(0, 9)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(ranges=ranges)
def test_lookup_is_the_last_listed_range_covering_the_day(
    ranges: list[tuple[int, int, int]],
) -> None:
    items = [SpecialRange(first, first + length, plan) for first, length, plan in ranges]
    days = SpecialDays(items)
    assert len(days) <= 2 * len(items)
    for ordinal in range(0, 83):
        covering = [r.plan for r in items if r.first <= ordinal <= r.last]
        assert days.get(ordinal) == (covering[-1] if covering else None), ordinal
