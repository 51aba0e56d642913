"""The written forms of a phone number (the contact kinds in ``app.core.contact_kinds`` use
them for phones and WhatsApp numbers).

Copy formats serve different destinations: national digits for a desk phone, E.164 for a
softphone or a message, and a dial string whose commas are the two-second pauses most phones
insert, so that the IVR menu and extension are dialled too.
"""

from __future__ import annotations

import phonenumbers

from app.domain.model import Channel, Contact, EscalationLevel, PhoneContact, WhatsAppContact
from app.domain.texts import N_, tr
from app.domain.values import DEFAULT_PHONE_REGION

PAUSE = ",,"
_IVR_PREFIX = N_("press")
Dialled = PhoneContact | WhatsAppContact


def _parsed(number: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.parse(number, DEFAULT_PHONE_REGION)


def phone_display(contact: Dialled) -> str:
    """``+57 601 7442727`` — international form, readable to callers abroad too."""
    return str(
        phonenumbers.format_number(
            _parsed(contact.number), phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
    )


def national_digits(contact: Dialled) -> str:
    return str(phonenumbers.national_significant_number(_parsed(contact.number)))


def e164(contact: Dialled) -> str:
    return str(
        phonenumbers.format_number(_parsed(contact.number), phonenumbers.PhoneNumberFormat.E164)
    )


def tel_uri(contact: Dialled) -> str:
    """``tel:+57-601-7442727`` (RFC 3966)."""
    return str(
        phonenumbers.format_number(_parsed(contact.number), phonenumbers.PhoneNumberFormat.RFC3966)
    )


def dial_string(contact: Dialled, extension: str | None = None) -> str:
    """``+576017442727,,2,,4``: the number, then each IVR step and the extension after a pause."""
    steps = [step.digits for step in getattr(contact, "ivr", ())]
    if extension is not None:
        steps.append(extension)
    return e164(contact) + "".join(PAUSE + digits for digits in steps)


def ivr_text(contact: PhoneContact, lang: str = "es") -> str:
    """``marque 2 → 4`` (labels in brackets when given); empty without IVR steps."""
    if not contact.ivr:
        return ""
    steps = [f"{s.digits} ({s.label})" if s.label else s.digits for s in contact.ivr]
    return f"{tr(lang, _IVR_PREFIX)} {' → '.join(steps)}"


def main_contact(entity: Channel | EscalationLevel) -> Contact | None:
    return entity.contacts[0] if entity.contacts else None
