"""The availability engine: open or closed at an instant, and when that next changes.

Everything is evaluated on the support centre's wall clock. A day's intervals belong to the day
they start on: a holiday or special day replaces the intervals that *start* that day, while an
interval from the evening before that runs past midnight still runs. Times are counted in
seconds since ``date.min`` so that a few integer comparisons answer each question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.calendar import HolidayCalendar
from app.domain.model import Channel, Config, EscalationLevel, Interval, Schedule

DAY = 86_400
SEARCH_DAYS = 366
_EPOCH = dt.datetime(1, 1, 1)  # ordinal 1, 00:00

Span = tuple[int, int]  # [start, end) in seconds after the day's midnight; end may pass 86400


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
    """One schedule as seen by one channel (its special days included)."""

    def __init__(
        self,
        schedule: Schedule,
        calendar: HolidayCalendar,
        special: Mapping[int, tuple[tuple[Span, ...], str]],
    ) -> None:
        self._weekly = tuple(spans_of(schedule.week.for_weekday(d)) for d in range(7))
        self._closed_on_holidays = schedule.closed_on_holidays
        self._calendar = calendar
        self._special = special
        self.always_open = (
            not special
            and not schedule.closed_on_holidays
            and all(_covers_day(spans) for spans in self._weekly)
        )

    def day(self, ordinal: int) -> DayPlan:
        special = self._special.get(ordinal)
        if special is not None:
            return DayPlan(special[0], special[1], is_holiday_closure=False)
        if self._closed_on_holidays:
            holiday = self._calendar.name_on_ordinal(ordinal)
            if holiday is not None:
                return DayPlan((), holiday, is_holiday_closure=True)
        return DayPlan(self._weekly[(ordinal - 1) % 7], None, is_holiday_closure=False)

    def spans(self, ordinal: int) -> tuple[Span, ...]:
        special = self._special.get(ordinal)
        if special is not None:
            return special[0]
        if self._closed_on_holidays and self._calendar.name_on_ordinal(ordinal) is not None:
            return ()
        return self._weekly[(ordinal - 1) % 7]

    def evaluate(self, x: int) -> tuple[bool, int | None]:
        """Open at second ``x``? and the next second at which that flips (None: not in a year)."""
        if self.always_open:
            return True, None
        day = x // DAY
        run_end = -1
        for ordinal in (day - 1, day):
            base = ordinal * DAY
            for start, end in self.spans(ordinal):
                if base + start <= x < base + end and base + end > run_end:
                    run_end = base + end
        limit = day + SEARCH_DAYS
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


def to_seconds(local: dt.datetime) -> int:
    """Wall-clock seconds since ``date.min`` (fractions dropped: boundaries are whole minutes)."""
    return local.toordinal() * DAY + local.hour * 3600 + local.minute * 60 + local.second


def from_seconds(x: int, zone: dt.tzinfo) -> dt.datetime:
    return (_EPOCH + dt.timedelta(seconds=x - DAY)).replace(tzinfo=zone)


class AvailabilityEngine:
    """Compiled once per configuration; every question then takes an aware instant."""

    def __init__(self, config: Config, calendar: HolidayCalendar) -> None:
        self.config = config
        self.calendar = calendar
        self.zone = config.zone
        self._warning = config.closing_soon_minutes * 60
        schedules = {s.id: s for s in config.schedules}
        self._channels = {
            c.id: Timetable(schedules[c.schedule], calendar, _special_for(config, c.id))
            for c in config.channels
        }
        self._levels = [
            Timetable(schedules[level.schedule], calendar, {}) if level.schedule else None
            for level in config.escalation
        ]

    def local(self, at: dt.datetime) -> dt.datetime:
        if at.tzinfo is None:
            raise ValueError("the engine needs an aware datetime")
        return at.astimezone(self.zone)

    def channel(self, channel_id: str, at: dt.datetime) -> Availability:
        return self._availability(self._channels[channel_id], self.local(at))

    def level(self, index: int, at: dt.datetime) -> Availability:
        """``index`` counts from 0 along ``config.escalation``."""
        timetable = self._levels[index]
        return UNKNOWN if timetable is None else self._availability(timetable, self.local(at))

    def timetable(self, channel_id: str) -> Timetable:
        return self._channels[channel_id]

    def level_timetable(self, index: int) -> Timetable | None:
        return self._levels[index]

    def _availability(self, timetable: Timetable, local: dt.datetime) -> Availability:
        x = to_seconds(local)
        is_open, change = timetable.evaluate(x)
        plan = timetable.day(x // DAY)
        # a holiday explains a closure; a special day is worth naming either way
        reason = None if (is_open and plan.is_holiday_closure) else plan.reason
        closing_soon = is_open and change is not None and change - x <= self._warning
        return Availability(
            State.OPEN if is_open else State.CLOSED,
            None if change is None else from_seconds(change, self.zone),
            closing_soon=closing_soon,
            reason=reason,
        )

    def snapshot(self, at: dt.datetime) -> Snapshot:
        local = self.local(at)
        return Snapshot(
            at=local,
            holiday=self.calendar.name_on(local.date()),
            channels=tuple(
                (c, self._availability(self._channels[c.id], local)) for c in self.config.channels
            ),
            escalation=tuple(
                (level, self.level(i, local)) for i, level in enumerate(self.config.escalation)
            ),
        )

    def recommend(self, request_type_id: str, at: dt.datetime) -> list[Channel]:
        """Open channels serving the request type, in configured order; else its open fallback."""
        rtype = next(r for r in self.config.request_types if r.id == request_type_id)
        local = self.local(at)
        x = to_seconds(local)

        def is_open(channel_id: str) -> bool:
            return self._channels[channel_id].evaluate(x)[0]

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
        local = self.local(at)
        x = to_seconds(local)
        best: tuple[Channel, int] | None = None
        for channel in self.config.channels:
            if request_type_id not in channel.request_types:
                continue
            is_open, change = self._channels[channel.id].evaluate(x)
            if not is_open and change is not None and (best is None or change < best[1]):
                best = (channel, change)
        return None if best is None else (best[0], from_seconds(best[1], self.zone))

    def next_update(self, at: dt.datetime) -> dt.datetime:
        """The next instant any state or closing-soon flag changes: when a display must redraw."""
        x = to_seconds(self.local(at))
        best = (x // DAY + 1) * DAY  # the holiday banner changes at local midnight
        timetables = [*self._channels.values(), *(t for t in self._levels if t is not None)]
        for timetable in timetables:
            is_open, change = timetable.evaluate(x)
            if change is None:
                continue
            candidates = [change]
            if is_open and change - self._warning > x:
                candidates.append(change - self._warning)
            best = min(best, *candidates)
        return from_seconds(best, self.zone)


@dataclass(frozen=True)
class Snapshot:
    at: dt.datetime
    holiday: str | None
    channels: tuple[tuple[Channel, Availability], ...]
    escalation: tuple[tuple[EscalationLevel, Availability], ...]


def _special_for(config: Config, channel_id: str) -> dict[int, tuple[tuple[Span, ...], str]]:
    table: dict[int, tuple[tuple[Span, ...], str]] = {}
    for special in config.special_days:
        if channel_id not in special.channels:
            continue
        spans = () if special.closed else spans_of(special.hours)
        last = special.until or special.date
        for ordinal in range(special.date.toordinal(), last.toordinal() + 1):
            table[ordinal] = (spans, special.name)
    return table
