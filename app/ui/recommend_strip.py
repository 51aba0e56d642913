""" "Usar ahora": the request type in front of the agent, and the channel(s) to use this minute."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.contact_kinds import display_text
from app.domain.model import Channel, Config
from app.ui.actions import ContactActions
from app.ui.icons import themed_glyph


class RecommendStrip(QWidget):
    request_type_changed = Signal(str)

    def __init__(
        self,
        config: Config,
        actions: ContactActions,
        request_type: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recommendStrip")
        self._actions = actions
        self._channels: list[Channel] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        caption = QLabel(self.tr("Use now:"))
        caption.setObjectName("stripCaption")
        layout.addWidget(caption)
        self.caption = caption
        self.request_type = QComboBox()
        self.request_type.setAccessibleName(self.tr("Request type"))
        self.request_type.setAccessibleDescription(
            self.tr("The channel recommended below is for this kind of request")
        )
        for rtype in config.request_types:
            self.request_type.addItem(rtype.name, rtype.id)
        index = max(0, self.request_type.findData(request_type))
        self.request_type.setCurrentIndex(index)
        self.request_type.setMinimumContentsLength(14)
        self.request_type.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        caption.setBuddy(self.request_type)
        self.request_type.currentIndexChanged.connect(
            lambda _i: self.request_type_changed.emit(self.current_request_type())
        )
        layout.addWidget(self.request_type)
        self.answer = QLabel()
        self.answer.setObjectName("recommendation")
        self.answer.setWordWrap(True)
        layout.addWidget(self.answer, 1)
        self.copy_button = QPushButton(themed_glyph("copy", self), self.tr("Copy"))
        self.copy_button.setObjectName("recommendCopy")
        self.copy_button.clicked.connect(self.copy_main)
        layout.addWidget(self.copy_button)

    def current_request_type(self) -> str:
        return str(self.request_type.currentData())

    def set_recommendation(
        self, channels: list[Channel], next_opening: tuple[Channel, str] | None = None
    ) -> None:
        """The first open channel with its main contact; the other open ones named after it.

        ``next_opening`` (channel, "abre mañana 7:00") says when help comes back if none is open.
        """
        self._channels = channels
        if not channels:
            text = self.tr("No channel for this request is open now")
            if next_opening is not None:
                text += " · " + f"{next_opening[0].name}: {next_opening[1]}"
            self.answer.setText(text)
            self.copy_button.setEnabled(False)
            self.copy_button.setToolTip("")
            self.answer.setAccessibleName(self.answer.text())
            return
        first = channels[0]
        contact = first.contacts[0] if first.contacts else None
        text = f"{first.name} — {display_text(contact)}" if contact else first.name
        if len(channels) > 1:
            also = ", ".join(c.name for c in channels[1:])
            text += "  ·  " + self.tr("also: %1").replace("%1", also)
        self.answer.setText(text)
        self.answer.setAccessibleName(self.tr("Recommended: %1").replace("%1", self.answer.text()))
        main = first.contacts[0] if first.contacts else None
        self.copy_button.setEnabled(main is not None)
        if main is not None:
            text = self._actions.text_for(main)
            self.copy_button.setToolTip(self.tr("Copy “%1”").replace("%1", text))
            self.copy_button.setAccessibleName(self.tr("Copy %1").replace("%1", text))
            self.copy_button.setAccessibleDescription(self.answer.text())

    def set_compact(self, compact: bool) -> None:
        self.caption.setVisible(not compact)
        self.request_type.setMinimumContentsLength(8 if compact else 14)

    def has_open_channel(self) -> bool:
        return bool(self._channels)

    def copy_main(self) -> None:
        if self._channels and self._channels[0].contacts:
            self._actions.copy(self._channels[0].contacts[0])
