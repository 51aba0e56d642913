"""The availability engine: open or closed at an instant, and when that next changes.

Schedules are read on the support centre's wall clock. A day's intervals belong to the day
they start on: a holiday or special day replaces the intervals that *start* that day, while an
interval from the evening before that runs past midnight still runs. Wall times are counted in
seconds since ``date.min`` so that a few integer comparisons answer each question; the
:class:`~app.domain.wall_clock.WallClock` turns instants into wall times and back, in absolute
time, with its rule for DST gaps and repeated hours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.calendar import HolidayCalendar
from app.domain.model import Channel, Config, EscalationLevel, Interval, Schedule
from app.domain.special_days import SpecialDays, SpecialRange
from app.domain.wall_clock import DAY, MAX_ORDINAL, Moment, OutOfRange, WallClock

SEARCH_DAYS = 366
_MICRO = 1_000_000
#: Centre-clock dates answered in full: the day before must exist, and the year-long search for
#: the next change (with its last interval's end) must stay within ``date.max``. Outside, the
#: engine still answers without raising, but knows no day before ``date.min`` and reports no
#: change it could not represent; ``canales status --at`` refuses such instants.
FIRST_FULL_DATE = dt.date.fromordinal(2)
LAST_FULL_DATE = dt.date.fromordinal(MAX_ORDINAL - SEARCH_DAYS - 4)

Span = tuple[int, int]  # [start, end) in seconds after the day's midnight; end may pass 86400
SpecialPlan = tuple[tuple[Span, ...], str]  # a special day's spans, and its name


class State(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Availability:
    state: State
    next_change: dt.datetime | None
    closing_soon: bool
    reason: str | None

    @property
    def always_open(self) -> bool:
        """Open with no change in sight: the 24/7 case."""
        return self.state is State.OPEN and self.next_change is None


UNKNOWN = Availability(State.UNKNOWN, None, closing_soon=False, reason=None)


def merge_spans(spans: Sequence[Span]) -> tuple[Span, ...]:
    """Sorted, with overlapping or touching spans joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return tuple(merged)


def spans_of(intervals: Sequence[Interval]) -> tuple[Span, ...]:
    return merge_spans([(i.start_minute * 60, i.end_minute * 60) for i in intervals])


@dataclass(frozen=True)
class DayPlan:
    spans: tuple[Span, ...]
    reason: str | None
    is_holiday_closure: bool


class Timetable:
    """One schedule as seen by one channel (its special days included), on the wall clock.

    There are no days before ``date.min`` or after ``date.max``: they have no hours.
    """

    def __init__(
        self,
        schedule: Schedule,
        calendar: HolidayCalendar,
        special: SpecialDays[SpecialPlan] | None = None,
    ) -> None:
        self._weekly = tuple(spans_of(schedule.week.for_weekday(d)) for d in range(7))
        self._closed_on_holidays = schedule.closed_on_holidays
        self._calendar = calendar
        self.special: SpecialDays[SpecialPlan] = SpecialDays() if special is None else special
        self._special = self.special.get if self.special else None
        self.always_open = (
            not self.special
            and not schedule.closed_on_holidays
            and all(_covers_day(spans) for spans in self._weekly)
        )

    @property
    def week(self) -> tuple[tuple[Span, ...], ...]:
        """The weekly spans, Monday first: the hours of a day no holiday or special day marks."""
        return self._weekly

    def day(self, ordinal: int) -> DayPlan:
        if not 1 <= ordinal <= MAX_ORDINAL:
            return DayPlan((), None, is_holiday_closure=False)
        special = None if self._special is None else self._special(ordinal)
        if special is not None:
            return DayPlan(special[0], special[1], is_holiday_closure=False)
        if self._closed_on_holidays:
            holiday = self._calendar.name_on_ordinal(ordinal)
            if holiday is not None:
                return DayPlan((), holiday, is_holiday_closure=True)
        return DayPlan(self._weekly[(ordinal - 1) % 7], None, is_holiday_closure=False)

    def spans(self, ordinal: int) -> tuple[Span, ...]:
        if not 1 <= ordinal <= MAX_ORDINAL:
            return ()
        if self._special is not None:
            special = self._special(ordinal)
            if special is not None:
                return special[0]
        if self._closed_on_holidays and self._calendar.name_on_ordinal(ordinal) is not None:
            return ()
        return self._weekly[(ordinal - 1) % 7]

    def open_spans(self, first: int, last: int) -> tuple[Span, ...]:
        """Open ``[start, end)`` in wall seconds over days ``first..last`` (ordinals), clipped
        to those days and merged. A span lasts under two days, so only the day before the
        window can reach into it; and day by day, spans come in order of their starts.

        The hot loop of coverage reports (200 channels x 90 days): :meth:`spans` inlined."""
        lo, hi = first * DAY, (last + 1) * DAY
        merged: list[Span] = []
        special = self._special
        holiday = self._calendar.name_on_ordinal if self._closed_on_holidays else None
        weekly = self._weekly
        for ordinal in range(max(first - 1, 1), min(last, MAX_ORDINAL) + 1):
            plan = None if special is None else special(ordinal)
            if plan is not None:
                day = plan[0]
            elif holiday is not None and holiday(ordinal) is not None:
                continue
            else:
                day = weekly[(ordinal - 1) % 7]
            base = ordinal * DAY
            for start, end in day:
                a, b = base + start, base + end
                if a < lo or b > hi:  # the day before, or past the last day: clip
                    a, b = max(a, lo), min(b, hi)
                    if a >= b:
                        continue
                if merged and a <= merged[-1][1]:
                    if b > merged[-1][1]:
                        merged[-1] = (merged[-1][0], b)
                else:
                    merged.append((a, b))
        return tuple(merged)

    def evaluate(self, x: int) -> tuple[bool, int | None]:
        """Open at wall second ``x``? and the next wall second at which that flips (None: not
        within a year, or not before the end of ``date.max``)."""
        if self.always_open:
            return True, None
        day = x // DAY
        run_end = -1
        for ordinal in (day - 1, day):
            base = ordinal * DAY
            for start, end in self.spans(ordinal):
                if base + start <= x < base + end and base + end > run_end:
                    run_end = base + end
        limit = min(day + SEARCH_DAYS, MAX_ORDINAL)
        if run_end < 0:
            for ordinal in range(day, limit + 1):
                base = ordinal * DAY
                for start, _end in self.spans(ordinal):
                    if base + start > x:
                        return False, base + start
            return False, None
        ordinal = day
        while ordinal * DAY <= run_end:
            if ordinal > limit:
                return True, None
            base = ordinal * DAY
            for start, end in self.spans(ordinal):
                if base + start <= run_end < base + end:
                    run_end = base + end
            ordinal += 1
        return True, run_end


