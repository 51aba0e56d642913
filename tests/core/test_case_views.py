"""Open cases at an instant, the overdue instant, and the CSV of the case log."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.board import BoardBuilder
from app.core.cases import (
    case_view,
    cases_table,
    due_at,
    export_csv,
    ladder,
    level_state_note,
    overdue_notice,
    response_target_text,
)
from app.domain.availability import AvailabilityEngine
from app.domain.calendar import HolidayCalendar
from app.domain.document import config_from_document
from app.domain.model import Config
from app.storage.case_log import CaseLog

BOGOTA = ZoneInfo("America/Bogota")
TEN = dt.datetime(2026, 12, 9, 10, 0, tzinfo=BOGOTA)  # a Wednesday, business hours


@pytest.fixture(scope="module")
def config(default_document: dict) -> Config:
    document = {
        **default_document,
        "escalation": [dict(level) for level in default_document["escalation"]],
    }
    document["escalation"][1]["respond_within_minutes"] = 30
    return config_from_document(document)


def rungs_at(config: Config, calendar: HolidayCalendar, at: dt.datetime, lang: str = "es"):
    engine = AvailabilityEngine(config, calendar)
    board = BoardBuilder(engine, lang).board(engine.snapshot(at))
    return ladder(config.escalation, board.escalation)


def test_the_default_configuration_publishes_no_response_time(default_config: Config) -> None:
    assert [level.respond_within_minutes for level in default_config.escalation] == [None] * 3
    assert response_target_text(None, "es") == "sin tiempo de respuesta publicado"
    assert response_target_text(30, "es") == "responder en 30 min"


def test_overdue_exactly_at_the_target_naming_the_next_level(
    config: Config, co_calendar: HolidayCalendar, tmp_path: Path
) -> None:
    with CaseLog.open(tmp_path / "c.sqlite3") as log:
        level = config.escalation[1]
        case = log.open_case(TEN, level.level, level.name, level.respond_within_minutes, "INC-4512")
    assert due_at(case) == TEN + dt.timedelta(minutes=30)
    rungs = rungs_at(config, co_calendar, TEN)
    before = case_view(case, rungs, TEN + dt.timedelta(minutes=29, seconds=59), BOGOTA, "es")
    assert not before.overdue and before.overdue_text == ""
    assert before.elapsed_text == "29:59"
    assert before.target_text == "objetivo 30 min (10:30)"
    at = case_view(case, rungs, TEN + dt.timedelta(minutes=30), BOGOTA, "es")
    assert at.overdue
    assert at.overdue_text == (
        "Sin respuesta de Supervisor de Soporte en 30 min · escalar a Coordinador de Soporte"
    )
    # the next level's main contact, with what Copy puts on the clipboard, and its state
    assert at.next_contact is not None
    assert at.next_contact.shown == "coordinador.mesadeayuda@certicamara.com"
    assert at.next_state_note == "Coordinador de Soporte: Horario no publicado"
    assert at.level_text == "Nivel 2 · Supervisor de Soporte"
    assert at.escalate_text == "Escalar a Nivel 3 · Coordinador de Soporte"
    notice = overdue_notice(at, "es")
    assert notice.splitlines()[0].startswith("INC-4512: Sin respuesta de Supervisor de Soporte")
    assert "coordinador.mesadeayuda@certicamara.com" in notice


def test_a_closed_next_level_says_when_it_opens(
    config: Config, co_calendar: HolidayCalendar, tmp_path: Path
) -> None:
    """A case whose level has left the ladder keeps its recorded name; a closed level says
    when it opens."""
    night = dt.datetime(2026, 12, 9, 20, 0, tzinfo=BOGOTA)
    with CaseLog.open(tmp_path / "c.sqlite3") as log:
        case = log.open_case(night, 99, "Guardia nocturna", 5)  # not in the ladder
    rungs = rungs_at(config, co_calendar, night)
    view = case_view(case, rungs, night + dt.timedelta(minutes=6), BOGOTA, "es")
    assert view.level_text == "Guardia nocturna (ya no está en la escalera)"
    assert view.overdue and not view.can_escalate
    assert view.overdue_text.endswith("Guardia nocturna ya no está en la escalera")
    # level 1 keeps business hours: at 20:00 it is closed and says when it opens
    assert level_state_note(rungs[0], night, "es") == (
        "Grupo de soporte técnico: Cerrado · abre mañana 7:00 · en 11 h"
    )


def test_answered_or_untimed_cases_never_become_overdue(
    config: Config, co_calendar: HolidayCalendar, tmp_path: Path
) -> None:
    with CaseLog.open(tmp_path / "c.sqlite3") as log:
        untimed = log.open_case(TEN, 1, "Grupo de soporte técnico", None)
        timed = log.open_case(TEN, 2, "Supervisor de Soporte", 30)
        answered = log.answer(timed.case_id, TEN + dt.timedelta(minutes=10))
    rungs = rungs_at(config, co_calendar, TEN)
    later = TEN + dt.timedelta(hours=3)
    assert due_at(untimed) is None and due_at(answered) is None
    assert case_view(untimed, rungs, later, BOGOTA, "es").target_text == (
        "sin tiempo de respuesta publicado"
    )
    answered_view = case_view(answered, rungs, later, BOGOTA, "es")
    assert not answered_view.overdue
    assert answered_view.target_text == "respondió 10:10"
    assert answered_view.elapsed_text == "3:00:00"


def test_the_last_level_has_nowhere_to_go(
    config: Config, co_calendar: HolidayCalendar, tmp_path: Path
) -> None:
    with CaseLog.open(tmp_path / "c.sqlite3") as log:
        case = log.open_case(TEN, 3, "Coordinador de Soporte", 15)
    view = case_view(
        case, rungs_at(config, co_calendar, TEN), TEN + dt.timedelta(minutes=15), BOGOTA, "es"
    )
    assert not view.can_escalate and view.next_contact is None
    assert view.overdue_text == (
        "Sin respuesta de Coordinador de Soporte en 15 min · es el último nivel de la escalera"
    )


def test_csv_reads_back_as_utf8_with_bom_and_iso_times(tmp_path: Path) -> None:
    with CaseLog.open(tmp_path / "c.sqlite3") as log:
        case = log.open_case(TEN, 2, "Supervisor de Soporte", 30, "INC-ñ", 'dice "urgente", ya')
        log.escalate(
            case.case_id, TEN + dt.timedelta(minutes=31), 3, "Coordinador de Soporte", None
        )
        log.answer(case.case_id, TEN + dt.timedelta(minutes=40))
        log.open_case(
            TEN + dt.timedelta(days=1), 1, "Grupo de soporte técnico", None, "=HYPERLINK(1)"
        )
        data, count = export_csv(log, TEN.date(), TEN.date(), BOGOTA, "es")
    assert data.startswith(b"\xef\xbb\xbf")
    assert count == 3  # the next day's case is outside the range
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == [
        "caso", "ticket", "evento", "fecha y hora", "nivel", "nombre del nivel",
        "objetivo (min)", "minutos en el nivel", "dentro del objetivo", "nota",
    ]  # fmt: skip
    assert rows[1] == [
        str(case.case_id), "INC-ñ", "abierto", "2026-12-09T10:00:00-05:00", "2",
        "Supervisor de Soporte", "30", "", "", 'dice "urgente", ya',
    ]  # fmt: skip
    assert rows[2][2:8] == [
        "escalado",
        "2026-12-09T10:31:00-05:00",
        "3",
        "Coordinador de Soporte",
        "",
        "31",
    ]
    assert rows[3][2:4] == ["respondido", "2026-12-09T10:40:00-05:00"]
    for row in rows[1:]:
        assert dt.datetime.fromisoformat(row[3]).utcoffset() == dt.timedelta(hours=-5)
    with CaseLog.open(tmp_path / "c.sqlite3") as log:
        everything, _ = export_csv(log, None, None, BOGOTA, "en")
    last = list(csv.reader(io.StringIO(everything.decode("utf-8-sig"), newline="")))[-1]
    assert last[1] == "'=HYPERLINK(1)"  # stays text in a spreadsheet


def test_csv_without_a_log_is_the_header_only() -> None:
    data, count = export_csv(None, None, None, BOGOTA, "en")
    assert count == 0
    assert (
        data
        == (
            "\ufeffcase,ticket,event,date and time,level,level name,target (min),"
            "minutes at the level,within target,note\r\n"
        ).encode()
    )


def test_table_lists_cases_in_spanish(tmp_path: Path) -> None:
    with CaseLog.open(tmp_path / "c.sqlite3") as log:
        case = log.open_case(TEN, 2, "Supervisor de Soporte", 30, "INC-1", "nota")
        log.close_case(case.case_id, TEN + dt.timedelta(minutes=5))
        table = cases_table(log.all_cases(), BOGOTA, "es")
    header, row = table.splitlines()
    assert header.split() == ["CASO", "TICKET", "ESTADO", "NIVEL", "ABIERTO", "CERRADO", "NOTA"]
    assert "cerrado" in row and "2. Supervisor de Soporte" in row and "2026-12-09 10:05" in row
    assert cases_table([], BOGOTA, "es") == "No hay casos en el registro."
