"""The Debian package against the build it comes from, measured in the same run:

* size of ``canales_<version>-1_<arch>.deb`` vs the Linux ``.tar.gz`` of the same build;
* start to first paint, offscreen: the installed ``/usr/bin/canales --self-test`` vs the
  one-folder app run from its build folder (``dist/canales/canales --self-test``), alternating
  pairs; also the ``startup_ms`` each process reports (process start to first paint).

Run as root (it installs the package with apt-get and purges it afterwards, unless it was
already installed): ``QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_deb.py
[--dist DIR] [--runs N]``. ``--dist`` takes the folder of an earlier ``packaging/build.py
--dist DIR`` (the app and the .tar.gz); without it, the app is built into a temporary folder.
Targets: .deb ≤ 1.05x the .tar.gz; installed start ≤ 1.1x the build folder's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _paired import paired
from bench_bundle import check_ok, self_reported_ms, verdict

ROOT = Path(__file__).resolve().parents[2]
SIZE_TARGET = 1.05
START_TARGET = 1.1
APT_ENV = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}


def build(dist: Path, work: Path, *extra: str) -> None:
    subprocess.run(
        [sys.executable, "packaging/build.py", "--dist", str(dist), "--work", str(work), *extra],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def installed() -> bool:
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "canales"], capture_output=True, text=True, check=False
    )
    return out.stdout.endswith(" installed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--dist", type=Path, help="output folder of an earlier build.py run")
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("run as root: the package is installed with apt-get")
    if installed():
        raise SystemExit("canales is already installed here; remove it first")
    with tempfile.TemporaryDirectory(prefix="canales-bench-deb-") as scratch_name:
        scratch = Path(scratch_name)
        dist = args.dist.resolve() if args.dist else scratch / "dist"
        if args.dist is None:
            build(dist, scratch / "work")
        (archive,) = dist.glob("canales-*-linux-*.tar.gz")
        out = scratch / "deb"
        build(out, scratch / "work", "--deb", "--bundle", str(dist / "canales"))
        (deb,) = out.glob("canales_*.deb")
        subprocess.run(
            ["apt-get", "install", "-y", "-q", str(deb)],
            env=APT_ENV,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        try:
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
            from_usr_bin = ["/usr/bin/canales", "--self-test"]
            from_build = [str(dist / "canales" / "canales"), "--self-test"]
            for command in (from_usr_bin, from_build):
                check_ok(command, env)  # also warms the holiday cache and the page cache
            figures = paired(from_usr_bin, from_build, args.runs, env)
            usr_bin_ms = self_reported_ms(from_usr_bin, env, args.runs)
            build_ms = self_reported_ms(from_build, env, args.runs)
        finally:
            subprocess.run(
                ["apt-get", "purge", "-y", "-q", "canales"],
                env=APT_ENV,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        deb_size, archive_size = deb.stat().st_size, archive.stat().st_size

    mb = 2**20
    size_ratio = deb_size / archive_size
    print(
        f"runs: {args.runs} alternating pairs, platform {env['QT_QPA_PLATFORM']}, "
        f"{os.cpu_count()} cores"
    )
    print(
        f"size: {deb.name} {deb_size / mb:.1f} MB | {archive.name} {archive_size / mb:.1f} MB"
        f" | ratio {size_ratio:.2f}x | {verdict(size_ratio, SIZE_TARGET)}"
    )
    ratio = statistics.median(figures.ratios)
    print(
        "start to exit after first paint (whole process): "
        + figures.line("/usr/bin/canales --self-test (installed)", "dist/canales/canales")
        + f" | {verdict(ratio, START_TARGET)}"
    )
    print(
        f"self-reported start to first paint (startup_ms), median of {args.runs}: installed "
        f"{usr_bin_ms:.1f} ms | build folder {build_ms:.1f} ms | ratio "
        f"{usr_bin_ms / build_ms:.2f}x | {verdict(usr_bin_ms / build_ms, START_TARGET)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
