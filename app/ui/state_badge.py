"""A state shown three ways at once — icon, word and colour — never by colour alone."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.core.phrases import DisplayState
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
        self.key: DisplayState | None = None

    def set_swatches(self, swatches: Mapping[str, Swatch]) -> None:
        self._swatches = swatches
        self._paint()

    def set_state(self, state: DisplayState, text: str) -> None:
        """``state`` picks the icon and the colours; ``text`` is its word, from the core."""
        self.key = state
        self.text.setText(text)
        self._icon.setPixmap(icon(f"state-{state.value}").pixmap(14, 14))
        self.setAccessibleName(self.tr("State: %1").replace("%1", self.text.text()))
        self._paint()

    def _paint(self) -> None:
        if self.key is None:
            return
        swatch = self._swatches[self.key]
        self.setStyleSheet(
            f"#stateBadge {{ background: {swatch.background}; border-radius: 9px; }}"
            f"#stateText {{ color: {swatch.foreground}; font-weight: 600; }}"
        )
