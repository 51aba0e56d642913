"""Validation rules attached to the model's types, run by both of the model's validators.

The model (``app.domain.model``) is plain frozen dataclasses whose field types carry these
markers as ``Annotated`` metadata. Two engines read them:

- ``app.domain.typed`` builds a model from a canonical JSON document by its declared types,
  exactly (no coercion), and runs every rule it finds. It needs neither pydantic nor its
  ≈40 ms and ≈14 MB, so a console or ``canales status`` on a well-formed file never loads it.
- pydantic (``app.domain.document.validate_model``) runs the same rule objects through its
  documented ``__get_pydantic_core_schema__`` hook, for everything the first engine refused,
  and words every problem precisely.

Each rule is written once, here or beside the type it guards, and each marker *wraps* the schema
of the markers before it (``handler(source)``), never rebuilds it: the order of the markers in
``Annotated`` can never make a rule vanish. The one marker that has to build its own schema
(``Tagged``, a discriminated union) is refused at class definition unless it comes first.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic_core import CoreSchema

STRICT_CONFIG: Final = {"extra": "forbid", "str_strip_whitespace": True}
"""Every model class's ``__pydantic_config__``: unknown keys are errors, a typo must never be
silently dropped; surrounding blanks are not part of a value."""


class RuleViolation(ValueError):
    """A rule said no. ``kind`` keys the supervisor's wording (``app.domain.validation_text``),
    ``context`` fills it in. Plain Python: raising one needs no pydantic."""

    def __init__(self, kind: str, message: str, context: Mapping[str, object]) -> None:
        super().__init__(message)
        self.kind = kind
        self.context = dict(context)


def custom_error(kind: str, message: str, **context: object) -> RuleViolation:
    """The error a rule raises; see :class:`RuleViolation`."""
    return RuleViolation(kind, message, context)


class Rule:
    """A rule on one field's value. Subclasses override ``prepare`` (on the raw input, before
    its type is checked) and/or ``check`` (on the typed value, after). ``source`` is the type
    the marker annotates; ``context`` is the validation context (e.g. known holiday countries).
    """

    __slots__ = ()
    builds_schema: bool = False

    def prepare(self, value: Any, source: Any) -> Any:
        return value

    def check(self, value: Any, context: Mapping[str, Any]) -> Any:
        return value

    def json_schema(self, schema: dict[str, Any]) -> None:
        """Add this rule's keywords to the field's JSON Schema, when it has any."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema  # noqa: PLC0415 - see the module doc

        rule = self

        def after(value: Any, info: core_schema.ValidationInfo) -> Any:
            return rule.check(value, info.context or {})

        def before(value: Any) -> Any:
            return rule.prepare(value, source)

        schema: CoreSchema = core_schema.with_info_after_validator_function(after, handler(source))
        return core_schema.no_info_before_validator_function(before, schema)

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        result: dict[str, Any] = handler(schema)
        self.json_schema(result)
        return result


class Check(Rule):
    """``check(value)`` after the type is validated, ``before(value)`` on the raw input."""

    __slots__ = ("_before", "_check")

    def __init__(
        self,
        check: Callable[[Any], Any] | None = None,
        *,
        before: Callable[[Any], Any] | None = None,
    ) -> None:
        self._check = check
        self._before = before

    def prepare(self, value: Any, source: Any) -> Any:
        return value if self._before is None else self._before(value)

    def check(self, value: Any, context: Mapping[str, Any]) -> Any:
        return value if self._check is None else self._check(value)


class CheckWithContext(Rule):
    """Like ``Check`` for rules that need the validation context (``check(value, context)``)."""

    __slots__ = ("_check",)

    def __init__(self, check: Callable[[Any, Mapping[str, Any]], Any]) -> None:
        self._check = check

    def check(self, value: Any, context: Mapping[str, Any]) -> Any:
        return self._check(value, context)


_TYPE_ERRORS: Final = {bool: "bool_type", int: "int_type", str: "string_type"}


class Strict(Rule):
    """No coercion: the raw value must already be of the annotated type (``"1"`` is not a
    number, ``1`` is not ``true``, ``true`` is not ``1``)."""

    __slots__ = ()

    def prepare(self, value: Any, source: Any) -> Any:
        if type(value) is not source:
            kind = _TYPE_ERRORS.get(source, "type")
            raise custom_error(kind, f"must be {getattr(source, '__name__', source)}")
        return value


