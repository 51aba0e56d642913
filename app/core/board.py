"""View models of the board at an instant: what every card, level, contact and the header show.

The console's widgets and ``canales status`` both render these, so a state is derived once and
a phrase is worded once. Plain frozen dataclasses, Qt-free; the per-second countdown is the
one thing a view asks for again (``EntryView.change_text(now)``), because it moves every minute
while everything else changes only at the engine's transitions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from app.core.contact_kinds import ContactKind, kind_of, search_text_of_contact
from app.core.phrases import (
    DisplayState,
    change_text,
    display_state,
    hours_summary,
    opening_or_closing,
    state_text,
    today_note,
)
from app.domain.availability import Availability, AvailabilityEngine, Snapshot, State
from app.domain.copy_format import CopyFormat
from app.domain.model import Channel, Contact, EscalationLevel
from app.domain.texts import tr


@dataclass(frozen=True)
class ContactView:
    """One contact as shown: its words, what each copy format puts on the clipboard, its link."""

    contact: Contact
    kind: ContactKind
    kind_name: str
    verb: str  # the action button: Llamar, Escribir, Abrir, Chatear
    opens_with: str  # what the action does, for screen readers
    shown: str
    label: str
    ivr: str  # "marque 2 → 4", or empty
    extensions: tuple[str, ...]
    copies: Mapping[tuple[CopyFormat, str | None], str]  # (format, extension) → text
    search: str

    @property
    def accessible_name(self) -> str:
        return f"{self.kind_name}: {self.shown}"

    def copy_text(self, fmt: CopyFormat, extension: str | None = None) -> str:
        return self.copies[(fmt, extension)]

    def link(self, extension: str | None = None) -> str | None:
        """The link its action opens, or None when it is not one Canales may open."""
        return self.kind.safe_link(self.contact, extension)


def contact_view(contact: Contact, lang: str) -> ContactView:
    kind = kind_of(contact)
    name, verb, opens_with = kind.words(lang)
    extensions = kind.extensions(contact)
    ivr = kind.ivr(contact, lang)
    copies = {
        (fmt, ext): kind.copy(contact, fmt, ext)
        for fmt in CopyFormat
        for ext in (None, *extensions)
    }
    return ContactView(
        contact=contact,
        kind=kind,
        kind_name=name,
        verb=verb,
        opens_with=opens_with,
        shown=kind.display(contact),
        label=contact.label,
        ivr=ivr,
        extensions=extensions,
        copies=MappingProxyType(copies),
        search=search_text_of_contact(contact),
    )


@dataclass(frozen=True)
class EntryView:
    """A channel or an escalation level at one instant."""

    id: str
    name: str
    level: int | None  # the ladder's number; None for a channel
    state: DisplayState
    state_text: str
    availability: Availability
    hours: str
    reason: str | None
    notes: tuple[str, ...]
    contacts: tuple[ContactView, ...]
    search: str
    lang: str

    @property
    def is_open(self) -> bool:
        return self.availability.state is State.OPEN

    @property
    def next_change(self) -> dt.datetime | None:
        return self.availability.next_change

    def change_text(self, now: dt.datetime) -> str:
        """``cierra 19:00 · en 2 h 15 min`` as of ``now`` (empty for 24/7 or unpublished)."""
        return change_text(self.availability, now, self.lang)

    def matches(self, query: str) -> bool:
        return not query or query in self.search


def _entry(
    entity: Channel | EscalationLevel,
    av: Availability,
    hours: str,
    lang: str,
    contacts: tuple[ContactView, ...],
) -> EntryView:
    state = display_state(av)
    return EntryView(
        id=entity.id if isinstance(entity, Channel) else str(entity.level),
        name=entity.name,
        level=entity.level if isinstance(entity, EscalationLevel) else None,
        state=state,
        state_text=state_text(state, lang),
        availability=av,
        hours=hours,
        reason=av.reason,
        notes=tuple(entity.notes),
        contacts=contacts,
        search=" ".join([entity.name.casefold(), *(c.search for c in contacts)]),
        lang=lang,
    )


@dataclass(frozen=True)
class BoardView:
    at: dt.datetime
    timezone: str
    title: str
    tagline: str
    holiday: str | None
    today: str
    channels: tuple[EntryView, ...]
    escalation: tuple[EntryView, ...]
    lang: str


class BoardBuilder:
    """Builds board views for one configuration and language; contacts and hours summaries,
    which change only with the configuration, are worded once."""

    def __init__(self, engine: AvailabilityEngine, lang: str) -> None:
        self.engine = engine
        self.lang = lang
        config = engine.config
        entities: list[Channel | EscalationLevel] = [*config.channels, *config.escalation]
        self._contacts = {
            id(entity): tuple(contact_view(c, lang) for c in entity.contacts) for entity in entities
        }
        self._hours: dict[str, str] = {s.id: hours_summary(s, lang) for s in config.schedules}

    def hours_of(self, entity: Channel | EscalationLevel) -> str:
        if entity.schedule is None:
            return tr(self.lang, "Hours not published")
        return self._hours[entity.schedule]

    def board(self, snapshot: Snapshot) -> BoardView:
        config = self.engine.config
        organisation = config.organisation
        plan = None
        if config.channels:
            timetable = self.engine.timetable(config.channels[0].id)
            plan = timetable.day(snapshot.at.toordinal())
        return BoardView(
            at=snapshot.at,
            timezone=config.timezone,
            title=" · ".join(p for p in (organisation.name, organisation.product) if p),
            tagline=organisation.tagline,
            holiday=snapshot.holiday,
            today=today_note(snapshot.at, snapshot.holiday, plan, self.lang),
            channels=tuple(self._view(c, av) for c, av in snapshot.channels),
            escalation=tuple(self._view(level, av) for level, av in snapshot.escalation),
            lang=self.lang,
        )

    def _view(self, entity: Channel | EscalationLevel, av: Availability) -> EntryView:
        return _entry(entity, av, self.hours_of(entity), self.lang, self._contacts[id(entity)])


@dataclass(frozen=True)
class Recommendation:
    """ "Usar ahora" for one request type: the channels to use this minute, in order; when none
    is open, which opens first, and the line a critical incident still has (the 24/7 line)."""

    channels: tuple[EntryView, ...]
    next_opening: str | None  # "Chat en línea: abre mañana 7:00 · en 10 h"
    text: str
    critical: EntryView | None = None  # open fallback of another request type, when none is

    @property
    def main(self) -> EntryView | None:
        """The channel whose main contact the strip copies."""
        return self.channels[0] if self.channels else self.critical


def _channel_text(view: EntryView) -> str:
    return f"{view.name} — {view.contacts[0].shown}" if view.contacts else view.name


def critical_fallback(
    engine: AvailabilityEngine,
    at: dt.datetime,
    *,
    besides_request: str | None = None,
    besides_channel: str | None = None,
) -> str | None:
    """The id of the open fallback line of a request type (priority 1's 24/7 line) when it is
    all that type has open: what the seed page says to use for a critical incident when
    nothing for ordinary requests is open. Not ``besides_request``'s, not ``besides_channel``."""
    for rtype in engine.config.request_types:
        if rtype.fallback is None or besides_request == rtype.id:
            continue
        if rtype.fallback == besides_channel:
            continue
        if [c.id for c in engine.recommend(rtype.id, at)] == [rtype.fallback]:
            return rtype.fallback
    return None


def _critical(
    builder: BoardBuilder, by_id: Mapping[str, EntryView], request_type: str, at: dt.datetime
) -> EntryView | None:
    found = critical_fallback(builder.engine, at, besides_request=request_type)
    return None if found is None else by_id[found]


def recommendation(
    builder: BoardBuilder, board: BoardView, request_type: str, now: dt.datetime | None = None
) -> Recommendation:
    """As of the board's instant, or of ``now`` between transitions (the countdown moves)."""
    engine, lang = builder.engine, builder.lang
    at = board.at if now is None else now
    by_id = {view.id: view for view in board.channels}
    chosen = tuple(by_id[c.id] for c in engine.recommend(request_type, at))
    if chosen:
        text = _channel_text(chosen[0])
        if len(chosen) > 1:
            also = ", ".join(v.name for v in chosen[1:])
            text += "  ·  " + tr(lang, "also: {names}", names=also)
        return Recommendation(chosen, None, text)
    upcoming = engine.next_opening(request_type, at)
    opening = None
    if upcoming is not None:
        channel, moment = upcoming
        opening = f"{channel.name}: {opening_or_closing(False, moment, at, lang)}"
    text = tr(lang, "No channel for this request is open now")
    if opening:
        text += f" · {opening}"
    critical = _critical(builder, by_id, request_type, at)
    if critical is not None:
        line = _channel_text(critical)
        text += "\n" + tr(lang, "For a critical incident (priority 1): {line}", line=line)
    return Recommendation((), opening, text, critical)
