"""The case log: every escalation case's events, kept in one SQLite file in the agent's data
folder (``AppPaths.case_log_file``).

An event is appended and committed before the console shows it (``append`` returns only once
SQLite has it on disk), so a case the agent saw opened, escalated, answered or closed survives
a restart, a crash or ``kill -9``. Durability: WAL journal with ``synchronous=FULL``, which
syncs the log at every commit; ``NORMAL`` would survive a killed process too (the OS keeps the
written pages) but may lose the last commits on a power cut — and an event acknowledged to the
agent must not be lost. The cost is one fsync per click, which nobody notices.

Schema: ``PRAGMA user_version`` names it; :data:`MIGRATIONS` are the steps from each version
to the next, applied one transaction at a time. A file of a newer version is refused, never
written (not even its journal mode); a damaged file is reported and left as it is.

Open cases are derived from events in one place (:func:`fold`); the ``cases`` table only says
which cases are open (a partial index over it), so opening the console reads the events of the
open cases and never the whole log.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Final

from app.domain.texts import N_, tr

if TYPE_CHECKING:
    import sqlite3

TICKET_LIMIT: Final = 64
NOTE_LIMIT: Final = 200
BUSY_TIMEOUT_SECONDS: Final = 5.0


class EventKind(StrEnum):
    OPENED = "opened"
    ESCALATED = "escalated"
    ANSWERED = "answered"
    CLOSED = "closed"


_V1: Final = (
    """
    CREATE TABLE cases (
        case_id INTEGER PRIMARY KEY AUTOINCREMENT,
        opened_at TEXT NOT NULL,
        closed_at TEXT
    )
    """,
    "CREATE INDEX cases_open ON cases (case_id) WHERE closed_at IS NULL",
    """
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL REFERENCES cases (case_id),
        kind TEXT NOT NULL CHECK (kind IN ('opened', 'escalated', 'answered', 'closed')),
        at TEXT NOT NULL,
        level INTEGER NOT NULL,
        level_name TEXT NOT NULL,
        target_minutes INTEGER,
        ticket TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX events_case ON events (case_id, seq)",
    "CREATE INDEX events_at ON events (at)",
)

MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (_V1,)
"""``MIGRATIONS[n]`` takes a file from version ``n`` to ``n + 1``; never edit a shipped step,
append the next one."""
SCHEMA_VERSION: Final = len(MIGRATIONS)

_TEXTS: Final = {
    "damaged": N_(
        "The case log {path} cannot be read ({error}); it was left as it is and cases are "
        "not recorded in this session."
    ),
    "newer": N_(
        "The case log {path} was written by a newer Canales (format {found}; this one "
        "understands up to {supported}); it was left as it is. Update Canales to record cases."
    ),
    "write": N_("The case could not be recorded ({error}); nothing was changed."),
    "closed": N_("Case {case} is already closed."),
    "unknown": N_("There is no case {case} in the log."),
}


class CaseLogError(Exception):
    """A case log that cannot be used, or an event that could not be recorded: one line in
    the user's language (``text(lang)``)."""

    def __init__(self, kind: str, **values: object) -> None:
        super().__init__(kind, values)
        self.kind = kind
        self.values = values

    def text(self, lang: str) -> str:
        return tr(lang, _TEXTS[self.kind], **self.values)


@dataclass(frozen=True)
class CaseEvent:
    """One row of the log: ``at`` is aware (UTC); ``level``/``level_name`` as they were then."""

    seq: int
    case_id: int
    kind: EventKind
    at: dt.datetime
    level: int
    level_name: str
    target_minutes: int | None
    ticket: str
    note: str


@dataclass(frozen=True)
class Case:
    """A case as its events leave it (see :func:`fold`)."""

    case_id: int
    ticket: str
    note: str
    opened_at: dt.datetime
    level: int  # the ladder number it was recorded with
    level_name: str  # the level's name when the case reached it
    target_minutes: int | None  # the level's response target then
    since: dt.datetime  # when the case reached this level
    answered_at: dt.datetime | None  # the level answered (after ``since``)
    closed_at: dt.datetime | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


