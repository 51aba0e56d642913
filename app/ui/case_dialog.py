"""The two small dialogs of the case timer: starting a case at a level (an optional ticket id
and a one-line note), and choosing the days and the file of a case-log export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.storage.case_log import NOTE_LIMIT, TICKET_LIMIT, one_line


class OpenCaseDialog(QDialog):
    """``level_text``: "Nivel 2 · Supervisor de Soporte"; ``target_text``: its response time
    (or that none is published), both from the core."""

    def __init__(self, level_text: str, target_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openCaseDialog")
        self.setWindowTitle(self.tr("Escalate a case"))
        layout = QVBoxLayout(self)
        heading = QLabel(level_text)
        heading.setObjectName("cardTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        target = QLabel(target_text)
        target.setObjectName("cardHours")
        layout.addWidget(target)
        form = QFormLayout()
        self.ticket = QLineEdit()
        self.ticket.setMaxLength(TICKET_LIMIT)
        self.ticket.setPlaceholderText(self.tr("e.g. INC-4512 (optional)"))
        self.ticket.setAccessibleName(self.tr("Ticket id"))
        form.addRow(self.tr("&Ticket:"), self.ticket)
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(self.tr("One line (optional)"))
        self.note.setAccessibleName(self.tr("Note"))
        form.addRow(self.tr("&Note:"), self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Start case"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ticket.setFocus()

    def ticket_text(self) -> str:
        return one_line(self.ticket.text(), TICKET_LIMIT)

    def note_text(self) -> str:
        return one_line(self.note.text(), NOTE_LIMIT)


class CaseExportDialog(QDialog):
    """Which days (on the centre's clock, both included) and which file."""

    def __init__(self, today: dt.date, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseExportDialog")
        self.setWindowTitle(self.tr("Export the case log"))
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "Every event of the chosen days as a CSV file (UTF-8), times on the support "
                "centre's clock, for the SLA report."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        form = QFormLayout()
        self.first = self._date(today.replace(day=1), self.tr("First day"))
        self.last = self._date(today, self.tr("Last day"))
        form.addRow(self.tr("&From:"), self.first)
        form.addRow(self.tr("&To:"), self.last)
        row = QHBoxLayout()
        self.path = QLineEdit(str(folder / f"casos-{today.isoformat()}.csv"))
        self.path.setAccessibleName(self.tr("File"))
        row.addWidget(self.path, 1)
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        form.addRow(self.tr("F&ile:"), row)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _date(day: dt.date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the case log"), self.path.text(), self.tr("CSV files (*.csv)")
        )
        if chosen:
            self.path.setText(chosen)

    def first_day(self) -> dt.date:
        return _day(self.first.date())

    def last_day(self) -> dt.date:
        return _day(self.last.date())

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def accept(self) -> None:
        """Only a sensible choice closes the dialog; otherwise it says what to fix."""
        if self.first_day() > self.last_day():
            self._refuse(self.tr("The first day is after the last day."))
            return
        if not self.path.text().strip():
            self._refuse(self.tr("Choose a file to export to."))
            return
        super().accept()

    def _refuse(self, text: str) -> None:
        self.problem.setText(f"⚠ {text}")
        self.problem.show()


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())
