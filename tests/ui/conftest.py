"""The GUI's fixtures (the fakes are in :mod:`ui_fakes`), and the teardown that deletes what
each test made before the next one starts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from ui_fakes import ConsoleFactory, FakeClock, TimerRecorder, flush_deletions

from app.bootstrap import build_services
from app.storage.preferences import Preferences, PreferencesStore
from app.ui.application import Console
from app.ui.startup import make_application


@pytest.fixture(autouse=True)
def delete_widgets_after_each_test(qapp: QApplication) -> Iterator[None]:
    """Torn down last: after pytest-qt has closed the ``qtbot.addWidget`` widgets (it only
    calls ``deleteLater``) and after the fixtures below have released what they made."""
    yield
    flush_deletions()


@pytest.fixture
def make_console(
    qapp: object, isolated_env: dict[str, str], tmp_path: Path
) -> Iterator[ConsoleFactory]:
    made: list[Console] = []

    def factory(
        now: dt.datetime,
        prefs: Preferences | None = None,
        config: Path | None = None,
        tray: bool = False,
        lang: str | None = None,
    ) -> Console:
        app = make_application()
        env = {**isolated_env, "CANALES_LANG": lang} if lang else isolated_env
        services = build_services(config, env)
        store = PreferencesStore(tmp_path / f"prefs-{len(made)}.json")
        if prefs is not None:
            store.save(prefs)
        timers = TimerRecorder()
        console = Console(app, services, FakeClock(now), timers, store, tray_available=tray)
        console.fake_timers = timers  # type: ignore[attr-defined]
        made.append(console)
        return console

    yield factory
    for console in made:
        console.translations.clear()  # the QApplication outlives the test
        console.themes.use("system")
        console.live.stop()
        console.cases.close()
        console.watcher.stop()
        if console.tray is not None:
            console.tray.hide()
            console.tray.menu.deleteLater()  # a top-level menu: no QObject parent
        console.window.quitting = True
        console.window.hide()  # not close(): that would save preferences and quit the app
        console.window.deleteLater()  # its board and any settings dialog go with it
        console.translations.deleteLater()  # a child of the QApplication
        console.deleteLater()  # its timers, watcher, tray; its slot on the app's style hints
    made.clear()
    flush_deletions()
