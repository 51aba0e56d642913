"""Organisation, the support centre's clock, the agent's own time, and today's note."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.domain.availability import DayPlan, Snapshot
from app.domain.model import Config
from app.ui.formatting import clock_text, date_text, span_text, weekday_long


class Header(QWidget):
    def __init__(self, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self._config = config
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 10, 14, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        organisation = config.organisation
        self.title = QLabel(" · ".join(p for p in (organisation.name, organisation.product) if p))
        self.title.setObjectName("orgTitle")
        self.title.setWordWrap(True)
        grid.addWidget(self.title, 0, 0)
        self.tagline = QLabel(organisation.tagline)
        self.tagline.setObjectName("tagline")
        self.tagline.setWordWrap(True)
        self.tagline.setVisible(bool(organisation.tagline))
        grid.addWidget(self.tagline, 1, 0)
        self.today = QLabel()
        self.today.setObjectName("todayNote")
        self.today.setWordWrap(True)
        grid.addWidget(self.today, 2, 0)
        self.centre_clock = QLabel()
        self.centre_clock.setObjectName("centreClock")
        grid.addWidget(self.centre_clock, 0, 1, 2, 1)
        self.centre_caption = QLabel()
        self.centre_caption.setObjectName("clockCaption")
        self.centre_caption.setWordWrap(False)  # wraps only in compact mode
        grid.addWidget(self.centre_caption, 2, 1)
        self.local_clock = QLabel()
        self.local_clock.setObjectName("localClock")
        self.local_clock.setWordWrap(True)
        grid.addWidget(self.local_clock, 3, 1)
        grid.setColumnStretch(0, 1)

    def set_compact(self, compact: bool) -> None:
        self.centre_caption.setWordWrap(compact)
        self.title.setVisible(not compact)
        self.tagline.setVisible(not compact and bool(self._config.organisation.tagline))

    def tick(self, now: dt.datetime) -> None:
        """Once a second: the clocks only."""
        centre = now.astimezone(self._config.zone)
        self.centre_clock.setText(clock_text(centre, seconds=True))
        self.centre_clock.setAccessibleName(
            self.tr("Support centre time %1").replace("%1", clock_text(centre))
        )
        locale = QLocale()
        self.centre_caption.setText(f"{date_text(locale, centre.date())} · {self._config.timezone}")
        self.centre_caption.setToolTip(self.tr("Date and time zone of the support centre"))
        local = now.astimezone()
        if local.utcoffset() != centre.utcoffset():
            self.local_clock.setText(
                self.tr("Your time: %1 %2")
                .replace("%1", clock_text(local))
                .replace("%2", local.tzname() or "")
            )
            self.local_clock.show()
        else:
            self.local_clock.hide()

    def set_day(self, snapshot: Snapshot, main_line_today: DayPlan | None) -> None:
        """At transitions: the day's note — the holiday, a special day, or today's hours."""
        weekday = weekday_long(QLocale(), snapshot.at)
        plan = main_line_today
        if snapshot.holiday:
            text = self.tr("Today is a holiday: %1").replace("%1", snapshot.holiday)
        elif plan is not None and plan.reason:
            text = self.tr("Today: %1").replace("%1", plan.reason)
        elif plan is not None and plan.spans:
            hours = ", ".join(span_text(s, e) for s, e in plan.spans)
            text = self.tr("%1: hours %2").replace("%1", weekday).replace("%2", hours)
        else:
            text = self.tr("%1: no service hours today").replace("%1", weekday)
        self.today.setText(text)
        self.today.setProperty("holiday", bool(snapshot.holiday))
