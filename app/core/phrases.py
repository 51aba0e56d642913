"""The words agents read about time and state, written once for the CLI and the console.

Clock times use the 24-hour clock the seed uses ("7 a.m. a 7 p.m." becomes 7:00–19:00); week
days and months come from the same catalog as every other phrase (``app.domain.texts.tr``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.domain.availability import Availability, DayPlan, Span, State, spans_of
from app.domain.model import Schedule
from app.domain.texts import N_, tr

DAY_SECONDS = 86_400
WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
WEEKDAYS_LONG = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
MONTHS_SHORT = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)
#: a month's full name with its year, whole, because a month alone is ambiguous ("May")
MONTHS_WITH_YEAR = (
    N_("January {year}"),
    N_("February {year}"),
    N_("March {year}"),
    N_("April {year}"),
    N_("May {year}"),
    N_("June {year}"),
    N_("July {year}"),
    N_("August {year}"),
    N_("September {year}"),
    N_("October {year}"),
    N_("November {year}"),
    N_("December {year}"),
)


class DisplayState(StrEnum):
    """What a badge shows: the one place a state is derived (values name icons and colours)."""

    OPEN = "open"
    CLOSING_SOON = "closing"
    CLOSED = "closed"
    ALWAYS = "always"
    UNKNOWN = "unknown"


_STATE_WORDS = {
    DisplayState.OPEN: N_("Open"),
    DisplayState.CLOSING_SOON: N_("Closing soon"),
    DisplayState.CLOSED: N_("Closed"),
    DisplayState.ALWAYS: N_("24/7"),
    DisplayState.UNKNOWN: N_("Hours not published"),
}


def display_state(av: Availability) -> DisplayState:
    if av.state is State.UNKNOWN:
        return DisplayState.UNKNOWN
    if av.always_open:
        return DisplayState.ALWAYS
    if av.closing_soon:
        return DisplayState.CLOSING_SOON
    return DisplayState.OPEN if av.state is State.OPEN else DisplayState.CLOSED


def state_text(state: DisplayState, lang: str) -> str:
    return tr(lang, _STATE_WORDS[state])


def clock(seconds: int) -> str:
    """``7:00``, ``19:30``; ``24:00`` as a day's end; later times wrap (``02:00``)."""
    minutes = seconds // 60
    if minutes > 24 * 60:
        minutes -= 24 * 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def clock_of(moment: dt.datetime, *, seconds: bool = False) -> str:
    text = f"{moment.hour}:{moment.minute:02d}"
    return f"{text}:{moment.second:02d}" if seconds else text


def span_text(span: Span) -> str:
    return f"{clock(span[0])}–{clock(span[1])}"


def weekday_short(weekday: int, lang: str) -> str:
    """Monday is 0, as in ``date.weekday()``."""
    return tr(lang, WEEKDAYS_SHORT[weekday])


def weekday_long(weekday: int, lang: str) -> str:
    return tr(lang, WEEKDAYS_LONG[weekday])


def day_and_month(day: dt.date, lang: str) -> str:
    """``9 dic`` / ``Dec 9``."""
    month = tr(lang, MONTHS_SHORT[day.month - 1])
    return tr(lang, "{month} {day}", month=month, day=day.day)


def date_text(day: dt.date, lang: str) -> str:
    """``mar 8 dic`` / ``Tue Dec 8``."""
    return f"{weekday_short(day.weekday(), lang)} {day_and_month(day, lang)}"


def day_heading(day: dt.date, lang: str) -> str:
    """A column's heading: ``mié 9`` / ``Wed 9``."""
    return f"{weekday_short(day.weekday(), lang)} {day.day}"


def month_and_year(day: dt.date, lang: str) -> str:
    """``diciembre de 2026`` / ``December 2026``."""
    return tr(lang, MONTHS_WITH_YEAR[day.month - 1], year=day.year)


def short_month_and_year(day: dt.date, lang: str) -> str:
    """``dic 2026`` / ``Dec 2026``."""
    month = tr(lang, MONTHS_SHORT[day.month - 1])
    return f"{month} {day.year}"


def long_date(day: dt.date, lang: str) -> str:
    """``Martes, 8 de diciembre de 2026`` / ``Tuesday, 8 December 2026``."""
    weekday = weekday_long(day.weekday(), lang)
    month_year = month_and_year(day, lang)
    return tr(
        lang, "{weekday}, {day} {month_year}", weekday=weekday, day=day.day, month_year=month_year
    )


