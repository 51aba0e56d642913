"""Files that make a library raise something unexpected: one located line and exit 1 from
``status``, ``config validate`` and ``config import``, never a traceback; the traceback goes to
the log file. And a last resort for what no file boundary catches.

The hostile files raised from inside a library when this was written (zoneinfo opening the
``America`` folder of tzdata as a zone, json refusing a 5,000-digit integer). The assertions
hold whether such a cause surfaces as a validation message or as "no se pudo cargar (…)".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import canales

from app.cli_commands import run_headless
from app.resources import default_config_path
from app.storage.holiday_cache import CachedHolidaySource

DEFAULT = json.loads(default_config_path().read_bytes())


def hostile_timezone() -> bytes:
    return json.dumps({**DEFAULT, "timezone": "America"}).encode()


def hostile_integer() -> bytes:
    return json.dumps(DEFAULT).encode()[:-1] + b', "x": ' + b"9" * 5000 + b"}"


HOSTILE = {"timezone-folder": hostile_timezone(), "huge-integer": hostile_integer()}


def one_located_line(result: subprocess.CompletedProcess[str], stream: str, file: Path) -> str:
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1
    (line,) = getattr(result, stream).splitlines()
    assert re.match(rf"{re.escape(str(file))}(:\d+:\d+)?: ", line), line  # path or line:col
    return line


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_validate_a_hostile_file(isolated_env: dict[str, str], tmp_path: Path, kind: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(HOSTILE[kind])
    result = canales(isolated_env, "config", "validate", str(bad))
    one_located_line(result, "stdout", bad)
    assert result.stderr == ""


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_status_over_a_hostile_file(
    isolated_env: dict[str, str], tmp_path: Path, kind: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(HOSTILE[kind])
    result = canales(isolated_env, "--config", str(bad), "status", "--json")
    one_located_line(result, "stderr", bad)
    assert result.stdout == ""


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_import_of_a_hostile_file_changes_nothing(
    isolated_env: dict[str, str], active: Path, tmp_path: Path, kind: str
) -> None:
    active.parent.mkdir(parents=True)
    active.write_bytes(default_config_path().read_bytes())
    bad = tmp_path / "bad.json"
    bad.write_bytes(HOSTILE[kind])
    result = canales(isolated_env, "config", "import", str(bad))
    one_located_line(result, "stderr", bad)
    assert active.read_bytes() == default_config_path().read_bytes()
    assert not (active.parent / "backups").exists()


def test_an_unexpected_failure_of_a_file_is_logged_with_its_traceback(
    isolated_env: dict[str, str],
) -> None:
    """A collaborator (the holiday source) failing while the file is validated."""
    code = (
        "import sys\n"
        "from app.storage.holiday_cache import CachedHolidaySource\n"
        "def broken(self): raise RuntimeError('country list exploded')\n"
        "CachedHolidaySource.supported_countries = broken\n"
        "from app.cli import main\n"
        "sys.exit(main(['config', 'validate']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=isolated_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    line = one_located_line(result, "stdout", default_config_path())
    assert line.endswith(": no se pudo cargar (RuntimeError: country list exploded)")
    log = Path(isolated_env["XDG_STATE_HOME"]) / "canales" / "log" / "canales.log"
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "country list exploded" in logged


def test_the_last_resort_is_one_line_and_exit_1(
    isolated_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path
) -> None:
    """What no file boundary converts (here the engine's holiday source failing while
    ``status`` evaluates a valid file) is still one line, never a traceback."""

    def broken(self: CachedHolidaySource, country: str, language: str, year: int) -> dict:
        raise RuntimeError("holiday table exploded")

    monkeypatch.setattr(CachedHolidaySource, "__call__", broken)
    args = argparse.Namespace(config=None, command="status", at=None, json=True)
    assert run_headless(args, isolated_env, "es") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "canales: error inesperado: RuntimeError: holiday table exploded\n"
    log = Path(isolated_env["XDG_STATE_HOME"]) / "canales" / "log" / "canales.log"
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_a_closed_pipe_ends_quietly(isolated_env: dict[str, str]) -> None:
    """``canales config schema | head -c 0``: the reader is gone before the first write."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "app", "config", "schema"],
            env=isolated_env,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 0  # nothing went wrong: the reader chose to stop (app.cli)
