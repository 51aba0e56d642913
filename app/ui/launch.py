"""The heavy half of start-up (see :mod:`app.ui.startup`): services, preferences, console."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QApplication

from app.bootstrap import build_services
from app.storage.config_source import ConfigSource
from app.storage.logs import configure_logging
from app.storage.preferences import PreferencesStore
from app.ui.application import Console
from app.ui.clock import SystemClock, precise_single_shot
from app.ui.main_window import MainWindow
from app.ui.translation import Translations


def launch(
    app: QApplication,
    window: MainWindow,
    translations: Translations,
    config_override: ConfigSource | None,
    env: Mapping[str, str],
    tray_available: bool,
    prefs_store: PreferencesStore | None = None,
) -> Console:
    services = build_services(config_override, env)
    configure_logging(services.paths.log_dir)
    console = Console(
        app,
        services,
        SystemClock(),
        precise_single_shot,
        prefs_store or PreferencesStore(services.paths.preferences_file),
        tray_available=tray_available,
        window=window,
        translations=translations,
    )
    console.start()
    return console