def _covers_day(spans: tuple[Span, ...]) -> bool:
    return bool(spans) and spans[0][0] == 0 and spans[0][1] >= DAY


class AvailabilityEngine:
    """Compiled once per configuration; every question then takes an aware instant.

    Timetables answer on the wall clock (at the clock's *reading*); every change they predict
    is turned into the real instant it happens by :class:`WallClock`, so that the state is
    constant from ``at`` up to ``next_change`` and differs there, in any zone.
    """

    def __init__(self, config: Config, calendar: HolidayCalendar) -> None:
        self.config = config
        self.calendar = calendar
        self.zone = config.zone
        self.clock = WallClock(config.zone)
        self._warning = config.closing_soon_minutes * 60
        schedules = {s.id: s for s in config.schedules}
        self._channels = {
            c.id: Timetable(schedules[c.schedule], calendar, _special_for(config, c.id))
            for c in config.channels
        }
        self._levels = [
            Timetable(schedules[level.schedule], calendar) if level.schedule else None
            for level in config.escalation
        ]

    def local(self, at: dt.datetime) -> dt.datetime:
        """``at`` on the centre's clock; :class:`~app.domain.wall_clock.OutOfRange` when that
        or UTC cannot represent it."""
        return self.clock.local(at)

    def checked(self, at: dt.datetime) -> dt.datetime:
        """``at`` on the centre's clock, or :class:`OutOfRange` unless it is answered in full
        (its date on that clock from :data:`FIRST_FULL_DATE` to :data:`LAST_FULL_DATE`)."""
        local = self.local(at)
        ordinal = self.clock.reading(local)[0] // DAY
        if not FIRST_FULL_DATE.toordinal() <= ordinal <= LAST_FULL_DATE.toordinal():
            raise OutOfRange(f"{at.isoformat()} is outside the dates answered in full")
        return local

    def channel(self, channel_id: str, at: dt.datetime) -> Availability:
        wall, utc = self.clock.reading(self.local(at))
        return self._availability(self._channels[channel_id], wall, utc)

    def level(self, index: int, at: dt.datetime) -> Availability:
        """``index`` counts from 0 along ``config.escalation``."""
        timetable = self._levels[index]
        if timetable is None:
            return UNKNOWN
        wall, utc = self.clock.reading(self.local(at))
        return self._availability(timetable, wall, utc)

    def timetable(self, channel_id: str) -> Timetable:
        return self._channels[channel_id]

    def level_timetable(self, index: int) -> Timetable | None:
        return self._levels[index]

    def open_periods(
        self, channel_id: str, start: dt.datetime, end: dt.datetime
    ) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
        """The channel's open periods within ``[start, end)``, as real instants on the centre's
        clock: the channel is open at ``t`` there exactly when ``channel(t)`` says so (interval
        algebra on the timetable, not sampling). :class:`OutOfRange` past representable time."""
        timetable = self._channels[channel_id]
        first_local, last_local = self.local(start), self.local(end)
        (wall_lo, utc_lo), (wall_hi, utc_hi) = map(self.clock.reading, (first_local, last_local))
        lo = utc_lo * _MICRO + first_local.microsecond  # the engine reads whole seconds;
        hi = utc_hi * _MICRO + last_local.microsecond  # the window's edges keep theirs
        periods: list[tuple[dt.datetime, dt.datetime]] = []
        if hi <= lo:
            return ()
        for a, b in self.clock.periods(timetable.open_spans(wall_lo // DAY, wall_hi // DAY)):
            if a.utc * _MICRO < hi and b.utc * _MICRO > lo:
                periods.append(
                    (
                        a.at if a.utc * _MICRO >= lo else first_local,
                        b.at if b.utc * _MICRO <= hi else last_local,
                    )
                )
        return tuple(periods)

    def _change(self, timetable: Timetable, wall: int) -> tuple[bool, Moment | None]:
        """Open at reading ``wall``? and the moment that next flips, in absolute time."""
        is_open, change = timetable.evaluate(wall)
        while change is not None:
            moment = self.clock.moment(change)
            if moment is None:  # past the end of representable time
                return is_open, None
            if moment.wall == change:
                return is_open, moment
            # the change fell in a DST gap: what holds when the clock resumes decides
            resumed, change = timetable.evaluate(moment.wall)
            if resumed != is_open:
                return is_open, moment
        return is_open, None

    def _availability(self, timetable: Timetable, wall: int, utc: int) -> Availability:
        is_open, moment = self._change(timetable, wall)
        plan = timetable.day(wall // DAY)
        # a holiday explains a closure; a special day is worth naming either way
        reason = None if (is_open and plan.is_holiday_closure) else plan.reason
        closing_soon = is_open and moment is not None and moment.utc - utc <= self._warning
        return Availability(
            State.OPEN if is_open else State.CLOSED,
            None if moment is None else moment.at,
            closing_soon=closing_soon,
            reason=reason,
        )

    def snapshot(self, at: dt.datetime) -> Snapshot:
        local = self.local(at)
        wall, utc = self.clock.reading(local)
        return Snapshot(
            at=local,
            holiday=self.calendar.name_on_ordinal(wall // DAY),
            channels=tuple(
                (c, self._availability(self._channels[c.id], wall, utc))
                for c in self.config.channels
            ),
            escalation=tuple(
                (level, UNKNOWN if t is None else self._availability(t, wall, utc))
                for level, t in zip(self.config.escalation, self._levels, strict=True)
            ),
        )

    def recommend(self, request_type_id: str, at: dt.datetime) -> list[Channel]:
        """Open channels serving the request type, in configured order; else its open fallback."""
        rtype = next(r for r in self.config.request_types if r.id == request_type_id)
        wall, _utc = self.clock.reading(self.local(at))

        def is_open(channel_id: str) -> bool:
            return self._channels[channel_id].evaluate(wall)[0]

        primary = [
            c
            for c in self.config.channels
            if request_type_id in c.request_types and c.id != rtype.fallback and is_open(c.id)
        ]
        if primary or rtype.fallback is None or not is_open(rtype.fallback):
            return primary
        return [self.config.channel(rtype.fallback)]

    def next_opening(
        self, request_type_id: str, at: dt.datetime
    ) -> tuple[Channel, dt.datetime] | None:
        """When nothing for the request type is open: which of its channels opens first."""
        wall, _utc = self.clock.reading(self.local(at))
        best: tuple[Channel, Moment] | None = None
        for channel in self.config.channels:
            if request_type_id not in channel.request_types:
                continue
            is_open, moment = self._change(self._channels[channel.id], wall)
            if not is_open and moment is not None and (best is None or moment.utc < best[1].utc):
                best = (channel, moment)
        return None if best is None else (best[0], best[1].at)

    def next_update(self, at: dt.datetime) -> dt.datetime | None:
        """The next instant any state, closing-soon flag or the date changes: when a display
        must redraw. Always after ``at``; None only at the end of representable time."""
        wall, utc = self.clock.reading(self.local(at))
        midnight = self.clock.moment((wall // DAY + 1) * DAY)  # the holiday banner changes
        candidates = [] if midnight is None else [midnight.utc]
        timetables = [*self._channels.values(), *(t for t in self._levels if t is not None)]
        for timetable in timetables:
            is_open, moment = self._change(timetable, wall)
            if moment is None:
                continue
            candidates.append(moment.utc)
            if is_open and moment.utc - self._warning > utc:
                candidates.append(moment.utc - self._warning)
        best = self.clock.at_utc(min(candidates)) if candidates else None
        return None if best is None else best.at


@dataclass(frozen=True)
class Snapshot:
    at: dt.datetime
    holiday: str | None
    channels: tuple[tuple[Channel, Availability], ...]
    escalation: tuple[tuple[EscalationLevel, Availability], ...]


def _special_for(config: Config, channel_id: str) -> SpecialDays[SpecialPlan]:
    """The channel's special days as ranges, in configuration order (the last listed wins)."""
    return SpecialDays(
        [
            SpecialRange(
                special.date.toordinal(),
                (special.until or special.date).toordinal(),
                (() if special.closed else spans_of(special.hours), special.name),
            )
            for special in config.special_days
            if channel_id in special.channels
        ]
    )
