"""An on-disk cache of computed holidays, so that start-up never imports ``holidays``.

Importing the package loads every country (~0.1 s). A year of one country's holidays is a
dozen dates; they are computed once and kept as JSON under the user cache dir, keyed by the
package's version so that an upgrade (new laws, corrected dates) is picked up. The cache is an
optimisation only: any fault reading or writing it falls back to computing.

A holiday closes channels, so an entry is used only when its shape is right: it names its own
country, language, year and package version, its dates fall in that year, and its names are
short printable text; anything else is a miss and is computed again. That keeps out a
truncated, foreign or stale entry and a garbled one. It does not keep out a well-formed entry
planted by a process running as the agent: that process could as well edit the configuration.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Final

from app.domain.calendar import holidays_from_package, supported_countries_from_package
from app.storage.atomic import atomic_write_bytes
from app.storage.jsontext import read_cache_document
from app.storage.package_versions import installed_version

CACHE_FORMAT: Final = "canales-holidays-1"
MAX_CACHE_BYTES: Final = 256 * 1024
# The package's largest year has 33 (2024-2026, every country); a year with more is no year.
MAX_HOLIDAYS_PER_YEAR: Final = 100
MAX_NAME_LENGTH: Final = 300
MAX_COUNTRIES: Final = 1000
_COUNTRY_CODE: Final = re.compile(r"[A-Z]{2,3}\Z")


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
        key = {"version": self._version, "country": country, "language": language, "year": year}
        cached = _holidays_from(read_cache_document(path, max_bytes=MAX_CACHE_BYTES), key, year)
        if cached is not None:
            return cached
        table = self._compute(country, language, year)
        document = {
            "format": CACHE_FORMAT,
            **key,
            "holidays": {day.isoformat(): name for day, name in table.items()},
        }
        self._write(path, document)
        return table

    def supported_countries(self) -> frozenset[str]:
        path = self._dir / f"{self._version}-countries.json"
        cached = read_cache_document(path, max_bytes=MAX_CACHE_BYTES)
        countries = _countries_from(cached, self._version)
        if countries is not None:
            return countries
        countries = self._countries()
        self._write(
            path, {"format": CACHE_FORMAT, "version": self._version, "countries": sorted(countries)}
        )
        return countries

    def _write(self, path: Path, value: object) -> None:
        try:
            self._dir.mkdir(parents=True, exist_ok=True)
            data = json.dumps(value, ensure_ascii=False).encode("utf-8")
            atomic_write_bytes(path, data, follow_links=False)  # a link here is no entry
        except OSError:
            pass  # a read-only or full cache only costs speed


def _holidays_from(
    document: object, key: dict[str, object], year: int
) -> dict[dt.date, str] | None:
    """The table of a year's entry that echoes ``key`` and has the right shape, else None."""
    if not isinstance(document, dict) or set(document) != {"format", "holidays", *key}:
        return None
    if document["format"] != CACHE_FORMAT or isinstance(document["year"], bool):
        return None  # (True == 1: a bool never stands for a year)
    if any(document[name] != value for name, value in key.items()):
        return None
    entries = document["holidays"]
    if not isinstance(entries, dict) or len(entries) > MAX_HOLIDAYS_PER_YEAR:
        return None
    table: dict[dt.date, str] = {}
    for text, name in entries.items():
        day = _date(text)
        if day is None or day.year != year or not _is_short_text(name):
            return None
        table[day] = name
    return table


def _date(text: str) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day if day.isoformat() == text else None  # only the form we write


def _is_short_text(name: object) -> bool:
    return isinstance(name, str) and 0 < len(name) <= MAX_NAME_LENGTH and name.isprintable()


def _countries_from(document: object, version: str) -> frozenset[str] | None:
    if not isinstance(document, dict) or set(document) != {"format", "version", "countries"}:
        return None
    if document["format"] != CACHE_FORMAT or document["version"] != version:
        return None
    countries = document["countries"]
    if not isinstance(countries, list) or not 0 < len(countries) <= MAX_COUNTRIES:
        return None
    if not all(isinstance(c, str) and _COUNTRY_CODE.match(c) for c in countries):
        return None
    return frozenset(countries)
