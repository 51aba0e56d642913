"""Properties of the availability engine over random, validated configurations.

Each configuration has one schedule (random intervals on random weekdays, some crossing midnight,
some ending at 24:00, random ``closed_on_holidays``, optional special days) and one channel, in
America/Bogota or UTC. Configurations are built from a document dict through
``config_from_document`` so they pass the same validation as a supervisor's file. Holidays come
either from a fake, dict-based source (so holiday effects are exercised deterministically near the
sampled instants) or from the real Colombian calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.domain.availability import AvailabilityEngine, State
from app.domain.calendar import HolidayCalendar, holidays_from_package
from app.domain.document import config_from_document

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ZONES = ("America/Bogota", "UTC")
INPUT_ZONES: tuple[dt.tzinfo, ...] = (
    dt.UTC,
    dt.timezone(dt.timedelta(hours=1)),
    dt.timezone(dt.timedelta(hours=-8)),
    ZoneInfo("Asia/Tokyo"),
    ZoneInfo("America/Bogota"),
)
WINDOW_DAYS = 40
HORIZON = dt.timedelta(days=366)
SECOND = dt.timedelta(seconds=1)
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

Doc = dict[str, Any]
Holidays = Mapping[dt.date, str]


# --- building documents ----------------------------------------------------------------------


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def interval_doc(start: int, end: int, *, midnight_as_24: bool = True) -> dict[str, str]:
    """``start`` in [0, 1440); ``end`` in minutes after the start day's midnight, < start + 1440."""
    assert 0 <= start < 1440
    assert start < end < start + 1440 or (start, end) == (0, 1440)
    if end == 1440:
        as_24 = midnight_as_24 or start == 0  # "00:00"-"00:00" would be empty
        return {"start": clock(start), "end": "24:00" if as_24 else "00:00"}
    return {"start": clock(start), "end": clock(end % 1440)}


@st.composite
def intervals(draw: st.DrawFn) -> tuple[int, int]:
    """(start, end) in minutes after the start day's midnight."""
    fixed = st.sampled_from([(0, 1440), (1320, 1560), (420, 1140), (480, 780), (1380, 1440)])
    start = st.integers(0, 1439)
    if draw(st.integers(0, 3)) == 0:
        return draw(fixed)
    s = draw(start)
    length = draw(st.one_of(st.integers(1, 1439), st.sampled_from([60, 240, 720])))
    length = min(length, 1439)
    return s, s + length


def week_strategy() -> st.SearchStrategy[dict[str, list[tuple[int, int]]]]:
    day = st.lists(intervals(), max_size=3)
    random_week = st.fixed_dictionaries(dict.fromkeys(WEEKDAYS, day))
    empty_week = st.just({d: [] for d in WEEKDAYS})
    full_week = st.just({d: [(0, 1440)] for d in WEEKDAYS})
    return st.one_of(random_week, random_week, random_week, empty_week, full_week)


@dataclass
class Scenario:
    timezone: str
    week: dict[str, list[tuple[int, int]]]
    closed_on_holidays: bool
    specials: list[Doc]
    warning: int
    holidays: dict[dt.date, str]
    window: dt.datetime  # naive wall-clock start of the window the instants come from
    instants: list[dt.datetime] = field(default_factory=list)  # aware, various zones
    as_24: bool = True

    def doc(self) -> Doc:
        return make_doc(
            self.timezone,
            {
                d: [interval_doc(s, e, midnight_as_24=self.as_24) for s, e in ivs]
                for d, ivs in self.week.items()
            },
            self.closed_on_holidays,
            self.specials,
            self.warning,
        )


def make_doc(
    timezone: str, week: Doc, closed_on_holidays: bool, specials: list[Doc], warning: int
) -> Doc:
    return {
        "schema_version": 2,
        "organisation": {"name": "Prueba"},
        "timezone": timezone,
        "holiday_country": "CO",
        "closing_soon_minutes": warning,
        "request_types": [{"id": "all", "name": "Todas"}],
        "schedules": [
            {"id": "s", "name": "S", "closed_on_holidays": closed_on_holidays, "week": week}
        ],
        "special_days": specials,
        "channels": [
            {"id": "c", "name": "C", "kind": "phone", "request_types": ["all"], "schedule": "s"}
        ],
    }


