"""Organisation: names shown in the header, UI language, time zone, holidays, warning."""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

from app.ui.settings.fields import add_row
from app.ui.settings.pages.base import Page, PageContext

FIELDS = ("organisation", "timezone", "holiday_country", "closing_soon_minutes", "notes")


def country_label(code: str) -> str:
    """``CO — Colombia``: the territory's own name, readable whatever the UI language."""
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    name = QLocale(QLocale.Language.AnyLanguage, territory).nativeTerritoryName()
    return f"{code} — {name or QLocale.territoryToString(territory)}"


class OrganisationPage(Page):
    sections = FIELDS

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Organisation"), parent)
        self._countries: list[str] | None = None
        self._zones = sorted(zoneinfo.available_timezones())
        self.form_widget: QWidget | None = None
        self.country: QComboBox | None = None
        self.area = QScrollArea()  # a short screen scrolls the page, not the dialog
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setAccessibleName(self.title)
        self.body.addWidget(self.area, 1)
        self.refresh()

    def refresh(self) -> None:
        for key in FIELDS:
            self.binder.forget(key)
        self.form_widget = self._form()
        self.area.setWidget(self.form_widget)  # the previous form is deleted
        if self._countries is not None:
            self._fill_countries()

    def shown(self) -> None:
        """The holidays package lists countries slowly: only when this page is first seen."""
        if self._countries is None and self.context.holiday_countries is not None:
            self._countries = sorted(self.context.holiday_countries())
            self.context.draft.set_holiday_countries(self._countries)
            self._fill_countries()

    def _fill_countries(self) -> None:
        combo = self.country
        if combo is None or self._countries is None:
            return
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for code in self._countries:
            combo.addItem(country_label(code), code)
        index = combo.findData(current)
        if index < 0:
            combo.addItem(str(current), current)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def _form(self) -> QWidget:
        b = self.binder
        widget = QWidget()
        column = QVBoxLayout(widget)
        column.setContentsMargins(0, 8, 0, 0)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # the rows stay together at the top of a tall page
        add_row(
            form,
            self.tr("&Name"),
            b.line(("organisation", "name"), self.tr("Organisation name")),
        )
        add_row(
            form,
            self.tr("&Product"),
            b.line(
                ("organisation", "product"),
                self.tr("Product"),
                placeholder=self.tr("The product agents support (optional)"),
            ),
        )
        add_row(
            form,
            self.tr("&Tagline"),
            b.line(
                ("organisation", "tagline"), self.tr("Tagline"), placeholder=self.tr("Optional")
            ),
        )
        add_row(
            form,
            self.tr("&Language"),
            b.combo(
                ("organisation", "language"),
                self.tr("Language of the console"),
                [("es", "Español"), ("en", "English")],
            ),
        )
        add_row(
            form,
            self.tr("Time &zone"),
            b.combo(
                ("timezone",),
                self.tr("Time zone of the support centre"),
                [(zone, zone) for zone in self._zones],
                editable=True,
            ),
        )
        current = str(self.context.draft.get(("holiday_country",), ""))
        add_row(
            form,
            self.tr("&Holidays of"),
            b.combo(
                ("holiday_country",),
                self.tr("Country whose public holidays apply"),
                [(current, country_label(current))],
            ),
        )
        field = b.field(("holiday_country",))
        self.country = field.editor if field and isinstance(field.editor, QComboBox) else None
        add_row(
            form,
            self.tr("&Closing soon"),
            b.spin(
                ("closing_soon_minutes",),
                self.tr("Minutes before closing shown as closing soon"),
                0,
                720,
                self.tr(" min before closing"),
            ),
        )
        add_row(
            form, self.tr("N&otes"), b.notes(("notes",), self.tr("General notes, one per line"))
        )
        return widget
