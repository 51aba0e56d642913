"""A list of items (schedules, channels, levels…) beside the form of the selected one:
add, duplicate, remove, and reorder by the Up/Down buttons or by dragging."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.ui.settings.draft import Path, path_text
from app.ui.settings.fields import Binder, error_colour

FormFactory = Callable[[int], QWidget]


class ListEditor(QWidget):
    """Master list + detail form over the list at ``path`` in the draft."""

    structure_changed = Signal()

    def __init__(
        self,
        binder: Binder,
        path: Path,
        name: str,
        *,
        title: Callable[[dict[str, Any], int], str],
        new_item: Callable[[], dict[str, Any]],
        form: FormFactory,
        after_change: Callable[[], None] | None = None,
        on_duplicate: Callable[[dict[str, Any]], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.binder = binder
        self.path = path
        self._title = title
        self._new_item = new_item
        self._form = form
        self._after_change = after_change
        self._on_duplicate = on_duplicate
        self._filling = False
        self.list = self._make_list(name)
        self.detail = QScrollArea()
        self.detail.setWidgetResizable(True)
        self.detail.setFrameShape(QFrame.Shape.NoFrame)
        self.detail.setAccessibleName(self.tr("Details of the selected item"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._left())
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        binder.draft.subscribe(self._refresh_titles)
        self.fill(0)

    def _make_list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(
            self.tr("Drag an item, or use Up and Down, to change the order")
        )
        if not self.binder.read_only:
            widget.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            widget.setDefaultDropAction(Qt.DropAction.MoveAction)
        # long names keep both ends ("Línea para incid…1 (críticos)"); the tooltip has it all
        widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.model().rowsMoved.connect(self._dragged)
        widget.currentRowChanged.connect(self._show_form)
        return widget

    def _left(self) -> QWidget:
        """The list with Add / Duplicate / Remove under it, then Up / Down."""
        self.add_button = self._button(self.tr("Add"), self.tr("Add a new item"), self.add)
        self.duplicate_button = self._button(
            self.tr("Duplicate"), self.tr("Add a copy of the selected item"), self.duplicate
        )
        self.remove_button = self._button(
            self.tr("Remove"), self.tr("Remove the selected item"), self.remove
        )
        self.up_button = self._button(
            self.tr("Up"), self.tr("Move the selected item up"), lambda: self.move_item(-1)
        )
        self.down_button = self._button(
            self.tr("Down"), self.tr("Move the selected item down"), lambda: self.move_item(+1)
        )
        left = QWidget()
        left.setMinimumWidth(240)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        for group in (
            (self.add_button, self.duplicate_button, self.remove_button),
            (self.up_button, self.down_button),
        ):
            row = QHBoxLayout()
            row.setSpacing(4)
            for button in group:
                row.addWidget(button)
            layout.addLayout(row)
        return left

    def _button(self, text: str, description: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(slot)
        return button

    # state ------------------------------------------------------------------------------------

    def items(self) -> list[Any]:
        found = self.binder.draft.get(self.path, [])
        return found if isinstance(found, list) else []

    def item_path(self, index: int) -> Path:
        return (*self.path, index)

    @property
    def current(self) -> int:
        return self.list.currentRow()

    def fill(self, select: int) -> None:
        """Rebuild the list from the draft and show the form of item ``select``."""
        self._filling = True
        self.list.clear()
        for i, item in enumerate(self.items()):
            entry = QListWidgetItem()
            entry.setData(Qt.ItemDataRole.UserRole, i)
            self.list.addItem(entry)
            self._set_title(entry, item, i)
        self._filling = False
        count = self.list.count()
        row = min(max(select, 0), count - 1)
        if row >= 0:
            self.list.setCurrentRow(row)  # emits → _show_form
            self._show_form(row)
        else:
            self._show_form(-1)
        self._update_buttons()

    def _set_title(self, entry: QListWidgetItem, item: Any, index: int) -> None:
        text = self._title(item if isinstance(item, dict) else {}, index)
        problems = self.binder.draft.problems_under(path_text(self.item_path(index)))
        if problems:
            entry.setText(f"⚠ {text}")
            entry.setForeground(QBrush(QColor(error_colour(self.list))))
            entry.setToolTip("\n".join([text, *(f"⚠ {p.message}" for p in problems)]))
        else:
            entry.setText(text)
            entry.setData(Qt.ItemDataRole.ForegroundRole, None)
            entry.setToolTip(text)

    def _refresh_titles(self) -> None:
        if self._filling:
            return
        items = self.items()
        try:
            for i in range(min(self.list.count(), len(items))):
                self._set_title(self.list.item(i), items[i], i)
        except RuntimeError:  # the editor went with its page
            pass

    def _show_form(self, row: int) -> None:
        if self._filling:
            return
        self.binder.forget(path_text(self.path))
        old = self.detail.takeWidget()
        if old is not None:
            old.deleteLater()
        if 0 <= row < len(self.items()):
            self.detail.setWidget(self._form(row))
        else:
            empty = QLabel(self.tr("Nothing here yet: press Add to create one."))
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setWordWrap(True)
            self.detail.setWidget(empty)
        self.binder.refresh()
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = not self.binder.read_only
        row, count = self.current, self.list.count()
        self.add_button.setEnabled(editable)
        self.duplicate_button.setEnabled(editable and row >= 0)
        self.remove_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)

    # structural edits ----------------------------------------------------------------------

    def _changed(self, select: int) -> None:
        if self._after_change is not None:
            self._after_change()
        self.fill(select)
        self.binder.edited.emit()
        self.structure_changed.emit()

    def add(self) -> None:
        index = self.current + 1 if self.current >= 0 else len(self.items())
        self.binder.draft.insert(self.path, index, self._new_item())
        self._changed(index)

    def duplicate(self) -> None:
        row = self.current
        if row < 0:
            return
        clone = self.binder.draft.duplicate(self.path, row)
        if self._on_duplicate is not None and isinstance(clone, dict):
            self._on_duplicate(clone)
        self.binder.draft.validate()
        self._changed(row + 1)

    def remove(self) -> None:
        row = self.current
        if row < 0:
            return
        self.binder.draft.remove(self.path, row)
        self._changed(row)

    def move_item(self, step: int) -> None:
        row = self.current
        target = row + step
        if row < 0 or not 0 <= target < len(self.items()):
            return
        self.binder.draft.move(self.path, row, target)
        self._changed(target)

    def _dragged(self, *_args: QModelIndex | int) -> None:
        """A drop reordered the list widget: apply the same order to the draft.

        The list is renumbered in place, not rebuilt: clearing a model inside its own
        ``rowsMoved`` would pull the rows out from under the view.
        """
        if self._filling:
            return
        order = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        self.binder.draft.reorder(self.path, order)
        for i in range(self.list.count()):
            self.list.item(i).setData(Qt.ItemDataRole.UserRole, i)
        if self._after_change is not None:
            self._after_change()
        self._refresh_titles()
        self._show_form(self.current)
        self.binder.edited.emit()
        self.structure_changed.emit()
