"""The ``canales status`` report: the JSON contract and the readable table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from app.domain.availability import Availability, AvailabilityEngine, Snapshot, State
from app.domain.texts import Entry, pick
from app.domain.wording import change_text, hours_summary

LABELS: Mapping[str, Entry] = MappingProxyType(
    {
        "open": {"es": "Abierto", "en": "Open"},
        "closing_soon": {"es": "Cierra pronto", "en": "Closing soon"},
        "closed": {"es": "Cerrado", "en": "Closed"},
        "always": {"es": "24/7", "en": "24/7"},
        "unknown": {"es": "Horario no publicado", "en": "Hours not published"},
        "centre_time": {"es": "Hora del centro", "en": "Support centre time"},
        "holiday": {"es": "Hoy es festivo: {name}", "en": "Today is a holiday: {name}"},
        "channel": {"es": "CANAL", "en": "CHANNEL"},
        "state": {"es": "ESTADO", "en": "STATE"},
        "next": {"es": "PRÓXIMO CAMBIO", "en": "NEXT CHANGE"},
        "hours": {"es": "HORARIO", "en": "HOURS"},
        "escalation": {"es": "ESCALAMIENTO", "en": "ESCALATION"},
        "level": {"es": "Nivel {n}", "en": "Level {n}"},
    }
)


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def status_document(snapshot: Snapshot, timezone: str) -> dict[str, Any]:
    """Exactly the keys of DESIGN.md's ``canales status --json`` contract."""
    return {
        "at": iso(snapshot.at),
        "timezone": timezone,
        "holiday": snapshot.holiday,
        "channels": [
            {
                "id": channel.id,
                "name": channel.name,
                "state": av.state.value,
                "closing_soon": av.closing_soon,
                "next_change": iso(av.next_change),
                "reason": av.reason,
            }
            for channel, av in snapshot.channels
        ],
        "escalation": [
            {
                "level": level.level,
                "name": level.name,
                "state": av.state.value,
                "next_change": iso(av.next_change),
            }
            for level, av in snapshot.escalation
        ],
    }


def state_label(av: Availability, lang: str) -> str:
    if av.state is State.UNKNOWN:
        return pick(lang, LABELS["unknown"])
    if av.always_open:
        return pick(lang, LABELS["always"])
    if av.closing_soon:
        return pick(lang, LABELS["closing_soon"])
    return pick(lang, LABELS[av.state.value])


def _next_text(av: Availability, now: dt.datetime, lang: str) -> str:
    parts = []
    if av.next_change is not None:
        parts.append(change_text(av.state is State.OPEN, av.next_change, now, lang))
    if av.reason:
        parts.append(av.reason)
    return " · ".join(parts)


def status_table(engine: AvailabilityEngine, snapshot: Snapshot, lang: str) -> str:
    config = engine.config
    now = snapshot.at
    offset = now.strftime("%z")
    heading = " — ".join(p for p in (config.organisation.name, config.organisation.product) if p)
    lines = [
        heading,
        f"{pick(lang, LABELS['centre_time'])}: {now:%Y-%m-%d %H:%M:%S} "
        f"({config.timezone}, UTC{offset[:3]}:{offset[3:]})",
    ]
    if snapshot.holiday:
        lines.append(pick(lang, LABELS["holiday"], name=snapshot.holiday))
    rows: list[tuple[str, ...]] = []
    for channel, av in snapshot.channels:
        hours = hours_summary(config.schedule(channel.schedule), lang)
        rows.append((channel.name, state_label(av, lang), _next_text(av, now, lang), hours))
    ladder: list[tuple[str, ...]] = []
    for level, av in snapshot.escalation:
        hours = hours_summary(config.schedule(level.schedule), lang) if level.schedule else ""
        name = f"{level.level}. {level.name}"
        ladder.append((name, state_label(av, lang), _next_text(av, now, lang), hours))
    header = tuple(pick(lang, LABELS[k]) for k in ("channel", "state", "next", "hours"))
    ladder_header = (pick(lang, LABELS["escalation"]), "", "", "")
    widths = [max(len(row[i]) for row in [header, *rows, *ladder]) for i in range(4)]
    lines += ["", *_table(widths, [header, *rows])]
    if ladder:
        lines += ["", *_table(widths, [ladder_header, *ladder])]
    return "\n".join(lines)


def _table(widths: list[int], rows: list[tuple[str, ...]]) -> list[str]:
    return ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
