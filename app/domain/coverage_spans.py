"""Open spans of sets of timetables over a window of whole days, a regular week at a time.

A day's open time on the wall clock depends only on the plans of that day and of the day
before: an interval starts on its own day and lasts at most 24 hours, so only the evening before
can run into a day. Where neither day is *marked* (no holiday, no special day), both follow the
weekly hours, and the day's open time is that weekday's share of the regular week
(:func:`week_spans`, Sunday night running on into Monday morning). So for a set of timetables
the union of their regular weeks is computed once (one sweep over their sorted spans) and
repeated day after day across the window; only the *exception days* (a marked day, and the day
after it, into which the marked day's evening runs) are read day by day, from the engine's own
:meth:`Timetable.spans`. The window's first day counts the day before it like any other (a
marked day before the window makes the first day an exception), and nothing is emitted past
the last day: the result is exactly :meth:`Timetable.open_spans` of each timetable, united.

Everything here is on the wall clock, where a DST change moves no span: the zone decides only
which wall seconds happen, which coverage settles when it turns the edges into instants.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import chain
from typing import Generic, TypeVar

from app.domain.availability import Span, Timetable, merge_spans
from app.domain.wall_clock import DAY

WEEK = 7 * DAY
#: a regular week's open pieces, Monday first: ``[start, end)`` seconds within each day
WeekDays = tuple[tuple[Span, ...], ...]

K = TypeVar("K", bound=Hashable)


def week_spans(timetable: Timetable) -> tuple[Span, ...]:
    """A regular week's open spans on ``[0, WEEK)`` from Monday 0:00; Sunday night's run past
    midnight goes on into Monday morning."""
    spans: list[Span] = []
    for weekday, day in enumerate(timetable.week):
        base = weekday * DAY
        for start, end in day:
            a, b = base + start, base + end
            if b > WEEK:
                spans.append((a, WEEK))
                spans.append((0, b - WEEK))
            else:
                spans.append((a, b))
    return merge_spans(spans)


def union(spans: Iterable[tuple[Span, ...]]) -> tuple[Span, ...]:
    """Sorted, disjoint spans covering what any of the sorted, disjoint ``spans`` cover: one
    sort of the concatenated runs (which finds the runs already in order), one sweep."""
    unique = list(dict.fromkeys(spans))  # equal hours count once
    if not unique:
        return ()
    if len(unique) == 1:
        return unique[0]
    return merge_spans(list(chain.from_iterable(unique)))


def split_days(week: Sequence[Span]) -> WeekDays:
    """Spans on ``[0, WEEK)`` cut at each midnight: each weekday's pieces within its day."""
    days: list[list[Span]] = [[] for _ in range(7)]
    for start, end in week:
        for weekday in range(start // DAY, (end - 1) // DAY + 1):
            base = weekday * DAY
            days[weekday].append((max(start, base) - base, min(end, base + DAY) - base))
    return tuple(tuple(day) for day in days)


class WindowSpans(Generic[K]):
    """Open spans over the days ``first..last`` (ordinals) of unions of timetables, each known
    by a key. ``marked`` holds at least every day from ``first - 1`` to ``last`` on which a
    timetable's plan may differ from its weekly hours (holidays, special days)."""

    def __init__(
        self, timetables: Mapping[K, Timetable], first: int, last: int, marked: Iterable[int]
    ) -> None:
        self.first, self.last = first, last
        self._timetables = dict(timetables)
        self._week = {key: week_spans(t) for key, t in self._timetables.items()}
        #: days read day by day: a marked day, and the one after it
        self.exceptions = tuple(
            sorted({day for m in marked for day in (m, m + 1) if first <= day <= last})
        )
        #: the days whose plans those are read from
        self._plan_days = sorted({day - k for day in self.exceptions for k in (1, 0)})
        self._days: dict[K, tuple[tuple[Span, ...], ...]] = {}
        self._weeks: dict[tuple[K, ...], tuple[Span, ...]] = {}

    def week(self, keys: Iterable[K]) -> tuple[Span, ...]:
        """The timetables' united regular week on ``[0, WEEK)`` from Monday 0:00."""
        unique = tuple(dict.fromkeys(keys))
        found = self._weeks.get(unique)
        if found is None:
            found = self._weeks[unique] = union(self._week[key] for key in unique)
        return found

    def window(self, keys: Iterable[K]) -> tuple[Span, ...]:
        """The timetables' united open spans over the window, in wall seconds: sorted,
        disjoint, touching spans joined, clipped to the window's days."""
        unique = tuple(dict.fromkeys(keys))
        if not unique:
            return ()
        regular = split_days(self.week(unique))
        rows = [self._exception_days(key) for key in unique]
        exceptional = dict(zip(self.exceptions, map(union, zip(*rows, strict=True)), strict=True))
        out: list[Span] = []
        for ordinal in range(self.first, self.last + 1):
            pieces = exceptional.get(ordinal)
            if pieces is None:
                pieces = regular[(ordinal - 1) % 7]  # ordinal 1 is a Monday
            base = ordinal * DAY
            for start, end in pieces:
                # within a day pieces neither touch nor overlap: only a piece from midnight can
                # join the day before's last
                if start == 0 and out and out[-1][1] == base:
                    out[-1] = (out[-1][0], base + end)
                else:
                    out.append((base + start, base + end))
        return tuple(out)

    def _exception_days(self, key: K) -> tuple[tuple[Span, ...], ...]:
        """One timetable's open pieces within each exception day, from the engine's plans of
        that day and the day before."""
        found = self._days.get(key)
        if found is None:
            spans = self._timetables[key].spans
            plans = {ordinal: spans(ordinal) for ordinal in self._plan_days}
            found = self._days[key] = tuple(
                _within_day(plans[day - 1], plans[day]) for day in self.exceptions
            )
        return found


def _within_day(before: tuple[Span, ...], own: tuple[Span, ...]) -> tuple[Span, ...]:
    """A day's open pieces within ``[0, DAY)``: the day before's spans that run past midnight,
    and the day's own spans up to midnight."""
    pieces = [(max(s - DAY, 0), e - DAY) for s, e in before if e > DAY]
    if not pieces and (not own or own[-1][1] <= DAY):
        return own  # already sorted, disjoint and within the day
    pieces += [(s, min(e, DAY)) for s, e in own if s < DAY]
    return merge_spans(pieces)
