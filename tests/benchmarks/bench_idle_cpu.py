"""CPU used by the shown console while idle for 60 s, beside a bare 1 Hz QTimer label measured
at the same time. Target: ≤ 0.15 CPU-seconds per minute.

Run: ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_idle_cpu.py [SECONDS]`` (Linux:
reads the processes' CPU times from /proc).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_PER_MINUTE = 0.15
SETTLE_S = 8.0
HERE = Path(__file__).resolve().parent


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    window_s = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": f"{scratch}/config",
            "XDG_CACHE_HOME": f"{scratch}/cache",
            "XDG_RUNTIME_DIR": scratch,
        }
        env.pop("CANALES_CONFIG", None)
        console = subprocess.Popen(
            [sys.executable, "-m", "app"], env=env, stderr=subprocess.DEVNULL
        )
        bare = subprocess.Popen(
            [sys.executable, str(HERE / "idle_label.py")], env=env, stderr=subprocess.DEVNULL
        )
        try:
            time.sleep(SETTLE_S)
            start = {p.pid: cpu_seconds(p.pid) for p in (console, bare)}
            time.sleep(window_s)
            used = {p.pid: cpu_seconds(p.pid) - start[p.pid] for p in (console, bare)}
        finally:
            for process in (console, bare):
                process.terminate()
                process.wait(timeout=10)
    per_minute = 60.0 / window_s
    app_cpu = used[console.pid] * per_minute
    bare_cpu = used[bare.pid] * per_minute
    verdict = "PASS" if app_cpu <= TARGET_PER_MINUTE else "MISS"
    print(f"idle window: {window_s:.0f} s after {SETTLE_S:.0f} s to settle (CPU clock tick 10 ms)")
    print(
        f"idle CPU per minute: canales {app_cpu:.2f} s | bare 1 Hz QTimer label {bare_cpu:.2f} s"
        f" | target ≤ {TARGET_PER_MINUTE} s: {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
