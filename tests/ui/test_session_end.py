"""Logout sends SIGTERM: the console quits the ordinary way and keeps the window's place."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX's")
def test_sigterm_saves_the_window_and_preferences(isolated_env: dict[str, str]) -> None:
    prefs = Path(isolated_env["XDG_CONFIG_HOME"]) / "canales" / "preferences.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "app"],
        env={**isolated_env, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lock = Path(isolated_env["XDG_CACHE_HOME"]) / "canales"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(lock.glob("*.lock")):
            time.sleep(0.1)
        time.sleep(3)  # the console is built on the first turn after the window's first paint
        assert not prefs.exists()  # nothing saved yet: only the end of the session saves
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err  # a quit, not death by signal (-15)
    saved = json.loads(prefs.read_text(encoding="utf-8"))
    assert saved["window_geometry"]
