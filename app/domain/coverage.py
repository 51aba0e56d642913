"""Coverage: when no channel serving a request type is open, over whole days ahead.

Computed by interval algebra on the engine's own timetables, never by sampling: the union of
the request type's channels' open spans over the window, exactly their
:meth:`Timetable.open_spans` (so holidays, special days and intervals that cross midnight follow
the engine's rules), and its complement within the window: the *gaps*. The union is built by
:class:`~app.domain.coverage_spans.WindowSpans`: the channels' regular week united once and
repeated, and only the days a holiday or special day marks (and the day after each) read day by
day from the timetables. Everything is done on the centre's wall clock
(seconds since ``date.min``) and only the edges become real instants, by the same
:class:`~app.domain.wall_clock.WallClock` rule as every change the engine predicts; so at any
instant ``t`` of the window, ``t`` lies in a gap exactly when the engine finds none of the
request type's channels open at ``t``, in any zone and across DST changes.

Two variants per request type, after the recommendation rule (``AvailabilityEngine.recommend``):
*without* its fallback (the channels that serve it, the fallback excluded) and *with* it (the
fallback too: what an agent is in fact offered). Within a gap, the parts where some *ordinary*
channel is open — one that serves some request type other than as its fallback, so not a 24/7
critical line kept for emergencies — are marked: then the centre attends, only not this type.

The window is whole days on the centre's clock, from local midnight of the start instant's
date, like the week view: a gap is reported as the supervisor's hours write it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from app.domain.availability import AvailabilityEngine, Span, Timetable
from app.domain.coverage_spans import WEEK, WindowSpans
from app.domain.model import Channel, Config, RequestType
from app.domain.wall_clock import DAY, MAX_ORDINAL, Moment, OutOfRange

DEFAULT_DAYS = 14
MAX_DAYS = 366

ReasonKind = Literal["holiday", "special_day", "no_channel"]


@dataclass(frozen=True)
class Reason:
    """Why a serving channel is closed on a date inside a gap beyond its weekly hours (a
    holiday that closes it, a special day), or that no channel serves the request type."""

    kind: ReasonKind
    date: dt.date | None  # None for ``no_channel``
    name: str | None


@dataclass(frozen=True)
class Part:
    """A period: ``wall`` on the centre's wall clock, ``start``/``end`` the real instants."""

    wall: Span
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class Gap(Part):
    #: the parts of the gap in which an ordinary channel of another request type is open
    others_open: tuple[Part, ...] = ()
    reasons: tuple[Reason, ...] = ()


Piece = tuple[int, int, bool]  # [start, end) seconds within a day; whether others are open
#: a regular week's gaps, Monday first: each day's pieces, from the weekly hours alone
WeekPattern = tuple[tuple[Piece, ...], ...]


@dataclass(frozen=True)
class TypeCoverage:
    request_type: RequestType
    channels: tuple[str, ...]  # the channels that serve it, its fallback excluded, in order
    gaps: tuple[Gap, ...]  # no channel serving it is open
    gaps_with_fallback: tuple[Gap, ...]  # nor its fallback (the same when it has none)
    #: the same two for a week that no holiday or special day marks, on the wall clock
    week: WeekPattern = ()
    week_with_fallback: WeekPattern = ()

    @property
    def fallback(self) -> str | None:
        return self.request_type.fallback


@dataclass(frozen=True)
class DayMark:
    date: dt.date
    holiday: str | None
    special: tuple[str, ...]  # names of special days covering the date, in config order


@dataclass(frozen=True)
class Coverage:
    start: dt.datetime  # local midnight of the first day, aware
    end: dt.datetime  # local midnight after the last day, aware
    first: int  # the first day's ordinal on the centre's clock
    days: int
    timezone: str
    marks: tuple[DayMark, ...]  # one per day of the window
    types: tuple[TypeCoverage, ...]  # in configuration order

    def of(self, request_type_id: str) -> TypeCoverage:
        return next(t for t in self.types if t.request_type.id == request_type_id)


def primary_channels(config: Config, rtype: RequestType) -> list[Channel]:
    """The channels that serve ``rtype``, its fallback excluded (as ``recommend`` picks)."""
    return [c for c in config.channels if rtype.id in c.request_types and c.id != rtype.fallback]


def is_ordinary(config: Config, channel: Channel) -> bool:
    """Serves some request type other than as its fallback (a 24/7 emergency line that is
    only a fallback is not: its being open does not mean the centre attends)."""
    return any(
        r.id in channel.request_types and channel.id != r.fallback for r in config.request_types
    )


