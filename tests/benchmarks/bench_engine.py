"""Cost of one channel evaluation (state + next change), beside a cheap baseline.

Run as ``.venv/bin/python tests/benchmarks/bench_engine.py``. Not a pytest module (its name does
not start with ``test_``): it reports and always exits 0 unless something raises.

Workload: 1,000 channels, each with its own schedule of 10 weekly intervals (seeded random, spread
over the week, some crossing midnight, some ending at 24:00, most closed on Colombian holidays),
and 200 random instants over 2026. For every instant the 1,000 evaluations are timed together
with ``time.perf_counter_ns``; the per-evaluation cost of each batch is one sample. The baseline
does, per evaluation, what any answer needs at the very least: one zoneinfo conversion of the
instant to the centre's zone and one scan of that channel's intervals for the weekday.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.domain.availability import AvailabilityEngine  # noqa: E402
from app.domain.calendar import HolidayCalendar, holidays_from_package  # noqa: E402
from app.domain.document import config_from_document  # noqa: E402

SEED = 20260211
CHANNELS = 1_000
INTERVALS = 10
INSTANTS = 200
REPEATS = 5
TARGET_US = 20.0
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ZONE_NAME = "America/Bogota"


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def random_interval(rng: random.Random) -> tuple[int, int]:
    """(start, end) in minutes after the start day's midnight; ~1 in 5 crosses midnight."""
    start = rng.randrange(0, 24 * 60, 15)
    if rng.random() < 0.2:
        return max(start, 18 * 60), max(start, 18 * 60) + rng.randrange(7 * 60, 10 * 60, 15)
    length = rng.randrange(30, 8 * 60, 15)
    return start, min(start + length, 24 * 60)


def build_document(rng: random.Random) -> tuple[dict, list[list[list[tuple[int, int]]]]]:
    schedules, channels, plain = [], [], []
    for n in range(CHANNELS):
        week: dict[str, list[dict[str, str]]] = {d: [] for d in WEEKDAYS}
        by_day: list[list[tuple[int, int]]] = [[] for _ in WEEKDAYS]
        for _ in range(INTERVALS):
            day = rng.randrange(7)
            start, end = random_interval(rng)
            week[WEEKDAYS[day]].append(
                {"start": clock(start), "end": "24:00" if end == 1440 else clock(end % 1440)}
            )
            by_day[day].append((start * 60, end * 60))
        plain.append(by_day)
        schedules.append(
            {
                "id": f"s{n}",
                "name": f"Horario {n}",
                "closed_on_holidays": rng.random() < 0.8,
                "week": week,
            }
        )
        channels.append(
            {
                "id": f"c{n}",
                "name": f"Canal {n}",
                "kind": "phone",
                "request_types": ["all"],
                "schedule": f"s{n}",
            }
        )
    doc = {
        "schema_version": 2,
        "organisation": {"name": "Banco de pruebas"},
        "timezone": ZONE_NAME,
        "holiday_country": "CO",
        "closing_soon_minutes": 15,
        "request_types": [{"id": "all", "name": "Todas"}],
        "schedules": schedules,
        "channels": channels,
    }
    return doc, plain


def random_instants(rng: random.Random) -> list[dt.datetime]:
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    year = 365 * 86_400
    return [start + dt.timedelta(seconds=rng.randrange(year)) for _ in range(INSTANTS)]


def measure(batch: Callable[[], list[float]]) -> list[float]:
    """Per-evaluation cost in µs, one sample per (repeat, instant) batch of CHANNELS calls."""
    samples: list[float] = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(REPEATS):
            samples.extend(batch())
    finally:
        gc.enable()
    return samples


def main() -> int:
    rng = random.Random(SEED)
    doc, plain = build_document(rng)
    instants = random_instants(rng)
    t0 = time.perf_counter()
    config = config_from_document(doc)
    engine = AvailabilityEngine(config, HolidayCalendar("CO", "es", holidays_from_package))
    build_s = time.perf_counter() - t0
    ids = [c.id for c in config.channels]
    zone = ZoneInfo(ZONE_NAME)
    channel = engine.channel
    weekly = {ids[i]: tuple(tuple(day) for day in plain[i]) for i in range(CHANNELS)}

    # warm-up: loads the holiday years and the interpreter's caches; also a sanity count
    open_count = sum(channel(i, t).state == "open" for t in instants[:20] for i in ids)

    def engine_batch() -> list[float]:
        out = []
        perf = time.perf_counter_ns
        for t in instants:
            begin = perf()
            for cid in ids:
                channel(cid, t)
            out.append((perf() - begin) / CHANNELS / 1000)
        return out

    hits = [0]  # the baseline's answers are used, so its scan is real work

    def baseline_batch() -> list[float]:
        out = []
        perf = time.perf_counter_ns
        for t in instants:
            begin = perf()
            for cid in ids:
                local = t.astimezone(zone)
                x = local.hour * 3600 + local.minute * 60 + local.second
                for start, end in weekly[cid][local.weekday()]:
                    if start <= x < end:
                        hits[0] += 1
                        break
            out.append((perf() - begin) / CHANNELS / 1000)
        return out

    baseline_batch()  # warm-up
    t1 = time.perf_counter()
    eng = measure(engine_batch)
    base = measure(baseline_batch)
    run_s = time.perf_counter() - t1

    eng_med, base_med = statistics.median(eng), statistics.median(base)
    verdict = "PASS" if eng_med <= TARGET_US else "FAIL"
    print(
        f"workload: {CHANNELS} channels x {INTERVALS} intervals, {INSTANTS} instants over 2026, "
        f"{REPEATS} repeats ({len(eng) * CHANNELS:,} evaluations); "
        f"config built in {build_s:.2f} s; {open_count} of {20 * CHANNELS} warm-up evaluations open"
    )
    print(
        f"engine per channel-evaluation: median {eng_med:.2f} µs "
        f"(min {min(eng):.2f}, max {max(eng):.2f}) | "
        f"baseline (zoneinfo conversion + one tuple scan): median {base_med:.2f} µs "
        f"(min {min(base):.2f}, max {max(base):.2f}) | "
        f"ratio {eng_med / base_med:.1f}x | target ≤ {TARGET_US:.0f} µs: {verdict}"
    )
    print(f"measured in {run_s:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
