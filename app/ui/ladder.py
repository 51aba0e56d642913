"""The escalation ladder: level 1 → 2 → 3, each with its contacts and whether it is reachable.

Each level renders an :class:`EntryView` from the core, as the channel cards do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.board import EntryView
from app.ui.actions import ContactActions
from app.ui.contact_row import ContactRow
from app.ui.state_badge import StateBadge
from app.ui.theme import Swatch


class LevelBox(QFrame):
    escalate_requested = Signal()

    def __init__(
        self,
        view: EntryView,
        actions: ContactActions,
        swatches: Mapping[str, Swatch],
        parent: QWidget | None = None,
        target: str | None = None,
    ) -> None:
        """``target``: the level's response time as the core words it, when the console keeps
        cases (then the level has "Escalar", which starts one)."""
        super().__init__(parent)
        self.level = view  # the latest view of this level (set_view replaces it)
        self.setObjectName("levelBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        top = QHBoxLayout()
        number = QLabel(str(view.level))
        number.setObjectName("levelNumber")
        number.setAccessibleName(self.tr("Level %1").replace("%1", str(view.level)))
        top.addWidget(number)
        self.title = QLabel(view.name)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.badge = StateBadge(swatches)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.hours = QLabel(view.hours)
        self.hours.setObjectName("cardHours")
        self.hours.setWordWrap(True)
        layout.addWidget(self.hours)
        self.contacts = [ContactRow(c, actions) for c in view.contacts]
        for row in self.contacts:
            layout.addWidget(row)
        self.escalate_button: QPushButton | None = None
        self.target: QLabel | None = None
        if target is not None:
            self._add_escalate(layout, view, target)
        self.setAccessibleName(
            self.tr("Escalation level %1: %2")
            .replace("%1", str(view.level))
            .replace("%2", view.name)
        )
        self.set_view(view)

    def _add_escalate(self, layout: QVBoxLayout, view: EntryView, target: str) -> None:
        row = QHBoxLayout()
        self.target = QLabel(target)
        self.target.setObjectName("cardHours")
        self.target.setWordWrap(True)
        row.addWidget(self.target, 1)
        self.escalate_button = QPushButton(self.tr("Escalate"))
        self.escalate_button.setObjectName("escalateButton")
        self.escalate_button.setAccessibleName(
            self.tr("Escalate a case to level %1: %2")
            .replace("%1", str(view.level))
            .replace("%2", view.name)
        )
        self.escalate_button.setToolTip(self.escalate_button.accessibleName())
        self.escalate_button.setAccessibleDescription(
            self.tr("Starts a case with a ticket id and a note, timed against the response time")
        )
        self.escalate_button.clicked.connect(self.escalate_requested.emit)
        row.addWidget(self.escalate_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(row)

    def set_view(self, view: EntryView) -> None:
        self.level = view
        self.badge.set_state(view.state, view.state_text)

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
    escalate_requested = Signal(int)  # the level's index in the ladder

    def __init__(
        self,
        views: Sequence[EntryView],
        actions: ContactActions,
        swatches: Mapping[str, Swatch],
        parent: QWidget | None = None,
        targets: Sequence[str] | None = None,
    ) -> None:
        """``targets``: each level's response time in words, when cases can be started."""
        super().__init__(parent)
        self.setObjectName("escalationPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        heading = QLabel(self.tr("Escalation ladder"))
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)
        self.levels: list[LevelBox] = []
        self.arrows: list[QLabel] = []  # arrows[i] sits above levels[i + 1]
        for index, view in enumerate(views):
            if index:
                arrow = QLabel("↓")
                arrow.setObjectName("ladderArrow")
                arrow.setAccessibleName(self.tr("then"))
                layout.addWidget(arrow)
                self.arrows.append(arrow)
            box = LevelBox(
                view, actions, swatches, target=None if targets is None else targets[index]
            )
            box.escalate_requested.connect(lambda i=index: self.escalate_requested.emit(i))
            layout.addWidget(box)
            self.levels.append(box)
        self.no_match = QLabel(self.tr("No matches"))
        self.no_match.setObjectName("noMatch")
        self.no_match.hide()
        layout.addWidget(self.no_match)
        self.below = QVBoxLayout()  # the open cases go here, under the ladder
        layout.addLayout(self.below)
        layout.addStretch(1)
        self.setAccessibleName(self.tr("Escalation ladder"))

    def set_views(self, views: Sequence[EntryView]) -> None:
        for box, view in zip(self.levels, views, strict=True):
            box.set_view(view)

    def apply_filter(self, query: str) -> None:
        """Hide the levels that do not match; an arrow only between two shown levels (the
        ladder's order still reads top to bottom), and a line when none is left."""
        shown = [box.apply_filter(query) for box in self.levels]
        seen = False
        for index, box_shown in enumerate(shown):
            if index:
                self.arrows[index - 1].setVisible(seen and box_shown)
            seen = seen or box_shown
        self.no_match.setVisible(not seen and bool(self.levels))


class LadderScroll(QScrollArea):
    """The ladder's pane: never narrower than its content plus a vertical scroll bar. Without
    this the splitter gave it less than the level boxes need (1280–1366 px desktops) and, with
    no horizontal scroll bar, their right side ran under the window's edge, margin and all."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = (
            content.minimumSizeHint().width()
            + self.verticalScrollBar().sizeHint().width()
            + 2 * self.frameWidth()
        )
        return QSize(max(hint.width(), width), hint.height())
