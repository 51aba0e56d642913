"""File → Exportar horario…, Exportar contactos…, Imprimir hoja de canales…: the console's side of
the exports. The files are built by ``app.core`` (calendar, vCards, the sheet's words) from the
configuration and engine the console shows, and written atomically; a failure is one line in a
message box and nothing is left half-written."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QStandardPaths, Qt
from PySide6.QtGui import QPageSize, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.export_options import DEFAULT_DAYS, DEFAULT_VCARD_VERSION, VCardVersion

if TYPE_CHECKING:
    from app.core.sheet import SheetView
    from app.storage.config_store import LoadedConfig
    from app.ui.clock import Clock
    from app.ui.live import LiveBoard
    from app.ui.main_window import MainWindow

STATUS_MS = 8000


def slug(text: str) -> str:
    """``Certicámara`` -> ``certicamara``: a file name any system and mail filter accepts."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "canales"


class Exports(QObject):
    """What the File menu's export entries do, for the configuration the console shows."""

    def __init__(
        self,
        window: MainWindow,
        live: LiveBoard,
        clock: Clock,
        loaded: Callable[[], LoadedConfig],
        lang: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.live = live
        self.clock = clock
        self._loaded = loaded
        self._lang = lang
        self.sheet_dialog: SheetDialog | None = None

    def _default_path(self, suffix: str) -> str:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        organisation = slug(self.live.engine.config.organisation.name)
        return str(Path(folder) / f"{organisation}-{suffix}")

    def _ask(self, title: str, suffix: str, filters: list[str]) -> tuple[Path, str] | None:
        name, chosen = QFileDialog.getSaveFileName(
            self.window, title, self._default_path(suffix), ";;".join(filters)
        )
        return (Path(name), chosen) if name else None

    def _write(self, path: Path, data: bytes, done: str) -> bool:
        from app.storage.atomic import atomic_write_bytes  # noqa: PLC0415 - on demand
        from app.storage.safe_files import describe_os_error  # noqa: PLC0415

        try:
            atomic_write_bytes(path, data)
        except OSError as exc:
            self.failed(path, describe_os_error(exc, self._lang()))
            return False
        self.window.statusBar().showMessage(done.replace("%1", str(path)), STATUS_MS)
        return True

    def failed(self, path: Path, reason: str) -> None:
        """One line: which file, and why (the box is modal: the agent sees it)."""
        QMessageBox.warning(
            self.window,
            QCoreApplication.translate("Exports", "Export failed"),
            QCoreApplication.translate("Exports", "%1 could not be written: %2")
            .replace("%1", str(path))
            .replace("%2", reason),
        )

    # -- the calendar ----------------------------------------------------------------------

    def export_calendar(self, path: Path | None = None) -> Path | None:
        """The next 90 days of every channel as an .ics file; ``path`` None asks where."""
        from app.core.calendar_export import (  # noqa: PLC0415 - on demand
            calendar_ics,
            calendar_plan,
            first_day,
        )

        if path is None:
            answer = self._ask(
                QCoreApplication.translate("Exports", "Export hours"),
                "horario.ics",
                [
                    QCoreApplication.translate("Exports", "Calendar (*.ics)"),
                    QCoreApplication.translate("Exports", "All files (*)"),
                ],
            )
            if answer is None:
                return None
            path = answer[0]
        engine, now = self.live.engine, self.clock.now()
        plan = calendar_plan(engine, first_day(engine, now), DEFAULT_DAYS)
        data = calendar_ics(engine, plan, self._lang(), now)
        return (
            path
            if self._write(path, data, QCoreApplication.translate("Exports", "Hours exported: %1"))
            else None
        )

    # -- the contacts ------------------------------------------------------------------------

    def export_contacts(
        self, path: Path | None = None, version: VCardVersion = DEFAULT_VCARD_VERSION
    ) -> Path | None:
        """The ladder and the channels as vCards; ``path`` None asks where and which version."""
        from app.core.vcard_export import vcards  # noqa: PLC0415 - on demand

        if path is None:
            three = QCoreApplication.translate("Exports", "vCard 3.0 — Outlook, phones (*.vcf)")
            four = QCoreApplication.translate("Exports", "vCard 4.0 (*.vcf)")
            answer = self._ask(
                QCoreApplication.translate("Exports", "Export contacts"),
                "contactos.vcf",
                [three, four],
            )
            if answer is None:
                return None
            path, chosen = answer
            version = "4.0" if chosen == four else "3.0"
        text = vcards(self.live.engine.config, self._lang(), self.clock.now(), version)
        return (
            path
            if self._write(
                path,
                text.encode("utf-8"),
                QCoreApplication.translate("Exports", "Contacts exported: %1"),
            )
            else None
        )

    # -- the sheet ---------------------------------------------------------------------------

    def sheet(self) -> SheetView:
        from app.core.sheet import sheet_view, source_of  # noqa: PLC0415 - on demand

        return sheet_view(
            self.live.engine, source_of(self._loaded()), self.clock.now(), self._lang()
        )

    def open_sheet_dialog(self) -> SheetDialog:
        if self.sheet_dialog is not None:  # already open: bring it forward
            self.sheet_dialog.raise_()
            return self.sheet_dialog
        self.sheet_dialog = SheetDialog(self, self.window)
        self.sheet_dialog.finished.connect(self._sheet_closed)
        self.sheet_dialog.open()
        return self.sheet_dialog

    def _sheet_closed(self) -> None:
        if self.sheet_dialog is not None:
            self.sheet_dialog.deleteLater()
        self.sheet_dialog = None

    def save_sheet_pdf(self, page: str, path: Path | None = None) -> Path | None:
        if path is None:
            answer = self._ask(
                QCoreApplication.translate("Exports", "Save the channel sheet as PDF"),
                "hoja-de-canales.pdf",
                [QCoreApplication.translate("Exports", "PDF document (*.pdf)")],
            )
            if answer is None:
                return None
            path = answer[0]
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from app.ui.print_sheet import SheetPainter  # noqa: PLC0415 - on demand

        data = SheetPainter(self.sheet(), page).pdf_bytes()
        return (
            path
            if self._write(
                path, data, QCoreApplication.translate("Exports", "Channel sheet saved: %1")
            )
            else None
        )

    def print_sheet(self, page: str) -> bool:
        """The system's print dialog (its printer, copies, paper), then one page."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415

        from app.ui.print_sheet import PAGE_SIZES, SheetPainter  # noqa: PLC0415

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(PAGE_SIZES[page]))
        printer.setDocName(QCoreApplication.translate("Exports", "Channel sheet"))
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        letter = printer.pageLayout().pageSize().id() == PAGE_SIZES["Letter"]
        chosen = "Letter" if letter else "A4"
        SheetPainter(self.sheet(), chosen).print_to(printer)
        return True


class SheetDialog(QDialog):
    """Imprimir hoja de canales: paper size, a preview of the page, then PDF or printer."""

    PREVIEW_SCALE = 0.5

    def __init__(self, exports: Exports, parent: QWidget | None = None) -> None:
        from app.ui.print_sheet import default_page_size  # noqa: PLC0415 - on demand

        super().__init__(parent)
        self.exports = exports
        self.setWindowTitle(QCoreApplication.translate("Exports", "Print channel sheet"))
        self.setObjectName("sheetDialog")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.page = QComboBox()
        self.page.addItem(QCoreApplication.translate("Exports", "A4 (210 × 297 mm)"), "A4")
        self.page.addItem(QCoreApplication.translate("Exports", "Letter (8.5 × 11 in)"), "Letter")
        country = QLocale.territoryToCode(QLocale().territory())
        self.page.setCurrentIndex(self.page.findData(default_page_size(country)))
        self.page.currentIndexChanged.connect(self.refresh)
        form.addRow(QCoreApplication.translate("Exports", "Paper size:"), self.page)
        layout.addLayout(form)
        self.preview = QLabel()
        self.preview.setObjectName("sheetPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(
            QCoreApplication.translate("Exports", "Preview of the channel sheet")
        )
        layout.addWidget(self.preview, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.pdf_button = QPushButton(QCoreApplication.translate("Exports", "Save as &PDF…"))
        self.print_button = QPushButton(QCoreApplication.translate("Exports", "&Print…"))
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.setDefault(True)
        layout.addWidget(buttons)
        self.refresh()

    def page_size(self) -> str:
        value: str = self.page.currentData()
        return value if value in ("A4", "Letter") else "A4"

    def refresh(self) -> None:
        from app.ui.print_sheet import SheetPainter  # noqa: PLC0415 - on demand

        painter = SheetPainter(self.exports.sheet(), self.page_size())
        ratio = self.devicePixelRatioF()
        image = painter.image(self.PREVIEW_SCALE * ratio)
        image.setDevicePixelRatio(ratio)
        self.preview.setPixmap(QPixmap.fromImage(image))

    def save_pdf(self, path: Path | None = None) -> Path | None:
        saved = self.exports.save_sheet_pdf(self.page_size(), path or None)
        if saved is not None:
            self.accept()
        return saved

    def print_(self) -> None:
        if self.exports.print_sheet(self.page_size()):
            self.accept()