STRICT: Final = Strict()


class Bounds(Rule):
    """``ge <= value <= le`` for a number."""

    __slots__ = ("ge", "le")

    def __init__(self, *, ge: int | None = None, le: int | None = None) -> None:
        self.ge = ge
        self.le = le

    def check(self, value: Any, context: Mapping[str, Any]) -> Any:
        if self.ge is not None and value < self.ge:
            raise custom_error("greater_than_equal", f"must be >= {self.ge}", ge=self.ge)
        if self.le is not None and value > self.le:
            raise custom_error("less_than_equal", f"must be <= {self.le}", le=self.le)
        return value

    def json_schema(self, schema: dict[str, Any]) -> None:
        if self.ge is not None:
            schema["minimum"] = self.ge
        if self.le is not None:
            schema["maximum"] = self.le


class Length(Rule):
    """A text's number of characters or a list's number of items."""

    __slots__ = ("max_length", "min_length")

    def __init__(self, *, min_length: int | None = None, max_length: int | None = None) -> None:
        self.min_length = min_length
        self.max_length = max_length

    def check(self, value: Any, context: Mapping[str, Any]) -> Any:
        text = isinstance(value, str)
        if self.min_length is not None and len(value) < self.min_length:
            kind = "string_too_short" if text else "too_short"
            raise custom_error(kind, "too short", min_length=self.min_length)
        if self.max_length is not None and len(value) > self.max_length:
            kind = "string_too_long" if text else "too_long"
            raise custom_error(kind, "too long", max_length=self.max_length)
        return value

    def json_schema(self, schema: dict[str, Any]) -> None:
        prefix = "Items" if schema.get("type") == "array" else "Length"
        if self.min_length is not None:
            schema[f"min{prefix}"] = self.min_length
        if self.max_length is not None:
            schema[f"max{prefix}"] = self.max_length


class Tagged(Rule):
    """A union of model classes told apart by one ``Literal`` field (``"type": "phone"``)."""

    __slots__ = ("field",)
    builds_schema = True

    def __init__(self, field: str) -> None:
        self.field = field

    def member_for(self, members: tuple[Any, ...], value: object) -> Any:
        """The member whose tag ``value`` carries; ``RuleViolation`` for none or an unknown one."""
        tag = value.get(self.field) if isinstance(value, dict) else None
        known = [t for member in members for t in self.tags(member)]
        expected = ", ".join(repr(t) for t in known)  # as pydantic words it
        if tag is None:
            raise custom_error(
                "union_tag_not_found",
                "missing tag",
                discriminator=self.field,
                expected_tags=expected,
            )
        for member in members:
            if tag in self.tags(member) and type(tag) is str:
                return member
        raise custom_error("union_tag_invalid", "unknown tag", tag=tag, expected_tags=expected)

    def tags(self, member: Any) -> tuple[Any, ...]:
        return _tags(member, self.field)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema  # noqa: PLC0415 - see the module doc

        choices: dict[Any, CoreSchema] = {}
        for member in typing.get_args(source):
            for tag in self.tags(member):
                choices[tag] = handler.generate_schema(member)
        return core_schema.tagged_union_schema(choices, discriminator=self.field)


@functools.cache
def _tags(member: Any, field: str) -> tuple[Any, ...]:
    """The values of ``member``'s ``Literal`` tag field (resolved once per class)."""
    return typing.get_args(typing.get_type_hints(member)[field])


def check_field_rules(cls: type) -> None:
    """Refuse, when the class is defined, a marker that would silently drop the ones before it."""
    hints = typing.get_type_hints(cls, include_extras=True)
    for field in dataclasses.fields(cls):
        _check_annotation(hints[field.name], f"{cls.__name__}.{field.name}")


def _check_annotation(kind: Any, where: str) -> None:
    if typing.get_origin(kind) is typing.Annotated:
        metadata = kind.__metadata__
        for index, marker in enumerate(metadata):
            if not isinstance(marker, Rule):
                raise TypeError(f"{where}: {marker!r} is not a rule of app.domain.rules")
            if marker.builds_schema and index != 0:
                raise TypeError(f"{where}: {type(marker).__name__} must be the first marker")
        kind = typing.get_args(kind)[0]
    for arg in typing.get_args(kind):
        if typing.get_origin(kind) is not typing.Literal:
            _check_annotation(arg, where)
