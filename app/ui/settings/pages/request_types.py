"""Request types: what an agent picks in "Usar ahora" and the 24/7 fallback of each."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QWidget

from app.ui.settings.fields import add_row
from app.ui.settings.list_editor import ListEditor
from app.ui.settings.pages.base import Page, PageContext


class RequestTypesPage(Page):
    sections = ("request_types",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Request types"), parent)
        self.editor = ListEditor(
            self.binder,
            ("request_types",),
            self.tr("Request types"),
            title=lambda item, _i: str(item.get("name") or item.get("id") or "?"),
            new_item=self._new,
            form=self._form,
            on_duplicate=self.renamer("request_types", "type"),
        )
        self.body.addWidget(self.editor, 1)

    def refresh(self) -> None:
        self.editor.fill(self.editor.current)

    def _new(self) -> dict[str, Any]:
        return {"id": self.context.new_id("request_types", "type"), "name": self.tr("New type")}

    def _form(self, index: int) -> QWidget:
        b = self.binder
        base = ("request_types", index)
        widget = QWidget()
        form = QFormLayout(widget)
        self.add_identity_rows(
            form,
            base,
            self.tr("Request type id"),
            self.tr("lower case, digits, - or _ (used by channels)"),
            self.tr("Request type name"),
        )
        add_row(
            form,
            self.tr("&Fallback"),
            b.combo(
                (*base, "fallback"),
                self.tr("Channel used only when no other channel for this type is open"),
                [(None, self.tr("None")), *self.context.options("channels")],
            ),
        )
        return widget