@dataclass(frozen=True)
class WeekGroup:
    """Consecutive weekdays (Monday = 0) that share the same hours."""

    first: int
    last: int
    spans: tuple[Span, ...]


def week_groups(schedule: Schedule) -> list[WeekGroup]:
    groups: list[WeekGroup] = []
    for day in range(7):
        spans = spans_of(schedule.week.for_weekday(day))
        if groups and groups[-1].spans == spans and groups[-1].last == day - 1:
            groups[-1] = WeekGroup(groups[-1].first, day, spans)
        else:
            groups.append(WeekGroup(day, day, spans))
    return [g for g in groups if g.spans]


def is_round_the_clock(schedule: Schedule) -> bool:
    groups = week_groups(schedule)
    return (
        len(groups) == 1
        and (groups[0].first, groups[0].last) == (0, 6)
        and groups[0].spans == ((0, DAY_SECONDS),)
    )


def hours_summary(schedule: Schedule, lang: str) -> str:
    """``lun–vie 7:00–19:00 · sáb 8:00–13:00 · cerrado en festivos``."""
    if schedule.closed_on_holidays:
        holiday_rule = tr(lang, "closed on holidays")
    else:
        holiday_rule = tr(lang, "open on holidays")
    if is_round_the_clock(schedule):
        always = tr(lang, _STATE_WORDS[DisplayState.ALWAYS])
        return f"{always} · {holiday_rule}" if schedule.closed_on_holidays else always
    parts = []
    for group in week_groups(schedule):
        days = weekday_short(group.first, lang)
        if group.last != group.first:
            days += f"–{weekday_short(group.last, lang)}"
        parts.append(f"{days} {', '.join(span_text(s) for s in group.spans)}")
    if not parts:
        return tr(lang, "no opening hours")
    return " · ".join([*parts, holiday_rule])


def time_until(moment: dt.datetime, now: dt.datetime) -> dt.timedelta:
    """Real time from ``now`` to ``moment``: through UTC, because two datetimes in the same
    zone subtract as wall-clock times, an hour off across a daylight-saving change."""
    return moment.astimezone(dt.UTC) - now.astimezone(dt.UTC)


