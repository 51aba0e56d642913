"""'Usar ahora' outside office hours: the truth for the request, and the 24/7 line for a critical
incident (the seed page's own rule)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.core.board import BoardBuilder, recommendation
from app.domain.availability import AvailabilityEngine

BOGOTA = ZoneInfo("America/Bogota")
NIGHT = dt.datetime(2026, 12, 2, 22, 15, tzinfo=BOGOTA)
NOON = dt.datetime(2026, 12, 2, 12, 0, tzinfo=BOGOTA)


def _recommend(engine: AvailabilityEngine, lang: str, request_type: str, at: dt.datetime):
    builder = BoardBuilder(engine, lang)
    return recommendation(builder, builder.board(engine.snapshot(at)), request_type)


@pytest.mark.parametrize("request_type", ["all", "pqrsa"])
def test_at_night_nothing_is_open_but_the_critical_line_is_named(
    engine: AvailabilityEngine, request_type: str
) -> None:
    rec = _recommend(engine, "es", request_type, NIGHT)
    assert rec.channels == ()
    assert rec.text.startswith("Ningún canal para esta solicitud está abierto ahora")
    assert rec.critical is not None and rec.critical.id == "phone-critical"
    assert (
        "Para un incidente crítico (prioridad 1): "
        "Línea para incidentes prioridad 1 (críticos) — +57 318 7174937"
    ) in rec.text


def test_english_wording(engine: AvailabilityEngine) -> None:
    rec = _recommend(engine, "en", "all", NIGHT)
    assert "For a critical incident (priority 1): Línea para incidentes" in rec.text


def test_no_critical_hint_when_the_request_has_an_open_channel(
    engine: AvailabilityEngine,
) -> None:
    rec = _recommend(engine, "es", "all", NOON)
    assert rec.channels and rec.critical is None


def test_priority_one_itself_gets_the_line_as_its_recommendation(
    engine: AvailabilityEngine,
) -> None:
    rec = _recommend(engine, "es", "priority-1", NIGHT)
    assert [c.id for c in rec.channels] == ["phone-critical"]
    assert rec.critical is None
