"""Value types for contacts and hours: phones, emails, URLs, clock times.

Each check raises ``RuleViolation`` with a stable kind so that messages can be given in the
supervisor's language (see ``app.domain.validation_text``). The checks are attached as
``app.domain.rules`` metadata, run by both validators, and importing this module loads neither
pydantic nor phonenumbers (the phone check imports it when it first runs).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import unicodedata
import urllib.parse
from typing import TYPE_CHECKING, Annotated

from app.domain.rules import Check, Length, custom_error

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber as PhoneNumberObject

DEFAULT_PHONE_REGION = "CO"
MINUTES_PER_DAY = 24 * 60

_TIME_RE = re.compile(r"([01]\d|2[0-4]):([0-5]\d)")
_EMAIL_RE = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
_HOST_RE = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
)
_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_DIGITS_RE = re.compile(r"[0-9*#]{1,8}")
_EXTENSION_RE = re.compile(r"[0-9]{1,7}")
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Control characters (Unicode category Cc: C0, DEL and C1), and the bidirectional embeddings,
# overrides and isolates that reorder what a terminal or a label shows, so a name could display
# as something it is not. One compiled scan: notes may be thousands of characters long.
_UNSAFE_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 2000


def parse_clock_time(value: str) -> int:
    """``"07:30"`` -> minutes since midnight; ``"24:00"`` is allowed as the end of a day."""
    match = _TIME_RE.fullmatch(value)
    if not match:
        raise custom_error("clock_time", "not a time HH:MM", value=value)
    minutes = int(match.group(1)) * 60 + int(match.group(2))
    if minutes > MINUTES_PER_DAY:
        raise custom_error("clock_time", "not a time HH:MM", value=value)
    return minutes


def format_clock_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _check_clock_time(value: str) -> str:
    parse_clock_time(value)
    return value


def _check_identifier(value: str) -> str:
    if not _ID_RE.fullmatch(value):
        raise custom_error("identifier", "not a valid id", value=value)
    return value


def _check_email(value: str) -> str:
    value = value.strip()
    if len(value) > 254 or not _EMAIL_RE.fullmatch(value):
        raise custom_error("email", "not an email address", value=value)
    return value


def _check_url(value: str) -> str:
    """Only http/https with a real host: never javascript:, file:, data: or a host-less URL."""
    value = value.strip()
    if any(ch.isspace() or ord(ch) < 32 for ch in value) or "\\" in value:
        raise custom_error("url", "not a valid web address", value=value)
    parts = urllib.parse.urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise custom_error("url_scheme", "only http/https", value=value)
    if not value.lower().startswith(parts.scheme.lower() + "://"):
        raise custom_error("url_host", "needs a host", value=value)
    try:
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise custom_error("url", "not a valid web address", value=value) from exc
    if "@" in parts.netloc:  # any user information, even an empty name: a disguised host
        raise custom_error("url_userinfo", "user information in the address", value=value)
    if not host or not (_HOST_RE.fullmatch(host) or _is_ip_literal(host)):
        raise custom_error("url_host", "needs a host", value=value)
    return value


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _check_phone(value: str) -> str:
    _parsed_phone(value)
    return value.strip()


def _check_mobile(value: str) -> str:
    """A number WhatsApp can reach: a mobile line (or one the plan cannot tell apart)."""
    import phonenumbers  # noqa: PLC0415 - see _parsed_phone

    kind = phonenumbers.number_type(_parsed_phone(value))
    if kind not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise custom_error("mobile", "not a mobile number", value=value)
    return value.strip()


def _parsed_phone(value: str) -> PhoneNumberObject:
    import phonenumbers  # noqa: PLC0415 - only when a phone is checked, see the module doc

    try:
        number = phonenumbers.parse(value, DEFAULT_PHONE_REGION)
    except phonenumbers.NumberParseException as exc:
        raise custom_error("phone", "not a phone number", value=value) from exc
    if not phonenumbers.is_valid_number(number):
        raise custom_error("phone", "not a phone number", value=value)
    if number.extension:  # every copy form would drop it: it belongs in ``extensions``
        raise custom_error("phone_extension", "extension in the number", value=value)
    return number


def _check_digits(value: str) -> str:
    if not _DIGITS_RE.fullmatch(value):
        raise custom_error("ivr_digits", "keys 0-9 * #", value=value)
    return value


def _check_extension(value: str) -> str:
    if not _EXTENSION_RE.fullmatch(value):
        raise custom_error("extension", "digits only", value=value)
    return value


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _check_text(value: str) -> str:
    """One line of text a person reads: no control characters (a terminal would obey an escape
    sequence, a CR/LF forges a line) and no bidirectional overrides."""
    found = _UNSAFE_CHARACTER.search(value)
    if found is not None:
        raise custom_error("control_character", "control character", position=found.start() + 1)
    return value


def _check_name(value: str) -> str:
    """Text, and not blank once invisible characters (zero-width spaces, joiners) are gone."""
    _check_text(value)
    if not any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in value):
        raise custom_error("blank", "must not be empty")
    return value


def _check_iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD`` (or a date): not a number of seconds, not a week date."""
    if type(value) is dt.date or (type(value) is str and _ISO_DATE_RE.fullmatch(value.strip())):
        return value
    raise custom_error("date_parsing", "not a date YYYY-MM-DD")


ClockTime = Annotated[str, Check(_check_clock_time)]
Identifier = Annotated[str, Check(_check_identifier)]
EmailAddress = Annotated[str, Check(_check_email)]
WebUrl = Annotated[str, Check(_check_url)]
PhoneNumber = Annotated[str, Check(_check_phone)]
MobileNumber = Annotated[str, Check(_check_mobile)]
DialDigits = Annotated[str, Check(_check_digits)]
Extension = Annotated[str, Check(_check_extension)]
Name = Annotated[str, Check(_check_name, before=_strip), Length(max_length=MAX_NAME_LENGTH)]
Text = Annotated[str, Check(_check_text), Length(max_length=MAX_TEXT_LENGTH)]
Day = Annotated[dt.date, Check(before=_check_iso_date)]
