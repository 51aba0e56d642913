"""The support centre's wall clock against absolute time: where DST gaps and repeated hours live.

Schedules are written on the wall clock; instants are absolute. One rule joins the two:

    a wall-clock time *happens* at the first instant at which the centre's clock shows it or a
    later time.

So an ordinary time happens once, when the clock shows it. A time inside a DST gap (``02:30``
on the night clocks jump from ``02:00`` to ``03:00``) happens when the gap ends, at ``03:00``:
an opening there opens at ``03:00``, a closing there closes at ``03:00``, and an interval that
lies wholly inside the gap starts and ends at the same instant, so it never opens and is never
predicted. A time inside a repeated hour happens at its *first* occurrence, starts and ends
alike; while the hour repeats nothing starts or ends — the engine keeps reading the clock as it
stood just before it was set back (the *reading*: the latest wall time shown so far).

Whatever the zone, the state at an instant is then the wall-clock schedule evaluated at the
reading, which never goes backwards, and every change happens at a real instant after ``now``.
Wall times are whole seconds since ``date.min`` (``ordinal * DAY + seconds into the day``);
absolute times are the same count on the UTC clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

DAY = 86_400
MAX_ORDINAL = dt.date.max.toordinal()
#: absolute seconds outside ``[FIRST_SECOND, END_SECOND)`` are not representable as datetimes
FIRST_SECOND = DAY
END_SECOND = (MAX_ORDINAL + 1) * DAY
_EPOCH_UTC = dt.datetime(1, 1, 1, tzinfo=dt.UTC)  # ordinal 1, 00:00
_fromordinal = dt.date.fromordinal


class OutOfRange(ValueError):
    """An instant that UTC or the centre's clock cannot represent (outside years 1 to 9999)."""


def to_seconds(moment: dt.datetime) -> int:
    """Wall-clock seconds since ``date.min`` (fractions dropped: boundaries are whole minutes)."""
    return moment.toordinal() * DAY + moment.hour * 3600 + moment.minute * 60 + moment.second


class Moment(NamedTuple):
    """When a wall-clock time happens: ``wall`` is what the clock then shows (the time itself,
    or the end of the gap it fell in), ``utc`` the absolute second, ``at`` the aware instant."""

    wall: int
    utc: int
    at: dt.datetime


class WallClock:
    """One zone's clock: instant -> reading, and wall time -> the instant it happens."""

    def __init__(self, zone: dt.tzinfo) -> None:
        self.zone = zone

    def _offset(self, moment: dt.datetime) -> int:
        """UTC offset in seconds (asking the zone directly: several times cheaper)."""
        delta = self.zone.utcoffset(moment)
        assert delta is not None, "a zone gives every datetime an offset"
        return delta.days * DAY + delta.seconds

    def local(self, at: dt.datetime) -> dt.datetime:
        """``at`` on the centre's clock, through UTC so that a time the caller wrote in a gap
        (which Python leaves as written) becomes the real wall time of that instant."""
        if at.tzinfo is None:
            raise ValueError("the engine needs an aware datetime")
        try:
            if at.tzinfo is self.zone:
                return at.astimezone(dt.UTC).astimezone(self.zone)
            return at.astimezone(self.zone)
        except OverflowError as exc:
            raise OutOfRange(f"{at.isoformat()} is outside the representable range") from exc

    def reading(self, local: dt.datetime) -> tuple[int, int]:
        """(reading, absolute second) of an instant already on this clock (see :meth:`local`).

        The reading is the wall time shown, except on the second pass of a repeated hour, where
        it stays at the last second before the clock was set back.
        """
        wall = to_seconds(local)
        offset = self._offset(local)
        utc = wall - offset
        if local.fold:
            first = self._offset(local.replace(fold=0))
            if first > offset:  # the second pass: the first one showed this time earlier
                set_back = self._transition(wall - first, utc)
                return set_back + first - 1, utc
        return wall, utc

    def moment(self, wall: int) -> Moment | None:
        """When wall time ``wall`` happens; None past the end of representable time."""
        if not FIRST_SECOND <= wall < END_SECOND:
            return None
        zone = self.zone
        ordinal, second = divmod(wall, DAY)
        day = _fromordinal(ordinal)
        hour, second = divmod(second, 3600)
        local = dt.datetime(day.year, day.month, day.day, hour, second // 60, second % 60, 0, zone)
        # fold=0: a repeated time's first pass; in a gap, the offset from before the gap
        delta = zone.utcoffset(local)
        assert delta is not None, "a zone gives every datetime an offset"
        utc = wall - delta.days * DAY - delta.seconds
        if not FIRST_SECOND <= utc < END_SECOND:
            return None
        if zone.fromutc(local - delta) != local:  # no instant shows it: in a gap
            before = self._offset(local)
            after = self._offset(local.replace(fold=1))
            return self.at_utc(self._transition(wall - after, wall - before))
        return Moment(wall, utc, local)

    def periods(self, spans: Iterable[tuple[int, int]]) -> tuple[tuple[Moment, Moment], ...]:
        """Sorted, disjoint wall spans ``[start, end)`` as the real instants they happen: a
        span inside a DST gap is empty and dropped, and two that a gap made touch are joined.
        :class:`OutOfRange` when an edge is past representable time."""
        periods: list[tuple[Moment, Moment]] = []
        for start, end in spans:
            first, last = self.moment(start), self.moment(end)
            if first is None or last is None:
                raise OutOfRange(f"wall second {start} or {end} is not representable")
            if first.utc == last.utc:
                continue
            if periods and periods[-1][1].utc == first.utc:
                periods[-1] = (periods[-1][0], last)
            else:
                periods.append((first, last))
        return tuple(periods)

    def at_utc(self, utc: int) -> Moment | None:
        """The instant ``utc`` (absolute seconds) on this clock."""
        if not FIRST_SECOND <= utc < END_SECOND:
            return None
        try:
            local = (_EPOCH_UTC + dt.timedelta(seconds=utc - DAY)).astimezone(self.zone)
        except OverflowError:  # representable in UTC, not on the centre's clock
            return None
        return Moment(to_seconds(local), utc, local)

    def _transition(self, before: int, after: int) -> int:
        """The first absolute second in ``(before, after]`` whose offset differs from
        ``before``'s: the instant the clock was changed."""
        old = self._offset_at(before)
        while after - before > 1:
            middle = (before + after) // 2
            if self._offset_at(middle) == old:
                before = middle
            else:
                after = middle
        return after

    def _offset_at(self, utc: int) -> int:
        return self._offset((_EPOCH_UTC + dt.timedelta(seconds=utc - DAY)).astimezone(self.zone))
