"""The tray icon: what is open at a glance, notifications, and a way back to the window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.domain.availability import Snapshot, State
from app.domain.notifications import Event, Notice
from app.ui.icons import icon

TOOLTIP_LIMIT = 3


class Tray(QObject):
    show_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
        self.icon.setToolTip(self.summary(snapshot))

    def summary(self, snapshot: Snapshot) -> str:
        """``Canales — Abiertos: Línea…, Chat · Cerrados: 2`` (desktop tooltips are short)."""
        open_names = [c.name for c, av in snapshot.channels if av.state is State.OPEN]
        closed = [c.name for c, av in snapshot.channels if av.state is State.CLOSED]
        shown = ", ".join(open_names[:TOOLTIP_LIMIT])
        if len(open_names) > TOOLTIP_LIMIT:
            shown += self.tr(" and %1 more").replace("%1", str(len(open_names) - TOOLTIP_LIMIT))
        parts = [
            self.tr("Open: %1").replace("%1", shown) if open_names else self.tr("Nothing open")
        ]
        if closed:
            parts.append(self.tr("Closed: %1").replace("%1", str(len(closed))))
        return "Canales — " + " · ".join(parts)

    def notify(self, notice: Notice) -> None:
        texts = {
            Event.OPENED: self.tr("%1 is open now"),
            Event.CLOSING_SOON: self.tr("%1 closes soon"),
            Event.CLOSED: self.tr("%1 has closed"),
        }
        self.icon.showMessage(
            "Canales",
            texts[notice.event].replace("%1", notice.channel.name),
            QSystemTrayIcon.MessageIcon.Information,
            8000,
        )

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()
