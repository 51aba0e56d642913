"""Where the shipped resources are: a checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """One answer for all three layouts, so nothing else guesses paths."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "_resources"  # the wheel maps resources/ here (pyproject.toml)
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def default_config_path() -> Path:
    return resources_dir() / "default-config.json"


def locale_dir() -> Path:
    """The gettext catalogs of the Qt-free phrases (``<lang>/LC_MESSAGES/canales.mo``)."""
    return resources_dir() / "locale"
