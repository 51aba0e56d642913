"""Cobertura: when no channel serving a request type is open, computed from the draft.

Recomputed by the real engine (``app.domain.coverage``) from the settings being edited, a
moment after each change (debounced on the draft's change notification), so a change that opens
a gap shows here before Save; lines that differ from the saved configuration's are marked. The
words are the core's (``app.core.coverage_text``), the same as ``canales coverage``.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTextBrowser, QWidget

from app.core.coverage_text import CoverageView, coverage_view
from app.domain.availability import AvailabilityEngine
from app.domain.coverage import DEFAULT_DAYS, MAX_DAYS, coverage
from app.domain.model import Config
from app.domain.wall_clock import OutOfRange
from app.ui.settings.fields import error_colour
from app.ui.settings.pages.base import Page, PageContext

DEBOUNCE_MS = 250
NEW_MARK = "▲"


class CoveragePage(Page):
    """Read-only: no section of the document is edited here, so no problem belongs to it."""

    sections = ()
    updated = Signal()  # after every recomputation (tests wait on it)

    def __init__(
        self,
        context: PageContext,
        saved: Callable[[], Config],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, self.tr("Coverage"), parent)
        self._saved = saved
        self._stale = True
        self.view: CoverageView | None = None
        intro = QLabel(
            self.tr(
                "When no channel serving a request type is open in the coming days, with the "
                "settings as edited here (before saving). Holidays and special days included."
            )
        )
        intro.setWordWrap(True)
        self.days = QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.setAccessibleName(self.tr("Days ahead"))
        self.days.setAccessibleDescription(self.tr("How many days from today the report covers"))
        self.days.valueChanged.connect(lambda _value: self.refresh())
        days_label = QLabel(self.tr("&Period:"))
        days_label.setBuddy(self.days)
        row = QHBoxLayout()
        row.addWidget(days_label)
        row.addWidget(self.days)
        row.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("coverageStatus")
        self.status.setWordWrap(True)
        self.report = QTextBrowser()
        self.report.setObjectName("coverageReport")
        self.report.setOpenLinks(False)
        self.report.setAccessibleName(self.tr("Coverage report"))
        self.report.setAccessibleDescription(
            self.tr("Periods without an open channel, per request type")
        )
        self.body.addWidget(intro)
        self.body.addLayout(row)
        self.body.addWidget(self.status)
        self.body.addWidget(self.report, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        context.draft.subscribe(self._changed)

    # when to recompute ---------------------------------------------------------------------------

    def _changed(self) -> None:
        """Every edit: recompute a moment later if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self._debounce.start()

    def shown(self) -> None:
        if self._stale:
            self.refresh()

    # computing and showing -------------------------------------------------------------------

    def text(self) -> str:
        return self.report.toPlainText()

    def refresh(self) -> None:
        self._debounce.stop()
        self._stale = False
        config = self.context.draft.config
        if config is None:
            self._say(
                self.tr("The settings have problems: correct them to see the coverage."), True
            )
            self.report.clear()
            self.view = None
            self.updated.emit()
            return
        saved_config = self._saved()
        try:
            self.view = self._view(config)
            # the calendar is the draft's country's: compare only when the saved one agrees
            same_country = saved_config.holiday_country == config.holiday_country
            saved = self._view(saved_config) if same_country else self.view
        except (OutOfRange, ValueError) as exc:  # a clock or a window past year 9999
            self._say(str(exc), True)
            self.updated.emit()
            return
        self._show(self.view, saved)
        self.updated.emit()

    def _view(self, config: Config) -> CoverageView:
        _last_valid, calendar = self.context.calendar()  # the valid draft's country
        engine = AvailabilityEngine(config, calendar)
        report = coverage(engine, self.context.now(), self.days.value())
        return coverage_view(report, config, self.context.draft.lang)

    def _say(self, text: str, problem: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {error_colour(self)};" if problem else "")
        self.status.setVisible(bool(text))

    def _show(self, view: CoverageView, saved: CoverageView) -> None:
        before = {t.id: set(t.lines) | set(t.fallback_lines) for t in saved.types}
        changed = 0
        parts = [f"<p><b>{html.escape(view.title)}</b></p>"]
        for t in view.types:
            parts.append(f"<p style='margin-top:10px'><b>{html.escape(t.name)}</b></p><ul>")
            for line in (*t.lines, *t.fallback_lines):
                text = html.escape(line.strip())
                if line not in before.get(t.id, set()):
                    changed += 1
                    colour = error_colour(self)
                    text = f"<span style='color:{colour}'>{NEW_MARK} {text}</span>"
                parts.append(f"<li>{text}</li>")
            parts.append("</ul>")
        self.report.setHtml("".join(parts))
        if changed:
            self._say(
                self.tr("%1 Differs from the saved configuration (not saved yet)").replace(
                    "%1", NEW_MARK
                ),
                True,
            )
        else:
            self._say("", False)
