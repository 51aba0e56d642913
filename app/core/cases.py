"""Escalation cases as agents see them: open cases at an instant (elapsed time, response
target, overdue and whom to call next), the instant each becomes overdue, and the case log
as a CSV for the supervisor's SLA report and as a table or JSON for ``canales cases list``.

Qt-free. A case names its level by the ladder number and the name it had when the case reached
it (``app.storage.case_log``); the configuration may change since, so a case is matched to the
current ladder by that name, and a level that has gone is shown by its recorded name.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from app.core.board import ContactView, EntryView
from app.core.phrases import (
    DisplayState,
    change_text,
    closed_because,
    level_label,
    response_target_text,
    state_text,
    when,
)
from app.domain.model import EscalationLevel
from app.domain.texts import N_, printable, tr
from app.storage.case_log import Case, CaseEvent, CaseLog, EventKind

CSV_ENCODING: Final = "utf-8-sig"  # the BOM tells spreadsheets it is UTF-8

_EVENT_WORDS: Final = {
    EventKind.OPENED: N_("opened"),
    EventKind.ESCALATED: N_("escalated"),
    EventKind.ANSWERED: N_("answered"),
    EventKind.CLOSED: N_("closed"),
}
_CSV_HEADER: Final = (
    N_("case"),
    N_("ticket"),
    N_("event"),
    N_("date and time"),
    N_("level"),
    N_("level name"),
    N_("target (min)"),
    N_("minutes at the level"),
    N_("within target"),
    N_("note"),
)


@dataclass(frozen=True)
class Rung:
    """One level of the current ladder: its configuration and its view now."""

    level: EscalationLevel
    view: EntryView


def ladder(levels: Sequence[EscalationLevel], views: Sequence[EntryView]) -> tuple[Rung, ...]:
    """The configuration's levels beside the board's views of them (same order)."""
    return tuple(Rung(level, view) for level, view in zip(levels, views, strict=True))


def rung_of(case: Case, rungs: Sequence[Rung]) -> int | None:
    """The index of the case's level in the current ladder: the level with its recorded name
    (the one with its recorded number first, if several share it), or None when it is gone."""
    named = [i for i, rung in enumerate(rungs) if rung.level.name == case.level_name]
    same_number = [i for i in named if rungs[i].level.level == case.level]
    found = same_number or named
    return found[0] if found else None


def next_rung(case: Case, rungs: Sequence[Rung]) -> Rung | None:
    """The level to escalate to: the one after the case's, when both are in the ladder."""
    index = rung_of(case, rungs)
    if index is None or index + 1 >= len(rungs):
        return None
    return rungs[index + 1]


def due_at(case: Case) -> dt.datetime | None:
    """When the case's level has had its response time without answering: the instant the
    case becomes overdue (the UI arms one timer for it). None with no target, once answered
    or closed."""
    if case.target_minutes is None or case.answered_at is not None or not case.is_open:
        return None
    return case.since + dt.timedelta(minutes=case.target_minutes)


def is_overdue(case: Case, now: dt.datetime) -> bool:
    due = due_at(case)
    return due is not None and now.astimezone(dt.UTC) >= due.astimezone(dt.UTC)