def fold(events: Sequence[CaseEvent]) -> Case:
    """The one place a case's state is derived from its events (in log order)."""
    first = events[0]
    case = Case(
        case_id=first.case_id,
        ticket=first.ticket,
        note=first.note,
        opened_at=first.at,
        level=first.level,
        level_name=first.level_name,
        target_minutes=first.target_minutes,
        since=first.at,
        answered_at=None,
        closed_at=None,
    )
    for event in events[1:]:
        if event.kind is EventKind.ESCALATED:
            case = _replace(
                case,
                level=event.level,
                level_name=event.level_name,
                target_minutes=event.target_minutes,
                since=event.at,
                answered_at=None,
            )
        elif event.kind is EventKind.ANSWERED:
            case = _replace(case, answered_at=event.at)
        elif event.kind is EventKind.CLOSED:
            case = _replace(case, closed_at=event.at)
    return case


def _replace(case: Case, **changes: object) -> Case:
    return dataclasses.replace(case, **changes)  # type: ignore[arg-type]


def one_line(text: str, limit: int) -> str:
    """A ticket id or a note as one short line: control characters (line breaks included)
    become spaces, runs of spaces one, at most ``limit`` characters."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in text
    )
    return " ".join(cleaned.split())[:limit]


def utc_text(moment: dt.datetime) -> str:
    """Stored form: UTC, microseconds, fixed width, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).astimezone(dt.UTC)


