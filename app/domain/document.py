"""From a parsed JSON document to a ``Config`` and back: migrations, validation, schema.

Migrations follow qutebrowser's rule: upgrade step by step *before* validation, refuse files
written by a newer Canales, and never touch the file on disk while doing it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from app.domain import typed
from app.domain.model import CONTACT_MODELS, SCHEMA_VERSION, Config, Schedule, reference_problems
from app.domain.problems import ConfigInvalid, Problem, json_path
from app.domain.rules import RuleViolation
from app.domain.validation_text import describe

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

Document = dict[str, Any]
_T = TypeVar("_T")
_CONTACT_TAGS = frozenset(kind.type for kind in CONTACT_MODELS)


def _v1_to_v2(doc: Document) -> Document:
    """v1 wrote intervals as ``"07:00-19:00"`` and named the warning ``warning_minutes``."""
    out = dict(doc)
    if "warning_minutes" in out:
        out["closing_soon_minutes"] = out.pop("warning_minutes")
    schedules = out.get("schedules")
    if isinstance(schedules, list):
        out["schedules"] = [_v1_schedule(s) for s in schedules]
    out["schema_version"] = 2
    return out


def _v1_schedule(schedule: Any) -> Any:
    if not isinstance(schedule, dict) or not isinstance(schedule.get("week"), dict):
        return schedule
    week = {
        day: [_v1_interval(i) for i in intervals] if isinstance(intervals, list) else intervals
        for day, intervals in schedule["week"].items()
    }
    return {**schedule, "week": week}


def _v1_interval(value: Any) -> Any:
    if isinstance(value, str) and "-" in value:
        start, _, end = value.partition("-")
        return {"start": start.strip(), "end": end.strip()}
    return value


MIGRATIONS: Mapping[int, Callable[[Document], Document]] = {1: _v1_to_v2}


def migrate(doc: Document, *, lang: str = "es") -> Document:
    """Upgrade an older document to ``SCHEMA_VERSION``, one version at a time."""
    version = doc.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ConfigInvalid([_problem(lang, "schema_version_invalid", "schema_version")])
    if version > SCHEMA_VERSION:
        raise ConfigInvalid(
            [_problem(lang, "schema_version_newer", "schema_version", found=version)]
        )
    while version < SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
    return doc


def config_from_document(
    doc: object, *, lang: str = "es", holiday_countries: Iterable[str] | None = None
) -> Config:
    """Validate a parsed document, reporting every problem with its JSON path.

    Every rule runs whichever validator answers: the quick one (``app.domain.typed``) for a
    canonical document, pydantic for anything it refuses, which then words each problem.
    """
    if not isinstance(doc, dict):
        raise ConfigInvalid([_problem(lang, "document_type", None)])
    doc = migrate(doc, lang=lang)
    context: dict[str, Any] = {}
    if holiday_countries is not None:
        context["holiday_countries"] = frozenset(holiday_countries)
    config = build_model(Config, doc, lang=lang, context=context)
    refs = reference_problems(config)
    if refs:
        raise ConfigInvalid(
            Problem(describe(lang, kind, {"value": value}, kind), path=where)
            for kind, where, value in refs
        )
    return config


def schedule_from_document(doc: object, *, lang: str = "es") -> Schedule:
    """One schedule on its own (the settings preview validates the one being edited)."""
    return build_model(Schedule, doc, lang=lang)


def build_model(
    kind: type[_T], doc: object, *, lang: str = "es", context: Mapping[str, Any] | None = None
) -> _T:
    """Any model class from a parsed document, every rule run by whichever validator answers:
    the quick one (``app.domain.typed``) for a canonical document — so a valid file never
    imports pydantic — and pydantic for anything it refuses, which then words each problem."""
    try:
        value: _T = typed.build(kind, doc, dict(context or {}))
    except ValueError:  # NotBuilt or a RuleViolation: pydantic says where and why
        return validate_model(kind, doc, lang=lang, context=context)
    return value


def validate_model(
    kind: type[_T], doc: object, *, lang: str = "es", context: Mapping[str, Any] | None = None
) -> _T:
    """Any model class (see ``app.domain.rules``), every problem with its JSON path."""
    from pydantic import ValidationError  # noqa: PLC0415 - see app.domain.rules

    key: Any = kind  # functools.cache wants Hashable; mypy doubts frozen dataclasses' classes
    try:
        value: _T = _adapter(key).validate_python(doc, context=dict(context or {}))
        return value
    except ValidationError as exc:
        raise ConfigInvalid(problems_from_validation(exc, lang)) from None


@functools.cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    """Pydantic's validator for a model class, built on first use (≈30 ms), then reused."""
    from pydantic import TypeAdapter  # noqa: PLC0415 - see app.domain.rules

    return TypeAdapter(kind)


def problems_from_validation(exc: ValidationError, lang: str) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = _clean_loc(err["loc"])
        ctx = dict(err.get("ctx") or {})
        kind = err["type"]
        violation = ctx.get("error")
        if kind == "value_error" and isinstance(violation, RuleViolation):
            kind, ctx = violation.kind, violation.context  # one of ours: our own words
        if kind == "literal_error" and "expected" in ctx:
            ctx["expected"] = str(ctx["expected"]).replace("'", '"')
        message = describe(lang, kind, ctx, err["msg"])
        problems.append(Problem(message, path=json_path(loc) or None))
    return problems


def _clean_loc(loc: Sequence[int | str]) -> list[int | str]:
    """Drop the discriminator tag pydantic inserts for contact unions."""
    out: list[int | str] = []
    for i, part in enumerate(loc):
        if (
            part in _CONTACT_TAGS
            and i >= 2
            and isinstance(loc[i - 1], int)
            and loc[i - 2] == "contacts"
        ):
            continue
        out.append(part)
    return out


def _problem(lang: str, kind: str, path: str | None, **values: object) -> Problem:
    ctx = {"supported": SCHEMA_VERSION, **values}
    return Problem(describe(lang, kind, ctx, kind), path=path)


def config_to_document(config: Config) -> Document:
    """The JSON-ready form, defaults included so the file documents itself."""
    document: Document = _adapter(Config).dump_python(config, mode="json")
    return document


def config_json_schema() -> Document:
    schema = _adapter(Config).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Canales configuration"
    return schema
