"""The contact-kind registry: one entry per kind, and WhatsApp added as one entry."""

from __future__ import annotations

import copy

import pytest

from app.core.contact_kinds import KINDS, copy_text, display_text, kind_of, search_text
from app.domain.copy_format import CopyFormat
from app.domain.document import config_from_document
from app.domain.model import CONTACT_MODELS, Config, WhatsAppContact
from app.domain.problems import ConfigInvalid

WHATSAPP = WhatsAppContact(number="+57 318 717 4937")


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
