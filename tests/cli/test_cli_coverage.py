"""``canales coverage``: the real command in a subprocess, on the default configuration."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import canales, no_traceback
from test_cli import edited_default

PQRSA_SATURDAY = (
    "  sin canal abierto lun–vie 17:00–19:00 · sáb 8:00–13:00 (los demás canales sí atienden)"
)


def test_text_in_spanish_by_default(env: dict[str, str]) -> None:
    result = canales(env, "coverage", "--at", "2026-12-05T10:00")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Cobertura del sáb 5 dic al vie 18 dic (14 días, America/Bogota)"
    assert PQRSA_SATURDAY in lines
    assert (
        lines.count("  festivo mar 8 dic (La Inmaculada Concepción): sin atención todo el día") == 3
    )
    assert (
        "  con su respaldo (Línea para incidentes prioridad 1 (críticos)): "
        "siempre hay un canal abierto"
    ) in lines


def test_json_has_every_gap(env: dict[str, str]) -> None:
    result = canales(env, "coverage", "--json", "--days", "30", "--at", "2026-12-05T10:00-05:00")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["from"], document["to"], document["days"]) == (
        "2026-12-05T00:00:00-05:00",
        "2027-01-04T00:00:00-05:00",
        30,
    )
    holidays = {r["name"] for g in document["gaps"] for r in g["reasons"] if r["kind"] == "holiday"}
    assert holidays == {"La Inmaculada Concepción", "Navidad", "Año Nuevo"}
    assert not [
        g for g in document["gaps"] if g["request_type"] == "priority-1" and g["with_fallback"]
    ]


def test_english_and_an_instant_in_another_zone(env: dict[str, str]) -> None:
    # 03:00 UTC on Sunday is still Saturday evening in Bogotá: the window starts Saturday
    result = canales(
        {**env, "CANALES_LANG": "en"}, "coverage", "--days", "7", "--at", "2026-12-06T03:00Z"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Coverage from Sat Dec 5 to Fri Dec 11 (7 days, America/Bogota)"
    )


@pytest.mark.parametrize("days", ["0", "367", "-3", "dos", "1.5", "٣"])
def test_days_out_of_bounds_is_a_usage_error(env: dict[str, str], days: str) -> None:
    result = canales(env, "coverage", "--days", days)
    no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"canales: --days: «{days}» no es un número entero de días de 1 a 366"
    ]
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("at", "message"),
    [
        ("mañana", "no es una fecha y hora ISO 8601"),
        ("9999-12-30T00:00", "queda fuera de las fechas que se pueden calcular"),
    ],
)
def test_bad_at_is_a_usage_error(env: dict[str, str], at: str, message: str) -> None:
    result = canales(env, "coverage", "--at", at)
    no_traceback(result)
    assert result.returncode == 2
    assert message in result.stderr


def test_the_last_days_that_can_be_computed(env: dict[str, str]) -> None:
    result = canales(env, "coverage", "--json", "--at", "9998-12-26T12:00", "--days", "366")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["to"] == "9999-12-27T00:00:00-05:00"


def test_an_invalid_configuration_is_exit_1_with_a_located_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(edited_default(closing_soon_minutes=-1)), encoding="utf-8")
    result = canales(env, "--config", str(bad), "coverage")
    no_traceback(result)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}: closing_soon_minutes:")


def test_coverage_does_not_import_qt(env: dict[str, str]) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['coverage', '--json'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_help_is_in_spanish(env: dict[str, str]) -> None:
    result = canales(env, "coverage", "--help")
    assert result.returncode == 0
    assert "cuántos días, desde hoy en la hora del centro de soporte" in result.stdout
    assert "coverage" in canales(env, "--help").stdout
