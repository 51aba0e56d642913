"""``canales status`` at the edges: instants it cannot answer, DST wall times, huge special days."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cli_run import canales, no_traceback
from test_cli import edited_default

from app.cli_commands import parse_at
from app.domain.availability import AvailabilityEngine
from app.domain.wall_clock import OutOfRange

try:
    import resource
except ImportError:  # pragma: no cover - Windows: the memory cap is POSIX only
    resource = None  # type: ignore[assignment]

NOW = dt.datetime(2026, 12, 7, 15, tzinfo=dt.UTC)
OUT_OF_RANGE_ES = (
    "canales: --at: «{value}» queda fuera de las fechas que se pueden calcular "
    "(de 0001-01-02 a 9998-12-26 en la hora del centro)"
)
MEMORY_CAP = 1 << 30  # 1 GiB of address space: the day-by-day expansion needed 2.5 GB


@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31T23:59:59",
        "0001-01-01T00:00",
        "0001-01-01T00:00+00:00",  # year 0 in Bogotá
        "9999-12-31T23:59:59+14:00",
        "9998-12-27T00:00",  # the year-long search would run past 9999-12-31
        "0001-01-01T23:59:59",  # the day before would be before date.min
    ],
)
def test_at_outside_the_dates_answered_is_a_usage_error(env: dict[str, str], value: str) -> None:
    result = canales(env, "status", "--at", value)
    no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [OUT_OF_RANGE_ES.format(value=value)]
    assert result.stdout == ""


def test_at_out_of_range_in_english(env: dict[str, str]) -> None:
    result = canales({**env, "CANALES_LANG": "en"}, "status", "--json", "--at", "0001-01-01T00:00")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "canales: --at: '0001-01-01T00:00' is outside the dates that can be computed "
        "(0001-01-02 to 9998-12-26 on the centre's clock)"
    )


@pytest.mark.parametrize(
    ("value", "at"),
    [
        ("0001-01-02T00:00", "0001-01-02T00:00:00-04:56:16"),  # Bogotá's local mean time
        ("9998-12-26T23:59:59", "9998-12-26T23:59:59-05:00"),
    ],
)
def test_at_the_edges_of_the_dates_answered(env: dict[str, str], value: str, at: str) -> None:
    result = canales(env, "status", "--json", "--at", value)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["at"] == at
    main = next(c for c in document["channels"] if c["id"] == "phone-main")
    assert main["state"] == "closed"
    assert main["next_change"] is not None


def test_parse_at_refuses_what_the_engine_cannot_answer(engine: AvailabilityEngine) -> None:
    for value in ("9999-12-31T23:59:59", "0001-01-01T00:00", "0001-01-01T00:00Z"):
        with pytest.raises(OutOfRange):
            parse_at(value, engine, NOW)
    with pytest.raises(ValueError, match="Invalid isoformat") as caught:
        parse_at("mañana", engine, NOW)
    assert not isinstance(caught.value, OutOfRange)
    assert parse_at(None, engine, NOW) is NOW
    bogota = ZoneInfo("America/Bogota")
    assert parse_at("2026-12-08T10:00", engine, NOW) == dt.datetime(2026, 12, 8, 10, tzinfo=bogota)


@pytest.mark.parametrize(
    ("value", "at"),
    [
        ("2026-03-08T02:30", "2026-03-08T03:00:00-04:00"),  # skipped: when the gap ends
        ("2026-11-01T01:30", "2026-11-01T01:30:00-04:00"),  # repeated: the first time
        ("2026-11-01T01:30-05:00", "2026-11-01T01:30:00-05:00"),  # the second, by its offset
    ],
)
def test_naive_at_on_a_dst_day_follows_the_engine_rule(
    env: dict[str, str], active: Path, value: str, at: str
) -> None:
    active.parent.mkdir(parents=True, exist_ok=True)
    doc = edited_default(timezone="America/New_York")
    active.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = canales(env, "status", "--json", "--at", value)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["at"] == at


def _capped() -> None:  # pragma: no cover - runs in the child before exec
    assert resource is not None
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def test_a_special_day_over_all_of_time_is_answered_in_little_memory(
    env: dict[str, str], tmp_path: Path
) -> None:
    doc = edited_default()
    everyone = [c["id"] for c in doc["channels"]]
    doc["special_days"] = [
        {
            "name": "Cerrado indefinidamente",
            "date": "0001-01-01",
            "until": "9999-12-31",
            "channels": everyone,
            "closed": True,
        }
    ]
    path = tmp_path / "forever.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    args = ["--config", str(path), "status", "--json", "--at", "2026-12-07T10:00"]
    result = subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
        preexec_fn=_capped if resource is not None else None,
    )
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    channels = json.loads(result.stdout)["channels"]
    assert [c["id"] for c in channels] == everyone
    for channel in channels:
        assert (channel["state"], channel["next_change"], channel["reason"]) == (
            "closed",
            None,
            "Cerrado indefinidamente",
        )
