"""Models built from JSON-shaped data by their declared types, running every rule — no pydantic.

This is the quick one of the model's two validators (``app.domain.rules`` says why there are
two). It accepts only *canonical* input: exact types (``"1"`` is not an int, ``1`` is not
``true``), no unknown or missing keys, no text with surrounding blanks, dates as
``YYYY-MM-DD``. It runs every rule marker and every ``__post_init__`` exactly as pydantic does.
Whatever it refuses, it refuses with :class:`NotBuilt` or a rule's ``RuleViolation``; the
caller then asks pydantic, which is authoritative and words the problems for the supervisor.
So the quick path can only ever accept less, never more, than pydantic
(``tests/domain/test_typed.py`` checks that the two agree).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal

from app.domain.rules import Rule, Tagged, check_field_rules

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PLAIN = (str, int, bool, type(None))


class NotBuilt(ValueError):
    """The input is not a canonical instance of the type (pydantic will say precisely why)."""


def build(kind: Any, value: object, context: Mapping[str, Any] | None = None) -> Any:
    """``value`` as an instance of ``kind`` (a model class, ``list[…]``, ``X | None``, a tagged
    union, a ``Literal``, an enum, a date, str/int/bool), every rule applied.

    Raises ``NotBuilt`` or ``app.domain.rules.RuleViolation`` (both ``ValueError``).
    """
    try:
        return _build(kind, value, context or {})
    except TypeError as exc:  # a missing or unexpected keyword of a model class
        raise NotBuilt(str(exc)) from None


def _build(kind: Any, value: object, context: Mapping[str, Any]) -> Any:
    if typing.get_origin(kind) is typing.Annotated:
        return _build_annotated(kind, value, context)
    origin = typing.get_origin(kind)
    if origin is list:
        if type(value) is not list:
            raise NotBuilt("expected a list")
        (item,) = typing.get_args(kind)
        return [_build(item, v, context) for v in value]
    if origin in (typing.Union, types.UnionType):
        return _build_optional(typing.get_args(kind), value, context)
    if origin is Literal:
        if not any(type(value) is type(a) and value == a for a in typing.get_args(kind)):
            raise NotBuilt(f"unexpected {value!r}")
        return value
    if _is_model(kind):
        return _build_model(kind, value, context)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        if type(value) is not str:
            raise NotBuilt("expected text")
        return kind(value)
    if kind is dt.date:
        return _build_date(value)
    if kind in _PLAIN and type(value) is kind:
        if isinstance(value, str) and value != value.strip():
            raise NotBuilt("surrounding blanks")  # pydantic strips them; let it
        return value
    raise NotBuilt(f"expected {getattr(kind, '__name__', kind)}")


@functools.cache
def _annotated(kind: Any) -> tuple[Any, tuple[Rule, ...]]:
    inner, *markers = typing.get_args(kind)
    return inner, tuple(markers)


def _build_annotated(kind: Any, value: object, context: Mapping[str, Any]) -> Any:
    """As pydantic nests ``Annotated[T, A, B]``: B's and A's ``prepare``, T, A's and B's
    ``check``."""
    inner, rules = _annotated(kind)
    for rule in reversed(rules):
        value = rule.prepare(value, inner)
    tagged = rules[0] if rules and isinstance(rules[0], Tagged) else None
    if tagged is not None:
        member = tagged.member_for(typing.get_args(inner), value)
        result = _build(member, value, context)
    else:
        result = _build(inner, value, context)
    for rule in rules:
        result = rule.check(result, context)
    return result


def _build_optional(members: tuple[Any, ...], value: object, context: Mapping[str, Any]) -> Any:
    if value is None and type(None) in members:
        return None
    (member,) = [m for m in members if m is not type(None)]
    return _build(member, value, context)


def _build_model(kind: type, value: object, context: Mapping[str, Any]) -> Any:
    if type(value) is not dict:
        raise NotBuilt(f"expected an object for {kind.__name__}")
    fields = field_types(kind)
    built = {}
    for name, item in value.items():
        if name not in fields:
            raise NotBuilt(f"unknown field {name!r}")
        built[name] = _build(fields[name], item, context)
    return kind(**built)


def _build_date(value: object) -> dt.date:
    if type(value) is dt.date:
        return value
    if type(value) is not str or not _ISO_DATE.fullmatch(value):
        raise NotBuilt("expected a date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise NotBuilt("expected a date YYYY-MM-DD") from None


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and dataclasses.is_dataclass(kind)


@functools.cache
def field_types(kind: Any) -> Mapping[str, Any]:
    """A model class's fields and their resolved types, in declaration order."""
    hints = typing.get_type_hints(kind, include_extras=True)
    return types.MappingProxyType({f.name: hints[f.name] for f in dataclasses.fields(kind)})


def require_buildable(cls: type) -> None:
    """Refuse, when a model class is defined, a field type this engine could not build: a
    quick path that silently gave up would mean "pydantic every time", with no signal."""
    check_field_rules(cls)
    for name, kind in field_types(cls).items():
        _require(kind, f"{cls.__name__}.{name}")


def _require(kind: Any, where: str) -> None:
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        inner, first, *_ = typing.get_args(kind)
        if isinstance(first, Tagged):
            for member in typing.get_args(inner):
                if not _is_model(member) or not first.tags(member):
                    raise TypeError(f"{where}: {member!r} has no {first.field!r} tag")
            return
        _require(inner, where)
    elif origin is list:
        _require(typing.get_args(kind)[0], where)
    elif origin in (typing.Union, types.UnionType):
        members = [m for m in typing.get_args(kind) if m is not type(None)]
        if len(members) != 1:
            raise TypeError(f"{where}: a union of several types needs a Tagged marker")
        _require(members[0], where)
    elif origin is Literal or _is_model(kind) or kind is dt.date or kind in _PLAIN:
        return
    elif not (isinstance(kind, type) and issubclass(kind, enum.Enum)):
        raise TypeError(f"{where}: app.domain.typed cannot build {kind!r}")
