"""Dataclasses built from JSON-shaped data by their declared types alone, without pydantic.

``from_plain`` checks types exactly (no coercion: ``"1"`` is not an int) but none of the rules
in ``app.domain.rules``. That is all a document this program wrote itself needs: a ``Config``
dumped after validation (``app.storage.validated_cache``) or the agent's preferences, whose
fields are plain types. Anything that does not fit raises ``ValueError``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal

from app.domain.model import Config


def config_from_validated_document(document: object) -> Config:
    """Only for a document dumped from a ``Config`` that passed validation."""
    config: Config = from_plain(Config, document)
    return config


def from_plain(kind: Any, value: object) -> Any:
    """``value`` as an instance of the type ``kind`` (a model class, ``list[…]``, ``X | None``,
    a ``Literal``, an enum, a date, str/int/bool)."""
    try:
        return _build(kind, value)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ValueError(f"{kind}: {exc}") from None


def _build(kind: Any, value: object) -> object:
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        return _build(typing.get_args(kind)[0], value)
    if origin is list:
        if not isinstance(value, list):
            raise TypeError("expected a list")
        (item,) = typing.get_args(kind)
        return [_build(item, v) for v in value]
    if origin in (typing.Union, types.UnionType):
        return _build(_union_member(typing.get_args(kind), value), value)
    if origin is Literal:
        if not any(type(value) is type(a) and value == a for a in typing.get_args(kind)):
            raise ValueError(f"unexpected {value!r}")
        return value
    if _is_model(kind):
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object for {kind.__name__}")
        fields = _field_types(kind)
        return kind(**{name: _build(fields[name], v) for name, v in value.items()})
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    if kind is dt.date:
        if not isinstance(value, str):
            raise TypeError("expected a date")
        return dt.date.fromisoformat(value)
    if kind in (str, int, bool, type(None)) and type(value) is kind:
        return value
    raise TypeError(f"expected {kind}, found {type(value).__name__}")


def _union_member(members: tuple[Any, ...], value: object) -> Any:
    """``X | None`` by the value; a tagged contact union by its ``type`` field."""
    if value is None:
        if type(None) in members:
            return type(None)
        raise TypeError("unexpected null")
    tag = value.get("type") if isinstance(value, Mapping) else None
    for member in members:
        plain = (
            typing.get_args(member)[0] if typing.get_origin(member) is typing.Annotated else member
        )
        if _is_model(plain):
            tag_field = _field_types(plain).get("type")
            if tag_field is not None and tag in typing.get_args(tag_field):
                return member
        elif plain is not type(None):
            return member
    raise ValueError(f"no member for {tag!r}")


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and dataclasses.is_dataclass(kind)


def field_types(kind: Any) -> Mapping[str, Any]:
    """A model class's fields and their resolved types, in declaration order."""
    return _field_types(kind)


@functools.cache
def _field_types(kind: Any) -> Mapping[str, Any]:
    """Resolved field annotations of a model class (its module names every type it uses)."""
    hints = typing.get_type_hints(kind, include_extras=True)
    return types.MappingProxyType({f.name: hints[f.name] for f in dataclasses.fields(kind)})
