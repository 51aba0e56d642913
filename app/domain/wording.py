"""Human wording of hours and countdowns for the headless path (CLI), in Spanish and English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from app.domain.availability import Span, spans_of
from app.domain.model import Schedule
from app.domain.texts import Entry, pick

WEEKDAY_ABBREV: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "es": ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
        "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    }
)
WORDS: Mapping[str, Entry] = MappingProxyType(
    {
        "closed_on_holidays": {"es": "cerrado en festivos", "en": "closed on holidays"},
        "open_on_holidays": {"es": "abierto en festivos", "en": "open on holidays"},
        "always": {"es": "24/7", "en": "24/7"},
        "never": {"es": "sin horario", "en": "no hours"},
        "in": {"es": "en {span}", "en": "in {span}"},
    }
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


def clock(seconds: int) -> str:
    """``7:00``, ``19:30``, ``24:00``; times past midnight wrap (``02:00``)."""
    minutes = seconds // 60
    if minutes > 24 * 60:
        minutes -= 24 * 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def is_round_the_clock(schedule: Schedule) -> bool:
    groups = week_groups(schedule)
    return (
        len(groups) == 1
        and groups[0].first == 0
        and groups[0].last == 6
        and groups[0].spans == ((0, 86_400),)
    )


def hours_summary(schedule: Schedule, lang: str = "es") -> str:
    """``lun–vie 7:00–19:00 · sáb 8:00–13:00 · cerrado en festivos``."""
    if is_round_the_clock(schedule):
        always = pick(lang, WORDS["always"])
        if schedule.closed_on_holidays:
            return f"{always} · {pick(lang, WORDS['closed_on_holidays'])}"
        return always
    names = WEEKDAY_ABBREV.get(lang, WEEKDAY_ABBREV["es"])
    parts = []
    for group in week_groups(schedule):
        days = names[group.first]
        if group.last != group.first:
            days += f"–{names[group.last]}"
        hours = ", ".join(f"{clock(s)}–{clock(e)}" for s, e in group.spans)
        parts.append(f"{days} {hours}")
    if not parts:
        return pick(lang, WORDS["never"])
    holiday_rule = "closed_on_holidays" if schedule.closed_on_holidays else "open_on_holidays"
    parts.append(pick(lang, WORDS[holiday_rule]))
    return " · ".join(parts)


def time_until(moment: dt.datetime, now: dt.datetime) -> dt.timedelta:
    """Real time from ``now`` to ``moment``: through UTC, because two datetimes in the same
    zone subtract as wall-clock times, an hour off across a daylight-saving change."""
    return moment.astimezone(dt.UTC) - now.astimezone(dt.UTC)


def countdown_parts(delta: dt.timedelta) -> tuple[int, int, int]:
    """(days, hours, minutes), minutes rounded up: "in 1 min" until the very moment."""
    minutes = max(0, -(-int(delta.total_seconds()) // 60))
    days, rem = divmod(minutes, 24 * 60)
    hours, mins = divmod(rem, 60)
    return days, hours, mins


def countdown(delta: dt.timedelta, lang: str = "es") -> str:
    """``en 2 h 15 min`` / ``in 2 h 15 min``; the two largest units only."""
    days, hours, mins = countdown_parts(delta)
    bits = []
    if days:
        bits.append(f"{days} d")
    if hours:
        bits.append(f"{hours} h")
    if mins or not bits:
        bits.append(f"{mins} min")
    return pick(lang, WORDS["in"], span=" ".join(bits[:2]))


MONTH_ABBREV: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
        "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    }
)
CHANGE_WORDS: Mapping[str, Entry] = MappingProxyType(
    {
        "opens": {"es": "abre", "en": "opens"},
        "closes": {"es": "cierra", "en": "closes"},
        "tomorrow": {"es": "mañana", "en": "tomorrow"},
    }
)


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


def when(moment: dt.datetime, now: dt.datetime, lang: str = "es") -> str:
    """``19:00`` today, ``mañana 7:00``, ``lun 7:00`` within a week, else ``9 dic 7:00``."""
    hour = f"{moment.hour}:{moment.minute:02d}"
    distance = day_distance(moment, now)
    if distance is DayDistance.TODAY:
        return hour
    if distance is DayDistance.TOMORROW:
        return f"{pick(lang, CHANGE_WORDS['tomorrow'])} {hour}"
    if distance is DayDistance.THIS_WEEK:
        return f"{WEEKDAY_ABBREV.get(lang, WEEKDAY_ABBREV['es'])[moment.weekday()]} {hour}"
    month = MONTH_ABBREV.get(lang, MONTH_ABBREV["es"])[moment.month - 1]
    day = f"{moment.day} {month}" if lang == "es" else f"{month} {moment.day}"
    return f"{day} {hour}"


def change_text(is_open: bool, moment: dt.datetime, now: dt.datetime, lang: str = "es") -> str:
    """``cierra 19:00 · en 2 h 15 min`` / ``abre lun 7:00 · en 2 d 14 h``."""
    verb = pick(lang, CHANGE_WORDS["closes" if is_open else "opens"])
    return f"{verb} {when(moment, now, lang)} · {countdown(time_until(moment, now), lang)}"
