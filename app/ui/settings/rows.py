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
    QVBoxLayout,
    QWidget,
)

from app.ui.settings.draft import Path, path_text
from app.ui.settings.fields import Binder

ROW_MARGIN = 2


class PairRows(QWidget):
    """Rows of ``key_a`` ``sep`` ``key_b`` with a remove button each, and an Add button.

    Each row is registered under its own path (``week.mon[1]``) so that a problem of the row as
    a whole ("start equals end") is shown beside it, and each field under its key. Problems are
    shown under the row at the full width of this widget, never under a narrow field: there
    they would wrap into a column and push the row's buttons out of line. Side by side rows
    (a day's intervals) share one line, so their problems go under that line.
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
        add_name: str,
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
        self._horizontal = horizontal
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        direction = (
            QBoxLayout.Direction.LeftToRight if horizontal else QBoxLayout.Direction.TopToBottom
        )
        self._line = QBoxLayout(direction)
        self._line.setSpacing(6)
        self._problems = QVBoxLayout()
        self._problems.setSpacing(2)
        outer.addLayout(self._line)
        outer.addLayout(self._problems)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_name)  # "+ …" would be read as "plus"
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
        for layout in (self._line, self._problems):
            while layout.count():
                taken = layout.takeAt(0)
                widget = taken.widget() if taken is not None else None
                if widget is not None and widget is not self.add_button:
                    widget.deleteLater()
        self.rows = []
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        for index in range(len(self.items())):
            row, problems = self._row(index)
            self.rows.append(row)
            self._line.addWidget(row, 0, top_left)
            for label in problems:
                (self._problems if self._horizontal else self._line).addWidget(label)
        self._line.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._line.addStretch(1)
        self.binder.refresh()

    def _row(self, index: int) -> tuple[QWidget, list[QLabel]]:
        """The row's frame, and the labels of its problems for :meth:`build` to place."""
        frame = QFrame()
        frame.setObjectName("pairRow")
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(*(ROW_MARGIN,) * 4)  # room for the row's red border
        layout.setSpacing(4)
        names = self._names(index)
        problems = []
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
            layout.addWidget(edit)
            problems.append(self.binder.attach(field_path, edit, names[n]).label)
        remove = QPushButton("✕")
        remove.setAccessibleName(self._remove_name(index))
        remove.setAccessibleDescription(self._remove_name(index))
        remove.setToolTip(self._remove_name(index))
        remove.setFixedWidth(28)
        remove.setEnabled(not self.binder.read_only)
        remove.clicked.connect(lambda _=False, i=index: self.remove(i))
        layout.addWidget(remove)
        whole = self.binder.attach((*self.path, index), frame, " ".join(names))
        return frame, [whole.label, *problems]

    def line_height(self) -> int:
        """The height of a row, with or without rows yet: a label beside this widget, aligned
        to its top with this height, is level with the first line."""
        field = QLineEdit().sizeHint().height() + 2 * ROW_MARGIN
        return max(field, self.add_button.sizeHint().height())

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
