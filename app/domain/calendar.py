"""Public holidays by date, computed one year at a time and only when asked.

``import holidays`` loads every country (~0.1 s), so the source is injected: the storage layer
wraps :func:`holidays_from_package` with an on-disk cache and the start-up path never imports
the package when the cache is warm.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

_MAX_ORDINAL = dt.date.max.toordinal()

HolidaySource = Callable[[str, str, int], Mapping[dt.date, str]]

#: Canales language -> the ``holidays`` package's language code.
HOLIDAY_LANGUAGES: Mapping[str, str] = {"es": "es", "en": "en_US"}


def holidays_from_package(country: str, language: str, year: int) -> dict[dt.date, str]:
    """The package's holidays of one year, in ``language`` when the country offers it."""
    import holidays  # noqa: PLC0415 - deferred: ~0.1 s, off the start-up path

    table = holidays.country_holidays(country, years=year)
    lang = HOLIDAY_LANGUAGES.get(language, language)
    if lang in getattr(table, "supported_languages", ()):
        table = holidays.country_holidays(country, years=year, language=lang)
    return {day: str(name) for day, name in sorted(table.items())}


def supported_countries_from_package() -> frozenset[str]:
    import holidays  # noqa: PLC0415 - deferred: ~0.1 s, off the start-up path

    return frozenset(holidays.list_supported_countries())


class HolidayCalendar:
    """Holiday names of one country; each year is asked of the source once."""

    def __init__(self, country: str, language: str, source: HolidaySource) -> None:
        self.country = country
        self.language = language
        self._source = source
        self._by_ordinal: dict[int, str] = {}
        self._years: set[int] = set()
        # the ordinals of the year last found loaded: most lookups fall there, and then need
        # neither ``date.fromordinal`` nor the set
        self._loaded_first, self._loaded_last = 0, -1

    def name_on(self, day: dt.date) -> str | None:
        self._load(day.year)
        return self._by_ordinal.get(day.toordinal())

    def name_on_ordinal(self, ordinal: int) -> str | None:
        """Hot path of the engine: the date as ``date.toordinal()`` (none outside ``date``'s
        range: there are no holidays before ``date.min`` or after ``date.max``)."""
        name = self._by_ordinal.get(ordinal)
        if name is None and not self._loaded_first <= ordinal <= self._loaded_last:
            if not 1 <= ordinal <= _MAX_ORDINAL:
                return None
            year = dt.date.fromordinal(ordinal).year
            self._load(year)
            self._loaded_first = dt.date(year, 1, 1).toordinal()
            self._loaded_last = dt.date(year, 12, 31).toordinal()
            name = self._by_ordinal.get(ordinal)
        return name

    def between(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """Holidays in ``[first, last]``, in date order."""
        for year in range(first.year, last.year + 1):
            self._load(year)
        lo, hi = first.toordinal(), last.toordinal()
        return [
            (dt.date.fromordinal(o), name)
            for o, name in sorted(self._by_ordinal.items())
            if lo <= o <= hi
        ]

    def _load(self, year: int) -> None:
        if year in self._years:
            return
        self._years.add(year)
        for day, name in self._source(self.country, self.language, year).items():
            self._by_ordinal[day.toordinal()] = name
