"""What the dialog does with files: save with conflict handling, restore, import, export.

Kept apart from the widgets so each path (and each refusal) reads in one place. Every write
goes through :class:`ConfigStore`, so the dialog is exactly as safe as the CLI.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.domain.document import config_to_document
from app.domain.model import Config
from app.storage.atomic import list_backups
from app.storage.config_store import (
    ConfigConflict,
    ConfigFileError,
    ConfigStore,
    LoadedConfig,
    file_digest,
)
from app.storage.jsontext import MAX_CONFIG_BYTES
from app.storage.safe_files import read_regular_file
from app.ui.settings.prompts import backup_label

if TYPE_CHECKING:
    from app.ui.settings.dialog import SettingsDialog

MAX_LINES = 8


def problem_text(exc: ConfigFileError) -> str:
    lines = exc.lines()
    shown = "\n".join(lines[:MAX_LINES])
    if len(lines) > MAX_LINES:
        shown += "\n" + QCoreApplication.translate("FileActions", "(and %1 more)").replace(
            "%1", str(len(lines) - MAX_LINES)
        )
    return shown


class FileActions:
    def __init__(self, dialog: SettingsDialog) -> None:
        self.dialog = dialog

    @property
    def store(self) -> ConfigStore:
        return self.dialog.store

    def _stamp(self) -> dt.datetime:
        """Backups are named in the machine's local time, as the CLI names them."""
        return self.dialog.clock.now().astimezone()

    def _expected_digest(self) -> str | None:
        """The bytes the dialog was opened from; None when no file existed then."""
        loaded = self.dialog.loaded
        return None if loaded.is_default else loaded.digest

    def _current_digest(self) -> str | None:
        data = read_regular_file(self.store.path, MAX_CONFIG_BYTES)  # never blocks on a FIFO
        return None if data is None else file_digest(data)

    # save -------------------------------------------------------------------------------------

    def save(self, config: Config) -> LoadedConfig | None:
        expected = self._expected_digest()
        sign = None
        if self.store.requires_signature:  # asked first: a wrong password writes nothing
            sign = self.dialog.signing.signer()
            if sign is None:
                return None
        while True:
            try:
                return self.store.save(
                    config, expected_digest=expected, stamp=self._stamp(), sign=sign
                )
            except ConfigConflict:
                choice = self.dialog.prompts.conflict(
                    QCoreApplication.translate(
                        "FileActions",
                        "The configuration file changed on disk after this dialog opened it "
                        "(another supervisor or console saved it). Your changes were not saved."
                        "\n\nReload shows the version on disk and discards your changes. "
                        "Overwrite saves yours; your colleague's version is kept as a backup "
                        "in %1.",
                    ).replace("%1", str(self.store.backup_dir))
                )
                if choice == "overwrite":
                    expected = self._current_digest()
                    continue
                if choice == "reload":
                    self.reload()
                return None
            except ConfigFileError as exc:
                self.dialog.prompts.error(
                    QCoreApplication.translate("FileActions", "Not saved"), problem_text(exc)
                )
                return None
            except OSError as exc:
                self.dialog.prompts.error(
                    QCoreApplication.translate("FileActions", "Not saved"), str(exc)
                )
                return None

    def reload(self) -> bool:
        """Show the file on disk instead of the dialog's edits (after a confirmation)."""
        dialog = self.dialog
        if dialog.draft.dirty and not dialog.prompts.confirm(
            QCoreApplication.translate("FileActions", "Discard changes?"),
            QCoreApplication.translate(
                "FileActions", "Reloading discards the changes made in this dialog. Reload?"
            ),
        ):
            return False
        try:
            loaded = self.store.load()
        except ConfigFileError as exc:
            dialog.prompts.error(
                QCoreApplication.translate("FileActions", "The file on disk cannot be used"),
                problem_text(exc),
            )
            return False
        dialog.start_over(loaded)
        return True

    # backups, import and export ---------------------------------------------------------------

    def restore_backup(self) -> bool:
        """Load a backup into the dialog as unsaved changes; Save then makes it active."""
        dialog = self.dialog
        title = QCoreApplication.translate("FileActions", "Restore backup")
        backups = list_backups(self.store.path, self.store.backup_dir)
        if not backups:
            dialog.prompts.info(
                title, QCoreApplication.translate("FileActions", "There are no backups yet.")
            )
            return False
        chosen = dialog.prompts.choose_backup(backups)
        if chosen is None:
            return False
        try:
            # a backup has no signature of its own: it only fills the editor, and Save signs
            restored = self.store.read(chosen.path, verify_signature=False)
        except ConfigFileError as exc:
            dialog.prompts.error(title, problem_text(exc))
            return False
        if dialog.draft.dirty and not dialog.prompts.confirm(
            title,
            QCoreApplication.translate(
                "FileActions", "This replaces the changes made in this dialog. Continue?"
            ),
        ):
            return False
        dialog.draft.replace(config_to_document(restored.config))
        dialog.rebuild_pages()
        dialog.prompts.info(
            title,
            QCoreApplication.translate(
                "FileActions", "The backup of %1 is loaded. Review it and press Save to restore it."
            ).replace("%1", backup_label(chosen)),
        )
        return True

    def import_file(self, source: Path | None = None) -> bool:
        """Validate a file and make it active at once, as ``canales config import`` does."""
        dialog = self.dialog
        title = QCoreApplication.translate("FileActions", "Import configuration")
        source = source or dialog.prompts.open_path(title)
        if source is None:
            return False
        if dialog.draft.dirty and not dialog.prompts.confirm(
            title,
            QCoreApplication.translate(
                "FileActions", "Importing discards the changes made in this dialog. Continue?"
            ),
        ):
            return False
        try:
            self.store.import_file(source, self._stamp())
            loaded = self.store.load()
        except ConfigFileError as exc:
            dialog.prompts.error(
                QCoreApplication.translate("FileActions", "Not imported; nothing changed"),
                problem_text(exc),
            )
            return False
        dialog.start_over(loaded)
        dialog.saved.emit(loaded)
        dialog.prompts.info(
            title,
            QCoreApplication.translate("FileActions", "Imported %1.").replace("%1", str(source)),
        )
        return True

    def export_file(self, destination: Path | None = None) -> bool:
        """Write the saved configuration (not unsaved edits) to a file of the supervisor's."""
        dialog = self.dialog
        title = QCoreApplication.translate("FileActions", "Export configuration")
        if dialog.draft.dirty and not dialog.prompts.confirm(
            title,
            QCoreApplication.translate(
                "FileActions",
                "Export writes the saved configuration, without the changes not yet saved. "
                "Continue?",
            ),
        ):
            return False
        destination = destination or dialog.prompts.save_path(title, "canales-config.json")
        if destination is None:
            return False
        try:
            self.store.export(destination, stamp=self._stamp())
        except ConfigFileError as exc:
            dialog.prompts.error(
                QCoreApplication.translate("FileActions", "Not exported"), problem_text(exc)
            )
            return False
        dialog.prompts.info(
            title,
            QCoreApplication.translate("FileActions", "Exported to %1.").replace(
                "%1", str(destination)
            ),
        )
        return True
