"""Contact kinds as a registry: everything that differs between a phone, an email, a web
address and a WhatsApp number lives in one entry, so a new kind is one entry (and its model
class), not a switch in every module that shows, copies, opens, edits or searches contacts.

Qt-free: the widgets ask an entry for its words, icon name, copy texts and link; the settings
dialog asks it which fields to edit; the exports ask it for a contact's menu steps and
extensions (its ``details``) and for what the contact adds to a contact card (``card_entries``).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from app.domain.contacts import (
    dial_string,
    e164,
    ivr_text,
    national_digits,
    phone_display,
    tel_uri,
)
from app.domain.copy_format import CopyFormat
from app.domain.model import (
    CONTACT_MODELS,
    Channel,
    Contact,
    EmailContact,
    EscalationLevel,
    PhoneContact,
    WebContact,
    WhatsAppContact,
)
from app.domain.texts import N_, tr

EXTENSION_MARK = "ext."
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""The only links Canales ever hands to the desktop (DESIGN.md)."""

_EXTENSIONS = N_("extensions {extensions}")
_WHATSAPP_NOTE = N_("WhatsApp: {number}")


@dataclass(frozen=True)
class EditorField:
    """One text field of the settings dialog's contact editor."""

    key: str
    label: str  # a catalog phrase (msgid)
    placeholder: str = ""  # a catalog phrase, or a literal example


@dataclass(frozen=True)
class CardPhone:
    """One ``TEL`` of a contact card: a number (E.164 and as a ``tel:`` URI), optionally one of
    its extensions, and whether it is a mobile."""

    e164: str  # +576013790300
    uri: str  # tel:+57-601-3790300
    extension: str | None = None
    mobile: bool = False


@dataclass(frozen=True)
class CardEntries:
    """What one contact adds to a contact card (vCard): its numbers, addresses and web links,
    and the note line that says what those alone cannot (a menu, extensions, "WhatsApp")."""

    phones: tuple[CardPhone, ...] = ()
    emails: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    note: str = ""  # empty: nothing to add to the card's note


def _no_ivr(contact: Any, lang: str) -> str:
    return ""


def _no_extensions(contact: Any) -> tuple[str, ...]:
    return ()


@dataclass(frozen=True)
class ContactKind:
    """One kind of contact; ``display``, ``copy``, ``link`` and the other functions take a
    contact of ``model``. ``card`` says what the contact adds to a contact card, in a language;
    ``ivr`` (the menu steps, in words) and ``extensions`` are empty for kinds without them."""

    tag: str
    model: type[Any]
    icon: str  # resources/icons/<icon>.svg
    name: str  # catalog phrases (msgids) …
    verb: str  # … the action's button
    opens_with: str  # … what the action does
    schemes: frozenset[str]  # what its link may be
    display: Callable[[Any], str]
    copy: Callable[[Any, CopyFormat, str | None], str]
    link: Callable[[Any, str | None], str]
    search_terms: Callable[[Any], tuple[str, ...]]
    editor_fields: tuple[EditorField, ...]
    card: Callable[[Any, str], CardEntries]
    blank: Mapping[str, object] = field(default_factory=dict)
    has_ivr: bool = False  # phone menus and extensions: the editor's and the card's extras
    ivr: Callable[[Any, str], str] = _no_ivr
    extensions: Callable[[Any], tuple[str, ...]] = _no_extensions

    def words(self, lang: str) -> tuple[str, str, str]:
        """``(name, verb, what it opens)`` in ``lang``."""
        return tr(lang, self.name), tr(lang, self.verb), tr(lang, self.opens_with)

    def new_document(self) -> dict[str, object]:
        """A fresh, empty contact of this kind for the settings dialog."""
        return {"type": self.tag, "label": "", **self.blank}

    def safe_link(self, contact: Any, extension: str | None = None) -> str | None:
        """The link to open, or None if it is not one this kind (and Canales) may open."""
        uri = self.link(contact, extension)
        return uri if self._may_open(uri) else None

    def _may_open(self, uri: str) -> bool:
        scheme = urllib.parse.urlsplit(uri.strip()).scheme.lower()
        return scheme in self.schemes and scheme in LINK_SCHEMES

    def details(self, contact: Any, lang: str) -> tuple[str, ...]:
        """What the shown form leaves out: ``marque 2 → 4``, ``extensiones 1113, 1107``
        (each only when there is one; nothing for kinds without menus or extensions)."""
        ivr = self.ivr(contact, lang)
        extensions = self.extensions(contact)
        parts = [ivr] if ivr else []
        if extensions:
            parts.append(tr(lang, _EXTENSIONS, extensions=", ".join(extensions)))
        return tuple(parts)

    def card_entries(self, contact: Any, lang: str) -> CardEntries:
        """What the contact adds to a contact card, keeping only links Canales may open."""
        entries = self.card(contact, lang)
        return replace(entries, urls=tuple(u for u in entries.urls if self._may_open(u)))


