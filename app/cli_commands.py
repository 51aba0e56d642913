"""The headless commands (``status``, ``config …``): the model and the engine, never Qt."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from app.bootstrap import Services, build_services
from app.domain.document import config_json_schema
from app.domain.problems import ConfigInvalid
from app.domain.report import status_document, status_table
from app.domain.texts import Entry, pick
from app.storage.config_store import ConfigFileError, ConfigStore, failure_detail
from app.storage.logs import configure_logging
from app.storage.paths import AppPaths

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
STALE_TEMP_AGE = dt.timedelta(minutes=1)

TEXTS: Mapping[str, Entry] = MappingProxyType(
    {
        "bad_at": {
            "es": "--at: «{value}» no es una fecha y hora ISO 8601 (p. ej. 2026-12-08T10:00)",
            "en": "--at: '{value}' is not an ISO 8601 date and time (e.g. 2026-12-08T10:00)",
        },
        "valid": {"es": "{file}: configuración válida", "en": "{file}: configuration is valid"},
        "imported": {
            "es": "Importado {source} → {target}",
            "en": "Imported {source} → {target}",
        },
        "backup": {
            "es": "Copia de la versión anterior: {path}",
            "en": "Previous version kept: {path}",
        },
        "exported": {"es": "Exportado a {target}", "en": "Exported to {target}"},
        "unexpected": {"es": "error inesperado: {error}", "en": "unexpected error: {error}"},
    }
)


def parse_at(value: str | None, zone: dt.tzinfo, now: dt.datetime) -> dt.datetime:
    """A naive ``--at`` is read on the support centre's clock (DESIGN.md)."""
    if value is None:
        return now
    moment = dt.datetime.fromisoformat(value.strip())
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def run_status(args: argparse.Namespace, services: Services) -> int:
    config = services.store.load().config
    engine, lang = services.engine(config), services.language(config)
    try:
        at = parse_at(args.at, engine.zone, dt.datetime.now(dt.UTC))
    except ValueError:
        print(f"canales: {pick(lang, TEXTS['bad_at'], value=args.at)}", file=sys.stderr)
        return EXIT_USAGE
    snapshot = engine.snapshot(at)
    if args.json:
        document = status_document(snapshot, engine.config.timezone)
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print(status_table(engine, snapshot, lang))
    return EXIT_OK


def run_config(args: argparse.Namespace, store: ConfigStore, lang: str) -> int:
    out = sys.stdout
    if args.action == "path":
        print(store.path)
    elif args.action == "default":
        out.buffer.write(store.default_path.read_bytes())
        out.flush()
    elif args.action == "schema":
        print(json.dumps(config_json_schema(), ensure_ascii=False, indent=2))
    elif args.action == "validate":
        loaded = store.read(args.file) if args.file else store.load()
        print(pick(lang, TEXTS["valid"], file=loaded.source))
    elif args.action == "import":
        backup = store.import_file(args.file, dt.datetime.now().astimezone())
        print(pick(lang, TEXTS["imported"], source=args.file, target=store.path))
        if backup is not None:
            print(pick(lang, TEXTS["backup"], path=backup))
    elif args.action == "export":
        store.export(args.file)
        print(pick(lang, TEXTS["exported"], target=args.file))
    return EXIT_OK


def run_headless(args: argparse.Namespace, env: Mapping[str, str], lang: str) -> int:
    """Runs one sub-command; bad input is one line per problem and exit 1, never a traceback.

    Files are turned into located lines where they are read (``ConfigStore.read``); the
    handler here is only the last resort for whatever escapes that: one line, and the
    traceback in the log file for IT."""
    log_to_file_only(AppPaths.from_platform().log_dir)
    try:
        return run_command(args, env, lang)
    except BrokenPipeError:  # the reader went away (``| head``): end quietly (DESIGN.md)
        with contextlib.suppress(OSError, ValueError):  # or Python complains again at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_INVALID
    except Exception as exc:  # the last resort: never a traceback on a script's terminal
        logging.getLogger(__name__).error("unexpected error", exc_info=exc)
        message = pick(lang, TEXTS["unexpected"], error=failure_detail(exc))
        print(f"canales: {message}", file=sys.stderr)
        return EXIT_INVALID


def log_to_file_only(log_dir: Path) -> None:
    """Log records (tracebacks included) go to the log file, never to the terminal, whose
    lines are the command's contract; when the file cannot be opened, nowhere."""
    if configure_logging(log_dir) is None:
        logger = logging.getLogger("app")
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


def run_command(args: argparse.Namespace, env: Mapping[str, str], lang: str) -> int:
    services = build_services(args.config, env)
    store = services.store
    try:
        store.clean_up_interrupted_saves(dt.datetime.now().astimezone() - STALE_TEMP_AGE)
        if args.command == "status":
            return run_status(args, services)
        return run_config(args, store, lang)
    except ConfigFileError as exc:
        stream = sys.stdout if getattr(args, "action", None) == "validate" else sys.stderr
        for line in exc.lines():
            print(line, file=stream)
        return EXIT_INVALID
    except ConfigInvalid as exc:  # pragma: no cover - every storage path wraps these
        for line in exc.render(str(store.path)):
            print(line, file=sys.stderr)
        return EXIT_INVALID
