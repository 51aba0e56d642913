"""The config watcher: real changes once, atomic replaces every time, no false alarms."""

from __future__ import annotations

import hashlib
import os
import shutil
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.storage.jsontext import MAX_CONFIG_BYTES
from app.ui.config_watcher import ConfigWatcher

SLOW_POLL = 60_000  # longer than any test: only the native watcher can report
FAST_POLL = 200
DEBOUNCE = 100
TIMEOUT = 3000
QUIET = 2 * FAST_POLL + DEBOUNCE + 200  # longer than two polls, a debounce and some slack

WatcherFactory = Callable[..., ConfigWatcher]


def atomic_replace(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "share" / "config.json"
    path.parent.mkdir()
    path.write_bytes(b'{"v": 0}')
    return path


@pytest.fixture
def make_watcher(qtbot: QtBot) -> Iterator[WatcherFactory]:
    made: list[ConfigWatcher] = []

    def make(path: Path, **kwargs: object) -> ConfigWatcher:
        kwargs.setdefault("debounce_ms", DEBOUNCE)
        watcher = ConfigWatcher(path, **kwargs)  # type: ignore[arg-type]
        made.append(watcher)
        watcher.start()
        return watcher

    yield make
    for watcher in made:
        watcher.stop()
        watcher.deleteLater()


def count(signal: object) -> list[object]:
    seen: list[object] = []
    signal.connect(lambda *args: seen.append(args))  # type: ignore[attr-defined]
    return seen


def test_edit_in_place_is_one_change(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    watcher = make_watcher(config, poll_ms=SLOW_POLL)
    assert watcher.digest == sha(b'{"v": 0}')
    seen = count(watcher.changed)
    with (
        qtbot.waitSignal(watcher.changed, timeout=TIMEOUT),
        config.open("wb") as stream,  # truncate, then write in pieces
    ):
        stream.write(b'{"v":')
        stream.flush()
        stream.write(b" 1}")
    qtbot.wait(QUIET)
    assert len(seen) == 1
    assert watcher.digest == sha(b'{"v": 1}')


def test_a_burst_of_writes_is_one_change(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    watcher = make_watcher(config, poll_ms=SLOW_POLL)
    seen = count(watcher.changed)
    for n in range(5):
        config.write_bytes(b'{"v": %d}' % n)
        qtbot.wait(DEBOUNCE // 4)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=TIMEOUT)
    qtbot.wait(QUIET)
    assert len(seen) == 1
    assert watcher.digest == sha(b'{"v": 4}')


def test_every_atomic_replace_is_seen_by_the_native_watcher(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    watcher = make_watcher(config, poll_ms=SLOW_POLL)
    for n in (1, 2, 3):  # the classic bug: the second replace went unnoticed
        with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
            atomic_replace(config, b'{"v": %d}' % n)
        assert watcher.digest == sha(b'{"v": %d}' % n)


def test_touch_or_same_bytes_is_not_a_change(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    watcher = make_watcher(config, poll_ms=FAST_POLL)
    with qtbot.assertNotEmitted(watcher.changed, wait=QUIET):
        os.utime(config, (1_000_000_000, 1_000_000_000))
        config.write_bytes(b'{"v": 0}')
        atomic_replace(config, b'{"v": 0}')


def test_acknowledged_own_save_is_not_a_change(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    watcher = make_watcher(config, poll_ms=FAST_POLL)
    with qtbot.assertNotEmitted(watcher.changed, wait=QUIET):
        atomic_replace(config, b'{"v": "mine"}')
        watcher.acknowledge(sha(b'{"v": "mine"}'))
    assert watcher.digest == sha(b'{"v": "mine"}')
    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):  # still watching afterwards
        atomic_replace(config, b'{"v": "theirs"}')


def test_delete_then_recreate(qtbot: QtBot, config: Path, make_watcher: WatcherFactory) -> None:
    watcher = make_watcher(config, poll_ms=SLOW_POLL)
    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        config.unlink()
    assert watcher.digest is None
    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        config.write_bytes(b'{"v": "new"}')
    assert watcher.digest == sha(b'{"v": "new"}')
    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):  # the new file is watched
        config.write_bytes(b'{"v": "newer"}')


def test_a_file_that_did_not_exist_appearing_is_a_change(
    qtbot: QtBot, tmp_path: Path, make_watcher: WatcherFactory
) -> None:
    path = tmp_path / "config.json"
    watcher = make_watcher(path, poll_ms=SLOW_POLL)
    assert watcher.digest is None
    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        atomic_replace(path, b"{}")


def test_polling_alone_works_without_the_native_watcher(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    watcher = make_watcher(config, poll_ms=FAST_POLL, use_native=False)
    for n in (1, 2):
        with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
            atomic_replace(config, b'{"v": %d}' % n)
    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        config.unlink()
    with qtbot.assertNotEmitted(watcher.changed, wait=QUIET):
        os.utime(config.parent)


def test_folder_unreachable_then_back(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    watcher = make_watcher(config, poll_ms=FAST_POLL)
    assert watcher.reachable
    changes = count(watcher.changed)
    reachability = count(watcher.unavailable)
    with qtbot.waitSignal(watcher.unavailable, timeout=TIMEOUT):
        shutil.rmtree(config.parent)
    assert reachability == [(True,)]
    assert not watcher.reachable
    qtbot.wait(QUIET)
    assert changes == []  # an unreachable share is not a deleted file
    assert watcher.digest == sha(b'{"v": 0}')
    with qtbot.waitSignals([watcher.unavailable, watcher.changed], timeout=TIMEOUT, order="strict"):
        config.parent.mkdir()
        config.write_bytes(b'{"v": "restored"}')
    assert reachability == [(True,), (False,)]
    assert len(changes) == 1
    assert watcher.reachable
    assert watcher.digest == sha(b'{"v": "restored"}')


def test_folder_back_with_the_same_bytes_is_not_a_change(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    watcher = make_watcher(config, poll_ms=FAST_POLL, use_native=False)
    with qtbot.waitSignal(watcher.unavailable, timeout=TIMEOUT):
        shutil.rmtree(config.parent)
    with (
        qtbot.assertNotEmitted(watcher.changed, wait=QUIET),
        qtbot.waitSignal(watcher.unavailable, timeout=TIMEOUT),
    ):
        config.parent.mkdir()
        config.write_bytes(b'{"v": 0}')


def test_stop_silences_and_start_reports_what_changed_meanwhile(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    watcher = make_watcher(config, poll_ms=FAST_POLL)
    watcher.stop()
    assert not watcher.is_running
    with qtbot.assertNotEmitted(watcher.changed, wait=QUIET):
        atomic_replace(config, b'{"v": "while stopped"}')
    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        watcher.start()


def test_acknowledge_before_start_reports_a_difference(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    """The app read the file, then something changed it before the watcher started."""
    watcher = ConfigWatcher(config, poll_ms=SLOW_POLL, debounce_ms=DEBOUNCE)
    watcher.acknowledge(sha(b'{"v": "as loaded"}'))
    try:
        with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
            watcher.start()
    finally:
        watcher.stop()


def test_set_path_moves_the_watch(
    qtbot: QtBot, config: Path, tmp_path: Path, make_watcher: WatcherFactory
) -> None:
    other = tmp_path / "other" / "config.json"
    other.parent.mkdir()
    other.write_bytes(b"{}")
    watcher = make_watcher(config, poll_ms=SLOW_POLL)
    with qtbot.assertNotEmitted(watcher.changed, wait=QUIET):
        watcher.set_path(other)
        assert watcher.path == other
        assert watcher.digest == sha(b"{}")
        atomic_replace(config, b'{"v": "old file"}')
    with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
        atomic_replace(other, b'{"v": "new file"}')


def test_invalid_intervals_are_rejected() -> None:
    with pytest.raises(ValueError):
        ConfigWatcher(Path("x"), poll_ms=0)


def test_a_huge_file_is_compared_without_being_read_whole(
    qtbot: QtBot, config: Path, make_watcher: WatcherFactory
) -> None:
    """The loader reads at most ``MAX_CONFIG_BYTES + 1`` bytes of a file (more is "too big"),
    so the watcher need not either: a hostile 64 MB file must not be held in memory on the GUI
    thread at every poll."""
    watcher = make_watcher(config, poll_ms=SLOW_POLL)
    with open(config, "r+b") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: no disk used
    tracemalloc.start()
    try:
        with qtbot.waitSignal(watcher.changed, timeout=TIMEOUT):
            watcher.poll_now()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * MAX_CONFIG_BYTES
    assert watcher.digest is not None and watcher.digest != sha(b'{"v": 0}')