def countdown(delta: dt.timedelta, lang: str) -> str:
    """``en 2 h 15 min``, ``en 21 h``, ``en 2 d 14 h``: minutes rounded up, so it says
    "en 1 min" until the very moment."""
    minutes = max(0, -(-int(delta.total_seconds()) // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return tr(lang, "in {days} d {hours} h", days=days, hours=hours)
    if hours and not minutes:
        return tr(lang, "in {hours} h", hours=hours)
    if hours:
        return tr(lang, "in {hours} h {minutes} min", hours=hours, minutes=minutes)
    return tr(lang, "in {minutes} min", minutes=minutes)


class DayDistance(StrEnum):
    """How far a moment is, which decides how it is written."""

    TODAY = "today"
    TOMORROW = "tomorrow"
    THIS_WEEK = "week"
    LATER = "later"


def day_distance(moment: dt.datetime, now: dt.datetime) -> DayDistance:
    days = (moment.date() - now.date()).days
    if days <= 0:
        return DayDistance.TODAY
    if days == 1:
        return DayDistance.TOMORROW
    return DayDistance.THIS_WEEK if days < 7 else DayDistance.LATER


def when(moment: dt.datetime, now: dt.datetime, lang: str) -> str:
    """``19:00`` today, ``mañana 7:00``, ``lun 7:00`` within a week, else ``9 dic 7:00``."""
    time = clock_of(moment)
    distance = day_distance(moment, now)
    if distance is DayDistance.TODAY:
        return time
    if distance is DayDistance.TOMORROW:
        return tr(lang, "tomorrow {time}", time=time)
    if distance is DayDistance.THIS_WEEK:
        return f"{weekday_short(moment.weekday(), lang)} {time}"
    return f"{day_and_month(moment.date(), lang)} {time}"


def change_text(av: Availability, now: dt.datetime, lang: str) -> str:
    """``cierra 19:00 · en 2 h 15 min`` / ``abre lun 7:00 · en 2 d 14 h``; empty when nothing
    changes (24/7, hours not published)."""
    if av.next_change is None:
        return ""
    return opening_or_closing(av.state is State.OPEN, av.next_change, now, lang)


def opening_or_closing(is_open: bool, moment: dt.datetime, now: dt.datetime, lang: str) -> str:
    moment_text = when(moment, now, lang)
    if is_open:
        change = tr(lang, "closes {when}", when=moment_text)
    else:
        change = tr(lang, "opens {when}", when=moment_text)
    return f"{change} · {countdown(time_until(moment, now), lang)}"


def today_note(at: dt.datetime, holiday: str | None, plan: DayPlan | None, lang: str) -> str:
    """The header's line for the day: the holiday, a special day, or the main line's hours."""
    if holiday:
        return tr(lang, "Today is a holiday: {name}", name=holiday)
    if plan is not None and plan.reason:
        return tr(lang, "Today: {reason}", reason=plan.reason)
    weekday = weekday_long(at.weekday(), lang)
    if plan is not None and plan.spans:
        hours = ", ".join(span_text(s) for s in plan.spans)
        return tr(lang, "{weekday}: hours {hours}", weekday=weekday, hours=hours)
    return tr(lang, "{weekday}: no service hours today", weekday=weekday)


def span_between(start: dt.datetime, end: dt.datetime, *, compact: bool = False) -> str:
    """``7:00–19:00`` (``20:00–24:00`` up to midnight); ``7–19`` when ``compact`` and both
    fall on the hour."""
    first, last = clock_of(start), clock_of(end)
    if end.time() == dt.time(0) and end.date() == start.date() + dt.timedelta(days=1):
        last = "24:00"
    if compact:
        first, last = first.removesuffix(":00"), last.removesuffix(":00")
    return f"{first}–{last}"


def period_text(start: dt.datetime, end: dt.datetime, lang: str, *, with_month: bool = True) -> str:
    """``mié 9 dic 7:00–19:00``; ``lun 7 dic 22:00 – mar 8 dic 2:00`` across midnight; the
    weekday alone (``vie 7:00–19:00``) without ``with_month``."""

    def day_of(moment: dt.datetime) -> str:
        day = moment.date()
        return date_text(day, lang) if with_month else weekday_short(day.weekday(), lang)

    ends_at_midnight = end.time() == dt.time(0) and end.date() == start.date() + dt.timedelta(1)
    if end.date() == start.date() or ends_at_midnight:
        return f"{day_of(start)} {span_between(start, end)}"
    return f"{day_of(start)} {clock_of(start)} – {day_of(end)} {clock_of(end)}"


def closed_because(reason: str | None, lang: str) -> str:
    """``Cerrado: La Inmaculada Concepción``, or just ``Cerrado``."""
    if reason:
        return tr(lang, "Closed: {reason}", reason=reason)
    return state_text(DisplayState.CLOSED, lang)


def level_label(level: int, name: str, lang: str) -> str:
    """``Nivel 1 · Grupo de soporte técnico``."""
    return tr(lang, "Level {level} · {name}", level=level, name=name)


def day_hours(
    spans: tuple[Span, ...], holiday: str | None, holiday_closure: bool, lang: str
) -> str:
    """One day of a schedule: ``7:00–19:00``, ``cerrado, festivo: …``, ``cerrado (festivo: …)``."""
    if holiday_closure:
        return tr(lang, "closed, holiday: {name}", name=holiday or "")
    hours = ", ".join(span_text(s) for s in spans) or tr(lang, "closed")
    if holiday:
        return tr(lang, "{hours} (holiday: {name})", hours=hours, name=holiday)
    return hours


def response_target_text(minutes: int | None, lang: str) -> str:
    """``responder en 30 min`` / ``sin tiempo de respuesta publicado``."""
    if minutes is None:
        return tr(lang, "no response time published")
    return tr(lang, "respond within {minutes} min", minutes=minutes)


# -- Sentences for customers (the reply text, ``app.core.reply``) ---------------------------
# Whole words in running text: a weekday is lower case there in Spanish and a range reads
# "de lunes a viernes", so the forms are phrases of their own rather than the labels above.

_FROM_WEEKDAY = (
    N_("from Monday"),
    N_("from Tuesday"),
    N_("from Wednesday"),
    N_("from Thursday"),
    N_("from Friday"),
    N_("from Saturday"),
    N_("from Sunday"),
)
_TO_WEEKDAY = (
    N_("to Monday"),
    N_("to Tuesday"),
    N_("to Wednesday"),
    N_("to Thursday"),
    N_("to Friday"),
    N_("to Saturday"),
    N_("to Sunday"),
)
_ON_WEEKDAYS = (
    N_("on Mondays"),
    N_("on Tuesdays"),
    N_("on Wednesdays"),
    N_("on Thursdays"),
    N_("on Fridays"),
    N_("on Saturdays"),
    N_("on Sundays"),
)
_ON_WEEKDAY = (
    N_("on Monday"),
    N_("on Tuesday"),
    N_("on Wednesday"),
    N_("on Thursday"),
    N_("on Friday"),
    N_("on Saturday"),
    N_("on Sunday"),
)
_DAY_OF_MONTH = (
    N_("{day} January"),
    N_("{day} February"),
    N_("{day} March"),
    N_("{day} April"),
    N_("{day} May"),
    N_("{day} June"),
    N_("{day} July"),
    N_("{day} August"),
    N_("{day} September"),
    N_("{day} October"),
    N_("{day} November"),
    N_("{day} December"),
)
#: Cities whose IANA name is not how a customer writes them; others are the name's last part.
_ZONE_CITIES = {
    "America/Bogota": N_("Bogota"),
    "America/Mexico_City": N_("Mexico City"),
    "America/Panama": N_("Panama"),
    "America/Asuncion": N_("Asuncion"),
    "America/Merida": N_("Merida"),
    "America/Cancun": N_("Cancun"),
    "Atlantic/Canary": N_("Canary Islands"),
}


def and_list(items: list[str], lang: str) -> str:
    """``a``, ``a y b``, ``a, b y c``."""
    if len(items) < 2:
        return "".join(items)
    return tr(lang, "{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def or_list(items: list[str], lang: str) -> str:
    """``a``, ``a o b``, ``a, b o c``."""
    if len(items) < 2:
        return "".join(items)
    return tr(lang, "{items} or {last}", items=", ".join(items[:-1]), last=items[-1])


def hours_sentence(schedule: Schedule, lang: str) -> str:
    """``de lunes a viernes de 7:00 a 19:00 y los sábados de 8:00 a 13:00`` /
    ``las 24 horas, todos los días``: the weekly hours as a customer reads them."""
    if is_round_the_clock(schedule):
        return tr(lang, "24 hours a day, every day")
    parts = []
    for group in week_groups(schedule):
        if group.first == group.last:
            days = tr(lang, _ON_WEEKDAYS[group.first])
        else:
            days = f"{tr(lang, _FROM_WEEKDAY[group.first])} {tr(lang, _TO_WEEKDAY[group.last])}"
        spans = [
            tr(lang, "from {start} to {end}", start=clock(start), end=clock(end))
            for start, end in group.spans
        ]
        parts.append(f"{days} {and_list(spans, lang)}")
    if not parts:
        return tr(lang, "no opening hours")
    return and_list(parts, lang)


def moment_phrase(moment: dt.datetime, now: dt.datetime, lang: str) -> str:
    """``hoy a las 14:00``; on any later day ``el miércoles 9 de diciembre a las 7:00``, whole,
    since a reply is often read later, by mail, when "mañana" has become ambiguous."""
    time = clock_of(moment)
    if day_distance(moment, now) is DayDistance.TODAY:
        return tr(lang, "today at {time}", time=time)
    day = moment.date()
    date = tr(lang, _DAY_OF_MONTH[day.month - 1], day=day.day)
    weekday = tr(lang, _ON_WEEKDAY[day.weekday()])
    return tr(lang, "{weekday} {date} at {time}", weekday=weekday, date=date, time=time)


def until_phrase(moment: dt.datetime, now: dt.datetime, lang: str) -> str:
    """``hasta las 19:00`` today, ``hasta mañana a las 2:00`` on a later day."""
    if day_distance(moment, now) is DayDistance.TODAY:
        return tr(lang, "until {time}", time=clock_of(moment))
    return tr(lang, "until {moment}", moment=moment_phrase(moment, now, lang))


def zone_phrase(zone: str, lang: str) -> str:
    """``hora de Bogotá``: whose clock the hours are on."""
    city = _ZONE_CITIES.get(zone)
    name = tr(lang, city) if city else zone.rsplit("/", 1)[-1].replace("_", " ")
    return tr(lang, "{city} time", city=name)


def dialling_phrase(shown: str, ivr: str, extensions: tuple[str, ...], lang: str) -> str:
    """``+57 601 7442727, marque 2 → 4``; ``+57 601 3790300, ext. 1113 o 1107``."""
    parts = [shown]
    if ivr:
        parts.append(ivr)
    if extensions:
        parts.append(tr(lang, "ext. {numbers}", numbers=or_list(list(extensions), lang)))
    return ", ".join(parts)
