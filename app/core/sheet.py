"""The printable channel sheet's words: what the help desk's wall and a new agent read.

Qt-free: the organisation, every channel with its hours and contacts, the escalation ladder, the
week ahead (a :class:`~app.domain.week.WeekPlan`, painted by the week view's own code), the
holidays and special days of the next 30 days, when it was printed, and which configuration it
shows (file, fingerprint, modification time, and who signed it once signatures exist).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass

from app.core.board import contact_view
from app.core.phrases import clock_of, date_text, hours_summary, level_label, long_date
from app.domain.availability import AvailabilityEngine
from app.domain.model import Channel, EscalationLevel
from app.domain.texts import N_, tr
from app.domain.week import WeekPlan, week_plan
from app.storage.config_source import ConfigUrl
from app.storage.config_store import LoadedConfig

HOLIDAY_DAYS = 30
WEEK_DAYS = 7

_SHEET = N_("Support channels sheet")
_CHANNELS = N_("Channels and hours")
_LADDER = N_("Whom to escalate to")
_WEEK = N_("The week ahead")
_DAYS = N_("Holidays and special days, next {days} days")
_NO_DAYS = N_("None: every schedule keeps its week.")
_NOTES = N_("Notes for agents")
_PRINTED = N_("Printed: {date}, {time} ({zone})")
_SOURCE = N_("Configuration: {name} · fingerprint {fingerprint} · modified {modified}")
_SOURCE_DEFAULT = N_("Configuration: the embedded default · fingerprint {fingerprint}")
_SIGNED = N_("signed by {signer}")
_UNSIGNED = N_("not signed")
_NOT_PUBLISHED = N_("Hours not published")
_SPECIAL = N_("{name} (special hours)")


@dataclass(frozen=True)
class SheetSource:
    """Which configuration the sheet shows. ``signed_by`` is the signature's signer, when the
    file carries one that was verified (None: unsigned, or signatures not in use)."""

    name: str
    is_default: bool
    fingerprint: str  # the first 12 hex digits of the file's SHA-256
    modified: dt.datetime | None
    signed_by: str | None = None


def source_of(loaded: LoadedConfig, signed_by: str | None = None) -> SheetSource:
    """The active file's name, fingerprint and modification time (None if it cannot be read)."""
    modified = None
    source = loaded.source
    if isinstance(source, ConfigUrl):  # published: its address, as the header shows it
        name = source.url
    else:
        name = source.name
        if not loaded.is_default:
            with contextlib.suppress(OSError):
                modified = dt.datetime.fromtimestamp(source.stat().st_mtime, dt.UTC)
    return SheetSource(
        name=name,
        is_default=loaded.is_default,
        fingerprint=loaded.digest[:12],
        modified=modified,
        signed_by=signed_by,
    )


@dataclass(frozen=True)
class SheetEntry:
    """A channel or an escalation level: its name, hours, one line per contact, its notes."""

    title: str
    hours: str
    contacts: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class SheetView:
    lang: str
    title: str  # the organisation
    product: str
    tagline: str
    heading: str  # "Hoja de canales de soporte"
    channels_heading: str
    channels: tuple[SheetEntry, ...]
    ladder_heading: str
    ladder: tuple[SheetEntry, ...]
    week_heading: str
    week: WeekPlan
    now: dt.datetime
    days_heading: str
    days: tuple[str, ...]  # "mar 8 dic · La Inmaculada Concepción", or the one "none" line
    notes_heading: str
    notes: tuple[str, ...]
    printed: str
    source: str


def sheet_view(
    engine: AvailabilityEngine, source: SheetSource, now: dt.datetime, lang: str
) -> SheetView:
    """The sheet as of ``now`` (the week and the 30 days start today on the centre's clock)."""
    config = engine.config
    local = engine.local(now)
    today = local.date()
    organisation = config.organisation
    return SheetView(
        lang=lang,
        title=organisation.name,
        product=organisation.product,
        tagline=organisation.tagline,
        heading=tr(lang, _SHEET),
        channels_heading=tr(lang, _CHANNELS),
        channels=tuple(_entry(engine, c, lang) for c in config.channels),
        ladder_heading=tr(lang, _LADDER),
        ladder=tuple(_entry(engine, level, lang) for level in config.escalation),
        week_heading=tr(lang, _WEEK),
        week=week_plan(engine, local, WEEK_DAYS),
        now=local,
        days_heading=tr(lang, _DAYS, days=HOLIDAY_DAYS),
        days=_marked_days(engine, today, lang),
        notes_heading=tr(lang, _NOTES),
        notes=tuple(config.notes),
        printed=tr(
            lang,
            _PRINTED,
            date=long_date(today, lang),
            time=clock_of(local),
            zone=config.timezone,
        ),
        source=_source_text(source, engine, lang),
    )


def _entry(engine: AvailabilityEngine, entity: Channel | EscalationLevel, lang: str) -> SheetEntry:
    if isinstance(entity, EscalationLevel):
        title = level_label(entity.level, entity.name, lang)
    else:
        title = entity.name
    if entity.schedule is None:
        hours = tr(lang, _NOT_PUBLISHED)
    else:
        hours = hours_summary(engine.config.schedule(entity.schedule), lang)
    lines = []
    for contact in entity.contacts:
        view = contact_view(contact, lang)
        shown = f"{view.kind_name}: {view.shown}"
        lines.append(", ".join([shown, *view.kind.details(contact, lang)]))
    return SheetEntry(title, hours, tuple(lines), tuple(entity.notes))


def _marked_days(engine: AvailabilityEngine, today: dt.date, lang: str) -> tuple[str, ...]:
    last = today + dt.timedelta(days=HOLIDAY_DAYS - 1)
    marked: list[tuple[dt.date, int, str]] = [
        (day, 0, name) for day, name in engine.calendar.between(today, last)
    ]
    for index, special in enumerate(engine.config.special_days):
        first = max(special.date, today)
        until = min(special.until or special.date, last)
        if first > until:
            continue
        when = date_text(first, lang)
        if until > first:
            when += f" – {date_text(until, lang)}"
        marked.append((first, 1 + index, f"{when} · {tr(lang, _SPECIAL, name=special.name)}"))
    lines = [
        text if order else f"{date_text(day, lang)} · {text}"
        for day, order, text in sorted(marked, key=lambda m: (m[0], m[1]))
    ]
    return tuple(lines) or (tr(lang, _NO_DAYS),)


def _source_text(source: SheetSource, engine: AvailabilityEngine, lang: str) -> str:
    if source.is_default:
        text = tr(lang, _SOURCE_DEFAULT, fingerprint=source.fingerprint)
    else:
        if source.modified is None:
            modified = "—"
        else:
            moment = engine.local(source.modified)
            modified = f"{moment.date().isoformat()} {clock_of(moment)}"
        text = tr(
            lang,
            _SOURCE,
            name=source.name,
            fingerprint=source.fingerprint,
            modified=modified,
        )
    if source.signed_by:
        signature = tr(lang, _SIGNED, signer=source.signed_by)
    else:
        signature = tr(lang, _UNSIGNED)
    return f"{text} · {signature}"
