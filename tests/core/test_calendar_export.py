"""The calendar export, read back and expanded by libraries that know nothing of the engine
(``icalendar`` parses, ``recurring-ical-events`` expands RRULE/EXDATE), agrees with the engine:
open exactly when ``status`` says open, at random instants and at every edge, for the default
configuration and for random schedules in zones with and without daylight-saving time."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.calendar_export import (
    CHANNEL_PROPERTY,
    calendar_ics,
    calendar_plan,
    first_day,
)
from app.domain.availability import AvailabilityEngine, State
from app.domain.calendar import HolidayCalendar
from app.domain.document import config_from_document
from app.domain.wall_clock import OutOfRange

UTC = dt.UTC
SECOND = dt.timedelta(seconds=1)
STAMP = dt.datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
Intervals = dict[str, list[tuple[dt.datetime, dt.datetime]]]


def expand(ics: bytes, start: dt.datetime, end: dt.datetime) -> Intervals:
    """Every channel's open intervals as the calendar says, in UTC, by the independent
    libraries. An all-day event covers its date on the calendar's own clock (X-WR-TIMEZONE)."""
    calendar = icalendar.Calendar.from_ical(ics)
    zone = ZoneInfo(str(calendar["X-WR-TIMEZONE"]))
    found: Intervals = {}
    for event in recurring_ical_events.of(calendar).between(start - dt.timedelta(days=2), end):
        first, last = event["DTSTART"].dt, event["DTEND"].dt
        if not isinstance(first, dt.datetime):
            first = dt.datetime.combine(first, dt.time(), zone)
            last = dt.datetime.combine(last, dt.time(), zone)
        found.setdefault(str(event[CHANNEL_PROPERTY]), []).append(
            (first.astimezone(UTC), last.astimezone(UTC))
        )
    return found


def covered(intervals: list[tuple[dt.datetime, dt.datetime]], moment: dt.datetime) -> bool:
    return any(a <= moment < b for a, b in intervals)


def check_agreement(
    engine: AvailabilityEngine, ics: bytes, start: dt.datetime, end: dt.datetime, rng: random.Random
) -> int:
    """500 random instants over ``[start, end)`` plus one second either side of every edge the
    calendar or the engine has there; returns how many instants were compared."""
    found = expand(ics, start, end)
    start_utc, end_utc = start.astimezone(UTC), end.astimezone(UTC)
    span = (end_utc - start_utc) // dt.timedelta(microseconds=1)
    instants = [start_utc + dt.timedelta(microseconds=rng.randrange(span)) for _ in range(500)]
    instants.append(start_utc)
    instants.append(end_utc - SECOND)
    for intervals in found.values():
        for a, b in intervals:
            instants += [a - SECOND, a, b - SECOND, b]
    compared = 0
    for channel in engine.config.channels:
        intervals = found.get(channel.id, [])
        # the engine's own edges too: a change the calendar missed is found exactly
        moment: dt.datetime | None = start_utc
        edges = []
        while moment is not None and moment < end_utc:
            moment = engine.channel(channel.id, moment).next_change
            if moment is not None:
                edges += [moment - SECOND, moment]
        for at in instants + edges:
            if not start_utc <= at < end_utc:
                continue
            engine_open = engine.channel(channel.id, at).state is State.OPEN
            assert covered(intervals, at) == engine_open, (
                f"{channel.id} at {at.astimezone(engine.zone).isoformat()}: "
                f"engine {'open' if engine_open else 'closed'}"
            )
            compared += 1
    return compared


def export(engine: AvailabilityEngine, first: dt.date, days: int, **kw: Any) -> bytes:
    plan = calendar_plan(engine, first, days, **kw)
    return calendar_ics(engine, plan, "es", STAMP)


# -- the default configuration ------------------------------------------------------------------


