"""The agent's open escalation cases: the log on disk, and one timer per case for the instant
its level's response time runs out.

Every action is written to the case log first (``app.storage.case_log``: committed and synced
before it returns); only then does the console show it, so nothing the agent saw is lost. A
timer is armed for exactly the instant the core says the case becomes overdue
(``app.core.cases.due_at``), never earlier; if it fires early (timer slack, the clock set back)
it is armed again for the rest. The one clock's tick catches a case whose moment passed while
the machine slept. Qt only for signals and timers; every decision is the core's.
"""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.model import EscalationLevel
from app.ui.clock import Clock, TimerFactory, is_after, ms_until

if TYPE_CHECKING:  # the log and its rules load with the first case (a start with none: never)
    from app.storage.case_log import Case, CaseLog, CaseLogError

_log = logging.getLogger(__name__)


class CaseBook(QObject):
    changed = Signal()  # a case was opened, changed level, was answered or closed
    became_overdue = Signal(object)  # Case: its level's response time has just run out
    failed = Signal(str)  # an action could not be recorded (nothing changed)

    def __init__(
        self,
        path: Path,
        clock: Clock,
        make_timer: TimerFactory,
        language: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        """Reads the open cases of the log at ``path`` if there is one; the file is created
        with the first case. A log that cannot be used is :attr:`problem` (shown as one line),
        left as it is, and the console goes on without cases."""
        super().__init__(parent)
        self.path = path
        self._clock = clock
        self._make_timer = make_timer
        self._language = language
        self._log: CaseLog | None = None
        self._error: CaseLogError | None = None
        self.cases: dict[int, Case] = {}
        self._timers: dict[int, QTimer] = {}
        self._notified: set[tuple[int, str]] = set()  # (case, since): once per level reached
        if path.exists():  # else nothing to read, and the log's modules wait for a first case
            self._read_open_cases()

    def _read_open_cases(self) -> None:
        from app.storage.case_log import CaseLog, CaseLogError  # noqa: PLC0415 - see above

        try:
            self._log = CaseLog.open_existing(self.path)
            if self._log is not None:
                self.cases = {case.case_id: case for case in self._log.open_cases()}
        except CaseLogError as exc:
            self._fail_to_open(exc)
        except Exception as exc:  # an unforeseen failure must not stop the console
            _log.exception("the case log %s could not be read", self.path)
            self._fail_to_open(CaseLogError("damaged", path=self.path, error=str(exc)))

    def _fail_to_open(self, exc: CaseLogError) -> None:
        self._error = exc
        if self._log is not None:
            self._log.close()
        self._log = None
        self.cases = {}

    @property
    def available(self) -> bool:
        return self._error is None

    def problem(self, lang: str) -> str | None:
        """Why cases cannot be recorded, in ``lang``; None when they can."""
        return None if self._error is None else self._error.text(lang)

    def now(self) -> dt.datetime:
        """The console's one clock."""
        return self._clock.now()

    def open_cases(self) -> list[Case]:
        """Oldest first."""
        return [self.cases[key] for key in sorted(self.cases)]

    def start(self) -> None:
        """Arms the restored cases' timers; a case already overdue is announced now."""
        for case in self.open_cases():
            self._arm(case)

    def stop(self) -> None:
        for timer in self._timers.values():
            timer.stop()

    def close(self) -> None:
        self.stop()
        if self._log is not None:
            self._log.close()
            self._log = None

    def timer_for(self, case_id: int) -> QTimer | None:
        return self._timers.get(case_id)

    # the agent's actions ----------------------------------------------------------------------

    def open_case(self, level: EscalationLevel, ticket: str = "", note: str = "") -> Case | None:
        """A case escalated to ``level`` now; None (and :attr:`failed`) if not recorded."""
        return self._record(
            lambda log: log.open_case(
                self._clock.now(),
                level.level,
                level.name,
                level.respond_within_minutes,
                ticket,
                note,
            )
        )

    def escalate(self, case_id: int, level: EscalationLevel) -> Case | None:
        return self._record(
            lambda log: log.escalate(
                case_id, self._clock.now(), level.level, level.name, level.respond_within_minutes
            )
        )

    def answer(self, case_id: int) -> Case | None:
        return self._record(lambda log: log.answer(case_id, self._clock.now()))

    def close_case(self, case_id: int) -> Case | None:
        return self._record(lambda log: log.close_case(case_id, self._clock.now()))

    def _record(self, write: Callable[[CaseLog], Case]) -> Case | None:
        from app.storage.case_log import CaseLog, CaseLogError  # noqa: PLC0415

        lang = self._language()
        if self._error is not None:
            self.failed.emit(self._error.text(lang))
            return None
        try:
            if self._log is None:
                self._log = CaseLog.open(self.path)
            case = write(self._log)
        except CaseLogError as exc:
            if exc.kind in ("damaged", "newer"):
                self._fail_to_open(exc)
            self.failed.emit(exc.text(lang))
            return None
        except Exception as exc:  # never a crash for a click; the log says why
            _log.exception("a case event could not be recorded")
            self.failed.emit(CaseLogError("write", error=str(exc)).text(lang))
            return None
        if case.is_open:
            self.cases[case.case_id] = case
            self._arm(case)
        else:
            self.cases.pop(case.case_id, None)
            timer = self._timers.pop(case.case_id, None)
            if timer is not None:
                timer.stop()
                timer.deleteLater()
        self.changed.emit()
        return case

    def export(
        self, first: dt.date | None, last: dt.date | None, zone: zoneinfo.ZoneInfo, lang: str
    ) -> tuple[bytes, int]:
        """The CSV of the days ``first``–``last`` and its number of events (CaseLogError when
        the log cannot be read)."""
        from app.core.cases import export_csv  # noqa: PLC0415
        from app.storage.case_log import CaseLog  # noqa: PLC0415

        if self._error is not None:
            raise self._error
        if self._log is None:
            self._log = CaseLog.open_existing(self.path)
        return export_csv(self._log, first, last, zone, lang)

    # timers -----------------------------------------------------------------------------------

    def _arm(self, case: Case) -> None:
        """A timer for the instant ``case`` becomes overdue, if that is still to come."""
        from app.core.cases import due_at  # noqa: PLC0415 - there is a case: loaded already

        timer = self._timers.get(case.case_id)
        if timer is not None:
            timer.stop()
        due = due_at(case)
        if due is None or self._key(case) in self._notified:
            return
        now = self._clock.now()
        if not is_after(due, now):
            self._announce(case)
            return
        if timer is None:
            timer = self._timers[case.case_id] = self._make_timer(self)
            timer.timeout.connect(lambda case_id=case.case_id: self._on_timer(case_id))
        timer.start(max(1, ms_until(now, due)))

    def _on_timer(self, case_id: int) -> None:
        case = self.cases.get(case_id)
        if case is not None:
            self._arm(case)  # announces it when due, arms again when early

    def tick(self, now: object = None) -> None:
        """The one clock's second: a case whose moment passed unseen (the machine slept, the
        clock jumped) is announced; nothing is announced before its moment."""
        current = self._clock.now()
        cases = self.open_cases()
        if not cases:
            return
        from app.core.cases import due_at  # noqa: PLC0415 - there is a case: loaded already

        for case in cases:
            due = due_at(case)
            if due is not None and not is_after(due, current):
                self._announce(case)

    @staticmethod
    def _key(case: Case) -> tuple[int, str]:
        from app.storage.case_log import utc_text  # noqa: PLC0415

        return (case.case_id, utc_text(case.since))

    def _announce(self, case: Case) -> None:
        key = self._key(case)
        if key in self._notified:
            return
        self._notified.add(key)
        self.became_overdue.emit(case)
