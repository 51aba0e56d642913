"""Coverage gaps: hand-computed tables for the default configuration, edge cases, and properties
checked against the engine's own state at random instants (in DST zones too)."""

from __future__ import annotations

import copy
import datetime as dt
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.availability import AvailabilityEngine, State
from app.domain.calendar import HolidayCalendar
from app.domain.coverage import MAX_DAYS, Coverage, Gap, Reason, coverage
from app.domain.document import config_from_document
from app.domain.wall_clock import OutOfRange

BOG = ZoneInfo("America/Bogota")
SATURDAY = dt.date(2026, 12, 5)  # Tuesday 2026-12-08 is La Inmaculada Concepción
HOLIDAY = Reason("holiday", dt.date(2026, 12, 8), "La Inmaculada Concepción")


def at(day: int, hour: int = 0, minute: int = 0, zone: ZoneInfo = BOG) -> dt.datetime:
    """``day`` days after Saturday 2026-12-05, on the centre's clock."""
    return dt.datetime.combine(SATURDAY + dt.timedelta(days=day), dt.time(hour, minute), zone)


def spans(gaps: tuple[Gap, ...]) -> list[tuple[dt.datetime, dt.datetime]]:
    return [(g.start, g.end) for g in gaps]


@pytest.fixture(scope="module")
def report(engine: AvailabilityEngine) -> Coverage:
    # an afternoon instant in UTC: the window is whole days from the centre's date
    return coverage(engine, dt.datetime(2026, 12, 5, 20, 30, tzinfo=dt.UTC))


# --- the default configuration, by hand ---------------------------------------------------------

#: business hours Mon-Fri 7-19, Sat 8-13, closed on holidays; Sat 5 Dec to Fri 18 Dec 2026
ALL_GAPS = [
    (at(0), at(0, 8)),  # Saturday before opening
    (at(0, 13), at(2, 7)),  # Saturday afternoon to Monday
    (at(2, 19), at(4, 7)),  # Monday night, the holiday Tuesday, to Wednesday
    (at(4, 19), at(5, 7)),
    (at(5, 19), at(6, 7)),
    (at(6, 19), at(7, 8)),  # Friday night to Saturday 8:00
    (at(7, 13), at(9, 7)),
    (at(9, 19), at(10, 7)),
    (at(10, 19), at(11, 7)),
    (at(11, 19), at(12, 7)),
    (at(12, 19), at(13, 7)),
    (at(13, 19), at(14)),  # Friday night, clipped at the window's end
]

#: PQRSA hours Mon-Fri 7-17, closed on holidays; the other channels open 17-19 and Sat 8-13
PQRSA_GAPS = [
    (at(0), at(2, 7), [(at(0, 8), at(0, 13))]),
    (at(2, 17), at(4, 7), [(at(2, 17), at(2, 19))]),
    (at(4, 17), at(5, 7), [(at(4, 17), at(4, 19))]),
    (at(5, 17), at(6, 7), [(at(5, 17), at(5, 19))]),
    (at(6, 17), at(9, 7), [(at(6, 17), at(6, 19)), (at(7, 8), at(7, 13))]),
    (at(9, 17), at(10, 7), [(at(9, 17), at(9, 19))]),
    (at(10, 17), at(11, 7), [(at(10, 17), at(10, 19))]),
    (at(11, 17), at(12, 7), [(at(11, 17), at(11, 19))]),
    (at(12, 17), at(13, 7), [(at(12, 17), at(12, 19))]),
    (at(13, 17), at(14), [(at(13, 17), at(13, 19))]),
]


def test_window_is_fourteen_whole_days_on_the_centres_clock(report: Coverage) -> None:
    assert (report.start, report.end, report.days) == (at(0), at(14), 14)
    assert report.start.utcoffset() == dt.timedelta(hours=-5)
    assert [m.date for m in report.marks] == [SATURDAY + dt.timedelta(d) for d in range(14)]
    assert [(m.date.day, m.holiday) for m in report.marks if m.holiday] == [
        (8, "La Inmaculada Concepción")
    ]
    assert [t.request_type.id for t in report.types] == ["all", "priority-1", "pqrsa"]


