"""The next 14 days of a schedule, computed by the real availability engine, holidays named.

Supervisors see the effect of "closed on holidays" before saving, on the centre's calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from app.core.phrases import date_text, day_hours
from app.domain.availability import AvailabilityEngine, Span, Timetable
from app.domain.calendar import HolidayCalendar
from app.domain.document import schedule_from_document
from app.domain.model import Config, Schedule
from app.domain.problems import ConfigInvalid

PREVIEW_DAYS = 14


@dataclass(frozen=True)
class PreviewDay:
    day: dt.date
    spans: tuple[Span, ...]
    holiday: str | None
    closed_for_holiday: bool


def preview_days(
    config: Config,
    calendar: HolidayCalendar,
    schedule: Schedule,
    now: dt.datetime,
    days: int = PREVIEW_DAYS,
) -> list[PreviewDay]:
    """From today in the centre's time zone, as the console would evaluate them."""
    engine = AvailabilityEngine(config, calendar)
    today = engine.local(now).date()
    timetable = Timetable(schedule, engine.calendar)
    out = []
    for offset in range(days):
        day = today + dt.timedelta(days=offset)
        plan = timetable.day(day.toordinal())
        out.append(PreviewDay(day, plan.spans, calendar.name_on(day), plan.is_holiday_closure))
    return out


class SchedulePreview(QWidget):
    """A read-only list, one line per day; refreshed after every edit of the schedule."""

    def __init__(
        self,
        document: Callable[[], Any],
        context: Callable[[], tuple[Config, HolidayCalendar]],
        now: Callable[[], dt.datetime],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._document = document
        self._context = context
        self._now = now
        self.title = QLabel(self.tr("Next %1 days").replace("%1", str(PREVIEW_DAYS)))
        self.title.setObjectName("sectionTitle")
        self.list = QListWidget()
        self.list.setAccessibleName(self.title.text())
        self.list.setAccessibleDescription(
            self.tr("Opening hours of this schedule for the next two weeks, holidays included")
        )
        self.list.setFixedHeight(self.list.fontMetrics().lineSpacing() * (PREVIEW_DAYS + 1) + 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.refresh()

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def refresh(self) -> None:
        self.list.clear()
        try:
            schedule = schedule_from_document(self._document())
        except ConfigInvalid:
            self.list.addItem(self.tr("Correct this schedule's problems to see the preview."))
            return
        config, calendar = self._context()
        lang = self._lang
        for day in preview_days(config, calendar, schedule, self._now()):
            hours = day_hours(day.spans, day.holiday, day.closed_for_holiday, lang)
            self.list.addItem(f"{date_text(day.day, lang)} — {hours}")
