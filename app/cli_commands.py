"""The headless commands (``status``, ``config …``): the model and the engine, never Qt."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from app.bootstrap import Services, build_services
from app.cli_sign import SIGNATURE_ACTIONS, run_signature_action
from app.core.active_config import STALE_TEMP_AGE
from app.core.board import BoardBuilder
from app.core.signature_text import signed_text, source_document
from app.core.status import status_document, status_table
from app.domain.availability import FIRST_FULL_DATE, LAST_FULL_DATE, AvailabilityEngine
from app.domain.document import config_json_schema
from app.domain.problems import ConfigInvalid
from app.domain.texts import N_, tr
from app.domain.wall_clock import OutOfRange, to_seconds
from app.storage.config_source import SourceError
from app.storage.config_store import ConfigFileError, ConfigStore, LoadedConfig, failure_detail
from app.storage.logs import configure_logging
from app.storage.paths import AppPaths

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

TEXTS: Mapping[str, str] = MappingProxyType(
    {
        "bad_at": N_("--at: '{value}' is not an ISO 8601 date and time (e.g. 2026-12-08T10:00)"),
        "at_out_of_range": N_(
            "--at: '{value}' is outside the dates that can be computed "
            "({first} to {last} on the centre's clock)"
        ),
        "valid": N_("{file}: configuration is valid"),
        "imported": N_("Imported {source} → {target}"),
        "backup": N_("Previous version kept: {path}"),
        "exported": N_("Exported to {target}"),
        "unexpected": N_("unexpected error: {error}"),
        "path_exists": N_("the file exists"),
        "path_linked": N_("the file exists (a link to {target})"),
        "path_default": N_("the file does not exist yet: the embedded default is in use"),
        "path_missing": N_("the file does not exist (it was named explicitly: that is an error)"),
        "path_not_regular": N_("not a regular file (a folder, a pipe or a device?)"),
        "path_unreadable": N_("cannot be examined ({error})"),
    }
)


class PublishedUnavailable(Exception):
    """An https:// source with nothing to show: the one line that says why (exit 1)."""


def parse_at(value: str | None, engine: AvailabilityEngine, now: dt.datetime) -> dt.datetime:
    """``--at`` as an instant on the centre's clock; a naive one is read on that clock (DESIGN.md)
    by the engine's rule: a time in a DST gap is when the gap ends, a repeated time is its first
    occurrence. ValueError if it is not ISO 8601; :class:`OutOfRange` (a ValueError too) if the
    engine cannot answer it in full (too close to year 1 or 9999, or beyond, in either zone).
    """
    if value is None:
        return now
    moment = dt.datetime.fromisoformat(value.strip())
    if moment.tzinfo is None:
        happens = engine.clock.moment(to_seconds(moment))
        if happens is None:
            raise OutOfRange(value)
        moment = happens.at + dt.timedelta(microseconds=moment.microsecond)
    return engine.checked(moment)


def at_out_of_range(value: str | None, lang: str) -> str:
    """The line for an ``--at`` (or a period from it) the engine cannot answer in full."""
    first, last = FIRST_FULL_DATE.isoformat(), LAST_FULL_DATE.isoformat()
    return tr(lang, TEXTS["at_out_of_range"], value=value, first=first, last=last)


def instant_or_none(
    value: str | None, engine: AvailabilityEngine, lang: str, now: dt.datetime
) -> dt.datetime | None:
    """``--at`` (or ``now``) as by :func:`parse_at`; None, after saying why on stderr, when it
    cannot be used (the caller exits with ``EXIT_USAGE``)."""
    try:
        return parse_at(value, engine, now)
    except OutOfRange:
        print(f"canales: {at_out_of_range(value, lang)}", file=sys.stderr)
    except ValueError:
        print(f"canales: {tr(lang, TEXTS['bad_at'], value=value)}", file=sys.stderr)
    return None


def active_config(services: Services, lang: str) -> tuple[LoadedConfig, dict[str, object] | None]:
    """The configuration to report on: the active file (``source`` None: see
    ``source_document``), or the published one fetched now (or its offline copy) with
    ``status --json``'s ``"source"`` for a URL."""
    if services.published is not None:
        from app.cli_remote import fetch_published  # noqa: PLC0415 - a URL source only

        return fetch_published(services, lang)
    return services.store.load(), None


def active_loaded(services: Services) -> LoadedConfig:
    """The configuration every headless command reads (see :func:`active_config`)."""
    return active_config(services, services.store.lang)[0]


def run_status(args: argparse.Namespace, services: Services, cli_lang: str = "es") -> int:
    loaded, source = active_config(services, cli_lang)
    config = loaded.config
    engine, lang = services.engine(config), services.language(config)
    at = instant_or_none(args.at, engine, lang, dt.datetime.now(dt.UTC))
    if at is None:
        return EXIT_USAGE
    board = BoardBuilder(engine, lang).board(engine.snapshot(at))
    if args.json:
        source = source or source_document(loaded, config.zone)
        print(json.dumps(status_document(board, source), ensure_ascii=False, indent=2))
    else:
        print(status_table(board, signed_text(lang, loaded.signer, config.zone)))
    return EXIT_OK


