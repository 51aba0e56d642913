"""The headless commands (``status``, ``config …``): the model and the engine, never Qt."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import stat
import sys
from collections.abc import Mapping
from types import MappingProxyType

from app.bootstrap import Services, build_services
from app.domain.document import config_json_schema
from app.domain.problems import ConfigInvalid
from app.domain.report import status_document, status_table
from app.domain.texts import Entry, pick
from app.storage.config_store import ConfigFileError, ConfigStore

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
        "path_exists": {"es": "el archivo existe", "en": "the file exists"},
        "path_linked": {
            "es": "el archivo existe (enlace a {target})",
            "en": "the file exists (a link to {target})",
        },
        "path_default": {
            "es": "el archivo no existe todavía: se usa la configuración incorporada",
            "en": "the file does not exist yet: the embedded default is in use",
        },
        "path_missing": {
            "es": "el archivo no existe (se nombró explícitamente: es un error)",
            "en": "the file does not exist (it was named explicitly: that is an error)",
        },
        "path_not_regular": {
            "es": "no es un archivo normal (¿una carpeta, una tubería o un dispositivo?)",
            "en": "not a regular file (a folder, a pipe or a device?)",
        },
        "path_unreadable": {
            "es": "no se puede examinar ({error})",
            "en": "cannot be examined ({error})",
        },
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


def path_state(store: ConfigStore, lang: str) -> str:
    """Whether the active file exists, or which fallback (or error) its absence means."""
    try:
        mode = store.path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return pick(lang, TEXTS["path_missing" if store.explicit else "path_default"])
    except OSError as exc:
        return pick(lang, TEXTS["path_unreadable"], error=exc.strerror or type(exc).__name__)
    if not stat.S_ISREG(mode):
        return pick(lang, TEXTS["path_not_regular"])
    if store.path.is_symlink():
        return pick(lang, TEXTS["path_linked"], target=store.target)
    return pick(lang, TEXTS["path_exists"])


def run_config(args: argparse.Namespace, store: ConfigStore, lang: str) -> int:
    out = sys.stdout
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
        print(pick(lang, TEXTS["valid"], file=loaded.source))
    elif args.action == "import":
        backup = store.import_file(args.file, dt.datetime.now().astimezone())
        print(pick(lang, TEXTS["imported"], source=args.file, target=store.path))
        if backup is not None:
            print(pick(lang, TEXTS["backup"], path=backup))
    elif args.action == "export":
        backup = store.export(args.file, stamp=dt.datetime.now().astimezone())
        print(pick(lang, TEXTS["exported"], target=args.file))
        if backup is not None:
            print(pick(lang, TEXTS["backup"], path=backup))
    return EXIT_OK


def run_headless(args: argparse.Namespace, env: Mapping[str, str], lang: str) -> int:
    """Runs one sub-command; bad input is one line per problem and exit 1, never a traceback."""
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
