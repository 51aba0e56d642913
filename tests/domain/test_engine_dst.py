"""The engine in centre zones with daylight-saving time: America/New_York, Europe/Madrid and
America/Santiago, over both transitions of 2026 and 2027.

The rule under test (``app/domain/wall_clock.py``): a wall-clock time happens at the first
instant the centre's clock shows it or later. A time in a gap happens when the gap ends; an
interval wholly inside the gap never opens and is never predicted; a time in a repeated hour
happens on its first pass, and nothing starts or ends on the second.

The expected values in the tables were worked out by hand, in UTC, from each zone's published
transitions (NY 02:00 EST->03:00 EDT and 02:00 EDT->01:00 EST; Madrid 02:00 CET->03:00 CEST and
03:00 CEST->02:00 CET, both at 01:00 UTC; Santiago 24:00 -04->01:00 -03 on a Saturday night
in September and 24:00 -03->23:00 -04 on a Saturday night in April).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_engine_properties import (
    WEEKDAYS,
    Doc,
    Reference,
    engine_for,
    interval_doc,
    intervals,
    make_doc,
    week_strategy,
)

from app.core.phrases import opening_or_closing
from app.domain.availability import AvailabilityEngine, State
from app.domain.week import week_plan

UTC = dt.UTC
MINUTE = dt.timedelta(minutes=1)
HOUR = dt.timedelta(hours=1)
SECOND = dt.timedelta(seconds=1)
HORIZON = dt.timedelta(days=366)
OPEN, CLOSED = State.OPEN, State.CLOSED


def utc(y: int, m: int, d: int, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=UTC)


@dataclass(frozen=True)
class Transition:
    zone: str
    at: dt.datetime  # the UTC instant the clocks change
    kind: str  # "gap" (clocks go forward) or "repeat" (clocks go back)


TRANSITIONS = (
    Transition("America/New_York", utc(2026, 3, 8, 7), "gap"),
    Transition("America/New_York", utc(2026, 11, 1, 6), "repeat"),
    Transition("America/New_York", utc(2027, 3, 14, 7), "gap"),
    Transition("America/New_York", utc(2027, 11, 7, 6), "repeat"),
    Transition("Europe/Madrid", utc(2026, 3, 29, 1), "gap"),
    Transition("Europe/Madrid", utc(2026, 10, 25, 1), "repeat"),
    Transition("Europe/Madrid", utc(2027, 3, 28, 1), "gap"),
    Transition("Europe/Madrid", utc(2027, 10, 31, 1), "repeat"),
    Transition("America/Santiago", utc(2026, 4, 5, 3), "repeat"),
    Transition("America/Santiago", utc(2026, 9, 6, 4), "gap"),
    Transition("America/Santiago", utc(2027, 4, 4, 3), "repeat"),
    Transition("America/Santiago", utc(2027, 9, 5, 4), "gap"),
)


def test_the_transitions_are_where_the_tables_assume() -> None:
    for tr in TRANSITIONS:
        zone = ZoneInfo(tr.zone)
        before, after = (tr.at - SECOND).astimezone(zone), tr.at.astimezone(zone)
        jump = after.utcoffset() - before.utcoffset()  # type: ignore[operator]
        assert jump == (HOUR if tr.kind == "gap" else -HOUR), tr


def daily(*pieces: tuple[str, str]) -> Doc:
    return {d: [{"start": s, "end": e} for s, e in pieces] for d in WEEKDAYS}


def dst_engine(zone: str, week: Doc, warning: int = 15) -> AvailabilityEngine:
    return engine_for(make_doc(zone, week, False, [], warning), {})


# (hours, [(minutes from the transition, state, next change in minutes from it, closing soon)])
Case = tuple[Doc, list[tuple[int, State, int | None, bool]]]
CASES: dict[tuple[str, str], list[Case]] = {
    ("America/New_York", "repeat"): [
        # closes at 01:30: on the first pass; on the second pass (01:20 EST) it is closed
        (
            daily(("00:00", "01:30")),
            [
                (-50, OPEN, -30, False),
                (-40, OPEN, -30, True),
                (-30, CLOSED, 23 * 60, False),
                (20, CLOSED, 23 * 60, False),
            ],
        ),
        # opens at 01:30 EDT, closes at 02:30 EST: two hours
        (
            daily(("01:30", "02:30")),
            [
                (-50, CLOSED, -30, False),
                (-15, OPEN, 90, False),
                (45, OPEN, 90, False),
                (80, OPEN, 90, True),
                (90, CLOSED, 24 * 60 + 30, False),
            ],
        ),
    ],
    ("America/New_York", "gap"): [
        # closes at 02:30, which is skipped: closes when the clock jumps to 03:00 EDT
        (
            daily(("00:00", "02:30")),
            [
                (-20, OPEN, 0, False),
                (-10, OPEN, 0, True),
                (0, CLOSED, 21 * 60, False),
            ],
        ),
        # an interval inside the skipped hour never opens and is never predicted
        (
            daily(("02:15", "02:45"), ("09:00", "10:00")),
            [(-10, CLOSED, 6 * 60, False), (0, CLOSED, 6 * 60, False)],
        ),
        # opens at 02:30, which is skipped: opens at 03:00 EDT
        (
            daily(("02:30", "04:00")),
            [(-60, CLOSED, 0, False), (0, OPEN, 60, False), (50, OPEN, 60, True)],
        ),
    ],
    ("Europe/Madrid", "repeat"): [
        (
            daily(("00:00", "02:30")),
            [(-40, OPEN, -30, True), (20, CLOSED, 22 * 60, False)],
        ),
        (
            daily(("02:30", "03:30")),
            [
                (-40, CLOSED, -30, False),
                (-20, OPEN, 90, False),
                (30, OPEN, 90, False),
                (80, OPEN, 90, True),
            ],
        ),
    ],
    ("Europe/Madrid", "gap"): [
        (
            daily(("00:00", "02:30")),
            [(-10, OPEN, 0, True), (0, CLOSED, 21 * 60, False)],
        ),
        (
            daily(("02:15", "02:45"), ("09:00", "10:00")),
            [(-10, CLOSED, 6 * 60, False)],
        ),
        (
            daily(("02:30", "04:00")),
            [(-60, CLOSED, 0, False), (0, OPEN, 60, False)],
        ),
    ],
    ("America/Santiago", "gap"): [
        # Saturday's 20:00-24:00 ends at Sunday 00:00, which is skipped: it ends when the gap does
        (
            daily(("20:00", "24:00")),
            [(-10, OPEN, 0, True), (0, CLOSED, 19 * 60, False)],
        ),
        # Sunday's 00:00-08:00 opens when the clock jumps to 01:00
        (
            daily(("00:00", "08:00")),
            [(-10, CLOSED, 0, False), (0, OPEN, 7 * 60, False)],
        ),
        (
            daily(("00:15", "00:45"), ("10:00", "11:00")),
            [(-10, CLOSED, 9 * 60, False), (0, CLOSED, 9 * 60, False)],
        ),
    ],
    ("America/Santiago", "repeat"): [
        # closes at 23:30 on the first pass of Saturday 23:00-24:00; the second pass is closed
        (
            daily(("20:00", "23:30")),
            [(-40, OPEN, -30, True), (-30, CLOSED, 21 * 60, False), (10, CLOSED, 21 * 60, False)],
        ),
        # 23:30-01:00 opens on the first pass and runs through the second
        (
            daily(("23:30", "01:00")),
            [
                (-40, CLOSED, -30, False),
                (10, OPEN, 120, False),
                (55, OPEN, 120, False),
                (110, OPEN, 120, True),
            ],
        ),
    ],
}

TABLE = [
    pytest.param(tr, week, row, id=f"{tr.zone}-{tr.at:%Y-%m}-{n}-{row[0]:+d}min")
    for tr in TRANSITIONS
    for n, (week, rows) in enumerate(CASES[(tr.zone, tr.kind)])
    for row in rows
]


@pytest.mark.parametrize(("tr", "week", "row"), TABLE)
def test_transition_table(tr: Transition, week: Doc, row: tuple[int, State, int | None, bool]):
    minutes, state, change, closing_soon = row
    engine = dst_engine(tr.zone, week)
    at = tr.at + minutes * MINUTE
    for shown in (at, at.astimezone(ZoneInfo(tr.zone))):
        got = engine.channel("c", shown)
        assert got.state is state
        assert got.next_change is not None and change is not None
        assert got.next_change.astimezone(UTC) == tr.at + change * MINUTE
        assert got.next_change.tzinfo is ZoneInfo(tr.zone)
        assert got.closing_soon is closing_soon
        update = engine.next_update(shown)
        assert update is not None and update.astimezone(UTC) > at


@pytest.mark.parametrize("tr", [t for t in TRANSITIONS if t.kind == "repeat"])
def test_an_instant_written_in_the_zone_keeps_its_pass_of_the_repeated_hour(
    tr: Transition,
) -> None:
    # a second-pass instant written in the zone (fold=1) is the same instant as in UTC
    engine = dst_engine(tr.zone, daily(("00:00", "24:00")))
    zone = ZoneInfo(tr.zone)
    second_pass = (tr.at + 10 * MINUTE).astimezone(zone)
    assert second_pass.fold == 1
    first_pass = second_pass.replace(fold=0)
    assert engine.local(second_pass).astimezone(UTC) == tr.at + 10 * MINUTE
    assert engine.local(first_pass).astimezone(UTC) == tr.at + 10 * MINUTE - HOUR


@pytest.mark.parametrize("tr", [t for t in TRANSITIONS if t.kind == "gap"])
def test_a_wall_time_written_inside_the_gap_is_the_instant_the_gap_ends_for_the_week(
    tr: Transition,
) -> None:
    zone = ZoneInfo(tr.zone)
    engine = dst_engine(tr.zone, daily(("02:15", "02:45"), ("00:15", "00:45"), ("09:00", "10:00")))
    plan = week_plan(engine, tr.at, days=1)
    day = plan.days[0].date
    assert day == (tr.at + SECOND).astimezone(zone).date()
    for start, end in plan.rows[0].periods:
        assert end.astimezone(UTC) > start.astimezone(UTC)  # nothing empty from the gap
    assert [p[0].astimezone(zone).time() for p in plan.rows[0].periods][-1] == dt.time(9)
    if tr.zone == "America/Santiago":  # the day begins when the gap ends, at 01:00
        assert plan.start.astimezone(UTC) == tr.at
        assert plan.start.astimezone(zone).time() == dt.time(1)


@pytest.mark.parametrize("tr", [t for t in TRANSITIONS if t.zone == "America/New_York"])
def test_week_plan_over_a_transition_in_real_instants(tr: Transition) -> None:
    engine = dst_engine(tr.zone, daily(("01:30", "02:30")))
    plan = week_plan(engine, tr.at, days=1)
    periods = [(a.astimezone(UTC), b.astimezone(UTC)) for a, b in plan.rows[0].periods]
    if tr.kind == "repeat":  # 01:30 EDT to 02:30 EST: two real hours
        assert periods == [(tr.at - 30 * MINUTE, tr.at + 90 * MINUTE)]
    else:  # 01:30 EST until the clock jumps over the rest
        assert periods == [(tr.at - 30 * MINUTE, tr.at)]
    assert plan.end.astimezone(UTC) - plan.start.astimezone(UTC) == (
        25 * HOUR if tr.kind == "repeat" else 23 * HOUR
    )


# --- properties over instants around the transitions -------------------------------------------


def first_instant(wall: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The first instant at which ``zone``'s clock shows ``wall`` or later, the slow way."""
    shown = [wall.replace(tzinfo=zone, fold=f).astimezone(UTC) for f in (0, 1)]
    real = [u for u in shown if u.astimezone(zone).replace(tzinfo=None) == wall]
    if real:
        return min(real)
    u = min(shown)  # skipped: walk from before the gap until the clock shows it or later
    while u.astimezone(zone).replace(tzinfo=None) < wall:
        u += MINUTE
    return u