def elapsed_text(delta: dt.timedelta) -> str:
    """``4:05`` (minutes and seconds), ``1:02:03`` past an hour; never negative."""
    seconds = max(0, int(delta.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def case_title(case: Case, lang: str) -> str:
    """The ticket id, or ``Caso 12`` without one."""
    return case.ticket or tr(lang, "Case {number}", number=case.case_id)


def level_state_note(rung: Rung, now: dt.datetime, lang: str) -> str:
    """What to know before calling a level: empty when it is open; ``… : Horario no
    publicado`` or ``…: Cerrado · abre mañana 7:00 · en 10 h`` otherwise."""
    view = rung.view
    if view.state is DisplayState.UNKNOWN:
        return f"{view.name}: {state_text(view.state, lang)}"
    if view.state is DisplayState.CLOSED:
        parts = [closed_because(view.reason, lang), change_text(view.availability, now, lang)]
        return f"{view.name}: {' · '.join(part for part in parts if part)}"
    return ""


@dataclass(frozen=True)
class CaseView:
    """One open case at an instant, as the case list shows it."""

    case: Case
    title: str
    note: str
    level_text: str
    in_ladder: bool
    opened_text: str
    elapsed_text: str
    target_text: str
    due_at: dt.datetime | None
    overdue: bool
    overdue_text: str
    next_level: Rung | None
    next_contact: ContactView | None
    next_state_note: str
    escalate_text: str  # what "Escalar al siguiente nivel" does, or why it cannot
    accessible_text: str

    @property
    def case_id(self) -> int:
        return self.case.case_id

    @property
    def can_escalate(self) -> bool:
        return self.next_level is not None


def case_view(
    case: Case, rungs: Sequence[Rung], now: dt.datetime, zone: zoneinfo.ZoneInfo, lang: str
) -> CaseView:
    """``now`` aware; times are shown on the centre's clock (``zone``)."""
    centre_now = now.astimezone(zone)
    index = rung_of(case, rungs)
    in_ladder = index is not None
    if index is not None:
        level_text = level_label(rungs[index].level.level, case.level_name, lang)
    else:
        level_text = tr(lang, "{name} (no longer in the ladder)", name=case.level_name)
    nxt = next_rung(case, rungs)
    due = due_at(case)
    overdue = is_overdue(case, now)
    if case.answered_at is not None:
        answered = when(case.answered_at.astimezone(zone), centre_now, lang)
        target = tr(lang, "answered {when}", when=answered)
    elif due is not None:
        target = tr(
            lang,
            "target {minutes} min ({when})",
            minutes=case.target_minutes,
            when=when(due.astimezone(zone), centre_now, lang),
        )
    else:
        target = response_target_text(None, lang)
    overdue_text = _overdue_text(case, nxt, in_ladder, lang) if overdue else ""
    next_contact = nxt.view.contacts[0] if nxt is not None and nxt.view.contacts else None
    next_note = level_state_note(nxt, now, lang) if nxt is not None else ""
    if nxt is not None:
        escalate = tr(
            lang, "Escalate to {level}", level=level_label(nxt.level.level, nxt.level.name, lang)
        )
    elif in_ladder:
        escalate = tr(lang, "{name} is the last level of the ladder", name=case.level_name)
    else:
        escalate = tr(lang, "{name} is no longer in the ladder", name=case.level_name)
    elapsed = elapsed_text(now.astimezone(dt.UTC) - case.since.astimezone(dt.UTC))
    opened = when(case.opened_at.astimezone(zone), centre_now, lang)
    title = case_title(case, lang)
    spoken = [title, level_text, tr(lang, "elapsed {time}", time=elapsed), target]
    if overdue_text:
        spoken.append(overdue_text)
    return CaseView(
        case=case,
        title=title,
        note=case.note,
        level_text=level_text,
        in_ladder=in_ladder,
        opened_text=tr(lang, "opened {when}", when=opened),
        elapsed_text=elapsed,
        target_text=target,
        due_at=due,
        overdue=overdue,
        overdue_text=overdue_text,
        next_level=nxt,
        next_contact=next_contact,
        next_state_note=next_note,
        escalate_text=escalate,
        accessible_text=" · ".join(spoken),
    )


def _overdue_text(case: Case, nxt: Rung | None, in_ladder: bool, lang: str) -> str:
    """``Sin respuesta de Supervisor de Soporte en 30 min · escalar a Coordinador de Soporte``."""
    head = tr(
        lang,
        "No answer from {level} in {minutes} min",
        level=case.level_name,
        minutes=case.target_minutes,
    )
    if nxt is not None:
        tail = tr(lang, "escalate to {level}", level=nxt.level.name)
    elif in_ladder:
        tail = tr(lang, "it is the last level of the ladder")
    else:
        tail = tr(lang, "{name} is no longer in the ladder", name=case.level_name)
    return f"{head} · {tail}"


def overdue_notice(view: CaseView, lang: str) -> str:
    """The tray's notification: the case, the overdue line, whom to call and whether they can
    be reached now."""
    lines = [f"{view.title}: {view.overdue_text}"]
    if view.next_contact is not None:
        lines.append(view.next_contact.shown)
    if view.next_state_note:
        lines.append(view.next_state_note)
    return "\n".join(lines)


def case_views(
    cases: Iterable[Case],
    rungs: Sequence[Rung],
    now: dt.datetime,
    zone: zoneinfo.ZoneInfo,
    lang: str,
) -> list[CaseView]:
    return [case_view(case, rungs, now, zone, lang) for case in cases]


# the case log as a CSV (Archivo → Exportar registro de casos…, ``canales cases export``) -------


def event_word(kind: EventKind, lang: str) -> str:
    return tr(lang, _EVENT_WORDS[kind])


def _iso(moment: dt.datetime | None, zone: zoneinfo.ZoneInfo) -> str:
    return "" if moment is None else moment.astimezone(zone).isoformat(timespec="seconds")


def csv_rows(
    events: Iterable[tuple[CaseEvent, dt.datetime | None]], zone: zoneinfo.ZoneInfo, lang: str
) -> list[list[str]]:
    """The header and one row per event: ``(event, when the case last reached a level before
    it)`` as ``CaseLog.events_between`` gives them; times ISO 8601 on the centre's clock."""
    rows = [[tr(lang, heading) for heading in _CSV_HEADER]]
    yes, no = tr(lang, "yes"), tr(lang, "no")
    for event, reached in events:
        waited = ""
        within = ""
        if reached is not None:
            minutes = int((event.at - reached).total_seconds() // 60)
            waited = str(max(0, minutes))
            if event.kind is EventKind.ANSWERED and event.target_minutes is not None:
                within = (
                    yes if event.at - reached <= dt.timedelta(minutes=event.target_minutes) else no
                )
        rows.append(
            [
                str(event.case_id),
                event.ticket,
                event_word(event.kind, lang),
                _iso(event.at, zone),
                str(event.level),
                event.level_name,
                "" if event.target_minutes is None else str(event.target_minutes),
                waited,
                within,
                event.note,
            ]
        )
    return rows


def csv_bytes(
    events: Iterable[tuple[CaseEvent, dt.datetime | None]], zone: zoneinfo.ZoneInfo, lang: str
) -> bytes:
    """UTF-8 with a BOM, CRLF line ends, every field quoted when it needs it (RFC 4180)."""
    return _encode(csv_rows(events, zone, lang))


def _encode(rows: list[list[str]]) -> bytes:
    import csv  # noqa: PLC0415 - only an export needs them
    import io  # noqa: PLC0415

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(_safe_cell(row) for row in rows)
    return out.getvalue().encode(CSV_ENCODING)


_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(row: list[str]) -> list[str]:
    """A ticket or note typed as ``=HYPERLINK(…)`` must stay text in a spreadsheet (CSV
    injection): such a cell gets a leading apostrophe. Times and numbers never start so."""
    return ["'" + cell if cell.startswith(_FORMULA_START) else cell for cell in row]


# ``canales cases list`` ------------------------------------------------------------------------

_STATE_WORDS: Final = {"open": N_("open"), "answered": N_("answered"), "closed": N_("closed")}


def case_state(case: Case) -> str:
    if not case.is_open:
        return "closed"
    return "answered" if case.answered_at is not None else "open"


def cases_document(cases: Iterable[Case], zone: zoneinfo.ZoneInfo) -> list[dict[str, Any]]:
    """For scripts: times ISO 8601 with the centre's offset."""
    return [
        {
            "case": case.case_id,
            "ticket": case.ticket,
            "note": case.note,
            "state": case_state(case),
            "level": case.level,
            "level_name": case.level_name,
            "target_minutes": case.target_minutes,
            "opened_at": _iso(case.opened_at, zone),
            "level_since": _iso(case.since, zone),
            "due_at": _iso(due_at(case), zone) or None,
            "answered_at": _iso(case.answered_at, zone) or None,
            "closed_at": _iso(case.closed_at, zone) or None,
        }
        for case in cases
    ]


def _short(moment: dt.datetime | None, zone: zoneinfo.ZoneInfo) -> str:
    return "" if moment is None else moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def cases_table(cases: Sequence[Case], zone: zoneinfo.ZoneInfo, lang: str) -> str:
    """The log for a terminal, one case a line."""
    if not cases:
        return tr(lang, "No cases in the log.")
    header = (
        tr(lang, "CASE"),
        tr(lang, "TICKET"),
        tr(lang, "STATE"),
        tr(lang, "LEVEL"),
        tr(lang, "OPENED"),
        tr(lang, "CLOSED"),
        tr(lang, "NOTE"),
    )
    rows = [
        (
            str(case.case_id),
            case.ticket,
            tr(lang, _STATE_WORDS[case_state(case)]),
            f"{case.level}. {case.level_name}",
            _short(case.opened_at, zone),
            _short(case.closed_at, zone),
            case.note,
        )
        for case in cases
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
        for row in [header, *rows]
    ]
    return "\n".join(printable(line) for line in lines)


def day_bounds(
    first: dt.date | None, last: dt.date | None, zone: zoneinfo.ZoneInfo
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """``first`` 00:00 to the midnight after ``last`` on the centre's clock (both days
    included), as instants; None leaves that side open."""
    start = None if first is None else dt.datetime.combine(first, dt.time(0), tzinfo=zone)
    end = None
    if last is not None:
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    return start, end


def export_csv(
    log: CaseLog | None,
    first: dt.date | None,
    last: dt.date | None,
    zone: zoneinfo.ZoneInfo,
    lang: str,
) -> tuple[bytes, int]:
    """The events of the days ``first``–``last`` (centre's clock, inclusive) as a CSV, and
    how many there are; only the header when there is no log yet."""
    start, end = day_bounds(first, last, zone)
    events = log.events_between(start, end) if log is not None else iter(())
    rows = csv_rows(events, zone, lang)
    return _encode(rows), len(rows) - 1
