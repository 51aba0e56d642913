"""The escalation ladder and the channels as contact cards (vCard 3.0 or 4.0), one card each.

Version 3.0 (RFC 2426) is the default because it is what Outlook imports faithfully; Android,
iOS, macOS, Thunderbird and Google Contacts read it too. 4.0 (RFC 6350) is there for programs
that prefer it. Each card:

* ``FN`` and ``N`` — the level (``Nivel 2 · Supervisor de Soporte``) or the channel's name;
  ``ORG`` the organisation; ``TITLE`` the level, or "Support channel";
* one ``TEL`` per phone number, and one per extension: the number in E.164 with the
  extension as RFC 3966 writes it (``+576013790300;ext=1113`` in 3.0, the ``tel:`` URI
  ``tel:+57-601-3790300;ext=1113`` in 4.0). A WhatsApp number is a mobile ``TEL`` and its
  ``https://wa.me/…`` link a ``URL``;
* ``EMAIL`` and ``URL`` for the other contacts;
* ``NOTE``: the hours, each phone's menu steps (``marque 2 → 4``) and extensions, and the
  notes of the configuration — what a number alone cannot say.

What each contact adds (its ``TEL``, ``EMAIL`` and ``URL`` entries and its note line) is its
kind's to say (``ContactKind.card_entries`` in ``app.core.contact_kinds``); this module only
gathers and writes them.

``UID`` is derived from the organisation and the level or channel id, so importing a newer
export updates the same cards instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app import __version__
from app.core.contact_kinds import CardPhone, kind_of
from app.core.export_options import DEFAULT_VCARD_VERSION, VCARD_VERSIONS, VCardVersion
from app.core.phrases import hours_summary, level_label
from app.domain.model import Channel, Config, Contact, EscalationLevel
from app.domain.texts import N_, tr

VERSIONS = VCARD_VERSIONS
DEFAULT_VERSION = DEFAULT_VCARD_VERSION
#: the namespace of the cards' UIDs (uuid5 of it and "organisation|card id")
UID_NAMESPACE = uuid.UUID("6f1c1f0e-5a43-4c8e-9d0e-2c4b2b7f3a11")

_SUPPORT_CHANNEL = N_("Support channel")
_ESCALATION = N_("Escalation contacts")
_CHANNELS = N_("Support channels")
_HOURS = N_("Hours: {hours}")
_NOT_PUBLISHED = N_("Hours not published")


def tel_value(phone: CardPhone, version: VCardVersion) -> str:
    """``+576013790300;ext=1113`` (3.0) or ``tel:+57-601-3790300;ext=1113`` (4.0)."""
    number = phone.uri if version == "4.0" else phone.e164
    return number if phone.extension is None else f"{number};ext={phone.extension}"


@dataclass(frozen=True)
class Card:
    """What one card says, before it is written."""

    id: str  # ``level-2`` or a channel id
    name: str
    title: str
    phones: tuple[CardPhone, ...]
    emails: tuple[str, ...]
    urls: tuple[str, ...]
    note: str
    category: str


def cards(config: Config, lang: str) -> list[Card]:
    """The ladder from its first level, then every channel in the configured order."""
    result = [_level_card(config, level, lang) for level in config.escalation]
    result += [_channel_card(config, channel, lang) for channel in config.channels]
    return result


def _level_card(config: Config, level: EscalationLevel, lang: str) -> Card:
    label = level_label(level.level, level.name, lang)
    if level.schedule is None:
        hours = tr(lang, _NOT_PUBLISHED)
    else:
        hours = tr(lang, _HOURS, hours=hours_summary(config.schedule(level.schedule), lang))
    return _card(f"level-{level.level}", label, label, level.contacts, hours, level.notes, lang)


def _channel_card(config: Config, channel: Channel, lang: str) -> Card:
    hours = tr(lang, _HOURS, hours=hours_summary(config.schedule(channel.schedule), lang))
    title = tr(lang, _SUPPORT_CHANNEL)
    card = _card(channel.id, channel.name, title, channel.contacts, hours, channel.notes, lang)
    return Card(**{**card.__dict__, "category": tr(lang, _CHANNELS)})


def _card(
    card_id: str,
    name: str,
    title: str,
    contacts: Sequence[Contact],
    hours: str,
    notes: Sequence[str],
    lang: str,
) -> Card:
    phones: list[CardPhone] = []
    emails: list[str] = []
    urls: list[str] = []
    lines = [hours]
    for contact in contacts:
        entries = kind_of(contact).card_entries(contact, lang)
        phones += entries.phones
        emails += entries.emails
        urls += entries.urls
        if entries.note:
            lines.append(entries.note)
    lines.extend(notes)
    return Card(
        id=card_id,
        name=name,
        title=title,
        phones=tuple(phones),
        emails=tuple(dict.fromkeys(emails)),
        urls=tuple(dict.fromkeys(urls)),
        note="\n".join(lines),
        category=tr(lang, _ESCALATION),
    )


def card_uid(organisation: str, card_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(UID_NAMESPACE, f'{organisation}|{card_id}')}"


def vcards(
    config: Config,
    lang: str,
    stamp: dt.datetime,
    version: VCardVersion = DEFAULT_VERSION,
) -> str:
    """Every card, serialised (CRLF lines, folded at 75 octets). ``stamp`` is ``REV``."""
    if version not in VERSIONS:
        raise ValueError(f"vCard version must be one of {', '.join(VERSIONS)}")
    organisation = config.organisation.name
    rev = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return "".join(
        _serialise(card, organisation, version, rev, lang) for card in cards(config, lang)
    )


def _serialise(card: Card, organisation: str, version: VCardVersion, rev: str, lang: str) -> str:
    import vobject  # noqa: PLC0415 - deferred: only exports need it

    vcard: Any = vobject.vCard()
    vcard.add("version").value = version
    vcard.add("prodid").value = f"-//Canales//Canales {__version__}//{lang.upper()}"
    _verbatim(vcard, "uid", card_uid(organisation, card.id))
    vcard.add("fn").value = card.name
    vcard.add("n").value = vobject.vcard.Name(family=card.name)
    vcard.add("org").value = [organisation]
    vcard.add("title").value = card.title
    for phone in card.phones:
        kinds = ["cell", "voice"] if phone.mobile else ["work", "voice"]
        if version == "4.0":
            line = _verbatim(vcard, "tel", tel_value(phone, version))
            line.params["VALUE"] = ["uri"]
            line.params["TYPE"] = kinds
        else:
            line = _verbatim(vcard, "tel", tel_value(phone, version))
            line.params["TYPE"] = [k.upper() for k in kinds]
    for address in card.emails:
        email = vcard.add("email")
        email.value = address
        email.params["TYPE"] = ["work"] if version == "4.0" else ["INTERNET", "WORK"]
    for url in card.urls:
        # RFC 6350 3.4: a comma is escaped in every value, a URI's too (vobject reads it so)
        vcard.add("url").value = url
    vcard.add("note").value = card.note
    vcard.add("categories").value = [organisation, card.category]
    _verbatim(vcard, "rev", rev)
    text: str = vcard.serialize()
    return text


def _verbatim(vcard: Any, name: str, value: str) -> Any:
    """A line written as it is: a semicolon is escaped only in structured values, and in a
    ``TEL`` the ``;ext=`` must stay a parameter of the number, not become ``\\;ext=``."""
    line = vcard.add(name)
    line.value = value
    line.encoded = True
    return line