class AbsoluteReference(Reference):
    """The naive reference's intervals, each edge placed by :func:`first_instant`."""

    def __init__(self, doc: Doc, zone: ZoneInfo) -> None:
        super().__init__(doc, lambda _day: None)
        self.zone = zone

    def periods(self, first: dt.date, days: int) -> list[tuple[dt.datetime, dt.datetime]]:
        """Open periods in UTC of the intervals starting on ``first`` and after, merged."""
        raw = []
        for n in range(days):
            for a, b in self.starting_on(first + dt.timedelta(days=n)):
                start, end = first_instant(a, self.zone), first_instant(b, self.zone)
                if start < end:
                    raw.append((start, end))
        merged: list[tuple[dt.datetime, dt.datetime]] = []
        for start, end in sorted(raw):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def state_and_change(self, t: dt.datetime) -> tuple[bool, dt.datetime | None]:
        first = t.astimezone(self.zone).date() - dt.timedelta(days=2)
        periods = self.periods(first, 372)
        for start, end in periods:
            if start <= t < end:
                return True, end
            if start > t:
                return False, start
        return False, None


@dataclass
class DstScenario:
    transition: Transition
    week: dict[str, list[tuple[int, int]]]
    specials: list[Doc]
    warning: int
    instants: list[dt.datetime] = field(default_factory=list)  # UTC
    #: where to look between an instant and its next change, as fractions of the way
    fractions: list[float] = field(default_factory=list)
    in_zone: bool = False  # ask with instants written in the centre's zone, not in UTC

    def doc(self) -> Doc:
        week = {d: [interval_doc(s, e) for s, e in ivs] for d, ivs in self.week.items()}
        return make_doc(self.transition.zone, week, False, self.specials, self.warning)