def test_all_requests_table(report: Coverage) -> None:
    all_ = report.of("all")
    assert all_.channels == ("phone-main", "email", "chat")
    assert spans(all_.gaps) == ALL_GAPS
    assert all_.gaps_with_fallback == all_.gaps  # no fallback: the same gaps
    # the 24/7 line is a fallback only: nothing "ordinary" is open in these gaps
    assert all(g.others_open == () for g in all_.gaps)
    assert [g.reasons for g in all_.gaps if g.reasons] == [(HOLIDAY,)]
    assert all_.gaps[2].reasons == (HOLIDAY,)


def test_priority_one_is_covered_only_with_its_fallback(report: Coverage) -> None:
    p1 = report.of("priority-1")
    assert p1.channels == ("phone-main",)  # the fallback line is not one of "its channels"
    assert p1.fallback == "phone-critical"
    assert spans(p1.gaps) == ALL_GAPS
    assert p1.gaps_with_fallback == ()


def test_pqrsa_table_with_the_saturday_gap(report: Coverage) -> None:
    pqrsa = report.of("pqrsa")
    assert [(g.start, g.end, [(p.start, p.end) for p in g.others_open]) for g in pqrsa.gaps] == (
        PQRSA_GAPS
    )
    # the Saturday morning: PQRSA has no open channel while the general channels attend
    saturday = pqrsa.gaps[0].others_open[0]
    assert (saturday.start, saturday.end) == (at(0, 8), at(0, 13))
    assert pqrsa.gaps[1].reasons == (HOLIDAY,)


def test_wall_spans_are_the_gaps_on_the_centres_clock(report: Coverage) -> None:
    first = report.of("pqrsa").gaps[0]
    base = SATURDAY.toordinal() * 86_400
    assert first.wall == (base, base + 2 * 86_400 + 7 * 3600)
    assert first.others_open[0].wall == (base + 8 * 3600, base + 13 * 3600)


def test_days_choose_the_window(engine: AvailabilityEngine) -> None:
    one = coverage(engine, at(3, 12), days=1)  # the holiday alone
    assert spans(one.of("all").gaps) == [(at(3), at(4))]
    assert one.of("all").gaps[0].reasons == (HOLIDAY,)
    assert spans(one.of("pqrsa").gaps) == [(at(3), at(4))]
    assert one.of("priority-1").gaps_with_fallback == ()
    ninety = coverage(engine, at(0), days=90)
    assert ninety.end == at(90)
    christmas = [g for g in ninety.of("all").gaps if g.start.date() == dt.date(2026, 12, 24)]
    assert [(g.start, g.end) for g in christmas] == [(at(19, 19), at(21, 8))]  # Sat 8:00
    assert christmas[0].reasons == (Reason("holiday", dt.date(2026, 12, 25), "Navidad"),)


@pytest.mark.parametrize("days", [0, -1, MAX_DAYS + 1])
def test_days_outside_the_bounds_are_refused(engine: AvailabilityEngine, days: int) -> None:
    with pytest.raises(ValueError, match="days"):
        coverage(engine, at(0), days=days)


def test_a_window_past_representable_time_is_out_of_range(engine: AvailabilityEngine) -> None:
    with pytest.raises(OutOfRange):
        coverage(engine, dt.datetime(9999, 12, 20, tzinfo=dt.UTC), days=30)


# --- variations of the default configuration -------------------------------------------------


def engine_for(document: dict[str, Any], calendar: HolidayCalendar) -> AvailabilityEngine:
    return AvailabilityEngine(config_from_document(document), calendar)


