"""A second (third…) console saving the same file, for the multi-process storage tests.

Usage (repository root on ``PYTHONPATH``):

``save_worker.py driven CONFIG NAME``
    Reads commands from stdin: ``load`` (prints ``loaded``), ``save N`` (adds the note
    ``NAME-N`` to what was loaded and saves it; on a conflict it reloads, re-applies the note and
    saves again, as a supervisor answering the conflict prompt would; prints ``saved C`` with C
    the conflicts met), ``quit``.
``save_worker.py free CONFIG NAME ROUNDS GO_FILE``
    Prints ``ready``, waits for GO_FILE, then ROUNDS times: load, add ``NAME-N``, save, on a
    conflict reload and retry. Prints one JSON line: the notes it saved and the conflicts met.
``save_worker.py crash TARGET A B MODE``
    Replaces TARGET with the bytes of A, then B, then A… forever (MODE ``atomic``:
    ``atomic_write_bytes``; ``store``: ``ConfigStore.import_file``, lock and backup included,
    so A and B must be normalised configurations), printing ``ready`` after the first one
    and ``saved`` after each one after it.
    The parent kills it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

from app.domain.model import Config
from app.resources import default_config_path
from app.storage.atomic import atomic_write_bytes
from app.storage.config_store import ConfigConflict, ConfigStore, LoadedConfig


def make_store(path: Path) -> ConfigStore:
    return ConfigStore(path, path.parent / "backups", default_config_path())


def with_note(config: Config, note: str) -> Config:
    return dataclasses.replace(config, notes=[*config.notes, note])


def save_with_retry(store: ConfigStore, loaded: LoadedConfig, note: str) -> int:
    conflicts = 0
    while True:
        try:
            store.save(
                with_note(loaded.config, note),
                expected_digest=None if loaded.is_default else loaded.digest,
                stamp=dt.datetime.now(),
            )
            return conflicts
        except ConfigConflict:
            conflicts += 1
            loaded = store.load()


def driven(path: Path, name: str) -> int:
    store = make_store(path)
    loaded: LoadedConfig | None = None
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "load":
            loaded = store.load()
            print("loaded", flush=True)
        elif command == "save":
            assert loaded is not None
            print(f"saved {save_with_retry(store, loaded, f'{name}-{arg}')}", flush=True)
        elif command == "quit":
            return 0
    return 0


def free(path: Path, name: str, rounds: int, go: Path) -> int:
    store = make_store(path)
    store.load()  # pay the first validation's cost before the start line
    print("ready", flush=True)
    while not go.exists():
        pass
    saved: list[str] = []
    conflicts = 0
    for n in range(rounds):
        note = f"{name}-{n}"
        conflicts += save_with_retry(store, store.load(), note)
        saved.append(note)
    print(json.dumps({"saved": saved, "conflicts": conflicts}), flush=True)
    return 0


def crash(target: Path, first: Path, second: Path, mode: str) -> int:
    sources = [first, second]
    contents = [first.read_bytes(), second.read_bytes()]
    store = make_store(target)
    n = 0
    while True:
        if mode == "store":
            store.import_file(sources[n % 2], dt.datetime.now())
        else:
            atomic_write_bytes(target, contents[n % 2])
        print("ready" if n == 0 else "saved", flush=True)  # the parent times its kill by these
        n += 1


def main(argv: list[str]) -> int:
    mode, path = argv[0], Path(argv[1])
    if mode == "driven":
        return driven(path, argv[2])
    if mode == "free":
        return free(path, argv[2], int(argv[3]), Path(argv[4]))
    return crash(path, Path(argv[2]), Path(argv[3]), argv[4])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
