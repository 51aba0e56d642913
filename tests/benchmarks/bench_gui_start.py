"""Process start to first painted main window: ``canales --self-test`` vs a bare PySide6 window,
offscreen, paired alternating runs; and peak RSS of each. Both processes report ``startup_ms``
(the OS's process start to the window's first paint) and ``rss_mb`` themselves; the whole
process's wall time (the console then also builds and checks its board) is shown beside it.

Run: ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gui_start.py [RUNS]``.
Targets: time ratio ≤ 1.6x; peak RSS ≤ bare + 25 MB.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIME_TARGET = 1.6
RSS_MARGIN_MB = 25
HERE = Path(__file__).resolve().parent


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(first paint ms, peak RSS MB, whole-process wall s)."""
    started = time.perf_counter()
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    elapsed = time.perf_counter() - started
    report = json.loads(out.strip().splitlines()[-1])
    if not report.get("ok"):
        raise SystemExit(f"{command} failed: {report}")
    return float(report["startup_ms"]), float(report["rss_mb"]), elapsed


def normal_start_peak_mb(env: dict[str, str], settle_s: float = 3.0) -> float:
    """Peak RSS of a real ``canales`` start (single-instance guard, tray check, log, watcher),
    read from /proc after it has settled; the self-test above leaves those out."""
    process = subprocess.Popen([sys.executable, "-m", "app"], env=env)
    try:
        time.sleep(settle_s)
        status = Path(f"/proc/{process.pid}/status").read_text()
        return (
            next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
            / 1024
        )
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": f"{scratch}/config",
            "XDG_CACHE_HOME": f"{scratch}/cache",
        }
        env.pop("CANALES_CONFIG", None)
        # as on an agent's machine: compiled bytecode is cached after the first (warm-up) run
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app = [sys.executable, "-m", "app", "--self-test"]
        bare = [sys.executable, str(HERE / "bare_window.py")]
        for _ in range(2):  # warm the holiday cache and the OS file cache
            run(app, env)
            run(bare, env)
        app_t, bare_t, app_rss, bare_rss, ratios = [], [], [], [], []
        app_wall, bare_wall = [], []
        for _ in range(runs):
            t_a, r_a, w_a = run(app, env)
            t_b, r_b, w_b = run(bare, env)
            app_t.append(t_a / 1000)
            bare_t.append(t_b / 1000)
            app_rss.append(r_a)
            bare_rss.append(r_b)
            ratios.append(t_a / t_b)
            app_wall.append(w_a)
            bare_wall.append(w_b)
        normal = (
            [normal_start_peak_mb(env) for _ in range(5)]
            if sys.platform.startswith("linux")
            else []
        )
    med = statistics.median
    print(f"runs: {runs} pairs, platform {env['QT_QPA_PLATFORM']}")
    print(
        f"start to first paint: canales median {med(app_t) * 1000:.0f} ms "
        f"(min {min(app_t) * 1000:.0f}, max {max(app_t) * 1000:.0f}) | bare window median "
        f"{med(bare_t) * 1000:.0f} ms (min {min(bare_t) * 1000:.0f}, max {max(bare_t) * 1000:.0f})"
        f" | ratio median {med(ratios):.2f}x | target ≤ {TIME_TARGET}x: "
        f"{'PASS' if med(ratios) <= TIME_TARGET else 'MISS'}"
    )
    print(
        f"whole process (console also builds and checks its board): canales median "
        f"{med(app_wall) * 1000:.0f} ms | bare window median {med(bare_wall) * 1000:.0f} ms | "
        f"ratio {med(app_wall) / med(bare_wall):.2f}x"
    )
    extra = med(app_rss) - med(bare_rss)
    print(
        f"peak RSS: canales median {med(app_rss):.1f} MB | bare window median "
        f"{med(bare_rss):.1f} MB"
        f" | difference {extra:+.1f} MB | target ≤ +{RSS_MARGIN_MB} MB: "
        f"{'PASS' if extra <= RSS_MARGIN_MB else 'MISS'}"
    )
    if normal:
        print(
            f"for reference, a normal start (also the single-instance server, QtNetwork): peak "
            f"RSS median {med(normal):.1f} MB over {len(normal)} runs "
            f"({med(normal) - med(bare_rss):+.1f} MB over the bare window)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
