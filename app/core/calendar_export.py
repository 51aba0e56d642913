"""The channels' opening hours as an iCalendar file (RFC 5545) that agents subscribe to.

Each channel becomes a few weekly series — one per weekday and open interval of its schedule, as
``RRULE:FREQ=WEEKLY`` — over the exported days. A day whose hours differ from the week's (a
holiday that closes the schedule, a special day) removes that day's occurrences with ``EXDATE``;
a special day's own hours are events of their own. A 24/7 channel is one all-day event repeated
daily: calendars show it as a line at the top of each day instead of a block that fills it.

Every event follows the engine's rules exactly (``app.domain.availability``): a day's intervals
belong to the day they start on; intervals are half-open; an occurrence is open from the
instant its start *happens* to the instant its end happens (``app.domain.wall_clock``). A
calendar program computes an occurrence from the wall times instead, with RFC 5545's rule for a
time in a DST gap (the offset before the gap) and its own idea of a duration across a DST
change. Where that could differ from the engine — an edge in a gap or a repeated hour, or an
interval the clock change lengthens or shortens — the occurrence is taken out of its series and
written as an event with the engine's instants, so every program shows what the console shows.

UIDs are derived from what the configuration names (organisation, channel id, weekday or date,
and the interval's place that day), never random and not from the hours themselves: exporting
again, or a subscription refreshing, updates the same events, even after the hours changed.
The zone's ``VTIMEZONE`` is generated from the tz database for the exported range.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app import __version__
from app.core.contact_kinds import kind_of
from app.core.export_options import DEFAULT_DAYS, MAX_DAYS, MIN_DAYS
from app.core.phrases import hours_summary, span_text
from app.domain.availability import AvailabilityEngine, Span, spans_of
from app.domain.model import Channel
from app.domain.texts import N_, tr
from app.domain.wall_clock import DAY, WallClock, to_seconds

if TYPE_CHECKING:
    from icalendar import Calendar, Event

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEKDAY_IDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: custom property naming the channel of each event (scripts and tests filter on it)
CHANNEL_PROPERTY = "X-CANALES-CHANNEL"

_SUMMARY = N_("{channel} — open")
_SUMMARY_SPECIAL = N_("{channel} — open ({reason})")
_SUMMARY_ALWAYS = N_("{channel} — open 24/7")
_CALENDAR_NAME = N_("{organisation} — channel hours")
_CALENDAR_NAME_ONE = N_("{organisation} — {channel}: hours")
_DESCRIPTION_HOURS = N_("Hours: {hours}")


@dataclass(frozen=True)
class Occurrence:
    """One open interval on one day: ``span`` in seconds after ``date``'s midnight."""

    date: dt.date
    span: Span


@dataclass(frozen=True)
class WeeklySeries:
    """``span`` every ``weekday`` from ``first`` to ``last`` (dates), except ``excluded``;
    ``number`` is the span's place among that weekday's intervals (1 for the first)."""

    channel_id: str
    weekday: int
    span: Span
    number: int
    first: dt.date
    last: dt.date
    excluded: tuple[dt.date, ...]


@dataclass(frozen=True)
class SingleEvent:
    """An interval with its real instants: a special day's hours, or an occurrence that a DST
    change took out of its series. ``reason`` names the special day (None otherwise);
    ``number`` is the span's place among that day's intervals (1 for the first)."""

    channel_id: str
    date: dt.date
    span: Span
    number: int
    start: dt.datetime
    end: dt.datetime
    reason: str | None


@dataclass(frozen=True)
class AllDaySeries:
    """A 24/7 channel: every day from ``first`` to ``last``."""

    channel_id: str
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class ChannelPlan:
    channel: Channel
    series: tuple[WeeklySeries, ...] = ()
    singles: tuple[SingleEvent, ...] = ()
    all_day: AllDaySeries | None = None


@dataclass(frozen=True)
class CalendarPlan:
    """What the file says, before it is written: the days ``first..last`` (centre dates) and
    each channel's events. Everything open in ``[start, end)`` is in it."""

    first: dt.date
    last: dt.date
    start: dt.datetime
    end: dt.datetime
    channels: tuple[ChannelPlan, ...] = field(default_factory=tuple)


