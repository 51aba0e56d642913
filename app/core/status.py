"""``canales status``: the JSON contract of DESIGN.md and the readable table, from the board."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.core.board import BoardView, EntryView
from app.domain.texts import printable, tr


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def status_document(board: BoardView, source: dict[str, Any] | None = None) -> dict[str, Any]:
    """Exactly the keys of DESIGN.md's ``canales status --json`` contract (``source``: see
    ``app.core.signature_text.source_document``)."""
    document: dict[str, Any] = {
        "at": iso(board.at),
        "timezone": board.timezone,
        "holiday": board.holiday,
        "channels": [
            {
                "id": view.id,
                "name": view.name,
                "state": view.availability.state.value,
                "closing_soon": view.availability.closing_soon,
                "next_change": iso(view.next_change),
                "reason": view.reason,
            }
            for view in board.channels
        ],
        "escalation": [
            {
                "level": view.level,
                "name": view.name,
                "state": view.availability.state.value,
                "next_change": iso(view.next_change),
            }
            for view in board.escalation
        ],
    }
    if source is not None:
        document["source"] = source
    return document


def _next_text(view: EntryView, now: dt.datetime) -> str:
    return " · ".join(part for part in (view.change_text(now), view.reason or "") if part)


def status_table(board: BoardView, signed: str | None = None) -> str:
    """The board for a terminal: what the console shows, as a table (``signed``: the line
    saying who signed the configuration, when a signature was verified)."""
    lang, now = board.lang, board.at
    offset = now.strftime("%z")
    centre_time = tr(lang, "Support centre time")
    lines = [
        board.title,
        f"{centre_time}: {now:%Y-%m-%d %H:%M:%S} ({board.timezone}, UTC{offset[:3]}:{offset[3:]})",
    ]
    if board.holiday:
        lines.append(tr(lang, "Today is a holiday: {name}", name=board.holiday))
    if signed:
        lines.append(signed)
    rows = [
        (view.name, view.state_text, _next_text(view, now), view.hours) for view in board.channels
    ]
    ladder = [
        (f"{view.level}. {view.name}", view.state_text, _next_text(view, now), view.hours)
        for view in board.escalation
    ]
    header = (tr(lang, "CHANNEL"), tr(lang, "STATE"), tr(lang, "NEXT CHANGE"), tr(lang, "HOURS"))
    ladder_header = (tr(lang, "ESCALATION"), "", "", "")
    widths = [max(len(row[i]) for row in [header, *rows, *ladder]) for i in range(4)]
    lines += ["", *_table(widths, [header, *rows])]
    if ladder:
        lines += ["", *_table(widths, [ladder_header, *ladder])]
    return "\n".join(printable(line) for line in lines)  # no data can forge or recolour a line


def _table(widths: list[int], rows: list[tuple[str, ...]]) -> list[str]:
    return ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
