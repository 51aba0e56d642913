"""Where Canales keeps its files, decided once so every layer (GUI, CLI, tests) agrees.

Tests and the CLI build ``AppPaths`` directly around a temporary folder; only the real
application asks the platform. Nothing is created on disk until something is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

import platformdirs

APP_NAME: Final = "canales"


@dataclass(frozen=True)
class AppPaths:
    """The platform folders; the files inside them follow from these."""

    config_dir: Path
    cache_dir: Path
    log_dir: Path
    site_config_dir: Path
    # per machine, not roaming (a database file must not be synchronised between machines);
    # None beside the config (folders built by hand, as in tests)
    data_dir: Path | None = None

    @classmethod
    def from_platform(cls) -> AppPaths:
        """The per-user folders (roaming on Windows, so a profile carries its config) and the
        machine-wide one IT manages."""
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            site_config_dir=Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        )

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.json"

    @property
    def preferences_file(self) -> Path:
        return self.config_dir / "preferences.json"

    @property
    def backup_dir(self) -> Path:
        return self.config_dir / "backups"

    @property
    def policy_file(self) -> Path:
        return self.site_config_dir / "policy.json"

    @property
    def case_log_file(self) -> Path:
        """The escalation cases' log (``app.storage.case_log``)."""
        return (self.data_dir or self.config_dir) / "cases.sqlite3"

    @property
    def holiday_cache_dir(self) -> Path:
        return self.cache_dir / "holidays"
