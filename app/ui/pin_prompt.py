"""Ask for the supervisor PIN before the settings dialog opens (see ``app.storage.pin``).

``guard_settings`` is what the console calls: no PIN file, no question; otherwise the prompt,
which only accepts the right PIN, waits out the rate limit, and stays locked (saying to ask
IT) when the PIN file is damaged. Checking a PIN takes about a quarter of a second of scrypt
on the GUI thread, shown with a busy cursor: a prompt the agent is staring at anyway.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.storage.pin import (
    MIN_N,
    Outcome,
    PinFileError,
    RateLimiter,
    pin_path_for,
    read_pin,
    try_pin,
)

AskPin = Callable[[QWidget | None, Path, RateLimiter], bool]


class PinPrompt(QDialog):
    """Password field, a line for "wrong PIN" / "wait N s" / "locked", OK and Cancel."""

    def __init__(
        self,
        pin_path: Path,
        limiter: RateLimiter,
        *,
        lang: str = "es",
        min_n: int = MIN_N,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pin_path = pin_path
        self._limiter = limiter
        self._lang = lang
        self._min_n = min_n
        self._locked = False
        self.setWindowTitle(self.tr("Supervisor PIN"))
        self.setObjectName("pinPrompt")

        intro = QLabel(self.tr("Enter the supervisor PIN to change the settings."))
        intro.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Supervisor PIN"))
        self.status = QLabel()
        self.status.setObjectName("pinStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("PIN status"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        intro.setBuddy(self.field)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh)
        try:
            read_pin(pin_path, min_n=min_n, lang=lang)
        except PinFileError as exc:
            self._lock(tuple(exc.lines()))
        else:
            self.refresh()

    @property
    def locked(self) -> bool:
        return self._locked

    def attempt(self) -> None:
        """Check the typed PIN; the dialog is accepted only for the right one (or no PIN)."""
        if self._locked:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = try_pin(
                self._pin_path, self.field.text(), self._limiter, min_n=self._min_n, lang=self._lang
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        if result.outcome in (Outcome.ACCEPTED, Outcome.NO_PIN):
            self.field.clear()
            self.accept()
            return
        if result.outcome is Outcome.LOCKED:
            self._lock(result.problems)
            return
        self.field.clear()
        self.refresh(wrong=result.outcome is Outcome.REJECTED)

    def refresh(self, wrong: bool = False) -> None:
        """Show the wait (counting down each second) and enable typing once it is over."""
        if self._locked:
            return
        wait = self._limiter.wait_seconds()
        waiting = wait > 0
        self.field.setEnabled(not waiting)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not waiting)
        lines = [self.tr("Wrong PIN.")] if wrong else []
        if waiting:
            seconds = str(math.ceil(wait))
            lines.append(self.tr("Wait %1 s before trying again.").replace("%1", seconds))
            self._tick.start()
        else:
            self._tick.stop()
            if not wrong:
                self.status.setText("")
            self.field.setFocus()
        if lines:
            self.status.setText(" ".join(lines))

    def _lock(self, problems: tuple[str, ...]) -> None:
        self._locked = True
        self._tick.stop()
        self.field.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        text = self.tr(
            "Settings are locked: the supervisor PIN file cannot be used. Ask IT. (%1)"
        ).replace("%1", "; ".join(problems))
        self.status.setText(text)


def ask_with_dialog(
    parent: QWidget | None, pin_path: Path, limiter: RateLimiter, *, lang: str = "es"
) -> bool:
    prompt = PinPrompt(pin_path, limiter, lang=lang, parent=parent)
    try:
        return prompt.exec() == QDialog.DialogCode.Accepted
    finally:
        prompt.deleteLater()


def guard_settings(
    parent: QWidget | None,
    store_path: Path,
    limiter: RateLimiter,
    ask_pin: AskPin | None = None,
    *,
    lang: str = "es",
) -> bool:
    """Whether the settings dialog may open: True without a PIN file; otherwise only after
    the right PIN. A damaged PIN file is never "no PIN": the prompt opens locked."""
    pin_path = pin_path_for(store_path)
    try:
        if read_pin(pin_path, lang=lang) is None:
            return True
    except PinFileError:
        pass  # the prompt shows why it is locked
    if ask_pin is None:
        return ask_with_dialog(parent, pin_path, limiter, lang=lang)
    return ask_pin(parent, pin_path, limiter)
