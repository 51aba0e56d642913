"""Two consoles saving the same file: no edit is ever lost without a conflict being reported.

Real processes (``save_worker.py``) on a real file. In the driven run both load, then both
save, in alternating order, 200 rounds: the second saver of every round saved over a file
that changed since it read it, so it must get ``ConfigConflict`` (the conflict prompt),
reload and save again. In the free run they race with no turn-taking at all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.resources import default_config_path
from app.storage.config_store import ConfigStore

pytestmark = pytest.mark.slow  # 200 rounds of real processes saving: several seconds each

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("save_worker.py")
ROUNDS = 200


def worker(*args: str, stdin: int | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def ask(proc: subprocess.Popen[str], command: str) -> str:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(command + "\n")
    proc.stdin.flush()
    answer = proc.stdout.readline().strip()
    assert answer, f"worker died after {command!r}"
    return answer


def saved_notes(path: Path) -> list[str]:
    store = ConfigStore(path, path.parent / "backups", default_config_path())
    return [note for note in store.load().config.notes if note[:2] in {"a-", "b-"}]


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "share" / "config.json"
    path.parent.mkdir()
    path.write_bytes(default_config_path().read_bytes())
    return path


def test_alternating_saves_lose_nothing_and_every_stale_save_is_a_conflict(
    config: Path,
) -> None:
    workers = {name: worker("driven", str(config), name, stdin=subprocess.PIPE) for name in "ab"}
    conflicts = {"a": 0, "b": 0}
    started = time.monotonic()
    try:
        for n in range(ROUNDS):
            for proc in workers.values():
                assert ask(proc, "load") == "loaded"
            order = ("a", "b") if n % 2 == 0 else ("b", "a")
            for position, name in enumerate(order):
                answer = ask(workers[name], f"save {n}")
                met = int(answer.split()[1])
                assert met == position, f"round {n}: {name} met {met} conflicts"
                conflicts[name] += met
        for proc in workers.values():
            ask_quit(proc)
    finally:
        for proc in workers.values():
            proc.kill()
            proc.wait()
    notes = saved_notes(config)
    expected = {f"{name}-{n}" for name in "ab" for n in range(ROUNDS)}
    assert set(notes) == expected
    assert len(notes) == 2 * ROUNDS
    print(
        f"\nalternating: {2 * ROUNDS} saves, {sum(conflicts.values())} conflicts "
        f"(a {conflicts['a']}, b {conflicts['b']}), 0 lost, {time.monotonic() - started:.1f} s"
    )
    assert sum(conflicts.values()) == ROUNDS


def ask_quit(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.write("quit\n")
    proc.stdin.flush()
    assert proc.wait(timeout=30) == 0


def test_free_racing_saves_lose_nothing_without_a_conflict(config: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    workers = [worker("free", str(config), name, str(ROUNDS), str(go)) for name in "ab"]
    for proc in workers:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
    started = time.monotonic()
    go.touch()  # both are spinning on it: they start within microseconds of each other
    results = []
    for proc in workers:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        results.append(json.loads(out))
    notes = saved_notes(config)
    reported = [note for result in results for note in result["saved"]]
    lost = sorted(set(reported) - set(notes))
    conflicts = sum(result["conflicts"] for result in results)
    print(
        f"\nfree race: {len(reported)} saves, {conflicts} conflicts reported, "
        f"{len(lost)} lost, {time.monotonic() - started:.1f} s"
    )
    assert not lost, f"lost without a conflict: {lost[:10]}"
    assert len(notes) == len(reported) == 2 * ROUNDS
