"""The window's open spans by weekly template: exactly the engine's own day-by-day timetables
(``Timetable.open_spans``), united, for any schedules, holidays and special days, the day
before the window included."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.availability import AvailabilityEngine, Span, merge_spans
from app.domain.calendar import HolidayCalendar
from app.domain.coverage import complement, coverage
from app.domain.coverage_spans import WEEK, WindowSpans, split_days, union, week_spans
from app.domain.document import config_from_document
from app.domain.wall_clock import DAY

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
H = 3600
#: near Colombian holidays: San José (Mon 23 Mar 2026), Christmas and New Year, Reyes (12 Jan)
FIRSTS = (dt.date(2026, 3, 16), dt.date(2026, 12, 20), dt.date(2027, 1, 1))
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def interval(draw: st.DrawFn) -> dict[str, str]:
    start = draw(st.integers(0, 95)) * 15
    end = start + draw(st.integers(1, 95 if start else 96)) * 15  # 00:00-24:00 the longest
    return {"start": clock(start), "end": "24:00" if end == 1440 else clock(end % 1440)}


@st.composite
def cases(draw: st.DrawFn) -> tuple[dict[str, Any], int, int]:
    first = draw(st.sampled_from(FIRSTS)) + dt.timedelta(days=draw(st.integers(0, 6)))
    days = draw(st.integers(1, 30))
    schedules = [
        {
            "id": f"s{i}",
            "name": f"S{i}",
            "closed_on_holidays": draw(st.booleans()),
            "week": {d: draw(st.lists(interval(), max_size=2)) for d in WEEKDAYS},
        }
        for i in range(draw(st.integers(1, 4)))
    ]
    ids = [f"c{i}" for i in range(draw(st.integers(1, 6)))]
    specials = []
    for i in range(draw(st.integers(0, 3))):
        # from two days before the window to the day after it: the day before counts
        date = first + dt.timedelta(days=draw(st.integers(-2, days)))
        closed = draw(st.booleans())
        specials.append(
            {
                "name": f"Especial {i}",
                "date": date.isoformat(),
                "until": (date + dt.timedelta(days=draw(st.integers(0, 3)))).isoformat(),
                "channels": draw(st.lists(st.sampled_from(ids), min_size=1, unique=True)),
                "closed": closed,
                "hours": [] if closed else draw(st.lists(interval(), min_size=1, max_size=2)),
            }
        )
    document = {
        "schema_version": 2,
        "organisation": {"name": "Prueba"},
        "timezone": "America/Bogota",
        "holiday_country": "CO",
        "request_types": [{"id": "a", "name": "A"}],
        "schedules": schedules,
        "special_days": specials,
        "channels": [
            {
                "id": cid,
                "name": cid.upper(),
                "kind": "phone",
                "request_types": ["a"],
                "schedule": f"s{draw(st.integers(0, len(schedules) - 1))}",
            }
            for cid in ids
        ],
    }
    return document, first.toordinal(), first.toordinal() + days - 1


def marked_days(engine: AvailabilityEngine, first: int, last: int) -> set[int]:
    """Every day from the one before the window on whose date a holiday or special day falls."""
    days = {o for o in range(first - 1, last + 1) if engine.calendar.name_on_ordinal(o)}
    for special in engine.config.special_days:
        until = special.until or special.date
        days |= set(range(special.date.toordinal(), until.toordinal() + 1))
    return days


@PROPERTY
@given(cases(), st.data())
def test_the_window_is_the_engines_timetables_united(
    co_calendar: HolidayCalendar, case: tuple[dict[str, Any], int, int], data: st.DataObject
) -> None:
    document, first, last = case
    engine = AvailabilityEngine(config_from_document(document), co_calendar)
    timetables = {c.id: engine.timetable(c.id) for c in engine.config.channels}
    spans = WindowSpans(timetables, first, last, marked_days(engine, first, last))
    keys = data.draw(st.lists(st.sampled_from(sorted(timetables)), unique=True))
    expected: list[Span] = []
    for key in keys:
        expected.extend(timetables[key].open_spans(first, last))
    assert spans.window(keys) == merge_spans(expected)
    assert spans.week(keys) == merge_spans([s for k in keys for s in week_spans(timetables[k])])


@PROPERTY
@given(cases())
def test_coverage_gaps_are_the_complement_of_the_engines_timetables(
    co_calendar: HolidayCalendar, case: tuple[dict[str, Any], int, int]
) -> None:
    """End to end, with the report's own choice of the days to read one by one (Bogotá has
    no DST, so every wall second happens)."""
    document, first, last = case
    engine = AvailabilityEngine(config_from_document(document), co_calendar)
    start = dt.datetime.combine(dt.date.fromordinal(first), dt.time(9), ZoneInfo("America/Bogota"))
    report = coverage(engine, start, last - first + 1)
    open_spans = merge_spans(
        [s for c in engine.config.channels for s in engine.timetable(c.id).open_spans(first, last)]
    )
    assert [g.wall for g in report.of("a").gaps] == complement(
        open_spans, first * DAY, (last + 1) * DAY
    )


def test_a_special_day_before_the_window_reaches_into_its_first_day(
    default_document: dict[str, Any], co_calendar: HolidayCalendar
) -> None:
    """The day before the window is marked: its evening, not the weekly one, runs on."""
    document = dict(default_document)
    document["special_days"] = [
        {
            "name": "Cierre de inventario",
            "date": "2026-12-04",  # Friday: open 22:00 to 3:00 instead of 7:00-19:00
            "channels": ["email"],
            "closed": False,
            "hours": [{"start": "22:00", "end": "03:00"}],
        }
    ]
    engine = AvailabilityEngine(config_from_document(document), co_calendar)
    saturday = dt.date(2026, 12, 5).toordinal()
    email = {"email": engine.timetable("email")}
    spans = WindowSpans(email, saturday, saturday, marked_days(engine, saturday, saturday))
    assert saturday in spans.exceptions
    base = saturday * DAY
    assert spans.window(["email"]) == ((base, base + 3 * H), (base + 8 * H, base + 13 * H))


def test_a_holiday_closes_only_its_own_intervals(
    default_document: dict[str, Any], co_calendar: HolidayCalendar
) -> None:
    """Monday 7 Dec 22:00 to Tuesday 2:00 still runs on the holiday Tuesday 8 Dec; Tuesday's
    own hours do not, and Wednesday's morning has no night before it."""
    document = dict(default_document)
    schedules = [dict(s) for s in document["schedules"]]
    schedules[0] = {
        **schedules[0],
        "week": {d: [{"start": "22:00", "end": "02:00"}] for d in WEEKDAYS},
    }
    document["schedules"] = schedules
    engine = AvailabilityEngine(config_from_document(document), co_calendar)
    channel = next(c.id for c in engine.config.channels if c.schedule == schedules[0]["id"])
    monday = dt.date(2026, 12, 7).toordinal()
    spans = WindowSpans({channel: engine.timetable(channel)}, monday, monday + 2, {monday + 1})
    assert spans.exceptions == (monday + 1, monday + 2)
    base = monday * DAY
    assert spans.window([channel]) == (
        (base, base + 2 * H),  # Sunday's night runs into the window
        (base + 22 * H, base + DAY + 2 * H),  # Monday's night into the holiday
        (base + 2 * DAY + 22 * H, base + 3 * DAY),  # Wednesday's, clipped at the window's end
    )


def test_union_and_split_days() -> None:
    assert union([]) == ()
    week = ((0, 2 * H), (5 * H, 9 * H))
    assert union([week, week]) is week  # equal hours count once
    assert union([((0, H),), ((H, 2 * H), (3 * H, 4 * H))]) == ((0, 2 * H), (3 * H, 4 * H))
    days = split_days(((DAY - H, DAY + H), (6 * DAY + 22 * H, WEEK)))
    assert days[0] == ((DAY - H, DAY),)
    assert days[1] == ((0, H),)
    assert days[6] == ((22 * H, DAY),)