def test_default_configuration_agrees_with_the_engine(engine: AvailabilityEngine) -> None:
    first = dt.date(2026, 11, 30)
    plan = calendar_plan(engine, first, 90)
    ics = calendar_ics(engine, plan, "es", STAMP)
    compared = check_agreement(engine, ics, plan.start, plan.end, random.Random(11))
    assert compared >= 500 * len(engine.config.channels)


def test_default_configuration_over_a_year_with_every_holiday(
    engine: AvailabilityEngine,
) -> None:
    plan = calendar_plan(engine, dt.date(2027, 1, 1), 366)
    ics = calendar_ics(engine, plan, "es", STAMP)
    check_agreement(engine, ics, plan.start, plan.end, random.Random(12))


def test_a_holiday_is_an_exdate_and_the_247_line_is_one_daily_all_day_event(
    engine: AvailabilityEngine,
) -> None:
    """8 Dec 2026 (la Inmaculada Concepción, a Tuesday) closes the business hours."""
    ics = export(engine, dt.date(2026, 11, 30), 90)
    calendar = icalendar.Calendar.from_ical(ics)
    events = list(calendar.walk("VEVENT"))
    tuesday = next(e for e in events if str(e["UID"]).startswith("phone-main-tue-1@"))
    excluded = [d.dt for d in tuesday["EXDATE"].dts]
    assert dt.datetime(2026, 12, 8, 7, tzinfo=ZoneInfo("America/Bogota")) in excluded
    assert tuesday["RRULE"]["FREQ"] == ["WEEKLY"]
    assert str(tuesday["TRANSP"]) == "TRANSPARENT"
    critical = [e for e in events if str(e[CHANNEL_PROPERTY]) == "phone-critical"]
    assert len(critical) == 1
    assert critical[0]["RRULE"]["FREQ"] == ["DAILY"]
    assert critical[0]["DTSTART"].dt == dt.date(2026, 11, 30)
    assert "24/7" in str(critical[0]["SUMMARY"])


def test_summaries_and_calendar_name_follow_the_language(engine: AvailabilityEngine) -> None:
    plan = calendar_plan(engine, dt.date(2026, 11, 30), 7, channel_ids=["chat"])
    spanish = icalendar.Calendar.from_ical(calendar_ics(engine, plan, "es", STAMP))
    english = icalendar.Calendar.from_ical(calendar_ics(engine, plan, "en", STAMP))
    assert {str(e["SUMMARY"]) for e in spanish.walk("VEVENT")} == {"Chat en línea — abierto"}
    assert {str(e["SUMMARY"]) for e in english.walk("VEVENT")} == {"Chat en línea — open"}
    assert str(spanish["X-WR-CALNAME"]) == "Certicámara — Chat en línea: horario"
    assert {str(e[CHANNEL_PROPERTY]) for e in spanish.walk("VEVENT")} == {"chat"}


def test_uids_are_stable_and_unique(engine: AvailabilityEngine) -> None:
    """Exporting again (later, or a week on) names the same events the same way."""
    one = icalendar.Calendar.from_ical(export(engine, dt.date(2026, 11, 30), 90))
    again = icalendar.Calendar.from_ical(
        calendar_ics(
            engine,
            calendar_plan(engine, dt.date(2026, 11, 30), 90),
            "es",
            STAMP + dt.timedelta(days=3),
        )
    )
    week_on = icalendar.Calendar.from_ical(export(engine, dt.date(2026, 12, 7), 90))
    uids = [str(e["UID"]) for e in one.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert uids == [str(e["UID"]) for e in again.walk("VEVENT")]
    series = {u for u in uids if "-2026" not in u and "-2027" not in u}
    assert series and series <= {str(e["UID"]) for e in week_on.walk("VEVENT")}


def test_new_hours_keep_the_uids_so_a_reimport_updates() -> None:
    week = {"mon": [("07:00", "12:00"), ("14:00", "18:00")], "sat": [("22:00", "02:00")]}
    later = {"mon": [("08:00", "12:30"), ("13:30", "19:00")], "sat": [("21:00", "03:00")]}

    def uids(hours: dict[str, list[tuple[str, str]]]) -> list[str]:
        engine = _engine(_doc("America/Bogota", hours))
        ics = export(engine, dt.date(2026, 11, 30), 28)
        return sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(ics).walk("VEVENT"))

    assert uids(week) == uids(later)
    assert [u.split("@")[0] for u in uids(week)] == ["c-mon-1", "c-mon-2", "c-sat-1"]


