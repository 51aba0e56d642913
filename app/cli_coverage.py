"""``canales coverage [--days N] [--at ISO] [--json]``: when no channel serves a request type.

Headless (never Qt): the engine's coverage gaps, worded by :mod:`app.core.coverage_text`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from app.cli_parser import add_at_option
from app.domain.texts import N_, tr

if TYPE_CHECKING:
    from app.bootstrap import Services

EXIT_OK, EXIT_USAGE = 0, 2
#: as ``app.domain.coverage``'s (a test keeps them equal): the parser is built on every start,
#: the console's too, so this module imports the engine only when the command runs
DEFAULT_DAYS, MAX_DAYS = 14, 366

TEXTS: Mapping[str, str] = MappingProxyType(
    {
        "bad_days": N_("--days: '{value}' is not a whole number of days from 1 to {most}"),
    }
)


def add_coverage_parser(commands: Any, lang: str) -> None:
    """``commands`` is the top-level parser's sub-parsers action."""
    parser = commands.add_parser(
        "coverage",
        help=tr(lang, "when a request type has no open channel, over the coming days"),
        description=tr(
            lang,
            "For each request type, the periods of the coming days in which no channel "
            "serving it is open, with and without its fallback.\n"
            "examples:\n"
            "  canales coverage\n"
            "  canales coverage --days 30 --json",
        ),
    )
    parser.add_argument(
        "--days",
        metavar="N",
        default=str(DEFAULT_DAYS),
        help=tr(
            lang,
            "how many days, from today on the support centre's clock (default {default}, "
            "at most {most})",
            default=DEFAULT_DAYS,
            most=MAX_DAYS,
        ),
    )
    add_at_option(
        parser,
        lang,
        N_("start on the date of this ISO 8601 moment instead of today, e.g. 2026-12-08T10:00"),
    )
    parser.add_argument(
        "--json", action="store_true", help=tr(lang, "print JSON for scripts instead of text")
    )


def _days(value: str) -> int | None:
    text = value.strip()
    if not text.isdigit() or not text.isascii():
        return None
    days = int(text)
    return days if 1 <= days <= MAX_DAYS else None


def _usage(message: str) -> int:
    print(f"canales: {message}", file=sys.stderr)
    return EXIT_USAGE


def run_coverage(args: argparse.Namespace, services: Services) -> int:
    # the engine and the phrases only when the command runs (see DEFAULT_DAYS)
    from app.cli_commands import active_loaded, at_out_of_range, instant_or_none  # noqa: PLC0415
    from app.core.coverage_text import (  # noqa: PLC0415
        coverage_document,
        coverage_text,
        coverage_view,
    )
    from app.domain.coverage import coverage  # noqa: PLC0415
    from app.domain.wall_clock import OutOfRange  # noqa: PLC0415

    config = active_loaded(services).config
    engine, lang = services.engine(config), services.language(config)
    days = _days(args.days)
    if days is None:
        return _usage(tr(lang, TEXTS["bad_days"], value=args.days, most=MAX_DAYS))
    at = instant_or_none(args.at, engine, lang, dt.datetime.now(dt.UTC))
    if at is None:
        return EXIT_USAGE
    try:
        report = coverage(engine, at, days)
    except OutOfRange:  # the window's last days beyond what can be computed
        return _usage(at_out_of_range(args.at, lang))
    if args.json:
        print(json.dumps(coverage_document(report), ensure_ascii=False, indent=2))
    else:
        print(coverage_text(coverage_view(report, config, lang)))
    return EXIT_OK