@st.composite
def scenarios(draw: st.DrawFn, *, specials: bool = True, holidays: bool = True) -> Scenario:
    first = dt.date(2025, 12, 1)
    start_day = first + dt.timedelta(days=draw(st.integers(0, 760)))
    window = dt.datetime.combine(start_day, dt.time())
    holiday_days = (
        draw(st.sets(st.integers(0, WINDOW_DAYS), max_size=8)) if holidays else set[int]()
    )
    table = {start_day + dt.timedelta(days=o): f"Festivo {o}" for o in holiday_days}
    special_docs: list[Doc] = []
    if specials:
        for n in range(draw(st.integers(0, 3))):
            # clustered near the window's start so that special days often overlap
            day = start_day + dt.timedelta(days=draw(st.integers(-2, 12)))
            span = draw(st.one_of(st.none(), st.integers(0, 3)))
            closed = draw(st.booleans())
            doc: Doc = {
                "name": f"Especial {n}",
                "date": day.isoformat(),
                "channels": ["c"],
                "closed": closed,
            }
            if span is not None:
                doc["until"] = (day + dt.timedelta(days=span)).isoformat()
            if not closed:
                pieces = draw(st.lists(intervals(), min_size=1, max_size=2))
                doc["hours"] = [interval_doc(s, e) for s, e in pieces]
            special_docs.append(doc)
    scenario = Scenario(
        timezone=draw(st.sampled_from(ZONES)),
        week=draw(week_strategy()),
        closed_on_holidays=draw(st.booleans()),
        specials=special_docs,
        warning=draw(st.sampled_from([0, 1, 15, 60, 240])),
        holidays=table,
        window=window,
        as_24=draw(st.booleans()),
    )
    zone = ZoneInfo(scenario.timezone)
    # some instants fall on (or just after) a special day or a holiday, at a random time
    marked = sorted(table) + [dt.date.fromisoformat(d["date"]) for d in special_docs]
    marked_offsets = [((d - start_day).days + draw(st.integers(0, 1))) * 86_400 for d in marked]
    for _ in range(draw(st.integers(1, 4))):
        if marked_offsets and draw(st.booleans()):
            day_offset = draw(st.sampled_from(marked_offsets))
            offset = max(0, day_offset + draw(st.integers(0, 86_399)))
        else:
            offset = draw(st.integers(0, WINDOW_DAYS * 86_400 - 1))
        micro = draw(st.sampled_from([0, 0, 0, 1, 500_000, 999_999]))
        local = window + dt.timedelta(seconds=offset, microseconds=micro)
        shown_in = draw(st.sampled_from(INPUT_ZONES))
        scenario.instants.append(local.replace(tzinfo=zone).astimezone(shown_in))
    return scenario


def fake_source(table: Holidays) -> Callable[[str, str, int], dict[dt.date, str]]:
    def source(country: str, language: str, year: int) -> dict[dt.date, str]:
        assert (country, language) == ("CO", "es")
        return {day: name for day, name in table.items() if day.year == year}

    return source


@cache
def real_calendar() -> HolidayCalendar:
    return HolidayCalendar("CO", "es", holidays_from_package)


def engine_for(doc: Doc, holidays: Holidays | None) -> AvailabilityEngine:
    """``holidays=None`` means the real Colombian calendar."""
    config = config_from_document(doc)
    if holidays is None:
        return AvailabilityEngine(config, real_calendar())
    return AvailabilityEngine(config, HolidayCalendar("CO", "es", fake_source(holidays)))


# --- a naive reference, straight from the document -------------------------------------------


def _minutes(text: str) -> int:
    hh, mm = text.split(":")
    return int(hh) * 60 + int(mm)


def _covers(special: Doc, day: dt.date) -> bool:
    first = dt.date.fromisoformat(special["date"])
    last = dt.date.fromisoformat(special.get("until", special["date"]))
    return first <= day <= last


def _wall(day: dt.date, item: Doc) -> tuple[dt.datetime, dt.datetime]:
    start, end = _minutes(item["start"]), _minutes(item["end"])
    if end <= start:
        end += 1440
    midnight = dt.datetime.combine(day, dt.time())
    return midnight + dt.timedelta(minutes=start), midnight + dt.timedelta(minutes=end)


