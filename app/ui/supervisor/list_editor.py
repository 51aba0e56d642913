"""A list of items (schedules, channels, contacts…) beside the form of the selected one:
add, duplicate, remove, reorder by buttons or by dragging."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.ui.supervisor.draft import Path, path_text
from app.ui.supervisor.fields import Binder

Form = Callable[[Binder, Path], QWidget]


class ListEditor(QWidget):
    def __init__(
        self,
        binder: Binder,
        path: Path,
        name: str,
        title: Callable[[dict[str, Any], int], str],
        new_item: Callable[[], dict[str, Any]],
        form: Form,
        *,
        vertical: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.binder = binder
        self.path = path
        self._title = title
        self._new_item = new_item
        self._form = form
        self._detail: QWidget | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEnabled(True)
        self.list.model().rowsMoved.connect(self._dragged)
        self.list.currentRowChanged.connect(self._show)
        buttons = QHBoxLayout()
        self.add_button = self._button(self.tr("Add"), self.add, buttons)
        self.copy_button = self._button(self.tr("Duplicate"), self.duplicate, buttons)
        self.remove_button = self._button(self.tr("Remove"), self.remove, buttons)
        self.up_button = self._button(self.tr("Up"), lambda: self.move_selected(-1), buttons)
        self.down_button = self._button(self.tr("Down"), lambda: self.move_selected(+1), buttons)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)
        self.detail_area = QScrollArea()
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setAccessibleName(name)
        splitter = QSplitter(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail_area)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([110, 260] if vertical else [240, 760])
        self.detail_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        binder.changed.connect(self.refresh_titles)
        self.reload()

    def _button(self, text: str, slot: Callable[[], None], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setEnabled(not self.binder.read_only)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def items(self) -> list[dict[str, Any]]:
        value = self.binder.draft.get(self.path)
        return value if isinstance(value, list) else []

    def reload(self, select: int = 0) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for _ in self.items():
            self.list.addItem(QListWidgetItem())
        self.list.blockSignals(False)
        self.refresh_titles()
        if self.items():
            self.list.setCurrentRow(max(0, min(select, len(self.items()) - 1)))
            self._show(self.list.currentRow())
        else:
            self._show(-1)

    def refresh_titles(self) -> None:
        draft = self.binder.draft
        for row, item in enumerate(self.items()):
            widget_item = self.list.item(row)
            if widget_item is None:
                continue
            warn = draft.problems_at(path_text((*self.path, row)))
            text = self._title(item, row) if isinstance(item, dict) else str(item)
            widget_item.setText(("⚠ " if warn else "") + text)
            widget_item.setToolTip(warn[0].message if warn else "")

    def _show(self, row: int) -> None:
        self.binder.forget(path_text(self.path) + "[")
        if row < 0 or row >= len(self.items()):
            self._detail = QWidget()
        else:
            self._detail = self._form(self.binder, (*self.path, row))
        self.detail_area.setWidget(self._detail)
        self.binder.refresh_errors()

    # edits ------------------------------------------------------------------------------------

    def add(self) -> None:
        self.binder.draft.insert(self.path, len(self.items()), self._new_item())
        self.reload(len(self.items()) - 1)
        self.binder.changed.emit()

    def duplicate(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        clone = copy.deepcopy(self.items()[row])
        if "id" in clone:
            clone["id"] = f"{clone['id']}-2"
        self.binder.draft.insert(self.path, row + 1, clone)
        self.reload(row + 1)
        self.binder.changed.emit()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.binder.draft.remove(self.path, row)
        self.reload(row)
        self.binder.changed.emit()

    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self.items()):
            return
        self.binder.draft.move(self.path, row, target)
        self.reload(target)
        self.binder.changed.emit()

    def _dragged(self, _parent: object, start: int, _end: int, _dest: object, row: int) -> None:
        target = row - 1 if row > start else row
        self.binder.draft.move(self.path, start, target)
        self.reload(target)
        self.binder.changed.emit()
