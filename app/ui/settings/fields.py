"""Editors bound to paths of the draft, each with its problem shown right beside it.

The :class:`Binder` owns the editor ↔ draft wiring. Each editor is registered under the path of
the value it edits (``channels[0].contacts[0].number``); every problem goes to the editor with
the longest registered path that contains it, which gets a red border (the dynamic property
``invalid``) and the message in a label under it, also set as its accessible description.

An editor and its problem label come back as a :class:`FieldRow` layout, never wrapped in a
widget of their own: the editor stays a sibling of its form label, which is what a screen
reader follows to say what a combo box is for (on Linux a combo's accessible name is its
value). Where the label goes is the caller's choice (``attach``): under a narrow time field it
would wrap into a column, so interval rows put it under the whole row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.settings.draft import Draft, Path, is_under, path_text
from app.ui.theme import is_dark

INVALID_STYLE = '*[invalid="true"] { border: 2px solid %s; border-radius: 3px; }'


def error_colour(widget: QWidget) -> str:
    return "#ffadb5" if is_dark(widget.palette()) else "#9c1c29"


def option_tip(value: Any, label: str) -> str:
    """An option's tooltip: its label, and the id it stands for when that differs (ids are
    for the file and the advanced reader, not the list)."""
    return label if value is None or str(value) == label else f"{label} — {value}"


def parse_words(text: str) -> list[str]:
    """``1113, 1107`` -> ``["1113", "1107"]`` (extensions); the model checks each one."""
    return [w.strip() for w in text.replace(";", ",").split(",") if w.strip()]


@dataclass
class Field:
    editor: QWidget
    label: QLabel
    description: str


class FieldRow(QVBoxLayout):
    """An editor with its problem label under it, as a layout (see the module docstring)."""

    def __init__(self, field: Field) -> None:
        super().__init__()
        self.field = field
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(2)
        self.addWidget(field.editor)
        self.addWidget(field.label)


def add_row(form: QFormLayout, text: str, row: FieldRow) -> None:
    """A form row whose label names the editor itself: its "&" mnemonic focuses it, and
    assistive technology reads it as the editor's label."""
    form.addRow(text, row)
    label = form.labelForField(row)
    if isinstance(label, QLabel):
        label.setBuddy(row.field.editor)