def test_the_vtimezone_agrees_with_the_tz_database_over_the_range() -> None:
    """The generated VTIMEZONE, read on its own (not by zone name), gives every instant of the
    range the tz database's offset, across New York's DST changes."""
    doc = _doc("America/New_York", {"mon": [("07:00", "19:00")]})
    engine = AvailabilityEngine(config_from_document(doc), HolidayCalendar("CO", "es", _none))
    plan = calendar_plan(engine, dt.date(2026, 10, 1), 200)
    calendar = icalendar.Calendar.from_ical(calendar_ics(engine, plan, "es", STAMP))
    vtimezone = next(iter(calendar.walk("VTIMEZONE")))
    own = vtimezone.to_tz()
    zone = ZoneInfo("America/New_York")
    moment = plan.start.astimezone(UTC)
    while moment < plan.end:
        assert moment.astimezone(own).utcoffset() == moment.astimezone(zone).utcoffset(), moment
        moment += dt.timedelta(hours=7)


def test_days_are_bounded_and_channels_must_exist(engine: AvailabilityEngine) -> None:
    for days in (0, -1, 367):
        with pytest.raises(ValueError, match="days"):
            calendar_plan(engine, dt.date(2026, 11, 30), days)
    with pytest.raises(ValueError, match="unknown channel"):
        calendar_plan(engine, dt.date(2026, 11, 30), 7, channel_ids=["nope"])
    with pytest.raises(OutOfRange):
        calendar_plan(engine, dt.date(9999, 12, 1), 30)


def test_the_first_day_is_today_on_the_centres_clock(engine: AvailabilityEngine) -> None:
    # 2 a.m. UTC on 1 Dec is still 30 Nov in Bogotá
    assert first_day(engine, dt.datetime(2026, 12, 1, 2, tzinfo=UTC)) == dt.date(2026, 11, 30)


# -- special days, midnight and DST, by hand ------------------------------------------------------


def _none(country: str, language: str, year: int) -> dict[dt.date, str]:
    return {}


def _doc(
    zone: str,
    week: dict[str, list[tuple[str, str]]],
    *,
    closed_on_holidays: bool = True,
    specials: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    days = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    return {
        "schema_version": 2,
        "organisation": {"name": "Prueba"},
        "timezone": zone,
        "holiday_country": "CO",
        "request_types": [{"id": "all", "name": "Todas"}],
        "schedules": [
            {
                "id": "s",
                "name": "S",
                "closed_on_holidays": closed_on_holidays,
                "week": {d: [{"start": a, "end": b} for a, b in week.get(d, [])] for d in days},
            }
        ],
        "special_days": specials or [],
        "channels": [
            {"id": "c", "name": "Canal", "kind": "phone", "request_types": ["all"], "schedule": "s"}
        ],
    }


def _engine(doc: dict[str, Any], holidays: dict[dt.date, str] | None = None) -> AvailabilityEngine:
    table = holidays or {}

    def source(country: str, language: str, year: int) -> dict[dt.date, str]:
        return {d: n for d, n in table.items() if d.year == year}

    return AvailabilityEngine(config_from_document(doc), HolidayCalendar("CO", "es", source))


def test_special_hours_are_events_of_their_own_named_after_the_day() -> None:
    special = {
        "name": "Inventario",
        "date": "2026-12-10",
        "channels": ["c"],
        "closed": False,
        "hours": [{"start": "09:00", "end": "12:00"}],
    }
    engine = _engine(_doc("America/Bogota", {"thu": [("22:00", "02:00")]}, specials=[special]))
    plan = calendar_plan(engine, dt.date(2026, 12, 1), 30)
    ics = calendar_ics(engine, plan, "es", STAMP)
    events = list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))
    own = [e for e in events if str(e["UID"]).startswith("c-20261210-1@")]
    assert len(own) == 1
    assert str(own[0]["SUMMARY"]) == "Canal — abierto (Inventario)"
    series = next(e for e in events if "RRULE" in e)
    assert str(series["UID"]).startswith("c-thu-1@")
    assert [d.dt.date() for d in series["EXDATE"].dts] == [dt.date(2026, 12, 10)]
    check_agreement(engine, ics, plan.start, plan.end, random.Random(3))


