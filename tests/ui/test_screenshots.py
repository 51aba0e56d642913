"""The README's pictures come from a script; it must keep working."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QImage

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from render_screenshots import INSTANTS, TASKBAR, render, render_settings


def test_screenshots_render_every_instant(qapp, isolated_env, tmp_path: Path) -> None:
    written = render(tmp_path, "es", size=(1366, 768))
    names = {p.name for p in written}
    assert {f"console-es-{name}.png" for name in INSTANTS} <= names
    image = QImage(str(tmp_path / "console-es-holiday.png"))
    assert (image.width(), image.height()) == (1366, 768)


def test_the_settings_dialog_renders_as_on_a_laptop(qapp, isolated_env, tmp_path: Path) -> None:
    path = render_settings(tmp_path, "es", screen=(1366, 768))
    assert path.name == "settings-es-1366x768.png"
    image = QImage(str(path))
    assert 0 < image.width() <= 1366 and 0 < image.height() <= 768 - TASKBAR
