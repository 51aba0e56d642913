"""The coverage report's words: per request type, when no channel serving it is open.

What a supervisor reads is a short list of *weekly patterns* ("sin atención lun–jue
19:00–7:00 · sáb 13:00 – lun 7:00") and then the *exceptions*: the dates whose gaps differ
from their weekday's pattern, named by their holiday or special day ("festivo mar 8 dic (La
Inmaculada Concepción): sin atención todo el día"), rather than fourteen days of repeated lines.
A gap during which other request types' ordinary channels are open is worded apart, "sin canal
abierto … (los demás canales sí atienden)": the centre attends, only not this request type.

The weekly patterns are those of a regular week (the weekly hours alone, from the domain); every
date of the window whose gaps differ from its weekday's — a holiday, a special day, a DST change —
is listed as an exception, so nothing the domain found is left unsaid. Windows shorter than a
week are listed date by date. ``coverage_document`` is the JSON for scripts: every gap, precisely.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.core.phrases import clock, date_text, span_text, weekday_short
from app.core.status import iso
from app.domain.coverage import Coverage, DayMark, Gap, Piece, TypeCoverage, WeekPattern
from app.domain.model import Config
from app.domain.texts import printable, tr
from app.domain.wall_clock import DAY

WEEK = 7 * DAY

Run = tuple[int, int, bool]  # [start, end) seconds from Monday 0:00, end <= start + WEEK


@dataclass(frozen=True)
class TypeView:
    id: str
    name: str
    lines: tuple[str, ...]  # without its fallback
    fallback_lines: tuple[str, ...]  # with it; empty when it has none
    covered: bool  # a channel serving it is always open
    covered_with_fallback: bool


@dataclass(frozen=True)
class CoverageView:
    title: str
    types: tuple[TypeView, ...]
    lang: str


def coverage_view(report: Coverage, config: Config, lang: str) -> CoverageView:
    first, last = report.marks[0].date, report.marks[-1].date
    title = tr(
        lang,
        "Coverage from {first} to {last} ({days} days, {timezone})",
        first=date_text(first, lang),
        last=date_text(last, lang),
        days=report.days,
        timezone=report.timezone,
    )
    names = {c.id: c.name for c in config.channels}
    return CoverageView(
        title, tuple(_type_view(report, t, names, lang) for t in report.types), lang
    )


def coverage_text(view: CoverageView) -> str:
    """The report for a terminal: the title, then each request type and its lines."""
    lines = [view.title]
    for t in view.types:
        lines += ["", t.name, *(f"  {line}" for line in (*t.lines, *t.fallback_lines))]
    return "\n".join(printable(line) for line in lines)


def _type_view(report: Coverage, t: TypeCoverage, names: dict[str, str], lang: str) -> TypeView:
    lines = _gap_lines(report, t.gaps, t.week, lang, no_channel=not t.channels)
    fallback_lines: list[str] = []
    if t.fallback is not None:
        if t.gaps_with_fallback == t.gaps:
            text = [tr(lang, "the same gaps")]
        else:
            gaps, week = t.gaps_with_fallback, t.week_with_fallback
            text = list(_gap_lines(report, gaps, week, lang, no_channel=False))
        heading = tr(lang, "with its fallback ({name}):", name=names.get(t.fallback, t.fallback))
        fallback_lines = [f"{heading} {text[0]}", *(f"  {line}" for line in text[1:])]
    return TypeView(
        id=t.request_type.id,
        name=t.request_type.name,
        lines=lines,
        fallback_lines=tuple(fallback_lines),
        covered=not t.gaps,
        covered_with_fallback=not t.gaps_with_fallback,
    )


def _gap_lines(
    report: Coverage, gaps: Sequence[Gap], week: WeekPattern, lang: str, *, no_channel: bool
) -> tuple[str, ...]:
    if not gaps:
        return (tr(lang, "a channel is always open"),)
    if no_channel:
        return (tr(lang, "no channel serves this request type"),)
    whole = gaps[0].wall == (report.first * DAY, (report.first + report.days) * DAY)
    if whole and not gaps[0].others_open:
        return (tr(lang, "no service at any time in these days"),)
    pieces = day_pieces(gaps, report.first, report.days)
    if report.days < 7:
        listed = [i for i in range(report.days) if pieces[i]]
        return tuple(_exception_lines(report.marks, pieces, listed, lang))
    exceptional = exceptional_days(report, pieces, week)
    return (*_pattern_lines(week, lang), *_exception_lines(report.marks, pieces, exceptional, lang))


# --- structure ----------------------------------------------------------------------------------


def day_pieces(gaps: Sequence[Gap], first: int, days: int) -> list[tuple[Piece, ...]]:
    """Each day's gap pieces on the wall clock, split where other channels open or close."""
    out: list[list[Piece]] = [[] for _ in range(days)]
    for gap in gaps:
        cursor = gap.wall[0]
        segments: list[tuple[int, int, bool]] = []
        for part in gap.others_open:
            if part.wall[0] > cursor:
                segments.append((cursor, part.wall[0], False))
            segments.append((part.wall[0], part.wall[1], True))
            cursor = part.wall[1]
        if cursor < gap.wall[1]:
            segments.append((cursor, gap.wall[1], False))
        for a, b, others in segments:
            for ordinal in range(a // DAY, (b - 1) // DAY + 1):
                base = ordinal * DAY
                out[ordinal - first].append(
                    (max(a, base) - base, min(b, base + DAY) - base, others)
                )
    return [tuple(day) for day in out]


def exceptional_days(
    report: Coverage, pieces: Sequence[tuple[Piece, ...]], week: WeekPattern
) -> list[int]:
    """The days (indices) whose gaps differ from a regular week's for their weekday."""
    return [i for i, m in enumerate(report.marks) if pieces[i] != week[m.date.weekday()]]


def weekly_runs(patterns: Sequence[tuple[Piece, ...]]) -> list[Run]:
    """The week's gaps as continuous runs (a night from 19:00 to 7:00 is one), the week read
    as a circle: Sunday night runs on into Monday morning."""
    runs: list[Run] = []
    for weekday, day in enumerate(patterns):
        for start, end, others in day:
            a, b = weekday * DAY + start, weekday * DAY + end
            if runs and runs[-1][1] == a and runs[-1][2] == others:
                runs[-1] = (runs[-1][0], b, others)
            else:
                runs.append((a, b, others))
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][1] == WEEK and runs[0][2] == runs[-1][2]:
        last = runs.pop()
        runs[0] = (last[0], runs[0][1] + WEEK, last[2])
        runs.sort()
    return runs


