"""Help and usage errors in the CLI's language, every option described with an example, and a
reader that closes the pipe early ends the command quietly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import canales, no_traceback

from app.resources import default_config_path

ARGPARSE_ENGLISH = (
    "show this help message",
    "positional arguments",
    "options:",
    "usage:",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
)


@pytest.mark.parametrize("args", [["--help"], ["status", "--help"], ["config", "--help"]])
def test_help_is_spanish_by_default(env: dict[str, str], args: list[str]) -> None:
    result = canales(env, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("uso: canales")
    for english in ARGPARSE_ENGLISH:
        assert english not in result.stdout


def test_status_help_describes_its_options_with_examples(env: dict[str, str]) -> None:
    text = canales(env, "status", "--help").stdout
    assert "--at FECHA_HORA" in text and "2026-12-08T10:00" in text
    assert "--json" in text and "JSON para scripts" in text


def test_config_help_lists_every_action(env: dict[str, str]) -> None:
    text = canales(env, "config", "--help").stdout
    for action in ("path", "default", "schema", "validate", "import", "export"):
        line = next(line for line in text.splitlines() if line.strip().startswith(action))
        assert len(line.split()) > 1, f"{action} has no description"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["config"], "faltan estos argumentos"),
        (["config", "nada"], "opción 'nada' desconocida"),
        (["status", "--when", "x"], "argumentos desconocidos: --when x"),
        (["status", "--at"], "--at: se espera un valor"),
    ],
)
def test_usage_errors_are_spanish(env: dict[str, str], args: list[str], expected: str) -> None:
    result = canales(env, *args)
    assert result.returncode == 2
    assert result.stderr.startswith("uso: canales")
    assert expected in result.stderr
    for english in ARGPARSE_ENGLISH:
        assert english not in result.stderr
    no_traceback(result)


def test_english_when_asked(env: dict[str, str]) -> None:
    result = canales({**env, "CANALES_LANG": "en"}, "config", "nada")
    assert result.stderr.startswith("usage: canales config")
    assert "unknown choice 'nada'" in result.stderr


def test_a_closed_pipe_ends_quietly(env: dict[str, str], tmp_path: Path) -> None:
    """``canales status | head -1``: the reader goes away after one line, while the writer
    still has far more than a pipe holds (1,000 channels) to write."""
    document = json.loads(default_config_path().read_bytes())
    template = document["channels"][0]
    document["channels"] += [
        {**template, "id": f"extra-{i}", "name": f"Canal adicional {i}"} for i in range(1000)
    ]
    big = tmp_path / "big.json"
    big.write_text(json.dumps(document), encoding="utf-8")
    for _ in range(3):
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "--config", str(big), "status"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0
        assert stderr == ""
