"""The dialog's sections: one form builder per part of the configuration."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.domain.availability import Timetable
from app.domain.calendar import HolidayCalendar
from app.domain.model import WEEKDAYS
from app.ui.formatting import date_text, span_text
from app.ui.supervisor.draft import Path
from app.ui.supervisor.fields import (
    Binder,
    intervals_text,
    ivr_text,
    parse_intervals,
    parse_ivr,
    parse_words,
)
from app.ui.supervisor.list_editor import ListEditor


def _add_row(page: QWidget, label: str, widget: QWidget) -> None:
    layout = page.layout()
    assert isinstance(layout, QFormLayout)
    layout.addRow(label, widget)


def _form(*rows: tuple[str, QWidget]) -> QWidget:
    page = QWidget()
    layout = QFormLayout(page)
    for label, widget in rows:
        layout.addRow(label, widget)
    return page


def organisation_page(binder: Binder, countries: Iterable[str]) -> QWidget:
    zones = sorted(zoneinfo.available_timezones())
    return _form(
        (
            QCoreApplication.translate("SettingsPages", "Name"),
            binder.line(
                ("organisation", "name"),
                QCoreApplication.translate("SettingsPages", "Organisation name"),
            ),
        ),
        (
            QCoreApplication.translate("SettingsPages", "Product"),
            binder.line(
                ("organisation", "product"), QCoreApplication.translate("SettingsPages", "Product")
            ),
        ),
        (
            QCoreApplication.translate("SettingsPages", "Tagline"),
            binder.line(
                ("organisation", "tagline"), QCoreApplication.translate("SettingsPages", "Tagline")
            ),
        ),
        (
            QCoreApplication.translate("SettingsPages", "Language"),
            binder.choice(
                ("organisation", "language"),
                QCoreApplication.translate("SettingsPages", "Language"),
                [("es", "Español"), ("en", "English")],
            ),
        ),
        (
            QCoreApplication.translate("SettingsPages", "Time zone"),
            binder.choice(
                ("timezone",),
                QCoreApplication.translate("SettingsPages", "Time zone"),
                [(z, z) for z in zones],
                editable=True,
            ),
        ),
        (
            QCoreApplication.translate("SettingsPages", "Holiday country"),
            binder.choice(
                ("holiday_country",),
                QCoreApplication.translate("SettingsPages", "Holiday country"),
                [(c, c) for c in sorted(countries)],
                editable=True,
            ),
        ),
        (
            QCoreApplication.translate("SettingsPages", "Closing-soon warning"),
            binder.spin(
                ("closing_soon_minutes",),
                QCoreApplication.translate("SettingsPages", "Closing-soon warning"),
                0,
                720,
                " min",
            ),
        ),
        (
            QCoreApplication.translate("SettingsPages", "Notes"),
            binder.lines(("notes",), QCoreApplication.translate("SettingsPages", "Notes")),
        ),
    )


def _weekday_names() -> list[str]:
    """As the locale writes them mid-sentence ("sábado", "Saturday")."""
    locale = QLocale()
    return [locale.dayName(d + 1, QLocale.FormatType.LongFormat) for d in range(7)]


def schedules_page(binder: Binder, preview: Callable[[Path], list[str]]) -> QWidget:
    def form(b: Binder, path: Path) -> QWidget:
        rows: list[tuple[str, QWidget]] = [
            (
                QCoreApplication.translate("SettingsPages", "Id"),
                b.line((*path, "id"), QCoreApplication.translate("SettingsPages", "Schedule id")),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Name"),
                b.line(
                    (*path, "name"), QCoreApplication.translate("SettingsPages", "Schedule name")
                ),
            ),
            (
                "",
                b.check(
                    (*path, "closed_on_holidays"),
                    QCoreApplication.translate("SettingsPages", "Closed on public holidays"),
                    True,
                ),
            ),
        ]
        for day, name in zip(WEEKDAYS, _weekday_names(), strict=True):
            rows.append(
                (
                    name[:1].upper() + name[1:],
                    b.line(
                        (*path, "week", day),
                        QCoreApplication.translate("SettingsPages", "Hours on %1").replace(
                            "%1", name
                        ),
                        placeholder=QCoreApplication.translate(
                            "SettingsPages", "closed — e.g. 07:00-19:00, 20:00-22:00"
                        ),
                        to_value=parse_intervals,
                        to_text=intervals_text,
                    ),
                )
            )
        page = _form(*rows)
        days = QLabel()
        days.setWordWrap(True)
        days.setAccessibleName(QCoreApplication.translate("SettingsPages", "Next 14 days"))

        def show_preview() -> None:
            days.setText("\n".join(preview(path)))

        b.changed.connect(show_preview)
        days.destroyed.connect(lambda: b.changed.disconnect(show_preview))
        show_preview()
        _add_row(page, QCoreApplication.translate("SettingsPages", "Next 14 days"), days)
        return page

    def new() -> dict[str, Any]:
        return {
            "id": "new-schedule",
            "name": QCoreApplication.translate("SettingsPages", "New schedule"),
            "closed_on_holidays": True,
            "week": {},
        }

    return ListEditor(
        binder,
        ("schedules",),
        QCoreApplication.translate("SettingsPages", "Schedules"),
        _named,
        new,
        form,
    )


def special_days_page(binder: Binder) -> QWidget:
    def form(b: Binder, path: Path) -> QWidget:
        channels = [(c.get("id", ""), c.get("name", "")) for c in b.draft.get(("channels",), [])]
        return _form(
            (
                QCoreApplication.translate("SettingsPages", "Name"),
                b.line(
                    (*path, "name"), QCoreApplication.translate("SettingsPages", "Special day name")
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Date"),
                b.line(
                    (*path, "date"),
                    QCoreApplication.translate("SettingsPages", "Date"),
                    placeholder="2026-12-24",
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Until"),
                b.line(
                    (*path, "until"),
                    QCoreApplication.translate("SettingsPages", "Until"),
                    placeholder=QCoreApplication.translate("SettingsPages", "one day"),
                    optional=True,
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Channels"),
                b.multi(
                    (*path, "channels"),
                    QCoreApplication.translate("SettingsPages", "Channels affected"),
                    channels,
                ),
            ),
            (
                "",
                b.check(
                    (*path, "closed"), QCoreApplication.translate("SettingsPages", "Closed all day")
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Hours"),
                b.line(
                    (*path, "hours"),
                    QCoreApplication.translate("SettingsPages", "Hours that day"),
                    placeholder="08:00-12:00",
                    to_value=parse_intervals,
                    to_text=intervals_text,
                ),
            ),
        )

    def new() -> dict[str, Any]:
        return {
            "name": QCoreApplication.translate("SettingsPages", "Special day"),
            "date": dt.date.today().isoformat(),
            "channels": [],
            "closed": True,
            "hours": [],
        }

    return ListEditor(
        binder,
        ("special_days",),
        QCoreApplication.translate("SettingsPages", "Special days"),
        _special_title,
        new,
        form,
    )


def contacts_editor(binder: Binder, path: Path) -> QWidget:
    def form(b: Binder, contact_path: Path) -> QWidget:
        kind = b.draft.get((*contact_path, "type"))
        rows: list[tuple[str, QWidget]] = [
            (
                QCoreApplication.translate("SettingsPages", "Type"),
                b.choice(
                    (*contact_path, "type"),
                    QCoreApplication.translate("SettingsPages", "Contact type"),
                    [
                        ("phone", QCoreApplication.translate("SettingsPages", "Phone")),
                        ("email", QCoreApplication.translate("SettingsPages", "Email")),
                        ("web", QCoreApplication.translate("SettingsPages", "Web")),
                    ],
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Label"),
                b.line(
                    (*contact_path, "label"),
                    QCoreApplication.translate("SettingsPages", "Contact label"),
                ),
            ),
        ]
        if kind == "phone":
            rows += [
                (
                    QCoreApplication.translate("SettingsPages", "Number"),
                    b.line(
                        (*contact_path, "number"),
                        QCoreApplication.translate("SettingsPages", "Phone number"),
                        placeholder="+57 601 7442727",
                    ),
                ),
                (
                    QCoreApplication.translate("SettingsPages", "IVR steps"),
                    b.line(
                        (*contact_path, "ivr"),
                        QCoreApplication.translate("SettingsPages", "IVR steps"),
                        placeholder="2=Soporte, 4",
                        to_value=parse_ivr,
                        to_text=ivr_text,
                    ),
                ),
                (
                    QCoreApplication.translate("SettingsPages", "Extensions"),
                    b.line(
                        (*contact_path, "extensions"),
                        QCoreApplication.translate("SettingsPages", "Extensions"),
                        placeholder="1113, 1107",
                        to_value=parse_words,
                        to_text=lambda v: ", ".join(v or []),
                    ),
                ),
            ]
        elif kind == "email":
            rows.append(
                (
                    QCoreApplication.translate("SettingsPages", "Address"),
                    b.line(
                        (*contact_path, "address"),
                        QCoreApplication.translate("SettingsPages", "Email address"),
                    ),
                )
            )
        else:
            rows.append(
                (
                    QCoreApplication.translate("SettingsPages", "Web address"),
                    b.line(
                        (*contact_path, "url"),
                        QCoreApplication.translate("SettingsPages", "Web address"),
                        placeholder="https://",
                    ),
                )
            )
        return _form(*rows)

    def new() -> dict[str, Any]:
        return {"type": "phone", "label": "", "number": "", "ivr": [], "extensions": []}

    return ListEditor(
        binder,
        (*path, "contacts"),
        QCoreApplication.translate("SettingsPages", "Contacts"),
        _contact_title,
        new,
        form,
        vertical=True,
    )


def channels_page(binder: Binder) -> QWidget:
    def form(b: Binder, path: Path) -> QWidget:
        draft = b.draft
        types = [(r.get("id", ""), r.get("name", "")) for r in draft.get(("request_types",), [])]
        schedules = [(s.get("id", ""), s.get("name", "")) for s in draft.get(("schedules",), [])]
        kinds = [
            ("phone", QCoreApplication.translate("SettingsPages", "Phone")),
            ("email", QCoreApplication.translate("SettingsPages", "Email")),
            ("chat", QCoreApplication.translate("SettingsPages", "Chat")),
            ("web", QCoreApplication.translate("SettingsPages", "Web")),
            ("other", QCoreApplication.translate("SettingsPages", "Other")),
        ]
        page = _form(
            (
                QCoreApplication.translate("SettingsPages", "Id"),
                b.line((*path, "id"), QCoreApplication.translate("SettingsPages", "Channel id")),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Name"),
                b.line(
                    (*path, "name"), QCoreApplication.translate("SettingsPages", "Channel name")
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Kind"),
                b.choice(
                    (*path, "kind"), QCoreApplication.translate("SettingsPages", "Kind"), kinds
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Request types"),
                b.multi(
                    (*path, "request_types"),
                    QCoreApplication.translate("SettingsPages", "Request types"),
                    types,
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Schedule"),
                b.choice(
                    (*path, "schedule"),
                    QCoreApplication.translate("SettingsPages", "Schedule"),
                    schedules,
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Notes"),
                b.lines((*path, "notes"), QCoreApplication.translate("SettingsPages", "Notes")),
            ),
        )
        _add_row(
            page, QCoreApplication.translate("SettingsPages", "Contacts"), contacts_editor(b, path)
        )
        return page

    def new() -> dict[str, Any]:
        first = (binder.draft.get(("schedules",), []) or [{}])[0].get("id", "")
        rtypes = [r.get("id") for r in binder.draft.get(("request_types",), [])][:1]
        return {
            "id": "new-channel",
            "name": QCoreApplication.translate("SettingsPages", "New channel"),
            "kind": "phone",
            "request_types": rtypes,
            "schedule": first,
            "contacts": [],
            "notes": [],
        }

    return ListEditor(
        binder,
        ("channels",),
        QCoreApplication.translate("SettingsPages", "Channels"),
        _named,
        new,
        form,
    )


def escalation_page(binder: Binder) -> QWidget:
    def form(b: Binder, path: Path) -> QWidget:
        schedules = [(None, QCoreApplication.translate("SettingsPages", "Hours not published"))] + [
            (s.get("id", ""), s.get("name", "")) for s in b.draft.get(("schedules",), [])
        ]
        page = _form(
            (
                QCoreApplication.translate("SettingsPages", "Name"),
                b.line((*path, "name"), QCoreApplication.translate("SettingsPages", "Level name")),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Schedule"),
                b.choice(
                    (*path, "schedule"),
                    QCoreApplication.translate("SettingsPages", "Schedule"),
                    schedules,
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Notes"),
                b.lines((*path, "notes"), QCoreApplication.translate("SettingsPages", "Notes")),
            ),
        )
        _add_row(
            page, QCoreApplication.translate("SettingsPages", "Contacts"), contacts_editor(b, path)
        )
        return page

    def new() -> dict[str, Any]:
        return {
            "level": 0,
            "name": QCoreApplication.translate("SettingsPages", "New level"),
            "contacts": [],
            "schedule": None,
            "notes": [],
        }

    editor = ListEditor(
        binder,
        ("escalation",),
        QCoreApplication.translate("SettingsPages", "Escalation"),
        _level_title,
        new,
        form,
    )
    binder.changed.connect(lambda: _renumber(binder))
    return editor


def request_types_page(binder: Binder) -> QWidget:
    def form(b: Binder, path: Path) -> QWidget:
        channels = [(None, QCoreApplication.translate("SettingsPages", "None"))] + [
            (c.get("id", ""), c.get("name", "")) for c in b.draft.get(("channels",), [])
        ]
        return _form(
            (
                QCoreApplication.translate("SettingsPages", "Id"),
                b.line(
                    (*path, "id"), QCoreApplication.translate("SettingsPages", "Request type id")
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Name"),
                b.line(
                    (*path, "name"),
                    QCoreApplication.translate("SettingsPages", "Request type name"),
                ),
            ),
            (
                QCoreApplication.translate("SettingsPages", "Fallback channel"),
                b.choice(
                    (*path, "fallback"),
                    QCoreApplication.translate("SettingsPages", "Fallback channel"),
                    channels,
                ),
            ),
        )

    def new() -> dict[str, Any]:
        return {
            "id": "new-type",
            "name": QCoreApplication.translate("SettingsPages", "New request type"),
            "fallback": None,
        }

    return ListEditor(
        binder,
        ("request_types",),
        QCoreApplication.translate("SettingsPages", "Request types"),
        _named,
        new,
        form,
    )


def schedule_preview(
    binder: Binder, calendar: Callable[[str], HolidayCalendar], today: dt.date
) -> Callable[[Path], list[str]]:
    """Each of the next 14 days of the selected schedule, holidays named (the real engine)."""

    def preview(path: Path) -> list[str]:
        config = binder.draft.config
        index = path[-1]
        if config is None or not isinstance(index, int) or index >= len(config.schedules):
            return [
                QCoreApplication.translate(
                    "SettingsPages", "The preview appears when the configuration is valid."
                )
            ]
        schedule = config.schedules[index]
        timetable = Timetable(schedule, calendar(config.holiday_country), {})
        locale = QLocale()
        lines = []
        for offset in range(14):
            day = today + dt.timedelta(days=offset)
            plan = timetable.day(day.toordinal())
            hours = ", ".join(span_text(s, e) for s, e in plan.spans) or QCoreApplication.translate(
                "SettingsPages", "closed"
            )
            reason = f" — {plan.reason}" if plan.reason else ""
            lines.append(f"{date_text(locale, day)}: {hours}{reason}")
        return lines

    return preview


def _renumber(binder: Binder) -> None:
    """Levels are their position: 1, 2, 3… after any add, remove or move."""
    levels = binder.draft.get(("escalation",), [])
    if any(level.get("level") != i + 1 for i, level in enumerate(levels)):
        for i, level in enumerate(levels):
            level["level"] = i + 1
        binder.draft.validate()
        binder.refresh_errors()


def _named(item: dict[str, Any], _row: int) -> str:
    return f"{item.get('name', '')} ({item.get('id', '')})"


def _special_title(item: dict[str, Any], _row: int) -> str:
    until = f" – {item['until']}" if item.get("until") else ""
    return f"{item.get('date', '')}{until}: {item.get('name', '')}"


def _contact_title(item: dict[str, Any], _row: int) -> str:
    value = item.get("number") or item.get("address") or item.get("url") or ""
    return f"{item.get('label') or item.get('type', '')}: {value}"


def _level_title(item: dict[str, Any], row: int) -> str:
    return f"{row + 1}. {item.get('name', '')}"