def _near_transition_week(draw: st.DrawFn, tr: Transition) -> dict[str, list[tuple[int, int]]]:
    """A random week, with edges around the transition's hour more often than chance."""
    week = draw(week_strategy())
    local = (tr.at - SECOND).astimezone(ZoneInfo(tr.zone))
    hour = local.hour * 60  # the wall-clock hour just before the change
    edge = st.integers(max(hour - 120, 0), min(hour + 120, 1439))
    for _ in range(draw(st.integers(0, 3))):
        day = draw(st.sampled_from(WEEKDAYS))
        if draw(st.booleans()):  # starts near the change
            start = draw(edge)
            end = start + draw(st.one_of(st.integers(1, 180), st.integers(1, 1439)))
        else:  # ends near it
            end = draw(edge)
            end = end if end > 0 else 1440
            start = draw(st.integers(max(0, end - 1439), end - 1))
        week[day] = [*week[day], (start, end)]
    return week


@st.composite
def dst_scenarios(draw: st.DrawFn) -> DstScenario:
    tr = draw(st.sampled_from(TRANSITIONS))
    specials: list[Doc] = []
    if draw(st.booleans()):
        local_day = tr.at.astimezone(ZoneInfo(tr.zone)).date()
        day = local_day + dt.timedelta(days=draw(st.integers(-1, 1)))
        closed = draw(st.booleans())
        special: Doc = {"name": "Especial", "date": day.isoformat(), "channels": ["c"]}
        special["closed"] = closed
        if not closed:
            pieces = draw(st.lists(intervals(), min_size=1, max_size=2))
            special["hours"] = [interval_doc(s, e) for s, e in pieces]
        specials.append(special)
    scenario = DstScenario(
        transition=tr,
        week=_near_transition_week(draw, tr),
        specials=specials,
        warning=draw(st.sampled_from([0, 1, 15, 60, 240])),
    )
    for _ in range(draw(st.integers(1, 4))):
        hours = 3 if draw(st.booleans()) else 36
        seconds = draw(st.integers(-hours * 3600, hours * 3600))
        micro = draw(st.sampled_from([0, 0, 1, 500_000, 999_999]))
        scenario.instants.append(tr.at + dt.timedelta(seconds=seconds, microseconds=micro))
    fraction = st.floats(0, 1, exclude_max=True)
    scenario.fractions = draw(st.lists(fraction, max_size=5))
    scenario.in_zone = draw(st.booleans())
    return scenario


