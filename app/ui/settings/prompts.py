"""Questions the dialog asks the supervisor, behind one small interface.

The dialog never opens a message box itself: it is given a :class:`Prompts`, so tests answer
with a scripted fake instead of racing a modal box with timers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.storage.atomic import Backup

ConflictChoice = Literal["reload", "overwrite", "cancel"]


class Prompts(Protocol):
    def confirm(self, title: str, text: str) -> bool: ...

    def conflict(self, text: str) -> ConflictChoice: ...

    def choose_backup(self, backups: list[Backup]) -> Backup | None: ...

    def open_path(self, title: str) -> Path | None: ...

    def save_path(self, title: str, suggested: str) -> Path | None: ...

    def open_key(self, title: str) -> Path | None: ...

    def error(self, title: str, text: str) -> None: ...

    def info(self, title: str, text: str) -> None: ...

    def secret(self, title: str, label: str) -> str | None: ...


def backup_label(backup: Backup) -> str:
    return backup.created.strftime("%Y-%m-%d %H:%M:%S")


class ConflictBox(QDialog):
    """The question asked when the file changed on disk since the dialog opened it.

    Cancel comes first, has the focus and is the default: a reflexive Enter loses nobody's
    work, and overwriting a colleague's save or discarding one's own edits is a deliberate
    choice. Each answer says what it does, in a column that fits any screen width.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("Prompts", "The configuration changed on disk")
        )
        self.answer: ConflictChoice = "cancel"
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        message = QLabel(text)
        message.setWordWrap(True)
        message.setMinimumWidth(420)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.cancel_button = self._answer(
            "cancel",
            QCoreApplication.translate("Prompts", "&Cancel"),
            QCoreApplication.translate("Prompts", "Keep editing; nothing is saved"),
        )
        self.reload_button = self._answer(
            "reload",
            QCoreApplication.translate("Prompts", "&Reload"),
            QCoreApplication.translate(
                "Prompts", "Show the version on disk; your changes are discarded"
            ),
        )
        self.overwrite_button = self._answer(
            "overwrite",
            QCoreApplication.translate("Prompts", "&Overwrite"),
            QCoreApplication.translate(
                "Prompts", "Save your changes; your colleague's version is kept as a backup"
            ),
        )
        for button in (self.cancel_button, self.reload_button, self.overwrite_button):
            layout.addWidget(button)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()

    def _answer(self, choice: ConflictChoice, text: str, description: str) -> QPushButton:
        button = QCommandLinkButton(text, description)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.clicked.connect(lambda _=False: self._choose(choice))
        return button

    def _choose(self, choice: ConflictChoice) -> None:
        self.answer = choice
        self.accept()

    def choice(self) -> ConflictChoice:
        """What the supervisor answered; Esc or the close box is Cancel."""
        return self.answer if self.result() == QDialog.DialogCode.Accepted else "cancel"


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
        box = ConflictBox(text, self.parent)
        box.exec()
        return box.choice()

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

    def open_key(self, title: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent,
            title,
            "",
            QCoreApplication.translate("Prompts", "minisign secret key (*.key);;All files (*)"),
        )
        return Path(name) if name else None

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def secret(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None