def test_a_special_day_opens_a_gap_and_names_itself(
    default_document: dict[str, Any], co_calendar: HolidayCalendar
) -> None:
    doc = copy.deepcopy(default_document)
    doc["special_days"] = [
        {
            "name": "Inventario",
            "date": "2026-12-10",
            "channels": ["phone-main", "email", "chat"],
            "closed": False,
            "hours": [{"start": "07:00", "end": "12:00"}],
        }
    ]
    report = coverage(engine_for(doc, co_calendar), at(0))
    gaps = spans(report.of("all").gaps)
    assert (at(5, 12), at(6, 7)) in gaps  # Thursday closes at 12:00 instead of 19:00
    thursday = next(g for g in report.of("all").gaps if g.start == at(5, 12))
    assert thursday.reasons == (Reason("special_day", dt.date(2026, 12, 10), "Inventario"),)
    assert report.marks[5].special == ("Inventario",)
    # PQRSA is open until 17:00 while the general channels are closed: not "others open"
    pqrsa = next(g for g in report.of("pqrsa").gaps if g.start == at(5, 17))
    assert pqrsa.others_open == ()


def test_a_request_type_no_channel_serves_is_one_gap(
    default_document: dict[str, Any], co_calendar: HolidayCalendar
) -> None:
    doc = copy.deepcopy(default_document)
    doc["request_types"].append({"id": "billing", "name": "Facturación", "fallback": "email"})
    report = coverage(engine_for(doc, co_calendar), at(0), days=3)
    billing = report.of("billing")
    assert billing.channels == ()
    assert spans(billing.gaps) == [(at(0), at(3))]
    assert billing.gaps[0].reasons[0] == Reason("no_channel", None, None)
    assert [(p.start, p.end) for p in billing.gaps[0].others_open] == [
        (at(0, 8), at(0, 13)),
        (at(2, 7), at(2, 19)),
    ]
    # its fallback (e-mail, which does not list it) covers business hours
    assert spans(billing.gaps_with_fallback) == [
        (at(0), at(0, 8)),
        (at(0, 13), at(2, 7)),
        (at(2, 19), at(3)),
    ]


def test_dst_zone_edges_are_real_instants(
    default_document: dict[str, Any], co_calendar: HolidayCalendar
) -> None:
    """New York, Sunday 8 March 2026: 2:00 jumps to 3:00. An hour 2:00-2:30 never happens,
    so the gaps around it are one; the chat's 1:00-3:00 lasts one real hour."""
    doc = copy.deepcopy(default_document)
    doc["timezone"] = "America/New_York"
    doc["schedules"][0]["week"]["sun"] = [
        {"start": "01:00", "end": "01:30"},
        {"start": "02:00", "end": "02:30"},
        {"start": "04:00", "end": "05:00"},
    ]
    ny = ZoneInfo("America/New_York")
    engine = engine_for(doc, co_calendar)
    report = coverage(engine, dt.datetime(2026, 3, 8, 12, tzinfo=ny), days=1)
    start = dt.datetime(2026, 3, 8, tzinfo=ny)
    expected = [
        (start, start.replace(hour=1)),
        (start.replace(hour=1, minute=30), start.replace(hour=4)),  # 2:00-2:30 never happens
        (start.replace(hour=5), dt.datetime(2026, 3, 9, tzinfo=ny)),
    ]
    got = report.of("all").gaps
    assert [(g.start, g.end) for g in got] == expected
    # 1:30 to 4:00 on the wall lasts an hour and a half; the day, 23 hours
    assert (got[1].end.astimezone(dt.UTC) - got[1].start.astimezone(dt.UTC)) == dt.timedelta(
        hours=1, minutes=30
    )
    assert report.end.astimezone(dt.UTC) - report.start.astimezone(dt.UTC) == dt.timedelta(hours=23)


def test_open_periods_agree_with_the_state(engine: AvailabilityEngine) -> None:
    periods = engine.open_periods("pqrsa", at(2, 9, 30), at(4, 8))
    assert periods == ((at(2, 9, 30), at(2, 17)), (at(4, 7), at(4, 8)))
    assert engine.open_periods("phone-critical", at(0), at(1)) == ((at(0), at(1)),)
    assert engine.open_periods("email", at(0, 14), at(0, 15)) == ()
    assert engine.open_periods("email", at(0, 9), at(0, 9)) == ()


