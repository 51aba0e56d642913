"""The coverage report's words and JSON, for the default configuration and a few variations."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.cli_coverage import DEFAULT_DAYS as CLI_DEFAULT_DAYS
from app.cli_coverage import MAX_DAYS as CLI_MAX_DAYS
from app.core.coverage_text import (
    coverage_document,
    coverage_text,
    coverage_view,
    weekly_runs,
)
from app.domain.availability import AvailabilityEngine
from app.domain.calendar import HolidayCalendar, holidays_from_package
from app.domain.coverage import DEFAULT_DAYS, MAX_DAYS, coverage
from app.domain.document import config_from_document
from app.domain.wall_clock import DAY

BOG = ZoneInfo("America/Bogota")
START = dt.datetime(2026, 12, 5, 10, tzinfo=BOG)  # Saturday; Tuesday 8 Dec is a holiday
H = 3600

DEFAULT_ES = """\
Cobertura del sáb 5 dic al vie 18 dic (14 días, America/Bogota)

Todas
  sin atención lun–jue 19:00–7:00 · vie 19:00–8:00 · sáb 13:00 – lun 7:00
  festivo mar 8 dic (La Inmaculada Concepción): sin atención todo el día

Incidentes prioridad 1 (críticos)
  sin atención lun–jue 19:00–7:00 · vie 19:00–8:00 · sáb 13:00 – lun 7:00
  festivo mar 8 dic (La Inmaculada Concepción): sin atención todo el día
  con su respaldo (Línea para incidentes prioridad 1 (críticos)): siempre hay un canal abierto

