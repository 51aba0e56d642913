"""``canales cases list`` and ``canales cases export`` on a real log, in subprocesses."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cli_run import canales, no_traceback

from app.storage.case_log import CaseLog

BOGOTA = ZoneInfo("America/Bogota")
TEN = dt.datetime(2026, 12, 9, 10, 0, tzinfo=BOGOTA)


@pytest.fixture
def log_path(env: dict[str, str]) -> Path:
    path = Path(env["XDG_DATA_HOME"]) / "canales" / "cases.sqlite3"
    with CaseLog.open(path) as log:
        done = log.open_case(TEN, 2, "Supervisor de Soporte", 30, "INC-1", "primero")
        log.close_case(done.case_id, TEN + dt.timedelta(minutes=20))
        log.open_case(TEN + dt.timedelta(days=1), 1, "Grupo de soporte técnico", None, "INC-2")
    return path


def test_list_all_and_open(env: dict[str, str], log_path: Path) -> None:
    result = canales(env, "cases", "list")
    no_traceback(result)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["CASO", "TICKET", "ESTADO", "NIVEL", "ABIERTO", "CERRADO", "NOTA"]
    assert "INC-1" in lines[1] and "cerrado" in lines[1] and "2026-12-09 10:20" in lines[1]
    assert "INC-2" in lines[2] and "abierto" in lines[2]
    only_open = canales(env, "cases", "list", "--open", "--json")
    assert only_open.returncode == 0
    (case,) = json.loads(only_open.stdout)
    assert case["ticket"] == "INC-2" and case["state"] == "open"
    assert case["opened_at"] == "2026-12-10T10:00:00-05:00"


def test_export_a_range_atomically_and_to_stdout(
    env: dict[str, str], log_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "sla.csv"
    result = canales(
        env, "cases", "export", "--from", "2026-12-09", "--to", "2026-12-09", "-o", str(target)
    )
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"2 eventos exportados a {target}"
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row[2] for row in rows[1:]] == ["abierto", "cerrado"]
    assert rows[2][3] == "2026-12-09T10:20:00-05:00" and rows[2][7] == "20"
    assert [p.name for p in target.parent.iterdir()] == ["sla.csv"]  # no temp file left behind
    out = canales(env, "cases", "export", "-o", "-")
    assert out.returncode == 0
    assert len(out.stdout.lstrip("\ufeff").splitlines()) == 4  # header + three events


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "9-12-2026"], "no es una fecha AAAA-MM-DD"),
        (["--from", "2026-12-10", "--to", "2026-12-09"], "es posterior a --to"),
    ],
)
def test_bad_dates_are_usage_errors(
    env: dict[str, str], log_path: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = canales(env, "cases", "export", *args, "-o", str(tmp_path / "x.csv"))
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "x.csv").exists()


def test_no_log_yet_creates_nothing(env: dict[str, str]) -> None:
    result = canales(env, "cases", "list")
    assert result.returncode == 0 and result.stdout.strip() == "No hay casos en el registro."
    assert not (Path(env["XDG_DATA_HOME"]) / "canales").exists()


def test_a_damaged_log_is_one_line_and_exit_1(env: dict[str, str]) -> None:
    path = Path(env["XDG_DATA_HOME"]) / "canales" / "cases.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 500)
    result = canales(env, "cases", "list")
    no_traceback(result)
    assert result.returncode == 1
    assert result.stderr.startswith("canales: No se puede leer el registro de casos")
    assert path.read_bytes() == b"garbage" * 500
