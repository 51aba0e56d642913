"""SVG icons from the resources folder (crisp at any DPI)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from app.resources import resources_dir


def icon_path(name: str) -> str:
    return str(resources_dir() / "icons" / f"{name}.svg")


def icon(name: str) -> QIcon:
    return QIcon(icon_path(name))
