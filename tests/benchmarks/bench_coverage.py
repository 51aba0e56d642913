"""Coverage of 200 channels x 10 request types over 90 days, beside the engine's own evaluation
of the same 200 channels at one instant, measured alternately in the same run.

Run as ``.venv/bin/python tests/benchmarks/bench_coverage.py [REPEATS]``. Not a pytest module.

Workloads (both valid configurations, built through ``config_from_document``):
- *scaled*: ``scaled_config.scaled_document(200)`` (the default configuration's five channels,
  then copies of them), with seven more request types, so ten: every channel keeps its own
  types and serves one of the new ones too; three of the new types fall back to the 24/7 line.
- *distinct*: the same, but every channel has a schedule of its own (its original's hours,
  opening 0 to 55 minutes later), so few channels share a timetable: the worst case for
  coverage, which reads each distinct timetable once (its regular week, and its plans on the
  days holidays and special days mark) and unites equal hours once.

Figures: ``coverage(engine, at, 90)`` (the domain's gaps for every request type, both variants,
reasons and weekly patterns) and, apart, the phrases (``coverage_view``). Baseline:
``engine.snapshot(at)`` (state, next change and closing-soon of every channel at one instant).
Target: coverage ≤ 50 ms.
"""

from __future__ import annotations

import copy
import datetime as dt
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from scaled_config import scaled_document  # noqa: E402

from app.core.coverage_text import coverage_view  # noqa: E402
from app.domain.availability import AvailabilityEngine  # noqa: E402
from app.domain.calendar import HolidayCalendar, holidays_from_package  # noqa: E402
from app.domain.coverage import coverage  # noqa: E402
from app.domain.document import config_from_document  # noqa: E402

CHANNELS, TYPES, DAYS = 200, 10, 90
TARGET_MS = 50.0
AT = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)  # 90 days over Christmas and New Year


def ten_types(document: dict[str, Any]) -> dict[str, Any]:
    extra = [f"type-{n}" for n in range(4, TYPES + 1)]
    document["request_types"] += [
        {
            "id": rid,
            "name": f"Tipo {n}",
            "fallback": "phone-critical" if n % 3 == 0 else None,
        }
        for n, rid in enumerate(extra, start=4)
    ]
    for number, channel in enumerate(document["channels"]):
        if channel["id"] != "phone-critical":
            channel["request_types"].append(extra[number % len(extra)])
    return document


def distinct_schedules(document: dict[str, Any]) -> dict[str, Any]:
    by_id = {s["id"]: s for s in document["schedules"]}
    schedules = list(document["schedules"])  # the ladder's level 1 keeps "business"
    for number, channel in enumerate(document["channels"]):
        own = copy.deepcopy(by_id[channel["schedule"]])
        own["id"] = f"{own['id']}-{channel['id']}"
        shift = number % 12 * 5  # minutes later, so that no two timetables are equal
        for intervals in own["week"].values():
            for interval in intervals:
                interval["start"] = later(interval["start"], shift)
        schedules.append(own)
        channel["schedule"] = own["id"]
    document["schedules"] = schedules
    return document


def later(clock: str, minutes: int) -> str:
    hours, mins = map(int, clock.split(":"))
    total = hours * 60 + mins + minutes
    return f"{total // 60:02d}:{total % 60:02d}" if total < 24 * 60 else clock


def median_ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples):.2f} ms (min {min(samples):.2f})"


def measure(actions: list[Callable[[], object]], repeats: int) -> list[list[float]]:
    """The actions alternate, ``repeats`` times each; wall milliseconds."""
    out: list[list[float]] = [[] for _ in actions]
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeats):
            for i, action in enumerate(actions):
                begin = time.perf_counter()
                action()
                out[i].append((time.perf_counter() - begin) * 1000)
    finally:
        gc.enable()
    return out


def run(label: str, document: dict[str, Any], repeats: int) -> None:
    config = config_from_document(document)
    engine = AvailabilityEngine(config, HolidayCalendar("CO", "es", holidays_from_package))
    report = coverage(engine, AT, DAYS)  # warm-up: loads the holiday years
    engine.snapshot(AT)
    gaps = sum(len(t.gaps) + len(t.gaps_with_fallback) for t in report.types)
    cov, snap, words = measure(
        [
            lambda: coverage(engine, AT, DAYS),
            lambda: engine.snapshot(AT),
            lambda: coverage_view(report, config, "es"),
        ],
        repeats,
    )
    verdict = "PASS" if statistics.median(cov) <= TARGET_MS else "FAIL"
    print(
        f"{label}: {len(config.channels)} channels, {len(config.schedules)} schedules, "
        f"{len(config.request_types)} request types, {DAYS} days, {gaps} gaps"
    )
    print(
        f"  coverage: {median_ms(cov)} | baseline engine.snapshot (200 channels, one instant): "
        f"{median_ms(snap)} | ratio {statistics.median(cov) / statistics.median(snap):.1f}x | "
        f"target ≤ {TARGET_MS:.0f} ms: {verdict}"
    )
    print(f"  phrases (coverage_view, es): {median_ms(words)}")


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    scaled = ten_types(scaled_document(CHANNELS))
    run("scaled", scaled, repeats)
    run("distinct", distinct_schedules(ten_types(scaled_document(CHANNELS))), repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
