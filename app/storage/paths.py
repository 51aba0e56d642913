"""Where Canales keeps its files, decided once so every layer (GUI, CLI, tests) agrees.

Tests and the CLI build ``AppPaths`` directly around a temporary folder; only the real
application asks the platform. Nothing is created on disk until something is saved.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import platformdirs

APP_NAME: Final = "canales"
POLICY_NAME: Final = "policy.json"
# Where the Debian package and the README put IT's policy on Linux.
LINUX_POLICY_DIR: Final = Path("/etc/xdg") / APP_NAME


def policy_folder(candidates: Sequence[Path], default: Path) -> Path:
    """IT's folder among ``candidates`` (in order): the first that holds a policy file (even a
    broken one or a dangling link: that locks, see ``read_policy``), else ``default``."""
    for folder in candidates:
        if os.path.lexists(folder / POLICY_NAME):
            return folder
    return default


def site_config_dir() -> Path:
    """The machine-wide folder IT manages: platformdirs' ``site_config_dir`` (Windows
    ``C:\\ProgramData\\canales``, macOS ``/Library/Application Support/canales``).

    On Linux a desktop session may list several system folders (Ubuntu's sessions set
    ``XDG_CONFIG_DIRS=/etc/xdg/xdg-ubuntu:/etc/xdg``), and platformdirs answers with the
    first, where no policy is. So ``/etc/xdg/canales`` is looked at first (an environment
    variable cannot take IT's lock away), then each ``XDG_CONFIG_DIRS`` folder in order;
    with no policy anywhere, platformdirs' answer."""
    first = Path(platformdirs.site_config_dir(APP_NAME, appauthor=False))
    if not sys.platform.startswith("linux"):
        return first
    listed = platformdirs.site_config_dir(APP_NAME, appauthor=False, multipath=True)
    return policy_folder(
        [LINUX_POLICY_DIR, *(Path(p) for p in listed.split(os.pathsep) if p)], first
    )


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
            site_config_dir=site_config_dir(),
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
        return self.site_config_dir / POLICY_NAME

    @property
    def case_log_file(self) -> Path:
        """The escalation cases' log (``app.storage.case_log``)."""
        return (self.data_dir or self.config_dir) / "cases.sqlite3"

    @property
    def holiday_cache_dir(self) -> Path:
        return self.cache_dir / "holidays"
