"""The day × interval editor: for each weekday its ``HH:MM–HH:MM`` rows, added and removed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.domain.model import WEEKDAYS
from app.ui.settings.draft import Path
from app.ui.settings.fields import Binder
from app.ui.settings.rows import PairRows

TIME_WIDTH = 64


def _next_interval(items: list[Any]) -> dict[str, str]:
    """A new row: office hours on an empty day, else an afternoon after the last interval."""
    if not items:
        return {"start": "08:00", "end": "17:00"}
    last = items[-1] if isinstance(items[-1], dict) else {}
    start = str(last.get("end", "12:00"))
    return {"start": start, "end": "24:00" if start < "23:00" else "23:59"}


class IntervalRows(PairRows):
    """The intervals of one day (or of one special day), side by side."""

    def __init__(
        self, binder: Binder, path: Path, day_name: str, parent: QWidget | None = None
    ) -> None:
        self.day_name = day_name
        super().__init__(
            binder,
            path,
            keys=("start", "end"),
            names=lambda i: (
                QCoreApplication.translate("IntervalRows", "%1, interval %2, from")
                .replace("%1", day_name)
                .replace("%2", str(i + 1)),
                QCoreApplication.translate("IntervalRows", "%1, interval %2, until")
                .replace("%1", day_name)
                .replace("%2", str(i + 1)),
            ),
            placeholders=("HH:MM", "HH:MM"),
            separator="–",
            new_item=_next_interval,
            add_text=QCoreApplication.translate("IntervalRows", "+ Interval"),
            add_name=QCoreApplication.translate("IntervalRows", "Add an interval to %1").replace(
                "%1", day_name
            ),
            add_description=QCoreApplication.translate(
                "IntervalRows", "Add opening hours to %1"
            ).replace("%1", day_name),
            remove_name=lambda i: (
                QCoreApplication.translate("IntervalRows", "Remove interval %2 of %1")
                .replace("%1", day_name)
                .replace("%2", str(i + 1))
            ),
            horizontal=True,
            widths=(TIME_WIDTH, TIME_WIDTH),
            parent=parent,
        )


class WeekEditor(QWidget):
    """Seven rows, Monday first; a day without intervals is closed."""

    def __init__(self, binder: Binder, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        locale = QLocale()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.days: dict[str, IntervalRows] = {}
        for weekday, key in enumerate(WEEKDAYS):
            name = locale.dayName(weekday + 1, QLocale.FormatType.LongFormat)
            name = name[:1].upper() + name[1:]
            label = QLabel(name)
            rows = IntervalRows(binder, (*path, key), name)
            label.setBuddy(rows.add_button)
            label.setMinimumHeight(rows.line_height())  # level with it, problems or not
            grid.addWidget(label, weekday, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(rows, weekday, 1)
            self.days[key] = rows
        grid.setColumnStretch(1, 1)
