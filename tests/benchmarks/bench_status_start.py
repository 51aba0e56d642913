"""Cold ``canales status --json`` on the default configuration vs ``python -c "import pydantic"``.

Run: ``python tests/benchmarks/bench_status_start.py [RUNS]``. Target: ratio ≤ 2.5x.
The per-user folders point at a scratch directory so the holiday cache is warm after the
warm-up runs, exactly as on an agent's machine after the first start.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _paired import paired

TARGET = 2.5


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": f"{scratch}/config",
            "XDG_CACHE_HOME": f"{scratch}/cache",
        }
        env.pop("CANALES_CONFIG", None)
        # as on an agent's machine: compiled bytecode is cached after the first (warm-up) run
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        figures = paired(
            [sys.executable, "-m", "app", "status", "--json"],
            [sys.executable, "-c", "import pydantic"],
            runs,
            env,
        )
    print(f"runs: {runs} pairs, python {sys.version.split()[0]}")
    print(figures.line("canales status --json", 'python -c "import pydantic"'))
    verdict = "PASS" if statistics.median(figures.ratios) <= TARGET else "MISS"
    print(f"target ratio ≤ {TARGET}x: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
