"""The settings dialog: sections on the left, the section's editor on the right, and a footer
that says how many problems block Save. Nothing is written until Save, and then atomically."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Services
from app.domain.calendar import HolidayCalendar
from app.storage.atomic import atomic_write_bytes, list_backups
from app.storage.config_store import (
    ConfigConflict,
    ConfigFileError,
    LoadedConfig,
    config_to_bytes,
    file_digest,
)
from app.storage.pin import PinRuleError, clear_pin, pin_path_for, set_pin
from app.ui.clock import Clock
from app.ui.supervisor import pages
from app.ui.supervisor.draft import Draft
from app.ui.supervisor.fields import Binder

Ask = Callable[[str, str, Sequence[tuple[str, str]]], str | None]
ChooseFile = Callable[[str, bool], Path | None]
ChooseItem = Callable[[str, Sequence[str]], int | None]
AskText = Callable[[str, str], str | None]


def ask_with_message_box(title: str, text: str, choices: Sequence[tuple[str, str]]) -> str | None:
    box = QMessageBox(QMessageBox.Icon.Question, title, text)
    buttons = [
        (box.addButton(label, QMessageBox.ButtonRole.ActionRole), key) for key, label in choices
    ]
    box.exec()
    clicked = box.clickedButton()
    return next((key for button, key in buttons if button is clicked), None)


def choose_file_with_dialog(title: str, saving: bool) -> Path | None:
    pattern = "JSON (*.json)"
    if saving:
        name, _ = QFileDialog.getSaveFileName(None, title, "canales-config.json", pattern)
    else:
        name, _ = QFileDialog.getOpenFileName(None, title, "", pattern)
    return Path(name) if name else None


def ask_secret_with_dialog(title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(None, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def choose_item_with_dialog(title: str, items: Sequence[str]) -> int | None:
    item, ok = QInputDialog.getItem(None, title, title, list(items), 0, False)
    return list(items).index(item) if ok else None


class SettingsDialog(QDialog):
    saved = Signal(object)  # LoadedConfig

    def __init__(
        self,
        loaded: LoadedConfig,
        services: Services,
        clock: Clock,
        *,
        lang: str,
        read_only: bool = False,
        managed_by: str | None = None,
        ask: Ask = ask_with_message_box,
        choose_file: ChooseFile = choose_file_with_dialog,
        choose_item: ChooseItem = choose_item_with_dialog,
        ask_secret: AskText = ask_secret_with_dialog,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Canales — settings"))
        self.resize(1100, 720)
        self.services = services
        self.store = services.store
        self.clock = clock
        self.lang = lang
        self.read_only = read_only
        self._ask = ask
        self._choose_file = choose_file
        self._choose_item = choose_item
        self._ask_secret = ask_secret
        self._digest = None if loaded.is_default else loaded.digest
        self._calendars: dict[str, HolidayCalendar] = {}
        self.draft = self._new_draft(loaded)
        self.binder = Binder(self.draft, read_only, self)
        self.binder.changed.connect(self._update_footer)

        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setMaximumWidth(210)
        self.pages = QStackedWidget()
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(read_only)
        if read_only:
            self.banner.setText(
                self.tr("Configuration managed by %1; read only").replace(
                    "%1", managed_by or self.tr("IT")
                )
            )
        self.problems = QLabel()
        self.problems.setObjectName("problemCount")
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName(self.tr("Problems"))
        footer = QHBoxLayout()
        self.restore_button = self._button(self.tr("Restore backup…"), self.restore, footer)
        self.import_button = self._button(self.tr("Import…"), self.import_file, footer)
        self.export_button = self._button(self.tr("Export…"), self.export_file, footer)
        self.pin_button = self._button(self.tr("Supervisor PIN…"), self.change_pin, footer)
        footer.addWidget(self.problems, 1)
        self.cancel_button = self._button(self.tr("Cancel"), self.reject, footer)
        self.save_button = self._button(self.tr("Save"), self.save, footer)
        self.save_button.setDefault(True)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        layout.addLayout(footer)
        self._build_pages()
        self._update_footer()

    # construction -----------------------------------------------------------------------------

    def _button(self, text: str, slot: Callable[[], object], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _new_draft(self, loaded: LoadedConfig) -> Draft:
        document = json.loads(config_to_bytes(loaded.config))
        return Draft(
            document, lang=self.lang, holiday_countries=self.services.holidays.supported_countries()
        )

    def _calendar(self, country: str) -> HolidayCalendar:
        if country not in self._calendars:
            self._calendars[country] = HolidayCalendar(country, self.lang, self.services.holidays)
        return self._calendars[country]

    def _build_pages(self) -> None:
        current = max(0, self.sections.currentRow())
        self.sections.clear()
        while (old := self.pages.widget(0)) is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.binder.forget("")
        today = self.clock.now().astimezone(self._zone()).date()
        preview = pages.schedule_preview(self.binder, self._calendar, today)
        for title, page in (
            (self.tr("Organisation"), pages.organisation_page(self.binder, self._countries())),
            (self.tr("Schedules"), pages.schedules_page(self.binder, preview)),
            (self.tr("Special days"), pages.special_days_page(self.binder)),
            (self.tr("Channels"), pages.channels_page(self.binder)),
            (self.tr("Escalation"), pages.escalation_page(self.binder)),
            (self.tr("Request types"), pages.request_types_page(self.binder)),
        ):
            self.sections.addItem(title)
            self.pages.addWidget(page)
        self.sections.setCurrentRow(current)
        self.binder.refresh_errors()

    def _zone(self) -> dt.tzinfo:
        config = self.draft.config
        return config.zone if config is not None else dt.UTC

    def _countries(self) -> list[str]:
        return sorted(self.services.holidays.supported_countries())

    def page_index(self, title: str) -> int:
        return next(
            i for i in range(self.sections.count()) if self.sections.item(i).text() == title
        )

    # state --------------------------------------------------------------------------------------

    def _update_footer(self) -> None:
        count = len(self.draft.problems)
        if count:
            first = self.draft.problems[0]
            where = f"{first.path}: " if first.path else ""
            self.problems.setText(
                self.tr("%n problem(s) — Save is disabled. First: %1", "", count).replace(
                    "%1", where + first.message
                )
            )
        else:
            self.problems.setText(self.tr("No problems") if self.draft.dirty else "")
        valid = count == 0
        self.save_button.setEnabled(valid and not self.read_only and self.draft.dirty)
        self.export_button.setEnabled(valid)
        self.import_button.setEnabled(not self.read_only)
        self.restore_button.setEnabled(not self.read_only)
        self.pin_button.setEnabled(not self.read_only)

    def _replace_document(self, loaded: LoadedConfig, *, dirty: bool) -> None:
        document = json.loads(config_to_bytes(loaded.config))
        self.draft.document = document
        self.draft.validate()
        if not dirty:
            self.draft.mark_saved()
        self._build_pages()
        self._update_footer()

    # actions ------------------------------------------------------------------------------------

    def save(self) -> bool:
        config = self.draft.config
        if config is None or self.read_only:
            return False
        stamp = self.clock.now().astimezone()
        try:
            saved = self.store.save(config, expected_digest=self._digest, stamp=stamp)
        except ConfigConflict:
            return self._resolve_conflict()
        except ConfigFileError as exc:
            self.problems.setText("\n".join(exc.lines()))
            return False
        self._digest = saved.digest
        self.draft.mark_saved()
        self.saved.emit(saved)
        self.accept()
        return True

    def _resolve_conflict(self) -> bool:
        choice = self._ask(
            self.tr("The file changed on disk"),
            self.tr(
                "Someone else saved the configuration after this dialog was opened. Reload "
                "their version (your changes here are lost) or overwrite it (theirs is kept "
                "as a backup)?"
            ),
            [
                ("reload", self.tr("Reload")),
                ("overwrite", self.tr("Overwrite")),
                ("cancel", self.tr("Cancel")),
            ],
        )
        if choice == "reload":
            return self.reload_from_disk()
        if choice == "overwrite":
            try:
                self._digest = self.store.load().digest
            except ConfigFileError:
                self._digest = self._digest_on_disk()
            return self.save()
        return False

    def _digest_on_disk(self) -> str | None:
        try:
            return file_digest(self.store.path.read_bytes())
        except OSError:
            return None

    def reload_from_disk(self) -> bool:
        try:
            loaded = self.store.load()
        except ConfigFileError as exc:
            self.problems.setText("\n".join(exc.lines()))
            return False
        self._digest = None if loaded.is_default else loaded.digest
        self._replace_document(loaded, dirty=False)
        return False

    def restore(self) -> None:
        backups = list_backups(self.store.path, self.store.backup_dir)
        if not backups:
            self.problems.setText(self.tr("There are no backups yet"))
            return
        labels = [b.created.strftime("%Y-%m-%d %H:%M:%S") for b in backups]
        index = self._choose_item(self.tr("Restore backup"), labels)
        if index is None:
            return
        self._load_file_into_draft(backups[index].path)

    def import_file(self) -> None:
        path = self._choose_file(self.tr("Import configuration"), False)
        if path is not None:
            self._load_file_into_draft(path)

    def _load_file_into_draft(self, path: Path) -> None:
        try:
            loaded = self.store.read(path)
        except ConfigFileError as exc:
            self.problems.setText("\n".join(exc.lines()))
            return
        self._replace_document(loaded, dirty=True)

    def export_file(self) -> None:
        config = self.draft.config
        path = self._choose_file(self.tr("Export configuration"), True)
        if config is None or path is None:
            return
        try:
            atomic_write_bytes(path, config_to_bytes(config))
        except OSError as exc:
            self.problems.setText(f"{path}: {exc.strerror or exc}")
            return
        self.problems.setText(self.tr("Exported to %1").replace("%1", str(path)))

    def change_pin(self) -> bool:
        """Set, change or (left empty) remove the PIN that guards this dialog."""
        title = self.tr("Supervisor PIN")
        pin = self._ask_secret(title, self.tr("New PIN (empty: no PIN)"))
        if pin is None:
            return False
        path = pin_path_for(self.store.path)
        try:
            if not pin:
                clear_pin(path)
                self.problems.setText(self.tr("The settings no longer ask for a PIN"))
                return True
            if self._ask_secret(title, self.tr("The same PIN again")) != pin:
                self.problems.setText(self.tr("The two PINs differ; nothing changed"))
                return False
            set_pin(path, pin, lang=self.lang)
        except PinRuleError as exc:
            self.problems.setText(str(exc))
            return False
        except OSError as exc:
            self.problems.setText(f"{path}: {exc.strerror or exc}")
            return False
        self.problems.setText(self.tr("PIN saved; the settings will ask for it"))
        return True

    def reject(self) -> None:
        if self.draft.dirty and not self.read_only:
            choice = self._ask(
                self.tr("Unsaved changes"),
                self.tr("Discard the changes made in this dialog?"),
                [("discard", self.tr("Discard")), ("keep", self.tr("Keep editing"))],
            )
            if choice != "discard":
                return
        super().reject()
