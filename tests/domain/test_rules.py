"""The rule markers behave as pydantic's own metadata would, and cost nothing until used."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

import pytest

from app.domain.document import validate_model
from app.domain.problems import ConfigInvalid
from app.domain.rules import STRICT, Check, CheckWithContext, Constraint, custom_error


def _even(value: int) -> int:
    if value % 2:
        raise custom_error("even", "must be even", value=value)
    return value


def _allowed(value: str, context: dict[str, Any]) -> str:
    if value not in context.get("allowed", ()):
        raise custom_error("not_allowed", "not allowed", value=value)
    return value


@dataclass(frozen=True, kw_only=True)
class Sample:
    __pydantic_config__: ClassVar = {"extra": "forbid"}

    count: Annotated[int, Constraint(strict=True, ge=0), Check(_even)] = 0
    flag: Annotated[bool, STRICT] = False
    name: Annotated[str, CheckWithContext(_allowed)] = "a"


def paths(doc: dict[str, Any], **context: Any) -> list[str | None]:
    with pytest.raises(ConfigInvalid) as info:
        validate_model(Sample, doc, context=context)
    return [p.path for p in info.value.problems]


def test_valid_values_pass() -> None:
    assert validate_model(Sample, {"count": 4, "flag": True, "name": "b"}, context={"allowed": "b"})


@pytest.mark.parametrize(
    "doc",
    [{"count": "4"}, {"count": -2}, {"count": 3}, {"count": True}, {"flag": 1}, {"flag": "true"}],
)
def test_strictness_bounds_and_checks(doc: dict[str, Any]) -> None:
    assert paths({"name": "a", **doc}, allowed="a") == [next(iter(doc))]


def test_the_check_sees_the_validation_context() -> None:
    assert paths({"name": "z"}, allowed="a") == ["name"]


def test_a_constraint_shows_in_the_json_schema() -> None:
    from pydantic import TypeAdapter  # noqa: PLC0415

    schema = TypeAdapter(Sample).json_schema()
    assert schema["properties"]["count"]["minimum"] == 0
    assert schema["additionalProperties"] is False


def test_importing_the_model_loads_no_pydantic() -> None:
    code = (
        "import sys, app.domain.model, app.domain.rebuild, app.storage.preferences\n"
        "print([m for m in ('pydantic', 'pydantic_core', 'phonenumbers') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