# --- properties against the engine --------------------------------------------------------------

ZONES = ("America/Bogota", "America/New_York", "Europe/London", "Australia/Lord_Howe", "UTC")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: around the 2026 DST changes of those zones (March/April and October/November)
STARTS = (dt.date(2026, 3, 4), dt.date(2026, 3, 25), dt.date(2026, 10, 1), dt.date(2026, 10, 22))


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def interval(draw: st.DrawFn) -> dict[str, str]:
    start = draw(st.integers(0, 95)) * 15
    length = draw(st.integers(1, 95)) * 15
    end = start + length
    return {"start": clock(start), "end": "24:00" if end == 1440 else clock(end % 1440)}


@st.composite
def documents(draw: st.DrawFn) -> tuple[dict[str, Any], dt.date]:
    n_schedules = draw(st.integers(1, 3))
    schedules = [
        {
            "id": f"s{i}",
            "name": f"S{i}",
            "closed_on_holidays": draw(st.booleans()),
            "week": {d: draw(st.lists(interval(), max_size=2)) for d in WEEKDAYS},
        }
        for i in range(n_schedules)
    ]
    types = ["a", "b", "c"]
    n_channels = draw(st.integers(1, 5))
    channels = [
        {
            "id": f"c{i}",
            "name": f"C{i}",
            "kind": "phone",
            "request_types": draw(st.lists(st.sampled_from(types), min_size=1, unique=True)),
            "schedule": f"s{draw(st.integers(0, n_schedules - 1))}",
        }
        for i in range(n_channels)
    ]
    ids = [c["id"] for c in channels]
    first = draw(st.sampled_from(STARTS)) + dt.timedelta(days=draw(st.integers(0, 10)))
    specials = [
        {
            "name": f"Especial {i}",
            "date": (first + dt.timedelta(days=draw(st.integers(0, 8)))).isoformat(),
            "channels": draw(st.lists(st.sampled_from(ids), min_size=1, unique=True)),
            "closed": (closed := draw(st.booleans())),
            "hours": [] if closed else draw(st.lists(interval(), min_size=1, max_size=2)),
        }
        for i in range(draw(st.integers(0, 2)))
    ]
    document = {
        "schema_version": 2,
        "organisation": {"name": "Prueba"},
        "timezone": draw(st.sampled_from(ZONES)),
        "holiday_country": "CO",
        "request_types": [
            {"id": t, "name": t.upper(), "fallback": draw(st.none() | st.sampled_from(ids))}
            for t in types
        ],
        "schedules": schedules,
        "special_days": specials,
        "channels": channels,
    }
    return document, first


def in_parts(parts: tuple[Any, ...], t: dt.datetime) -> bool:
    u = t.astimezone(dt.UTC)
    return any(p.start.astimezone(dt.UTC) <= u < p.end.astimezone(dt.UTC) for p in parts)


def probes(report: Coverage, fractions: list[float]) -> list[dt.datetime]:
    """Random instants of the window, and every gap's first, last and next second."""
    lo, hi = report.start.astimezone(dt.UTC), report.end.astimezone(dt.UTC)
    instants = [lo + (hi - lo) * f for f in fractions]
    second = dt.timedelta(seconds=1)
    for t in report.types:
        for gap in (*t.gaps, *t.gaps_with_fallback):
            for p in (gap, *gap.others_open):
                instants += [p.start, p.end - second, p.end]
    return [i for i in instants if lo <= i.astimezone(dt.UTC) < hi]


