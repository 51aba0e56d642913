"""A channel as agents see it: state, hours, next change, reason, notes and contacts.

It renders an :class:`EntryView` from the core: the state, its word and every phrase about
hours and time are decided there, once, for the console and ``canales status`` alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.core.board import EntryView
from app.domain.availability import Availability
from app.domain.model import Contact
from app.ui.actions import ContactActions
from app.ui.contact_row import ContactRow
from app.ui.icons import themed_glyph
from app.ui.state_badge import StateBadge
from app.ui.theme import Swatch


class ChannelCard(QFrame):
    watch_toggled = Signal(str, bool)
    reply_requested = Signal(str)  # the channel's id: copy the reply for a customer about it

    def __init__(
        self,
        view: EntryView,
        now: dt.datetime,
        actions: ContactActions,
        swatches: Mapping[str, Swatch],
        watched: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.channel = view  # the latest view of this channel (set_view replaces it)
        self.setObjectName("channelCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)

        top = QHBoxLayout()
        self.title = QLabel(view.name)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.badge = StateBadge(swatches)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.reply = self._reply_button(view.name)
        top.addWidget(self.reply, 0, Qt.AlignmentFlag.AlignTop)
        self.watch = QToolButton()
        self.watch.setIcon(themed_glyph("bell", self))
        self.watch.setCheckable(True)
        self.watch.setChecked(watched)
        self.watch.setToolTip(self.tr("Notify me when this channel opens or is about to close"))
        self.watch.setAccessibleName(self.tr("Notify about %1").replace("%1", view.name))
        self.watch.setAccessibleDescription(self.watch.toolTip())
        self.watch.toggled.connect(lambda on: self.watch_toggled.emit(view.id, on))
        top.addWidget(self.watch)
        layout.addLayout(top)

        self.hours = QLabel(view.hours)
        self.hours.setObjectName("cardHours")
        self.hours.setWordWrap(True)
        layout.addWidget(self.hours)
        self.next_change = QLabel()
        self.next_change.setObjectName("cardNext")
        layout.addWidget(self.next_change)
        self.reason = QLabel()
        self.reason.setObjectName("cardReason")
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        self.notes = QLabel("\n".join(view.notes))
        self.notes.setObjectName("cardNotes")
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(view.notes))
        layout.addWidget(self.notes)
        self.contacts = [ContactRow(c, actions) for c in view.contacts]
        for row in self.contacts:
            layout.addWidget(row)
        self.setAccessibleName(view.name)
        self.set_view(view, now)

    def tab_stops(self) -> list[QWidget]:
        """Its controls in the order they are laid out (the board's Tab order)."""
        return [self.reply, self.watch, *(w for row in self.contacts for w in row.tab_stops())]

    def _reply_button(self, name: str) -> QToolButton:
        """ "Copiar respuesta": a sentence for the customer about this channel, for now."""
        button = QToolButton()
        button.setObjectName("replyButton")
        button.setIcon(themed_glyph("reply", self))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setText(self.tr("Copy reply"))
        button.setToolTip(
            self.tr("Copy a reply for the customer: this channel's hours and contacts for now")
        )
        button.setAccessibleName(self.tr("Copy reply about %1").replace("%1", name))
        button.setAccessibleDescription(button.toolTip())
        button.clicked.connect(lambda: self.reply_requested.emit(self.channel.id))
        return button

    @property
    def availability(self) -> Availability:
        return self.channel.availability

    def main_contact(self) -> Contact | None:
        return self.channel.contacts[0].contact if self.channel.contacts else None

    def set_view(self, view: EntryView, now: dt.datetime) -> None:
        """At transitions: the state, its reason and the next change of a new board."""
        self.channel = view
        self.badge.set_state(view.state, view.state_text)
        self.reason.setText(view.reason or "")
        self.reason.setVisible(bool(view.reason))
        self.update_countdown(now)
        self.setAccessibleDescription(f"{view.state_text}. {self.next_change.text()}")

    def update_countdown(self, now: dt.datetime) -> None:
        """Once a minute: only the countdown moves between transitions."""
        text = self.channel.change_text(now)
        self.next_change.setText(text)
        self.next_change.setVisible(bool(text))

    def set_compact(self, compact: bool) -> None:
        """The strip at the screen edge: state, next change and the main contact only."""
        self.hours.setVisible(not compact)
        self.reply.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        self.notes.setVisible(not compact and bool(self.channel.notes))
        for row in self.contacts[1:]:
            row.setVisible(not compact)
        for row in self.contacts[:1]:
            row.set_compact(compact)

    def matches(self, query: str) -> bool:
        return self.channel.matches(query)
