"""Process start to first painted main window: ``canales --self-test`` vs a bare PySide6 window,
offscreen, paired alternating runs; and peak RSS of each (reported by the processes themselves).

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


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.perf_counter()
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    elapsed = time.perf_counter() - started
    report = json.loads(out.strip().splitlines()[-1])
    if not report.get("ok"):
        raise SystemExit(f"{command} failed: {report}")
    return elapsed, float(report["rss_mb"])


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
        app = [sys.executable, "-m", "app", "--self-test"]
        bare = [sys.executable, str(HERE / "bare_window.py")]
        for _ in range(2):  # warm the holiday cache and the OS file cache
            run(app, env)
            run(bare, env)
        app_t, bare_t, app_rss, bare_rss, ratios = [], [], [], [], []
        for _ in range(runs):
            t_a, r_a = run(app, env)
            t_b, r_b = run(bare, env)
            app_t.append(t_a)
            bare_t.append(t_b)
            app_rss.append(r_a)
            bare_rss.append(r_b)
            ratios.append(t_a / t_b)
    med = statistics.median
    print(f"runs: {runs} pairs, platform {env['QT_QPA_PLATFORM']}")
    print(
        f"start to first paint: canales median {med(app_t) * 1000:.0f} ms "
        f"(min {min(app_t) * 1000:.0f}, max {max(app_t) * 1000:.0f}) | bare window median "
        f"{med(bare_t) * 1000:.0f} ms (min {min(bare_t) * 1000:.0f}, max {max(bare_t) * 1000:.0f})"
        f" | ratio median {med(ratios):.2f}x | target ≤ {TIME_TARGET}x: "
        f"{'PASS' if med(ratios) <= TIME_TARGET else 'MISS'}"
    )
    extra = med(app_rss) - med(bare_rss)
    print(
        f"peak RSS: canales median {med(app_rss):.1f} MB | bare window median "
        f"{med(bare_rss):.1f} MB"
        f" | difference {extra:+.1f} MB | target ≤ +{RSS_MARGIN_MB} MB: "
        f"{'PASS' if extra <= RSS_MARGIN_MB else 'MISS'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
