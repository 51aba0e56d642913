"""Copying to the clipboard and opening links: the two things a click on a contact does.

Copy happens synchronously inside the click or key handler: Wayland refuses clipboard writes
that do not come from a user action. Links come from the contact's kind, which checks the
scheme (``ContactKind.safe_link``), so a config can never make the desktop open ``file:`` or
``javascript:``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, QUrl, Signal
from PySide6.QtGui import QClipboard, QDesktopServices

from app.core.contact_kinds import copy_text, kind_of
from app.domain.copy_format import CopyFormat
from app.domain.model import Contact

UrlOpener = Callable[[QUrl], bool]


class ContactActions(QObject):
    """Copies in the agent's chosen format and opens tel:/mailto:/http(s) links."""

    copied = Signal(str)  # the exact text put on the clipboard
    format_changed = Signal(object)  # CopyFormat
    refused = Signal(str)  # a link that was not opened

    def __init__(
        self,
        clipboard: QClipboard,
        copy_format: CopyFormat,
        open_url: UrlOpener = QDesktopServices.openUrl,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._format = copy_format
        self._open_url = open_url

    @property
    def copy_format(self) -> CopyFormat:
        return self._format

    def set_copy_format(self, fmt: CopyFormat) -> None:
        if fmt is not self._format:
            self._format = fmt
            self.format_changed.emit(fmt)

    def text_for(self, contact: Contact, extension: str | None = None) -> str:
        return copy_text(contact, self._format, extension)

    def copy(self, contact: Contact, extension: str | None = None) -> str:
        text = self.text_for(contact, extension)
        self._clipboard.setText(text, QClipboard.Mode.Clipboard)
        self.copied.emit(text)
        return text

    def copy_rich(self, text: str, html: str) -> str:
        """Text with its HTML version (a reply for a customer: links clickable in mail
        clients); plain-text editors take the text."""
        data = QMimeData()
        data.setText(text)
        data.setHtml(html)
        self._clipboard.setMimeData(data, QClipboard.Mode.Clipboard)
        self.copied.emit(text)
        return text

    def open(self, contact: Contact, extension: str | None = None) -> bool:
        kind = kind_of(contact)
        uri = kind.safe_link(contact, extension)
        if uri is None:
            self.refused.emit(kind.link(contact, extension))
            return False
        return bool(self._open_url(QUrl(uri)))