def test_an_interval_from_the_evening_before_the_range_is_in_it() -> None:
    engine = _engine(_doc("America/Bogota", {"sun": [("20:00", "03:00")]}))
    plan = calendar_plan(engine, dt.date(2026, 11, 30), 3)  # starts on a Monday
    ics = calendar_ics(engine, plan, "es", STAMP)
    found = expand(ics, plan.start, plan.end)
    assert covered(found["c"], plan.start.astimezone(UTC))
    check_agreement(engine, ics, plan.start, plan.end, random.Random(4))


@pytest.mark.parametrize(
    ("zone", "first", "week"),
    [
        # New York springs forward at 02:00 on 14 Mar 2027: 02:30 does not exist
        (
            "America/New_York",
            dt.date(2027, 3, 8),
            {"sun": [("02:30", "05:00"), ("22:00", "02:30")]},
        ),
        ("America/New_York", dt.date(2027, 3, 8), {"sat": [("22:00", "06:00")]}),
        ("America/New_York", dt.date(2027, 3, 8), {"sun": [("02:10", "02:40")]}),
        # and falls back at 02:00 on 7 Nov 2027: 01:30 happens twice
        ("America/New_York", dt.date(2027, 11, 1), {"sun": [("01:30", "09:00")]}),
        ("America/New_York", dt.date(2027, 11, 1), {"sat": [("23:00", "01:30")]}),
        # Santiago changes its clocks at midnight; Lord Howe by half an hour
        (
            "America/Santiago",
            dt.date(2026, 9, 1),
            {d: [("00:00", "24:00")] for d in ("sat", "sun")},
        ),
        ("America/Santiago", dt.date(2027, 3, 29), {"sat": [("23:30", "00:30")]}),
        ("Australia/Lord_Howe", dt.date(2026, 9, 28), {"sun": [("01:00", "03:00")]}),
        ("Australia/Lord_Howe", dt.date(2027, 3, 29), {"sun": [("01:45", "02:15")]}),
    ],
)
def test_dst_changes(zone: str, first: dt.date, week: dict[str, list[tuple[str, str]]]) -> None:
    engine = _engine(_doc(zone, week))
    plan = calendar_plan(engine, first, 14)
    ics = calendar_ics(engine, plan, "es", STAMP)
    check_agreement(engine, ics, plan.start, plan.end, random.Random(5))


def test_dst_exceptions_leave_the_series_as_events_at_the_engines_instants() -> None:
    """02:30 on 14 Mar 2027 does not exist in New York: the engine opens when the gap ends,
    at 03:00; that Sunday leaves the series and is an event of its own from 03:00."""
    engine = _engine(_doc("America/New_York", {"sun": [("02:30", "05:00")]}))
    plan = calendar_plan(engine, dt.date(2027, 3, 1), 28)
    events = list(
        icalendar.Calendar.from_ical(calendar_ics(engine, plan, "en", STAMP)).walk("VEVENT")
    )
    series = next(e for e in events if "RRULE" in e)
    new_york = ZoneInfo("America/New_York")
    assert [d.dt for d in series["EXDATE"].dts] == [
        dt.datetime(2027, 3, 14, 2, 30, tzinfo=new_york)
    ]
    single = next(e for e in events if "RRULE" not in e)
    assert str(single["UID"]).startswith("c-20270314-1@")
    assert single["DTSTART"].dt == dt.datetime(2027, 3, 14, 3, 0, tzinfo=new_york)


