"""``canales reply``: the reply text for a customer, as "Copiar respuesta" puts it on the
clipboard, for a channel or a kind of request, now or at ``--at``.

Building the parser imports nothing beyond the phrase catalog (``app.cli`` builds it for every
start, the console's included); the handler imports the engine and the core when it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from app.cli_parser import add_at_option
from app.domain.texts import N_, printable, tr

if TYPE_CHECKING:
    from app.bootstrap import Services

TEXTS: Mapping[str, str] = MappingProxyType(
    {
        "unknown_channel": N_("--channel: '{value}' is not a channel; the channels are: {known}"),
        "unknown_request": N_(
            "--request: '{value}' is not a request type; the request types are: {known}"
        ),
    }
)


def add_reply_parser(commands: Any, lang: str) -> None:
    """``canales reply [--channel ID | --request TYPE] [--at ISO] [--html]``."""
    reply = commands.add_parser(
        "reply",
        help=tr(lang, "the reply text for a customer: when and where to reach us"),
        description=tr(
            lang,
            "A ready sentence for the customer about a channel, or about the channel to use\n"
            "for a kind of request (the first one by default), now or at --at; with the\n"
            "critical line when the channel is closed. The wording is the configuration's\n"
            "reply templates, in the command's language.\n"
            "examples:\n"
            "  canales reply --channel chat\n"
            "  canales reply --request priority-1 --at 2026-12-08T22:00\n"
            "  canales reply --channel email --html > respuesta.html",
        ),
    )
    which = reply.add_mutually_exclusive_group()
    which.add_argument(
        "--channel",
        metavar="ID",
        help=tr(lang, "the channel's id, e.g. chat (see canales status --json)"),
    )
    which.add_argument(
        "--request",
        metavar=tr(lang, "TYPE"),
        help=tr(lang, "a request type's id, e.g. priority-1: the channel recommended for it"),
    )
    add_at_option(reply, lang)
    reply.add_argument(
        "--html", action="store_true", help=tr(lang, "print the HTML version (links clickable)")
    )


def run_reply(args: argparse.Namespace, services: Services) -> int:
    """One reply on stdout; an unknown id or a bad ``--at`` is one line and exit 2."""
    import datetime as dt  # noqa: PLC0415 - see the module doc

    from app.cli_commands import (  # noqa: PLC0415
        EXIT_OK,
        EXIT_USAGE,
        active_loaded,
        instant_or_none,
    )
    from app.core.board import BoardBuilder  # noqa: PLC0415
    from app.core.reply import ReplyWriter  # noqa: PLC0415

    config = active_loaded(services).config
    engine, lang = services.engine(config), services.language(config)
    channels = [c.id for c in config.channels]
    types = [r.id for r in config.request_types]
    if args.channel is not None and args.channel not in channels:
        return _usage(lang, "unknown_channel", args.channel, channels, EXIT_USAGE)
    if args.request is not None and args.request not in types:
        return _usage(lang, "unknown_request", args.request, types, EXIT_USAGE)
    at = instant_or_none(args.at, engine, lang, dt.datetime.now(dt.UTC))
    if at is None:
        return EXIT_USAGE
    writer = ReplyWriter(BoardBuilder(engine, lang))
    if args.channel is not None:
        reply = writer.for_channel(args.channel, at)
    else:
        reply = writer.for_request(args.request or types[0], at)
    print(printable(reply.html if args.html else reply.text))
    return EXIT_OK


def _usage(lang: str, key: str, value: str, known: list[str], code: int) -> int:
    listed = ", ".join(known) or "—"
    text = tr(lang, TEXTS[key], value=value, known=listed)
    print(f"canales: {printable(text)}", file=sys.stderr)
    return code
