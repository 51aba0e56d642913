""" "Usar ahora": the request type in front of the agent, and the channel(s) to use this minute."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.board import EntryView, Recommendation
from app.domain.model import Config, Contact
from app.ui.actions import ContactActions
from app.ui.icons import themed_glyph


class RecommendStrip(QWidget):
    request_type_changed = Signal(str)
    reply_requested = Signal(str)  # the request type: copy the reply for a customer about it

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
        self._channels: tuple[EntryView, ...] = ()
        self._main: EntryView | None = None
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
        self.reply_button = QPushButton(themed_glyph("reply", self), self.tr("Copy &reply"))
        self.reply_button.setObjectName("recommendReply")
        self.reply_button.setToolTip(
            self.tr(
                "Copy a reply for the customer about the channel to use for this request (Alt+R)"
            )
        )
        self.reply_button.setAccessibleName(self.tr("Copy reply"))
        self.reply_button.setAccessibleDescription(self.reply_button.toolTip())
        self.reply_button.clicked.connect(
            lambda: self.reply_requested.emit(self.current_request_type())
        )
        layout.addWidget(self.reply_button)

    def current_request_type(self) -> str:
        return str(self.request_type.currentData())

    def set_recommendation(self, recommendation: Recommendation) -> None:
        """The first open channel with its main contact, the other open ones named after it; or,
        when none is open, when help comes back and the critical line (all worded by the core)."""
        self._channels = recommendation.channels
        self._main = recommendation.main
        self.answer.setText(recommendation.text)
        main = self.main_contact()
        if not recommendation.channels:
            self.answer.setAccessibleName(recommendation.text)
        else:
            self.answer.setAccessibleName(
                self.tr("Recommended: %1").replace("%1", recommendation.text)
            )
        self.copy_button.setEnabled(main is not None)
        if main is None:
            self.copy_button.setToolTip("")
            return
        text = self._actions.text_for(main)
        self.copy_button.setToolTip(self.tr("Copy “%1”").replace("%1", text))
        self.copy_button.setAccessibleName(self.tr("Copy %1").replace("%1", text))
        self.copy_button.setAccessibleDescription(recommendation.text)

    def main_contact(self) -> Contact | None:
        """The main contact of the first recommended channel, or of the critical line."""
        if self._main is not None and self._main.contacts:
            return self._main.contacts[0].contact
        return None

    def set_compact(self, compact: bool) -> None:
        self.caption.setVisible(not compact)
        self.reply_button.setText("" if compact else self.tr("Copy &reply"))
        self.request_type.setMinimumContentsLength(8 if compact else 14)

    def has_open_channel(self) -> bool:
        return bool(self._channels)

    def copy_main(self) -> None:
        main = self.main_contact()
        if main is not None:
            self._actions.copy(main)
