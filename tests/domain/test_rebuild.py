"""Rebuilding a validated configuration without pydantic gives back exactly the same objects,
and anything that is not a dumped ``Config`` is refused rather than half-built."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from app.domain.copy_format import CopyFormat
from app.domain.document import config_from_document, config_to_document
from app.domain.model import Config, EmailContact, PhoneContact, WebContact
from app.domain.rebuild import config_from_validated_document, from_plain


def rich_document(default_document: dict) -> dict:
    """Every optional shape: ranges, closed and open special days, a fallback, levels with
    and without hours, all three contact types with IVR steps and extensions."""
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
    return doc


def test_default_config_round_trip(default_config: Config) -> None:
    rebuilt = config_from_validated_document(config_to_document(default_config))
    assert rebuilt == default_config
    assert rebuilt is not default_config


def test_every_shape_round_trips(default_document: dict) -> None:
    config = config_from_document(rich_document(default_document))
    rebuilt = config_from_validated_document(config_to_document(config))
    assert rebuilt == config
    kinds = {type(c) for ch in rebuilt.channels for c in ch.contacts}
    kinds |= {type(c) for lvl in rebuilt.escalation for c in lvl.contacts}
    assert kinds == {PhoneContact, EmailContact, WebContact}
    assert rebuilt.special_days[0].until == dt.date(2026, 12, 26)
    assert rebuilt.special_days[1].until is None
    assert any(lvl.schedule is None for lvl in rebuilt.escalation)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("closing_soon_minutes",), "15"),  # a string is not a number
        (("closing_soon_minutes",), True),  # nor is a boolean
        (("schema_version",), 3),
        (("organisation", "language"), "fr"),
        (("channels", 0, "contacts", 0, "type"), "fax"),
        (("special_days",), {"name": "x"}),
        (("schedules", 0, "week", "mon", 0, "start"), None),
    ],
)
def test_wrong_shapes_are_refused(default_config: Config, where: tuple, value: object) -> None:
    doc = config_to_document(default_config)
    target = doc
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    with pytest.raises(ValueError, match="Config"):
        config_from_validated_document(doc)


def test_unknown_and_missing_keys_are_refused(default_config: Config) -> None:
    doc = config_to_document(default_config)
    doc["extra"] = 1
    with pytest.raises(ValueError):
        config_from_validated_document(doc)
    doc = config_to_document(default_config)
    del doc["organisation"]
    with pytest.raises(ValueError):
        config_from_validated_document(doc)
    with pytest.raises(ValueError):
        config_from_validated_document([1, 2])


def test_plain_values_by_declared_type() -> None:
    assert from_plain(CopyFormat, "dial") is CopyFormat.DIAL
    assert from_plain(list[str], ["a"]) == ["a"]
    assert from_plain(str | None, None) is None
    with pytest.raises(ValueError):
        from_plain(CopyFormat, "fax")
    with pytest.raises(ValueError):
        from_plain(list[str], ["a", 1])
    with pytest.raises(ValueError):
        from_plain(bool, 1)
