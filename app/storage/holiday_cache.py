"""An on-disk cache of computed holidays, so that start-up never imports ``holidays``.

Importing the package loads every country (~0.1 s). A year of one country's holidays is a
dozen dates; they are computed once and kept as JSON under the user cache dir, keyed by the
package's version so that an upgrade (new laws, corrected dates) is picked up. The cache is an
optimisation only: any fault reading or writing it falls back to computing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

from app.domain.calendar import holidays_from_package, supported_countries_from_package
from app.storage.atomic import atomic_write_bytes
from app.storage.package_versions import installed_version


def holidays_package_version() -> str:
    return installed_version("holidays")


class CachedHolidaySource:
    """A ``HolidaySource`` that remembers what the package computed."""

    def __init__(
        self,
        cache_dir: Path,
        version: str,
        compute: Callable[[str, str, int], dict[dt.date, str]] = holidays_from_package,
        countries: Callable[[], frozenset[str]] = supported_countries_from_package,
    ) -> None:
        self._dir = cache_dir
        self._version = re.sub(r"[^A-Za-z0-9._-]", "_", version)
        self._compute = compute
        self._countries = countries

    def __call__(self, country: str, language: str, year: int) -> dict[dt.date, str]:
        path = self._dir / f"{self._version}-{country}-{language}-{year}.json"
        cached = self._read(path)
        if isinstance(cached, dict):
            try:
                return {dt.date.fromisoformat(k): str(v) for k, v in cached.items()}
            except (TypeError, ValueError):
                pass
        table = self._compute(country, language, year)
        self._write(path, {day.isoformat(): name for day, name in table.items()})
        return table

    def supported_countries(self) -> frozenset[str]:
        path = self._dir / f"{self._version}-countries.json"
        cached = self._read(path)
        if isinstance(cached, list) and all(isinstance(c, str) for c in cached):
            return frozenset(cached)
        countries = self._countries()
        self._write(path, sorted(countries))
        return countries

    @staticmethod
    def _read(path: Path) -> object:
        try:
            return json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None

    def _write(self, path: Path, value: object) -> None:
        try:
            self._dir.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, json.dumps(value, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a read-only or full cache only costs speed
