"""A second launch hands off to the running console, which comes to the front."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.ui.single_instance import SingleInstance

BOGOTA = ZoneInfo("America/Bogota")


@pytest.fixture
def guards(qtbot, tmp_path: Path) -> Iterator[list[SingleInstance]]:
    """Guards live as long as a running console's would, and are released like at exit."""
    made: list[SingleInstance] = []
    yield made
    for guard in made:
        guard.release()


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen has no window stacking
def test_second_launch_raises_the_first_window(make_console, qtbot, guards, tmp_path) -> None:
    console = make_console(dt.datetime(2026, 12, 1, 10, 0, tzinfo=BOGOTA), tray=False)
    console.start()
    console.window.hide()  # e.g. closed to the tray
    name = "canales-test-" + hashlib.sha256(str(tmp_path).encode()).hexdigest()[:10]
    first = SingleInstance(name, tmp_path, wait_ms=500)
    second = SingleInstance(name, tmp_path, wait_ms=500)
    guards.extend([first, second])
    assert first.claim()
    first.activated.connect(console.raise_window)
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.claim() is False
    assert console.window.isVisible()