def first_day(engine: AvailabilityEngine, now: dt.datetime) -> dt.date:
    """Today on the support centre's clock: the first exported day."""
    return engine.local(now).date()


def calendar_plan(
    engine: AvailabilityEngine,
    first: dt.date,
    days: int = DEFAULT_DAYS,
    channel_ids: Sequence[str] | None = None,
) -> CalendarPlan:
    """The events of ``days`` days from ``first`` for the chosen channels (all by default).

    ValueError for a number of days outside ``MIN_DAYS..MAX_DAYS`` or an unknown channel;
    :class:`~app.domain.wall_clock.OutOfRange` for days the engine cannot answer in full.
    """
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValueError(f"days must be from {MIN_DAYS} to {MAX_DAYS}")
    config = engine.config
    known = {c.id for c in config.channels}
    unknown = [cid for cid in channel_ids or () if cid not in known]
    if unknown:
        raise ValueError(f"unknown channel: {unknown[0]}")
    clock = engine.clock
    last = first + dt.timedelta(days=days - 1)
    engine.checked(dt.datetime.combine(first, dt.time(12), engine.zone))
    engine.checked(dt.datetime.combine(last, dt.time(12), engine.zone))
    start, end = clock.moment(first.toordinal() * DAY), clock.moment((last.toordinal() + 1) * DAY)
    assert start is not None and end is not None, "checked dates are representable"
    chosen = [c for c in config.channels if channel_ids is None or c.id in channel_ids]
    plans = tuple(_channel_plan(engine, channel, first, last) for channel in chosen)
    return CalendarPlan(first=first, last=last, start=start.at, end=end.at, channels=plans)


def _channel_plan(
    engine: AvailabilityEngine, channel: Channel, first: dt.date, last: dt.date
) -> ChannelPlan:
    timetable = engine.timetable(channel.id)
    if timetable.always_open:
        return ChannelPlan(channel, all_day=AllDaySeries(channel.id, first, last))
    clock = engine.clock
    schedule = engine.config.schedule(channel.schedule)
    weekly = [spans_of(schedule.week.for_weekday(d)) for d in range(7)]
    lo, hi = first.toordinal(), last.toordinal()
    # (weekday, span) -> the dates of its occurrences, and which of them leave the series
    kept: dict[tuple[int, Span], list[dt.date]] = {}
    excluded: dict[tuple[int, Span], list[dt.date]] = {}
    singles: list[SingleEvent] = []
    # the day before the range counts for its intervals that run past midnight into the range
    for ordinal in range(lo - 1, hi + 1):
        date = dt.date.fromordinal(ordinal)
        plan = timetable.day(ordinal)
        in_range = [span for span in weekly[date.weekday()] if ordinal >= lo or span[1] > DAY]
        for span in in_range:
            key = (date.weekday(), span)
            if plan.reason is None and _regular(clock, ordinal, span):
                kept.setdefault(key, []).append(date)
            else:
                excluded.setdefault(key, []).append(date)
                if plan.reason is None:  # the DST case: the same hours, at the engine's instants
                    number = weekly[date.weekday()].index(span) + 1
                    singles.extend(_single(clock, channel.id, date, span, number, None))
        if plan.reason is not None:
            for number, span in enumerate(plan.spans, start=1):
                if ordinal >= lo or span[1] > DAY:
                    singles.extend(_single(clock, channel.id, date, span, number, plan.reason))
    series = []
    for (weekday, span), dates in sorted(kept.items()):
        first_kept, last_kept = dates[0], dates[-1]
        gaps = tuple(d for d in excluded.get((weekday, span), ()) if first_kept < d < last_kept)
        number = weekly[weekday].index(span) + 1
        series.append(WeeklySeries(channel.id, weekday, span, number, first_kept, last_kept, gaps))
    singles.sort(key=lambda s: (s.start.astimezone(dt.UTC), s.span))
    return ChannelPlan(channel, series=tuple(series), singles=tuple(singles))


def _naive_utc(clock: WallClock, wall: int) -> dt.datetime:
    """Where (in UTC) a calendar program puts wall time ``wall``: RFC 5545 reads a local time in
    a gap with the offset before the gap, and a repeated one at its first occurrence (fold 0)."""
    ordinal, second = divmod(wall, DAY)
    local = dt.datetime.combine(dt.date.fromordinal(ordinal), dt.time(0), clock.zone)
    local += dt.timedelta(seconds=second)  # wall arithmetic: the same tzinfo, no conversion
    return local.astimezone(dt.UTC)


