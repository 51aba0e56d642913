"""The contact-kind registry: one entry per kind, and WhatsApp added as one entry."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
import vobject

from app.core.calendar_export import channel_description
from app.core.contact_kinds import (
    KINDS,
    CardEntries,
    CardPhone,
    copy_text,
    display_text,
    kind_of,
    search_text,
)
from app.core.vcard_export import tel_value, vcards
from app.domain.availability import AvailabilityEngine
from app.domain.calendar import HolidayCalendar
from app.domain.copy_format import CopyFormat
from app.domain.document import config_from_document
from app.domain.model import CONTACT_MODELS, Config, WhatsAppContact
from app.domain.problems import ConfigInvalid

WHATSAPP = WhatsAppContact(number="+57 318 717 4937")
STAMP = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)


def test_every_contact_model_has_exactly_one_kind() -> None:
    assert {kind.model for kind in KINDS.values()} == set(CONTACT_MODELS)
    assert [kind.tag for kind in KINDS.values()] == [m.type for m in CONTACT_MODELS]


def test_whatsapp_is_shown_and_copied_as_a_phone_and_opens_wa_me() -> None:
    assert display_text(WHATSAPP) == "+57 318 7174937"
    assert copy_text(WHATSAPP, CopyFormat.NATIONAL) == "3187174937"
    assert copy_text(WHATSAPP, CopyFormat.E164) == "+573187174937"
    assert copy_text(WHATSAPP, CopyFormat.DIAL) == "+573187174937"
    kind = kind_of(WHATSAPP)
    assert kind.safe_link(WHATSAPP) == "https://wa.me/573187174937"
    assert kind.words("es") == ("WhatsApp", "Chatear", "Abre un chat de WhatsApp con este número")
    assert kind.words("en")[1] == "Start a chat"
    assert kind.icon == "whatsapp"


def test_whatsapp_in_a_configuration(default_document: dict) -> None:
    doc = copy.deepcopy(default_document)
    doc["channels"][1]["contacts"].append(
        {"type": "whatsapp", "label": "WhatsApp", "number": "+57 318 717 4937"}
    )
    config = config_from_document(doc)
    assert config.channels[1].contacts[-1] == WhatsAppContact(
        label="WhatsApp", number="+57 318 717 4937"
    )
    assert "3187174937" in search_text(config.channels[1])


@pytest.mark.parametrize("number", ["+57 601 7442727", "not a phone"])
def test_whatsapp_needs_a_mobile_number(default_document: dict, number: str) -> None:
    doc = copy.deepcopy(default_document)
    doc["channels"][1]["contacts"] = [{"type": "whatsapp", "number": number}]
    with pytest.raises(ConfigInvalid) as info:
        config_from_document(doc)
    (problem,) = info.value.problems
    assert problem.path == "channels[1].contacts[0].number"


def test_an_unknown_contact_type_lists_the_kinds(default_document: dict) -> None:
    doc = copy.deepcopy(default_document)
    doc["channels"][1]["contacts"] = [{"type": "fax", "number": "1"}]
    with pytest.raises(ConfigInvalid) as info:
        config_from_document(doc)
    (problem,) = info.value.problems
    assert problem.path == "channels[1].contacts[0]"
    assert "'whatsapp'" in problem.message


def test_new_documents_for_the_editor_are_of_their_kind(default_config: Config) -> None:
    for tag, kind in KINDS.items():
        document = kind.new_document()
        assert document["type"] == tag
        assert {f.key for f in kind.editor_fields} <= set(document)


# -- what the exports ask of a kind ---------------------------------------------------------------

#: one contact document of every kind, and what the exports must make of it (Spanish, vCard 3.0):
#: (TEL lines as (value, types), EMAIL and URL values, the card's note line, the calendar's line)
EXPORTED: dict[str, tuple[dict, list[tuple[str, list[str]]], list[str], list[str], str, str]] = {
    "phone": (
        {
            "type": "phone",
            "label": "Sede",
            "number": "+57 601 3790300",
            "ivr": [{"digits": "2", "label": "soporte"}],
            "extensions": ["1113", "1107"],
        },
        [
            ("+576013790300;ext=1113", ["WORK", "VOICE"]),
            ("+576013790300;ext=1107", ["WORK", "VOICE"]),
        ],
        [],
        [],
        "Sede: +57 601 3790300, marque 2 (soporte), extensiones 1113, 1107",
        "Teléfono: +57 601 3790300, marque 2 (soporte), extensiones 1113, 1107 (Sede)",
    ),
    "email": (
        {"type": "email", "label": "Soporte", "address": "ayuda@example.com"},
        [],
        ["ayuda@example.com"],
        [],
        "",
        "Correo: ayuda@example.com (Soporte)",
    ),
    "web": (
        {"type": "web", "label": "Portal", "url": "https://example.com/ayuda"},
        [],
        [],
        ["https://example.com/ayuda"],
        "",
        "Dirección web: https://example.com/ayuda (Portal)",
    ),
    "whatsapp": (
        {"type": "whatsapp", "label": "Ventas", "number": "+57 318 717 4937"},
        [("+573187174937", ["CELL", "VOICE"])],
        [],
        ["https://wa.me/573187174937"],
        "WhatsApp: +57 318 7174937",
        "WhatsApp: +57 318 7174937 (Ventas)",
    ),
}


def _no_holidays(country: str, language: str, year: int) -> dict[dt.date, str]:
    return {}


def test_every_kind_has_its_export_case() -> None:
    assert set(EXPORTED) == set(KINDS)


@pytest.mark.parametrize("tag", list(KINDS))
def test_each_kind_says_what_it_adds_to_a_card_and_a_calendar(
    default_document: dict, tag: str
) -> None:
    """The exporters ask the kind (``card_entries``, ``details``) and write what it says: a
    contact of each kind alone on a channel comes out as its kind's entries, nothing else."""
    document, tels, emails, urls, note, line = EXPORTED[tag]
    doc = copy.deepcopy(default_document)
    doc["channels"][0]["contacts"] = [document]
    doc["channels"][0]["notes"] = []
    config = config_from_document(doc)
    channel = config.channels[0]
    (contact,) = channel.contacts
    kind = kind_of(contact)
    assert kind is KINDS[tag]

    entries = kind.card_entries(contact, "es")
    assert isinstance(entries, CardEntries)
    assert all(isinstance(phone, CardPhone) for phone in entries.phones)
    assert [tel_value(p, "3.0") for p in entries.phones] == [value for value, _ in tels]
    assert (list(entries.emails), list(entries.urls), entries.note) == (emails, urls, note)
    details = kind.details(contact, "es")
    assert all(isinstance(part, str) and part for part in details)
    assert isinstance(kind.ivr(contact, "es"), str)
    assert all(isinstance(extension, str) for extension in kind.extensions(contact))

    cards = list(vobject.readComponents(vcards(config, "es", STAMP, "3.0")))
    card = cards[len(config.escalation)]
    assert card.fn.value == channel.name
    written = [(t.value, t.params["TYPE"]) for t in card.contents.get("tel", [])]
    assert written == tels
    assert [e.value for e in card.contents.get("email", [])] == emails
    assert [u.value for u in card.contents.get("url", [])] == urls
    note_lines = card.note.value.split("\n")
    assert note_lines[1:] == ([note] if note else [])

    engine = AvailabilityEngine(config, HolidayCalendar("CO", "es", _no_holidays))
    description = channel_description(engine, channel, "es").split("\n")
    assert description[1:] == [line]
    assert line.startswith(", ".join([f"{kind.words('es')[0]}: {kind.display(contact)}", *details]))


def test_details_are_the_menu_and_extensions_only_for_kinds_that_have_them(
    default_config: Config,
) -> None:
    for entity in [*default_config.channels, *default_config.escalation]:
        for contact in entity.contacts:
            kind = kind_of(contact)
            if not kind.has_ivr:
                assert kind.details(contact, "en") == ()
    supervisor = default_config.escalation[1].contacts[0]
    assert kind_of(supervisor).details(supervisor, "en") == ("extensions 1113, 1107, 1109, 1427",)
