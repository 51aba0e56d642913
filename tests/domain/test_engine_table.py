"""The engine on the default configuration, instant by instant, over 2026 and 2027.

Every expected value below was worked out by hand from the published hours (Mon–Fri 07:00–19:00,
Sat 08:00–13:00, PQRSA Mon–Fri 07:00–17:00, closed on Colombian holidays) and from the Colombian
calendar of the ``holidays`` package, never by asking the engine. Instants are in the centre's
zone (America/Bogota, UTC−5, no DST) unless the row says otherwise.

Colombian holidays used (es): 2026-01-01 Thu Año Nuevo; 2026-01-12 Mon Reyes (observado);
2026-03-23 Mon San José (observado); 2026-04-02 Thu Jueves Santo; 2026-04-03 Fri Viernes Santo;
2026-05-01 Fri Día del Trabajo; 2026-12-08 Tue Inmaculada; 2026-12-25 Fri Navidad;
2027-01-01 Fri Año Nuevo; 2027-01-11 Mon Reyes (observado); 2027-03-22 Mon San José
(observado); 2027-03-25 Thu / 03-26 Fri Semana Santa; 2027-05-01 Sat Día del Trabajo;
2027-10-18 Mon Día de la Raza (observado); 2027-12-25 Sat Navidad.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from app.domain.availability import Availability, AvailabilityEngine, State

BOGOTA = ZoneInfo("America/Bogota")
TOKYO = ZoneInfo("Asia/Tokyo")
UTC = dt.UTC
PLUS_1 = dt.timezone(dt.timedelta(hours=1))
MINUS_8 = dt.timezone(dt.timedelta(hours=-8))
CENTRE_OFFSET = dt.timedelta(hours=-5)

OPEN, CLOSED = State.OPEN, State.CLOSED

REYES_26 = "Día de los Reyes Magos (observado)"
REYES_27 = REYES_26
SAN_JOSE = "Día de San José (observado)"
JUEVES = "Jueves Santo"
VIERNES = "Viernes Santo"
TRABAJO = "Día del Trabajo"
INMACULADA = "La Inmaculada Concepción"
NAVIDAD = "Navidad"
ANO_NUEVO = "Año Nuevo"
RAZA_27 = "Día de la Raza (observado)"
TODOS_SANTOS_27 = "Día de Todos los Santos"


def bo(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> dt.datetime:
    """A wall-clock instant in Bogotá."""
    return dt.datetime(y, m, d, hh, mm, ss, tzinfo=BOGOTA)


def at(tz: dt.tzinfo, y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, ss, tzinfo=tz)


@dataclass(frozen=True)
class Expect:
    state: State
    closing_soon: bool
    next_change: dt.datetime | None
    reason: str | None = None


def E(
    state: State, closing_soon: bool, next_change: dt.datetime | None, reason: str | None = None
) -> Expect:
    return Expect(state, closing_soon, next_change, reason)


# (id, instant, phone-main / email / chat / escalation level 1 (the business schedule), pqrsa|None)
ROWS: list[tuple[str, dt.datetime, Expect, Expect | None]] = [
    # --- an ordinary week: Mon 2026-02-09 .. Sun 2026-02-15 (no holidays) ------------------------
    (
        "wed-06:59:59",
        bo(2026, 2, 11, 6, 59, 59),
        E(CLOSED, False, bo(2026, 2, 11, 7)),
        E(CLOSED, False, bo(2026, 2, 11, 7)),
    ),
    (
        "wed-07:00",
        bo(2026, 2, 11, 7),
        E(OPEN, False, bo(2026, 2, 11, 19)),
        E(OPEN, False, bo(2026, 2, 11, 17)),
    ),
    (
        "wed-00:00",
        bo(2026, 2, 11),
        E(CLOSED, False, bo(2026, 2, 11, 7)),
        E(CLOSED, False, bo(2026, 2, 11, 7)),
    ),
    (
        "wed-12:00",
        bo(2026, 2, 11, 12),
        E(OPEN, False, bo(2026, 2, 11, 19)),
        E(OPEN, False, bo(2026, 2, 11, 17)),
    ),
    (
        "wed-16:44:59-pqrsa-not-yet-soon",
        bo(2026, 2, 11, 16, 44, 59),
        E(OPEN, False, bo(2026, 2, 11, 19)),
        E(OPEN, False, bo(2026, 2, 11, 17)),
    ),
    (
        "wed-16:45-pqrsa-closing-soon",
        bo(2026, 2, 11, 16, 45),
        E(OPEN, False, bo(2026, 2, 11, 19)),
        E(OPEN, True, bo(2026, 2, 11, 17)),
    ),
    (
        "wed-16:59:59-pqrsa-last-second",
        bo(2026, 2, 11, 16, 59, 59),
        E(OPEN, False, bo(2026, 2, 11, 19)),
        E(OPEN, True, bo(2026, 2, 11, 17)),
    ),
    (
        "wed-17:00-pqrsa-closes",
        bo(2026, 2, 11, 17),
        E(OPEN, False, bo(2026, 2, 11, 19)),
        E(CLOSED, False, bo(2026, 2, 12, 7)),
    ),
    (
        "wed-18:44:59-not-yet-soon",
        bo(2026, 2, 11, 18, 44, 59),
        E(OPEN, False, bo(2026, 2, 11, 19)),
        E(CLOSED, False, bo(2026, 2, 12, 7)),
    ),
    (
        "wed-18:45-closing-soon",
        bo(2026, 2, 11, 18, 45),
        E(OPEN, True, bo(2026, 2, 11, 19)),
        None,
    ),
    (
        "wed-18:59:59",
        bo(2026, 2, 11, 18, 59, 59),
        E(OPEN, True, bo(2026, 2, 11, 19)),
        E(CLOSED, False, bo(2026, 2, 12, 7)),
    ),
    (
        "wed-18:59:59.999999-still-open",
        dt.datetime(2026, 2, 11, 18, 59, 59, 999_999, tzinfo=BOGOTA),
        E(OPEN, True, bo(2026, 2, 11, 19)),
        None,
    ),
    (
        "wed-19:00",
        bo(2026, 2, 11, 19),
        E(CLOSED, False, bo(2026, 2, 12, 7)),
        E(CLOSED, False, bo(2026, 2, 12, 7)),
    ),
    (
        "wed-23:59:59",
        bo(2026, 2, 11, 23, 59, 59),
        E(CLOSED, False, bo(2026, 2, 12, 7)),
        None,
    ),
    (
        "fri-19:00-to-saturday",
        bo(2026, 2, 13, 19),
        E(CLOSED, False, bo(2026, 2, 14, 8)),
        E(CLOSED, False, bo(2026, 2, 16, 7)),
    ),
    (
        "sat-07:59:59",
        bo(2026, 2, 14, 7, 59, 59),
        E(CLOSED, False, bo(2026, 2, 14, 8)),
        E(CLOSED, False, bo(2026, 2, 16, 7)),
    ),
    (
        "sat-08:00",
        bo(2026, 2, 14, 8),
        E(OPEN, False, bo(2026, 2, 14, 13)),
        E(CLOSED, False, bo(2026, 2, 16, 7)),
    ),
    (
        "sat-12:44:59",
        bo(2026, 2, 14, 12, 44, 59),
        E(OPEN, False, bo(2026, 2, 14, 13)),
        None,
    ),
    ("sat-12:45", bo(2026, 2, 14, 12, 45), E(OPEN, True, bo(2026, 2, 14, 13)), None),
    (
        "sat-12:59:59",
        bo(2026, 2, 14, 12, 59, 59),
        E(OPEN, True, bo(2026, 2, 14, 13)),
        None,
    ),
    (
        "sat-13:00-to-monday",
        bo(2026, 2, 14, 13),
        E(CLOSED, False, bo(2026, 2, 16, 7)),
        E(CLOSED, False, bo(2026, 2, 16, 7)),
    ),
    (
        "sunday",
        bo(2026, 2, 15, 10, 30),
        E(CLOSED, False, bo(2026, 2, 16, 7)),
        E(CLOSED, False, bo(2026, 2, 16, 7)),
    ),
    (
        "monday-00:00",
        bo(2026, 2, 16),
        E(CLOSED, False, bo(2026, 2, 16, 7)),
        E(CLOSED, False, bo(2026, 2, 16, 7)),
    ),
    # --- the same instant, 2026-02-11 07:00 Bogotá, written in other zones ---------------------
    ("utc-07:00-bogota", at(UTC, 2026, 2, 11, 12), E(OPEN, False, bo(2026, 2, 11, 19)), None),
    (
        "utc-06:59:59-bogota",
        at(UTC, 2026, 2, 11, 11, 59, 59),
        E(CLOSED, False, bo(2026, 2, 11, 7)),
        None,
    ),
    ("plus1-07:00-bogota", at(PLUS_1, 2026, 2, 11, 13), E(OPEN, False, bo(2026, 2, 11, 19)), None),
    ("minus8-07:00-bogota", at(MINUS_8, 2026, 2, 11, 4), E(OPEN, False, bo(2026, 2, 11, 19)), None),
    ("tokyo-07:00-bogota", at(TOKYO, 2026, 2, 11, 21), E(OPEN, False, bo(2026, 2, 11, 19)), None),
    (
        # 2026-02-11 15:59:59-08:00 = 23:59:59Z = 18:59:59 Bogotá
        "minus8-18:59:59-bogota",
        at(MINUS_8, 2026, 2, 11, 15, 59, 59),
        E(OPEN, True, bo(2026, 2, 11, 19)),
        None,
    ),
    (
        # Tokyo is already Thursday 09:00; Bogotá is Wednesday 19:00
        "tokyo-thursday-is-bogota-wednesday-19:00",
        at(TOKYO, 2026, 2, 12, 9),
        E(CLOSED, False, bo(2026, 2, 12, 7)),
        E(CLOSED, False, bo(2026, 2, 12, 7)),
    ),
    # --- holidays, 2026 --------------------------------------------------------------------------
    (
        "2026-01-01-ano-nuevo",
        bo(2026, 1, 1, 10),
        E(CLOSED, False, bo(2026, 1, 2, 7), ANO_NUEVO),
        E(CLOSED, False, bo(2026, 1, 2, 7), ANO_NUEVO),
    ),
    (
        "2026-01-06-reyes-moved-so-tuesday-works",
        bo(2026, 1, 6, 10),
        E(OPEN, False, bo(2026, 1, 6, 19)),
        E(OPEN, False, bo(2026, 1, 6, 17)),
    ),
    (
        "2026-01-10-sat-13:00-long-weekend",
        bo(2026, 1, 10, 13),
        E(CLOSED, False, bo(2026, 1, 13, 7)),
        E(CLOSED, False, bo(2026, 1, 13, 7)),
    ),
    (
        "2026-01-12-reyes-observado",
        bo(2026, 1, 12, 9),
        E(CLOSED, False, bo(2026, 1, 13, 7), REYES_26),
        E(CLOSED, False, bo(2026, 1, 13, 7), REYES_26),
    ),
    (
        "2026-01-12-reyes-observado-07:00",
        bo(2026, 1, 12, 7),
        E(CLOSED, False, bo(2026, 1, 13, 7), REYES_26),
        None,
    ),
    (
        "2026-01-13-06:59:59-after-long-weekend",
        bo(2026, 1, 13, 6, 59, 59),
        E(CLOSED, False, bo(2026, 1, 13, 7)),
        None,
    ),
    (
        "2026-03-20-fri-19:00-before-san-jose",
        bo(2026, 3, 20, 19),
        E(CLOSED, False, bo(2026, 3, 21, 8)),
        E(CLOSED, False, bo(2026, 3, 24, 7)),
    ),
    (
        "2026-03-21-sat-13:00-san-jose-weekend",
        bo(2026, 3, 21, 13),
        E(CLOSED, False, bo(2026, 3, 24, 7)),
        None,
    ),
    (
        "2026-03-23-san-jose-observado",
        bo(2026, 3, 23, 15),
        E(CLOSED, False, bo(2026, 3, 24, 7), SAN_JOSE),
        E(CLOSED, False, bo(2026, 3, 24, 7), SAN_JOSE),
    ),
    (
        "2026-04-01-wed-17:00-pqrsa-skips-thu-fri-weekend",
        bo(2026, 4, 1, 17),
        E(OPEN, False, bo(2026, 4, 1, 19)),
        E(CLOSED, False, bo(2026, 4, 6, 7)),
    ),
    (
        "2026-04-01-wed-19:00-skips-holy-thu-fri",
        bo(2026, 4, 1, 19),
        E(CLOSED, False, bo(2026, 4, 4, 8)),
        E(CLOSED, False, bo(2026, 4, 6, 7)),
    ),
    (
        "2026-04-02-jueves-santo",
        bo(2026, 4, 2, 10),
        E(CLOSED, False, bo(2026, 4, 4, 8), JUEVES),
        E(CLOSED, False, bo(2026, 4, 6, 7), JUEVES),
    ),
    (
        "2026-04-03-viernes-santo",
        bo(2026, 4, 3, 18),
        E(CLOSED, False, bo(2026, 4, 4, 8), VIERNES),
        E(CLOSED, False, bo(2026, 4, 6, 7), VIERNES),
    ),
    (
        "2026-04-04-holy-saturday-opens",
        bo(2026, 4, 4, 8, 50),
        E(OPEN, False, bo(2026, 4, 4, 13)),
        E(CLOSED, False, bo(2026, 4, 6, 7)),
    ),
    (
        "2026-04-30-thu-19:00-before-labour-day",
        bo(2026, 4, 30, 19),
        E(CLOSED, False, bo(2026, 5, 2, 8)),
        E(CLOSED, False, bo(2026, 5, 4, 7)),
    ),
    (
        "2026-12-07-mon-19:00-before-inmaculada",
        bo(2026, 12, 7, 19),
        E(CLOSED, False, bo(2026, 12, 9, 7)),
        E(CLOSED, False, bo(2026, 12, 9, 7)),
    ),
    (
        "2026-12-08-inmaculada",
        bo(2026, 12, 8, 12),
        E(CLOSED, False, bo(2026, 12, 9, 7), INMACULADA),
        E(CLOSED, False, bo(2026, 12, 9, 7), INMACULADA),
    ),
    (
        # 04:00 in Madrid on the 8th is still the 7th, 22:00, in Bogotá: no holiday yet
        "2026-12-08-plus1-is-bogota-monday-night",
        at(PLUS_1, 2026, 12, 8, 4),
        E(CLOSED, False, bo(2026, 12, 9, 7)),
        None,
    ),
    (
        # 13:00 in Tokyo on the 9th is the 8th, 23:00, in Bogotá: the holiday
        "2026-12-09-tokyo-is-bogota-inmaculada",
        at(TOKYO, 2026, 12, 9, 13),
        E(CLOSED, False, bo(2026, 12, 9, 7), INMACULADA),
        None,
    ),
    (
        "2026-12-24-thu-19:00-before-navidad",
        bo(2026, 12, 24, 19),
        E(CLOSED, False, bo(2026, 12, 26, 8)),
        E(CLOSED, False, bo(2026, 12, 28, 7)),
    ),
    # --- the year boundary -----------------------------------------------------------------------
    (
        "2026-12-31-18:50-closing-soon",
        bo(2026, 12, 31, 18, 50),
        E(OPEN, True, bo(2026, 12, 31, 19)),
        E(CLOSED, False, bo(2027, 1, 4, 7)),
    ),
    (
        "2026-12-31-17:00-pqrsa-to-2027-01-04",
        bo(2026, 12, 31, 17),
        E(OPEN, False, bo(2026, 12, 31, 19)),
        E(CLOSED, False, bo(2027, 1, 4, 7)),
    ),
    (
        "2026-12-31-19:00-to-2027-01-02",
        bo(2026, 12, 31, 19),
        E(CLOSED, False, bo(2027, 1, 2, 8)),
        E(CLOSED, False, bo(2027, 1, 4, 7)),
    ),
    (
        # already 2027 in UTC, still 2026-12-31 22:00 in Bogotá
        "utc-2027-01-01-03:00-is-bogota-2026",
        at(UTC, 2027, 1, 1, 3),
        E(CLOSED, False, bo(2027, 1, 2, 8)),
        None,
    ),
    (
        "2027-01-01-00:00-ano-nuevo",
        bo(2027, 1, 1),
        E(CLOSED, False, bo(2027, 1, 2, 8), ANO_NUEVO),
        E(CLOSED, False, bo(2027, 1, 4, 7), ANO_NUEVO),
    ),
    (
        "2027-01-02-sat-open",
        bo(2027, 1, 2, 9),
        E(OPEN, False, bo(2027, 1, 2, 13)),
        E(CLOSED, False, bo(2027, 1, 4, 7)),
    ),
    # --- holidays, 2027 --------------------------------------------------------------------------
    (
        "2027-01-09-sat-13:00-long-weekend",
        bo(2027, 1, 9, 13),
        E(CLOSED, False, bo(2027, 1, 12, 7)),
        None,
    ),
    (
        "2027-01-11-reyes-observado",
        bo(2027, 1, 11, 18, 59, 59),
        E(CLOSED, False, bo(2027, 1, 12, 7), REYES_27),
        None,
    ),
    (
        "2027-03-19-fri-19:00-before-san-jose",
        bo(2027, 3, 19, 19),
        E(CLOSED, False, bo(2027, 3, 20, 8)),
        E(CLOSED, False, bo(2027, 3, 23, 7)),
    ),
    (
        "2027-03-20-sat-13:00-san-jose-weekend",
        bo(2027, 3, 20, 13),
        E(CLOSED, False, bo(2027, 3, 23, 7)),
        None,
    ),
    (
        "2027-03-22-san-jose-observado",
        bo(2027, 3, 22, 8),
        E(CLOSED, False, bo(2027, 3, 23, 7), SAN_JOSE),
        E(CLOSED, False, bo(2027, 3, 23, 7), SAN_JOSE),
    ),
    (
        "2027-03-24-wed-19:00-skips-holy-thu-fri",
        bo(2027, 3, 24, 19),
        E(CLOSED, False, bo(2027, 3, 27, 8)),
        E(CLOSED, False, bo(2027, 3, 29, 7)),
    ),
    (
        "2027-03-25-jueves-santo",
        bo(2027, 3, 25, 7),
        E(CLOSED, False, bo(2027, 3, 27, 8), JUEVES),
        E(CLOSED, False, bo(2027, 3, 29, 7), JUEVES),
    ),
    (
        "2027-03-26-viernes-santo",
        bo(2027, 3, 26, 12),
        E(CLOSED, False, bo(2027, 3, 27, 8), VIERNES),
        E(CLOSED, False, bo(2027, 3, 29, 7), VIERNES),
    ),
    (
        "2027-04-30-fri-19:00-saturday-is-labour-day",
        bo(2027, 4, 30, 19),
        E(CLOSED, False, bo(2027, 5, 3, 7)),
        E(CLOSED, False, bo(2027, 5, 3, 7)),
    ),
    (
        "2027-05-01-saturday-labour-day",
        bo(2027, 5, 1, 10),
        E(CLOSED, False, bo(2027, 5, 3, 7), TRABAJO),
        E(CLOSED, False, bo(2027, 5, 3, 7), TRABAJO),
    ),
    (
        "2027-10-18-raza-observado",
        bo(2027, 10, 18, 12),
        E(CLOSED, False, bo(2027, 10, 19, 7), RAZA_27),
        E(CLOSED, False, bo(2027, 10, 19, 7), RAZA_27),
    ),
    (
        "2027-11-01-todos-los-santos-on-a-monday",
        bo(2027, 11, 1, 7),
        E(CLOSED, False, bo(2027, 11, 2, 7), TODOS_SANTOS_27),
        None,
    ),
    (
        "2027-12-24-fri-19:00-saturday-is-navidad",
        bo(2027, 12, 24, 19),
        E(CLOSED, False, bo(2027, 12, 27, 7)),
        E(CLOSED, False, bo(2027, 12, 27, 7)),
    ),
    (
        "2027-12-25-saturday-navidad",
        bo(2027, 12, 25, 9),
        E(CLOSED, False, bo(2027, 12, 27, 7), NAVIDAD),
        None,
    ),
    (
        "2027-12-31-fri-18:45",
        bo(2027, 12, 31, 18, 45),
        E(OPEN, True, bo(2027, 12, 31, 19)),
        E(CLOSED, False, bo(2028, 1, 3, 7)),
    ),
]


def _check(got: Availability, want: Expect) -> None:
    assert (got.state, got.closing_soon, got.next_change, got.reason) == (
        want.state,
        want.closing_soon,
        want.next_change,
        want.reason,
    )
    if want.next_change is not None:
        # the same instant, and also written on the centre's clock
        assert got.next_change is not None
        assert got.next_change.utcoffset() == CENTRE_OFFSET
        assert got.next_change.replace(tzinfo=None) == want.next_change.replace(tzinfo=None)


PARAMS = [pytest.param(instant, main, pq, id=name) for name, instant, main, pq in ROWS]


def test_table_is_large_and_spans_two_years() -> None:
    assert len(ROWS) >= 45
    assert len({name for name, *_ in ROWS}) == len(ROWS)
    years = {instant.astimezone(BOGOTA).year for _, instant, *_ in ROWS}
    assert {2026, 2027} <= years


@pytest.mark.parametrize(("instant", "main", "pqrsa"), PARAMS)
def test_business_channels(
    engine: AvailabilityEngine, instant: dt.datetime, main: Expect, pqrsa: Expect | None
) -> None:
    _check(engine.channel("phone-main", instant), main)
    # email, chat and escalation level 1 run on the same business schedule
    _check(engine.channel("email", instant), main)
    _check(engine.channel("chat", instant), main)
    _check(engine.level(0, instant), main)
    if pqrsa is not None:
        _check(engine.channel("pqrsa", instant), pqrsa)


@pytest.mark.parametrize(("instant", "main", "pqrsa"), PARAMS)
def test_critical_line_always_open_and_upper_levels_unknown(
    engine: AvailabilityEngine, instant: dt.datetime, main: Expect, pqrsa: Expect | None
) -> None:
    critical = engine.channel("phone-critical", instant)
    assert critical == Availability(State.OPEN, None, closing_soon=False, reason=None)
    assert critical.always_open
    for index in (1, 2):
        level = engine.level(index, instant)
        assert level == Availability(State.UNKNOWN, None, closing_soon=False, reason=None)


@pytest.mark.parametrize(("instant", "main", "pqrsa"), PARAMS)
def test_recommendations(
    engine: AvailabilityEngine, instant: dt.datetime, main: Expect, pqrsa: Expect | None
) -> None:
    business_open = main.state is OPEN
    p1 = [c.id for c in engine.recommend("priority-1", instant)]
    assert p1 == (["phone-main"] if business_open else ["phone-critical"])
    everything = [c.id for c in engine.recommend("all", instant)]
    assert everything == (["phone-main", "email", "chat"] if business_open else [])
    if pqrsa is not None:
        complaints = [c.id for c in engine.recommend("pqrsa", instant)]
        assert complaints == (["pqrsa"] if pqrsa.state is OPEN else [])


@pytest.mark.parametrize(
    ("instant", "holiday"),
    [
        pytest.param(bo(2026, 2, 11, 12), None, id="ordinary-wednesday"),
        pytest.param(bo(2026, 1, 6, 12), None, id="2026-01-06-moved-away"),
        pytest.param(bo(2026, 1, 12), REYES_26, id="2026-01-12-midnight"),
        pytest.param(bo(2026, 1, 12, 23, 59, 59), REYES_26, id="2026-01-12-last-second"),
        pytest.param(bo(2026, 1, 13), None, id="2026-01-13-midnight"),
        pytest.param(bo(2026, 4, 2, 9), JUEVES, id="2026-jueves-santo"),
        pytest.param(bo(2026, 4, 3, 9), VIERNES, id="2026-viernes-santo"),
        pytest.param(bo(2026, 12, 8, 9), INMACULADA, id="2026-12-08"),
        pytest.param(at(TOKYO, 2026, 12, 9, 13), INMACULADA, id="tokyo-next-day"),
        pytest.param(at(PLUS_1, 2026, 12, 8, 4), None, id="madrid-same-date-bogota-eve"),
        pytest.param(bo(2027, 1, 1, 12), ANO_NUEVO, id="2027-01-01"),
        pytest.param(at(UTC, 2027, 1, 1, 3), None, id="utc-new-year-bogota-eve"),
        pytest.param(bo(2027, 3, 25, 9), JUEVES, id="2027-jueves-santo"),
        pytest.param(bo(2027, 3, 26, 9), VIERNES, id="2027-viernes-santo"),
        pytest.param(bo(2027, 5, 1, 9), TRABAJO, id="2027-labour-day-saturday"),
    ],
)
def test_snapshot_names_the_holiday(
    engine: AvailabilityEngine, instant: dt.datetime, holiday: str | None
) -> None:
    snap = engine.snapshot(instant)
    assert snap.holiday == holiday
    assert snap.at == instant
    assert snap.at.utcoffset() == CENTRE_OFFSET
    assert [c.id for c, _ in snap.channels] == [
        "phone-main",
        "phone-critical",
        "email",
        "chat",
        "pqrsa",
    ]
    assert [level.level for level, _ in snap.escalation] == [1, 2, 3]
    # the snapshot agrees with the per-channel answers
    for channel, availability in snap.channels:
        assert availability == engine.channel(channel.id, instant)
    for i, (_, availability) in enumerate(snap.escalation):
        assert availability == engine.level(i, instant)


def test_snapshot_on_a_holiday_reports_the_closure(engine: AvailabilityEngine) -> None:
    snap = engine.snapshot(bo(2026, 4, 3, 10))
    states = {c.id: (a.state, a.reason) for c, a in snap.channels}
    assert states == {
        "phone-main": (CLOSED, VIERNES),
        "phone-critical": (OPEN, None),
        "email": (CLOSED, VIERNES),
        "chat": (CLOSED, VIERNES),
        "pqrsa": (CLOSED, VIERNES),
    }
    assert [a.state for _, a in snap.escalation] == [CLOSED, State.UNKNOWN, State.UNKNOWN]


@pytest.mark.parametrize(
    ("instant", "request_type", "expected"),
    [
        pytest.param(bo(2026, 2, 11, 7), "priority-1", ["phone-main"], id="p1-opening"),
        pytest.param(bo(2026, 2, 11, 6, 59, 59), "priority-1", ["phone-critical"], id="p1-early"),
        pytest.param(bo(2026, 2, 14, 12, 59, 59), "priority-1", ["phone-main"], id="p1-sat"),
        pytest.param(bo(2026, 2, 14, 13), "priority-1", ["phone-critical"], id="p1-sat-13:00"),
        pytest.param(bo(2026, 4, 2, 10), "priority-1", ["phone-critical"], id="p1-holiday"),
        pytest.param(bo(2026, 2, 11, 16, 59, 59), "pqrsa", ["pqrsa"], id="pqrsa-16:59:59"),
        pytest.param(bo(2026, 2, 11, 17), "pqrsa", [], id="pqrsa-17:00"),
        pytest.param(bo(2026, 2, 14, 10), "pqrsa", [], id="pqrsa-saturday"),
        pytest.param(bo(2026, 12, 8, 10), "pqrsa", [], id="pqrsa-holiday"),
        pytest.param(bo(2027, 3, 23, 10), "pqrsa", ["pqrsa"], id="pqrsa-2027-tuesday"),
        pytest.param(bo(2026, 2, 11, 18), "all", ["phone-main", "email", "chat"], id="all-evening"),
        pytest.param(bo(2026, 2, 11, 19), "all", [], id="all-closed"),
        pytest.param(bo(2027, 1, 1, 10), "all", [], id="all-new-year"),
        pytest.param(
            at(UTC, 2027, 1, 2, 14), "all", ["phone-main", "email", "chat"], id="all-sat-utc"
        ),
    ],
)
def test_recommend_examples(
    engine: AvailabilityEngine, instant: dt.datetime, request_type: str, expected: list[str]
) -> None:
    assert [c.id for c in engine.recommend(request_type, instant)] == expected


def test_naive_instant_is_refused(engine: AvailabilityEngine) -> None:
    with pytest.raises(ValueError, match="aware"):
        engine.channel("phone-main", dt.datetime(2026, 2, 11, 12))