class Reference:
    """The documented rules, evaluated the slow and obvious way on naive wall-clock times."""

    def __init__(self, doc: Doc, holiday_name: Callable[[dt.date], str | None]) -> None:
        self.doc = doc
        self.schedule = doc["schedules"][0]
        self.holiday_name = holiday_name
        # when special days overlap, the one listed last wins: read them last to first
        self.specials: list[Doc] = list(reversed(doc["special_days"]))
        self._cache: dict[dt.date, list[tuple[dt.datetime, dt.datetime]]] = {}

    def starting_on(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        if day not in self._cache:
            items: list[Doc] = self.schedule["week"][WEEKDAYS[day.weekday()]]
            special = next((s for s in self.specials if _covers(s, day)), None)
            if special is not None:
                items = [] if special["closed"] else special["hours"]
            elif self.schedule["closed_on_holidays"] and self.holiday_name(day) is not None:
                items = []
            self._cache[day] = [_wall(day, item) for item in items]
        return self._cache[day]

    def is_open(self, wall: dt.datetime) -> bool:
        day = wall.date()
        return any(
            a <= wall < b for d in (day - dt.timedelta(days=1), day) for a, b in self.starting_on(d)
        )

    def next_change(self, wall: dt.datetime, days: int = 369) -> dt.datetime | None:
        now = self.is_open(wall)
        for n in range(days):
            day = wall.date() + dt.timedelta(days=n)
            lo = dt.datetime.combine(day, dt.time())
            hi = lo + dt.timedelta(days=1)
            points = sorted(
                {
                    p
                    for d in (day - dt.timedelta(days=1), day)
                    for pair in self.starting_on(d)
                    for p in pair
                    if lo <= p < hi and p > wall
                }
            )
            for p in points:
                if self.is_open(p) != now:
                    return p
        return None


def reference_for(doc: Doc, holidays: Holidays | None) -> Reference:
    if holidays is None:
        return Reference(doc, real_calendar().name_on)
    return Reference(doc, holidays.get)


def _wall_of(instant: dt.datetime, timezone: str) -> dt.datetime:
    return instant.astimezone(ZoneInfo(timezone)).replace(tzinfo=None)


# --- (a) state is constant up to next_change, and flips there ---------------------------------


@PROPERTY
@given(scenario=scenarios(), use_real=st.booleans(), data=st.data())
def test_state_is_constant_until_next_change(
    scenario: Scenario, use_real: bool, data: st.DataObject
) -> None:
    holidays = None if use_real else scenario.holidays
    engine = engine_for(scenario.doc(), holidays)
    for t in scenario.instants:
        now = engine.channel("c", t)
        assert now.state in (State.OPEN, State.CLOSED)
        nc = now.next_change
        if nc is None:
            offsets = data.draw(st.lists(st.integers(0, 366 * 86_400), min_size=5, max_size=12))
            for seconds in [*offsets, 366 * 86_400]:
                later = engine.channel("c", t + dt.timedelta(seconds=seconds))
                assert later.state == now.state
                assert later.next_change is None
            continue
        assert nc > t
        assert nc - t <= HORIZON + dt.timedelta(days=1)
        assert nc.microsecond == 0
        assert nc.second == 0  # boundaries are whole minutes
        span = int((nc - t).total_seconds())
        offsets = data.draw(st.lists(st.integers(0, max(span - 1, 0)), max_size=6))
        samples = [t, nc - SECOND, *(t + dt.timedelta(seconds=k) for k in offsets)]
        for s in samples:
            if s < t:  # nc - 1 s can fall before a t with a fraction of a second
                continue
            inside = engine.channel("c", s)
            assert inside.state == now.state, s
            assert inside.next_change == nc, s
        after = engine.channel("c", nc)
        assert after.state != now.state
        assert after.state in (State.OPEN, State.CLOSED)
        expected_soon = now.state is State.OPEN and (nc - t) <= dt.timedelta(
            minutes=scenario.warning
        )
        assert now.closing_soon == expected_soon


@PROPERTY
@given(scenario=scenarios(), use_real=st.booleans())
def test_engine_agrees_with_naive_reference(scenario: Scenario, use_real: bool) -> None:
    holidays = None if use_real else scenario.holidays
    doc = scenario.doc()
    engine = engine_for(doc, holidays)
    reference = reference_for(doc, holidays)
    for t in scenario.instants:
        wall = _wall_of(t, scenario.timezone)
        got = engine.channel("c", t)
        assert got.state is (State.OPEN if reference.is_open(wall) else State.CLOSED)
        want = reference.next_change(wall)
        if got.next_change is None:
            assert want is None or want - wall > HORIZON
        else:
            assert got.next_change.tzinfo is not None
            assert _wall_of(got.next_change, scenario.timezone) == want


# --- (b) merging or splitting intervals never changes anything ---------------------------------


@st.composite
def rewritten_weeks(
    draw: st.DrawFn, week: dict[str, list[tuple[int, int]]]
) -> dict[str, list[tuple[int, int]]]:
    """The same hours written differently: split, duplicated, or with a contained extra piece."""
    out = {d: list(ivs) for d, ivs in week.items()}
    for _ in range(draw(st.integers(1, 4))):
        days = [d for d in WEEKDAYS if out[d]]
        if not days:
            break
        d = draw(st.sampled_from(days))
        i = draw(st.integers(0, len(out[d]) - 1))
        start, end = out[d][i]
        how = draw(st.sampled_from(["split", "duplicate", "contained", "shuffle"]))
        if how == "split" and min(end, 1440) - start >= 2:
            m = draw(st.integers(start + 1, min(end, 1440) - 1))
            out[d][i : i + 1] = [(start, m), (m, end)]
        elif how == "duplicate":
            out[d].append((start, end))
        elif how == "contained":
            c = draw(st.integers(start, min(end, 1440) - 1))
            e = draw(st.integers(c + 1, end))
            out[d].append((c, e))
        else:
            out[d] = draw(st.permutations(out[d]))
    return out


@PROPERTY
@given(scenario=scenarios(), use_real=st.booleans(), data=st.data())
def test_merging_or_splitting_intervals_changes_nothing(
    scenario: Scenario, use_real: bool, data: st.DataObject
) -> None:
    holidays = None if use_real else scenario.holidays
    original = engine_for(scenario.doc(), holidays)
    rewritten = Scenario(**{**scenario.__dict__, "week": data.draw(rewritten_weeks(scenario.week))})
    # special days' hours get the same treatment: each is split in two where possible
    split_specials = []
    for special in scenario.specials:
        hours = []
        for item in special.get("hours", []):
            a, b = _minutes(item["start"]), _minutes(item["end"])
            b = b if b > a else b + 1440
            if min(b, 1440) - a >= 2:
                m = data.draw(st.integers(a + 1, min(b, 1440) - 1))
                hours += [interval_doc(a, m), interval_doc(m, b), item]
            else:
                hours += [item, item]
        split_specials.append({**special, "hours": hours} if hours else special)
    rewritten.specials = split_specials
    other = engine_for(rewritten.doc(), holidays)
    for t in scenario.instants:
        assert other.channel("c", t) == original.channel("c", t)


# --- (c) a cross-midnight interval is the same as its two halves -------------------------------


@PROPERTY
@given(
    scenario=scenarios(specials=False, holidays=False),
    weekday=st.integers(0, 6),
    piece=st.one_of(
        st.just((1320, 120)),
        st.tuples(st.integers(1, 1439), st.integers(1, 1439)).filter(lambda p: p[1] < p[0]),
    ),
)
@example(
    scenario=Scenario(
        timezone="America/Bogota",
        week={d: [] for d in WEEKDAYS},
        closed_on_holidays=False,
        specials=[],
        warning=15,
        holidays={},
        window=dt.datetime(2026, 12, 31),
        instants=[
            dt.datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("America/Bogota")),
            dt.datetime(2027, 1, 1, 1, 59, 59, tzinfo=ZoneInfo("America/Bogota")),
        ],
    ),
    weekday=3,  # 2026-12-31 is a Thursday
    piece=(1320, 120),
)
def test_cross_midnight_equals_two_halves(
    scenario: Scenario, weekday: int, piece: tuple[int, int]
) -> None:
    start, end = piece
    day, next_day = WEEKDAYS[weekday], WEEKDAYS[(weekday + 1) % 7]
    base = {d: [interval_doc(s, e) for s, e in ivs] for d, ivs in scenario.week.items()}
    crossing = {d: list(ivs) for d, ivs in base.items()}
    crossing[day].append({"start": clock(start), "end": clock(end)})
    halves = {d: list(ivs) for d, ivs in base.items()}
    halves[day].append({"start": clock(start), "end": "24:00"})
    halves[next_day].append({"start": "00:00", "end": clock(end)})
    # the real calendar is attached but cannot interfere: closed_on_holidays is false
    one = engine_for(make_doc(scenario.timezone, crossing, False, [], scenario.warning), None)
    two = engine_for(make_doc(scenario.timezone, halves, False, [], scenario.warning), None)
    for t in scenario.instants:
        assert one.channel("c", t) == two.channel("c", t)
    # and in particular around the piece itself, on the next such weekday in the window
    first = scenario.window.date()
    d0 = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    zone = ZoneInfo(scenario.timezone)
    midnight = dt.datetime.combine(d0, dt.time(), tzinfo=zone)
    for minutes in (start - 1, start, 1439, 1440, 1440 + end - 1, 1440 + end):
        t = midnight + dt.timedelta(minutes=minutes)
        assert one.channel("c", t) == two.channel("c", t)
        assert one.channel("c", t - SECOND) == two.channel("c", t - SECOND)


