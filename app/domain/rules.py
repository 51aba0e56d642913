"""Validation rules attached to the model's types without importing pydantic.

The model (``app.domain.model``) is plain frozen dataclasses; pydantic turns them into a
validator only when a file has to be checked (``app.domain.document``). Pydantic reads rules
from ``Annotated`` metadata through the documented ``__get_pydantic_core_schema__`` hook, so the
objects here carry a rule and build its schema on demand. A console started on a file validated
before (see ``app.storage.validated_cache``) never loads pydantic at all: ≈40 ms and ≈25 MB less.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Final

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema, PydanticCustomError

STRICT_CONFIG: Final = {"extra": "forbid", "str_strip_whitespace": True}
"""Every model class's ``__pydantic_config__``: unknown keys are errors, a typo must never be
silently dropped; surrounding blanks are not part of a value."""


def custom_error(kind: str, message: str, **context: object) -> PydanticCustomError:
    """An error whose ``kind`` ``app.domain.validation_text`` turns into the supervisor's words."""
    from pydantic_core import PydanticCustomError  # noqa: PLC0415 - see the module doc

    return PydanticCustomError(kind, message, context)


class Check:
    """Run ``check`` on a value after its type is validated (and ``before`` ahead of that)."""

    __slots__ = ("before", "check")

    def __init__(
        self, check: Callable[[Any], Any], *, before: Callable[[Any], Any] | None = None
    ) -> None:
        self.check = check
        self.before = before

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema  # noqa: PLC0415 - see the module doc

        schema: CoreSchema = core_schema.no_info_after_validator_function(
            self.check, handler(source)
        )
        if self.before is not None:
            schema = core_schema.no_info_before_validator_function(self.before, schema)
        return schema


class CheckWithContext:
    """Like ``Check`` for rules that need the validation context (``check(value, context)``)."""

    __slots__ = ("check",)

    def __init__(self, check: Callable[[Any, dict[str, Any]], Any]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema  # noqa: PLC0415 - see the module doc

        def validate(value: Any, info: core_schema.ValidationInfo) -> Any:
            return self.check(value, dict(info.context or {}))

        return core_schema.with_info_after_validator_function(validate, handler(source))


class Constraint:
    """Pydantic's own ``Field`` constraints (``strict``, ``ge``, ``min_length``,
    ``discriminator``…), spelled the same way; they appear in the JSON Schema as usual.

    It builds the type's schema afresh, so it must come first in ``Annotated`` and hold all of
    a field's constraints (``Constraint(strict=True, min_length=1)``, not ``STRICT,
    Constraint(min_length=1)``, which would drop the first).
    """

    __slots__ = ("rules",)

    def __init__(self, **rules: Any) -> None:
        self.rules = rules

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic import Field  # noqa: PLC0415 - see the module doc

        return handler.generate_schema(Annotated[source, Field(**self.rules)])


STRICT: Final = Constraint(strict=True)
"""No coercion for this field: ``"1"`` is not a number, ``1`` is not ``true``."""
