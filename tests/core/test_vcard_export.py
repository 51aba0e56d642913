"""The contacts export parses with vobject and gives back every number (E.164 and extension),
email address and web address of the configuration, in vCard 3.0 and 4.0."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.vcard_export import card_uid, vcards
from app.domain.contacts import e164
from app.domain.document import config_from_document
from app.domain.model import (
    Config,
    EmailContact,
    PhoneContact,
    WebContact,
    WhatsAppContact,
)

STAMP = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)


def parse(text: str) -> list[Any]:
    return list(vobject.readComponents(text))


def numbers_of(card: Any, version: str) -> list[tuple[str, str | None]]:
    """Each TEL as (E.164, extension), read the way RFC 3966 writes them."""
    found = []
    for line in card.contents.get("tel", []):
        value = line.value
        if version == "4.0":
            assert line.params["VALUE"] == ["uri"]
            assert value.startswith("tel:")
            value = value.removeprefix("tel:").replace("-", "")
        number, _, params = value.partition(";")
        assert re.fullmatch(r"\+[1-9]\d{6,14}", number), value
        extension = params.removeprefix("ext=") if params else None
        found.append((number, extension))
    return found


def expected_numbers(entity: Any) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    for contact in entity.contacts:
        if isinstance(contact, PhoneContact):
            found += [(e164(contact), ext) for ext in contact.extensions] or [(e164(contact), None)]
        elif isinstance(contact, WhatsAppContact):
            found.append((e164(contact), None))
    return found


def check_round_trip(config: Config, version: str, lang: str = "es") -> list[Any]:
    text = vcards(config, lang, STAMP, version)  # type: ignore[arg-type]
    assert "\r\n" in text
    parsed = parse(text)
    entities = [*config.escalation, *config.channels]
    assert len(parsed) == len(entities)
    organisation = config.organisation.name
    for card, entity in zip(parsed, entities, strict=True):
        assert card.version.value == version
        assert card.org.value == [organisation]
        assert numbers_of(card, version) == expected_numbers(entity)
        emails = [e.value for e in card.contents.get("email", [])]
        assert emails == list(
            dict.fromkeys(c.address for c in entity.contacts if isinstance(c, EmailContact))
        )
        urls = [u.value for u in card.contents.get("url", [])]
        wanted = [c.url for c in entity.contacts if isinstance(c, WebContact)]
        wanted += [
            "https://wa.me/" + e164(c)[1:]
            for c in entity.contacts
            if isinstance(c, WhatsAppContact)
        ]
        assert sorted(urls) == sorted(dict.fromkeys(wanted))
        for note in entity.notes:
            assert note in card.note.value
        assert entity.name in card.fn.value
    return parsed


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_default_configuration_round_trips(default_config: Config, version: str) -> None:
    parsed = check_round_trip(default_config, version)
    supervisor = parsed[1]
    assert supervisor.fn.value == "Nivel 2 · Supervisor de Soporte"
    assert supervisor.title.value == "Nivel 2 · Supervisor de Soporte"
    assert numbers_of(supervisor, version) == [
        ("+576013790300", "1113"),
        ("+576013790300", "1107"),
        ("+576013790300", "1109"),
        ("+576013790300", "1427"),
    ]
    main = parsed[3]  # the first channel: the customer line with its menu
    assert main.fn.value == "Línea de servicio al cliente (Bogotá)"
    assert main.title.value == "Canal de soporte"
    assert "marque 2 → 4" in main.note.value
    assert "+57 601 7442727" in main.note.value


def test_the_written_lines_are_what_outlook_and_rfc_6350_expect(default_config: Config) -> None:
    three = vcards(default_config, "es", STAMP, "3.0")
    four = vcards(default_config, "es", STAMP, "4.0")
    assert "TEL;TYPE=WORK,VOICE:+576013790300;ext=1113\r\n" in three
    assert "TEL;TYPE=work,voice;VALUE=uri:tel:+57-601-3790300;ext=1113\r\n" in four
    assert "\\;ext" not in three + four  # a URI is not escaped like text
    assert "URL:http://idealab.certicamara.com/CertiChat/chat.php\r\n" in three
    assert three.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert all(len(line.encode()) <= 75 for line in three.split("\r\n"))


def test_uids_are_stable_and_one_per_card(default_config: Config) -> None:
    first = parse(vcards(default_config, "es", STAMP, "3.0"))
    later = parse(vcards(default_config, "en", STAMP + dt.timedelta(days=9), "4.0"))
    uids = [c.uid.value for c in first]
    assert len(set(uids)) == len(uids)
    assert uids == [c.uid.value for c in later]
    assert uids[0] == card_uid("Certicámara", "level-1")
    assert card_uid("Otra empresa", "level-1") != uids[0]


def test_english_words(default_config: Config) -> None:
    parsed = parse(vcards(default_config, "en", STAMP))
    assert parsed[1].fn.value == "Level 2 · Supervisor de Soporte"
    assert "extensions 1113, 1107, 1109, 1427" in parsed[1].note.value
    assert parsed[0].note.value.startswith("Hours: Mon–Fri 7:00–19:00")


def test_an_unknown_version_is_refused(default_config: Config) -> None:
    with pytest.raises(ValueError, match="version"):
        vcards(default_config, "es", STAMP, "2.1")  # type: ignore[arg-type]


# -- hostile and random contents ------------------------------------------------------------------

TEXT = (
    st.text(
        alphabet=st.characters(
            codec="utf-8", categories=("L", "N", "P", "S", "Zs"), include_characters=";,\\:\"'"
        ),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)
LANDLINES = st.sampled_from(
    ["+57 601 3790300", "+57 604 4445566", "+1 212 555 0100", "+34 91 123 45 67"]
)
MOBILES = st.sampled_from(["+57 318 717 4937", "+57 300 1234567", "+34 612 345 678"])
EXTENSIONS = st.lists(st.from_regex(r"[0-9]{1,6}", fullmatch=True), max_size=4, unique=True)


@st.composite
def contacts(draw: st.DrawFn) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["phone", "email", "web", "whatsapp"]))
        label = draw(st.one_of(st.just(""), TEXT))
        if kind == "phone":
            found.append(
                {
                    "type": "phone",
                    "label": label,
                    "number": draw(LANDLINES),
                    "ivr": [
                        {"digits": d}
                        for d in draw(st.lists(st.sampled_from("0123456789*#"), max_size=3))
                    ],
                    "extensions": draw(EXTENSIONS),
                }
            )
        elif kind == "email":
            user = draw(
                st.from_regex(r"[a-z][a-z0-9]{0,8}([._+-][a-z0-9]{1,8}){0,2}", fullmatch=True)
            )
            found.append({"type": "email", "label": label, "address": f"{user}@ejemplo.com.co"})
        elif kind == "web":
            query = draw(st.from_regex(r"[a-z0-9=&,;]{0,20}", fullmatch=True))
            found.append({"type": "web", "label": label, "url": f"https://ejemplo.co/a?{query}"})
        else:
            found.append({"type": "whatsapp", "label": label, "number": draw(MOBILES)})
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=TEXT,
    organisation=TEXT,
    level_contacts=contacts(),
    channel_contacts=contacts(),
    notes=st.lists(TEXT, max_size=2),
    version=st.sampled_from(["3.0", "4.0"]),
)
def test_random_contacts_round_trip(
    default_document: dict[str, Any],
    name: str,
    organisation: str,
    level_contacts: list[dict[str, Any]],
    channel_contacts: list[dict[str, Any]],
    notes: list[str],
    version: str,
) -> None:
    doc = copy.deepcopy(default_document)
    doc["organisation"]["name"] = organisation
    doc["escalation"][1]["name"] = name
    doc["escalation"][1]["contacts"] = level_contacts
    doc["escalation"][1]["notes"] = notes
    doc["channels"][2]["contacts"] = channel_contacts
    doc["channels"][2]["name"] = name
    parsed = check_round_trip(config_from_document(doc), version)
    assert parsed[1].title.value.endswith(name)
