"""A channel as agents see it: state, hours, next change, reason, notes and contacts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.core.contact_kinds import search_text
from app.domain.availability import Availability
from app.domain.model import Channel, Contact, Schedule
from app.ui.actions import ContactActions
from app.ui.contact_row import ContactRow
from app.ui.formatting import change_text, hours_text
from app.ui.icons import themed_glyph
from app.ui.state_badge import StateBadge
from app.ui.theme import Swatch


class ChannelCard(QFrame):
    watch_toggled = Signal(str, bool)

    def __init__(
        self,
        channel: Channel,
        schedule: Schedule,
        actions: ContactActions,
        swatches: Mapping[str, Swatch],
        lang: str,
        watched: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.channel = channel
        self.setObjectName("channelCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._availability: Availability | None = None
        self._search = search_text(channel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)

        top = QHBoxLayout()
        self.title = QLabel(channel.name)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.badge = StateBadge(swatches)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.watch = QToolButton()
        self.watch.setIcon(themed_glyph("bell", self))
        self.watch.setCheckable(True)
        self.watch.setChecked(watched)
        self.watch.setToolTip(self.tr("Notify me when this channel opens or is about to close"))
        self.watch.setAccessibleName(self.tr("Notify about %1").replace("%1", channel.name))
        self.watch.setAccessibleDescription(self.watch.toolTip())
        self.watch.toggled.connect(lambda on: self.watch_toggled.emit(channel.id, on))
        top.addWidget(self.watch)
        layout.addLayout(top)

        self.hours = QLabel(hours_text(QLocale(), schedule))
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
        self.notes = QLabel("\n".join(channel.notes))
        self.notes.setObjectName("cardNotes")
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(channel.notes))
        layout.addWidget(self.notes)
        self.contacts = [ContactRow(c, actions, lang) for c in channel.contacts]
        for row in self.contacts:
            layout.addWidget(row)
        self.setAccessibleName(channel.name)

    @property
    def availability(self) -> Availability | None:
        return self._availability

    def main_contact(self) -> Contact | None:
        return self.channel.contacts[0] if self.channel.contacts else None

    def set_availability(self, av: Availability, now: dt.datetime) -> None:
        self._availability = av
        self.badge.set_availability(av)
        self.reason.setText(av.reason or "")
        self.reason.setVisible(bool(av.reason))
        self.update_countdown(now)
        self.setAccessibleDescription(f"{self.badge.text.text()}. {self.next_change.text()}")

    def update_countdown(self, now: dt.datetime) -> None:
        if self._availability is None:
            return
        text = change_text(QLocale(), self._availability, now)
        self.next_change.setText(text)
        self.next_change.setVisible(bool(text))

    def set_compact(self, compact: bool) -> None:
        """The strip at the screen edge: state, next change and the main contact only."""
        self.hours.setVisible(not compact)
        self.notes.setVisible(not compact and bool(self.channel.notes))
        for row in self.contacts[1:]:
            row.setVisible(not compact)
        for row in self.contacts[:1]:
            row.set_compact(compact)

    def matches(self, query: str) -> bool:
        return not query or query in self._search