_COLUMNS: Final = "seq, case_id, kind, at, level, level_name, target_minutes, ticket, note"
_INSERT: Final = (
    "INSERT INTO events (case_id, kind, at, level, level_name, target_minutes, ticket, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def _event(row: tuple[object, ...]) -> CaseEvent:
    seq, case_id, kind, at, level, level_name, target, ticket, note = row
    return CaseEvent(
        seq=int(seq),  # type: ignore[call-overload]
        case_id=int(case_id),  # type: ignore[call-overload]
        kind=EventKind(str(kind)),
        at=_moment(str(at)),
        level=int(level),  # type: ignore[call-overload]
        level_name=str(level_name),
        target_minutes=None if target is None else int(target),  # type: ignore[call-overload]
        ticket=str(ticket),
        note=str(note),
    )


def _cases(rows: Iterable[tuple[object, ...]]) -> list[Case]:
    events = [_event(row) for row in rows]
    return [fold(list(group)) for _id, group in groupby(events, key=lambda e: e.case_id)]


class CaseLog:
    """An open case log. Every write is one transaction, committed (and synced) on return."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    # opening ----------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> CaseLog:
        """Open (creating the file and its folder if need be) and bring the schema up to date.
        :class:`CaseLogError` ``damaged`` or ``newer``: the file is left untouched."""
        import sqlite3  # noqa: PLC0415 - only the console and ``canales cases`` need it

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=True
            )
        except (OSError, sqlite3.Error) as exc:
            raise CaseLogError("damaged", path=path, error=_reason(exc)) from exc
        try:
            cls._prepare(connection, path)
        except BaseException:
            connection.close()
            raise
        return cls(connection, path)

    @classmethod
    def open_existing(cls, path: Path) -> CaseLog | None:
        """As :meth:`open`, but None (and nothing created) when there is no log yet."""
        if not path.exists():
            return None
        return cls.open(path)

    @staticmethod
    def _prepare(connection: sqlite3.Connection, path: Path) -> None:
        import sqlite3  # noqa: PLC0415

        try:
            # read before anything writes: a newer file must not even get a journal mode
            (found,) = connection.execute("PRAGMA user_version").fetchone()
            if found > SCHEMA_VERSION:
                raise CaseLogError("newer", path=path, found=found, supported=SCHEMA_VERSION)
            if (
                found
                and not connection.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'"
                ).fetchone()
            ):
                raise sqlite3.DatabaseError("not a case log (no events table)")
            if (
                found == 0
                and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            ):
                raise sqlite3.DatabaseError("not a case log (an unversioned database)")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            for version in range(found, SCHEMA_VERSION):
                _migrate(connection, version)
        except sqlite3.Error as exc:
            raise CaseLogError("damaged", path=path, error=_reason(exc)) from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CaseLog:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # writing ----------------------------------------------------------------------------------

    def open_case(
        self,
        at: dt.datetime,
        level: int,
        level_name: str,
        target_minutes: int | None,
        ticket: str = "",
        note: str = "",
    ) -> Case:
        """A new case at ``level``; returned once it is on disk."""
        ticket, note = one_line(ticket, TICKET_LIMIT), one_line(note, NOTE_LIMIT)
        stamp = utc_text(at)

        def write(db: sqlite3.Connection) -> int:
            cursor = db.execute("INSERT INTO cases (opened_at) VALUES (?)", (stamp,))
            case_id = int(cursor.lastrowid or 0)
            db.execute(
                _INSERT,
                (case_id, "opened", stamp, level, level_name, target_minutes, ticket, note),
            )
            return case_id

        return self._write(write)

    def escalate(
        self,
        case_id: int,
        at: dt.datetime,
        level: int,
        level_name: str,
        target_minutes: int | None,
        note: str = "",
    ) -> Case:
        return self._append(
            case_id, EventKind.ESCALATED, at, (level, level_name, target_minutes), note
        )

    def answer(self, case_id: int, at: dt.datetime, note: str = "") -> Case:
        return self._append(case_id, EventKind.ANSWERED, at, None, note)

    def close_case(self, case_id: int, at: dt.datetime, note: str = "") -> Case:
        return self._append(case_id, EventKind.CLOSED, at, None, note)

    def _append(
        self,
        case_id: int,
        kind: EventKind,
        at: dt.datetime,
        level: tuple[int, str, int | None] | None,
        note: str,
    ) -> Case:
        note = one_line(note, NOTE_LIMIT)
        stamp = utc_text(at)

        def write(db: sqlite3.Connection) -> int:
            case = self._load(db, case_id)
            if case is None:
                raise CaseLogError("unknown", case=case_id)
            if not case.is_open:
                raise CaseLogError("closed", case=case_id)
            number, name, target = level or (case.level, case.level_name, case.target_minutes)
            db.execute(
                _INSERT, (case_id, kind.value, stamp, number, name, target, case.ticket, note)
            )
            if kind is EventKind.CLOSED:
                db.execute("UPDATE cases SET closed_at = ? WHERE case_id = ?", (stamp, case_id))
            return case_id

        return self._write(write)

    def _write(self, work: Callable[[sqlite3.Connection], int]) -> Case:
        """One transaction that also reads the case back, so what is returned is exactly what
        was committed; any failure rolls it all back and is one :class:`CaseLogError`."""
        import sqlite3  # noqa: PLC0415

        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                case = self._load(db, work(db))
                assert case is not None
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise CaseLogError("write", error=_reason(exc)) from exc
        return case

    # reading ----------------------------------------------------------------------------------

    @staticmethod
    def _load(db: sqlite3.Connection, case_id: int) -> Case | None:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM events WHERE case_id = ? ORDER BY seq", (case_id,)
        ).fetchall()
        return fold([_event(row) for row in rows]) if rows else None

    def open_cases(self) -> list[Case]:
        """The cases not closed, oldest first: only their events are read (``cases_open``)."""
        rows = self._db.execute(
            f"SELECT {', '.join('e.' + c for c in _COLUMNS.split(', '))} FROM events AS e "
            "WHERE e.case_id IN (SELECT case_id FROM cases WHERE closed_at IS NULL) "
            "ORDER BY e.case_id, e.seq"
        )
        return _cases(rows)

    def all_cases(self) -> list[Case]:
        """Every case, oldest first (``canales cases list``)."""
        return _cases(self._db.execute(f"SELECT {_COLUMNS} FROM events ORDER BY case_id, seq"))

    def events_between(
        self, start: dt.datetime | None, end: dt.datetime | None
    ) -> Iterator[tuple[CaseEvent, dt.datetime | None]]:
        """Events with ``start <= at < end`` (either bound may be open), in time order, each
        with when its case last reached a level before it (None for an opening): what the
        SLA report measures the wait from."""
        low = utc_text(start) if start is not None else ""
        high = utc_text(end) if end is not None else "~"  # sorts after every stored time
        columns = ", ".join("e." + c for c in _COLUMNS.split(", "))
        rows = self._db.execute(
            f"SELECT {columns}, (SELECT p.at FROM events AS p WHERE p.case_id = e.case_id "
            "AND p.seq < e.seq AND p.kind IN ('opened', 'escalated') ORDER BY p.seq DESC "
            "LIMIT 1) FROM events AS e WHERE e.at >= ? AND e.at < ? ORDER BY e.at, e.seq",
            (low, high),
        )
        for row in rows:
            reached = row[-1]
            yield _event(row[:-1]), None if reached is None else _moment(str(reached))

    def integrity(self) -> str:
        """``PRAGMA integrity_check``'s first line (``ok`` when sound)."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


def _migrate(db: sqlite3.Connection, version: int) -> None:
    """One step, ``version`` → ``version + 1``, all or nothing."""
    db.execute("BEGIN IMMEDIATE")
    try:
        for statement in MIGRATIONS[version]:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {version + 1:d}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return str(exc) or type(exc).__name__