def coverage(engine: AvailabilityEngine, start: dt.datetime, days: int = DEFAULT_DAYS) -> Coverage:
    """Gaps per request type over ``days`` whole days from the centre's date of ``start``.

    ValueError when ``days`` is outside 1..:data:`MAX_DAYS`; :class:`OutOfRange` when the window
    runs past representable time.
    """
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"coverage needs 1 to {MAX_DAYS} days, not {days}")
    return _Builder(engine, start, days).build()


class _Builder:
    def __init__(self, engine: AvailabilityEngine, start: dt.datetime, days: int) -> None:
        self.engine = engine
        self.config = engine.config
        self.clock = engine.clock
        self.first = self.clock.reading(engine.local(start))[0] // DAY
        self.last = self.first + days - 1
        self.days = days
        self.lo, self.hi = self.first * DAY, (self.last + 1) * DAY
        self._moments: dict[int, Moment] = {}
        self._made: dict[tuple[ReasonKind, int, str], Reason] = {}
        if self.first <= 1 or self.last >= MAX_ORDINAL:
            raise OutOfRange(f"the coverage window from {start.isoformat()} is not representable")
        specials = self.config.special_days
        # only on these days (and the one before the window) can a plan differ from the weekly
        # hours: holidays, and the special days
        name_on = engine.calendar.name_on_ordinal
        marked = {o for o in range(self.first - 1, self.last + 1) if name_on(o) is not None}
        marked |= {
            ordinal
            for s in specials
            for ordinal in range(
                max(s.date.toordinal(), self.first - 1),
                min((s.until or s.date).toordinal(), self.last) + 1,
            )
        }
        self._marked = sorted(o for o in marked if o >= self.first)
        # channels with the same schedule and the same special days share one timetable's
        # answers: computed once per such group
        self._group_of: dict[str, tuple[str, tuple[int, ...]]] = {}
        timetables: dict[tuple[str, tuple[int, ...]], Timetable] = {}
        for channel in self.config.channels:
            key = (
                channel.schedule,
                tuple(i for i, s in enumerate(specials) if channel.id in s.channels),
            )
            self._group_of[channel.id] = key
            if key not in timetables:
                timetables[key] = engine.timetable(channel.id)
        self._spans = WindowSpans(timetables, self.first, self.last, marked)
        self._reasons = {key: self._reasons_of(t) for key, t in timetables.items()}

    def _reasons_of(self, timetable: Timetable) -> dict[int, Reason]:
        reasons: dict[int, Reason] = {}
        for ordinal in self._marked:  # only there can a day differ from its weekly hours
            plan = timetable.day(ordinal)
            if plan.reason is not None:
                kind: ReasonKind = "holiday" if plan.is_holiday_closure else "special_day"
                made = (kind, ordinal, plan.reason)
                reason = self._made.get(made)
                if reason is None:
                    reason = self._made[made] = Reason(
                        kind, dt.date.fromordinal(ordinal), plan.reason
                    )
                reasons[ordinal] = reason
        return reasons

    def moment(self, wall: int) -> Moment:
        found = self._moments.get(wall)
        if found is None:
            happens = self.clock.moment(wall)
            if happens is None:
                raise OutOfRange(f"the coverage window runs past representable time ({wall})")
            found = self._moments[wall] = happens
        return found

    def union(self, channel_ids: Iterable[str], week: bool = False) -> tuple[Span, ...]:
        """Open spans of any of the channels: over the window, or (``week``) over a regular
        week from Monday 0:00."""
        keys = [self._group_of[c] for c in channel_ids]
        return self._spans.week(keys) if week else self._spans.window(keys)

    def build(self) -> Coverage:
        config = self.config
        ordinary_ids = [c.id for c in config.channels if is_ordinary(config, c)]
        ordinary = self.union(ordinary_ids)
        ordinary_week = self.union(ordinary_ids, week=True)
        types = []
        for rtype in config.request_types:
            serving = [c.id for c in primary_channels(config, rtype)]
            open_without = self.union(serving)
            with_ids = [*serving, *([rtype.fallback] if rtype.fallback else [])]
            open_with = self.union(with_ids) if rtype.fallback else open_without
            gaps = self._gaps(open_without, ordinary, serving)
            gaps_with = self._gaps(open_with, ordinary, with_ids) if rtype.fallback else gaps
            week = _pattern(self.union(serving, week=True), ordinary_week)
            week_with = (
                _pattern(self.union(with_ids, week=True), ordinary_week) if rtype.fallback else week
            )
            types.append(TypeCoverage(rtype, tuple(serving), gaps, gaps_with, week, week_with))
        start, end = self.moment(self.lo), self.moment(self.hi)
        return Coverage(
            start=start.at,
            end=end.at,
            first=self.first,
            days=self.days,
            timezone=config.timezone,
            marks=self._marks(),
            types=tuple(types),
        )

    def _marks(self) -> tuple[DayMark, ...]:
        calendar, specials = self.engine.calendar, self.config.special_days
        marks = []
        for ordinal in range(self.first, self.last + 1):
            day = dt.date.fromordinal(ordinal)
            names = tuple(s.name for s in specials if s.covers(day))
            marks.append(DayMark(day, calendar.name_on_ordinal(ordinal), names))
        return tuple(marks)

    def _gaps(
        self, open_spans: Sequence[Span], ordinary: Sequence[Span], channel_ids: Sequence[str]
    ) -> tuple[Gap, ...]:
        reasons_by_day = self._reasons_by_day(channel_ids)
        no_channel: tuple[Reason, ...] = () if channel_ids else (Reason("no_channel", None, None),)
        gaps: list[Gap] = []
        for a, b, start, end in self._real(complement(open_spans, self.lo, self.hi)):
            reasons = no_channel
            if reasons_by_day:
                days = range(a // DAY, (b - 1) // DAY + 1)
                reasons += tuple(reason for day in days for reason in reasons_by_day.get(day, ()))
            others = tuple(
                Part((c, d), moment_c.at, moment_d.at)
                for c, d, moment_c, moment_d in self._real(intersection(ordinary, a, b))
            )
            gaps.append(Gap((a, b), start.at, end.at, others, reasons))
        return tuple(gaps)

    def _real(self, spans: Iterable[Span]) -> list[tuple[int, int, Moment, Moment]]:
        """Wall spans that happen, with their edges' moments: one wholly inside a DST gap is
        dropped, and two that touch in real time (a DST gap swallowed what lay between them)
        become one."""
        out: list[tuple[int, int, Moment, Moment]] = []
        moment = self.moment
        for a, b in spans:
            start, end = moment(a), moment(b)
            if start.utc == end.utc:
                continue
            if out and out[-1][3].utc == start.utc:
                out[-1] = (out[-1][0], b, out[-1][2], end)
            else:
                out.append((a, b, start, end))
        return out

    def _reasons_by_day(self, channel_ids: Sequence[str]) -> dict[int, tuple[Reason, ...]]:
        # reasons are made once per (date, kind, name), so the same reason is the same object
        found: dict[int, dict[int, Reason]] = {}
        for key in dict.fromkeys(self._group_of[c] for c in channel_ids):
            for day, reason in self._reasons[key].items():
                found.setdefault(day, {})[id(reason)] = reason
        return {day: tuple(reasons.values()) for day, reasons in sorted(found.items())}


def _pattern(open_week: Sequence[Span], ordinary_week: Sequence[Span]) -> WeekPattern:
    """Each weekday's gap pieces in a regular week, split where ordinary channels open."""
    days: list[list[Piece]] = [[] for _ in range(7)]
    for a, b in complement(open_week, 0, WEEK):
        cursor = a
        segments: list[Piece] = []
        for start, end in intersection(ordinary_week, a, b):
            if start > cursor:
                segments.append((cursor, start, False))
            segments.append((start, end, True))
            cursor = end
        if cursor < b:
            segments.append((cursor, b, False))
        for start, end, others in segments:
            for weekday in range(start // DAY, (end - 1) // DAY + 1):
                base = weekday * DAY
                days[weekday].append((max(start, base) - base, min(end, base + DAY) - base, others))
    return tuple(tuple(day) for day in days)


def complement(spans: Sequence[Span], lo: int, hi: int) -> list[Span]:
    """``[lo, hi)`` minus sorted, disjoint ``spans``."""
    out: list[Span] = []
    cursor = lo
    for start, end in spans:
        if end <= cursor:
            continue
        if start >= hi:
            break
        if start > cursor:
            out.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < hi:
        out.append((cursor, hi))
    return out


def intersection(spans: Sequence[Span], lo: int, hi: int) -> list[Span]:
    """Sorted, disjoint ``spans`` clipped to ``[lo, hi)``."""
    i = max(bisect_right(spans, (lo, lo)) - 1, 0)
    out: list[Span] = []
    for start, end in spans[i:]:
        if start >= hi:
            break
        if end > lo:
            out.append((max(start, lo), min(end, hi)))
    return out
