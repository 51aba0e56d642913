"""The contacts of a channel or escalation level, of every kind in ``app.core.contact_kinds``
(a phone adds IVR steps and extensions); added, removed and reordered in place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.contact_kinds import KINDS
from app.domain.texts import tr
from app.ui.settings.draft import Path, path_text
from app.ui.settings.fields import Binder, add_row
from app.ui.settings.rows import PairRows


def new_contact(kind: str) -> dict[str, Any]:
    """A fresh, empty contact of ``kind``; the model says what is still missing."""
    return KINDS[kind].new_document()


class ContactsEditor(QWidget):
    """Every contact shown at once (a channel has one or two), so no problem hides."""

    def __init__(self, binder: Binder, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang = binder.draft.lang
        self.binder = binder
        self.path = path
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QGroupBox] = []
        adders = QHBoxLayout()
        self.add_buttons: dict[str, QPushButton] = {}
        for tag, kind in KINDS.items():
            name = tr(lang, kind.name)
            description = self.tr("Add: %1").replace("%1", name)
            button = self._button(f"+ {name}", description, lambda _=False, k=tag: self.add(k))
            button.setAccessibleName(description)
            adders.addWidget(button)
            self.add_buttons[tag] = button
        adders.addStretch(1)
        self._adders = QWidget()
        self._adders.setLayout(adders)
        self.build()

    def _button(self, text: str, description: str, slot: Callable[..., None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.removeprefix("+ "))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setEnabled(not self.binder.read_only)
        button.clicked.connect(slot)
        return button

    def items(self) -> list[Any]:
        found = self.binder.draft.get(self.path, [])
        return found if isinstance(found, list) else []

    def build(self) -> None:
        self.binder.forget(path_text(self.path))
        while self._layout.count():
            taken = self._layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None and widget is not self._adders:
                widget.deleteLater()
        items = self.items()
        self.boxes = [self._contact(i, c) for i, c in enumerate(items)]
        for box in self.boxes:
            self._layout.addWidget(box)
        self._layout.addWidget(self._adders)
        self.binder.refresh()

    def _title(self, tag: str, index: int) -> str:
        kind = KINDS.get(tag)
        name = tr(self.lang, kind.name) if kind is not None else tag
        return self.tr("Contact %1: %2").replace("%1", str(index + 1)).replace("%2", name)

    def _contact(self, index: int, contact: Any) -> QGroupBox:
        kind = contact.get("type", "") if isinstance(contact, dict) else ""
        title = self._title(kind, index)
        box = QGroupBox(title)
        box.setAccessibleName(title)
        form = QFormLayout(box)
        base = (*self.path, index)
        label_name = self.tr("%1, label").replace("%1", title)
        add_row(
            form,
            self.tr("Label"),
            self.binder.line(
                (*base, "label"), label_name, placeholder=self.tr("What agents see (optional)")
            ),
        )
        entry = KINDS.get(kind)
        for field in entry.editor_fields if entry is not None else ():
            label = tr(self.lang, field.label)
            add_row(
                form,
                label,
                self.binder.line(
                    (*base, field.key),
                    f"{title}, {label.lower()}",
                    placeholder=tr(self.lang, field.placeholder),
                ),
            )
        if entry is not None and entry.has_ivr:
            self._phone_extras(form, base, title)
        form.addRow(self._order_buttons(index, title))
        return box

    def _phone_extras(self, form: QFormLayout, base: Path, title: str) -> None:
        ivr = PairRows(
            self.binder,
            (*base, "ivr"),
            keys=("digits", "label"),
            names=lambda i: (
                self.tr("IVR step %1, keys").replace("%1", str(i + 1)),
                self.tr("IVR step %1, meaning").replace("%1", str(i + 1)),
            ),
            placeholders=(self.tr("Keys"), self.tr("Meaning (optional)")),
            separator="→",
            new_item=lambda _items: {"digits": "", "label": ""},
            add_text=self.tr("+ IVR step"),
            add_name=self.tr("Add an IVR step to %1").replace("%1", title),
            add_description=self.tr("Add a menu option to press after dialling"),
            remove_name=lambda i: self.tr("Remove IVR step %1").replace("%1", str(i + 1)),
            widths=(56, None),
        )
        form.addRow(self.tr("IVR steps"), ivr)
        add_row(
            form,
            self.tr("Extensions"),
            self.binder.words(
                (*base, "extensions"),
                self.tr("%1, extensions").replace("%1", title),
                placeholder=self.tr("Comma-separated, e.g. 1113, 1107"),
            ),
        )

    def _order_buttons(self, index: int, title: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        count = len(self.items())
        for text, description, slot, enabled in (
            (self.tr("Up"), self.tr("Move %1 up"), lambda: self.move_item(index, -1), index > 0),
            (
                self.tr("Down"),
                self.tr("Move %1 down"),
                lambda: self.move_item(index, +1),
                index < count - 1,
            ),
            (self.tr("Remove"), self.tr("Remove %1"), lambda: self.remove(index), True),
        ):
            button = self._button(text, description.replace("%1", title), slot)
            button.setAccessibleName(f"{text}: {title}")
            button.setEnabled(enabled and not self.binder.read_only)
            layout.addWidget(button)
        layout.addStretch(1)
        return row

    # edits ------------------------------------------------------------------------------------

    def _changed(self) -> None:
        self.build()
        self.binder.edited.emit()

    def add(self, kind: str) -> None:
        self.binder.draft.insert(self.path, len(self.items()), new_contact(kind))
        self._changed()

    def remove(self, index: int) -> None:
        self.binder.draft.remove(self.path, index)
        self._changed()

    def move_item(self, index: int, step: int) -> None:
        target = index + step
        if 0 <= target < len(self.items()):
            self.binder.draft.move(self.path, index, target)
            self._changed()