Peticiones, quejas, reclamos, sugerencias y apelaciones (PQRSA)
  sin canal abierto lun–vie 17:00–19:00 · sáb 8:00–13:00 (los demás canales sí atienden)
  sin atención lun–jue 19:00–7:00 · vie 19:00–8:00 · sáb 13:00 – lun 7:00
  festivo mar 8 dic (La Inmaculada Concepción): sin atención todo el día"""


def text_for(engine: AvailabilityEngine, lang: str = "es", days: int = 14) -> str:
    report = coverage(engine, START, days)
    return coverage_text(coverage_view(report, engine.config, lang))


def engine_for(document: dict[str, Any], calendar: HolidayCalendar) -> AvailabilityEngine:
    return AvailabilityEngine(config_from_document(document), calendar)


def test_default_configuration_in_spanish(engine: AvailabilityEngine) -> None:
    assert text_for(engine) == DEFAULT_ES


def test_default_configuration_in_english(default_config) -> None:
    english = AvailabilityEngine(default_config, HolidayCalendar("CO", "en", holidays_from_package))
    text = text_for(english, "en")
    assert text.splitlines()[0] == "Coverage from Sat Dec 5 to Fri Dec 18 (14 days, America/Bogota)"
    assert (
        "  no channel open Mon–Fri 17:00–19:00 · Sat 8:00–13:00 (the other channels do attend)"
        in text.splitlines()
    )
    assert "  holiday Tue Dec 8 (Immaculate Conception): no service all day" in text.splitlines()


def test_short_windows_are_listed_date_by_date(engine: AvailabilityEngine) -> None:
    lines = text_for(engine, days=3).splitlines()
    assert lines[-3:] == [
        "  sáb 5 dic: sin canal abierto 8:00–13:00 (los demás canales sí atienden); "
        "sin atención 0:00–8:00, 13:00–24:00",
        "  dom 6 dic: sin atención todo el día",
        "  lun 7 dic: sin canal abierto 17:00–19:00 (los demás canales sí atienden); "
        "sin atención 0:00–7:00, 19:00–24:00",
    ]


def test_a_special_range_is_one_exception_line_and_others_open_are_named(
    default_document: dict[str, Any], co_calendar: HolidayCalendar
) -> None:
    doc = copy.deepcopy(default_document)
    doc["special_days"] = [
        {
            "name": "Inventario",
            "date": "2026-12-14",
            "until": "2026-12-16",
            "channels": ["pqrsa"],
            "closed": True,
        }
    ]
    lines = text_for(engine_for(doc, co_calendar)).splitlines()
    pqrsa = lines[lines.index("Peticiones, quejas, reclamos, sugerencias y apelaciones (PQRSA)") :]
    assert pqrsa[-2:] == [
        "  festivo mar 8 dic (La Inmaculada Concepción): sin atención todo el día",
        "  lun 14 dic – mié 16 dic (Inventario): sin canal abierto 7:00–19:00 "
        "(los demás canales sí atienden); sin atención 0:00–7:00, 19:00–24:00",
    ]
    # the other request types are not affected by it
    assert "Inventario" not in "\n".join(lines[: lines.index(pqrsa[0])])


def test_no_channel_and_the_same_gaps_with_a_fallback(
    default_document: dict[str, Any], co_calendar: HolidayCalendar
) -> None:
    doc = copy.deepcopy(default_document)
    doc["request_types"].append({"id": "billing", "name": "Facturación", "fallback": None})
    doc["request_types"][2]["fallback"] = "chat"  # closes when PQRSA's line does, or later
    lines = text_for(engine_for(doc, co_calendar)).splitlines()
    assert lines[-2:] == ["Facturación", "  ningún canal atiende este tipo de solicitud"]
    pqrsa = lines[lines.index("Peticiones, quejas, reclamos, sugerencias y apelaciones (PQRSA)") :]
    assert pqrsa[4:6] == [
        "  con su respaldo (Chat en línea): "
        "sin atención lun–jue 19:00–7:00 · vie 19:00–8:00 · sáb 13:00 – lun 7:00",
        "    festivo mar 8 dic (La Inmaculada Concepción): sin atención todo el día",
    ]


def test_always_open_and_never_open(
    default_document: dict[str, Any], co_calendar: HolidayCalendar
) -> None:
    doc = copy.deepcopy(default_document)
    for channel in doc["channels"]:
        channel["schedule"] = "always" if channel["id"] != "pqrsa" else "business"
    doc["schedules"][0]["week"] = {d: [] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    lines = text_for(engine_for(doc, co_calendar)).splitlines()
    assert lines[2:4] == ["Todas", "  siempre hay un canal abierto"]
    assert lines[-1] == (
        "  sin canal abierto todos los días, todo el día (los demás canales sí atienden)"
    )
    doc["channels"] = [c for c in doc["channels"] if c["id"] == "pqrsa"]
    doc["request_types"] = [doc["request_types"][2]]
    lines = text_for(engine_for(doc, co_calendar)).splitlines()
    assert lines[-1] == "  sin atención en ningún momento de estos días"


def test_weekly_runs_join_across_midnight_and_around_the_week() -> None:
    night = ((0, 7 * H, False), (19 * H, DAY, False))
    runs = weekly_runs([night] * 7)
    assert runs[0] == (19 * H, DAY + 7 * H, False)  # Monday night to Tuesday 7:00
    assert runs[-1] == (6 * DAY + 19 * H, 7 * DAY + 7 * H, False)  # Sunday night to Monday
    assert len(runs) == 7
    assert weekly_runs([((0, DAY, True),)] * 7) == [(0, 7 * DAY, True)]


def test_json_has_every_gap_with_offsets_variants_and_reasons(engine: AvailabilityEngine) -> None:
    document = coverage_document(coverage(engine, START))
    assert (document["from"], document["to"], document["days"]) == (
        "2026-12-05T00:00:00-05:00",
        "2026-12-19T00:00:00-05:00",
        14,
    )
    types = {t["id"]: t for t in document["request_types"]}
    assert types["priority-1"] == {
        "id": "priority-1",
        "name": "Incidentes prioridad 1 (críticos)",
        "channels": ["phone-main"],
        "fallback": "phone-critical",
        "covered": False,
        "covered_with_fallback": True,
    }
    gaps = document["gaps"]
    count = {
        (t, f): sum(1 for g in gaps if (g["request_type"], g["with_fallback"]) == (t, f))
        for t in types
        for f in (False, True)
    }
    assert count == {
        ("all", False): 12,
        ("all", True): 12,
        ("priority-1", False): 12,
        ("priority-1", True): 0,
        ("pqrsa", False): 10,
        ("pqrsa", True): 10,
    }
    holiday = next(g for g in gaps if g["reasons"] and g["request_type"] == "pqrsa")
    assert holiday == {
        "request_type": "pqrsa",
        "with_fallback": False,
        "start": "2026-12-07T17:00:00-05:00",
        "end": "2026-12-09T07:00:00-05:00",
        "others_open": [{"start": "2026-12-07T17:00:00-05:00", "end": "2026-12-07T19:00:00-05:00"}],
        "reasons": [{"kind": "holiday", "date": "2026-12-08", "name": "La Inmaculada Concepción"}],
    }


@pytest.mark.parametrize(
    ("cli", "domain"), [(CLI_DEFAULT_DAYS, DEFAULT_DAYS), (CLI_MAX_DAYS, MAX_DAYS)]
)
def test_the_cli_bounds_are_the_domains(cli: int, domain: int) -> None:
    assert cli == domain
