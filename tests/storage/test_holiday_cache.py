"""The holiday cache computes each year once and survives a broken cache folder."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import sys
from pathlib import Path

from app.storage.holiday_cache import CachedHolidaySource, holidays_package_version


class CountingSource:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, int]] = []

    def __call__(self, country: str, language: str, year: int) -> dict[dt.date, str]:
        self.calls.append((country, language, year))
        return {dt.date(year, 12, 8): "La Inmaculada Concepción"}


def test_each_year_is_computed_once_across_instances(tmp_path: Path) -> None:
    compute = CountingSource()
    first = CachedHolidaySource(tmp_path, "1.0", compute)
    assert first("CO", "es", 2026) == {dt.date(2026, 12, 8): "La Inmaculada Concepción"}
    second = CachedHolidaySource(tmp_path, "1.0", compute)
    assert second("CO", "es", 2026) == {dt.date(2026, 12, 8): "La Inmaculada Concepción"}
    assert compute.calls == [("CO", "es", 2026)]


def test_a_new_package_version_recomputes(tmp_path: Path) -> None:
    compute = CountingSource()
    CachedHolidaySource(tmp_path, "1.0", compute)("CO", "es", 2026)
    CachedHolidaySource(tmp_path, "1.1", compute)("CO", "es", 2026)
    assert len(compute.calls) == 2


def test_corrupt_cache_is_recomputed(tmp_path: Path) -> None:
    compute = CountingSource()
    source = CachedHolidaySource(tmp_path, "1.0", compute)
    source("CO", "es", 2026)
    (cached,) = tmp_path.iterdir()
    cached.write_text("{not json")
    assert source("CO", "es", 2026) == {dt.date(2026, 12, 8): "La Inmaculada Concepción"}
    assert len(compute.calls) == 2


def test_unwritable_cache_still_answers(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    compute = CountingSource()
    source = CachedHolidaySource(blocker / "holidays", "1.0", compute)
    assert source("CO", "es", 2027) == {dt.date(2027, 12, 8): "La Inmaculada Concepción"}


def test_supported_countries_are_cached(tmp_path: Path) -> None:
    asked = []

    def countries() -> frozenset[str]:
        asked.append(1)
        return frozenset({"CO", "ES"})

    source = CachedHolidaySource(tmp_path, "1.0", CountingSource(), countries)
    assert source.supported_countries() == {"CO", "ES"}
    assert CachedHolidaySource(
        tmp_path, "1.0", CountingSource(), countries
    ).supported_countries() == {"CO", "ES"}
    assert asked == [1]


def test_package_version_is_found_without_importing_it() -> None:
    sys.modules.pop("holidays", None)
    version = holidays_package_version()
    assert "holidays" not in sys.modules
    assert version == importlib.metadata.version("holidays")


def test_a_cache_write_sweeps_stale_temp_files(tmp_path: Path) -> None:
    stale = tmp_path / ".1.0-CO-es-2025.json.abcdefgh.tmp"
    stale.write_bytes(b"{")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    CachedHolidaySource(tmp_path, "1.0", CountingSource())("CO", "es", 2026)
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["1.0-CO-es-2026.json"]
