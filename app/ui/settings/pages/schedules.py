"""Schedules: named weekly hours, closed on holidays or not, with a 14-day preview."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.domain.model import WEEKDAYS
from app.ui.settings.fields import add_row
from app.ui.settings.hours_editor import WeekEditor
from app.ui.settings.list_editor import ListEditor
from app.ui.settings.pages.base import Page, PageContext
from app.ui.settings.preview import SchedulePreview


class SchedulesPage(Page):
    sections = ("schedules",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Schedules"), parent)
        self.preview: SchedulePreview | None = None
        self.week: WeekEditor | None = None
        self.editor = ListEditor(
            self.binder,
            ("schedules",),
            self.tr("Schedules"),
            title=lambda item, _i: str(item.get("name") or item.get("id") or "?"),
            new_item=self._new,
            form=self._form,
            on_duplicate=self.renamer("schedules", "schedule"),
        )
        self.body.addWidget(self.editor, 1)
        self.binder.edited.connect(self._edited)

    def refresh(self) -> None:
        self.editor.fill(self.editor.current)

    def _new(self) -> dict[str, Any]:
        return {
            "id": self.context.new_id("schedules", "schedule"),
            "name": self.tr("New schedule"),
            "closed_on_holidays": True,
            "week": {day: [] for day in WEEKDAYS},
        }

    def _form(self, index: int) -> QWidget:
        b = self.binder
        base = ("schedules", index)
        widget = QWidget()
        layout = QVBoxLayout(widget)
        form = QFormLayout()
        self.add_identity_rows(
            form,
            base,
            self.tr("Schedule id"),
            self.tr("lower case, digits, - or _ (used by channels)"),
            self.tr("Schedule name"),
        )
        add_row(
            form, "", b.check((*base, "closed_on_holidays"), self.tr("Closed on public &holidays"))
        )
        layout.addLayout(form)
        hours = QLabel(self.tr("Weekly hours (a day without intervals is closed)"))
        hours.setObjectName("sectionTitle")
        layout.addWidget(hours)
        self.week = WeekEditor(b, (*base, "week"))
        layout.addWidget(self.week)
        self.preview = SchedulePreview(
            lambda: self.context.draft.get(base),
            self.context.calendar,
            self.context.now,
            self.context.draft.lang,
        )
        layout.addWidget(self.preview)
        layout.addStretch(1)
        return widget

    def _edited(self) -> None:
        if self.preview is None:
            return
        try:
            self.preview.refresh()
        except RuntimeError:  # the form was rebuilt
            self.preview = None