def _regular(clock: WallClock, ordinal: int, span: Span) -> bool:
    """Whether a calendar program expanding the weekly rule gets this occurrence's instants
    right: both edges happen where it reads them, and no clock change lies between them (so
    its duration is the same whether a program counts it in wall or in elapsed time)."""
    base = ordinal * DAY
    start, end = clock.moment(base + span[0]), clock.moment(base + span[1])
    if start is None or end is None:
        return False
    return (
        start.utc == to_seconds(_naive_utc(clock, base + span[0]))
        and end.utc == to_seconds(_naive_utc(clock, base + span[1]))
        and end.utc - start.utc == span[1] - span[0]
    )


def _single(
    clock: WallClock, channel_id: str, date: dt.date, span: Span, number: int, reason: str | None
) -> list[SingleEvent]:
    base = date.toordinal() * DAY
    start, end = clock.moment(base + span[0]), clock.moment(base + span[1])
    if start is None or end is None or start.utc == end.utc:  # wholly inside a DST gap
        return []
    return [SingleEvent(channel_id, date, span, number, start.at, end.at, reason)]


# -- writing the file ---------------------------------------------------------------------------


def calendar_ics(
    engine: AvailabilityEngine,
    plan: CalendarPlan,
    lang: str,
    stamp: dt.datetime,
) -> bytes:
    """The plan as an ``.ics`` file (UTF-8, CRLF lines). ``stamp`` is the export's instant
    (``DTSTAMP``); everything else depends only on the configuration and the range."""
    data: bytes = build_calendar(engine, plan, lang, stamp).to_ical()
    return data


def build_calendar(
    engine: AvailabilityEngine, plan: CalendarPlan, lang: str, stamp: dt.datetime
) -> Calendar:
    import icalendar  # noqa: PLC0415 - deferred: only exports need it

    config = engine.config
    organisation = config.organisation.name
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Canales//Canales {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if len(plan.channels) == 1 and len(config.channels) > 1:
        name = tr(
            lang,
            _CALENDAR_NAME_ONE,
            organisation=organisation,
            channel=plan.channels[0].channel.name,
        )
    else:
        name = tr(lang, _CALENDAR_NAME, organisation=organisation)
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", config.timezone)
    calendar.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    calendar.add_component(
        icalendar.Timezone.from_tzinfo(
            engine.zone,
            tzid=config.timezone,
            first_date=plan.first - dt.timedelta(days=7),
            last_date=plan.last + dt.timedelta(days=7),
        )
    )
    domain = _uid_domain(organisation)
    stamp_utc = stamp.astimezone(dt.UTC).replace(microsecond=0)
    for channel_plan in plan.channels:
        channel = channel_plan.channel
        description = channel_description(engine, channel, lang)
        words = _Words(channel, description, domain, stamp_utc, lang)
        if channel_plan.all_day is not None:
            calendar.add_component(_all_day_event(channel_plan.all_day, words))
        for series in channel_plan.series:
            calendar.add_component(_series_event(engine, series, words))
        for single in channel_plan.singles:
            calendar.add_component(_single_event(engine, single, words))
    return calendar


@dataclass(frozen=True)
class _Words:
    channel: Channel
    description: str
    domain: str
    stamp: dt.datetime
    lang: str


def channel_description(engine: AvailabilityEngine, channel: Channel, lang: str) -> str:
    """The event's notes: the channel's week, each contact (with its menu and extensions), and
    the channel's own notes."""
    schedule = engine.config.schedule(channel.schedule)
    lines = [tr(lang, _DESCRIPTION_HOURS, hours=hours_summary(schedule, lang))]
    for contact in channel.contacts:
        kind = kind_of(contact)
        shown = f"{tr(lang, kind.name)}: {kind.display(contact)}"
        text = ", ".join([shown, *kind.details(contact, lang)])
        if contact.label:
            text += f" ({contact.label})"
        lines.append(text)
    lines.extend(channel.notes)
    return "\n".join(lines)


