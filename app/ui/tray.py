"""The tray icon: what is open at a glance, notifications, and a way back to the window.

Its words come from the core (:mod:`app.core.notices`) in the console's language; the tray
only shows them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.core.notices import notice_text, tray_summary
from app.domain.availability import Snapshot
from app.domain.notifications import Notice
from app.ui.icons import icon


class Tray(QObject):
    show_requested = Signal()
    quit_requested = Signal()

    def __init__(self, language: Callable[[], str], parent: QObject | None = None) -> None:
        """``language``: the console's language now (the agent may switch it at any time)."""
        super().__init__(parent)
        self._language = language
        self.icon = QSystemTrayIcon(icon("canales"), self)
        self.menu = QMenu()  # no QObject parent possible; this attribute keeps it alive
        show = self.menu.addAction(self.tr("Show Canales"))
        show.triggered.connect(self.show_requested.emit)
        self.menu.addSeparator()
        quit_action = self.menu.addAction(self.tr("Quit"))
        quit_action.triggered.connect(self.quit_requested.emit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self.icon.setToolTip(tray_summary(snapshot, self._language()))

    def notify(self, notice: Notice) -> None:
        self.icon.showMessage(
            "Canales",
            notice_text(notice, self._language()),
            QSystemTrayIcon.MessageIcon.Information,
            8000,
        )

    def notify_text(self, text: str) -> None:
        """A notification worded by the core (an overdue escalation case)."""
        self.icon.showMessage("Canales", text, QSystemTrayIcon.MessageIcon.Warning, 15000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()
