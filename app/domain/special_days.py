"""Special days as date ranges, looked up by bisection and never expanded day by day.

A special day may span years (``0001-01-01`` to ``9999-12-31`` is a valid file), so nothing here
is built per day: the ranges are cut once into disjoint runs of days — where ranges overlap, the
one listed last in the configuration wins — and a day is found among the runs by bisection.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

Plan = TypeVar("Plan")


@dataclass(frozen=True)
class SpecialRange(Generic[Plan]):
    first: int  # ordinals, inclusive
    last: int
    plan: Plan


class SpecialDays(Generic[Plan]):
    """Disjoint runs of days, each with the plan of the special day that wins there."""

    def __init__(self, ranges: Sequence[SpecialRange[Plan]] = ()) -> None:
        runs = _disjoint_runs(ranges)
        self._firsts = tuple(r.first for r in runs)
        self._lasts = tuple(r.last for r in runs)
        self._plans = tuple(r.plan for r in runs)

    def __len__(self) -> int:
        """How many runs were built: at most twice the number of ranges, whatever their length."""
        return len(self._firsts)

    def get(self, ordinal: int) -> Plan | None:
        i = bisect_right(self._firsts, ordinal) - 1
        if i >= 0 and ordinal <= self._lasts[i]:
            return self._plans[i]
        return None


def _disjoint_runs(ranges: Sequence[SpecialRange[Plan]]) -> list[SpecialRange[Plan]]:
    """Sweep over the ranges' edges; between two edges the latest-listed open range wins."""
    edges = sorted({r.first for r in ranges} | {r.last + 1 for r in ranges})
    by_start = sorted(range(len(ranges)), key=lambda i: ranges[i].first)
    active: list[tuple[int, int]] = []  # (-index, last): the latest-listed range on top
    runs: list[SpecialRange[Plan]] = []
    pending = 0
    for first, following in pairwise(edges):
        while pending < len(by_start) and ranges[by_start[pending]].first <= first:
            index = by_start[pending]
            heapq.heappush(active, (-index, ranges[index].last))
            pending += 1
        while active and active[0][1] < first:
            heapq.heappop(active)
        if not active:
            continue
        winner = ranges[-active[0][0]]
        last = following - 1
        if runs and runs[-1].last + 1 == first and runs[-1].plan is winner.plan:
            runs[-1] = SpecialRange(runs[-1].first, last, winner.plan)
        else:
            runs.append(SpecialRange(first, last, winner.plan))
    return runs