# --- words ----------------------------------------------------------------------------------


def _pattern_lines(patterns: Sequence[tuple[Piece, ...]], lang: str) -> list[str]:
    runs = weekly_runs(patterns)
    lines = []
    for others in (True, False):
        chosen = [(a, b) for a, b, o in runs if o is others]
        if not chosen:
            continue
        periods = " · ".join(_grouped(chosen, lang))
        lines.append(_kind_text(others, periods, lang))
    return lines


def _kind_text(others: bool, periods: str, lang: str) -> str:
    if others:
        return tr(lang, "no channel open {periods} (the other channels do attend)", periods=periods)
    return tr(lang, "no service {periods}", periods=periods)


def _grouped(runs: Sequence[tuple[int, int]], lang: str) -> list[str]:
    """Runs of the same shape on consecutive weekdays are worded once: ``lun–jue 19:00–7:00``."""
    if runs and runs[0][1] - runs[0][0] >= WEEK:
        return [tr(lang, "every day, all day")]
    groups: list[list[int]] = []  # first weekday, last weekday, start, length
    for a, b in runs:
        weekday, start, length = a // DAY, a % DAY, b - a
        same = (
            g for g in groups if length < DAY and g[1:] == [weekday - 1, start, length]
        )  # another run may lie between them (vie 7:00–10:00 between jue and vie 17:00–19:00)
        group = next(same, None)
        if group is not None:
            group[1] = weekday
        else:
            groups.append([weekday, weekday, start, length])
    return [_run_text(first, last, start, length, lang) for first, last, start, length in groups]


