"""Short lists of two-field rows edited in place: a day's intervals, a phone's IVR steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.ui.settings.draft import Path, path_text
from app.ui.settings.fields import Binder


class PairRows(QWidget):
    """Rows of ``key_a`` ``sep`` ``key_b`` with a remove button each, and an Add button.

    Each row is registered under its own path (``week.mon[1]``) so that a problem of the row as
    a whole ("start equals end") is shown beside it, and each field under its key.
    """

    def __init__(
        self,
        binder: Binder,
        path: Path,
        *,
        keys: tuple[str, str],
        names: Callable[[int], tuple[str, str]],
        placeholders: tuple[str, str],
        separator: str,
        new_item: Callable[[list[Any]], dict[str, Any]],
        add_text: str,
        add_description: str,
        remove_name: Callable[[int], str],
        horizontal: bool = False,
        widths: tuple[int | None, int | None] = (None, None),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.binder = binder
        self.path = path
        self._keys = keys
        self._names = names
        self._placeholders = placeholders
        self._separator = separator
        self._new_item = new_item
        self._remove_name = remove_name
        self._widths = widths
        direction = (
            QBoxLayout.Direction.LeftToRight if horizontal else QBoxLayout.Direction.TopToBottom
        )
        self._layout = QBoxLayout(direction, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_text)
        self.add_button.setAccessibleDescription(add_description)
        self.add_button.setToolTip(add_description)
        self.add_button.setEnabled(not binder.read_only)
        self.add_button.clicked.connect(self.add)
        self.rows: list[QWidget] = []
        self.build()

    def items(self) -> list[Any]:
        found = self.binder.draft.get(self.path, [])
        return found if isinstance(found, list) else []

    def build(self) -> None:
        self.binder.forget(path_text(self.path))
        while self._layout.count():
            taken = self._layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None and widget is not self.add_button:
                widget.deleteLater()
        self.rows = [self._row(i) for i in range(len(self.items()))]
        for row in self.rows:
            self._layout.addWidget(row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addStretch(1)
        self.binder.refresh()

    def _row(self, index: int) -> QWidget:
        frame = QFrame()
        frame.setObjectName("pairRow")
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        names = self._names(index)
        for n, key in enumerate(self._keys):
            if n:
                layout.addWidget(QLabel(self._separator))
            field_path = (*self.path, index, key)
            value = self.binder.draft.get(field_path, "")
            edit = QLineEdit("" if value is None else str(value))
            edit.setPlaceholderText(self._placeholders[n])
            width = self._widths[n]
            if width is not None:
                edit.setFixedWidth(width)
            edit.textEdited.connect(lambda text, p=field_path: self.binder.commit(p, text.strip()))
            layout.addWidget(self.binder.register(field_path, edit, names[n]))
        remove = QPushButton("✕")
        remove.setAccessibleName(self._remove_name(index))
        remove.setAccessibleDescription(self._remove_name(index))
        remove.setToolTip(self._remove_name(index))
        remove.setFixedWidth(28)
        remove.setEnabled(not self.binder.read_only)
        remove.clicked.connect(lambda _=False, i=index: self.remove(i))
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        description = " ".join(names)
        return self.binder.register((*self.path, index), frame, description)

    def add(self) -> None:
        items = self.items()
        self.binder.draft.insert(self.path, len(items), self._new_item(items))
        self.build()
        self.binder.edited.emit()
        if self.rows:
            edits = self.rows[-1].findChildren(QLineEdit)
            if edits:
                edits[0].setFocus()

    def remove(self, index: int) -> None:
        self.binder.draft.remove(self.path, index)
        self.build()
        self.binder.edited.emit()
        self.add_button.setFocus()