def example_of(zone: str, kind: str, week: Doc, minutes: int) -> DstScenario:
    """One of the reported failures, on the 2026 transition of that kind."""
    tr = next(t for t in TRANSITIONS if (t.zone, t.kind) == (zone, kind))
    as_pairs = {
        d: [(_m(i["start"]), _m(i["end"]) + (1440 if _m(i["end"]) <= _m(i["start"]) else 0))]
        for d, ivs in week.items()
        for i in ivs[:1]
    }
    return DstScenario(tr, as_pairs, [], 15, [tr.at + minutes * MINUTE], [0.5], False)


def _m(text: str) -> int:
    hh, mm = text.split(":")
    return int(hh) * 60 + int(mm)


#: the repeated hour: open "until 01:30" on the second pass, when 01:30 has already been
REPEATED = example_of("America/New_York", "repeat", daily(("00:00", "01:30")), 20)
#: spring forward: "closes 02:30" (an hour late), so the warning never fires
CLOSES_IN_GAP = example_of("America/New_York", "gap", daily(("00:00", "02:30")), -10)
#: spring forward: an interval inside the skipped hour predicted to open
INSIDE_GAP = example_of("Europe/Madrid", "gap", daily(("02:15", "02:45")), -10)


DST_PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _same_instant(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.astimezone(UTC) == b.astimezone(UTC)


@DST_PROPERTY
@given(scenario=dst_scenarios())
@example(scenario=REPEATED)
@example(scenario=CLOSES_IN_GAP)
@example(scenario=INSIDE_GAP)
def test_dst_state_is_constant_until_next_change_and_flips_there(scenario: DstScenario) -> None:
    engine = engine_for(scenario.doc(), {})
    zone = ZoneInfo(scenario.transition.zone)
    for t in scenario.instants:
        now = engine.channel("c", t.astimezone(zone) if scenario.in_zone else t)
        nc = now.next_change
        if nc is None:
            for days in (1, 30, 200, 366):
                later = engine.channel("c", t + dt.timedelta(days=days))
                assert (later.state, later.next_change) == (now.state, None)
            continue
        nc_utc = nc.astimezone(UTC)
        assert nc_utc > t
        assert nc_utc - t <= HORIZON + dt.timedelta(days=2)
        edges = [scenario.transition.at + k * SECOND for k in (-1, 0, 1)]
        between = [t + (nc_utc - t) * f for f in scenario.fractions]
        samples = [t, nc_utc - SECOND, *edges, *between]
        for s in samples:
            if not t <= s < nc_utc:
                continue
            inside = engine.channel("c", s)
            assert inside.state == now.state, s
            assert _same_instant(inside.next_change, nc), s
        after = engine.channel("c", nc)
        assert after.state != now.state
        expected_soon = now.state is OPEN and nc_utc - t <= dt.timedelta(minutes=scenario.warning)
        assert now.closing_soon == expected_soon


@DST_PROPERTY
@given(scenario=dst_scenarios())
@example(scenario=REPEATED)
@example(scenario=CLOSES_IN_GAP)
@example(scenario=INSIDE_GAP)
def test_dst_engine_agrees_with_absolute_reference(scenario: DstScenario) -> None:
    doc = scenario.doc()
    engine = engine_for(doc, {})
    reference = AbsoluteReference(doc, ZoneInfo(scenario.transition.zone))
    for t in scenario.instants:
        got = engine.channel("c", t)
        is_open, want = reference.state_and_change(t)
        assert got.state is (OPEN if is_open else CLOSED)
        if got.next_change is None:
            assert want is None or want - t > HORIZON
        else:
            assert got.next_change.astimezone(UTC) == want


@DST_PROPERTY
@given(scenario=dst_scenarios())
@example(scenario=REPEATED)
@example(scenario=CLOSES_IN_GAP)
@example(scenario=INSIDE_GAP)
def test_dst_next_update_is_after_now_and_nothing_shown_changes_before_it(
    scenario: DstScenario,
) -> None:
    engine = engine_for(scenario.doc(), {})
    for t in scenario.instants:
        update = engine.next_update(t)
        assert update is not None
        update_utc = update.astimezone(UTC)
        assert update_utc > t
        before = engine.snapshot(t)
        between = [t + (update_utc - t) * f for f in scenario.fractions]
        for s in [update_utc - SECOND, *between]:
            if not t <= s < update_utc:  # (a fraction near 1 can round up to the update)
                continue
            later = engine.snapshot(s)
            assert later.holiday == before.holiday
            assert [a for _c, a in later.channels] == [a for _c, a in before.channels], s


@pytest.mark.parametrize(
    ("lang", "text"),
    [("es", "abre lun 7:00 · en 1 d 7 h"), ("en", "opens Mon 7:00 · in 1 d 7 h")],
)
def test_countdown_over_spring_forward_counts_real_hours(lang: str, text: str) -> None:
    # Saturday 23:00 EST to Monday 07:00 EDT is 31 real hours, not the 32 on the wall
    engine = dst_engine("America/New_York", {"mon": [{"start": "07:00", "end": "19:00"}]})
    now = engine.local(dt.datetime(2026, 3, 7, 23, tzinfo=ZoneInfo("America/New_York")))
    got = engine.channel("c", now)
    assert got.next_change is not None
    assert opening_or_closing(False, got.next_change, now, lang) == text
