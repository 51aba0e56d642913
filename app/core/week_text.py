"""The week view's words: row names, what a point of the chart tells, and the whole plan read out.

Qt-free, from :mod:`app.core.phrases`, so the week view words hours, days and states exactly as
the cards and ``canales status`` do; the widget only measures and paints.
"""

from __future__ import annotations

import datetime as dt

from app.core.phrases import (
    closed_because,
    date_text,
    day_heading,
    level_label,
    long_date,
    month_and_year,
    period_text,
    short_month_and_year,
    span_between,
)
from app.domain.texts import tr
from app.domain.week import DayInfo, Period, WeekPlan, WeekRow


def row_label(row: WeekRow, lang: str) -> str:
    return row.name if row.level is None else level_label(row.level, row.name, lang)


def marks(day: DayInfo) -> list[str]:
    """The names that mark a day: its holiday, then its special days."""
    return [*([day.holiday] if day.holiday else []), *day.special]


def day_tooltip(day: DayInfo, lang: str) -> str:
    """``Martes, 8 de diciembre de 2026`` and the names that mark it, one a line."""
    return "\n".join([long_date(day.date, lang), *marks(day)])


def headings(plan: WeekPlan, lang: str) -> list[str]:
    """Each column's heading: ``mié 9``."""
    return [day_heading(day.date, lang) for day in plan.days]


def month_heading(plan: WeekPlan, lang: str) -> str:
    """``diciembre de 2026``, or ``dic 2026 – ene 2027`` when the window spans two months."""
    first, last = plan.days[0].date, plan.days[-1].date
    if (first.year, first.month) == (last.year, last.month):
        return month_and_year(first, lang)
    return f"{short_month_and_year(first, lang)} – {short_month_and_year(last, lang)}"


def bar_texts(row: WeekRow, period: Period, lang: str) -> list[str]:
    """What a bar may say, longest first; the view shows the first that fits."""
    if row.always_open:
        return [tr(lang, "Open 24/7")]
    return [span_between(*period), span_between(*period, compact=True)]


def state_at(plan: WeekPlan, row: WeekRow, moment: dt.datetime, lang: str) -> str:
    """The row at ``moment``: its open period, or closed and why."""
    if row.always_open:
        return tr(lang, "Open 24/7")
    for start, end in row.periods:
        if start <= moment < end:
            return period_text(start, end, lang)
    day = (moment.date() - plan.start.date()).days
    reason = row.reasons[day] if 0 <= day < len(row.reasons) else None
    return closed_because(reason, lang)


def describe(plan: WeekPlan, lang: str) -> str:
    """The accessible description: every row's periods, and the marked days."""
    first, last = plan.days[0].date, plan.days[-1].date
    lines = [
        tr(
            lang,
            "Open hours from {first} to {last}.",
            first=date_text(first, lang),
            last=date_text(last, lang),
        )
    ]
    for row in plan.rows:
        if row.always_open:
            hours = tr(lang, "open 24/7")
        elif not row.periods:
            hours = tr(lang, "closed all these days")
        else:
            hours = ", ".join(period_text(s, e, lang, with_month=False) for s, e in row.periods)
        lines.append(f"{row_label(row, lang)}: {hours}.")
    for day in plan.days:
        if names := marks(day):
            lines.append(f"{date_text(day.date, lang)}: {', '.join(names)}.")
    return "\n".join(lines)
