"""The week view's and the schedule preview's words, Qt-free, in both languages."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.core import week_text
from app.core.phrases import day_hours, long_date, period_text, span_between
from app.domain.availability import AvailabilityEngine
from app.domain.week import WeekPlan, week_plan

BOGOTA = ZoneInfo("America/Bogota")
MONDAY = dt.date(2026, 12, 7)  # Tuesday 2026-12-08 is a holiday
MAIN, CRITICAL = 0, 1


def at(day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(MONDAY + dt.timedelta(days=day), dt.time(hour, minute), BOGOTA)


@pytest.fixture(scope="module")
def plan(engine: AvailabilityEngine) -> WeekPlan:
    return week_plan(engine, at(0, 9))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("es", "Martes, 8 de diciembre de 2026"),
        ("en", "Tuesday, 8 December 2026"),
    ],
)
def test_long_date(lang: str, expected: str) -> None:
    assert long_date(dt.date(2026, 12, 8), lang) == expected


def test_may_is_mayo_in_a_full_date_and_may_when_short() -> None:
    """One English word, two Spanish ones: the full month is worded with its year."""
    monday = dt.datetime(2027, 5, 3, 7, tzinfo=BOGOTA)
    assert long_date(monday.date(), "es") == "Lunes, 3 de mayo de 2027"
    assert period_text(monday, monday.replace(hour=9), "es") == "lun 3 may 7:00–9:00"


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        (at(2, 7), at(2, 19), "es", "mié 9 dic 7:00–19:00"),
        (at(2, 7), at(2, 19), "en", "Wed Dec 9 7:00–19:00"),
        (at(0, 20), at(1), "es", "lun 7 dic 20:00–24:00"),
        (at(0, 22), at(1, 2), "es", "lun 7 dic 22:00 – mar 8 dic 2:00"),
    ],
)
def test_period_text(start: dt.datetime, end: dt.datetime, lang: str, expected: str) -> None:
    assert period_text(start, end, lang) == expected


def test_bar_spans_shorten_on_the_hour() -> None:
    assert span_between(at(0, 7), at(0, 19)) == "7:00–19:00"
    assert span_between(at(0, 7), at(0, 19), compact=True) == "7–19"
    assert span_between(at(0, 7, 30), at(1), compact=True) == "7:30–24"


@pytest.mark.parametrize(
    ("lang", "closed", "always", "month", "wednesday"),
    [
        ("es", "Cerrado", "Abierto 24/7", "diciembre de 2026", "mié 9"),
        ("en", "Closed", "Open 24/7", "December 2026", "Wed 9"),
    ],
)
def test_tooltips_and_headings(
    plan: WeekPlan, lang: str, closed: str, always: str, month: str, wednesday: str
) -> None:
    main, critical = plan.rows[MAIN], plan.rows[CRITICAL]
    holiday = plan.days[1].holiday
    assert holiday == "La Inmaculada Concepción"  # the engine's calendar speaks Spanish
    assert week_text.state_at(plan, main, at(1, 12), lang) == f"{closed}: {holiday}"
    assert week_text.state_at(plan, main, at(2, 22), lang) == closed
    assert week_text.state_at(plan, critical, at(1, 3), lang) == always
    assert week_text.month_heading(plan, lang) == month
    assert week_text.headings(plan, lang)[2] == wednesday


def test_description_reads_the_whole_week(plan: WeekPlan) -> None:
    lines = week_text.describe(plan, "es").splitlines()
    assert lines[0] == "Horario de atención del lun 7 dic al dom 13 dic."
    assert lines[1].startswith("Línea de servicio al cliente (Bogotá): lun 7:00–19:00, mié 7:00")
    assert "Línea para incidentes prioridad 1 (críticos): abierto 24/7." in lines
    assert "Nivel 1 · Grupo de soporte técnico: " in "\n".join(lines)
    assert lines[-1] == "mar 8 dic: La Inmaculada Concepción."


@pytest.mark.parametrize(
    ("holiday", "closure", "lang", "expected"),
    [
        (None, False, "es", "7:00–19:00"),
        ("La Inmaculada Concepción", True, "es", "cerrado, festivo: La Inmaculada Concepción"),
        ("Navidad", False, "es", "7:00–19:00 (festivo: Navidad)"),
        ("Christmas Day", False, "en", "7:00–19:00 (holiday: Christmas Day)"),
    ],
)
def test_a_preview_day(holiday: str | None, closure: bool, lang: str, expected: str) -> None:
    assert day_hours(((25_200, 68_400),), holiday, closure, lang) == expected
    assert day_hours((), None, False, lang) == {"es": "cerrado", "en": "closed"}[lang]
