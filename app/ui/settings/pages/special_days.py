"""Special days: a date or a range on which chosen channels close or keep other hours."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.settings.fields import FieldRow, add_row
from app.ui.settings.hours_editor import IntervalRows
from app.ui.settings.list_editor import ListEditor
from app.ui.settings.pages.base import Page, PageContext


class SpecialDaysPage(Page):
    sections = ("special_days",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Special days"), parent)
        self.hours: IntervalRows | None = None
        self.editor = ListEditor(
            self.binder,
            ("special_days",),
            self.tr("Special days"),
            title=lambda item, _i: self._title(item),
            new_item=self._new,
            form=self._form,
        )
        self.body.addWidget(self.editor, 1)

    def refresh(self) -> None:
        self.editor.fill(self.editor.current)

    @staticmethod
    def _title(item: dict[str, Any]) -> str:
        when = str(item.get("date", ""))
        if item.get("until"):
            when += f" → {item['until']}"
        return f"{when}  {item.get('name') or ''}".strip()

    def _new(self) -> dict[str, Any]:
        return {
            "name": self.tr("Special day"),
            "date": self.context.today().isoformat(),
            "until": None,
            "channels": self.context.ids("channels"),
            "closed": True,
            "hours": [],
        }

    def _form(self, index: int) -> QWidget:
        b = self.binder
        draft = self.context.draft
        base = ("special_days", index)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        form = QFormLayout()
        add_row(form, self.tr("&Name"), b.line((*base, "name"), self.tr("Name of the special day")))
        add_row(form, self.tr("&Date"), b.date((*base, "date"), self.tr("Date, or first day")))
        ranged = QCheckBox(self.tr("&Several days, until"))
        ranged.setAccessibleName(self.tr("Several days"))
        ranged.setAccessibleDescription(self.tr("The special day lasts until a later date"))
        ranged.setChecked(bool(draft.get((*base, "until"))))
        ranged.setEnabled(not b.read_only)
        try:
            first = dt.date.fromisoformat(str(draft.get((*base, "date"))))
        except ValueError:
            first = self.context.today()
        until_row = b.date((*base, "until"), self.tr("Last day"), fallback=first)
        until = until_row.field.editor
        assert isinstance(until, QDateEdit)
        until.setEnabled(ranged.isChecked() and not b.read_only)

        def toggle_range(on: bool) -> None:
            until.setEnabled(on)
            value = until.date().toString("yyyy-MM-dd") if on else None
            b.commit((*base, "until"), value)

        ranged.toggled.connect(toggle_range)
        row = QHBoxLayout()
        row.addWidget(ranged)
        row.addLayout(until_row, 1)
        form.addRow("", row)
        add_row(
            form,
            self.tr("&Channels"),
            b.multi(
                (*base, "channels"),
                self.tr("Channels affected"),
                self.context.options("channels"),
            ),
        )
        layout.addLayout(form)
        layout.addLayout(self._mode(index))
        layout.addStretch(1)
        return widget

    def _mode(self, index: int) -> FieldRow:
        """Closed all day, or open at other hours (then the intervals of that day)."""
        b = self.binder
        base = ("special_days", index)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        closed = QRadioButton(self.tr("C&losed all day"))
        other = QRadioButton(self.tr("&Other hours:"))
        for button in (closed, other):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setAccessibleDescription(self.tr("What the chosen channels do on that day"))
        group = QButtonGroup(box)
        group.addButton(closed)
        group.addButton(other)
        is_closed = bool(b.draft.get((*base, "closed"), True))
        closed.setChecked(is_closed)
        other.setChecked(not is_closed)
        self.hours = IntervalRows(b, (*base, "hours"), self.tr("Special day"))
        self.hours.setVisible(not is_closed)
        layout.addWidget(closed)
        layout.addWidget(other)
        layout.addWidget(self.hours)
        hours = self.hours

        def switch(to_closed: bool) -> None:
            hours.setVisible(not to_closed)
            node = b.draft.get(base)
            node["closed"] = to_closed
            if to_closed:
                node["hours"] = []
            elif not node.get("hours"):
                node["hours"] = [{"start": "08:00", "end": "12:00"}]
            b.draft.validate()
            hours.build()
            b.edited.emit()

        closed.toggled.connect(switch)
        return b.register(base, box, self.tr("Hours on that day"))
