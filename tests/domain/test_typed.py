"""The quick validator (``app.domain.typed``) builds every shape of the model itself, and never
accepts what pydantic refuses: the two agree wherever the quick one answers."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import typing
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import model as model_module
from app.domain import typed
from app.domain.copy_format import CopyFormat
from app.domain.document import config_from_document, config_to_document, validate_model
from app.domain.model import Config
from app.domain.problems import ConfigInvalid

CONTEXT = {"holiday_countries": frozenset({"CO", "US", "ES"})}


def rich_document(default_document: dict) -> dict:
    """Every optional shape: ranges, closed and open special days, a fallback, levels with
    and without hours, every contact type with IVR steps and extensions, notes."""
    doc = copy.deepcopy(default_document)
    doc["special_days"] = [
        {
            "name": "Cierre",
            "date": "2026-12-24",
            "until": "2026-12-26",
            "channels": ["chat"],
            "closed": True,
        },
        {
            "name": "Jornada",
            "date": "2026-12-31",
            "channels": ["phone-main"],
            "closed": False,
            "hours": [{"start": "08:00", "end": "12:00"}, {"start": "22:00", "end": "02:00"}],
        },
    ]
    doc["notes"] = ["una nota", "otra"]
    doc["channels"][1]["contacts"].append({"type": "whatsapp", "number": "+57 318 717 4937"})
    return doc


def model_classes(kind: Any, seen: set[type] | None = None) -> set[type]:
    """Every model class reachable from ``kind``'s field types."""
    seen = set() if seen is None else seen
    for arg in typing.get_args(kind):
        model_classes(arg, seen)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type) and kind not in seen:
        seen.add(kind)
        for field_type in typed.field_types(kind).values():
            model_classes(field_type, seen)
    return seen


def instances(value: object, found: set[type]) -> set[type]:
    if dataclasses.is_dataclass(value):
        found.add(type(value))
        for f in dataclasses.fields(value):
            instances(getattr(value, f.name), found)
    elif isinstance(value, list):
        for item in value:
            instances(item, found)
    return found


def test_the_quick_validator_builds_every_model_class_itself(default_document: dict) -> None:
    """A quick path that silently gave up on some shape would mean pydantic on every start."""
    doc = rich_document(default_document)
    quick = typed.build(Config, doc, CONTEXT)
    assert quick == validate_model(Config, doc, context=CONTEXT)
    assert instances(quick, set()) == model_classes(Config)
    assert quick.special_days[0].until == dt.date(2026, 12, 26)


def test_a_dumped_config_builds_back_equal(default_config: Config) -> None:
    assert typed.build(Config, config_to_document(default_config)) == default_config


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("closing_soon_minutes",), "15"),  # a string is not a number
        (("closing_soon_minutes",), True),  # nor is a boolean
        (("closing_soon_minutes",), 721),
        (("schema_version",), 3),
        (("organisation", "language"), "fr"),
        (("channels", 0, "contacts", 0, "type"), "fax"),
        (("channels", 0, "contacts", 0, "number"), "not a phone"),
        (("channels", 2, "contacts", 0, "url"), "javascript:alert(1)"),
        (("special_days",), {"name": "x"}),
        (("schedules", 0, "week", "mon", 0, "start"), None),
        (("schedules", 0, "week", "mon", 0, "start"), "25:00"),
        (("channels", 0, "name"), "\u200b\u200b"),
        (("channels", 0, "extra"), 1),
    ],
)
def test_wrong_values_are_refused_by_both(
    default_document: dict, where: tuple, value: object
) -> None:
    doc = copy.deepcopy(default_document)
    target = doc
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    with pytest.raises(ValueError):
        typed.build(Config, doc, CONTEXT)
    with pytest.raises(ConfigInvalid):
        config_from_document(doc, holiday_countries=CONTEXT["holiday_countries"])


def test_text_with_surrounding_blanks_is_left_to_pydantic(default_document: dict) -> None:
    doc = copy.deepcopy(default_document)
    doc["channels"][0]["contacts"][0]["label"] = "  Línea  "
    with pytest.raises(typed.NotBuilt):
        typed.build(Config, doc)
    assert config_from_document(doc).channels[0].contacts[0].label == "Línea"


def test_plain_values_by_declared_type() -> None:
    assert typed.build(CopyFormat, "dial") is CopyFormat.DIAL
    assert typed.build(list[str], ["a"]) == ["a"]
    assert typed.build(str | None, None) is None
    for kind, value in ((CopyFormat, "fax"), (list[str], ["a", 1]), (bool, 1), (int, True)):
        with pytest.raises(ValueError):
            typed.build(kind, value)


# Leaves an attacker (or a typo) might put anywhere in the document.
HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from(
        [
            "",
            " x ",
            "07:00",
            "24:00",
            "2026-12-08",
            "20261208",
            "phone",
            "web",
            "all",
            "business",
            "+57 601 7442727 ext. 12",
            "https://:x@evil.example/",
            "file:///etc/passwd",
            "a\x1b[31m",
            "\u200b",
            "America",
            "CO",
        ]
    ),
    st.text(max_size=6),
    st.just([]),
    st.just({}),
)


def paths_of(value: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += paths_of(item, (*prefix, index))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_quick_acceptance_implies_pydantic_agrees(default_document: dict, data: Any) -> None:
    doc = copy.deepcopy(default_document)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths_of(doc)[1:]))
        target = doc
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = data.draw(HOSTILE)
    try:
        quick = typed.build(Config, doc, CONTEXT)
    except ValueError:
        return  # refused: pydantic alone decides, nothing to compare
    assert validate_model(Config, doc, context=CONTEXT) == quick


def test_model_classes_cover_the_contact_kinds() -> None:
    names = {kind.__name__ for kind in model_classes(Config)}
    assert {"PhoneContact", "EmailContact", "WebContact"} <= names
    assert model_module.Config in model_classes(Config)