# -- random schedules ---------------------------------------------------------------------------

ZONES = (
    "America/Bogota",
    "UTC",
    "America/New_York",
    "Europe/Madrid",
    "America/Santiago",
    "Australia/Lord_Howe",
)
#: starts a few days before a DST change of one of the zones, or anywhere in two years
STARTS = (
    dt.date(2027, 3, 10),
    dt.date(2027, 3, 24),
    dt.date(2027, 4, 1),
    dt.date(2026, 9, 2),
    dt.date(2026, 10, 1),
    dt.date(2026, 10, 22),
    dt.date(2026, 10, 29),
)


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def interval(draw: st.DrawFn) -> tuple[str, str]:
    """Any start; ends on the same day, at 24:00 or past midnight (never the start itself)."""
    if draw(st.integers(0, 4)) == 0:
        return draw(
            st.sampled_from(
                [("00:00", "24:00"), ("22:00", "02:00"), ("07:00", "19:00"), ("23:00", "24:00")]
            )
        )
    start = draw(st.integers(0, 1439)) // 15 * 15 + draw(st.sampled_from([0, 0, 0, 7]))
    length = draw(st.one_of(st.integers(1, 1439), st.sampled_from([60, 150, 720])))
    end = start + length
    if end == 1440:
        return _hhmm(start), "24:00"
    return _hhmm(start), _hhmm(end % 1440)


@st.composite
def scenario(draw: st.DrawFn) -> tuple[dict[str, Any], dict[dt.date, str], dt.date, int]:
    days = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    kind = draw(st.integers(0, 5))
    if kind == 0:
        week = {d: [("00:00", "24:00")] for d in days}
    else:
        week = {d: draw(st.lists(interval(), max_size=3)) for d in days}
    if draw(st.booleans()):
        first = draw(st.sampled_from(STARTS))
    else:
        first = dt.date(2026, 1, 1) + dt.timedelta(days=draw(st.integers(0, 700)))
    length = draw(st.integers(1, 40))
    holidays = {
        first + dt.timedelta(days=o): f"Festivo {o}"
        for o in draw(st.sets(st.integers(-1, length), max_size=5))
    }
    specials = []
    for n in range(draw(st.integers(0, 3))):
        day = first + dt.timedelta(days=draw(st.integers(-2, length)))
        closed = draw(st.booleans())
        special: dict[str, Any] = {
            "name": f"Especial {n}",
            "date": day.isoformat(),
            "channels": ["c"],
            "closed": closed,
        }
        if draw(st.booleans()):
            special["until"] = (day + dt.timedelta(days=draw(st.integers(0, 3)))).isoformat()
        if not closed:
            hours = draw(st.lists(interval(), min_size=1, max_size=2))
            special["hours"] = [{"start": a, "end": b} for a, b in hours]
        specials.append(special)
    doc = _doc(
        draw(st.sampled_from(ZONES)),
        week,
        closed_on_holidays=draw(st.booleans()),
        specials=specials,
    )
    return doc, holidays, first, length


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(scenario(), st.randoms(use_true_random=False))
def test_random_schedules_agree_with_the_engine(
    case: tuple[dict[str, Any], dict[dt.date, str], dt.date, int], rng: random.Random
) -> None:
    doc, holidays, first, days = case
    engine = _engine(doc, holidays)
    plan = calendar_plan(engine, first, days)
    ics = calendar_ics(engine, plan, "es", STAMP)
    assert check_agreement(engine, ics, plan.start, plan.end, rng) >= 500
