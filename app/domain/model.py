"""The configuration model: what a supervisor can set, validated with actionable errors.

Plain frozen dataclasses: the rules ride along as ``app.domain.rules`` metadata, and pydantic
builds its validator from them only when a file is checked (``app.domain.document``). Every
class is keyword-only so the fields keep the order of the file and of the JSON Schema.

Lists keep their order on purpose: the order of ``channels`` is the order agents see and the
order in which recommendations are made; ``escalation`` is the ladder from first to last.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
import zoneinfo
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Final, Literal, TypeVar, dataclass_transform

from app.domain.replies import ChannelReply, CriticalReply, NoneReply
from app.domain.rules import (
    STRICT,
    STRICT_CONFIG,
    Bounds,
    Check,
    CheckWithContext,
    Length,
    Tagged,
    custom_error,
)
from app.domain.typed import require_buildable
from app.domain.values import (
    MINUTES_PER_DAY,
    ClockTime,
    Day,
    DialDigits,
    EmailAddress,
    Extension,
    Identifier,
    MobileNumber,
    Name,
    PhoneNumber,
    Text,
    WebUrl,
    parse_clock_time,
)

SCHEMA_VERSION: Final = 2
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ChannelKind = Literal["phone", "email", "chat", "web", "other"]
_COUNTRY_RE = re.compile(r"[A-Z]{2,3}")
# IANA names: ASCII components joined by "/" ("America/Bogota", "Etc/GMT+5"), none longer
# than the database uses; anything else is refused before the file system is asked.
_ZONE_RE = re.compile(r"[A-Za-z][A-Za-z0-9_+-]{0,30}(?:/[A-Za-z0-9_+-]{1,30}){0,3}")

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def model(cls: type[_T]) -> type[_T]:
    """Every model class: frozen (a loaded config is never edited in place), keyword-only,
    validated with ``STRICT_CONFIG``, and checked at definition to be buildable by both
    validators with none of its rules lost (``app.domain.typed.require_buildable``)."""
    cls.__pydantic_config__ = STRICT_CONFIG  # type: ignore[attr-defined]
    built = dataclass(frozen=True, kw_only=True)(cls)
    require_buildable(built)
    return built


def _known_zone(value: str) -> str:
    """A zone of the IANA database. A directory of it (``America``) or an over-long name is
    an OSError from the file system, not a zone."""
    if not _ZONE_RE.fullmatch(value):
        raise custom_error("timezone", "unknown time zone", value=value)
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise custom_error("timezone", "unknown time zone", value=value) from exc
    return value


def _known_country(value: str, context: Mapping[str, Any]) -> str:
    known = context.get("holiday_countries")
    if not _COUNTRY_RE.fullmatch(value) or (known is not None and value not in known):
        raise custom_error("country", "unknown holiday country", value=value)
    return value


@model
class Interval:
    """Half-open ``[start, end)``; an end at or before the start crosses midnight."""

    start: ClockTime
    end: ClockTime

    def __post_init__(self) -> None:
        start, end = self.start_minute, parse_clock_time(self.end)
        if start == MINUTES_PER_DAY:
            raise custom_error("interval_start", "24:00 cannot start an interval")
        if start == end:
            raise custom_error("interval_empty", "start equals end")

    @property
    def start_minute(self) -> int:
        return parse_clock_time(self.start)

    @property
    def end_minute(self) -> int:
        """Minutes after the start day's midnight; past 1440 when the interval crosses midnight."""
        start, end = self.start_minute, parse_clock_time(self.end)
        return end if end > start else end + MINUTES_PER_DAY


@model
class WeeklyHours:
    mon: list[Interval] = field(default_factory=list)
    tue: list[Interval] = field(default_factory=list)
    wed: list[Interval] = field(default_factory=list)
    thu: list[Interval] = field(default_factory=list)
    fri: list[Interval] = field(default_factory=list)
    sat: list[Interval] = field(default_factory=list)
    sun: list[Interval] = field(default_factory=list)

    def for_weekday(self, weekday: int) -> list[Interval]:
        """Monday is 0, as in ``date.weekday()``."""
        result: list[Interval] = getattr(self, WEEKDAYS[weekday])
        return result


@model
class Schedule:
    id: Identifier
    name: Name
    closed_on_holidays: Annotated[bool, STRICT] = True
    week: WeeklyHours


@model
class SpecialDay:
    """Overrides the weekly hours of some channels on a date or an inclusive date range."""

    name: Name
    date: Day
    until: Day | None = None
    channels: Annotated[list[Identifier], Length(min_length=1)]
    closed: Annotated[bool, STRICT]
    hours: list[Interval] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.until is not None and self.until < self.date:
            raise custom_error("range_order", "until before date")
        if self.closed and self.hours:
            raise custom_error("closed_with_hours", "closed day with hours")
        if not self.closed and not self.hours:
            raise custom_error("open_without_hours", "open day without hours")

    def covers(self, day: dt.date) -> bool:
        return self.date <= day <= (self.until or self.date)


@model
class IvrStep:
    digits: DialDigits
    label: Text = ""


@model
class PhoneContact:
    type: Literal["phone"] = "phone"
    label: Text = ""
    number: PhoneNumber
    ivr: list[IvrStep] = field(default_factory=list)
    extensions: list[Extension] = field(default_factory=list)


@model
class EmailContact:
    type: Literal["email"] = "email"
    label: Text = ""
    address: EmailAddress


