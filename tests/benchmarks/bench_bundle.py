"""The one-folder bundle against its baselines, all measured in the same run:

* size of ``dist/canales`` vs a bare PySide6 window (QMainWindow + QLabel,
  ``tests/benchmarks/bare_window.py``) bundled with the same spec settings;
* process start to first paint, offscreen: ``canales --self-test`` (bundle) vs the bare bundle,
  and vs the same app run from source (``python -m app --self-test``).

Run: ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_bundle.py [--runs N]``; it builds
both bundles into a temporary folder, or takes ``--app DIR --bare DIR`` from earlier builds.
Targets: size ≤ 1.25x the bare bundle; start ≤ 1.1x the app from source.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _paired import paired

ROOT = Path(__file__).resolve().parents[2]
BARE_SCRIPT = ROOT / "tests" / "benchmarks" / "bare_window.py"
SIZE_TARGET = 1.25
SOURCE_TARGET = 1.1


def build(dist: Path, work: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "packaging/build.py", "--dist", str(dist), "--work", str(work), *extra],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def sizes(folder: Path) -> tuple[int, int]:
    """Apparent bytes (what a download or archive holds) and bytes on disk (what du says)."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), sum(p.stat().st_blocks * 512 for p in files)


def check_ok(command: list[str], env: dict[str, str]) -> dict[str, object]:
    out = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    report: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    if not report.get("ok"):
        raise SystemExit(f"{command} failed: {report}")
    return report


def self_reported_ms(command: list[str], env: dict[str, str], runs: int) -> float:
    """Median ``startup_ms`` of ``--self-test``: process start to first paint, measured by the
    process itself, so the checks and teardown after the paint are not counted."""
    return statistics.median(float(str(check_ok(command, env)["startup_ms"])) for _ in range(runs))


def verdict(value: float, target: float) -> str:
    return f"target ≤ {target}x: {'PASS' if value <= target else 'MISS'}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--app", type=Path, help="an existing dist/canales folder")
    parser.add_argument("--bare", type=Path, help="an existing bare-window bundle folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="canales-bench-") as scratch_name:
        scratch = Path(scratch_name)
        app_dir, bare_dir = args.app, args.bare
        if app_dir is None:
            seconds = build(scratch / "dist", scratch / "work", "--no-archive")
            print(f"built the app bundle in {seconds:.0f} s")
            app_dir = scratch / "dist" / "canales"
        if bare_dir is None:
            seconds = build(
                scratch / "dist",
                scratch / "work",
                "--entry",
                str(BARE_SCRIPT),
                "--name",
                "bare",
                "--bare",
            )
            print(f"built the bare bundle in {seconds:.0f} s")
            bare_dir = scratch / "dist" / "bare"
        home = scratch / "home"
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
        for var in ("CONFIG", "CACHE", "STATE", "DATA"):
            env[f"XDG_{var}_HOME"] = str(home / var.lower())
        env["XDG_RUNTIME_DIR"] = str(home / "runtime")
        for folder in ("config", "cache", "state", "data", "runtime"):
            (home / folder).mkdir(parents=True, mode=0o700)

        bundle = [str(app_dir / "canales"), "--self-test"]
        bare = [str(bare_dir / bare_dir.name)]
        source = [sys.executable, "-m", "app", "--self-test"]
        for command in (bundle, bare, source):
            check_ok(command, env)  # also warms the holiday cache before timing

        app_size, app_disk = sizes(app_dir)
        bare_size, bare_disk = sizes(bare_dir)
        vs_bare = paired(bundle, bare, args.runs, env)
        vs_source = paired(bundle, source, args.runs, env)
        bundle_ms = self_reported_ms(bundle, env, args.runs)
        source_ms = self_reported_ms(source, env, args.runs)

    mb = 2**20
    print(
        f"runs: {args.runs} alternating pairs per comparison, platform {env['QT_QPA_PLATFORM']},"
        f" {os.cpu_count()} cores"
    )
    print(
        f"size: canales bundle {app_size / mb:.1f} MB | bare PySide6 bundle {bare_size / mb:.1f}"
        f" MB | ratio {app_size / bare_size:.2f}x | {verdict(app_size / bare_size, SIZE_TARGET)}"
    )
    print(
        f"size on disk (du): canales bundle {app_disk / mb:.1f} MB | bare PySide6 bundle "
        f"{bare_disk / mb:.1f} MB | ratio {app_disk / bare_disk:.2f}x"
    )
    print("start to first paint (whole process, offscreen):")
    print("  " + vs_bare.line("canales bundle --self-test", "bare PySide6 bundle"))
    ratio = statistics.median(vs_source.ratios)
    print(
        "  "
        + vs_source.line("canales bundle --self-test", "python -m app --self-test (source)")
        + f" | {verdict(ratio, SOURCE_TARGET)}"
    )
    print(
        f"  self-reported start to first paint (startup_ms), median of {args.runs}: canales "
        f"bundle {bundle_ms:.1f} ms | source {source_ms:.1f} ms | "
        f"ratio {bundle_ms / source_ms:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
