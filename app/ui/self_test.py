"""``canales --self-test``: the real GUI, rendered once, and a one-line JSON verdict.

Used by IT on the packaged build and by CI: it proves the executable finds its config, icons
and translations, can paint, and can use the clipboard. ``startup_ms`` is the time from the
process's start to the main window's first paint; the board is then awaited and checked too:
the console is ready when the board has painted every channel in view as a card showing its
state (cards further down are built as they are scrolled to, see :mod:`app.ui.card_list`).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QClipboard, QIcon, QImage, QPainter, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from app.resources import default_config_path, resources_dir
from app.storage.config_source import ConfigSource
from app.ui.main_window import MainWindow
from app.ui.process_info import ms_since_process_start, peak_rss_mb
from app.ui.startup import FirstPaint
from app.ui.translation import Translations

if TYPE_CHECKING:
    from app.ui.application import Console

REQUIRED_ICONS = ("canales", "copy", "state-open", "state-closed", "state-closing")
PAINT_TIMEOUT_MS = 30_000
READY_TIMEOUT_MS = PAINT_TIMEOUT_MS // 2
RENDER_SCALE_DOWN = 4
MIN_RENDERED_COLOURS = 3


def resource_problems() -> list[str]:
    problems = []
    if not default_config_path().is_file():
        problems.append(f"missing default config: {default_config_path()}")
    for name in REQUIRED_ICONS:
        path = resources_dir() / "icons" / f"{name}.svg"
        if not path.is_file() or QIcon(str(path)).pixmap(16, 16).isNull():
            problems.append(f"icon not usable: {path}")
    for code in ("es", "en"):
        qm = resources_dir() / "translations" / f"canales_{code}.qm"
        if not qm.is_file():
            problems.append(f"missing translation: {qm}")
    return problems


def renders(widget: QWidget) -> bool:
    """Paint the whole widget, children included, at a quarter of its size; true when the
    picture shows something (several colours). A full-size grab would prove no more and
    hold a screen-sized image (≈4 MB at 1280×760, 16 MB on a 2× display) just for a check."""
    scale = 1 / RENDER_SCALE_DOWN
    image = QImage(widget.size() * scale, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        return False
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.scale(scale, scale)
    flags = QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren
    widget.render(painter, QPoint(), QRegion(), flags)
    painter.end()
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), max(1, image.width() // 32))
        for y in range(0, image.height(), max(1, image.height() // 32))
    }
    return len(colours) >= MIN_RENDERED_COLOURS


def console_problems(app: QApplication, console: Console) -> list[str]:
    problems = resource_problems()
    window = console.window
    if window.board is None or not window.cards:
        problems.append("the channel board was not built")
    elif not window.board.ready():
        problems.append("the channel board was painted without every channel in view and its state")
    if not renders(window):
        problems.append("the main window could not be rendered")
    if not window.banner.isHidden():
        problems.append(window.banner.text())
    clipboard = app.clipboard()
    clipboard.setText("canales-self-test", QClipboard.Mode.Clipboard)
    if clipboard.text(QClipboard.Mode.Clipboard) != "canales-self-test":
        problems.append("the clipboard does not keep text")
    return problems


def _stop(console: Console) -> None:
    console.live.stop()
    console.watcher.stop()
    if console.remote is not None:
        console.remote.stop()


def _check_when_painted(window: MainWindow, check: Callable[[], None]) -> None:
    """After an https:// source's first fetch (the board may be a new one): check it once it
    has painted."""
    board = window.board
    assert board is not None
    FirstPaint(board, check)
    board.update()


def run_self_test(
    app: QApplication,
    translations: Translations,
    config_override: ConfigSource | None,
    env: Mapping[str, str],
    started: float,
) -> int:
    result: dict[str, object] = {"ok": False, "startup_ms": None, "rss_mb": None, "channels": 0}
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="canales-self-test-") as scratch:
        window = MainWindow(tray_available=False)
        consoles: list[Console] = []
        checked: list[bool] = []

        def check_board() -> None:
            board = window.board
            assert board is not None
            if not board.ready() and time.perf_counter() < deadline:
                # ready means the board painted with every channel in view and its state
                FirstPaint(board.channel_list.viewport(), check_board)
                board.channel_list.viewport().update()
                return
            console = consoles[0]
            if (
                (remote := console.remote)
                and remote.remote.in_flight
                and time.perf_counter() < deadline
            ):
                # an https:// source's first fetch: checked once its outcome is on screen
                remote.applied.connect(
                    lambda: _check_when_painted(window, check_board),
                    Qt.ConnectionType.SingleShotConnection,
                )
                return
            checked.append(True)
            problems.extend(console_problems(app, console))
            result["channels"] = len(console.loaded.config.channels)
            _stop(console)
            app.quit()

        def build() -> None:
            # the same order as a real start: the window is painted before the config is read
            from app.storage.preferences import PreferencesStore  # noqa: PLC0415
            from app.ui.launch import launch  # noqa: PLC0415

            prefs = PreferencesStore(Path(scratch) / "preferences.json")  # never the agent's
            console = launch(app, window, translations, config_override, env, False, prefs)
            consoles.append(console)
            assert window.board is not None
            FirstPaint(window.board, check_board)

        deadline = time.perf_counter() + READY_TIMEOUT_MS / 1000  # then checked, ready or not
        first = FirstPaint(window, build)
        window.show()
        QTimer.singleShot(PAINT_TIMEOUT_MS, app.quit)
        app.exec()
        if first.painted_at is None:
            problems.append("the main window was never painted")
        else:
            since_paint_ms = (time.perf_counter() - first.painted_at) * 1000
            result["startup_ms"] = round(ms_since_process_start(started) - since_paint_ms, 1)
        if not consoles:
            problems.append("the console was never built")
        elif not checked:
            problems.append("the channel board was never painted")
        window.quitting = True
        window.close()
    result["rss_mb"] = round(peak_rss_mb(), 1)
    result["ok"] = not problems
    if problems:
        result["problems"] = problems
    print(json.dumps(result, ensure_ascii=False))
    return 0 if not problems else 1