def path_state(store: ConfigStore, lang: str) -> str:
    """Whether the active file exists, or which fallback (or error) its absence means."""
    try:
        mode = store.path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return tr(lang, TEXTS["path_missing" if store.explicit else "path_default"])
    except OSError as exc:
        return tr(lang, TEXTS["path_unreadable"], error=exc.strerror or type(exc).__name__)
    if not stat.S_ISREG(mode):
        return tr(lang, TEXTS["path_not_regular"])
    if store.path.is_symlink():
        return tr(lang, TEXTS["path_linked"], target=store.target)
    return tr(lang, TEXTS["path_exists"])


def run_config(args: argparse.Namespace, services: Services, lang: str) -> int:
    store = services.store
    out = sys.stdout
    if args.action in SIGNATURE_ACTIONS:
        return run_signature_action(args, store, lang)
    if services.published is not None and args.action in ("path", "validate", "export"):
        return run_published_config(args, services, lang)
    if args.action == "path":
        print(store.path)  # alone on the first line: scripts read it
        print(path_state(store, lang))
    elif args.action == "default":
        out.buffer.write(store.default_path.read_bytes())
        out.flush()
    elif args.action == "schema":
        print(json.dumps(config_json_schema(), ensure_ascii=False, indent=2))
    elif args.action == "validate":
        loaded = store.read(args.file) if args.file else store.load()
        print(tr(lang, TEXTS["valid"], file=loaded.source))
    elif args.action == "import":
        backup = store.import_file(args.file, dt.datetime.now().astimezone())
        print(tr(lang, TEXTS["imported"], source=args.file, target=store.path))
        if backup is not None:
            print(tr(lang, TEXTS["backup"], path=backup))
    elif args.action == "export":
        backup = store.export(args.file, stamp=dt.datetime.now().astimezone())
        print(tr(lang, TEXTS["exported"], target=args.file))
        if backup is not None:
            print(tr(lang, TEXTS["backup"], path=backup))
    return EXIT_OK


def run_published_config(args: argparse.Namespace, services: Services, lang: str) -> int:
    """``config path | validate | export`` when the configuration is published over HTTPS."""
    from app.cli_remote import published_state, validate_published  # noqa: PLC0415

    store, published = services.store, services.published
    assert published is not None
    if args.action == "path":
        print(published.url)  # alone on the first line: scripts read it
        print(published_state(services, lang))
    elif args.action == "validate":
        loaded = store.read(args.file) if args.file else validate_published(services, lang)
        print(tr(lang, TEXTS["valid"], file=loaded.source))
    else:
        loaded, _source = active_config(services, lang)
        store.export(args.file, stamp=dt.datetime.now().astimezone(), loaded=loaded)
        print(tr(lang, TEXTS["exported"], target=args.file))
    return EXIT_OK


def run_headless(args: argparse.Namespace, env: Mapping[str, str], lang: str) -> int:
    """Runs one sub-command; bad input is one line per problem and exit 1, never a traceback.

    Files are turned into located lines where they are read (``ConfigStore.read``); the
    handler here is only the last resort for whatever escapes that: one line, and the
    traceback in the log file for IT."""
    log_to_file_only(AppPaths.from_platform().log_dir)
    try:
        return run_command(args, env, lang)
    except BrokenPipeError:  # the reader went away (``| head``): app.cli.main ends quietly
        raise
    except Exception as exc:  # the last resort: never a traceback on a script's terminal
        logging.getLogger(__name__).error("unexpected error", exc_info=exc)
        message = tr(lang, TEXTS["unexpected"], error=failure_detail(exc))
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
    try:
        services = build_services(args.config, env)
    except SourceError as exc:  # CANALES_CONFIG=http://…: a usage error, said in one line
        print(f"canales: CANALES_CONFIG: {exc}", file=sys.stderr)
        return EXIT_USAGE
    store = services.store
    try:
        if services.published is None:
            store.clean_up_interrupted_saves(dt.datetime.now().astimezone() - STALE_TEMP_AGE)
        if args.command == "status":
            return run_status(args, services, lang)
        if args.command == "config":
            return run_config(args, services, lang)
        if args.command == "reply":
            from app.cli_reply import run_reply  # noqa: PLC0415 - its imports when it runs

            return run_reply(args, services)
        # Each further command is dispatched here to its own module (app/cli_<command>.py).
        if args.command == "cases":
            from app.cli_cases import run_cases  # noqa: PLC0415

            return run_cases(args, services, lang)
        if args.command == "coverage":
            from app.cli_coverage import run_coverage  # noqa: PLC0415 - its own module

            return run_coverage(args, services)
        if args.command == "export":
            from app.cli_export import run_export  # noqa: PLC0415 - only this command

            return run_export(args, services)
        raise AssertionError(f"no handler for {args.command!r}")  # argparse refuses unknown ones
    except ConfigFileError as exc:
        stream = sys.stdout if getattr(args, "action", None) == "validate" else sys.stderr
        for line in exc.lines():
            print(line, file=stream)
        return EXIT_INVALID
    except PublishedUnavailable as exc:  # an https:// source with nothing to show
        print(f"canales: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except ConfigInvalid as exc:  # pragma: no cover - every storage path wraps these
        for line in exc.render(str(store.path)):
            print(line, file=sys.stderr)
        return EXIT_INVALID
