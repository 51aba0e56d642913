"""Organisation, the support centre's clock, the agent's own time, and today's note.

The title, tagline and the day's note come worded from the core's board; the clocks tick here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.core.board import BoardView as Board
from app.core.phrases import clock_of, date_text


class Header(QWidget):
    def __init__(self, board: Board, zone: dt.tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self._zone = zone
        self._timezone = board.timezone
        self._lang = board.lang
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 10, 14, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.title = QLabel(board.title)
        self.title.setObjectName("orgTitle")
        self.title.setWordWrap(True)
        grid.addWidget(self.title, 0, 0)
        self.tagline = QLabel(board.tagline)
        self.tagline.setObjectName("tagline")
        self.tagline.setWordWrap(True)
        self.tagline.setVisible(bool(board.tagline))
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
        self.set_board(board)

    def set_compact(self, compact: bool) -> None:
        self.centre_caption.setWordWrap(compact)
        self.title.setVisible(not compact)
        self.tagline.setVisible(not compact and bool(self.tagline.text()))

    def tick(self, now: dt.datetime) -> None:
        """Once a second: the clocks only."""
        centre = now.astimezone(self._zone)
        self.centre_clock.setText(clock_of(centre, seconds=True))
        self.centre_clock.setAccessibleName(
            self.tr("Support centre time %1").replace("%1", clock_of(centre))
        )
        caption = f"{date_text(centre.date(), self._lang)} · {self._timezone}"
        self.centre_caption.setText(caption)
        self.centre_caption.setToolTip(self.tr("Date and time zone of the support centre"))
        local = now.astimezone()
        if local.utcoffset() != centre.utcoffset():
            self.local_clock.setText(
                self.tr("Your time: %1 %2")
                .replace("%1", clock_of(local))
                .replace("%2", local.tzname() or "")
            )
            self.local_clock.show()
        else:
            self.local_clock.hide()

    def set_source(self, text: str) -> None:
        """Where the configuration comes from and who signed it (worded by the core)."""
        self.setToolTip(text)
        self.title.setToolTip(text)

    def set_board(self, board: Board) -> None:
        """At transitions: the day's note — the holiday, a special day, or today's hours."""
        self.today.setText(board.today)
        self.today.setProperty("holiday", bool(board.holiday))
