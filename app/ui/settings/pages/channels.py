"""Channels: the cards agents see, in order; each with its hours, request types and contacts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.core.channel_kinds import channel_kinds
from app.ui.settings.contacts_editor import ContactsEditor
from app.ui.settings.fields import add_row
from app.ui.settings.list_editor import ListEditor
from app.ui.settings.pages.base import Page, PageContext


class ChannelsPage(Page):
    sections = ("channels",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Channels"), parent)
        self.contacts: ContactsEditor | None = None
        self.editor = ListEditor(
            self.binder,
            ("channels",),
            self.tr("Channels, in the order agents see them"),
            title=lambda item, _i: str(item.get("name") or item.get("id") or "?"),
            new_item=self._new,
            form=self._form,
            on_duplicate=self.renamer("channels", "channel"),
        )
        self.body.addWidget(self.editor, 1)

    def refresh(self) -> None:
        self.editor.fill(self.editor.current)

    def kinds(self) -> list[tuple[str, str]]:
        return channel_kinds(self.binder.draft.lang)

    def _new(self) -> dict[str, Any]:
        types = self.context.ids("request_types")
        schedules = self.context.ids("schedules")
        return {
            "id": self.context.new_id("channels", "channel"),
            "name": self.tr("New channel"),
            "kind": "phone",
            "request_types": types[:1],
            "schedule": schedules[0] if schedules else "",
            "contacts": [],
            "notes": [],
        }

    def _form(self, index: int) -> QWidget:
        b = self.binder
        base = ("channels", index)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        form = QFormLayout()
        self.add_identity_rows(
            form,
            base,
            self.tr("Channel id"),
            self.tr("lower case, digits, - or _ (used by special days)"),
            self.tr("Channel name"),
        )
        add_row(form, self.tr("&Kind"), b.combo((*base, "kind"), self.tr("Kind"), self.kinds()))
        add_row(
            form,
            self.tr("&Serves"),
            b.multi(
                (*base, "request_types"),
                self.tr("Request types this channel serves"),
                self.context.options("request_types"),
            ),
        )
        add_row(
            form,
            self.tr("&Hours"),
            b.combo(
                (*base, "schedule"),
                self.tr("Schedule of this channel"),
                self.context.options("schedules"),
            ),
        )
        add_row(form, self.tr("N&otes"), b.notes((*base, "notes"), self.tr("Notes, one per line")))
        layout.addLayout(form)
        title = QLabel(self.tr("Contacts"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.contacts = ContactsEditor(b, (*base, "contacts"))
        layout.addWidget(self.contacts)
        layout.addStretch(1)
        return widget
