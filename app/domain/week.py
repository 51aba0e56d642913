"""The week ahead: every channel's open periods over the next few days, for the week view.

The window is whole days on the support centre's wall clock, from local midnight of the start
instant's date. Periods come straight from each :class:`Timetable`'s day spans, so holidays,
special days and intervals that cross midnight follow exactly the engine's rules: a period that
began the evening before the window is clipped at the window's start, one that runs past its end
is clipped there, and periods that touch (``20:00–24:00`` then ``00:00–03:00``) are one period.
Every edge becomes a real instant by the engine's :class:`~app.domain.wall_clock.WallClock`
rule, so on a DST day a period inside the skipped hour vanishes, like the engine's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from app.domain.availability import AvailabilityEngine, Timetable
from app.domain.wall_clock import DAY, OutOfRange, WallClock

RowKind = Literal["channel", "level"]
Period = tuple[dt.datetime, dt.datetime]  # [start, end), aware, in the centre's zone


@dataclass(frozen=True)
class DayInfo:
    date: dt.date
    weekday: int  # Monday is 0, as in ``date.weekday()``
    holiday: str | None
    special: tuple[str, ...]  # names of special days that cover this date, in config order


@dataclass(frozen=True)
class WeekRow:
    id: str  # a channel id, or ``level-N`` for escalation level N
    name: str
    kind: RowKind
    periods: tuple[Period, ...]
    always_open: bool
    #: per day of the window: why this row's hours differ from its week that day (a holiday
    #: that closes it, or a special day's name), else None
    reasons: tuple[str | None, ...]
    level: int | None = None


@dataclass(frozen=True)
class WeekPlan:
    start: dt.datetime  # local midnight, aware
    end: dt.datetime  # local midnight after the last day, aware
    days: tuple[DayInfo, ...]
    rows: tuple[WeekRow, ...]

    def row(self, row_id: str) -> WeekRow:
        return next(r for r in self.rows if r.id == row_id)


def week_plan(engine: AvailabilityEngine, start: dt.datetime, days: int = 7) -> WeekPlan:
    """Open periods of every channel, then every scheduled escalation level, over ``days``."""
    if days < 1:
        raise ValueError("a week plan needs at least one day")
    clock = engine.clock
    first = clock.reading(engine.local(start))[0] // DAY
    last = first + days - 1
    window = (first, last)
    start_moment, end_moment = clock.moment(first * DAY), clock.moment((last + 1) * DAY)
    if start_moment is None or end_moment is None:
        raise OutOfRange(f"a week from {start.isoformat()} runs past the representable range")
    config = engine.config
    infos = []
    for ordinal in range(first, last + 1):
        date = dt.date.fromordinal(ordinal)
        infos.append(
            DayInfo(
                date=date,
                weekday=date.weekday(),
                holiday=engine.calendar.name_on(date),
                special=tuple(s.name for s in config.special_days if s.covers(date)),
            )
        )
    rows = [
        _row(channel.id, channel.name, engine.timetable(channel.id), window=window, clock=clock)
        for channel in config.channels
    ]
    for index, level in enumerate(config.escalation):
        timetable = engine.level_timetable(index)
        if timetable is not None:
            row_id = f"level-{level.level}"
            rows.append(
                _row(row_id, level.name, timetable, window=window, clock=clock, level=level.level)
            )
    return WeekPlan(
        start=start_moment.at,
        end=end_moment.at,
        days=tuple(infos),
        rows=tuple(rows),
    )


def open_spans(timetable: Timetable, first: int, last: int) -> tuple[tuple[int, int], ...]:
    """Open ``[start, end)`` in wall seconds over days ``first..last`` (ordinals), clipped."""
    return timetable.open_spans(first, last)


def _row(
    row_id: str,
    name: str,
    timetable: Timetable,
    *,
    window: tuple[int, int],
    clock: WallClock,
    level: int | None = None,
) -> WeekRow:
    first, last = window
    return WeekRow(
        id=row_id,
        name=name,
        kind="channel" if level is None else "level",
        periods=_periods(clock, open_spans(timetable, first, last)),
        always_open=timetable.always_open,
        reasons=tuple(timetable.day(o).reason for o in range(first, last + 1)),
        level=level,
    )


def _periods(clock: WallClock, spans: tuple[tuple[int, int], ...]) -> tuple[Period, ...]:
    """Wall spans as real instants (see :meth:`WallClock.periods`)."""
    return tuple((a.at, b.at) for a, b in clock.periods(spans))
