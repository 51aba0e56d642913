"""``canales export ical|vcard``: the hours as a calendar agents subscribe to, the ladder and the
channels as contact cards. Headless (no Qt); the builders are in ``app.core``, the file is
written atomically (a subscribed calendar never reads a half-written file)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from app.core.export_options import (
    DEFAULT_DAYS,
    DEFAULT_VCARD_VERSION,
    MAX_DAYS,
    MIN_DAYS,
    VCARD_VERSIONS,
)
from app.domain.texts import N_, tr

if TYPE_CHECKING:
    from app.bootstrap import Services

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
STDOUT = "-"

TEXTS: Mapping[str, str] = MappingProxyType(
    {
        "bad_days": N_("--days: '{value}' must be a whole number from {low} to {high}"),
        "bad_from": N_("--from: '{value}' is not a date (e.g. 2026-12-01)"),
        "from_out_of_range": N_(
            "--from: the days from '{value}' are outside the dates that can be computed "
            "({first} to {last})"
        ),
        "unknown_channel": N_("--channel: unknown channel '{value}' (channels: {known})"),
        "unwritable": N_("cannot write ({error})"),
        "ical_done": N_(
            "Calendar written to {target}: {channels} channels, {days} days "
            "from {first} to {last}, {events} events"
        ),
        "vcard_done": N_("Contacts written to {target}: {cards} cards (vCard {version})"),
    }
)


def add_export_parser(commands: Any, lang: str) -> None:
    """``export ical`` and ``export vcard``, with their help and examples in ``lang``."""
    export = commands.add_parser(
        "export",
        help=tr(lang, "export the hours as a calendar or the contacts as cards"),
        description=tr(
            lang,
            "Files for other programs: the channels' hours as an iCalendar file (Outlook, "
            "Thunderbird, phones) and the escalation ladder and channels as vCards.\n"
            "examples:\n"
            "  canales export ical -o horario.ics\n"
            "  canales export ical --channel chat --days 30 -o chat.ics\n"
            "  canales export vcard -o contactos.vcf",
        ),
    )
    kinds = export.add_subparsers(
        dest="export_kind", metavar=tr(lang, "FORMAT"), required=True, title=tr(lang, "formats")
    )
    output_help = tr(lang, "the file to write ('-' writes to standard output)")
    ical = kinds.add_parser(
        "ical",
        help=tr(lang, "opening hours as a calendar (.ics, RFC 5545)"),
        description=tr(
            lang,
            "Each channel's opening hours as weekly repeating events, holidays and special "
            "days left out or given their own hours, in the support centre's time zone. "
            "Exporting again updates the same events.",
        ),
    )
    ical.add_argument(
        "--channel",
        action="append",
        metavar=tr(lang, "ID"),
        help=tr(lang, "only this channel (repeatable), e.g. --channel chat"),
    )
    ical.add_argument(
        "--days",
        metavar="N",
        default=str(DEFAULT_DAYS),
        help=tr(
            lang,
            "how many days from today ({low} to {high}; default {default})",
            low=MIN_DAYS,
            high=MAX_DAYS,
            default=DEFAULT_DAYS,
        ),
    )
    ical.add_argument(
        "--from",
        dest="first",
        metavar=tr(lang, "DATE"),
        help=tr(lang, "first day instead of today on the centre's clock, e.g. 2026-12-01"),
    )
    ical.add_argument("-o", "--output", required=True, metavar=tr(lang, "FILE"), help=output_help)
    vcard = kinds.add_parser(
        "vcard",
        help=tr(lang, "escalation ladder and channels as contact cards (.vcf)"),
        description=tr(
            lang,
            "One card per escalation level and per channel: numbers with their extensions, "
            "email and web addresses, and the hours and phone menus in the note.",
        ),
    )
    vcard.add_argument(
        "--version",
        dest="vcard_version",
        choices=VCARD_VERSIONS,
        default=DEFAULT_VCARD_VERSION,
        help=tr(
            lang,
            "vCard version: 3.0 (default; what Outlook imports best) or 4.0",
        ),
    )
    vcard.add_argument("-o", "--output", required=True, metavar=tr(lang, "FILE"), help=output_help)


def run_export(args: argparse.Namespace, services: Services) -> int:
    from app.cli_commands import active_loaded  # noqa: PLC0415 - not at parse time

    config = active_loaded(services).config
    lang = services.language(config)
    if args.export_kind == "ical":
        return _run_ical(args, services, lang)
    return _run_vcard(args, services, lang)


def _usage(lang: str, key: str, **values: object) -> int:
    print(f"canales: {tr(lang, TEXTS[key], **values)}", file=sys.stderr)
    return EXIT_USAGE


def _run_ical(args: argparse.Namespace, services: Services, lang: str) -> int:
    from app.cli_commands import active_loaded  # noqa: PLC0415 - not at parse time
    from app.core.calendar_export import (  # noqa: PLC0415 - only this command needs it
        calendar_ics,
        calendar_plan,
        first_day,
    )
    from app.domain.availability import FIRST_FULL_DATE, LAST_FULL_DATE  # noqa: PLC0415
    from app.domain.wall_clock import OutOfRange  # noqa: PLC0415

    config = active_loaded(services).config
    engine = services.engine(config, lang)
    try:
        days = int(args.days)
    except ValueError:
        days = 0
    if not MIN_DAYS <= days <= MAX_DAYS:
        return _usage(lang, "bad_days", value=args.days, low=MIN_DAYS, high=MAX_DAYS)
    known = [c.id for c in config.channels]
    for channel_id in args.channel or ():
        if channel_id not in known:
            return _usage(lang, "unknown_channel", value=channel_id, known=", ".join(known))
    now = dt.datetime.now(dt.UTC)
    if args.first is None:
        first = first_day(engine, now)
    else:
        try:
            first = dt.date.fromisoformat(args.first.strip())
        except ValueError:
            return _usage(lang, "bad_from", value=args.first)
    try:
        plan = calendar_plan(engine, first, days, args.channel)
    except (OutOfRange, OverflowError):
        return _usage(
            lang,
            "from_out_of_range",
            value=first.isoformat(),
            first=FIRST_FULL_DATE.isoformat(),
            last=LAST_FULL_DATE.isoformat(),
        )
    data = calendar_ics(engine, plan, lang, now)
    events = data.count(b"BEGIN:VEVENT")
    summary = tr(
        lang,
        TEXTS["ical_done"],
        target=args.output,
        channels=len(plan.channels),
        days=days,
        first=plan.first.isoformat(),
        last=plan.last.isoformat(),
        events=events,
    )
    return _write(args.output, data, summary, lang)


def _run_vcard(args: argparse.Namespace, services: Services, lang: str) -> int:
    from app.cli_commands import active_loaded  # noqa: PLC0415 - not at parse time
    from app.core.vcard_export import cards, vcards  # noqa: PLC0415 - only this command

    config = active_loaded(services).config
    text = vcards(config, lang, dt.datetime.now(dt.UTC), args.vcard_version)
    summary = tr(
        lang,
        TEXTS["vcard_done"],
        target=args.output,
        cards=len(cards(config, lang)),
        version=args.vcard_version,
    )
    return _write(args.output, text.encode("utf-8"), summary, lang)


def _write(target: str, data: bytes, summary: str, lang: str) -> int:
    """To standard output for ``-``; else atomically to the file, then one line saying so."""
    if target == STDOUT:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    from app.storage.atomic import atomic_write_bytes  # noqa: PLC0415 - not on start-up
    from app.storage.safe_files import describe_os_error  # noqa: PLC0415

    path = Path(target).expanduser()
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        detail = tr(lang, TEXTS["unwritable"], error=describe_os_error(exc, lang))
        print(f"{path}: {detail}", file=sys.stderr)
        return EXIT_INVALID
    print(summary)
    return EXIT_OK