@model
class WebContact:
    type: Literal["web"] = "web"
    label: Text = ""
    url: WebUrl


@model
class WhatsAppContact:
    """A mobile number customers write to on WhatsApp (most Colombian service runs there)."""

    type: Literal["whatsapp"] = "whatsapp"
    label: Text = ""
    number: MobileNumber


Contact = Annotated[PhoneContact | EmailContact | WebContact | WhatsAppContact, Tagged("type")]
CONTACT_MODELS: Final[tuple[type[Any], ...]] = typing.get_args(typing.get_args(Contact)[0])
"""The contact classes, each told apart by the default of its ``type`` field."""


@model
class RequestType:
    """A kind of request; ``fallback`` is used only when no other channel for it is open."""

    id: Identifier
    name: Name
    fallback: Identifier | None = None


@model
class Channel:
    id: Identifier
    name: Name
    kind: ChannelKind
    request_types: Annotated[list[Identifier], Length(min_length=1)]
    schedule: Identifier
    contacts: list[Contact] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)


@model
class EscalationLevel:
    level: Annotated[int, STRICT, Bounds(ge=1)]
    name: Name
    contacts: list[Contact] = field(default_factory=list)
    schedule: Identifier | None = None
    # minutes the level has to answer an escalated case before the agent goes up a level;
    # None: not published (the seed page gives none)
    respond_within_minutes: Annotated[int, STRICT, Bounds(ge=1, le=1440)] | None = None
    notes: list[Text] = field(default_factory=list)


@model
class Organisation:
    name: Name
    product: Text = ""
    tagline: Text = ""
    language: Literal["es", "en"] = "es"


@model
class ReplyTemplates:
    """One language's reply sentences (``app.domain.replies``); ``null`` is the built-in one."""

    open: ChannelReply | None = None
    closing: ChannelReply | None = None
    closed: ChannelReply | None = None
    holiday: ChannelReply | None = None
    special: ChannelReply | None = None
    always: ChannelReply | None = None
    no_hours: ChannelReply | None = None
    critical: CriticalReply | None = None
    none: NoneReply | None = None


@model
class Replies:
    """The reply templates per language; the agent's language picks one."""

    es: ReplyTemplates = field(default_factory=ReplyTemplates)
    en: ReplyTemplates = field(default_factory=ReplyTemplates)


@model
class Config:
    schema_version: Literal[2] = SCHEMA_VERSION
    organisation: Organisation
    timezone: Annotated[str, Check(_known_zone)] = "America/Bogota"
    holiday_country: Annotated[str, CheckWithContext(_known_country)] = "CO"
    closing_soon_minutes: Annotated[int, STRICT, Bounds(ge=0, le=720)] = 15
    request_types: Annotated[list[RequestType], Length(min_length=1)]
    schedules: list[Schedule] = field(default_factory=list)
    special_days: list[SpecialDay] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    escalation: list[EscalationLevel] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    replies: Replies = field(default_factory=Replies)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def schedule(self, schedule_id: str) -> Schedule:
        return next(s for s in self.schedules if s.id == schedule_id)

    def channel(self, channel_id: str) -> Channel:
        return next(c for c in self.channels if c.id == channel_id)


def _duplicates(ids: list[str]) -> set[str]:
    return {key for key, count in Counter(ids).items() if count > 1}


def reference_problems(config: Config) -> list[tuple[str, str, str]]:
    """Cross-references and uniqueness, in document order, as ``(error type, json path, value)``.

    Checked once for the whole file by ``app.domain.document`` so that every problem is listed
    at once; no ``Config`` with a dangling reference is ever handed out.
    """
    return list(_reference_problems(config))


def _reference_problems(config: Config) -> Iterator[tuple[str, str, str]]:
    schedule_ids = [s.id for s in config.schedules]
    channel_ids = [c.id for c in config.channels]
    type_ids = [r.id for r in config.request_types]
    for label, ids in (("schedules", schedule_ids), ("channels", channel_ids)):
        for dup in sorted(_duplicates(ids)):
            yield ("duplicate_id", f"{label}[{ids.index(dup, ids.index(dup) + 1)}].id", dup)
    for dup in sorted(_duplicates(type_ids)):
        index = type_ids.index(dup, type_ids.index(dup) + 1)
        yield ("duplicate_id", f"request_types[{index}].id", dup)
    for i, rtype in enumerate(config.request_types):
        if rtype.fallback is not None and rtype.fallback not in channel_ids:
            yield ("unknown_channel", f"request_types[{i}].fallback", rtype.fallback)
    for i, channel in enumerate(config.channels):
        if channel.schedule not in schedule_ids:
            yield ("unknown_schedule", f"channels[{i}].schedule", channel.schedule)
        for j, rtype_id in enumerate(channel.request_types):
            if rtype_id not in type_ids:
                yield ("unknown_request_type", f"channels[{i}].request_types[{j}]", rtype_id)
    for i, special in enumerate(config.special_days):
        for j, channel_id in enumerate(special.channels):
            if channel_id not in channel_ids:
                yield ("unknown_channel", f"special_days[{i}].channels[{j}]", channel_id)
    for i, level in enumerate(config.escalation):
        if level.level != i + 1:
            yield ("level_order", f"escalation[{i}].level", str(i + 1))
        if level.schedule is not None and level.schedule not in schedule_ids:
            yield ("unknown_schedule", f"escalation[{i}].schedule", level.schedule)
