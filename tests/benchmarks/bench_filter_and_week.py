"""Interaction at scale, in one process, offscreen: a filter keystroke and the week view's paint
with 200 channels, beside the same on the default configuration (5 channels), measured
alternately in the same run. Each figure is given as wall time and as the main thread's CPU
time (``time.thread_time``), which a busy, shared machine disturbs less.

- filter keystroke: the filter's text is set (one character more or less, as when typing),
  pending events are processed (layout, posted events), and the board's viewport is repainted
  (Qt would paint it on its next update request, a few ms later). Target ≤ 16 ms (a frame).
- week view: shown once, then ``repaint()`` (what the screen pays: the rows in view) and
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

Timing = tuple[float, float]  # (wall s, CPU s)


def timed(action: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.thread_time()
    action()
    return time.perf_counter() - wall, time.thread_time() - cpu


def typing_steps(name_of_150th: str) -> list[str]:
    """Each word typed one key at a time, then erased one key at a time."""
    steps: list[str] = []
    for word in ("7442727", "chat", "correo", name_of_150th[-5:]):
        typed = [word[:n] for n in range(1, len(word) + 1)]
        steps += typed + typed[-2::-1] + [""]
    return steps


class Subject:
    """A shown console window over one configuration."""

    def __init__(self, app: QApplication, config: Path | None, scratch: Path, label: str) -> None:
        self.app = app
        services = build_services(config, dict(os.environ))
        prefs = PreferencesStore(scratch / f"prefs-{label}.json")
        self.console = Console(
            app, services, SystemClock(), precise_single_shot, prefs, tray_available=False
        )
        self.console.start()
        self.window = self.console.window
        board = self.window.board
        assert board is not None
        self.board = board

    def settle(self) -> None:
        end = time.perf_counter() + 0.3
        while time.perf_counter() < end:
            self.app.processEvents()

    def keystroke(self, text: str) -> Timing:
        def type_it() -> None:
            self.window.filter.setText(text)
            self.app.processEvents()
            self.board.splitter.widget(0).viewport().repaint()  # type: ignore[attr-defined]

        return timed(type_it)

    def show_week(self) -> Timing:
        def show() -> None:
            self.board.show_week(True)
            self.app.processEvents()

        return timed(show)

    def week_repaint(self) -> Timing:
        return timed(self.window.week.repaint)

    def week_grab(self) -> Timing:
        return timed(self.window.week.grab)

    def close(self) -> None:
        self.console.live.stop()
        self.console.watcher.stop()
        self.window.quitting = True
        self.window.close()


def line(what: str, big: list[Timing], small: list[Timing], target_ms: float) -> str:
    def med(values: list[float]) -> str:
        low, mid, high = (v * 1000 for v in (min(values), statistics.median(values), max(values)))
        return f"median {mid:.1f} ms (min {low:.1f}, max {high:.1f})"

    parts = []
    for kind, position in (("wall", 0), ("CPU", 1)):
        a = [t[position] for t in big]
        b = [t[position] for t in small]
        mid = statistics.median(a) * 1000
        ratio = statistics.median(a) / max(statistics.median(b), 1e-9)
        parts.append(
            f"  {kind}: {CHANNELS} channels {med(a)} | default {med(b)} | ratio {ratio:.2f}x | "
            f"target ≤ {target_ms:.0f} ms: {'PASS' if mid <= target_ms else 'MISS'}"
        )
    return "\n".join([f"{what}:", *parts])


def paired(
    repeats: int, big: Callable[[], Timing], small: Callable[[], Timing]
) -> tuple[list[Timing], list[Timing]]:
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
        big_build = timed(lambda: Subject(app, big_config, scratch, "big"))
        small_build = timed(lambda: Subject(app, None, scratch, "default"))
        big = Subject(app, big_config, scratch, "big")
        small = Subject(app, None, scratch, "default")
        for subject in (big, small):
            subject.window.show()
            subject.settle()
        steps = typing_steps(name_150) * repeats
        big_keys: list[Timing] = []
        small_keys: list[Timing] = []
        for text in steps:
            big_keys.append(big.keystroke(text))
            small_keys.append(small.keystroke(text))
        big_show, small_show = big.show_week(), small.show_week()
        for subject in (big, small):
            subject.settle()
        big_repaint, small_repaint = paired(10 * repeats, big.week_repaint, small.week_repaint)
        big_grab, small_grab = paired(10 * repeats, big.week_grab, small.week_grab)
        week = big.window.week.plan()
        rows = 0 if week is None else len(week.rows)
        built = len(big.board.cards)
        big.close()
        small.close()
    print(
        f"platform {os.environ['QT_QPA_PLATFORM']}; {len(steps)} keystrokes; week view "
        f"{rows} rows at {CHANNELS} channels; {built} cards built at the end"
    )
    print(
        f"console built (window, board, first state; not shown): {CHANNELS} channels "
        f"wall {big_build[0] * 1000:.0f} ms, CPU {big_build[1] * 1000:.0f} ms | default "
        f"wall {small_build[0] * 1000:.0f} ms, CPU {small_build[1] * 1000:.0f} ms"
    )
    print(line("filter keystroke to repainted board", big_keys, small_keys, KEYSTROKE_TARGET_MS))
    print(
        f"week view shown (plan computed, laid out): {CHANNELS} channels "
        f"wall {big_show[0] * 1000:.1f} ms | default wall {small_show[0] * 1000:.1f} ms"
    )
    print(line("week view repaint() (rows in view)", big_repaint, small_repaint, WEEK_TARGET_MS))
    print(line("week view grab() (every row)", big_grab, small_grab, WEEK_TARGET_MS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
