"""The README's pictures come from a script; it must keep working."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QImage

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from render_screenshots import INSTANTS, render


def test_screenshots_render_every_instant(qapp, isolated_env, tmp_path: Path) -> None:
    written = render(tmp_path, "es", size=(1366, 768))
    names = {p.name for p in written}
    assert {f"console-es-{name}.png" for name in INSTANTS} <= names
    image = QImage(str(tmp_path / "console-es-holiday.png"))
    assert (image.width(), image.height()) == (1366, 768)
