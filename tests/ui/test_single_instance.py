"""Single instance: one primary per user, later launches reach it, crashes leave no block."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QLockFile
from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from app.ui.single_instance import ACKNOWLEDGE, ACTIVATE, SingleInstance, per_user_name

ROOT = Path(__file__).resolve().parents[2]
HARNESS = Path(__file__).with_name("single_instance_harness.py")
LAUNCHES = 20

Make = Callable[..., SingleInstance]


@pytest.fixture
def name(tmp_path: Path) -> str:
    """Unique per test, so parallel or repeated runs never meet on one socket."""
    return "canales-test-" + hashlib.sha256(str(tmp_path).encode()).hexdigest()[:12]


@pytest.fixture
def lock_dir(tmp_path: Path) -> Path:
    return tmp_path / "run"


@pytest.fixture
def make(qtbot: QtBot, name: str, lock_dir: Path) -> Iterator[Make]:
    made: list[SingleInstance] = []

    def factory(wait_ms: int = 3000) -> SingleInstance:
        instance = SingleInstance(name, lock_dir, wait_ms=wait_ms)
        made.append(instance)
        return instance

    yield factory
    for instance in made:
        instance.release()


@pytest.fixture
def harness_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def launch(
    env: dict[str, str], name: str, lock_dir: Path, expected: int, timeout_ms: int
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(HARNESS), name, str(lock_dir), str(expected), str(timeout_ms)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def socket_file(name: str) -> Path:
    """Where QLocalServer puts a relative name on Unix."""
    return Path(QDir.tempPath()) / name


def copy_of_live_lock(path: Path) -> str:
    """The exact contents Qt writes for this (live) process, taken from a scratch lock."""
    scratch = QLockFile(str(path.with_suffix(".scratch")))
    assert scratch.tryLock(0)
    contents = path.with_suffix(".scratch").read_text(encoding="utf-8")
    scratch.unlock()
    return contents


def dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


# -- the name ---------------------------------------------------------------------------------


def test_per_user_name_is_stable_and_safe_for_a_socket_path() -> None:
    first = per_user_name()
    assert first == per_user_name()
    assert re.fullmatch(r"[A-Za-z0-9_-]+", first)
    assert len(first) <= 50
    assert first.startswith("canales-")
    assert per_user_name("other app/€") != first
    assert re.fullmatch(r"[A-Za-z0-9_-]+", per_user_name("other app/€"))


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CONFIG_HOME is Linux's config folder")
def test_per_user_name_follows_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "a"))
    a = per_user_name()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "b"))
    assert per_user_name() != a


# -- in one process ---------------------------------------------------------------------------


def test_first_claim_is_primary_and_listens(make: Make, name: str) -> None:
    primary = make()
    assert primary.claim()
    assert primary.is_primary
    assert primary.lock_path.exists()
    if sys.platform != "win32":
        assert socket_file(name).exists()
    assert primary.claim()  # idempotent


def test_second_claim_activates_the_primary(qtbot: QtBot, make: Make) -> None:
    primary = make()
    assert primary.claim()
    # Same thread: the primary only answers once the event loop runs, so no acknowledgement
    # arrives inside claim(); a short wait keeps the test fast.
    second = make(wait_ms=300)
    with qtbot.waitSignal(primary.activated, timeout=5000):
        assert not second.claim()
    assert not second.is_primary
    assert primary.is_primary


def test_release_frees_the_name_for_the_next_launch(make: Make, name: str) -> None:
    first = make()
    assert first.claim()
    first.release()
    assert not first.is_primary
    assert not first.lock_path.exists()
    if sys.platform != "win32":
        assert not socket_file(name).exists()
    assert make().claim()


def test_destroying_the_primary_releases_it(
    qtbot: QtBot, make: Make, name: str, lock_dir: Path
) -> None:
    doomed = SingleInstance(name, lock_dir)
    assert doomed.claim()
    lock_path = doomed.lock_path
    with qtbot.waitSignal(doomed.destroyed, timeout=5000):
        doomed.deleteLater()
    assert not lock_path.exists()
    assert make().claim()


def test_stale_lock_of_a_dead_process_is_taken_over(make: Make, lock_dir: Path) -> None:
    instance = make()
    lock_dir.mkdir()
    lock = copy_of_live_lock(instance.lock_path)
    _old_pid, rest = lock.split("\n", 1)
    instance.lock_path.write_text(f"{dead_pid()}\n{rest}", encoding="utf-8")
    assert instance.claim()


@pytest.mark.parametrize("kind", ["pid reused", "empty"])
def test_orphaned_lock_nobody_answers_for_is_taken_over(
    make: Make, lock_dir: Path, kind: str
) -> None:
    """A lock Qt cannot call stale (its PID is a live process of the same program, or a crash
    left it empty) but that no process holds: recovered once nobody answers."""
    instance = make(wait_ms=300)
    lock_dir.mkdir()
    contents = copy_of_live_lock(instance.lock_path) if kind == "pid reused" else ""
    instance.lock_path.write_text(contents, encoding="utf-8")
    assert instance.claim()
    assert instance.is_primary


def test_a_live_but_silent_lock_holder_is_respected(make: Make, lock_dir: Path) -> None:
    """A hung primary still holds its lock: a second primary would split the data."""
    instance = make(wait_ms=300)
    lock_dir.mkdir()
    holder = QLockFile(str(instance.lock_path))
    assert holder.tryLock(0)
    try:
        assert not instance.claim()
        assert instance.lock_path.exists()
    finally:
        holder.unlock()


# -- across processes -------------------------------------------------------------------------


def test_crashed_primary_leaves_lock_and_socket_that_are_recovered(
    qtbot: QtBot, make: Make, name: str, lock_dir: Path, harness_env: dict[str, str]
) -> None:
    crashed = launch(harness_env, name, lock_dir, expected=-1, timeout_ms=60_000)
    try:
        assert crashed.stdout is not None
        assert crashed.stdout.readline().strip() == "claiming"
        assert crashed.stdout.readline().strip() == "primary"
    finally:
        crashed.kill()  # SIGKILL on Unix: no cleanup runs
        crashed.communicate(timeout=10)
    assert (lock_dir / f"{name}.lock").exists()
    if sys.platform != "win32":
        assert socket_file(name).exists()

    primary = make()
    assert primary.claim()

    with qtbot.waitSignal(primary.activated, timeout=15_000):
        later = launch(harness_env, name, lock_dir, expected=0, timeout_ms=0)
    out, err = later.communicate(timeout=15)
    assert (out.split(), later.returncode) == (["claiming", "secondary"], 0), err


def test_a_launch_waits_for_a_primary_that_is_not_listening_yet(
    qtbot: QtBot, name: str, lock_dir: Path, harness_env: dict[str, str]
) -> None:
    """The window between a primary's tryLock and its listen: the later launch keeps trying
    (up to its 3 s default) instead of giving up or taking over."""
    lock_dir.mkdir()
    holder = QLockFile(str(lock_dir / f"{name}.lock"))
    assert holder.tryLock(0)
    server = QLocalServer()
    try:
        later = launch(harness_env, name, lock_dir, expected=0, timeout_ms=0)
        assert later.stdout is not None
        assert later.stdout.readline().strip() == "claiming"
        # No signal says "it is now retrying"; this pause only makes that path likely. The
        # test holds either way, since the launch keeps trying for 3 s.
        qtbot.wait(300)
        assert server.listen(name)
        with qtbot.waitSignal(server.newConnection, timeout=10_000):
            pass
        socket = server.nextPendingConnection()
        qtbot.waitUntil(socket.canReadLine, timeout=5000)
        assert socket.readLine().data() == ACTIVATE
        socket.write(ACKNOWLEDGE)
        socket.flush()
        out, err = later.communicate(timeout=15)
        assert (out.split(), later.returncode) == (["secondary"], 0), err
    finally:
        server.close()
        holder.unlock()


@pytest.mark.slow  # 20 Qt processes at once: 3-12 s
def test_simultaneous_launches_elect_exactly_one_primary(
    name: str, lock_dir: Path, harness_env: dict[str, str]
) -> None:
    others = LAUNCHES - 1
    procs = [
        launch(harness_env, name, lock_dir, expected=others, timeout_ms=20_000)
        for _ in range(LAUNCHES)
    ]
    results = [(*proc.communicate(timeout=40), proc.returncode) for proc in procs]

    assert all(code == 0 for _, _, code in results), results
    assert all("Traceback" not in err for _, err, _ in results), results
    roles = [out.split("\n")[1] for out, _, _ in results]
    assert roles.count("primary") == 1, results
    assert roles.count("secondary") == others, results
    (primary_out,) = [out for out, _, _ in results if "primary" in out]
    assert primary_out.split("\n")[2] == f"activations {others}", results
