"""A state shown three ways at once — icon, word and colour — never by colour alone."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.domain.availability import Availability
from app.ui.formatting import state_key, state_text
from app.ui.icons import icon
from app.ui.theme import Swatch


class StateBadge(QWidget):
    def __init__(self, swatches: Mapping[str, Swatch], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._swatches = swatches
        self.setObjectName("stateBadge")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 10, 2)
        layout.setSpacing(5)
        self._icon = QLabel()
        self.text = QLabel()
        self.text.setObjectName("stateText")
        layout.addWidget(self._icon)
        layout.addWidget(self.text)
        self.key = ""

    def set_swatches(self, swatches: Mapping[str, Swatch]) -> None:
        self._swatches = swatches
        self._paint()

    def set_availability(self, av: Availability) -> None:
        self.key = state_key(av)
        self.text.setText(state_text(av))
        self._icon.setPixmap(icon(f"state-{self.key}").pixmap(14, 14))
        self.setAccessibleName(self.tr("State: %1").replace("%1", self.text.text()))
        self._paint()

    def _paint(self) -> None:
        if not self.key:
            return
        swatch = self._swatches[self.key]
        self.setStyleSheet(
            f"#stateBadge {{ background: {swatch.background}; border-radius: 9px; }}"
            f"#stateText {{ color: {swatch.foreground}; font-weight: 600; }}"
        )
