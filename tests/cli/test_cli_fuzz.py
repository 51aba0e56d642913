"""``config validate``, ``status`` and ``config import`` answer every input with exit 0 or 1 and
located lines — never a traceback — through the real entry point, in-process."""

from __future__ import annotations

import datetime as dt
import enum
import json
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import main
from app.domain import typed
from app.domain.model import Config
from app.resources import default_config_path

DEFAULT = json.loads(default_config_path().read_bytes())

NASTY_TEXT = [
    b'{"closing_soon_minutes": ' + b"9" * 5000 + b"}",
    b'{"schema_version": -' + b"1" * 4400 + b"}",
    b"[" * 5000 + b"]" * 5000,
    b'{"a": ' * 3000 + b"1" + b"}" * 3000,
    b'{"a": NaN}',
    b'{"a": 1, "a": 2}',
    b"\xff\xfe{\x00}\x00",
    b"\x00\x01\x02binary\x89PNG",
    b'{"timezone": "America"}',
    b"",
    b"   ",
    b'"just a string"',
]

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)

JSONISH_BYTES = st.one_of(
    st.binary(max_size=300),
    st.sampled_from(NASTY_TEXT),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.tuples(st.sampled_from(NASTY_TEXT), st.binary(max_size=20)).map(b"".join),
)

HOSTILE_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from(
        [
            "",
            "\u200b",
            "x\x1b[2J",
            "a\r\nb",
            "America",
            "A" * 300,
            "javascript:alert(1)",
            "https://:x@evil.example/",
            "+57 601 7442727 ext. 9",
            "24:00",
            "0001-01-01",
            "9999-12-31",
            "phone",
            "all",
            "business",
        ]
    ),
    st.text(max_size=10),
)


def document_of(kind: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Documents shaped by the model's own field types, any leaf possibly hostile."""
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        return document_of(typing.get_args(kind)[0], depth)
    if depth > 6:
        return HOSTILE_LEAF
    if origin is list:
        return st.lists(document_of(typing.get_args(kind)[0], depth + 1), max_size=3)
    if origin in (typing.Union, __import__("types").UnionType):
        return st.one_of(*(document_of(m, depth + 1) for m in typing.get_args(kind)))
    if origin is typing.Literal:
        return st.sampled_from(typing.get_args(kind)) | HOSTILE_LEAF
    if isinstance(kind, type) and typed.field_types(kind) if _is_model(kind) else False:
        fields = typed.field_types(kind)
        return st.fixed_dictionaries(
            {}, optional={name: document_of(t, depth + 1) for name, t in fields.items()}
        )
    if kind is dt.date:
        return st.dates().map(dt.date.isoformat) | HOSTILE_LEAF
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from([m.value for m in kind]) | HOSTILE_LEAF
    return HOSTILE_LEAF


def _is_model(kind: Any) -> bool:
    import dataclasses  # noqa: PLC0415

    return isinstance(kind, type) and dataclasses.is_dataclass(kind)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def check_every_command(raw: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "candidate.json"
    source.write_bytes(raw)
    active = Path(str(tmp_path / "config" / "canales" / "config.json"))
    before = active.read_bytes() if active.exists() else None
    code, text = run(capsys, "config", "validate", str(source))
    assert code in (0, 1), text
    assert text.strip(), "every answer is at least one line"
    status_code, status = run(capsys, "--config", str(source), "status", "--json")
    assert status_code in (0, 1), status
    assert (status_code == 0) == (code == 0), (text, status)
    import_code, imported = run(capsys, "config", "import", str(source))
    assert import_code == code, imported
    after = active.read_bytes() if active.exists() else None
    if import_code != 0:
        assert after == before  # a refused import changes nothing
    else:
        assert after == raw  # the bytes given, after validating those bytes


FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(raw=JSONISH_BYTES)
def test_jsonish_bytes_never_end_in_a_traceback(
    raw: bytes, isolated_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_every_command(raw, tmp_path, capsys)


@FUZZ
@given(doc=document_of(Config))
def test_model_shaped_documents_never_end_in_a_traceback(
    doc: Any, isolated_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_every_command(json.dumps(doc).encode(), tmp_path, capsys)


@FUZZ
@given(data=st.data())
def test_the_default_with_hostile_leaves_never_ends_in_a_traceback(
    data: Any, isolated_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads(json.dumps(DEFAULT))
    for _ in range(data.draw(st.integers(1, 3))):
        target: Any = doc
        while True:  # walk down to a random place, then put a hostile leaf there
            keys = list(target) if isinstance(target, dict) else list(range(len(target)))
            key = data.draw(st.sampled_from(keys))
            below = target[key]
            if not isinstance(below, dict | list) or not below or data.draw(st.booleans()):
                break
            target = below
        target[key] = data.draw(HOSTILE_LEAF)
    check_every_command(json.dumps(doc).encode(), tmp_path, capsys)
