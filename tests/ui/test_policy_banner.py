"""A broken managed policy locks editing and the console says why, instead of failing silently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Bogota"))


def test_broken_policy_is_shown_and_locks_editing(make_console, isolated_env) -> None:
    policy = Path(isolated_env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json"
    policy.parent.mkdir(parents=True)
    policy.write_text('{"read_only": "sí"}', encoding="utf-8")
    console = make_console(NOW)
    console.start()
    banner = console.window.banner
    assert not banner.isHidden()
    assert banner.text().startswith(
        f"No se puede usar la política administrada, así que la edición está bloqueada: {policy}"
    )
    assert console.services.store.read_only


def test_no_policy_no_banner(make_console) -> None:
    console = make_console(NOW)
    console.start()
    assert console.window.banner.isHidden()
    assert not console.services.store.read_only