class Binder(QObject):
    """One per dialog: registers editors, writes edits to the draft, marks problems."""

    edited = Signal()

    def __init__(
        self,
        draft: Draft,
        read_only: bool,
        today: Callable[[], dt.date],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.draft = draft
        self.read_only = read_only
        self.today = today  # the centre's date, from the dialog's clock
        self._fields: dict[str, Field] = {}
        draft.subscribe(self.refresh)

    # registry ---------------------------------------------------------------------------------

    def forget(self, prefix: str) -> None:
        """Drop the editors of a form that is being rebuilt."""
        for key in [k for k in self._fields if is_under(k, prefix)]:
            del self._fields[key]

    def owner(self, problem_path: str) -> str | None:
        """The registered path that shows this problem: the longest one containing it."""
        best: str | None = None
        for key in self._fields:
            if is_under(problem_path, key) and (best is None or len(key) > len(best)):
                best = key
        return best

    def field(self, path: Path) -> Field | None:
        return self._fields.get(path_text(path))

    def refresh(self) -> None:
        messages: dict[str, list[str]] = {}
        for problem in self.draft.problems:
            key = self.owner(problem.path or "")
            if key is not None:
                messages.setdefault(key, []).append(problem.message)
        for key, field in list(self._fields.items()):
            try:
                self._mark(field, messages.get(key, []))
            except RuntimeError:  # deleted with a rebuilt form
                del self._fields[key]

    def _mark(self, field: Field, messages: list[str]) -> None:
        text = "\n".join(dict.fromkeys(messages))
        field.label.setText(f"⚠ {text}" if text else "")
        field.label.setVisible(bool(text))
        editor = field.editor
        if bool(editor.property("invalid")) != bool(text):
            editor.setProperty("invalid", bool(text))
            editor.style().unpolish(editor)
            editor.style().polish(editor)
        editor.setAccessibleDescription(text or field.description)
        inner = editor.lineEdit() if isinstance(editor, QComboBox) else None
        if inner is not None:
            inner.setAccessibleDescription(text or field.description)

    def attach(self, path: Path, editor: QWidget, name: str, description: str = "") -> Field:
        """Name the editor, give it a problem label (placed by the caller), and mark it now if
        it is wrong."""
        label = QLabel()
        label.setObjectName("fieldProblem")
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {error_colour(editor)};")
        label.hide()
        editor.setAccessibleName(name)
        editor.setAccessibleDescription(description or name)
        editor.setEnabled(not self.read_only)
        field = Field(editor, label, description or name)
        self._fields[path_text(path)] = field
        self.refresh()
        return field

    def register(self, path: Path, editor: QWidget, name: str, description: str = "") -> FieldRow:
        """:meth:`attach`, with the problem label right under the editor."""
        return FieldRow(self.attach(path, editor, name, description))

    def commit(self, path: Path, value: Any) -> None:
        self.draft.set(path, value)  # validates, which refreshes every mark
        self.edited.emit()

    # editors ----------------------------------------------------------------------------------

    def line(
        self,
        path: Path,
        name: str,
        *,
        placeholder: str = "",
        optional: bool = False,
        description: str = "",
    ) -> FieldRow:
        value = self.draft.get(path)
        edit = QLineEdit("" if value is None else str(value))
        edit.setPlaceholderText(placeholder)

        def edited(text: str) -> None:
            self.commit(path, None if optional and not text.strip() else text)

        edit.textEdited.connect(edited)
        return self.register(path, edit, name, description or placeholder)

    def words(self, path: Path, name: str, *, placeholder: str = "") -> FieldRow:
        """A list of short strings typed with commas (extensions)."""
        edit = QLineEdit(", ".join(str(w) for w in self.draft.get(path, []) or []))
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda text: self.commit(path, parse_words(text)))
        return self.register(path, edit, name, placeholder)

    def check(self, path: Path, text: str, *, default: bool = False) -> FieldRow:
        box = QCheckBox(text)
        box.setChecked(bool(self.draft.get(path, default)))
        box.toggled.connect(lambda on: self.commit(path, on))
        return self.register(path, box, text.replace("&", ""))

    def spin(self, path: Path, name: str, low: int, high: int, suffix: str = "") -> FieldRow:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        value = self.draft.get(path, low)
        spin.setValue(value if isinstance(value, int) else low)
        spin.valueChanged.connect(lambda v: self.commit(path, v))
        return self.register(path, spin, name)

    def combo(
        self,
        path: Path,
        name: str,
        options: Sequence[tuple[Any, str]],
        *,
        editable: bool = False,
    ) -> FieldRow:
        """A choice among ``(value, label)``; editable ones also take typed text (time zones)."""
        combo = QComboBox()
        combo.setEditable(editable)
        for value, label in options:
            combo.addItem(label, value)
            combo.setItemData(
                combo.count() - 1, option_tip(value, label), Qt.ItemDataRole.ToolTipRole
            )
        current = self.draft.get(path)
        index = next((i for i in range(combo.count()) if combo.itemData(i) == current), -1)
        if index < 0 and not editable:
            combo.addItem(str(current), current)  # a dangling reference stays visible
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        if editable:
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = QCompleter([label for _, label in options], combo)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            combo.setCompleter(completer)
            if index < 0:
                combo.setEditText("" if current is None else str(current))
            edit = combo.lineEdit()
            assert edit is not None
            edit.setAccessibleName(name)  # the text field inside is what has the focus
            edit.setAccessibleDescription(name)
            edit.textEdited.connect(lambda text: self.commit(path, text.strip()))
            completer.activated.connect(lambda text: self.commit(path, text))
            combo.activated.connect(lambda i: self.commit(path, combo.itemData(i)))
        else:
            combo.currentIndexChanged.connect(lambda i: self.commit(path, combo.itemData(i)))
        return self.register(path, combo, name)

    def multi(self, path: Path, name: str, options: Sequence[tuple[str, str]]) -> FieldRow:
        """Several ids out of a list (request types served, channels a special day affects)."""
        widget = QListWidget()
        chosen = list(self.draft.get(path, []) or [])
        known = {value for value, _ in options}
        for value, label in [*options, *((v, v) for v in chosen if v not in known)]:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked
            )
            widget.addItem(item)
        for i in range(widget.count()):
            item = widget.item(i)
            item.setToolTip(option_tip(item.data(Qt.ItemDataRole.UserRole), item.text()))
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        rows = max(2, min(widget.count(), 6))
        height = max(widget.sizeHintForRow(0), widget.fontMetrics().lineSpacing() + 4)
        widget.setFixedHeight(height * rows + 2 * widget.frameWidth() + 4)

        def changed(_item: QListWidgetItem) -> None:
            values = [
                widget.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked
            ]
            self.commit(path, values)

        widget.itemChanged.connect(changed)
        return self.register(path, widget, name)

    def notes(self, path: Path, name: str) -> FieldRow:
        """A list of strings, one per line."""
        edit = QPlainTextEdit("\n".join(str(n) for n in self.draft.get(path, []) or []))
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(72)
        edit.textChanged.connect(
            lambda: self.commit(
                path, [ln.strip() for ln in edit.toPlainText().splitlines() if ln.strip()]
            )
        )
        return self.register(path, edit, name)

    def date(
        self,
        path: Path,
        name: str,
        *,
        fallback: dt.date | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> FieldRow:
        """An ISO date (special days); the calendar pop-up and the keyboard both work.

        ``fallback`` is shown while the value is null (an optional end date not yet set).
        """
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        try:
            day = dt.date.fromisoformat(str(self.draft.get(path)))
        except ValueError:
            day = fallback or self.today()
        edit.setDate(QDate(day.year, day.month, day.day))

        def changed(value: QDate) -> None:
            self.commit(path, dt.date(value.year(), value.month(), value.day()).isoformat())
            if on_change is not None:
                on_change()

        edit.dateChanged.connect(changed)
        return self.register(path, edit, name)
