"""Paired whole-process timing for the benchmark scripts: A and B alternate, medians and the
median of the per-pair ratios are reported (robust on shared, noisy machines)."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figures:
    a: list[float]
    b: list[float]
    ratios: list[float]

    def line(self, a_name: str, b_name: str, unit: str = "ms", scale: float = 1000) -> str:
        def med(values: list[float]) -> str:
            low, mid, high = (
                v * scale for v in (min(values), statistics.median(values), max(values))
            )
            return f"median {mid:.1f} {unit} (min {low:.1f}, max {high:.1f})"

        return (
            f"{a_name}: {med(self.a)} | {b_name}: {med(self.b)} | "
            f"ratio median {statistics.median(self.ratios):.2f}x"
        )


def run_once(command: Sequence[str], env: Mapping[str, str] | None) -> float:
    started = time.perf_counter()
    subprocess.run(
        command,
        env=dict(env or os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started


def paired(
    a: Sequence[str],
    b: Sequence[str],
    runs: int,
    env: Mapping[str, str] | None = None,
    warmup: int = 2,
) -> Figures:
    for _ in range(warmup):
        run_once(a, env)
        run_once(b, env)
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(run_once(a, env))
        times_b.append(run_once(b, env))
    return Figures(times_a, times_b, [x / y for x, y in zip(times_a, times_b, strict=True)])