@PROPERTY
@given(
    documents(),
    st.integers(1, 12),
    st.lists(st.floats(0, 1, exclude_max=True), min_size=5, max_size=20),
)
def test_a_gap_is_exactly_when_no_channel_serving_it_is_open(
    co_calendar: HolidayCalendar,
    case: tuple[dict[str, Any], dt.date],
    days: int,
    fractions: list[float],
) -> None:
    document, first = case
    engine = engine_for(document, co_calendar)
    config = engine.config
    zone = ZoneInfo(config.timezone)
    report = coverage(engine, dt.datetime.combine(first, dt.time(13, 7), zone), days)
    ordinary = {
        c.id
        for c in config.channels
        if any(r.id in c.request_types and c.id != r.fallback for r in config.request_types)
    }
    for moment in probes(report, fractions):
        is_open = {c.id: engine.channel(c.id, moment).state is State.OPEN for c in config.channels}
        for t in report.types:
            rtype = t.request_type
            serving = [c.id for c in config.channels if rtype.id in c.request_types]
            serving = [c for c in serving if c != rtype.fallback]
            assert list(t.channels) == serving
            none_open = not any(is_open[c] for c in serving)
            assert in_parts(t.gaps, moment) == none_open, (rtype.id, moment)
            with_fallback = none_open and not (rtype.fallback and is_open[rtype.fallback])
            assert in_parts(t.gaps_with_fallback, moment) == with_fallback, (rtype.id, moment)
            # where the recommendation has nothing to offer, and only there
            assert with_fallback == (engine.recommend(rtype.id, moment) == [])
            for gap in (*t.gaps, *t.gaps_with_fallback):
                if in_parts((gap,), moment):
                    others = any(is_open[c] for c in ordinary)
                    assert in_parts(gap.others_open, moment) == others, (rtype.id, moment)


@PROPERTY
@given(documents(), st.integers(1, 12))
def test_gaps_are_sorted_disjoint_non_empty_and_inside_the_window(
    co_calendar: HolidayCalendar, case: tuple[dict[str, Any], dt.date], days: int
) -> None:
    document, first = case
    engine = engine_for(document, co_calendar)
    report = coverage(engine, dt.datetime.combine(first, dt.time(), dt.UTC), days)
    lo, hi = report.start.astimezone(dt.UTC), report.end.astimezone(dt.UTC)
    for t in report.types:
        for gaps in (t.gaps, t.gaps_with_fallback):
            edges = [(g.start.astimezone(dt.UTC), g.end.astimezone(dt.UTC)) for g in gaps]
            for start, end in edges:
                assert lo <= start < end <= hi
            for (_, end), (start, _) in pairwise(edges):
                assert end < start  # touching gaps would be one gap
            for gap in gaps:
                assert gap.wall[0] < gap.wall[1]
                for part in gap.others_open:
                    assert gap.start.astimezone(dt.UTC) <= part.start.astimezone(dt.UTC)
                    assert part.end.astimezone(dt.UTC) <= gap.end.astimezone(dt.UTC)


def test_the_regular_week_pattern_comes_from_the_weekly_hours(report: Coverage) -> None:
    h = 3600
    night = ((0, 7 * h, False), (19 * h, 86_400, False))
    saturday = ((0, 8 * h, False), (13 * h, 86_400, False))
    all_week = (night,) * 5 + (saturday, ((0, 86_400, False),))
    assert report.of("all").week == all_week
    assert report.of("priority-1").week == all_week
    assert report.of("priority-1").week_with_fallback == ((),) * 7
    pqrsa_weekday = ((0, 7 * h, False), (17 * h, 19 * h, True), (19 * h, 86_400, False))
    pqrsa_saturday = ((0, 8 * h, False), (8 * h, 13 * h, True), (13 * h, 86_400, False))
    assert report.of("pqrsa").week == (pqrsa_weekday,) * 5 + (
        pqrsa_saturday,
        ((0, 86_400, False),),
    )


def test_a_sunday_night_interval_runs_into_mondays_pattern(
    default_document: dict[str, Any], co_calendar: HolidayCalendar
) -> None:
    doc = copy.deepcopy(default_document)
    doc["schedules"][0]["week"]["sun"] = [{"start": "22:00", "end": "02:00"}]
    week = coverage(engine_for(doc, co_calendar), at(0)).of("all").week
    assert week[0][0] == (2 * 3600, 7 * 3600, False)  # Monday: closed 2:00-7:00 only
    assert week[6] == ((0, 22 * 3600, False),)
