"""Questions the dialog asks the supervisor, behind one small interface.

The dialog never opens a message box itself: it is given a :class:`Prompts`, so tests answer
with a scripted fake instead of racing a modal box with timers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from app.storage.atomic import Backup

ConflictChoice = Literal["reload", "overwrite", "cancel"]


class Prompts(Protocol):
    def confirm(self, title: str, text: str) -> bool: ...

    def conflict(self, text: str) -> ConflictChoice: ...

    def choose_backup(self, backups: list[Backup]) -> Backup | None: ...

    def open_path(self, title: str) -> Path | None: ...

    def save_path(self, title: str, suggested: str) -> Path | None: ...

    def error(self, title: str, text: str) -> None: ...

    def info(self, title: str, text: str) -> None: ...

    def secret(self, title: str, label: str) -> str | None: ...


def backup_label(backup: Backup) -> str:
    return backup.created.strftime("%Y-%m-%d %H:%M:%S")


class MessageBoxPrompts:
    """The real thing: Qt's message boxes and file dialogs, parented to the settings dialog."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def conflict(self, text: str) -> ConflictChoice:
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(
            QCoreApplication.translate("Prompts", "The configuration changed on disk")
        )
        box.setText(text)
        reload = box.addButton(
            QCoreApplication.translate("Prompts", "&Reload (discard my changes)"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        overwrite = box.addButton(
            QCoreApplication.translate("Prompts", "&Overwrite (keep a backup of theirs)"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is reload:
            return "reload"
        if clicked is overwrite:
            return "overwrite"
        return "cancel"

    def choose_backup(self, backups: list[Backup]) -> Backup | None:
        labels = [backup_label(b) for b in backups]
        label, ok = QInputDialog.getItem(
            self.parent,
            QCoreApplication.translate("Prompts", "Restore backup"),
            QCoreApplication.translate("Prompts", "Backups, newest first:"),
            labels,
            0,
            False,
        )
        if not ok or label not in labels:
            return None
        return backups[labels.index(label)]

    def open_path(self, title: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, title, "", QCoreApplication.translate("Prompts", "JSON (*.json)")
        )
        return Path(name) if name else None

    def save_path(self, title: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent, title, suggested, QCoreApplication.translate("Prompts", "JSON (*.json)")
        )
        return Path(name) if name else None

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def secret(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None
