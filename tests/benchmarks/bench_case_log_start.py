"""Opening the console with 10,000 logged case events vs an empty case log.

Run: ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_case_log_start.py [RUNS]``.
In-process: each run builds the whole :class:`Console` (services, configuration, board,
ladder, case list, case timers) and starts it; four logs alternate in the same process and
the same run — empty; 10,000 events of closed cases; only the 4 open cases (12 events);
10,000 events with the same 4 open cases. Reports medians and the medians of the per-run
differences: 10,000 closed events vs the empty log, and 10,000 events vs the same open cases
alone, are what the logged events cost (target ≤ 10 ms each); 10,000 events with open cases
vs the empty log also includes drawing the 4 open (overdue) cases' rows.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QEvent

from app.bootstrap import build_services
from app.storage.case_log import CaseLog
from app.storage.preferences import PreferencesStore
from app.ui.application import Console
from app.ui.clock import SystemClock, precise_single_shot
from app.ui.startup import make_application

TARGET_MS = 10.0
EVENTS = 10_000
OPEN_CASES = 4


def folders(root: Path) -> dict[str, str]:
    env = {**os.environ}
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
    ):
        (root / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(root / sub)
    env.pop("CANALES_CONFIG", None)
    return env


def fill(path: Path, events: int, open_cases: int = OPEN_CASES) -> None:
    """Closed cases of four events each (opened, escalated, answered, closed), and
    ``open_cases`` open ones of three events, to ``events`` in all."""
    start = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)
    with CaseLog.open(path) as log:
        log._db.execute("PRAGMA synchronous = OFF")  # filling only; the console opens it as usual
        written = 0
        n = 0
        while written < events:
            at = start + dt.timedelta(minutes=17 * n)
            n += 1
            case = log.open_case(at, 1, "Grupo de soporte técnico", None, f"INC-{n}", "nota")
            log.escalate(case.case_id, at + dt.timedelta(minutes=5), 2, "Supervisor de Soporte", 30)
            log.answer(case.case_id, at + dt.timedelta(minutes=12))
            written += 3
            if events - written > open_cases * 3:
                log.close_case(case.case_id, at + dt.timedelta(minutes=15))
                written += 1
        count = log._db.execute("SELECT count(*) FROM events").fetchone()[0]
        opened = len(log.open_cases())
    print(f"log: {count} events, {opened} open cases, {path.stat().st_size // 1024} KiB")


def start_once(app: object, env: dict[str, str], prefs: Path) -> float:
    os.environ.update(env)  # AppPaths.from_platform reads the XDG variables
    began = time.perf_counter()
    services = build_services(None, env)
    console = Console(
        app,  # type: ignore[arg-type]
        services,
        SystemClock(),
        precise_single_shot,
        PreferencesStore(prefs),
        tray_available=False,
    )
    console.start()
    elapsed = time.perf_counter() - began
    assert len(console.cases.open_cases()) in (0, OPEN_CASES)
    console.live.stop()
    console.cases.close()
    console.watcher.stop()
    console.window.quitting = True
    console.window.hide()
    console.window.deleteLater()
    console.translations.clear()
    console.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return elapsed


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    app = make_application()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        envs = [folders(root / name) for name in ("empty", "closed", "open", "full")]
        logs = [Path(env["XDG_DATA_HOME"]) / "canales" / "cases.sqlite3" for env in envs]
        with CaseLog.open(logs[0]):
            pass  # an empty log: the file and its schema, no events
        fill(logs[1], EVENTS, open_cases=0)
        fill(logs[2], OPEN_CASES * 3)
        fill(logs[3], EVENTS)
        prefs = root / "prefs.json"
        for _ in range(3):  # warm-up: imports, caches, the holiday cache
            for env in envs:
                start_once(app, env, prefs)
        times: list[list[float]] = [[], [], [], []]
        for _ in range(runs):
            for env, series in zip(envs, times, strict=True):
                series.append(start_once(app, env, prefs) * 1000)
    empty, closed, open_only, full = times
    print(f"runs: {runs} rounds, python {sys.version.split()[0]}, in-process Console start")
    for name, series in (
        ("empty case log", empty),
        ("10,000 events, all closed", closed),
        ("4 open cases (12 events)", open_only),
        ("10,000 events, same 4 open", full),
    ):
        print(f"{name:<28} median {statistics.median(series):.1f} ms (min {min(series):.1f})")
    closed_cost = statistics.median([c - e for c, e in zip(closed, empty, strict=True)])
    events_cost = statistics.median([f - o for f, o in zip(full, open_only, strict=True)])
    whole = statistics.median([f - e for f, e in zip(full, empty, strict=True)])
    print(f"10,000 closed events vs empty log: median difference {closed_cost:+.2f} ms")
    print(f"10,000 events vs the same open cases alone: median difference {events_cost:+.2f} ms")
    print(f"10,000 events (4 open, overdue) vs empty log: median difference {whole:+.2f} ms")
    print(
        f"target: the logged events add ≤ {TARGET_MS:.0f} ms: "
        f"{'PASS' if max(closed_cost, events_cost) <= TARGET_MS else 'MISS'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
