"""Nothing in the cache folder can vouch for a configuration: every start checks the file's own
bytes against every rule. (An earlier design trusted a ``validated-config.json`` entry keyed
by the file's bytes; anyone who could run the program could compute that key.)"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.resources import default_config_path

_OPENED: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if _OPENED is not None and event == "open" and isinstance(args[0], str | Path):
        _OPENED.append(str(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed; it records only inside `opened()`


@contextlib.contextmanager
def opened() -> Iterator[list[str]]:
    global _OPENED  # noqa: PLW0603 - the audit hook is process-wide by nature
    _OPENED = []
    try:
        yield _OPENED
    finally:
        _OPENED = None


def test_status_and_validate_read_no_configuration_from_the_cache(
    isolated_env: dict[str, str], tmp_path: Path
) -> None:
    cache = Path(isolated_env["XDG_CACHE_HOME"])
    doc = json.loads(default_config_path().read_bytes())
    doc["channels"][2]["contacts"][0] = {"type": "web", "url": "javascript:alert(1)"}
    source = tmp_path / "team.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    (cache / "canales").mkdir(parents=True)
    planted = cache / "canales" / "validated-config.json"  # what an old version left
    planted.write_text(json.dumps({"key": "x", "config": doc}), encoding="utf-8")
    for argv in (["config", "validate", str(source)], ["--config", str(source), "status"]):
        with opened() as paths, contextlib.redirect_stdout(io.StringIO()) as out:
            code = main(argv)
        assert code == 1, out.getvalue()
        from_cache = [p for p in paths if p.startswith(str(cache))]
        assert all(p.startswith(str(cache / "canales" / "holidays")) for p in from_cache)


@pytest.mark.parametrize("command", [["config", "validate"], ["status"]])
def test_the_active_file_is_checked_by_every_rule_on_every_start(
    isolated_env: dict[str, str], command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    active = Path(isolated_env["XDG_CONFIG_HOME"]) / "canales" / "config.json"
    active.parent.mkdir(parents=True)
    active.write_bytes(default_config_path().read_bytes())
    assert main(command) == 0
    capsys.readouterr()
    doc = json.loads(active.read_bytes())
    doc["channels"][0]["contacts"][0]["number"] = "not a phone"
    active.write_text(json.dumps(doc), encoding="utf-8")
    assert main(command) == 1
    captured = capsys.readouterr()
    assert "channels[0].contacts[0].number" in captured.out + captured.err