def _days(first: int, last: int, lang: str) -> str:
    name = weekday_short(first % 7, lang)
    return name if first == last else f"{name}–{weekday_short(last % 7, lang)}"


def _run_text(first: int, last: int, start: int, length: int, lang: str) -> str:
    if start == 0 and length % DAY == 0:  # whole days
        return _days(first, first + length // DAY - 1, lang)
    if length < DAY:  # within a day, or across one midnight: 19:00–7:00
        return f"{_days(first, last, lang)} {span_text((start, start + length))}"
    end = first * DAY + start + length
    if end % DAY == 0:
        end_day, end_clock = end // DAY - 1, "24:00"
    else:
        end_day, end_clock = end // DAY, clock(end % DAY)
    first_text = f"{weekday_short(first % 7, lang)} {clock(start)}"
    return f"{first_text} – {weekday_short(end_day % 7, lang)} {end_clock}"


def _exception_lines(
    marks: Sequence[DayMark], pieces: Sequence[tuple[Piece, ...]], days: list[int], lang: str
) -> list[str]:
    """One line per run of consecutive dates with the same gaps and the same names."""
    groups: list[list[int]] = []
    for i in days:
        previous = groups[-1][-1] if groups else None
        if (
            previous == i - 1
            and pieces[i] == pieces[previous]
            and _names(marks[i]) == _names(marks[previous])
        ):
            groups[-1].append(i)
        else:
            groups.append([i])
    return [
        f"{_label(marks[g[0]], marks[g[-1]], lang)}: {_day_text(pieces[g[0]], lang)}"
        for g in groups
    ]


def _names(mark: DayMark) -> tuple[str, ...]:
    return (*((mark.holiday,) if mark.holiday else ()), *mark.special)


def _label(first: DayMark, last: DayMark, lang: str) -> str:
    when = date_text(first.date, lang)
    if last.date != first.date:
        when = f"{when} – {date_text(last.date, lang)}"
    if first.holiday:
        when = tr(lang, "holiday {date}", date=when)
    names = _names(first)
    return f"{when} ({'; '.join(names)})" if names else when


def _day_text(pieces: tuple[Piece, ...], lang: str) -> str:
    if not pieces:
        return tr(lang, "a channel is open all day")
    parts = []
    for others in (True, False):
        chosen = [(a, b) for a, b, o in pieces if o is others]
        if chosen == [(0, DAY)]:
            periods = tr(lang, "all day")
        else:
            periods = ", ".join(span_text(s) for s in chosen)
        if chosen:
            parts.append(_kind_text(others, periods, lang))
    return "; ".join(parts)


# --- JSON ------------------------------------------------------------------------------------


def coverage_document(report: Coverage) -> dict[str, Any]:
    """Every gap precisely: ISO 8601 with the centre's offset, per request type and variant."""
    return {
        "from": iso(report.start),
        "to": iso(report.end),
        "days": report.days,
        "timezone": report.timezone,
        "request_types": [
            {
                "id": t.request_type.id,
                "name": t.request_type.name,
                "channels": list(t.channels),
                "fallback": t.fallback,
                "covered": not t.gaps,
                "covered_with_fallback": not t.gaps_with_fallback,
            }
            for t in report.types
        ],
        "gaps": [
            _gap_document(t, gap, with_fallback)
            for t in report.types
            for with_fallback, gaps in ((False, t.gaps), (True, t.gaps_with_fallback))
            for gap in gaps
        ],
    }


def _gap_document(t: TypeCoverage, gap: Gap, with_fallback: bool) -> dict[str, Any]:
    return {
        "request_type": t.request_type.id,
        "with_fallback": with_fallback,
        "start": iso(gap.start),
        "end": iso(gap.end),
        "others_open": [{"start": iso(p.start), "end": iso(p.end)} for p in gap.others_open],
        "reasons": [
            {
                "kind": r.kind,
                "date": None if r.date is None else r.date.isoformat(),
                "name": r.name,
            }
            for r in gap.reasons
        ],
    }
