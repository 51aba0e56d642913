"""One contact: its display form, IVR steps, a Copy button, its action and extensions.

It renders a :class:`ContactView`: every word and form shown comes from the core.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.core.board import ContactView
from app.ui.actions import ContactActions
from app.ui.icons import themed_glyph


class ContactRow(QWidget):
    def __init__(
        self, view: ContactView, actions: ContactActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.contact = view.contact
        self._actions = actions
        self.kind = kind = view.kind
        name, verb, shown = view.kind_name, view.verb, view.shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        line = QHBoxLayout()
        line.setSpacing(6)
        glyph = QLabel()
        glyph.setPixmap(themed_glyph(kind.icon, self, QPalette.ColorRole.WindowText).pixmap(16, 16))
        glyph.setAccessibleName(name)
        line.addWidget(glyph)
        self.value = QLabel(shown)
        self.value.setObjectName("contactValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.value.setWordWrap(True)
        self.value.setAccessibleName(view.accessible_name)
        line.addWidget(self.value, 1)
        self.copy_button = QPushButton(themed_glyph("copy", self), self.tr("Copy"))
        self.copy_button.setObjectName("copyButton")
        self.copy_button.clicked.connect(lambda: self._actions.copy(self.contact))
        line.addWidget(self.copy_button)
        self.action_button = QPushButton(verb)
        self.action_button.setObjectName("actionButton")
        self.action_button.clicked.connect(lambda: self._actions.open(self.contact))
        line.addWidget(self.action_button)
        layout.addLayout(line)
        self._add_details(layout)
        self.extension_buttons = self._add_extensions(layout)
        self._actions.format_changed.connect(self.refresh_tooltips)
        self.refresh_tooltips()

    def tab_stops(self) -> list[QWidget]:
        """Its buttons in the order they are laid out."""
        return [self.copy_button, self.action_button, *self.extension_buttons]

    def _add_details(self, layout: QVBoxLayout) -> None:
        details = []
        if self.view.label:
            details.append(self.view.label)
        if self.view.ivr:
            details.append(self.tr("IVR: %1").replace("%1", self.view.ivr))
        self.details = QLabel(" · ".join(details))
        self.details.setObjectName("contactDetails")
        self.details.setWordWrap(True)
        self.details.setVisible(bool(details))
        layout.addWidget(self.details)

    def _add_extensions(self, layout: QVBoxLayout) -> list[QPushButton]:
        """Each extension on its own button: agents transfer to one person, not to a list."""
        buttons: list[QPushButton] = []
        if self.view.extensions:
            row = QHBoxLayout()
            row.setSpacing(4)
            caption = QLabel(self.tr("Extensions:"))
            row.addWidget(caption)
            for extension in self.view.extensions:
                button = QPushButton(self.tr("ext. %1").replace("%1", extension))
                button.setObjectName("extensionButton")
                button.clicked.connect(
                    lambda _=False, ext=extension: self._actions.copy(self.contact, ext)
                )
                row.addWidget(button)
                buttons.append(button)
            row.addStretch(1)
            layout.addLayout(row)
        return buttons

    def refresh_tooltips(self) -> None:
        """Tooltips show exactly what will land on the clipboard in the current format."""
        text = self._actions.text_for(self.contact)
        self.copy_button.setToolTip(self.tr("Copy “%1”").replace("%1", text))
        self.copy_button.setAccessibleName(self.tr("Copy %1").replace("%1", text))
        self.copy_button.setAccessibleDescription(self.tr("Puts it on the clipboard"))
        self.action_button.setToolTip(self.action_button.text() + ": " + self.view.shown)
        self.action_button.setAccessibleName(self.action_button.toolTip())
        self.action_button.setAccessibleDescription(self.view.opens_with)
        for button, extension in zip(self.extension_buttons, self.view.extensions, strict=True):
            copied = self._actions.text_for(self.contact, extension)
            button.setToolTip(self.tr("Copy “%1”").replace("%1", copied))
            button.setAccessibleName(self.tr("Copy extension %1").replace("%1", extension))
            button.setAccessibleDescription(button.toolTip())

    def set_compact(self, compact: bool) -> None:
        """Copy stays (icon only, same accessible name); the rest is one click away in full mode."""
        self.copy_button.setText("" if compact else self.tr("Copy"))
        self.action_button.setVisible(not compact)
        self.details.setVisible(not compact and bool(self.details.text()))

    def matches(self, query: str) -> bool:
        return query in self.view.search
