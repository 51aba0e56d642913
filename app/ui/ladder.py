"""The escalation ladder: level 1 → 2 → 3, each with its contacts and whether it is reachable."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core.contact_kinds import search_text
from app.domain.availability import Availability
from app.domain.model import Config, EscalationLevel
from app.ui.actions import ContactActions
from app.ui.contact_row import ContactRow
from app.ui.formatting import hours_text
from app.ui.state_badge import StateBadge
from app.ui.theme import Swatch


class LevelBox(QFrame):
    def __init__(
        self,
        level: EscalationLevel,
        config: Config,
        actions: ContactActions,
        swatches: Mapping[str, Swatch],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.level = level
        self._search = search_text(level)
        self.setObjectName("levelBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        top = QHBoxLayout()
        number = QLabel(str(level.level))
        number.setObjectName("levelNumber")
        number.setAccessibleName(self.tr("Level %1").replace("%1", str(level.level)))
        top.addWidget(number)
        self.title = QLabel(level.name)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.badge = StateBadge(swatches)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        if level.schedule:
            hours = hours_text(QLocale(), config.schedule(level.schedule))
        else:
            hours = self.tr("Hours not published")
        self.hours = QLabel(hours)
        self.hours.setObjectName("cardHours")
        self.hours.setWordWrap(True)
        layout.addWidget(self.hours)
        self.contacts = [ContactRow(c, actions, lang) for c in level.contacts]
        for row in self.contacts:
            layout.addWidget(row)
        self.setAccessibleName(
            self.tr("Escalation level %1: %2")
            .replace("%1", str(level.level))
            .replace("%2", level.name)
        )

    def set_availability(self, av: Availability) -> None:
        self.badge.set_availability(av)

    def apply_filter(self, query: str) -> bool:
        """Show the level if it or any contact matches; narrow to the matching contacts."""
        name_hit = not query or query in self.level.name.casefold()
        visible_rows = 0
        for row in self.contacts:
            shown = name_hit or row.matches(query)
            row.setVisible(shown)
            visible_rows += shown
        shown = name_hit or visible_rows > 0
        self.setVisible(shown)
        return shown


class EscalationPanel(QWidget):
    def __init__(
        self,
        config: Config,
        actions: ContactActions,
        swatches: Mapping[str, Swatch],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalationPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        heading = QLabel(self.tr("Escalation ladder"))
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)
        self.levels: list[LevelBox] = []
        for index, level in enumerate(config.escalation):
            if index:
                arrow = QLabel("↓")
                arrow.setObjectName("ladderArrow")
                arrow.setAccessibleName(self.tr("then"))
                layout.addWidget(arrow)
            box = LevelBox(level, config, actions, swatches, lang)
            layout.addWidget(box)
            self.levels.append(box)
        layout.addStretch(1)
        self.setAccessibleName(self.tr("Escalation ladder"))

    def set_availabilities(self, availabilities: list[Availability]) -> None:
        for box, av in zip(self.levels, availabilities, strict=True):
            box.set_availability(av)

    def apply_filter(self, query: str) -> None:
        for box in self.levels:
            box.apply_filter(query)