def _uid_domain(organisation: str) -> str:
    """The UIDs' right-hand side: one per organisation, so that two teams' calendars with a
    channel of the same id never collide in one agent's calendar program."""
    digest = hashlib.sha256(organisation.encode("utf-8")).hexdigest()[:12]
    return f"canales-{digest}"


def series_uid(series: WeeklySeries, domain: str) -> str:
    """``chat-mon-1@…``: the channel, the weekday and the interval's place that day — not its
    hours, so that new hours for Monday update Monday's event instead of adding one."""
    weekday = _WEEKDAY_IDS[series.weekday]
    return f"{series.channel_id}-{weekday}-{series.number}@{domain}"


def single_uid(single: SingleEvent, domain: str) -> str:
    """``chat-20261224-1@…``: the channel, the date and the interval's place that day."""
    return f"{single.channel_id}-{single.date:%Y%m%d}-{single.number}@{domain}"


def _base_event(words: _Words, uid: str, summary: str) -> Event:
    import icalendar  # noqa: PLC0415 - deferred: only exports need it

    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", words.stamp)
    event.add("summary", summary)
    event.add("description", words.description)
    event.add("transp", "TRANSPARENT")  # a channel's hours never make the agent busy
    event.add("class", "PUBLIC")
    event.add("categories", [words.channel.name])
    event.add(CHANNEL_PROPERTY, words.channel.id)
    for contact in words.channel.contacts:
        link = kind_of(contact).safe_link(contact)
        if link is not None and link.startswith(("http://", "https://")):
            event.add("url", link)
            break
    return event


def _local(engine: AvailabilityEngine, ordinal: int, seconds: int) -> dt.datetime:
    """The wall time as a calendar writes it (``DTSTART;TZID=…:20261208T070000``)."""
    day = dt.date.fromordinal(ordinal + seconds // DAY)
    rest = seconds % DAY
    return dt.datetime.combine(day, dt.time(rest // 3600, rest % 3600 // 60), engine.zone)


def _series_event(engine: AvailabilityEngine, series: WeeklySeries, words: _Words) -> Event:
    summary = tr(words.lang, _SUMMARY, channel=words.channel.name)
    event = _base_event(words, series_uid(series, words.domain), summary)
    start, end = series.span
    ordinal = series.first.toordinal()
    event.add("dtstart", _local(engine, ordinal, start))
    event.add("dtend", _local(engine, ordinal, end))
    last_start = _local(engine, series.last.toordinal(), start)
    rule = {"freq": "WEEKLY", "byday": WEEKDAY_CODES[series.weekday]}
    if series.last > series.first:
        # RFC 5545: with a zoned DTSTART, UNTIL is in UTC; it includes the last occurrence
        rule["until"] = last_start.astimezone(dt.UTC)  # type: ignore[assignment]
        event.add("rrule", rule)
    if series.excluded:
        event.add("exdate", [_local(engine, d.toordinal(), start) for d in series.excluded])
    return event


def _written(moment: dt.datetime) -> dt.datetime:
    """A local time when a program reading it back gets the same instant; else UTC (a second
    pass of a repeated hour cannot be written as a local time)."""
    if moment.replace(fold=0).astimezone(dt.UTC) == moment.astimezone(dt.UTC):
        return moment.replace(fold=0)
    return moment.astimezone(dt.UTC)


def _single_event(engine: AvailabilityEngine, single: SingleEvent, words: _Words) -> Event:
    name = words.channel.name
    if single.reason:
        summary = tr(words.lang, _SUMMARY_SPECIAL, channel=name, reason=single.reason)
    else:
        summary = tr(words.lang, _SUMMARY, channel=name)
    event = _base_event(words, single_uid(single, words.domain), summary)
    event.add("dtstart", _written(single.start))
    event.add("dtend", _written(single.end))
    if single.reason:
        event["description"] = f"{single.reason}: {span_text(single.span)}\n{words.description}"
    return event


def _all_day_event(series: AllDaySeries, words: _Words) -> Event:
    summary = tr(words.lang, _SUMMARY_ALWAYS, channel=words.channel.name)
    event = _base_event(words, f"{series.channel_id}-24x7@{words.domain}", summary)
    event.add("dtstart", series.first)
    event.add("dtend", series.first + dt.timedelta(days=1))
    if series.last > series.first:
        event.add("rrule", {"freq": "DAILY", "until": series.last})
    return event
