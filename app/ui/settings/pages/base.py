"""What every settings page shares: the binder, the clock, holidays, and a rebuild hook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.domain.calendar import HolidayCalendar
from app.domain.model import Config
from app.ui.settings.draft import Draft, Path, unique_id
from app.ui.settings.fields import Binder, add_row


@dataclass(frozen=True)
class PageContext:
    binder: Binder
    now: Callable[[], dt.datetime]
    calendar: Callable[[], tuple[Config, HolidayCalendar]]
    holiday_countries: Callable[[], Iterable[str]] | None

    @property
    def draft(self) -> Draft:
        return self.binder.draft

    def today(self) -> dt.date:
        """The centre's date (the dialog's clock, in the configured time zone)."""
        return self.now().astimezone(self.draft.last_valid.zone).date()

    def ids(self, section: str) -> list[str]:
        items = self.draft.get((section,), [])
        if not isinstance(items, list):
            return []
        return [str(i.get("id")) for i in items if isinstance(i, dict) and i.get("id")]

    def options(self, section: str) -> list[tuple[str, str]]:
        """``(id, name)`` for the items of a list: what a reference may point at. Items are
        shown by name (the editors put the id in the item's tooltip); only a name shared by
        several items carries its id, so that they can be told apart."""
        items = self.draft.get((section,), [])
        named = [
            (str(item["id"]), str(item.get("name") or "") or str(item["id"]))
            for item in (items if isinstance(items, list) else [])
            if isinstance(item, dict) and item.get("id")
        ]
        names = [name for _, name in named]
        return [
            (key, f"{name} ({key})" if names.count(name) > 1 and name != key else name)
            for key, name in named
        ]

    def new_id(self, section: str, base: str) -> str:
        return unique_id(base, self.ids(section))


class Page(QWidget):
    """One section of the configuration; ``sections`` are its top-level document keys."""

    sections: tuple[str, ...] = ()

    def __init__(self, context: PageContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = title
        self.heading = QLabel(title)
        self.heading.setObjectName("pageTitle")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 8, 12, 8)
        self.body.addWidget(self.heading)

    @property
    def binder(self) -> Binder:
        return self.context.binder

    def renamer(self, section: str | None, fallback: str) -> Callable[[dict[str, Any]], None]:
        """What Duplicate does to the copy: a fresh id (when items have one) and "(copia)"."""

        def rename(item: dict[str, Any]) -> None:
            if section is not None:
                item["id"] = self.context.new_id(section, f"{item.get('id', fallback)}-copy")
            copy_of = QCoreApplication.translate("Page", "%1 (copy)")  # one context for all pages
            item["name"] = copy_of.replace("%1", str(item.get("name", "")))

        return rename

    def add_identity_rows(
        self, form: QFormLayout, base: Path, id_name: str, id_hint: str, name_name: str
    ) -> None:
        """The id (what other sections refer to) and the display name, first on every form."""
        b = self.binder
        id_label = QCoreApplication.translate("Page", "&Id")
        name_label = QCoreApplication.translate("Page", "&Name")
        add_row(form, id_label, b.line((*base, "id"), id_name, placeholder=id_hint))
        add_row(form, name_label, b.line((*base, "name"), name_name))

    def refresh(self) -> None:
        """Rebuild the forms from the draft (references may have changed elsewhere)."""

    def shown(self) -> None:
        """The page became current: by default, refresh it."""
        self.refresh()
