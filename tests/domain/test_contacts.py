"""Display, copy and link forms of contacts, each kind through its registry entry."""

from __future__ import annotations

import pytest

from app.core.contact_kinds import copy_text, display_text, kind_of, search_text
from app.domain.contacts import dial_string, e164, ivr_text, main_contact, national_digits
from app.domain.copy_format import CopyFormat
from app.domain.model import Config, EmailContact, IvrStep, PhoneContact, WebContact

MAIN = PhoneContact(number="(601) 7442727", ivr=[IvrStep(digits="2"), IvrStep(digits="4")])
SUPERVISOR = PhoneContact(number="+57 601 3790300", extensions=["1113", "1107"])
MOBILE = PhoneContact(number="(57) 318 717 49 37")


def test_display_forms() -> None:
    assert display_text(MAIN) == "+57 601 7442727"
    assert display_text(MOBILE) == "+57 318 7174937"
    assert display_text(EmailContact(address="a@b.co")) == "a@b.co"
    assert display_text(WebContact(url="https://x.co/chat")) == "https://x.co/chat"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (CopyFormat.NATIONAL, "6017442727"),
        (CopyFormat.E164, "+576017442727"),
        (CopyFormat.DIAL, "+576017442727,,2,,4"),
    ],
)
def test_copy_formats_of_a_phone_with_ivr(fmt: CopyFormat, expected: str) -> None:
    assert copy_text(MAIN, fmt) == expected


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (CopyFormat.NATIONAL, "6013790300 ext. 1107"),
        (CopyFormat.E164, "+576013790300 ext. 1107"),
        (CopyFormat.DIAL, "+576013790300,,1107"),
    ],
)
def test_copy_formats_of_an_extension(fmt: CopyFormat, expected: str) -> None:
    assert copy_text(SUPERVISOR, fmt, extension="1107") == expected


def test_copy_of_email_and_url_is_the_address_in_every_format() -> None:
    for fmt in CopyFormat:
        assert copy_text(EmailContact(address="a@b.co"), fmt) == "a@b.co"
        assert copy_text(WebContact(url="https://x.co/"), fmt) == "https://x.co/"


def test_plain_forms() -> None:
    assert national_digits(MOBILE) == "3187174937"
    assert e164(MOBILE) == "+573187174937"
    assert dial_string(MOBILE) == "+573187174937"
    assert dial_string(MAIN, extension="9") == "+576017442727,,2,,4,,9"


def test_ivr_text() -> None:
    assert ivr_text(MAIN) == "marque 2 → 4"
    assert ivr_text(MAIN, "en") == "press 2 → 4"
    labelled = PhoneContact(number="6017442727", ivr=[IvrStep(digits="3", label="PQRSA")])
    assert ivr_text(labelled) == "marque 3 (PQRSA)"
    assert ivr_text(MOBILE) == ""


def action_uri(contact: object, extension: str | None = None) -> str | None:
    return kind_of(contact).safe_link(contact, extension)  # type: ignore[arg-type]


def test_action_uris() -> None:
    assert action_uri(MAIN) == "tel:+57-601-7442727"
    assert action_uri(SUPERVISOR, extension="1113") == "tel:+57-601-3790300;ext=1113"
    assert action_uri(EmailContact(address="soporte.certigestor@certicamara.com")) == (
        "mailto:soporte.certigestor@certicamara.com"
    )
    assert action_uri(WebContact(url="http://idealab.certicamara.com/CertiChat/chat.php")) == (
        "http://idealab.certicamara.com/CertiChat/chat.php"
    )


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://x.co", True),
        ("HTTP://x.co", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,x", False),
        ("smb://share/x", False),
        ("mailto:a@b.co", False),  # a web contact opens web pages only
        ("", False),
    ],
)
def test_a_web_contact_opens_only_web_pages(url: str, safe: bool) -> None:
    """Even if a URL slipped past validation (it cannot), its kind refuses the link."""
    contact = WebContact.__new__(WebContact)
    object.__setattr__(contact, "url", url)
    assert (action_uri(contact) == url) is safe


def test_main_contact_and_search_text(default_config: Config) -> None:
    supervisor = default_config.escalation[1]
    assert main_contact(supervisor) == supervisor.contacts[0]
    text = search_text(supervisor)
    for needle in ("supervisor de soporte", "6013790300", "+57 601 3790300", "1427", "mesadeayuda"):
        assert needle in text
    assert "7442727" not in text