# --- the documented holiday rules, pinned with a fake calendar --------------------------------


def _night_shift(closed_on_holidays: bool, holidays: Holidays) -> AvailabilityEngine:
    week: Doc = {d: [] for d in WEEKDAYS}
    week["mon"] = [{"start": "22:00", "end": "02:00"}]
    week["tue"] = [{"start": "09:00", "end": "10:00"}]
    doc = make_doc("America/Bogota", week, closed_on_holidays, [], 15)
    return engine_for(doc, holidays)


BOG = ZoneInfo("America/Bogota")
MON = dt.date(2026, 2, 9)
TUE = dt.date(2026, 2, 10)


def _b(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm), tzinfo=BOG)


def test_holiday_after_a_night_interval_lets_it_run() -> None:
    engine = _night_shift(True, {TUE: "Festivo"})
    at = engine.channel("c", _b(TUE, 1))
    assert (at.state, at.next_change, at.reason) == (State.OPEN, _b(TUE, 2), None)
    later = engine.channel("c", _b(TUE, 2))
    # Tuesday's own 09:00 interval is cancelled by the holiday: next is Monday 22:00
    assert (later.state, later.next_change, later.reason) == (
        State.CLOSED,
        _b(dt.date(2026, 2, 16), 22),
        "Festivo",
    )


