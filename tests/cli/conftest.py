"""Fixtures of the CLI tests: per-user folders inside tmp_path, and where the active file is."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def env(isolated_env: dict[str, str]) -> dict[str, str]:
    return isolated_env


@pytest.fixture
def active(env: dict[str, str]) -> Path:
    return Path(env["XDG_CONFIG_HOME"]) / "canales" / "config.json"
