"""``canales status`` and the console say the same words at the same instant, in each language:
states, next changes, hours and reasons are worded once, in the core, for both."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest

from app.cli import main
from app.domain.texts import tr

BOGOTA = ZoneInfo("America/Bogota")
INSTANTS = {
    "weekday morning, open": dt.datetime(2026, 12, 1, 10, 30, tzinfo=BOGOTA),
    "Saturday 12:50, closing soon": dt.datetime(2026, 12, 5, 12, 50, tzinfo=BOGOTA),
    "8 Dec 2026, a holiday": dt.datetime(2026, 12, 8, 10, 0, tzinfo=BOGOTA),
    "night, closed": dt.datetime(2026, 12, 2, 22, 15, tzinfo=BOGOTA),
    "Sunday": dt.datetime(2026, 12, 6, 11, 0, tzinfo=BOGOTA),
}

Row = tuple[str, str, str, str]


def status_rows(lang: str, at: dt.datetime, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What ``canales status --at`` prints, run in-process."""
    assert main(["status", "--at", at.replace(tzinfo=None).isoformat()]) == 0
    return capsys.readouterr().out.splitlines()


def table(lines: list[str], lang: str) -> tuple[list[Row], list[Row]]:
    """The channel rows and the ladder rows, cut at the header's column starts (cells are padded
    to their column, so a cell may be empty or hold single spaces)."""
    header_at = next(i for i, line in enumerate(lines) if line.startswith(tr(lang, "CHANNEL")))
    header = lines[header_at]
    starts = [0, *(header.index(tr(lang, k)) for k in ("STATE", "NEXT CHANGE", "HOURS"))]

    def cells(line: str) -> Row:
        bounds = [*starts, len(line)]
        parts = [line[a:b].strip() for a, b in itertools.pairwise(bounds)]
        return (parts[0], parts[1], parts[2], parts[3])

    rows, ladder, section = [], [], "channels"
    for line in lines[header_at + 1 :]:
        if not line:
            continue
        if line.startswith(tr(lang, "ESCALATION")):
            section = "ladder"
        elif section == "channels":
            rows.append(cells(line))
        else:
            ladder.append(cells(line))
    return rows, ladder


def shown(label) -> str:  # type: ignore[no-untyped-def]
    return "" if label.isHidden() else label.text()


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("instant", list(INSTANTS), ids=list(INSTANTS))
def test_status_prints_what_the_console_shows(
    make_console, capsys, monkeypatch, lang: str, instant: str
) -> None:
    at = INSTANTS[instant]
    monkeypatch.setenv("CANALES_LANG", lang)
    lines = status_rows(lang, at, capsys)
    rows, ladder = table(lines, lang)

    console = make_console(at, lang=lang)
    console.start()
    window = console.window
    cards = [
        (
            card.title.text(),
            card.badge.text.text(),
            " · ".join(t for t in (shown(card.next_change), shown(card.reason)) if t),
            card.hours.text(),
        )
        for card in window.cards
    ]
    assert rows == cards
    levels = [
        (f"{box.level.level}. {box.title.text()}", box.badge.text.text(), box.hours.text())
        for box in window.ladder.levels
    ]
    assert [(name, state, hours) for name, state, _next, hours in ladder] == levels
    holiday_prefix = tr(lang, "Today is a holiday: {name}", name="")
    said = [line for line in lines if line.startswith(holiday_prefix)]
    if window.board.current_board.holiday:
        assert said == [window.header.today.text()]
    else:
        assert said == []
