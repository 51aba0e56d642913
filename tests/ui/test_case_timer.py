"""The case timer in the console: "Escalar" per level, the open cases under the ladder, the
overdue notice at the exact instant, the log behind every action, restarts and config changes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_fakes import BOGOTA, ConsoleFactory, FakeTimer

from app.storage.case_log import CaseLog, EventKind
from app.ui.application import Console

TEN = dt.datetime(2026, 12, 9, 10, 0, tzinfo=BOGOTA)


@pytest.fixture
def team_file(tmp_path: Path, default_document: dict) -> Path:
    document = json.loads(json.dumps(default_document))
    document["escalation"][1]["respond_within_minutes"] = 30
    path = tmp_path / "team.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def start_case(console: Console, index: int, ticket: str = "", note: str = "") -> None:
    board = console.window.board
    assert board is not None
    board.ladder.levels[index].escalate_button.click()
    dialog = board.case_dialog
    assert dialog is not None
    dialog.ticket.setText(ticket)
    dialog.note.setText(note)
    dialog.accept()


def log_events(console: Console) -> list[tuple[int, EventKind, dt.datetime, str]]:
    with CaseLog.open(console.services.paths.case_log_file) as log:
        return [(e.case_id, e.kind, e.at, e.level_name) for e, _ in log.events_between(None, None)]


def case_list(console: Console):  # type: ignore[no-untyped-def]
    board = console.window.board
    assert board is not None and board.case_list is not None
    return board.case_list


def test_escalar_opens_a_case_and_cancel_does_not(
    make_console: ConsoleFactory, team_file: Path
) -> None:
    console = make_console(TEN, config=team_file)
    console.start()
    box = console.window.ladder.levels[1]
    assert box.escalate_button.text() == "Escalar"
    assert box.escalate_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert box.target.text() == "responder en 30 min"
    assert console.window.ladder.levels[0].target.text() == "sin tiempo de respuesta publicado"
    box.escalate_button.click()
    console.window.board.case_dialog.reject()
    assert console.cases.open_cases() == []
    assert not console.services.paths.case_log_file.exists()  # nothing written for nothing
    start_case(console, 1, "INC-4512", "Cliente sin acceso\nal portal")
    (case,) = console.cases.open_cases()
    assert (case.ticket, case.note, case.level_name) == (
        "INC-4512",
        "Cliente sin acceso al portal",
        "Supervisor de Soporte",
    )
    row = case_list(console).row_for(case.case_id)
    assert row.title.text() == "INC-4512"
    assert row.level.text() == "Nivel 2 · Supervisor de Soporte"
    assert row.elapsed.text() == "0:00"
    assert "objetivo 30 min (10:30)" in row.details.text()


def test_the_notice_fires_at_the_target_exactly_not_before(
    make_console: ConsoleFactory, team_file: Path
) -> None:
    console = make_console(TEN, config=team_file)
    console.start()
    start_case(console, 1, "INC-1")
    (case,) = console.cases.open_cases()
    timer = console.cases.timer_for(case.case_id)
    assert isinstance(timer, FakeTimer) and timer.active
    assert timer.interval_ms == 30 * 60 * 1000  # armed for 10:30:00, no polling before
    announced: list[int] = []
    console.cases.became_overdue.connect(lambda c: announced.append(c.case_id))
    clock = console.clock
    clock.moment = TEN + dt.timedelta(minutes=29, seconds=59, microseconds=999_000)
    console.cases.tick()
    timer.fire()  # early (timer slack): nothing yet, armed again for the rest
    assert announced == []
    assert timer.active and timer.interval_ms == 1
    row = case_list(console).row_for(case.case_id)
    case_list(console).tick(clock.now())
    assert not row.alert.isVisible() and not row.property("overdue")
    clock.moment = TEN + dt.timedelta(minutes=30)
    timer.fire()
    assert announced == [case.case_id]
    assert row.property("overdue") is True
    assert row.alert_text.text() == (
        "⚠ Sin respuesta de Supervisor de Soporte en 30 min · escalar a Coordinador de Soporte"
    )
    assert row.next_contact is not None
    assert row.next_contact.view.shown == "coordinador.mesadeayuda@certicamara.com"
    assert row.next_state.text() == "Coordinador de Soporte: Horario no publicado"
    row.next_contact.copy_button.click()
    assert console.app.clipboard().text() == "coordinador.mesadeayuda@certicamara.com"
    console.cases.tick()  # once per level reached, not every second
    assert announced == [case.case_id]


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")  # the offscreen platform has no tray
def test_the_tray_says_whom_to_call(
    make_console: ConsoleFactory, team_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = make_console(TEN, config=team_file, tray=True)
    console.start()
    assert console.tray is not None
    shown: list[str] = []
    monkeypatch.setattr(
        console.tray.icon, "showMessage", lambda title, text, *a: shown.append(text)
    )
    start_case(console, 1, "INC-7")
    (case,) = console.cases.open_cases()
    console.clock.moment = TEN + dt.timedelta(minutes=30)
    console.cases.timer_for(case.case_id).fire()
    assert shown == [
        "INC-7: Sin respuesta de Supervisor de Soporte en 30 min · escalar a Coordinador de "
        "Soporte\ncoordinador.mesadeayuda@certicamara.com\n"
        "Coordinador de Soporte: Horario no publicado"
    ]


def test_escalate_answer_and_close_are_logged(
    make_console: ConsoleFactory, team_file: Path
) -> None:
    console = make_console(TEN, config=team_file)
    console.start()
    start_case(console, 0, "INC-2")
    (case,) = console.cases.open_cases()
    row = case_list(console).row_for(case.case_id)
    assert row.escalate_button.toolTip() == "Escalar a Nivel 2 · Supervisor de Soporte"
    console.clock.moment = TEN + dt.timedelta(minutes=5)
    row.escalate_button.click()
    assert row.level.text() == "Nivel 2 · Supervisor de Soporte"
    timer = console.cases.timer_for(case.case_id)
    assert timer.active and timer.interval_ms == 30 * 60 * 1000  # the new level's target
    console.clock.moment = TEN + dt.timedelta(minutes=12)
    row.answered_button.click()
    assert not timer.active and not row.answered_button.isEnabled()
    assert "respondió 10:12" in row.details.text()
    console.clock.moment = TEN + dt.timedelta(minutes=20)
    row.close_button.click()
    assert console.cases.open_cases() == [] and case_list(console).rows == {}
    minute = dt.timedelta(minutes=1)
    assert log_events(console) == [
        (case.case_id, EventKind.OPENED, TEN, "Grupo de soporte técnico"),
        (case.case_id, EventKind.ESCALATED, TEN + 5 * minute, "Supervisor de Soporte"),
        (case.case_id, EventKind.ANSWERED, TEN + 12 * minute, "Supervisor de Soporte"),
        (case.case_id, EventKind.CLOSED, TEN + 20 * minute, "Supervisor de Soporte"),
    ]


def test_several_cases_at_once_and_a_restart_restores_them(
    make_console: ConsoleFactory, team_file: Path
) -> None:
    first = make_console(TEN, config=team_file)
    first.start()
    start_case(first, 1, "INC-A")
    first.clock.moment = TEN + dt.timedelta(minutes=10)
    start_case(first, 0, "INC-B")
    first.cases.close()  # the console goes away (as after a crash: every event is committed)
    later = TEN + dt.timedelta(minutes=45, seconds=7)
    second = make_console(later, config=team_file)
    announced: list[str] = []
    second.cases.became_overdue.connect(lambda c: announced.append(c.ticket))
    second.start()
    rows = case_list(second).rows
    assert [r.title.text() for r in rows.values()] == ["INC-A", "INC-B"]
    a, b = rows.values()
    assert a.elapsed.text() == "45:07" and b.elapsed.text() == "35:07"
    assert a.property("overdue") is True and announced == ["INC-A"]  # it ran out while closed
    assert b.property("overdue") is not True
    assert case_list(second).heading.text() == "Casos abiertos (2)"


def test_a_level_removed_from_the_configuration_keeps_its_recorded_name(
    make_console: ConsoleFactory, team_file: Path
) -> None:
    console = make_console(TEN, config=team_file)
    console.start()
    start_case(console, 2, "INC-3")
    document = json.loads(team_file.read_text(encoding="utf-8"))
    document["escalation"] = document["escalation"][:2]
    team_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    console.reload_config()
    assert len(console.window.ladder.levels) == 2
    (row,) = case_list(console).rows.values()
    assert row.level.text() == "Coordinador de Soporte (ya no está en la escalera)"
    assert not row.escalate_button.isEnabled()
    row.close_button.click()
    assert log_events(console)[-1][1:] == (EventKind.CLOSED, TEN, "Coordinador de Soporte")


def test_a_damaged_log_is_one_line_and_left_alone(
    make_console: ConsoleFactory, team_file: Path, isolated_env: dict[str, str]
) -> None:
    path = Path(isolated_env["XDG_DATA_HOME"]) / "canales" / "cases.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database " * 200)
    console = make_console(TEN, config=team_file)
    console.start()
    problem = case_list(console).problem
    assert problem.text().startswith("⚠ No se puede leer el registro de casos")
    assert not console.window.ladder.levels[0].escalate_button.isEnabled()
    assert console.window.cards  # the console itself is there
    assert path.read_bytes() == b"not a database " * 200


def test_export_from_the_file_menu(
    make_console: ConsoleFactory, team_file: Path, tmp_path: Path
) -> None:
    console = make_console(TEN, config=team_file)
    console.start()
    start_case(console, 1, "INC-9", "nota")
    assert console.window.export_cases_action.text() == "&Exportar registro de casos…"
    console.window.export_cases_action.trigger()
    dialog = console.case_export_dialog
    assert dialog is not None
    assert (dialog.first_day(), dialog.last_day()) == (dt.date(2026, 12, 1), dt.date(2026, 12, 9))
    dialog.first.setDate(dialog.last.date().addDays(1))
    dialog.accept()  # refused: says what to fix and stays open
    assert dialog.isVisible() and "posterior" in dialog.problem.text()
    dialog.first.setDate(dialog.last.date())
    target = tmp_path / "out" / "casos.csv"
    target.parent.mkdir()
    dialog.path.setText(str(target))
    dialog.accept()
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[1][1:4] == ["INC-9", "abierto", "2026-12-09T10:00:00-05:00"]
    assert "1 eventos" in console.window.statusBar().currentMessage()
