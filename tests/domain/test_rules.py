"""The rule markers: both validators run every rule, in any order, and a marker that could drop
another, or a field type the quick validator cannot build, is refused when the class is defined."""

import itertools
import subprocess
import sys
from collections.abc import Mapping
from typing import Annotated, Any

import pytest

from app.domain import typed
from app.domain.document import validate_model
from app.domain.model import model
from app.domain.problems import ConfigInvalid
from app.domain.rules import (
    STRICT,
    Bounds,
    Check,
    CheckWithContext,
    Length,
    RuleViolation,
    Tagged,
    custom_error,
)


def _even(value: int) -> int:
    if value % 2:
        raise custom_error("even", "must be even", value=value)
    return value


def _allowed(value: str, context: Mapping[str, Any]) -> str:
    if value not in context.get("allowed", ()):
        raise custom_error("not_allowed", "not allowed", value=value)
    return value


COUNT_RULES = (STRICT, Bounds(ge=0, le=10), Check(_even))


def sample_class(order: tuple[Any, ...]) -> type:
    @model
    class Sample:
        count: Annotated[int, *order] = 0  # type: ignore[valid-type]
        flag: Annotated[bool, STRICT] = False
        name: Annotated[str, CheckWithContext(_allowed), Length(max_length=3)] = "a"

    return Sample


ORDERS = list(itertools.permutations(COUNT_RULES))
BAD = [{"count": "4"}, {"count": -2}, {"count": 12}, {"count": 3}, {"count": True}]
BAD += [{"flag": 1}, {"flag": "true"}, {"name": "z"}, {"name": "abcd"}]


def pydantic_paths(kind: type, doc: dict[str, Any], **context: Any) -> list[str | None]:
    with pytest.raises(ConfigInvalid) as info:
        validate_model(kind, doc, context=context)
    return [p.path for p in info.value.problems]


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: "-".join(type(r).__name__ for r in o))
def test_every_rule_runs_in_either_validator_whatever_the_order(order: tuple[Any, ...]) -> None:
    kind = sample_class(order)
    good = {"count": 4, "flag": True, "name": "abc"}
    assert validate_model(kind, good, context={"allowed": "abc"}) == kind(**good)
    assert typed.build(kind, good, {"allowed": "abc"}) == kind(**good)
    for bad in BAD:
        doc = {**good, **bad}
        assert pydantic_paths(kind, doc, allowed="abc") == [next(iter(bad))]
        with pytest.raises(ValueError):  # NotBuilt or RuleViolation
            typed.build(kind, doc, {"allowed": "abc"})


def test_a_rule_violation_keeps_its_kind_and_context_in_both_validators() -> None:
    kind = sample_class(COUNT_RULES)
    with pytest.raises(RuleViolation) as info:
        typed.build(kind, {"count": 3}, {"allowed": "a"})
    assert (info.value.kind, info.value.context) == ("even", {"value": 3})


def test_a_schema_building_marker_must_come_first() -> None:
    @model
    class A:
        type: Annotated[str, STRICT] = "a"

    with pytest.raises(TypeError, match="first marker"):

        @model
        class Holder:
            item: Annotated[A | A, Check(_even), Tagged("type")]


def test_foreign_metadata_and_unbuildable_types_are_refused_at_definition() -> None:
    with pytest.raises(TypeError, match="not a rule"):

        @model
        class Foreign:
            x: Annotated[int, "a note"] = 0

    with pytest.raises(TypeError, match="cannot build"):

        @model
        class Floaty:
            x: float = 0.0

    with pytest.raises(TypeError, match="Tagged"):

        @model
        class Either:
            x: int | str = 0


def test_rules_show_in_the_json_schema() -> None:
    from pydantic import TypeAdapter  # noqa: PLC0415

    schema = TypeAdapter(sample_class(COUNT_RULES)).json_schema()
    assert schema["properties"]["count"]["minimum"] == 0
    assert schema["properties"]["count"]["maximum"] == 10
    assert schema["properties"]["name"]["maxLength"] == 3
    assert schema["additionalProperties"] is False


def test_importing_the_model_loads_no_pydantic() -> None:
    code = (
        "import sys, app.domain.model, app.domain.typed, app.storage.preferences\n"
        "print([m for m in ('pydantic', 'pydantic_core', 'phonenumbers') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
