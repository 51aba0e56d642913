"""Kill a saving process at random moments: the file is always the old or the new content.

A subprocess (``save_worker.py crash``) replaces the file with A, B, A… (~200 KB each, so a
torn write would be visible) as fast as it can; the parent SIGKILLs it at a random moment,
checks the file, and starts another. Leftover temp files (the kill landed mid-write) are
then removed by ``remove_stale_temp_files``, as the next start of the console would.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.resources import default_config_path
from app.storage.atomic import TEMP_SUFFIX, remove_stale_temp_files
from app.storage.config_store import ConfigStore, config_to_bytes

pytestmark = [
    pytest.mark.skipif(
        sys.platform == "win32",
        reason="SIGKILL does not exist on Windows (TerminateProcess differs)",
    ),
    pytest.mark.slow,  # 2 × 200 kills: tens of seconds
]

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("save_worker.py")
KILLS = 200
SIZE = 200 * 1024


def variant(tmp_path: Path, letter: str) -> Path:
    """A valid, normalised configuration of about SIZE bytes (for the store mode too)."""
    store = ConfigStore(tmp_path / "unused.json", tmp_path / "b", default_config_path())
    config = store.load().config
    note = letter * 1000
    config = dataclasses.replace(config, notes=[note] * (SIZE // 1000))
    path = tmp_path / f"{letter}.json"
    path.write_bytes(config_to_bytes(config))
    return path


def run_kills(tmp_path: Path, mode: str, rng: random.Random) -> tuple[int, int, int]:
    first, second = variant(tmp_path, "A"), variant(tmp_path, "B")
    allowed = {first.read_bytes(), second.read_bytes()}
    target = tmp_path / "share" / "config.json"
    target.parent.mkdir()
    target.write_bytes(first.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen = {"A": 0, "B": 0}
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), "crash", str(target), str(first), str(second), mode],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        # Let 0–2 more saves complete first, so the kill can find either content whatever a
        # save costs on this machine (a loaded CI runner fsyncs slowly), then land anywhere.
        for _ in range(rng.randint(0, 2)):
            assert proc.stdout.readline().strip() == "saved"
        time.sleep(rng.uniform(0, 0.02))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        data = target.read_bytes()
        json.loads(data)  # always parses …
        assert data in allowed  # … and is exactly the old or the new content
        seen["A" if data == first.read_bytes() else "B"] += 1
    backups = target.parent / "backups"
    removed = remove_stale_temp_files(target.parent) + remove_stale_temp_files(backups)
    for folder in (target.parent, backups):
        assert not [p for p in folder.glob("*") if p.name.endswith(TEMP_SUFFIX)]
    assert target.read_bytes() in allowed
    print(
        f"\n{mode}: {KILLS} SIGKILLs, file was A {seen['A']} times and B {seen['B']} times, "
        f"always intact; {len(removed)} interrupted temp files removed"
    )
    assert seen["A"] and seen["B"], "the kills never landed between two different saves"
    return seen["A"], seen["B"], len(removed)


def test_sigkill_during_atomic_writes_never_leaves_a_torn_file(tmp_path: Path) -> None:
    run_kills(tmp_path, "atomic", random.Random(20261201))


def test_sigkill_during_store_imports_never_leaves_a_torn_file_or_a_stuck_lock(
    tmp_path: Path,
) -> None:
    """Through ``ConfigStore`` (lock and backups included): a killed holder's lock is released
    by the kernel, so the next process always gets it (``ready`` would never come otherwise)."""
    run_kills(tmp_path, "store", random.Random(20261202))
