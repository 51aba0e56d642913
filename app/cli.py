"""The ``canales`` command: the console by default, headless sub-commands for scripts and IT.

Only argument parsing lives here, so that each path imports what it needs and nothing more: the
headless commands (:mod:`app.cli_commands`) never import Qt, and the console
(:mod:`app.ui.startup`) paints its window before it reads the configuration.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app import __version__
from app.cli_cases import add_cases_parser
from app.cli_coverage import add_coverage_parser
from app.cli_export import add_export_parser
from app.cli_parser import LocalisedParser, add_at_option
from app.cli_reply import add_reply_parser
from app.cli_sign import add_signature_actions
from app.desktop_check import desktop_problem
from app.domain.texts import resolve_language, tr
from app.storage.config_source import ConfigSource, SourceError, parse_source


def build_parser(lang: str) -> argparse.ArgumentParser:
    """Every command, option and example in ``lang`` (the help is what IT reads first)."""
    parser = LocalisedParser(
        prog="canales",
        lang=lang,
        description=tr(
            lang,
            "Support-channel console: which channel is open right now.\n"
            "Without a command it opens the console window.",
        ),
        epilog=tr(
            lang,
            "examples:\n"
            "  canales                                open the console\n"
            "  canales status --at 2026-12-08T10:00   states on a date and time\n"
            "  canales --config /srv/team.json status use another configuration file\n"
            "exit codes: 0 success, 1 invalid configuration or failed check, 2 usage error",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"canales {__version__}",
        help=tr(lang, "print the version and exit"),
    )
    parser.add_argument(
        "--config",
        metavar=tr(lang, "FILE_OR_URL"),
        type=_source_argument(lang),
        help=tr(
            lang,
            "configuration file or https:// address to use instead of the active one (also "
            "CANALES_CONFIG); e.g. --config /srv/soporte/canales.json or "
            "--config https://intranet.example.com/canales/config.json",
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=tr(lang, "start the window once, check it and print one JSON line"),
    )
    commands = parser.add_subparsers(dest="command", title=tr(lang, "commands"))
    status = commands.add_parser(
        "status",
        help=tr(lang, "which channels are open now or at another moment"),
        description=tr(
            lang,
            "The state of every channel and escalation level, now or at --at.\n"
            "examples:\n"
            "  canales status\n"
            "  canales status --at 2026-12-08T10:00 --json",
        ),
    )
    add_at_option(status, lang)
    status.add_argument(
        "--json", action="store_true", help=tr(lang, "print JSON for scripts instead of a table")
    )
    config = commands.add_parser(
        "config",
        help=tr(lang, "show, check, import or export the configuration"),
        description=tr(
            lang,
            "The configuration file: where it is, the default, its schema, checking it, "
            "importing and exporting it.\n"
            "examples:\n"
            "  canales config validate team.json\n"
            "  canales config import team.json",
        ),
    )
    actions = config.add_subparsers(
        dest="action", metavar=tr(lang, "ACTION"), required=True, title=tr(lang, "actions")
    )
    actions.add_parser("path", help=tr(lang, "where the active file is, and whether it exists"))
    actions.add_parser("default", help=tr(lang, "print the embedded default configuration"))
    actions.add_parser("schema", help=tr(lang, "print the JSON Schema of the configuration"))
    file_help = tr(lang, "a configuration file, e.g. team.json")
    validate = actions.add_parser(
        "validate", help=tr(lang, "check a file (default: the active one); one line per problem")
    )
    validate.add_argument("file", nargs="?", type=Path, metavar=tr(lang, "FILE"), help=file_help)
    import_ = actions.add_parser(
        "import", help=tr(lang, "check a file and make it the active one (keeps a backup)")
    )
    import_.add_argument("file", type=Path, metavar=tr(lang, "FILE"), help=file_help)
    export = actions.add_parser("export", help=tr(lang, "write the active configuration to a file"))
    export.add_argument("file", type=Path, metavar=tr(lang, "FILE"), help=file_help)
    add_reply_parser(commands, lang)
    add_signature_actions(actions, lang)
    # Each further command adds its parser here, from its own module (app/cli_<command>.py).
    add_cases_parser(commands, lang)
    add_coverage_parser(commands, lang)
    add_export_parser(commands, lang)
    commands.metavar = "{" + ",".join(commands.choices) + "}"
    return parser


def _source_argument(lang: str) -> Callable[[str], ConfigSource]:
    """``--config``'s value: a path, or an ``https://`` URL kept whole (``http://`` refused)."""

    def parse(text: str) -> ConfigSource:
        try:
            return parse_source(text, lang=lang)
        except SourceError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def main(argv: Sequence[str] | None = None) -> int:
    # Canales validates only its own files; third-party pydantic plugins (entry points scanned
    # on the first validation) would only slow every start. Set before anything validates.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    env = os.environ
    lang = resolve_language(env.get("CANALES_LANG"), None)
    args = build_parser(lang).parse_args(argv)
    if args.command is None:
        problem = desktop_problem(env, lang)
        if problem is not None:  # before Qt loads a plugin that would abort the process
            print(f"canales: {problem}", file=sys.stderr)
            return EXIT_INVALID
        from app.ui.process_info import ForgetModuleSources  # noqa: PLC0415 - no Qt in it

        ForgetModuleSources.install()  # before PySide6's import hook starts reading sources
        from app.ui.startup import run  # noqa: PLC0415 - Qt only when a window is wanted

        return run(args.config, env, self_test=args.self_test)
    from app.cli_commands import run_headless  # noqa: PLC0415 - no Qt for scripts

    try:
        return run_headless(args, env, lang)
    except BrokenPipeError:
        return _closed_pipe()


def _closed_pipe() -> int:
    """``canales status | head -1``: the reader has gone; end quietly (as Python's docs advise,
    point stdout at devnull so the interpreter's final flush cannot complain either)."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


EXIT_OK, EXIT_INVALID = 0, 1


if __name__ == "__main__":
    sys.exit(main())
