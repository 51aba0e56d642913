"""The ``canales`` command: the console by default, headless sub-commands for scripts and IT.

Only argument parsing lives here, so that each path imports what it needs and nothing more: the
headless commands (:mod:`app.cli_commands`) never import Qt, and the console
(:mod:`app.ui.startup`) paints its window before it reads the configuration.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from app import __version__
from app.domain.texts import N_, resolve_language, tr

TEXTS: Mapping[str, str] = MappingProxyType(
    {
        "description": N_("Support-channel console: which channel is open right now."),
    }
)


def build_parser(lang: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="canales", description=tr(lang, TEXTS["description"]))
    parser.add_argument("--version", action="version", version=f"canales {__version__}")
    parser.add_argument("--config", metavar="PATH", type=Path, help="config.json (CANALES_CONFIG)")
    parser.add_argument("--self-test", action="store_true", help="GUI smoke test, JSON result")
    commands = parser.add_subparsers(dest="command", metavar="{status,config}")
    status = commands.add_parser("status", help="channel states now or at --at")
    status.add_argument("--at", metavar="ISO8601")
    status.add_argument("--json", action="store_true")
    config = commands.add_parser(
        "config", help="path | default | schema | validate | import | export"
    )
    actions = config.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("path")
    actions.add_parser("default")
    actions.add_parser("schema")
    validate = actions.add_parser("validate")
    validate.add_argument("file", nargs="?", type=Path)
    import_ = actions.add_parser("import")
    import_.add_argument("file", type=Path)
    export = actions.add_parser("export")
    export.add_argument("file", type=Path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Canales validates only its own files; third-party pydantic plugins (entry points scanned
    # on the first validation) would only slow every start. Set before anything validates.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    env = os.environ
    lang = resolve_language(env.get("CANALES_LANG"), None)
    args = build_parser(lang).parse_args(argv)
    if args.command is None:
        from app.ui.startup import run  # noqa: PLC0415 - Qt only when a window is wanted

        return run(args.config, env, self_test=args.self_test)
    from app.cli_commands import run_headless  # noqa: PLC0415 - no Qt for scripts

    return run_headless(args, env, lang)


if __name__ == "__main__":
    sys.exit(main())