def _phone_copy(contact: PhoneContact, fmt: CopyFormat, extension: str | None) -> str:
    if fmt is CopyFormat.DIAL:
        return dial_string(contact, extension)
    base = national_digits(contact) if fmt is CopyFormat.NATIONAL else e164(contact)
    return base if extension is None else f"{base} {EXTENSION_MARK} {extension}"


def _phone_link(contact: PhoneContact, extension: str | None) -> str:
    """``tel:+57-601-7442727;ext=1113`` (IVR steps cannot be encoded in a tel: link)."""
    uri = tel_uri(contact)
    return uri if extension is None else f"{uri};ext={extension}"


def _whatsapp_copy(contact: WhatsAppContact, fmt: CopyFormat, extension: str | None) -> str:
    """As a phone: national digits, or E.164 (a dial string has no menu to dial here)."""
    return national_digits(contact) if fmt is CopyFormat.NATIONAL else e164(contact)


def _whatsapp_link(contact: WhatsAppContact, extension: str | None) -> str:
    """``https://wa.me/573187174937``: WhatsApp's click-to-chat link, E.164 digits only."""
    return "https://wa.me/" + e164(contact).removeprefix("+")


def _phone_terms(contact: PhoneContact) -> tuple[str, ...]:
    return (national_digits(contact), e164(contact), *contact.extensions)


def _whatsapp_terms(contact: WhatsAppContact) -> tuple[str, ...]:
    return (national_digits(contact), e164(contact))


def _phone_extensions(contact: PhoneContact) -> tuple[str, ...]:
    return tuple(contact.extensions)


def _phone_card(contact: PhoneContact, lang: str) -> CardEntries:
    """A ``TEL`` per extension (the number alone without any), and a note line with the label,
    the number, its menu steps and extensions: ``Supervisor: +57 601 3790300, marque 2``."""
    number, uri = e164(contact), tel_uri(contact)
    phones = tuple(CardPhone(number, uri, ext) for ext in (*contact.extensions,) or (None,))
    text = ", ".join([phone_display(contact), *PHONE.details(contact, lang)])
    return CardEntries(phones=phones, note=f"{contact.label}: {text}" if contact.label else text)


def _whatsapp_card(contact: WhatsAppContact, lang: str) -> CardEntries:
    """A mobile ``TEL``, the ``wa.me`` link as a ``URL``, and a note saying it is WhatsApp."""
    return CardEntries(
        phones=(CardPhone(e164(contact), tel_uri(contact), mobile=True),),
        urls=(_whatsapp_link(contact, None),),
        note=tr(lang, _WHATSAPP_NOTE, number=phone_display(contact)),
    )


