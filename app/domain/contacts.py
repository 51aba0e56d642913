"""How contacts are shown, copied and acted on.

Copy formats serve different destinations: national digits for a desk phone, E.164 for a
softphone or a message, and a dial string whose commas are the two-second pauses most phones
insert, so that the IVR menu and extension are dialled too.
"""

from __future__ import annotations

import urllib.parse

import phonenumbers

from app.domain.copy_format import CopyFormat
from app.domain.model import Channel, Contact, EmailContact, EscalationLevel, PhoneContact
from app.domain.texts import pick
from app.domain.values import DEFAULT_PHONE_REGION

PAUSE = ",,"
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_IVR_PREFIX = {"es": "marque", "en": "press"}
EXTENSION_MARK = "ext."


def _parsed(number: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.parse(number, DEFAULT_PHONE_REGION)


def phone_display(contact: PhoneContact) -> str:
    """``+57 601 7442727`` — international form, readable to callers abroad too."""
    return str(
        phonenumbers.format_number(
            _parsed(contact.number), phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
    )


def national_digits(contact: PhoneContact) -> str:
    return str(phonenumbers.national_significant_number(_parsed(contact.number)))


def e164(contact: PhoneContact) -> str:
    return str(
        phonenumbers.format_number(_parsed(contact.number), phonenumbers.PhoneNumberFormat.E164)
    )


def dial_string(contact: PhoneContact, extension: str | None = None) -> str:
    """``+576017442727,,2,,4``: the number, then each IVR step and the extension after a pause."""
    steps = [step.digits for step in contact.ivr]
    if extension is not None:
        steps.append(extension)
    return e164(contact) + "".join(PAUSE + digits for digits in steps)


def display_text(contact: Contact) -> str:
    if isinstance(contact, PhoneContact):
        return phone_display(contact)
    if isinstance(contact, EmailContact):
        return contact.address
    return contact.url


def copy_text(contact: Contact, fmt: CopyFormat, extension: str | None = None) -> str:
    """Exactly what lands on the clipboard for this contact in the agent's chosen format."""
    if not isinstance(contact, PhoneContact):
        return display_text(contact)
    if fmt is CopyFormat.DIAL:
        return dial_string(contact, extension)
    base = national_digits(contact) if fmt is CopyFormat.NATIONAL else e164(contact)
    return base if extension is None else f"{base} {EXTENSION_MARK} {extension}"


def ivr_text(contact: PhoneContact, lang: str = "es") -> str:
    """``marque 2 → 4`` (labels in brackets when given); empty without IVR steps."""
    if not contact.ivr:
        return ""
    steps = [f"{s.digits} ({s.label})" if s.label else s.digits for s in contact.ivr]
    return f"{pick(lang, _IVR_PREFIX)} {' → '.join(steps)}"


def action_uri(contact: Contact, extension: str | None = None) -> str:
    """``tel:`` (with ``;ext=``; IVR steps cannot be encoded), ``mailto:`` or the URL."""
    if isinstance(contact, PhoneContact):
        uri = str(
            phonenumbers.format_number(
                _parsed(contact.number), phonenumbers.PhoneNumberFormat.RFC3966
            )
        )
        return uri if extension is None else f"{uri};ext={extension}"
    if isinstance(contact, EmailContact):
        return "mailto:" + urllib.parse.quote(contact.address, safe="@.+-_")
    return contact.url


def is_safe_uri(uri: str) -> bool:
    """The only links Canales will ever hand to the desktop."""
    scheme = urllib.parse.urlsplit(uri.strip()).scheme.lower()
    return scheme in SAFE_SCHEMES


def main_contact(entity: Channel | EscalationLevel) -> Contact | None:
    return entity.contacts[0] if entity.contacts else None


def search_text_of_contact(contact: Contact) -> str:
    """What a filter may match in a contact: shown form, digits, extensions, label."""
    parts = [display_text(contact), contact.label]
    if isinstance(contact, PhoneContact):
        parts.extend([national_digits(contact), e164(contact), *contact.extensions])
    return " ".join(parts).casefold()


def search_text(entity: Channel | EscalationLevel) -> str:
    """Everything a filter may match in a channel or level: its name and every contact."""
    return " ".join([entity.name.casefold(), *(search_text_of_contact(c) for c in entity.contacts)])
