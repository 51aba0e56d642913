"""The tray's words come from the core, in the console's language."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.core.notices import notice_text, tray_summary
from app.domain.availability import AvailabilityEngine
from app.domain.notifications import Event, Notice

BOGOTA = ZoneInfo("America/Bogota")


def test_summary_names_three_open_channels_and_counts_the_rest(engine: AvailabilityEngine) -> None:
    snapshot = engine.snapshot(dt.datetime(2026, 12, 5, 12, 44, tzinfo=BOGOTA))
    assert tray_summary(snapshot, "es") == (
        "Canales — Abiertos: Línea de servicio al cliente (Bogotá), "
        "Línea para incidentes prioridad 1 (críticos), Correo de soporte y 1 más · Cerrados: 1"
    )
    assert tray_summary(snapshot, "en") == (
        "Canales — Open: Línea de servicio al cliente (Bogotá), "
        "Línea para incidentes prioridad 1 (críticos), Correo de soporte and 1 more · Closed: 1"
    )


def test_summary_at_night_says_what_is_open(engine: AvailabilityEngine) -> None:
    snapshot = engine.snapshot(dt.datetime(2026, 12, 2, 22, 15, tzinfo=BOGOTA))
    assert tray_summary(snapshot, "es") == (
        "Canales — Abiertos: Línea para incidentes prioridad 1 (críticos) · Cerrados: 4"
    )


@pytest.mark.parametrize(
    ("event", "es", "en"),
    [
        (Event.OPENED, "{} ya está abierto", "{} is open now"),
        (Event.CLOSING_SOON, "{} cierra pronto", "{} closes soon"),
        (Event.CLOSED, "{} cerró", "{} has closed"),
    ],
)
def test_each_notice_in_both_languages(
    engine: AvailabilityEngine, event: Event, es: str, en: str
) -> None:
    channel = engine.config.channel("chat")
    notice = Notice(channel, event)
    texts = (notice_text(notice, "es"), notice_text(notice, "en"))
    assert texts == (es.format(channel.name), en.format(channel.name))
