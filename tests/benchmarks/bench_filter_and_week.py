"""Interaction at scale, in one process, offscreen: a filter keystroke and the week view's paint
with 200 channels, beside the same on the default configuration (5 channels), measured
alternately in the same run.

- filter keystroke: the filter's text is set (one character more or less, as typing) and events
  are processed until the board's viewport has painted the result. Target ≤ 16 ms (a frame).
- week view: shown once, then ``repaint()`` (what the screen pays: the visible rows) and
  ``grab()`` (every row, into a pixmap) are timed. Target ≤ 30 ms.

Run: ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_filter_and_week.py [REPEATS]``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from scaled_config import scaled_document, write_scaled  # noqa: E402

from app.bootstrap import build_services  # noqa: E402
from app.storage.preferences import PreferencesStore  # noqa: E402
from app.ui.application import Console  # noqa: E402
from app.ui.clock import SystemClock, precise_single_shot  # noqa: E402
from app.ui.startup import make_application  # noqa: E402

KEYSTROKE_TARGET_MS = 16.0
WEEK_TARGET_MS = 30.0
CHANNELS = 200


def typing_steps(name_of_150th: str) -> list[str]:
    """Each word typed one key at a time, then erased one key at a time."""
    steps: list[str] = []
    for word in ("7442727", "chat", "correo", name_of_150th[-5:]):
        typed = [word[:n] for n in range(1, len(word) + 1)]
        steps += typed + typed[-2::-1] + [""]
    return steps


class Subject:
    """A shown console window over one configuration, with a paint counter on its board."""

    def __init__(self, app: QApplication, config: Path | None, scratch: Path, label: str) -> None:
        self.label = label
        services = build_services(config, dict(os.environ))
        prefs = PreferencesStore(scratch / f"prefs-{label}.json")
        self.console = Console(
            app,
            services,
            SystemClock(),
            precise_single_shot,
            prefs,
            tray_available=False,
        )
        self.console.start()
        self.window = self.console.window
        self.paints = 0
        self.forced = 0
        subject = self

        class Counter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    subject.paints += 1
                return False

        self._counter = Counter()
        board = self.window.board
        assert board is not None
        self.board_viewport = board.splitter.widget(0).viewport()
        self.board_viewport.installEventFilter(self._counter)

    def settle(self, app: QApplication) -> None:
        end = time.perf_counter() + 0.3
        while time.perf_counter() < end:
            app.processEvents()

    def keystroke(self, app: QApplication, text: str) -> float:
        """Seconds from setting the filter's text to the board's viewport painted: pending
        events (layout, update requests) are processed, and when they did not repaint the
        viewport (the cards on screen were unchanged) it is repainted, so every step pays a
        paint."""
        before = self.paints
        started = time.perf_counter()
        self.window.filter.setText(text)
        app.processEvents()
        if self.paints == before:
            self.forced += 1
            self.board_viewport.repaint()
        return time.perf_counter() - started

    def show_week(self, app: QApplication) -> float:
        started = time.perf_counter()
        assert self.window.board is not None
        self.window.board.show_week(True)
        app.processEvents()
        return time.perf_counter() - started

    def week_repaint(self) -> float:
        started = time.perf_counter()
        self.window.week.repaint()
        return time.perf_counter() - started

    def week_grab(self) -> float:
        started = time.perf_counter()
        self.window.week.grab()
        return time.perf_counter() - started

    def close(self) -> None:
        self.console.live.stop()
        self.console.watcher.stop()
        self.window.quitting = True
        self.window.close()


def line(what: str, big: list[float], small: list[float], target_ms: float) -> str:
    def med(values: list[float]) -> str:
        low, mid, high = (v * 1000 for v in (min(values), statistics.median(values), max(values)))
        return f"median {mid:.1f} ms (min {low:.1f}, max {high:.1f})"

    mid = statistics.median(big) * 1000
    ratio = statistics.median(big) / statistics.median(small)
    return (
        f"{what}: {CHANNELS} channels {med(big)} | default {med(small)} | ratio {ratio:.2f}x "
        f"| target ≤ {target_ms:.0f} ms: {'PASS' if mid <= target_ms else 'MISS'}"
    )


def paired(
    repeats: int, big: Callable[[], float], small: Callable[[], float]
) -> tuple[list[float], list[float]]:
    a, b = [], []
    for _ in range(repeats):
        a.append(big())
        b.append(small())
    return a, b


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
        os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")
        os.environ.pop("CANALES_CONFIG", None)
        app = make_application()
        big_config = write_scaled(CHANNELS, scratch / "big.json")
        name_150 = scaled_document(CHANNELS)["channels"][149]["name"]
        built = time.perf_counter()
        big = Subject(app, big_config, scratch, "big")
        big_build = time.perf_counter() - built
        built = time.perf_counter()
        small = Subject(app, None, scratch, "default")
        small_build = time.perf_counter() - built
        for subject in (big, small):
            subject.window.show()
            subject.settle(app)
        steps = typing_steps(name_150) * repeats
        big_keys: list[float] = []
        small_keys: list[float] = []
        for text in steps:
            big_keys.append(big.keystroke(app, text))
            small_keys.append(small.keystroke(app, text))
        big_show, small_show = big.show_week(app), small.show_week(app)
        for subject in (big, small):
            subject.settle(app)
        big_repaint, small_repaint = paired(10 * repeats, big.week_repaint, small.week_repaint)
        big_grab, small_grab = paired(10 * repeats, big.week_grab, small.week_grab)
        rows = len(big.window.week.plan().rows)
        big.close()
        small.close()
    print(
        f"platform {os.environ['QT_QPA_PLATFORM']}; {len(steps)} keystrokes; week view "
        f"{rows} rows at {CHANNELS} channels"
    )
    print(
        f"console built (window, board, first state): {CHANNELS} channels "
        f"{big_build * 1000:.0f} ms | default {small_build * 1000:.0f} ms"
    )
    print(line("filter keystroke to painted board", big_keys, small_keys, KEYSTROKE_TARGET_MS))
    print(
        f"  (repainted by hand where Qt had nothing to repaint: {big.forced} of {len(steps)} at "
        f"{CHANNELS} channels, {small.forced} at default)"
    )
    print(
        f"week view shown (plan computed, laid out): {CHANNELS} channels "
        f"{big_show * 1000:.1f} ms | default {small_show * 1000:.1f} ms"
    )
    print(line("week view repaint() (visible rows)", big_repaint, small_repaint, WEEK_TARGET_MS))
    print(line("week view grab() (every row)", big_grab, small_grab, WEEK_TARGET_MS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
