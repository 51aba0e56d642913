"""The week plan: open periods per channel over seven days, clipped and merged across midnight."""

from __future__ import annotations

import copy
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.domain.availability import AvailabilityEngine
from app.domain.calendar import HolidayCalendar
from app.domain.document import config_from_document
from app.domain.week import WeekPlan, week_plan

BOG = ZoneInfo("America/Bogota")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONDAY = dt.date(2026, 12, 7)  # Tuesday 2026-12-08 is a Colombian public holiday


def at(day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """An instant on the centre's clock, ``day`` days after Monday 2026-12-07."""
    return dt.datetime.combine(MONDAY + dt.timedelta(days=day), dt.time(hour, minute), BOG)


@pytest.fixture(scope="module")
def plan(engine: AvailabilityEngine) -> WeekPlan:
    return week_plan(engine, at(0, 15, 30))


def plan_for(
    document: dict, calendar: HolidayCalendar, start: dt.datetime, days: int = 7
) -> WeekPlan:
    return week_plan(AvailabilityEngine(config_from_document(document), calendar), start, days)


def with_schedule(document: dict, week: dict, *, closed_on_holidays: bool = True) -> dict:
    """The default document with a ``night`` schedule, used by the ``chat`` channel."""
    doc = copy.deepcopy(document)
    doc["schedules"].append(
        {"id": "night", "name": "Noche", "closed_on_holidays": closed_on_holidays, "week": week}
    )
    for channel in doc["channels"]:
        if channel["id"] == "chat":
            channel["schedule"] = "night"
    return doc


def iv(start: str, end: str) -> dict:
    return {"start": start, "end": end}


def test_window_starts_at_local_midnight_of_the_start_date(plan: WeekPlan) -> None:
    assert plan.start == at(0)
    assert plan.end == at(7)
    assert plan.start.utcoffset() == dt.timedelta(hours=-5)
    assert [d.date for d in plan.days] == [MONDAY + dt.timedelta(days=i) for i in range(7)]
    assert [d.weekday for d in plan.days] == list(range(7))


def test_an_instant_in_another_zone_counts_on_the_centres_date(engine: AvailabilityEngine) -> None:
    # 03:00 UTC on Tuesday is still Monday 22:00 in Bogotá
    plan = week_plan(engine, dt.datetime(2026, 12, 8, 3, tzinfo=dt.UTC))
    assert plan.start == at(0)


def test_holiday_is_named_on_its_day(plan: WeekPlan) -> None:
    assert plan.days[1].holiday == "La Inmaculada Concepción"
    assert [d.holiday for i, d in enumerate(plan.days) if i != 1] == [None] * 6
    assert all(d.special == () for d in plan.days)


def test_rows_follow_config_order_then_scheduled_levels(plan: WeekPlan) -> None:
    assert [r.id for r in plan.rows] == [
        "phone-main",
        "phone-critical",
        "email",
        "chat",
        "pqrsa",
        "level-1",  # levels 2 and 3 publish no hours: no row, never invented hours
    ]
    assert [r.kind for r in plan.rows] == ["channel"] * 5 + ["level"]
    level = plan.row("level-1")
    assert level.name == "Grupo de soporte técnico"
    assert level.level == 1
    assert plan.row("phone-main").name == "Línea de servicio al cliente (Bogotá)"


def test_phone_main_business_hours_closed_on_the_holiday(plan: WeekPlan) -> None:
    row = plan.row("phone-main")
    assert row.periods == (
        (at(0, 7), at(0, 19)),
        # Tuesday: holiday, closed
        (at(2, 7), at(2, 19)),
        (at(3, 7), at(3, 19)),
        (at(4, 7), at(4, 19)),
        (at(5, 8), at(5, 13)),
        # Sunday: no hours
    )
    assert row.always_open is False
    assert row.reasons == (None, "La Inmaculada Concepción", None, None, None, None, None)


def test_critical_line_is_one_period_over_the_whole_window(plan: WeekPlan) -> None:
    row = plan.row("phone-critical")
    assert row.periods == ((at(0), at(7)),)
    assert row.always_open is True
    assert row.reasons == (None,) * 7  # open on holidays: nothing to explain


def test_pqrsa_weekdays_until_five(plan: WeekPlan) -> None:
    assert plan.row("pqrsa").periods == (
        (at(0, 7), at(0, 17)),
        (at(2, 7), at(2, 17)),
        (at(3, 7), at(3, 17)),
        (at(4, 7), at(4, 17)),
    )


def test_periods_are_aware_in_the_centres_zone(plan: WeekPlan) -> None:
    for row in plan.rows:
        for start, end in row.periods:
            assert start.tzinfo is not None
            assert start.utcoffset() == end.utcoffset() == dt.timedelta(hours=-5)
            assert plan.start <= start < end <= plan.end


def test_cross_midnight_periods_are_clipped_at_both_ends(
    default_document: dict, co_calendar: HolidayCalendar
) -> None:
    week = {day: [iv("22:00", "02:00")] for day in DAYS}
    plan = plan_for(with_schedule(default_document, week), co_calendar, at(0, 12))
    assert plan.row("chat").periods == (
        (at(0), at(0, 2)),  # began Sunday 22:00, before the window: clipped at its start
        (at(0, 22), at(1, 2)),  # Monday's night runs into the holiday
        # Tuesday is the holiday: the interval starting that evening does not happen
        (at(2, 22), at(3, 2)),
        (at(3, 22), at(4, 2)),
        (at(4, 22), at(5, 2)),
        (at(5, 22), at(6, 2)),
        (at(6, 22), at(7)),  # runs past the window: clipped at its end
    )


def test_periods_touching_at_midnight_are_one_period(
    default_document: dict, co_calendar: HolidayCalendar
) -> None:
    week = {
        "mon": [iv("20:00", "24:00")],
        "tue": [iv("00:00", "03:00"), iv("09:00", "12:00")],
        "fri": [iv("18:00", "06:00")],  # crosses midnight into Saturday's own hours
        "sat": [iv("06:00", "10:00")],
    }
    doc = with_schedule(default_document, week, closed_on_holidays=False)
    plan = plan_for(doc, co_calendar, at(0))
    assert plan.row("chat").periods == (
        (at(0, 20), at(1, 3)),
        (at(1, 9), at(1, 12)),
        (at(4, 18), at(5, 10)),
    )
    assert plan.row("chat").always_open is False


def test_around_the_clock_with_holiday_closure_is_not_always_open(
    default_document: dict, co_calendar: HolidayCalendar
) -> None:
    week = {day: [iv("00:00", "24:00")] for day in DAYS}
    plan = plan_for(with_schedule(default_document, week), co_calendar, at(0))
    row = plan.row("chat")
    assert row.periods == ((at(0), at(1)), (at(2), at(7)))
    assert row.always_open is False


def test_special_days_show_in_days_and_periods(
    default_document: dict, co_calendar: HolidayCalendar
) -> None:
    doc = copy.deepcopy(default_document)
    doc["special_days"] = [
        {
            "name": "Inventario anual",
            "date": "2026-12-10",
            "channels": ["phone-main"],
            "closed": True,
        },
        {
            "name": "Jornada extendida",
            "date": "2026-12-11",
            "until": "2026-12-12",
            "channels": ["email", "phone-main"],
            "closed": False,
            "hours": [iv("06:00", "21:00")],
        },
    ]
    plan = plan_for(doc, co_calendar, at(0, 9))
    assert [d.special for d in plan.days] == [
        (),
        (),
        (),
        ("Inventario anual",),
        ("Jornada extendida",),
        ("Jornada extendida",),
        (),
    ]
    main = plan.row("phone-main")
    assert main.periods == (
        (at(0, 7), at(0, 19)),
        (at(2, 7), at(2, 19)),
        # Thursday: closed for the special day
        (at(4, 6), at(4, 21)),
        (at(5, 6), at(5, 21)),  # a Saturday with other hours
    )
    assert main.reasons[3] == "Inventario anual"
    assert main.reasons[4] == main.reasons[5] == "Jornada extendida"
    assert plan.row("email").periods[2:] == (
        (at(3, 7), at(3, 19)),  # the closure is for phone-main only
        (at(4, 6), at(4, 21)),
        (at(5, 6), at(5, 21)),
    )
    assert plan.row("chat").reasons[3:6] == (None, None, None)


def test_other_lengths_and_a_window_that_crosses_a_year(
    engine: AvailabilityEngine,
) -> None:
    plan = week_plan(engine, dt.datetime(2026, 12, 31, 10, tzinfo=BOG), days=3)
    assert [d.date for d in plan.days] == [
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 1),
        dt.date(2027, 1, 2),
    ]
    assert plan.days[1].holiday is not None  # Año Nuevo
    start = dt.datetime(2026, 12, 31, tzinfo=BOG)
    assert plan.row("phone-main").periods == (
        (start + dt.timedelta(hours=7), start + dt.timedelta(hours=19)),
        (start + dt.timedelta(days=2, hours=8), start + dt.timedelta(days=2, hours=13)),
    )
    with pytest.raises(ValueError, match="at least one day"):
        week_plan(engine, start, days=0)


def test_naive_start_is_refused(engine: AvailabilityEngine) -> None:
    with pytest.raises(ValueError, match="aware"):
        week_plan(engine, dt.datetime(2026, 12, 7, 9))
