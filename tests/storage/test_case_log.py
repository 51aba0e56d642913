"""The case log: events in, cases out, a schema that steps forward and refuses the future,
and files it cannot use left exactly as they are."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from app.storage import case_log
from app.storage.case_log import SCHEMA_VERSION, CaseLog, CaseLogError, EventKind

T0 = dt.datetime(2026, 12, 9, 15, 0, tzinfo=dt.UTC)  # 10:00 in Bogotá


def minutes(n: float) -> dt.timedelta:
    return dt.timedelta(minutes=n)


def test_events_fold_into_the_case_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "data" / "cases.sqlite3"
    with CaseLog.open(path) as log:
        case = log.open_case(T0, 2, "Supervisor de Soporte", 30, "INC-1", "sin acceso")
        assert (case.level, case.level_name, case.target_minutes) == (
            2,
            "Supervisor de Soporte",
            30,
        )
        assert case.since == case.opened_at == T0 and case.is_open
        up = log.escalate(case.case_id, T0 + minutes(31), 3, "Coordinador de Soporte", None)
        assert (up.level, up.since, up.target_minutes) == (3, T0 + minutes(31), None)
        answered = log.answer(case.case_id, T0 + minutes(40))
        assert answered.answered_at == T0 + minutes(40)
        other = log.open_case(T0 + minutes(5), 1, "Grupo de soporte técnico", None)
    with CaseLog.open(path) as log:
        assert [c.case_id for c in log.open_cases()] == [case.case_id, other.case_id]
        restored = log.open_cases()[0]
        assert restored == answered
        closed = log.close_case(case.case_id, T0 + minutes(50))
        assert closed.closed_at == T0 + minutes(50) and not closed.is_open
        assert [c.case_id for c in log.open_cases()] == [other.case_id]
        kinds = [e.kind for e, _ in log.events_between(None, None) if e.case_id == case.case_id]
        assert kinds == [
            EventKind.OPENED,
            EventKind.ESCALATED,
            EventKind.ANSWERED,
            EventKind.CLOSED,
        ]
        with pytest.raises(CaseLogError) as raised:
            log.answer(case.case_id, T0 + minutes(60))
        assert raised.value.kind == "closed"
        assert "ya está cerrado" in raised.value.text("es")


def test_every_event_carries_the_level_name_and_utc_time(tmp_path: Path) -> None:
    path = tmp_path / "cases.sqlite3"
    bogota = dt.timezone(dt.timedelta(hours=-5))
    with CaseLog.open(path) as log:
        case = log.open_case(
            T0.astimezone(bogota), 2, "Supervisor de Soporte", 30, "A\nB", "x" * 500
        )
        log.close_case(case.case_id, T0 + minutes(1))
    rows = (
        sqlite3.connect(path)
        .execute("SELECT kind, at, level_name, ticket, note FROM events")
        .fetchall()
    )
    assert rows[0][:4] == (
        "opened",
        "2026-12-09T15:00:00.000000+00:00",
        "Supervisor de Soporte",
        "A B",
    )
    assert len(rows[0][4]) == case_log.NOTE_LIMIT
    assert rows[1][:3] == ("closed", "2026-12-09T15:01:00.000000+00:00", "Supervisor de Soporte")


def test_the_wait_before_each_event_is_measured_from_the_level_reached(tmp_path: Path) -> None:
    with CaseLog.open(tmp_path / "c.sqlite3") as log:
        case = log.open_case(T0, 1, "Uno", 10)
        log.escalate(case.case_id, T0 + minutes(12), 2, "Dos", 30)
        log.answer(case.case_id, T0 + minutes(20))
        found = [(e.kind, reached) for e, reached in log.events_between(None, None)]
    assert found == [
        (EventKind.OPENED, None),
        (EventKind.ESCALATED, T0),
        (EventKind.ANSWERED, T0 + minutes(12)),
    ]


def test_opening_reads_only_the_open_cases(tmp_path: Path) -> None:
    """The start-up query walks the open-cases index, never the whole events table."""
    with CaseLog.open(tmp_path / "c.sqlite3") as log:
        plan = log._db.execute(
            "EXPLAIN QUERY PLAN SELECT e.seq FROM events AS e WHERE e.case_id IN "
            "(SELECT case_id FROM cases WHERE closed_at IS NULL) ORDER BY e.case_id, e.seq"
        ).fetchall()
    details = " | ".join(row[-1] for row in plan)
    assert "USING INDEX cases_open" in details
    assert "SCAN e" not in details and "SCAN events" not in details


def test_wal_and_full_sync(tmp_path: Path) -> None:
    with CaseLog.open(tmp_path / "c.sqlite3") as log:
        assert log._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert log._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert log._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_nothing_is_created_until_a_case_is(tmp_path: Path) -> None:
    assert CaseLog.open_existing(tmp_path / "none" / "cases.sqlite3") is None
    assert list(tmp_path.iterdir()) == []


def test_migrations_step_from_each_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An old file is brought forward one step at a time, its events kept."""
    path = tmp_path / "c.sqlite3"
    with CaseLog.open(path) as log:
        log.open_case(T0, 1, "Uno", None, "T-1")
    step = ("ALTER TABLE events ADD COLUMN source TEXT NOT NULL DEFAULT ''",)
    monkeypatch.setattr(case_log, "MIGRATIONS", (*case_log.MIGRATIONS, step))
    monkeypatch.setattr(case_log, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with CaseLog.open(path) as log:
        assert log._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert [c.ticket for c in log.open_cases()] == ["T-1"]
        columns = [row[1] for row in log._db.execute("PRAGMA table_info(events)")]
        assert "source" in columns


def test_a_newer_log_is_refused_and_never_written(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE events (x)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(CaseLogError) as raised:
        CaseLog.open(path)
    assert raised.value.kind == "newer"
    assert "más reciente" in raised.value.text("es")
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["text", "damaged-header"],
)
def test_a_damaged_file_is_reported_and_left_as_it_is(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(content)
    with pytest.raises(CaseLogError) as raised:
        CaseLog.open(path)
    assert raised.value.kind == "damaged"
    assert str(path) in raised.value.text("en")
    assert path.read_bytes() == content


def test_a_foreign_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE invoices (n)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(CaseLogError):
        CaseLog.open(path)
    assert path.read_bytes() == before


def test_a_failed_write_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    with CaseLog.open(path) as log:
        case = log.open_case(T0, 1, "Uno", None)
        blocker = sqlite3.connect(path, timeout=0)
        blocker.execute("BEGIN IMMEDIATE")  # another writer holds the log
        log._db.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(CaseLogError) as raised:
            log.close_case(case.case_id, T0 + minutes(1))
        assert raised.value.kind == "write"
        blocker.rollback()
        blocker.close()
        assert [c.case_id for c in log.open_cases()] == [case.case_id]
