"""``canales cases list [--open] [--json]`` and ``canales cases export --from D --to D -o FILE``:
the agent's escalation case log for scripts and the supervisor's SLA report. Never Qt."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from app.domain.texts import N_, tr

if TYPE_CHECKING:  # the parser is built at every start, the console's too: no storage here
    from app.bootstrap import Services

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

TEXTS: Mapping[str, str] = MappingProxyType(
    {
        "bad_day": N_("{option}: '{value}' is not a date YYYY-MM-DD (e.g. 2026-12-01)"),
        "order": N_("--from {first} is after --to {last}"),
        "exported": N_("{count} events exported to {target}"),
        "not_written": N_("{target}: could not be written ({error})"),
    }
)


def add_cases_parser(commands: Any, lang: str) -> None:
    """``cases`` and its two actions, in ``lang``."""
    cases = commands.add_parser(
        "cases",
        help=tr(lang, "the escalation case log: list it or export it as CSV"),
        description=tr(
            lang,
            "The escalation cases started with “Escalate” in the console (this user's log).\n"
            "examples:\n"
            "  canales cases list --open\n"
            "  canales cases export --from 2026-12-01 --to 2026-12-31 -o casos-diciembre.csv",
        ),
    )
    actions = cases.add_subparsers(
        dest="action", metavar=tr(lang, "ACTION"), required=True, title=tr(lang, "actions")
    )
    listing = actions.add_parser("list", help=tr(lang, "every case, or only the open ones"))
    listing.add_argument("--open", action="store_true", help=tr(lang, "only the open cases"))
    listing.add_argument(
        "--json", action="store_true", help=tr(lang, "print JSON for scripts instead of a table")
    )
    export = actions.add_parser(
        "export",
        help=tr(lang, "the events of some days as CSV (UTF-8, times on the centre's clock)"),
    )
    day = tr(lang, "DATE")
    export.add_argument(
        "--from",
        dest="first",
        metavar=day,
        help=tr(lang, "first day, on the centre's clock (default: the first event)"),
    )
    export.add_argument(
        "--to",
        dest="last",
        metavar=day,
        help=tr(lang, "last day, included (default: the last event)"),
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=tr(lang, "FILE"),
        help=tr(lang, "the CSV file to write (replaced at once); - for standard output"),
    )


def _day(option: str, value: str | None, lang: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise _Usage(tr(lang, TEXTS["bad_day"], option=option, value=value)) from None


class _Usage(Exception):
    pass


def run_cases(args: argparse.Namespace, services: Services, lang: str) -> int:
    """The log is read where the console keeps it; nothing is created when there is none.
    A log that cannot be used is one line and exit 1."""
    import sqlite3  # noqa: PLC0415 - only this command needs it

    from app.cli_commands import active_loaded  # noqa: PLC0415 - not at parse time
    from app.core.cases import cases_document, cases_table, export_csv  # noqa: PLC0415
    from app.storage.case_log import CaseLog, CaseLogError  # noqa: PLC0415

    zone = active_loaded(services).config.zone
    try:
        first = _day("--from", getattr(args, "first", None), lang)
        last = _day("--to", getattr(args, "last", None), lang)
        if first is not None and last is not None and first > last:
            raise _Usage(tr(lang, TEXTS["order"], first=first, last=last))
    except _Usage as exc:
        print(f"canales: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        log = CaseLog.open_existing(services.paths.case_log_file)
    except CaseLogError as exc:
        print(f"canales: {exc.text(lang)}", file=sys.stderr)
        return EXIT_INVALID
    path = services.paths.case_log_file
    try:
        if args.action == "list":
            cases = [] if log is None else (log.open_cases() if args.open else log.all_cases())
            if args.json:
                print(json.dumps(cases_document(cases, zone), ensure_ascii=False, indent=2))
            else:
                print(cases_table(cases, zone, lang))
            return EXIT_OK
        data, count = export_csv(log, first, last, zone, lang)
    except sqlite3.Error as exc:  # a page damaged past the header: one line, nothing written
        print(
            f"canales: {CaseLogError('damaged', path=path, error=exc).text(lang)}", file=sys.stderr
        )
        return EXIT_INVALID
    finally:
        if log is not None:
            log.close()
    return _write(args.output, data, count, lang)


def _write(output: str, data: bytes, count: int, lang: str) -> int:
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    from app.storage.atomic import atomic_write_bytes  # noqa: PLC0415

    target = Path(output).expanduser()
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        error = exc.strerror or type(exc).__name__
        print(
            f"canales: {tr(lang, TEXTS['not_written'], target=target, error=error)}",
            file=sys.stderr,
        )
        return EXIT_INVALID
    print(tr(lang, TEXTS["exported"], count=count, target=target))
    return EXIT_OK
