"""Supervisor-facing wording for validation errors, in the catalog's languages.

Keyed by pydantic's error ``type`` or by the kind of one of our rules' ``RuleViolation``
(``app.domain.rules``); anything unlisted falls back to pydantic's text. Values quoted back are
shown safely: shortened, control characters escaped, huge numbers never converted.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from app.domain.texts import N_, printable, tr

# One wording for the several error types pydantic uses for the same mistake (models and
# dataclasses, lax and strict parsing, dates given as text or as datetimes).
_UNKNOWN_FIELD: str = N_("unknown field (a typo?)")
_WHOLE_NUMBER: str = N_("must be a whole number")
_TRUE_OR_FALSE: str = N_("must be true or false")
_OBJECT: str = N_("must be an object {{...}}")
_DATE: str = N_("not a date YYYY-MM-DD")

MESSAGES: Mapping[str, str] = MappingProxyType(
    {
        "missing": N_("this field is required"),
        "extra_forbidden": _UNKNOWN_FIELD,
        "unexpected_keyword_argument": _UNKNOWN_FIELD,
        "not_absolute": N_("'{value}' must be an absolute path"),
        "path_control_character": N_("the path contains control characters (e.g. a null byte)"),
        "url_plain_http": N_("plain http:// is refused; publish the configuration over https://"),
        "url_invalid": N_("'{value}' is not a valid https:// address"),
        "minisign_key": N_(
            "not a minisign public key (the line after “untrusted comment:” in minisign.pub)"
        ),
        "string_type": N_("must be text"),
        "int_type": _WHOLE_NUMBER,
        "int_parsing": _WHOLE_NUMBER,
        "int_from_float": _WHOLE_NUMBER,
        "bool_type": _TRUE_OR_FALSE,
        "bool_parsing": _TRUE_OR_FALSE,
        "list_type": N_("must be a list [...]"),
        "model_type": _OBJECT,
        "model_attributes_type": _OBJECT,
        "dict_type": _OBJECT,
        "dataclass_type": _OBJECT,
        "dataclass_args_type": _OBJECT,
        "too_long": N_("allows at most {max_length} item(s)"),
        "too_short": N_("needs at least {min_length} item(s)"),
        "string_too_short": N_("needs at least {min_length} character(s)"),
        "string_too_long": N_("allows at most {max_length} characters"),
        "greater_than_equal": N_("must be ≥ {ge}"),
        "less_than_equal": N_("must be ≤ {le}"),
        "literal_error": N_("must be {expected}"),
        "date_from_datetime_parsing": _DATE,
        "date_parsing": _DATE,
        "date_type": _DATE,
        "union_tag_invalid": N_("unknown contact type '{tag}': use one of {expected_tags}"),
        "union_tag_not_found": N_('missing "type": one of {expected_tags}'),
        "clock_time": N_("'{value}' is not a time HH:MM (00:00–24:00)"),
        "interval_start": N_("an interval cannot start at 24:00"),
        "interval_empty": N_("start and end are the same time"),
        "identifier": N_("'{value}' is not a valid id (lower case, digits, - or _)"),
        "email": N_("'{value}' is not a valid email address"),
        "url": N_("'{value}' is not a valid web address"),
        "url_scheme": N_("'{value}': only http:// or https:// links are allowed"),
        "url_userinfo": N_("'{value}': a web address has no user name or '@' before the host"),
        "phone_extension": N_("'{value}': put the extension on its own, in 'extensions'"),
        "control_character": N_("control character at position {position} (line breaks, escapes…)"),
        "url_host": N_("'{value}': the address has no host (https://host/…)"),
        "phone": N_("'{value}' is not a valid phone number (include the area code, e.g. 601)"),
        "mobile": N_("'{value}' is not a mobile number (WhatsApp needs a mobile)"),
        "ivr_digits": N_("'{value}': use only keys 0-9, * or #"),
        "extension": N_("'{value}': an extension has digits only"),
        "blank": N_("must not be empty"),
        "timezone": N_("unknown time zone '{value}' (e.g. America/Bogota)"),
        "country": N_("no holiday calendar for country '{value}' (e.g. CO)"),
        "range_order": N_("'until' is before 'date'"),
        "closed_with_hours": N_("a closed day has no hours: remove 'hours' or set closed=false"),
        "open_without_hours": N_("give that day's hours or set closed=true"),
        "duplicate_id": N_("duplicate id '{value}'"),
        "unknown_schedule": N_("schedule '{value}' is not defined in schedules"),
        "unknown_channel": N_("channel '{value}' is not defined in channels"),
        "unknown_request_type": N_("request type '{value}' is not defined in request_types"),
        "reply_placeholder": N_("unknown placeholder '{value}': use one of {known}"),
        "reply_dollar": N_(
            "the '$' at position {position} starts no placeholder: write $$ for a dollar sign"
        ),
        "level_order": N_("levels go 1, 2, 3… in order: {value} expected here"),
        "schema_version_newer": N_(
            "schema version {found} is newer than this Canales understands ({supported}); "
            "update Canales"
        ),
        "schema_version_invalid": N_("schema_version must be a whole number from 1 to {supported}"),
        "document_type": N_("the file must hold a JSON object {{...}}"),
    }
)


def describe(lang: str, error_type: str, context: Mapping[str, Any] | None, fallback: str) -> str:
    msgid = MESSAGES.get(error_type)
    if msgid is None:
        return fallback
    try:  # always formatted, so "{{" in a message is a brace whatever the context holds
        return tr(lang, msgid, **{key: _show(value) for key, value in (context or {}).items()})
    except (KeyError, IndexError):
        return fallback


_SHOWN_CHARACTERS = 80


def _show(value: Any) -> str:
    """A value quoted in a message, safe for one terminal line."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return "…"  # str() of a 5,000-digit number raises, and nobody reads it
    text = str(value)
    if len(text) > _SHOWN_CHARACTERS:
        text = text[: _SHOWN_CHARACTERS - 1] + "…"
    return printable(text)