PHONE = ContactKind(
    tag="phone",
    model=PhoneContact,
    icon="phone",
    name=N_("Phone"),
    verb=N_("Call"),
    opens_with=N_("Opens the phone application"),
    schemes=frozenset({"tel"}),
    display=phone_display,
    copy=_phone_copy,
    link=_phone_link,
    search_terms=_phone_terms,
    editor_fields=(
        EditorField("number", N_("Number"), N_("With area code, e.g. +57 601 7442727")),
    ),
    card=_phone_card,
    blank=MappingProxyType({"number": "", "ivr": [], "extensions": []}),
    has_ivr=True,
    ivr=ivr_text,
    extensions=_phone_extensions,
)
EMAIL = ContactKind(
    tag="email",
    model=EmailContact,
    icon="mail",
    name=N_("Email"),
    verb=N_("Write"),
    opens_with=N_("Opens the email application"),
    schemes=frozenset({"mailto"}),
    display=lambda contact: contact.address,
    copy=lambda contact, fmt, extension: contact.address,
    link=lambda contact, extension: "mailto:" + urllib.parse.quote(contact.address, safe="@.+-_"),
    search_terms=lambda contact: (),
    editor_fields=(EditorField("address", N_("Address"), "soporte@example.com"),),
    card=lambda contact, lang: CardEntries(emails=(contact.address,)),
    blank=MappingProxyType({"address": ""}),
)
WEB = ContactKind(
    tag="web",
    model=WebContact,
    icon="web",
    name=N_("Web address"),
    verb=N_("Open page"),
    opens_with=N_("Opens the page in the web browser"),
    schemes=frozenset({"http", "https"}),
    display=lambda contact: contact.url,
    copy=lambda contact, fmt, extension: contact.url,
    link=lambda contact, extension: contact.url,
    search_terms=lambda contact: (),
    editor_fields=(EditorField("url", N_("URL"), "https://"),),
    card=lambda contact, lang: CardEntries(urls=(contact.url,)),
    blank=MappingProxyType({"url": "https://"}),
)
WHATSAPP = ContactKind(
    tag="whatsapp",
    model=WhatsAppContact,
    icon="whatsapp",
    name=N_("WhatsApp"),
    verb=N_("Start a chat"),
    opens_with=N_("Opens a WhatsApp chat with this number"),
    schemes=frozenset({"https"}),
    display=phone_display,
    copy=_whatsapp_copy,
    link=_whatsapp_link,
    search_terms=_whatsapp_terms,
    editor_fields=(EditorField("number", N_("Mobile number"), N_("e.g. +57 318 717 4937")),),
    card=_whatsapp_card,
    blank=MappingProxyType({"number": ""}),
)

KINDS: Mapping[str, ContactKind] = MappingProxyType(
    {kind.tag: kind for kind in (PHONE, EMAIL, WEB, WHATSAPP)}
)
_BY_MODEL: Mapping[type[Any], ContactKind] = MappingProxyType(
    {kind.model: kind for kind in KINDS.values()}
)
if set(_BY_MODEL) != set(CONTACT_MODELS):  # a model class without its entry, or the reverse
    raise RuntimeError("app.core.contact_kinds: every contact model needs exactly one kind")


def kind_of(contact: Contact) -> ContactKind:
    return _BY_MODEL[type(contact)]


def display_text(contact: Contact) -> str:
    return kind_of(contact).display(contact)


def copy_text(contact: Contact, fmt: CopyFormat, extension: str | None = None) -> str:
    """Exactly what lands on the clipboard for this contact in the agent's chosen format."""
    return kind_of(contact).copy(contact, fmt, extension)


def search_text_of_contact(contact: Contact) -> str:
    """What a filter may match in a contact: shown form, label, digits, extensions."""
    kind = kind_of(contact)
    return " ".join([kind.display(contact), contact.label, *kind.search_terms(contact)]).casefold()


def search_text(entity: Channel | EscalationLevel) -> str:
    """Everything a filter may match in a channel or level: its name and every contact."""
    return " ".join([entity.name.casefold(), *(search_text_of_contact(c) for c in entity.contacts)])
