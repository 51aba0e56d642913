"""The board at scale: ``canales --self-test`` (the window, then the board painted with every
channel's state, then the checks) on the default configuration (5 channels) vs a 200-channel
one made from it (``scaled_config.py``), as whole processes, paired alternating runs.

CPU seconds (user + system, from ``getrusage(RUSAGE_CHILDREN)`` around each run) and wall time:
medians and the median of the per-pair ratios; peak RSS as each process reports it
(``rss_mb``), and the difference.

Run: ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_board_scale.py [RUNS] [CHANNELS]``.
Targets: 200 channels ready within 1.5x the default configuration's time; peak RSS within
default + 30 MB.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scaled_config import write_scaled  # noqa: E402

TIME_TARGET = 1.5
RSS_MARGIN_MB = 30


@dataclass
class Runs:
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], env: dict[str, str], into: Runs | None) -> None:
    cpu_before = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    cpu = children_cpu() - cpu_before
    lines = done.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines else {}
    if done.returncode != 0 or not report.get("ok"):
        raise SystemExit(f"{' '.join(command)} failed: {report or done.stderr[-2000:]}")
    if into is not None:
        into.cpu.append(cpu)
        into.wall.append(wall)
        into.rss.append(float(report["rss_mb"]))


def spread(values: list[float], unit: str, scale: float = 1.0) -> str:
    low, mid, high = (v * scale for v in (min(values), statistics.median(values), max(values)))
    return f"median {mid:.2f} {unit} (min {low:.2f}, max {high:.2f})"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    channels = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": f"{scratch}/config",
            "XDG_CACHE_HOME": f"{scratch}/cache",
        }
        env.pop("CANALES_CONFIG", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached after the warm-up, as usual
        big = write_scaled(channels, Path(scratch) / f"channels-{channels}.json")
        default = [sys.executable, "-m", "app", "--self-test"]
        scaled = [*default, "--config", str(big)]
        for _ in range(2):
            run(default, env, None)
            run(scaled, env, None)
        base, many = Runs(), Runs()
        for _ in range(runs):
            run(default, env, base)
            run(scaled, env, many)
    med = statistics.median
    cpu_ratio = med([b / a for a, b in zip(base.cpu, many.cpu, strict=True)])
    wall_ratio = med([b / a for a, b in zip(base.wall, many.wall, strict=True)])
    extra = med(many.rss) - med(base.rss)
    print(f"runs: {runs} pairs, platform {env['QT_QPA_PLATFORM']}, {channels} channels vs default")
    print(
        f"CPU seconds to ready and exit: {channels} channels {spread(many.cpu, 's')} | default "
        f"{spread(base.cpu, 's')} | ratio median {cpu_ratio:.2f}x | target ≤ {TIME_TARGET}x: "
        f"{verdict(cpu_ratio <= TIME_TARGET)}"
    )
    print(
        f"wall time to ready and exit: {channels} channels {spread(many.wall, 's')} | default "
        f"{spread(base.wall, 's')} | ratio median {wall_ratio:.2f}x | target ≤ {TIME_TARGET}x: "
        f"{verdict(wall_ratio <= TIME_TARGET)}"
    )
    print(
        f"peak RSS: {channels} channels {spread(many.rss, 'MB')} | default "
        f"{spread(base.rss, 'MB')} | difference {extra:+.1f} MB | target ≤ +{RSS_MARGIN_MB} MB: "
        f"{verdict(extra <= RSS_MARGIN_MB)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
