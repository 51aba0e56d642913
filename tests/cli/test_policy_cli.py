"""``canales config import`` under IT's read-only policy, in a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from cli_run import canales

from app.resources import default_config_path


def test_import_is_refused_under_a_read_only_policy(
    isolated_env: dict[str, str], tmp_path: Path
) -> None:
    share = tmp_path / "share" / "config.json"
    share.parent.mkdir()
    share.write_bytes(default_config_path().read_bytes())
    policy = Path(isolated_env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json"
    policy.parent.mkdir()
    policy.write_text(
        json.dumps({"config_path": str(share), "read_only": True, "managed_by": "TI ext. 1234"}),
        encoding="utf-8",
    )
    doc = json.loads(default_config_path().read_bytes())
    doc["closing_soon_minutes"] = 42
    new = tmp_path / "new.json"
    new.write_text(json.dumps(doc), encoding="utf-8")

    result = canales(isolated_env, "config", "import", str(new))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{share}: la edición está bloqueada por la política administrada (TI ext. 1234)"
    )
    assert "Traceback" not in result.stderr
    assert share.read_bytes() == default_config_path().read_bytes()
    assert not (share.parent / "backups").exists()

    mine = tmp_path / "mine" / "config.json"
    result = canales(isolated_env, "--config", str(mine), "config", "import", str(new))
    assert result.returncode == 1, "--config chooses the file, not whether editing is allowed"
    assert not mine.exists()

    result = canales(isolated_env, "config", "path")
    assert (result.returncode, result.stdout.splitlines()[0]) == (0, str(share))
    result = canales(isolated_env, "config", "export", str(tmp_path / "out.json"))
    assert result.returncode == 0, result.stderr  # reading stays allowed


def test_import_works_without_a_policy(isolated_env: dict[str, str], tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    new.write_bytes(default_config_path().read_bytes())
    result = canales(isolated_env, "config", "import", str(new))
    assert result.returncode == 0, result.stderr
