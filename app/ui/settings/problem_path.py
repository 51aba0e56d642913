"""Where a problem is, in the dialog's own words: ``channels[2].contacts[0].address`` becomes
"Canales › Correo de soporte › Contacto 1 › Dirección".

A problem's JSON path is the command line's contract (``FILE: dotted.path: message``) and stays
there; a supervisor in the dialog sees the section, the item by its name in the draft, and the
field by its label. Everything is read from the draft document, so an item renamed a moment ago
is named as it now is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.contact_kinds import KINDS
from app.domain.model import WEEKDAYS
from app.domain.texts import tr
from app.ui.settings.pages.replies import reply_place

SEPARATOR = " › "
_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
_LIST_SECTIONS = frozenset({"schedules", "special_days", "channels", "escalation", "request_types"})
_GROUPS = frozenset({"organisation", "week"})  # named by what comes before or after them
_NUMBERED = frozenset({"contacts", "ivr", "hours", "extensions", "notes"})  # "Contact 1" says it


def parse_path(text: str) -> list[str | int]:
    """``channels[2].name`` -> ``["channels", 2, "name"]`` (the inverse of ``path_text``)."""
    return [int(index) if index else key for index, key in _PART.findall(text)]


def _field_labels() -> dict[str, str]:
    """The labels of the fields, as the forms show them (without their mnemonics)."""
    translate = QCoreApplication.translate
    return {
        "schema_version": translate("ProblemPath", "Format version"),
        "id": translate("ProblemPath", "Id"),
        "name": translate("ProblemPath", "Name"),
        "product": translate("ProblemPath", "Product"),
        "tagline": translate("ProblemPath", "Tagline"),
        "language": translate("ProblemPath", "Language"),
        "timezone": translate("ProblemPath", "Time zone"),
        "holiday_country": translate("ProblemPath", "Holidays of"),
        "closing_soon_minutes": translate("ProblemPath", "Closing-soon warning"),
        "notes": translate("ProblemPath", "Notes"),
        "closed_on_holidays": translate("ProblemPath", "Closed on public holidays"),
        "start": translate("ProblemPath", "From"),
        "end": translate("ProblemPath", "Until"),
        "date": translate("ProblemPath", "Date"),
        "until": translate("ProblemPath", "Last day"),
        "channels": translate("ProblemPath", "Channels affected"),
        "closed": translate("ProblemPath", "Closed all day"),
        "hours": translate("ProblemPath", "Other hours"),
        "kind": translate("ProblemPath", "Kind"),
        "request_types": translate("ProblemPath", "Serves"),
        "schedule": translate("ProblemPath", "Hours"),
        "contacts": translate("ProblemPath", "Contacts"),
        "level": translate("ProblemPath", "Level"),
        "respond_within_minutes": translate("ProblemPath", "Response time"),
        "fallback": translate("ProblemPath", "Fallback"),
        "type": translate("ProblemPath", "Kind of contact"),
        "label": translate("ProblemPath", "Label"),
        "ivr": translate("ProblemPath", "IVR steps"),
        "extensions": translate("ProblemPath", "Extensions"),
        "digits": translate("ProblemPath", "Keys"),
    }


def _day_name(key: str) -> str:
    name = QLocale().dayName(WEEKDAYS.index(key) + 1, QLocale.FormatType.LongFormat)
    return name[:1].upper() + name[1:]


def _reference(document: Mapping[str, Any], section: str, value: Any) -> str | None:
    """The name of the item an id refers to, or None when there is no such item."""
    items = document.get(section)
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("id") == value and item.get("name"):
            return str(item["name"])
    return None


def _ordinals() -> dict[str, str]:
    """How an element of a list without names is called, ``%1`` its number."""
    translate = QCoreApplication.translate
    return {
        "contacts": translate("ProblemPath", "Contact %1"),
        "ivr": translate("ProblemPath", "IVR step %1"),
        "hours": translate("ProblemPath", "Interval %1"),
        "extensions": translate("ProblemPath", "Extension %1"),
        "notes": translate("ProblemPath", "Note %1"),
        **dict.fromkeys(WEEKDAYS, translate("ProblemPath", "Interval %1")),
    }


def _item_name(document: Mapping[str, Any], parent: str, index: int, item: Any) -> str:
    """An element of a list: an item by its name, a contact or an interval by its number."""
    number = str(index + 1)
    fallback = QCoreApplication.translate("ProblemPath", "Item %1").replace("%1", number)
    if item is None:  # no such element (any more)
        return fallback
    if parent in _LIST_SECTIONS and isinstance(item, dict):
        key = "date" if parent == "special_days" else "id"
        name = item.get("name") or item.get(key)
        return str(name) if name else fallback
    if parent in ("channels", "request_types"):  # the ids a special day or a channel lists
        name = _reference(document, parent, item)
        return name if name is not None else str(item)
    ordinal = _ordinals().get(parent)
    return ordinal.replace("%1", number) if ordinal is not None else fallback


def readable_path(
    document: Mapping[str, Any], path: str, sections: Mapping[str, str], lang: str
) -> str:
    """``path`` of ``document`` as section › item › field. ``sections`` names each top-level
    key by the title of the page that edits it; ``lang`` is the draft's, for the words of the
    contact kinds. A key the dialog does not know is shown as it is."""
    labels = _field_labels()
    parts = parse_path(path)
    if parts[:1] == ["replies"] and "replies" in sections:  # a language, then a template
        return SEPARATOR.join([sections["replies"], *reply_place(parts[1:])])
    words: list[str] = []
    node: Any = document
    parent: str | int | None = None
    kind = None  # of the contact the path is in
    for depth, part in enumerate(parts):
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            words.append(_item_name(document, str(parent), part, item))
            if parent == "contacts" and isinstance(item, dict):
                kind = KINDS.get(str(item.get("type", "")))
            node, parent = item, part
            continue
        item = node.get(part) if isinstance(node, dict) else None
        in_ivr = depth >= 2 and parts[depth - 2] == "ivr"
        next_part = parts[depth + 1] if depth + 1 < len(parts) else None
        field = next((f for f in kind.editor_fields if f.key == part), None) if kind else None
        if depth == 0 and part in sections:
            words.append(sections[part])
            if part not in _LIST_SECTIONS and part not in _GROUPS:
                words.append(labels.get(part, part))  # one value on a page of several
        elif part in WEEKDAYS:
            words.append(_day_name(part))
        elif part in _GROUPS or (part in _NUMBERED and isinstance(next_part, int)):
            pass
        elif in_ivr and part == "label":
            words.append(QCoreApplication.translate("ProblemPath", "Meaning"))
        elif field is not None and not in_ivr:
            words.append(tr(lang, field.label))
        else:
            words.append(labels.get(part, part))
        node, parent = item, part
    return SEPARATOR.join(words)
