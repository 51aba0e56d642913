"""The open escalation cases, under the ladder: one compact row each — ticket, level, time
elapsed at that level (ticking with the one clock), the response target — and, once the target
has passed, a highlighted line naming whom to call next with their main contact and Copy.

Every word comes from the core (:mod:`app.core.cases`); the actions go to the
:class:`CaseBook`, which records them before anything here changes.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.cases import CaseView, Rung, case_views
from app.ui.actions import ContactActions
from app.ui.case_book import CaseBook
from app.ui.contact_row import ContactRow
from app.ui.theme import Swatch


class CaseRow(QFrame):
    answered = Signal(int)
    escalate = Signal(int)
    close_requested = Signal(int)

    def __init__(
        self,
        view: CaseView,
        actions: ContactActions,
        swatches: Mapping[str, Swatch],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._actions = actions
        self._swatches = swatches
        self.view = view
        self._shape: tuple[object, ...] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(self._top_line())
        self.details = QLabel()
        self.details.setObjectName("cardHours")
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        layout.addWidget(self._alert_block())
        layout.addLayout(self._buttons())
        self.set_view(view)

    def _top_line(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.title)
        self.level = QLabel()
        self.level.setObjectName("caseLevel")
        self.level.setWordWrap(True)
        top.addWidget(self.level, 1)
        self.elapsed = QLabel()
        self.elapsed.setObjectName("caseElapsed")
        mono = QFont(self.elapsed.font())
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setFamily("monospace")
        self.elapsed.setFont(mono)
        top.addWidget(self.elapsed, 0, Qt.AlignmentFlag.AlignTop)
        return top

    def _alert_block(self) -> QFrame:
        self.alert = QFrame()
        self.alert.setObjectName("caseOverdue")
        self.alert_layout = QVBoxLayout(self.alert)
        self.alert_layout.setContentsMargins(6, 4, 6, 4)
        self.alert_layout.setSpacing(2)
        self.alert_text = QLabel()
        self.alert_text.setObjectName("caseOverdueText")
        self.alert_text.setWordWrap(True)
        self.alert_text.setFont(self.title.font())
        self.alert_layout.addWidget(self.alert_text)
        self.next_state = QLabel()
        self.next_state.setWordWrap(True)
        self.alert_layout.addWidget(self.next_state)
        self.next_contact: ContactRow | None = None
        self.alert.hide()
        return self.alert

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.answered_button = QPushButton(self.tr("Answered"))
        self.answered_button.clicked.connect(lambda: self.answered.emit(self.view.case_id))
        self.escalate_button = QPushButton(self.tr("Escalate to the next level"))
        self.escalate_button.clicked.connect(lambda: self.escalate.emit(self.view.case_id))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(lambda: self.close_requested.emit(self.view.case_id))
        for button in (self.answered_button, self.escalate_button, self.close_button):
            button.setAccessibleDescription(self.tr("Recorded in the case log"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def set_view(self, view: CaseView) -> None:
        """Texts always; the overdue block only when what it shows has changed (so a Copy
        button keeps the keyboard focus from one second to the next)."""
        self.view = view
        self.title.setText(view.title)
        self.level.setText(view.level_text)
        self.elapsed.setText(view.elapsed_text)
        self.elapsed.setToolTip(view.opened_text)
        details = [view.target_text, view.opened_text]
        if view.note:
            details.append(view.note)
        self.details.setText(" · ".join(details))
        self.setAccessibleName(view.accessible_text)
        answered = view.case.answered_at is not None
        self.answered_button.setEnabled(not answered)
        self.answered_button.setAccessibleName(self.tr("Answered: %1").replace("%1", view.title))
        self.escalate_button.setEnabled(view.can_escalate)
        self.escalate_button.setToolTip(view.escalate_text)
        self.escalate_button.setAccessibleName(view.escalate_text)
        self.close_button.setAccessibleName(self.tr("Close case %1").replace("%1", view.title))
        contact = view.next_contact
        shape = (view.overdue, view.overdue_text, view.next_state_note, contact and contact.shown)
        if shape != self._shape:
            self._shape = shape
            self._show_alert(view)

    def _show_alert(self, view: CaseView) -> None:
        self.setProperty("overdue", view.overdue)
        swatch = self._swatches["closed"]
        self.setStyleSheet(
            f"QFrame#caseRow {{ border: 2px solid {swatch.foreground}; }}"
            f"QFrame#caseOverdue {{ background: {swatch.background}; }}"
            f"QLabel#caseOverdueText {{ color: {swatch.foreground}; }}"
            if view.overdue
            else ""
        )
        self.alert.setVisible(view.overdue)
        self.alert_text.setText(f"⚠ {view.overdue_text}" if view.overdue else "")
        self.next_state.setText(view.next_state_note)
        self.next_state.setVisible(bool(view.next_state_note))
        if self.next_contact is not None:
            self.next_contact.setParent(None)
            self.next_contact.deleteLater()
            self.next_contact = None
        if view.overdue and view.next_contact is not None:
            self.next_contact = ContactRow(view.next_contact, self._actions)
            self.alert_layout.addWidget(self.next_contact)


class CaseList(QWidget):
    """The open cases of a :class:`CaseBook` against the current ladder."""

    def __init__(
        self,
        book: CaseBook,
        actions: ContactActions,
        swatches: Mapping[str, Swatch],
        zone: zoneinfo.ZoneInfo,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseList")
        self.book = book
        self._actions = actions
        self._swatches = swatches
        self._zone = zone
        self._lang = lang
        self._rungs: tuple[Rung, ...] = ()
        self._shown = False  # refreshed only once the ladder is known (set_rungs)
        self.rows: dict[int, CaseRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(4)
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        layout.addWidget(self.heading)
        self.empty = QLabel(
            self.tr("No open cases. “Escalate” on a level starts one and times its answer.")
        )
        self.empty.setObjectName("cardHours")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.problem = QLabel()
        self.problem.setObjectName("caseLogProblem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.row_layout = QVBoxLayout()
        self.row_layout.setSpacing(4)
        layout.addLayout(self.row_layout)
        self.setAccessibleName(self.tr("Open cases"))
        book.changed.connect(self.refresh)
        book.became_overdue.connect(lambda _case: self.refresh())
        book.failed.connect(lambda _text: self.refresh())

    def set_rungs(self, rungs: Sequence[Rung]) -> None:
        """The ladder as it is now (the board's states changed, or the configuration)."""
        self._rungs = tuple(rungs)
        self._shown = True
        self.refresh()

    def tick(self, _now: dt.datetime) -> None:
        """The one clock's second: elapsed times move (the book's clock says what now is)."""
        if self.rows:
            self.refresh()

    def views(self) -> list[CaseView]:
        now = self.book.now()
        return case_views(self.book.open_cases(), self._rungs, now, self._zone, self._lang)

    def refresh(self) -> None:
        if not self._shown:
            return
        problem = self.book.problem(self._lang)
        self.problem.setText(f"⚠ {problem}" if problem else "")
        self.problem.setVisible(bool(problem))
        views = self.views()
        self.heading.setText(self.tr("Open cases (%1)").replace("%1", str(len(views))))
        self.empty.setVisible(not views and not problem)
        wanted = {view.case_id for view in views}
        for case_id in [key for key in self.rows if key not in wanted]:
            gone = self.rows.pop(case_id)
            gone.setParent(None)
            gone.deleteLater()
        for index, view in enumerate(views):
            row = self.rows.get(view.case_id)
            if row is None:
                made = self.rows[view.case_id] = CaseRow(view, self._actions, self._swatches)
                made.answered.connect(self.book.answer)
                made.close_requested.connect(self.book.close_case)
                made.escalate.connect(self._escalate)
                self.row_layout.insertWidget(index, made)
            else:
                row.set_view(view)

    def _escalate(self, case_id: int) -> None:
        row = self.rows.get(case_id)
        if row is None or row.view.next_level is None:
            return
        self.book.escalate(case_id, row.view.next_level.level)

    def row_for(self, case_id: int) -> CaseRow | None:
        return self.rows.get(case_id)
