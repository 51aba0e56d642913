"""The supervisor's settings dialog: sidebar of sections, the working copy, Save and Cancel.

Edits go to a :class:`Draft`; the model validates it after every keystroke; Save is enabled
only when nothing is wrong, and writes through ``ConfigStore.save`` (atomic, with backups,
refusing to overwrite a file that changed since the dialog opened it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.calendar import HolidayCalendar, holidays_from_package
from app.domain.model import Config
from app.storage.config_store import ConfigStore, LoadedConfig
from app.storage.pin import PinRuleError, clear_pin, pin_path_for, set_pin
from app.ui.clock import Clock
from app.ui.settings.draft import Draft, is_under
from app.ui.settings.fields import INVALID_STYLE, Binder, error_colour
from app.ui.settings.file_actions import FileActions
from app.ui.settings.pages.base import Page, PageContext
from app.ui.settings.pages.channels import ChannelsPage
from app.ui.settings.pages.coverage import CoveragePage
from app.ui.settings.pages.escalation import EscalationPage
from app.ui.settings.pages.organisation import OrganisationPage
from app.ui.settings.pages.replies import RepliesPage
from app.ui.settings.pages.request_types import RequestTypesPage
from app.ui.settings.pages.schedules import SchedulesPage
from app.ui.settings.pages.special_days import SpecialDaysPage
from app.ui.settings.problem_path import readable_path
from app.ui.settings.prompts import MessageBoxPrompts, Prompts
from app.ui.settings.signing import Signing

CalendarFactory = Callable[[Config], HolidayCalendar]
PREFERRED_SIZE = QSize(1040, 720)
FRAME_GUESS = QMargins(8, 40, 8, 8)  # a title bar and borders, when the platform has not said


class SettingsDialog(QDialog):
    """Edit the active configuration; ``saved`` carries the new :class:`LoadedConfig`."""

    saved = Signal(object)

    def __init__(
        self,
        loaded: LoadedConfig,
        source: Services | ConfigStore,
        clock: Clock,
        *,
        calendar_factory: CalendarFactory | None = None,
        holiday_countries: Callable[[], Iterable[str]] | None = None,
        lang: str = "es",
        read_only: bool = False,
        managed_by: str | None = None,
        prompts: Prompts | None = None,
        signing_key: Path | None = None,
        remember_signing_key: Callable[[Path], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``source``: the console's Services, or a bare ConfigStore (then holidays come from
        ``calendar_factory`` or straight from the package)."""
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.loaded = loaded
        self.clock = clock
        self.lang = lang
        if isinstance(source, Services):
            services = source
            self.store = services.store
            calendar_factory = calendar_factory or (
                lambda c: HolidayCalendar(c.holiday_country, lang, services.holidays)
            )
            holiday_countries = holiday_countries or services.holidays.supported_countries
        else:
            self.store = source
        self.calendar_factory: CalendarFactory = calendar_factory or (
            lambda c: HolidayCalendar(c.holiday_country, lang, holidays_from_package)
        )
        self._calendars: dict[str, HolidayCalendar] = {}
        self.holiday_countries_source = holiday_countries
        self.copy_dialog: SettingsDialog | None = None  # "Edit a copy…" of a published one
        self.managed_by = managed_by or self.store.locked_by
        self.read_only = read_only or self.store.read_only
        self.prompts: Prompts = prompts or MessageBoxPrompts(self)
        self.draft = Draft(loaded.config, lang=lang)
        self.binder = Binder(self.draft, self.read_only, self._today, self)
        self.context = PageContext(self.binder, clock.now, self._calendar, holiday_countries)
        self.files = FileActions(self)
        self.signing = Signing(self, signing_key, remember_signing_key)
        self._build()
        self.draft.subscribe(self._update_state)
        self._update_state()
        self.sidebar.setCurrentRow(0)
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        self.fit_to(screen.availableGeometry())

    # construction -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Settings — Canales"))
        self.setStyleSheet(INVALID_STYLE % error_colour(self))
        layout = QVBoxLayout(self)
        self.banner = QLabel(
            self.tr("Configuration managed by %1; read only").replace(
                "%1", self.managed_by or self.tr("your IT department")
            )
        )
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(self.read_only)
        if self.store.published_at is not None:
            self.banner.setText(
                self.tr(
                    "This configuration is published at %1; it is read only here. "
                    "“Edit a copy…” saves a copy to edit (signed when the policy trusts "
                    "signing keys) for you to publish with your organisation's own means."
                ).replace("%1", self.store.published_at.url)
            )
        if not self.read_only and self.store.requires_signature:
            self.banner.setText(
                self.tr(
                    "The managed policy requires signed configuration files: Save signs "
                    "with your secret key (its password is asked each time)."
                )
            )
            self.banner.show()
        layout.addWidget(self.banner)
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setAccessibleDescription(self.tr("Choose the part of the settings to edit"))
        self.sidebar.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.pages: list[Page] = [
            OrganisationPage(self.context),
            SchedulesPage(self.context),
            SpecialDaysPage(self.context),
            ChannelsPage(self.context),
            EscalationPage(self.context),
            RequestTypesPage(self.context),
            RepliesPage(self.context),
            CoveragePage(self.context, saved=lambda: self.loaded.config),
        ]
        for page in self.pages:
            self.sidebar.addItem(page.title)
            self.stack.addWidget(page)
        self.sidebar.currentRowChanged.connect(self.show_page)
        middle = QHBoxLayout()
        middle.addWidget(self.sidebar)
        middle.addWidget(self.stack, 1)
        layout.addLayout(middle, 1)
        layout.addLayout(self._buttons())
        for keys, slot in (
            ("Ctrl+S", self.save),
            ("Ctrl+PgDown", lambda: self._step(+1)),
            ("Ctrl+PgUp", lambda: self._step(-1)),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.restore_button = self._button(
            self.tr("&Restore backup…"),
            self.tr("Load an earlier saved version into the dialog"),
            self.files.restore_backup,
        )
        self.import_button = self._button(
            self.tr("&Import…"),
            self.tr("Replace the configuration with a file, after checking it"),
            self.files.import_file,
        )
        self.export_button = self._button(
            self.tr("&Export…"),
            self.tr("Write the saved configuration to a file"),
            self.files.export_file,
        )
        self.pin_button = self._button(
            self.tr("Supervisor &PIN…"),
            self.tr("Set, change or remove the PIN that guards these settings"),
            self.change_pin,
        )
        self.problem_label = QLabel()
        self.problem_label.setObjectName("problemCount")
        self.save_button = self._button(
            self.tr("&Save"),
            self.tr("Save the configuration for every console (Ctrl+S)"),
            self.save,
        )
        self.cancel_button = self._button(
            self.tr("Cancel"), self.tr("Close without saving; discards every change"), self.reject
        )
        for button in (
            self.restore_button,
            self.import_button,
            self.export_button,
            self.pin_button,
        ):
            row.addWidget(button)
        if self.store.published_at is not None:
            from app.ui.settings.published_copy import edit_a_copy  # noqa: PLC0415

            self.copy_button = self._button(
                self.tr("Edit a &copy…"),
                self.tr("Save a copy of the published configuration to edit and publish"),
                lambda: edit_a_copy(self),
            )
            row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(self.problem_label)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        self.restore_button.setEnabled(not self.read_only)
        self.import_button.setEnabled(not self.read_only)
        self.pin_button.setEnabled(not self.read_only)
        return row

    def _button(self, text: str, description: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def fit_to(self, available: QRect, frame: QMargins | None = None) -> None:
        """Size and place the dialog so that all of it, title bar included, lies in
        ``available`` (a screen without its taskbars): 1040×720 where there is room, less on a
        laptop, where the pages scroll inside and Save and Cancel stay on screen.

        ``frame`` is the window frame's thickness; by default the console window's (the
        dialog's own is unknown until it is shown), else a generous guess.
        """
        frame = frame if frame is not None else self._frame_margins()
        room = available.marginsRemoved(frame)
        size = PREFERRED_SIZE.boundedTo(room.size()).expandedTo(self.minimumSizeHint())
        self.resize(size)
        parent = self.parentWidget()
        client = QRect(QPoint(0, 0), size)
        client.moveCenter(parent.window().geometry().center() if parent else room.center())
        # into the room; right and bottom first, so that the top left stays in view anyway
        client.moveRight(min(client.right(), room.right()))
        client.moveBottom(min(client.bottom(), room.bottom()))
        client.moveLeft(max(client.left(), room.left()))
        client.moveTop(max(client.top(), room.top()))
        self.move(client.left() - frame.left(), client.top() - frame.top())  # the frame's corner

    def _frame_margins(self) -> QMargins:
        parent = self.parentWidget()
        handle = parent.window().windowHandle() if parent is not None else None
        margins = handle.frameMargins() if handle is not None else QMargins()
        return margins if not margins.isNull() else FRAME_GUESS

    # helpers for the pages --------------------------------------------------------------------

    def _today(self) -> dt.date:
        return self.clock.now().astimezone(self.draft.last_valid.zone).date()

    def _calendar(self) -> tuple[Config, HolidayCalendar]:
        config = self.draft.last_valid
        key = config.holiday_country
        if key not in self._calendars:
            self._calendars[key] = self.calendar_factory(config)
        return config, self._calendars[key]

    # navigation -------------------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.stack.setCurrentIndex(index)
            self.pages[index].shown()
            self._update_state()

    def page(self, kind: type[Page]) -> Page:
        return next(p for p in self.pages if isinstance(p, kind))

    def _step(self, step: int) -> None:
        self.sidebar.setCurrentRow((self.sidebar.currentRow() + step) % len(self.pages))

    # state ------------------------------------------------------------------------------------

    @property
    def problems(self) -> int:
        return len(self.draft.problems)

    def _update_state(self) -> None:
        count = self.problems
        if count:
            self.problem_label.setText(self.tr("%n problem(s)", "count beside Save", count))
            self.problem_label.setStyleSheet(f"color: {error_colour(self)}; font-weight: 600;")
            self.problem_label.setToolTip(
                "\n".join(
                    f"{self.place(p.path)}: {p.message}" if p.path else p.message
                    for p in self.draft.problems[:12]
                )
            )
        else:
            self.problem_label.setText(self.tr("Unsaved changes") if self.draft.dirty else "")
            self.problem_label.setStyleSheet("")
            self.problem_label.setToolTip("")
        self.problem_label.setAccessibleName(self.problem_label.text())
        self.save_button.setEnabled(not self.read_only and count == 0 and self.draft.dirty)
        for row, page in enumerate(self.pages):
            item = self.sidebar.item(row)
            mine = [
                p
                for p in self.draft.problems
                if any(is_under(p.path or "", s) for s in page.sections)
            ]
            item.setText(f"{page.title} ({len(mine)})" if mine else page.title)
            item.setToolTip(
                self.tr("%n problem(s)", "count beside Save", len(mine)) if mine else ""
            )
            item.setForeground(self.palette().text() if not mine else self._error_brush())

    def place(self, path: str) -> str:
        """Where a problem is, as the dialog names it (the JSON path is the CLI's)."""
        sections = {key: page.title for page in self.pages for key in page.sections}
        return readable_path(self.draft.document, path, sections, self.draft.lang)

    def _error_brush(self) -> QBrush:
        return QBrush(QColor(error_colour(self)))

    def start_over(self, loaded: LoadedConfig) -> None:
        """Show ``loaded`` with no unsaved edits (after a save, reload or import)."""
        self.loaded = loaded
        self.draft.reset(loaded.config)
        self.rebuild_pages()

    def rebuild_pages(self) -> None:
        for page in self.pages:
            page.refresh()
        self._update_state()

    # save and cancel --------------------------------------------------------------------------

    def change_pin(self) -> bool:
        """Set, change or (left empty) remove the PIN; it lives beside the active config, so a
        shared or managed configuration carries its own."""
        title = self.tr("Supervisor PIN")
        pin = self.prompts.secret(title, self.tr("New PIN (empty: no PIN)"))
        if pin is None:
            return False
        path = pin_path_for(self.store.path)
        try:
            if not pin:
                clear_pin(path)
                self.prompts.info(title, self.tr("The settings no longer ask for a PIN."))
                return True
            if self.prompts.secret(title, self.tr("The same PIN again")) != pin:
                self.prompts.error(title, self.tr("The two PINs differ; nothing changed."))
                return False
            set_pin(path, pin, lang=self.lang)
        except PinRuleError as exc:
            self.prompts.error(title, str(exc))
            return False
        except OSError as exc:
            self.prompts.error(title, f"{path}: {exc.strerror or exc}")
            return False
        self.prompts.info(title, self.tr("PIN saved; the settings will ask for it."))
        return True

    def save(self) -> bool:
        """Write the draft; False when nothing was written (problems, conflict declined…)."""
        if self.read_only or self.draft.config is None or not self.draft.dirty:
            return False
        written = self.files.save(self.draft.config)
        if written is None:
            return False
        self.start_over(written)
        self.saved.emit(written)
        super().accept()
        return True

    def accept(self) -> None:
        """Enter or a programmatic accept means Save: never close with edits unwritten."""
        self.save()

    def reject(self) -> None:
        """Cancel, Esc or the close box: ask before discarding unsaved changes."""
        if self.draft.dirty and not self.read_only:
            if not self.prompts.confirm(
                self.tr("Discard changes?"),
                self.tr("The settings have unsaved changes. Close and discard them?"),
            ):
                return
            self.draft.reset(self.loaded.config)
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field must not save and close the dialog; on a button it presses it."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QAbstractButton):
                focus.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.setStyleSheet(INVALID_STYLE % error_colour(self))
        super().changeEvent(event)