def test_holiday_on_the_start_day_cancels_the_night_interval() -> None:
    engine = _night_shift(True, {MON: "Festivo"})
    for t in (_b(MON, 23), _b(TUE, 1)):
        got = engine.channel("c", t)
        assert (got.state, got.next_change) == (State.CLOSED, _b(TUE, 9))
    assert engine.channel("c", _b(MON, 23)).reason == "Festivo"
    assert engine.channel("c", _b(TUE, 1)).reason is None


def test_holiday_ignored_when_schedule_does_not_close() -> None:
    engine = _night_shift(False, {MON: "Festivo"})
    got = engine.channel("c", _b(MON, 23))
    assert (got.state, got.next_change, got.reason) == (State.OPEN, _b(TUE, 2), None)


@pytest.mark.parametrize("closed_on_holidays", [True, False])
def test_never_opens_and_always_open_report_none(closed_on_holidays: bool) -> None:
    empty = make_doc("UTC", {d: [] for d in WEEKDAYS}, closed_on_holidays, [], 15)
    never = engine_for(empty, {}).channel("c", _b(MON, 12))
    assert (never.state, never.next_change, never.closing_soon) == (State.CLOSED, None, False)
    full = {d: [{"start": "00:00", "end": "24:00"}] for d in WEEKDAYS}
    always = engine_for(make_doc("UTC", full, closed_on_holidays, [], 15), {})
    got = always.channel("c", _b(MON, 12))
    assert (got.state, got.next_change, got.closing_soon) == (State.OPEN, None, False)
    # one holiday ten days out ends "always" only for a schedule that closes on holidays
    holiday = MON + dt.timedelta(days=10)
    once = engine_for(make_doc("UTC", full, closed_on_holidays, [], 15), {holiday: "Festivo"})
    got = once.channel("c", _b(MON, 12))
    if closed_on_holidays:
        start = dt.datetime.combine(holiday, dt.time(), tzinfo=dt.UTC)
        assert (got.state, got.next_change) == (State.OPEN, start)
    else:
        assert (got.state, got.next_change) == (State.OPEN, None)


def test_special_day_replaces_a_holiday_and_is_named() -> None:
    week: Doc = {d: [{"start": "09:00", "end": "10:00"}] for d in WEEKDAYS}
    special = {
        "name": "Jornada especial",
        "date": TUE.isoformat(),
        "channels": ["c"],
        "closed": False,
        "hours": [{"start": "11:00", "end": "12:00"}],
    }
    engine = engine_for(make_doc("America/Bogota", week, True, [special], 15), {TUE: "Festivo"})
    before = engine.channel("c", _b(TUE, 9, 30))
    assert (before.state, before.next_change, before.reason) == (
        State.CLOSED,
        _b(TUE, 11),
        "Jornada especial",
    )
    during = engine.channel("c", _b(TUE, 11, 45))
    assert (during.state, during.next_change, during.closing_soon, during.reason) == (
        State.OPEN,
        _b(TUE, 12),
        True,
        "Jornada especial",
    )
    # the holiday still closes other days' hours only where it falls: Wednesday is ordinary
    after = engine.channel("c", _b(TUE, 12))
    assert (after.state, after.next_change) == (State.CLOSED, _b(dt.date(2026, 2, 11), 9))
