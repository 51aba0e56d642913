"""Times, countdowns and states in the UI language (Qt Linguist + QLocale).

The decisions (which unit, today or tomorrow) come from ``app.domain.wording`` so the CLI and
the GUI never disagree; only the words and the locale's names are chosen here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.domain.availability import Availability, State
from app.domain.model import Schedule
from app.domain.wording import (
    DayDistance,
    countdown_parts,
    day_distance,
    is_round_the_clock,
    time_until,
    week_groups,
)


def clock_text(moment: dt.datetime, seconds: bool = False) -> str:
    """``7:00``; the 24-hour clock the seed uses ("7 a.m. a 7 p.m." becomes 7:00–19:00)."""
    text = f"{moment.hour}:{moment.minute:02d}"
    return f"{text}:{moment.second:02d}" if seconds else text


def weekday_short(locale: QLocale, moment: dt.datetime | dt.date) -> str:
    return locale.dayName(moment.isoweekday(), QLocale.FormatType.ShortFormat).rstrip(".")


def weekday_long(locale: QLocale, moment: dt.datetime | dt.date) -> str:
    name = locale.dayName(moment.isoweekday(), QLocale.FormatType.LongFormat)
    return name[:1].upper() + name[1:]


def date_text(locale: QLocale, day: dt.date) -> str:
    """``mar 8 dic`` / ``Tue 8 Dec``."""
    qdate = QDate(day.year, day.month, day.day)
    month = locale.monthName(day.month, QLocale.FormatType.ShortFormat).rstrip(".")
    return f"{weekday_short(locale, day)} {qdate.day()} {month}"


def when_text(locale: QLocale, moment: dt.datetime, now: dt.datetime) -> str:
    distance = day_distance(moment, now)
    hour = clock_text(moment)
    if distance is DayDistance.TODAY:
        return hour
    if distance is DayDistance.TOMORROW:
        return QCoreApplication.translate("Formatting", "tomorrow %1").replace("%1", hour)
    if distance is DayDistance.THIS_WEEK:
        return f"{weekday_short(locale, moment)} {hour}"
    return f"{date_text(locale, moment.date())} {hour}"


def countdown_text(delta: dt.timedelta) -> str:
    days, hours, minutes = countdown_parts(delta)
    if days:
        return (
            QCoreApplication.translate("Formatting", "in %1 d %2 h")
            .replace("%1", str(days))
            .replace("%2", str(hours))
        )
    if hours and not minutes:
        return QCoreApplication.translate("Formatting", "in %1 h").replace("%1", str(hours))
    if hours:
        return (
            QCoreApplication.translate("Formatting", "in %1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(minutes))
        )
    return QCoreApplication.translate("Formatting", "in %1 min").replace("%1", str(minutes))


def change_text(locale: QLocale, av: Availability, now: dt.datetime) -> str:
    """``cierra 19:00 · en 2 h 15 min``; empty for 24/7 and unpublished hours."""
    if av.next_change is None:
        return ""
    if av.state is not State.OPEN:
        return opens_text(locale, av.next_change, now)
    when = QCoreApplication.translate("Formatting", "closes %1").replace(
        "%1", when_text(locale, av.next_change, now)
    )
    return f"{when} · {countdown_text(time_until(av.next_change, now))}"


def opens_text(locale: QLocale, moment: dt.datetime, now: dt.datetime) -> str:
    """``abre mañana 7:00 · en 21 h``."""
    when = QCoreApplication.translate("Formatting", "opens %1").replace(
        "%1", when_text(locale, moment, now)
    )
    return f"{when} · {countdown_text(time_until(moment, now))}"


def state_text(av: Availability) -> str:
    if av.state is State.UNKNOWN:
        return QCoreApplication.translate("Formatting", "Hours not published")
    if av.always_open:
        return QCoreApplication.translate("Formatting", "24/7")
    if av.closing_soon:
        return QCoreApplication.translate("Formatting", "Closing soon")
    return (
        QCoreApplication.translate("Formatting", "Open")
        if av.state is State.OPEN
        else QCoreApplication.translate("Formatting", "Closed")
    )


def state_key(av: Availability) -> str:
    """Stable key for icons and colours."""
    if av.state is State.UNKNOWN:
        return "unknown"
    if av.always_open:
        return "always"
    if av.closing_soon:
        return "closing"
    return av.state.value


def span_text(start_s: int, end_s: int) -> str:
    def hm(seconds: int) -> str:
        minutes = seconds // 60 % (24 * 60) if seconds != 86_400 else 24 * 60
        return f"{minutes // 60}:{minutes % 60:02d}"

    return f"{hm(start_s)}–{hm(end_s)}"


def hours_text(locale: QLocale, schedule: Schedule) -> str:
    """``Lun–Vie 7:00–19:00 · Sáb 8:00–13:00 · cerrado en festivos``."""
    holiday_rule = (
        QCoreApplication.translate("Formatting", "closed on holidays")
        if schedule.closed_on_holidays
        else ""
    )
    if is_round_the_clock(schedule):
        parts = [QCoreApplication.translate("Formatting", "24/7")]
    else:
        parts = []
        for group in week_groups(schedule):
            first = _day_name(locale, group.first)
            days = (
                first if group.first == group.last else f"{first}–{_day_name(locale, group.last)}"
            )
            parts.append(f"{days} {', '.join(span_text(s, e) for s, e in group.spans)}")
        if not parts:
            parts = [QCoreApplication.translate("Formatting", "no opening hours")]
    if holiday_rule:
        parts.append(holiday_rule)
    return " · ".join(parts)


def _day_name(locale: QLocale, weekday: int) -> str:
    name = locale.dayName(weekday + 1, QLocale.FormatType.ShortFormat).rstrip(".")
    return name[:1].upper() + name[1:]
