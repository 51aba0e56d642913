"""Editors bound to paths of the draft, each with its problem shown right beside it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.supervisor.draft import Draft, Path, path_text

ERROR_STYLE = "color: #9c1c29; font-weight: 600;"


def intervals_text(value: Any) -> str:
    if not isinstance(value, list):
        return ""
    return ", ".join(
        f"{i.get('start', '')}-{i.get('end', '')}" if isinstance(i, dict) else str(i) for i in value
    )


def parse_intervals(text: str) -> list[dict[str, str]]:
    """``07:00-19:00, 20:00-22:00`` -> intervals; the model reports anything malformed."""
    out = []
    for raw in text.replace(";", ",").split(","):
        chunk = raw.strip()
        if chunk:
            start, _, end = chunk.replace("–", "-").partition("-")
            out.append({"start": start.strip(), "end": end.strip()})
    return out


def ivr_text(value: Any) -> str:
    if not isinstance(value, list):
        return ""
    return ", ".join(
        f"{s.get('digits', '')}={s['label']}" if s.get("label") else str(s.get("digits", ""))
        for s in value
        if isinstance(s, dict)
    )


def parse_ivr(text: str) -> list[dict[str, str]]:
    """``2=Soporte, 4`` -> IVR steps (digits, optional label)."""
    steps = []
    for raw in text.split(","):
        chunk = raw.strip()
        if chunk:
            digits, _, label = chunk.partition("=")
            steps.append({"digits": digits.strip(), "label": label.strip()})
    return steps


def parse_words(text: str) -> list[str]:
    return [w.strip() for w in text.replace(";", ",").split(",") if w.strip()]


class Binder(QObject):
    """Owns the editor ↔ draft wiring and the error labels; one per dialog."""

    changed = Signal()

    def __init__(self, draft: Draft, read_only: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.read_only = read_only
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    # registry ---------------------------------------------------------------------------------

    def forget(self, prefix: str) -> None:
        for key in [k for k in self._fields if k == prefix or k.startswith(prefix)]:
            del self._fields[key]

    def covered(self, problem_path: str) -> bool:
        return any(
            problem_path == key or problem_path.startswith((key + ".", key + "["))
            for key in self._fields
        )

    def refresh_errors(self) -> None:
        for key, (editor, label) in list(self._fields.items()):
            try:
                problems = self.draft.problems_at(key)
            except RuntimeError:  # the widget went with a rebuilt form
                continue
            text = problems[0].message if problems else ""
            try:
                label.setText(text)
                label.setVisible(bool(text))
                editor.setProperty("invalid", bool(text))
                editor.setStyleSheet("border: 2px solid #9c1c29;" if text else "")
                editor.setAccessibleDescription(text)
            except RuntimeError:
                del self._fields[key]

    def _row(self, editor: QWidget, path: Path, name: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        editor.setAccessibleName(name)
        editor.setEnabled(not self.read_only)
        self._fields[path_text(path)] = (editor, error)
        return box

    def _commit(self, path: Path, value: Any) -> None:
        self.draft.set(path, value)
        self.refresh_errors()
        self.changed.emit()

    # editors ----------------------------------------------------------------------------------

    def line(
        self,
        path: Path,
        name: str,
        *,
        placeholder: str = "",
        optional: bool = False,
        to_value: Callable[[str], Any] | None = None,
        to_text: Callable[[Any], str] | None = None,
    ) -> QWidget:
        value = self.draft.get(path)
        edit = QLineEdit(to_text(value) if to_text else ("" if value is None else str(value)))
        edit.setPlaceholderText(placeholder)

        def edited(text: str) -> None:
            if to_value is not None:
                self._commit(path, to_value(text))
            else:
                self._commit(path, None if optional and not text.strip() else text)

        edit.textEdited.connect(edited)
        return self._row(edit, path, name)

    def check(self, path: Path, name: str, default: bool = False) -> QWidget:
        box = QCheckBox(name)
        box.setChecked(bool(self.draft.get(path, default)))
        box.toggled.connect(lambda on: self._commit(path, on))
        return self._row(box, path, name)

    def spin(self, path: Path, name: str, low: int, high: int, suffix: str = "") -> QWidget:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setValue(int(self.draft.get(path, low) or low))
        spin.valueChanged.connect(lambda v: self._commit(path, v))
        return self._row(spin, path, name)

    def choice(
        self,
        path: Path,
        name: str,
        options: Sequence[tuple[Any, str]],
        *,
        editable: bool = False,
    ) -> QWidget:
        combo = QComboBox()
        combo.setEditable(editable)
        for value, label in options:
            combo.addItem(label, value)
        current = self.draft.get(path)
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)
        elif editable and current is not None:
            combo.setEditText(str(current))
        if editable:
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            line = combo.lineEdit()
            assert line is not None
            line.textEdited.connect(lambda text: self._commit(path, text))
            combo.activated.connect(lambda i: self._commit(path, combo.itemData(i)))
        else:
            combo.currentIndexChanged.connect(lambda i: self._commit(path, combo.itemData(i)))
        return self._row(combo, path, name)

    def multi(self, path: Path, name: str, options: Sequence[tuple[str, str]]) -> QWidget:
        """Several ids from a list (request types served, channels a special day affects)."""
        widget = QListWidget()
        chosen = set(self.draft.get(path, []) or [])
        for value, label in options:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked
            )
            widget.addItem(item)
        widget.setMaximumHeight(22 * max(2, min(len(options), 5)) + 8)

        def changed(_item: QListWidgetItem) -> None:
            values = [
                widget.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked
            ]
            self._commit(path, values)

        widget.itemChanged.connect(changed)
        return self._row(widget, path, name)

    def lines(self, path: Path, name: str) -> QWidget:
        """A list of strings, one per line (notes)."""
        edit = QPlainTextEdit("\n".join(self.draft.get(path, []) or []))
        edit.setMaximumHeight(80)
        edit.textChanged.connect(
            lambda: self._commit(
                path, [ln.strip() for ln in edit.toPlainText().splitlines() if ln.strip()]
            )
        )
        return self._row(edit, path, name)
