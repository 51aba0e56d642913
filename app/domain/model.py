"""The configuration model: what a supervisor can set, validated with actionable errors.

Lists keep their order on purpose: the order of ``channels`` is the order agents see and the
order in which recommendations are made; ``escalation`` is the ladder from first to last.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections import Counter
from collections.abc import Iterator
from typing import Annotated, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from app.domain.values import (
    MINUTES_PER_DAY,
    ClockTime,
    DialDigits,
    EmailAddress,
    Extension,
    Identifier,
    Name,
    PhoneNumber,
    WebUrl,
    parse_clock_time,
)

SCHEMA_VERSION: Final = 2
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ChannelKind = Literal["phone", "email", "chat", "web", "other"]
_COUNTRY_RE = re.compile(r"^[A-Z]{2,3}$")


class _Strict(BaseModel):
    """Unknown keys are errors: a typo must never be silently dropped.

    ``defer_build``: the validator is built once, for ``Config``, when the first file is read,
    instead of once per class at import (a third of ``canales status``'s start-up otherwise).
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Interval(_Strict):
    """Half-open ``[start, end)``; an end at or before the start crosses midnight."""

    start: ClockTime
    end: ClockTime

    @model_validator(mode="after")
    def _not_empty(self) -> Interval:
        start, end = self.start_minute, parse_clock_time(self.end)
        if start == MINUTES_PER_DAY:
            raise PydanticCustomError("interval_start", "24:00 cannot start an interval", {})
        if start == end:
            raise PydanticCustomError("interval_empty", "start equals end", {})
        return self

    @property
    def start_minute(self) -> int:
        return parse_clock_time(self.start)

    @property
    def end_minute(self) -> int:
        """Minutes after the start day's midnight; past 1440 when the interval crosses midnight."""
        start, end = self.start_minute, parse_clock_time(self.end)
        return end if end > start else end + MINUTES_PER_DAY


class WeeklyHours(_Strict):
    mon: list[Interval] = []
    tue: list[Interval] = []
    wed: list[Interval] = []
    thu: list[Interval] = []
    fri: list[Interval] = []
    sat: list[Interval] = []
    sun: list[Interval] = []

    def for_weekday(self, weekday: int) -> list[Interval]:
        """Monday is 0, as in ``date.weekday()``."""
        result: list[Interval] = getattr(self, WEEKDAYS[weekday])
        return result


class Schedule(_Strict):
    id: Identifier
    name: Name
    closed_on_holidays: Annotated[bool, Field(strict=True)] = True
    week: WeeklyHours


class SpecialDay(_Strict):
    """Overrides the weekly hours of some channels on a date or an inclusive date range."""

    name: Name
    date: dt.date
    until: dt.date | None = None
    channels: Annotated[list[Identifier], Field(min_length=1)]
    closed: Annotated[bool, Field(strict=True)]
    hours: list[Interval] = []

    @model_validator(mode="after")
    def _consistent(self) -> SpecialDay:
        if self.until is not None and self.until < self.date:
            raise PydanticCustomError("range_order", "until before date", {})
        if self.closed and self.hours:
            raise PydanticCustomError("closed_with_hours", "closed day with hours", {})
        if not self.closed and not self.hours:
            raise PydanticCustomError("open_without_hours", "open day without hours", {})
        return self

    def covers(self, day: dt.date) -> bool:
        return self.date <= day <= (self.until or self.date)


class IvrStep(_Strict):
    digits: DialDigits
    label: str = ""


class PhoneContact(_Strict):
    type: Literal["phone"] = "phone"
    label: str = ""
    number: PhoneNumber
    ivr: list[IvrStep] = []
    extensions: list[Extension] = []


class EmailContact(_Strict):
    type: Literal["email"] = "email"
    label: str = ""
    address: EmailAddress


class WebContact(_Strict):
    type: Literal["web"] = "web"
    label: str = ""
    url: WebUrl


Contact = Annotated[PhoneContact | EmailContact | WebContact, Field(discriminator="type")]


class RequestType(_Strict):
    """A kind of request; ``fallback`` is used only when no other channel for it is open."""

    id: Identifier
    name: Name
    fallback: Identifier | None = None


class Channel(_Strict):
    id: Identifier
    name: Name
    kind: ChannelKind
    request_types: Annotated[list[Identifier], Field(min_length=1)]
    schedule: Identifier
    contacts: list[Contact] = []
    notes: list[str] = []


class EscalationLevel(_Strict):
    level: Annotated[int, Field(strict=True, ge=1)]
    name: Name
    contacts: list[Contact] = []
    schedule: Identifier | None = None
    notes: list[str] = []


class Organisation(_Strict):
    name: Name
    product: str = ""
    tagline: str = ""
    language: Literal["es", "en"] = "es"


class Config(_Strict):
    schema_version: Literal[2] = SCHEMA_VERSION
    organisation: Organisation
    timezone: str = "America/Bogota"
    holiday_country: str = "CO"
    closing_soon_minutes: Annotated[int, Field(strict=True, ge=0, le=720)] = 15
    request_types: Annotated[list[RequestType], Field(min_length=1)]
    schedules: list[Schedule] = []
    special_days: list[SpecialDay] = []
    channels: list[Channel] = []
    escalation: list[EscalationLevel] = []
    notes: list[str] = []

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise PydanticCustomError("timezone", "unknown time zone", {"value": value}) from exc
        return value

    @field_validator("holiday_country")
    @classmethod
    def _known_country(cls, value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("holiday_countries")
        if not _COUNTRY_RE.match(value) or (known is not None and value not in known):
            raise PydanticCustomError("country", "unknown holiday country", {"value": value})
        return value

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> Config:
        # A validator can report only one error; ``app.domain.document`` defers this check and
        # then lists every reference problem at once. Either way no Config with a dangling
        # reference is ever handed out.
        if not (info.context or {}).get("defer_references"):
            for problem in _reference_problems(self):
                raise problem
        return self

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def schedule(self, schedule_id: str) -> Schedule:
        return next(s for s in self.schedules if s.id == schedule_id)

    def channel(self, channel_id: str) -> Channel:
        return next(c for c in self.channels if c.id == channel_id)


def _duplicates(ids: list[str]) -> set[str]:
    return {key for key, count in Counter(ids).items() if count > 1}


def _reference_problems(config: Config) -> Iterator[PydanticCustomError]:
    """Cross-references and uniqueness, in document order."""
    schedule_ids = [s.id for s in config.schedules]
    channel_ids = [c.id for c in config.channels]
    type_ids = [r.id for r in config.request_types]
    for label, ids in (("schedules", schedule_ids), ("channels", channel_ids)):
        for dup in sorted(_duplicates(ids)):
            yield _ref_error(
                "duplicate_id", f"{label}[{ids.index(dup, ids.index(dup) + 1)}].id", dup
            )
    for dup in sorted(_duplicates(type_ids)):
        index = type_ids.index(dup, type_ids.index(dup) + 1)
        yield _ref_error("duplicate_id", f"request_types[{index}].id", dup)
    for i, rtype in enumerate(config.request_types):
        if rtype.fallback is not None and rtype.fallback not in channel_ids:
            yield _ref_error("unknown_channel", f"request_types[{i}].fallback", rtype.fallback)
    for i, channel in enumerate(config.channels):
        if channel.schedule not in schedule_ids:
            yield _ref_error("unknown_schedule", f"channels[{i}].schedule", channel.schedule)
        for j, rtype_id in enumerate(channel.request_types):
            if rtype_id not in type_ids:
                yield _ref_error(
                    "unknown_request_type", f"channels[{i}].request_types[{j}]", rtype_id
                )
    for i, special in enumerate(config.special_days):
        for j, channel_id in enumerate(special.channels):
            if channel_id not in channel_ids:
                yield _ref_error("unknown_channel", f"special_days[{i}].channels[{j}]", channel_id)
    for i, level in enumerate(config.escalation):
        if level.level != i + 1:
            yield _ref_error("level_order", f"escalation[{i}].level", str(i + 1))
        if level.schedule is not None and level.schedule not in schedule_ids:
            yield _ref_error("unknown_schedule", f"escalation[{i}].schedule", level.schedule)


def _ref_error(kind: str, where: str, value: str) -> PydanticCustomError:
    return PydanticCustomError(kind, "{where}: {value}", {"where": where, "value": value})


def reference_problems(config: Config) -> list[tuple[str, str, str]]:
    """Every cross-reference problem as ``(error type, json path, value)``."""
    out = []
    for err in _reference_problems(config):
        ctx = err.context or {}
        out.append((err.type, str(ctx["where"]), str(ctx["value"])))
    return out
