"""Supervisor-facing wording for validation errors, in Spanish and English.

Keyed by pydantic's error ``type`` (ours are raised as ``PydanticCustomError`` in
``app.domain.values`` and ``app.domain.model``); anything unlisted falls back to pydantic's text.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from app.domain.texts import DEFAULT_LANGUAGE, Entry

# One wording for the several error types pydantic uses for the same mistake (models and
# dataclasses, lax and strict parsing, dates given as text or as datetimes).
_UNKNOWN_FIELD: Entry = {
    "es": "campo desconocido (¿error de escritura?)",
    "en": "unknown field (a typo?)",
}
_WHOLE_NUMBER: Entry = {"es": "debe ser un número entero", "en": "must be a whole number"}
_TRUE_OR_FALSE: Entry = {"es": "debe ser true o false", "en": "must be true or false"}
_OBJECT: Entry = {"es": "debe ser un objeto {{...}}", "en": "must be an object {{...}}"}
_DATE: Entry = {"es": "no es una fecha AAAA-MM-DD", "en": "not a date YYYY-MM-DD"}

MESSAGES: Mapping[str, Entry] = MappingProxyType(
    {
        "missing": {"es": "falta este campo", "en": "this field is required"},
        "extra_forbidden": _UNKNOWN_FIELD,
        "unexpected_keyword_argument": _UNKNOWN_FIELD,
        "not_absolute": {
            "es": "«{value}» debe ser una ruta absoluta",
            "en": "'{value}' must be an absolute path",
        },
        "path_control_character": {
            "es": "la ruta contiene caracteres de control (p. ej. un byte nulo)",
            "en": "the path contains control characters (e.g. a null byte)",
        },
        "string_type": {"es": "debe ser un texto", "en": "must be text"},
        "int_type": _WHOLE_NUMBER,
        "int_parsing": _WHOLE_NUMBER,
        "int_from_float": _WHOLE_NUMBER,
        "bool_type": _TRUE_OR_FALSE,
        "bool_parsing": _TRUE_OR_FALSE,
        "list_type": {"es": "debe ser una lista [...]", "en": "must be a list [...]"},
        "model_type": _OBJECT,
        "model_attributes_type": _OBJECT,
        "dict_type": _OBJECT,
        "dataclass_type": _OBJECT,
        "dataclass_args_type": _OBJECT,
        "too_short": {
            "es": "necesita al menos {min_length} elemento(s)",
            "en": "needs at least {min_length} item(s)",
        },
        "string_too_short": {
            "es": "necesita al menos {min_length} carácter(es)",
            "en": "needs at least {min_length} character(s)",
        },
        "string_too_long": {
            "es": "admite como mucho {max_length} caracteres",
            "en": "allows at most {max_length} characters",
        },
        "greater_than_equal": {"es": "debe ser ≥ {ge}", "en": "must be ≥ {ge}"},
        "less_than_equal": {"es": "debe ser ≤ {le}", "en": "must be ≤ {le}"},
        "literal_error": {"es": "debe ser {expected}", "en": "must be {expected}"},
        "date_from_datetime_parsing": _DATE,
        "date_parsing": _DATE,
        "date_type": _DATE,
        "union_tag_invalid": {
            "es": "tipo de contacto «{tag}» desconocido: use phone, email o web",
            "en": "unknown contact type '{tag}': use phone, email or web",
        },
        "union_tag_not_found": {
            "es": 'falta "type": phone, email o web',
            "en": 'missing "type": phone, email or web',
        },
        "clock_time": {
            "es": "«{value}» no es una hora HH:MM (00:00–24:00)",
            "en": "'{value}' is not a time HH:MM (00:00–24:00)",
        },
        "interval_start": {
            "es": "un intervalo no puede empezar a las 24:00",
            "en": "an interval cannot start at 24:00",
        },
        "interval_empty": {
            "es": "la hora de inicio y la de fin son iguales",
            "en": "start and end are the same time",
        },
        "identifier": {
            "es": "«{value}» no es un id válido (minúsculas, dígitos, - o _)",
            "en": "'{value}' is not a valid id (lower case, digits, - or _)",
        },
        "email": {
            "es": "«{value}» no es un correo electrónico válido",
            "en": "'{value}' is not a valid email address",
        },
        "url": {
            "es": "«{value}» no es una dirección web válida",
            "en": "'{value}' is not a valid web address",
        },
        "url_scheme": {
            "es": "«{value}»: solo se permiten enlaces http:// o https://",
            "en": "'{value}': only http:// or https:// links are allowed",
        },
        "url_host": {
            "es": "«{value}»: falta el servidor (https://servidor/…)",
            "en": "'{value}': the address has no host (https://host/…)",
        },
        "phone": {
            "es": "«{value}» no es un número de teléfono válido "
            "(incluya el indicativo, p. ej. 601)",
            "en": "'{value}' is not a valid phone number (include the area code, e.g. 601)",
        },
        "ivr_digits": {
            "es": "«{value}»: use solo teclas 0-9, * o #",
            "en": "'{value}': use only keys 0-9, * or #",
        },
        "extension": {
            "es": "«{value}»: una extensión lleva solo dígitos",
            "en": "'{value}': an extension has digits only",
        },
        "blank": {"es": "no puede estar vacío", "en": "must not be empty"},
        "timezone": {
            "es": "zona horaria «{value}» desconocida (p. ej. America/Bogota)",
            "en": "unknown time zone '{value}' (e.g. America/Bogota)",
        },
        "country": {
            "es": "país «{value}» sin calendario de festivos (p. ej. CO)",
            "en": "no holiday calendar for country '{value}' (e.g. CO)",
        },
        "range_order": {
            "es": "«until» es anterior a «date»",
            "en": "'until' is before 'date'",
        },
        "closed_with_hours": {
            "es": "un día cerrado no lleva horas: quite «hours» o ponga closed=false",
            "en": "a closed day has no hours: remove 'hours' or set closed=false",
        },
        "open_without_hours": {
            "es": "indique las horas de ese día o ponga closed=true",
            "en": "give that day's hours or set closed=true",
        },
        "duplicate_id": {"es": "id «{value}» repetido", "en": "duplicate id '{value}'"},
        "unknown_schedule": {
            "es": "horario «{value}» no existe en schedules",
            "en": "schedule '{value}' is not defined in schedules",
        },
        "unknown_channel": {
            "es": "canal «{value}» no existe en channels",
            "en": "channel '{value}' is not defined in channels",
        },
        "unknown_request_type": {
            "es": "tipo de solicitud «{value}» no existe en request_types",
            "en": "request type '{value}' is not defined in request_types",
        },
        "level_order": {
            "es": "los niveles van 1, 2, 3… en orden: aquí se espera {value}",
            "en": "levels go 1, 2, 3… in order: {value} expected here",
        },
        "schema_version_newer": {
            "es": "versión de esquema {found} es más nueva que la que entiende esta versión "
            "de Canales ({supported}); actualice Canales",
            "en": "schema version {found} is newer than this Canales understands "
            "({supported}); update Canales",
        },
        "schema_version_invalid": {
            "es": "schema_version debe ser un entero entre 1 y {supported}",
            "en": "schema_version must be a whole number from 1 to {supported}",
        },
        "document_type": {
            "es": "el archivo debe contener un objeto JSON {{...}}",
            "en": "the file must hold a JSON object {{...}}",
        },
    }
)


def describe(lang: str, error_type: str, context: Mapping[str, Any] | None, fallback: str) -> str:
    entry = MESSAGES.get(error_type)
    if entry is None:
        return fallback
    template = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    try:  # always formatted, so "{{" in a message is a brace whatever the context holds
        return template.format(**{key: _show(value) for key, value in (context or {}).items()})
    except (KeyError, IndexError):
        return fallback


def _show(value: Any) -> str:
    return str(value)
