"""The week ahead: every channel's open periods over the next few days, for the week view.

The window is whole days on the support centre's wall clock, from local midnight of the start
instant's date. Periods come straight from each :class:`Timetable`'s day spans, so holidays,
special days and intervals that cross midnight follow exactly the engine's rules: a period that
began the evening before the window is clipped at the window's start, one that runs past its end
is clipped there, and periods that touch (``20:00–24:00`` then ``00:00–03:00``) are one period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from app.domain.availability import DAY, AvailabilityEngine, Timetable, from_seconds, merge_spans

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
    zone = engine.zone
    first = engine.local(start).date().toordinal()
    last = first + days - 1
    window = (first, last)
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
        _row(channel.id, channel.name, engine.timetable(channel.id), window=window, zone=zone)
        for channel in config.channels
    ]
    for index, level in enumerate(config.escalation):
        timetable = engine.level_timetable(index)
        if timetable is not None:
            row_id = f"level-{level.level}"
            rows.append(
                _row(row_id, level.name, timetable, window=window, zone=zone, level=level.level)
            )
    return WeekPlan(
        start=from_seconds(first * DAY, zone),
        end=from_seconds((last + 1) * DAY, zone),
        days=tuple(infos),
        rows=tuple(rows),
    )


def open_spans(timetable: Timetable, first: int, last: int) -> tuple[tuple[int, int], ...]:
    """Open ``[start, end)`` in engine seconds over days ``first..last`` (ordinals), clipped.

    A span lasts under two days, so only the day before the window can reach into it.
    """
    lo, hi = first * DAY, (last + 1) * DAY
    absolute = [
        (ordinal * DAY + start, ordinal * DAY + end)
        for ordinal in range(first - 1, last + 1)
        for start, end in timetable.spans(ordinal)
    ]
    clipped = [(max(s, lo), min(e, hi)) for s, e in absolute if e > lo and s < hi]
    return merge_spans(clipped)


def _row(
    row_id: str,
    name: str,
    timetable: Timetable,
    *,
    window: tuple[int, int],
    zone: dt.tzinfo,
    level: int | None = None,
) -> WeekRow:
    first, last = window
    return WeekRow(
        id=row_id,
        name=name,
        kind="channel" if level is None else "level",
        periods=tuple(
            (from_seconds(s, zone), from_seconds(e, zone))
            for s, e in open_spans(timetable, first, last)
        ),
        always_open=timetable.always_open,
        reasons=tuple(timetable.day(o).reason for o in range(first, last + 1)),
        level=level,
    )
