"""Shared fixtures: the default configuration and an engine over real holiday data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.domain.availability import AvailabilityEngine
from app.domain.calendar import HolidayCalendar, holidays_from_package
from app.domain.document import config_from_document
from app.domain.model import Config
from app.resources import default_config_path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def default_document() -> dict:
    return json.loads(default_config_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def default_config(default_document: dict) -> Config:
    return config_from_document(default_document)


@pytest.fixture(scope="session")
def co_calendar() -> HolidayCalendar:
    return HolidayCalendar("CO", "es", holidays_from_package)


@pytest.fixture(scope="session")
def engine(default_config: Config, co_calendar: HolidayCalendar) -> AvailabilityEngine:
    return AvailabilityEngine(default_config, co_calendar)


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Per-user folders inside tmp_path, for this process and for subprocesses."""
    env = dict(os.environ)
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_DIRS", "site"),
    ):
        (tmp_path / sub).mkdir()
        env[var] = str(tmp_path / sub)
        monkeypatch.setenv(var, str(tmp_path / sub))
    env.pop("CANALES_CONFIG", None)
    env.pop("CANALES_LANG", None)
    monkeypatch.delenv("CANALES_CONFIG", raising=False)
    monkeypatch.delenv("CANALES_LANG", raising=False)
    return env


# A real HTTPS server on 127.0.0.1 (tests/https_server.py), for the URL source's tests.
@pytest.fixture(scope="session")
def test_ca():
    from https_server import LocalCA  # noqa: PLC0415

    return LocalCA()


@pytest.fixture
def config_server(test_ca):
    from https_server import ConfigServer  # noqa: PLC0415

    server = ConfigServer(test_ca).start()
    yield server
    server.stop()
