"""Escalation: the ladder from first to last level, each with contacts and optional hours."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.ui.settings.contacts_editor import ContactsEditor
from app.ui.settings.fields import FieldRow, add_row
from app.ui.settings.list_editor import ListEditor
from app.ui.settings.pages.base import Page, PageContext


class EscalationPage(Page):
    sections = ("escalation",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Escalation"), parent)
        self.contacts: ContactsEditor | None = None
        self.editor = ListEditor(
            self.binder,
            ("escalation",),
            self.tr("Escalation levels, first to last"),
            title=lambda item, i: f"{i + 1}. {item.get('name') or '?'}",
            new_item=self._new,
            form=self._form,
            after_change=self._renumber,
            on_duplicate=self.renamer(None, ""),
        )
        self.body.addWidget(self.editor, 1)

    def refresh(self) -> None:
        self.editor.fill(self.editor.current)

    def _new(self) -> dict[str, Any]:
        return {
            "level": len(self.editor.items()) + 1,
            "name": self.tr("New level"),
            "contacts": [],
            "schedule": None,
            "notes": [],
        }

    def _renumber(self) -> None:
        """Levels are numbered by their place in the ladder; moving one renumbers them all."""
        for i, level in enumerate(self.editor.items()):
            if isinstance(level, dict):
                level["level"] = i + 1
        self.context.draft.validate()

    def _form(self, index: int) -> QWidget:
        b = self.binder
        base = ("escalation", index)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        form = QFormLayout()
        add_row(form, self.tr("&Name"), b.line((*base, "name"), self.tr("Level name")))
        add_row(
            form,
            self.tr("&Hours"),
            b.combo(
                (*base, "schedule"),
                self.tr("Schedule of this level"),
                [(None, self.tr("Not published")), *self.context.options("schedules")],
            ),
        )
        add_row(form, self.tr("&Response time"), self._response_time(index))
        add_row(form, self.tr("N&otes"), b.notes((*base, "notes"), self.tr("Notes, one per line")))
        layout.addLayout(form)
        title = QLabel(self.tr("Contacts"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.contacts = ContactsEditor(b, (*base, "contacts"))
        layout.addWidget(self.contacts)
        layout.addStretch(1)
        return widget

    def _response_time(self, index: int) -> FieldRow:
        """``respond_within_minutes``: how long the level has to answer an escalated case
        before the console tells the agent to go up a level; the lowest step of the box is
        "not published" (null, as the seed page publishes none)."""
        path = ("escalation", index, "respond_within_minutes")
        spin = QSpinBox()
        spin.setRange(0, 1440)
        spin.setSpecialValueText(self.tr("Not published"))
        spin.setSuffix(self.tr(" min"))
        value = self.binder.draft.get(path)
        spin.setValue(value if isinstance(value, int) and not isinstance(value, bool) else 0)
        spin.valueChanged.connect(lambda v: self.binder.commit(path, v or None))
        return self.binder.register(
            path,
            spin,
            self.tr("Response time of this level"),
            self.tr("Minutes this level has to answer an escalated case; 0: not published"),
        )
