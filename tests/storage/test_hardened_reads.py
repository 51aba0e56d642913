"""Every file we read goes through one reader with one set of rules: regular files only (a FIFO
never blocks, ``/dev/zero`` is never read), a size bound, and ``parse_json_document``'s depth,
duplicate and number rules; a bad cache entry is a miss."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from app.resources import default_config_path
from app.storage.atomic import atomic_write_bytes
from app.storage.config_store import ConfigFileError, ConfigStore
from app.storage.holiday_cache import CACHE_FORMAT, CachedHolidaySource
from app.storage.last_good import LastKnownGood
from app.storage.pin import RateLimiter
from app.storage.policy import PolicyError, load_policy
from app.storage.preferences import Preferences, PreferencesStore
from app.storage.safe_files import InvalidPath, NotARegularFile, read_regular_file

posix_only = pytest.mark.skipif(os.name == "nt", reason="FIFOs and /dev/zero are POSIX")
_T = TypeVar("_T")
DEEP = b"[" * 100_000 + b"]" * 100_000
FIXED = {dt.date(2026, 12, 8): "La Inmaculada Concepción"}


def promptly(make: Callable[[], _T], fifo: Path | None = None, seconds: float = 10.0) -> _T:
    """Run ``make`` in a thread and fail (instead of hanging) if it has not returned in time.

    A thread blocked opening ``fifo`` is released by opening its other end, so the test run
    goes on after the failure is recorded."""
    box: list[_T] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            box.append(make())
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        if fifo is not None:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.close(fd)
        worker.join(seconds)
        pytest.fail(f"still blocked after {seconds} s")
    if errors:
        raise errors[0]
    return box[0]


def fifo_at(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def dev_zero_at(path: Path) -> Path:
    """A link to an endless zero device: a private node where this user may make one (so a
    write that wrongly follows the link replaces that node, never the system's ``/dev/zero``),
    else the system's, which such a user cannot replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    device = path.parent / "devices" / "zero"
    device.parent.mkdir(exist_ok=True)
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    except PermissionError:
        device = Path("/dev/zero")
    path.symlink_to(device)
    return path


class CountingSource:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, country: str, language: str, year: int) -> dict[dt.date, str]:
        self.calls += 1
        return {day.replace(year=year): name for day, name in FIXED.items()}


# the reader itself ----------------------------------------------------------------------------


@posix_only
def test_the_reader_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = fifo_at(tmp_path / "config.json")
    with pytest.raises(NotARegularFile):
        promptly(lambda: read_regular_file(fifo, 100), fifo)


@posix_only
def test_the_reader_never_reads_a_device(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFile):
        read_regular_file(dev_zero_at(tmp_path / "config.json"), 100)


def test_the_reader_is_bounded_and_says_absent_with_none(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"x" * 1000)
    assert read_regular_file(big, 10) == b"x" * 11
    assert read_regular_file(tmp_path / "missing.json", 10) is None
    assert read_regular_file(big / "below-a-file.json", 10) is None


# the configuration ----------------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("plant", [fifo_at, dev_zero_at])
def test_a_config_that_is_no_regular_file_is_one_line(
    tmp_path: Path, plant: Callable[[Path], Path]
) -> None:
    path = plant(tmp_path / "cfg" / "config.json")
    store = ConfigStore(path, None, default_config_path())
    with pytest.raises(ConfigFileError) as info:
        promptly(store.load, path)
    assert info.value.lines() == [
        f"{path}: no se puede leer el archivo (no es un archivo normal "
        "(¿una carpeta, una tubería o un dispositivo?))"
    ]


@posix_only
def test_a_fifo_as_policy_is_a_policy_problem(tmp_path: Path) -> None:
    path = fifo_at(tmp_path / "policy.json")
    with pytest.raises(PolicyError, match="no es un archivo normal"):
        promptly(lambda: load_policy(path), path)


@posix_only
def test_a_fifo_as_preferences_gives_the_defaults_and_a_problem(tmp_path: Path) -> None:
    path = fifo_at(tmp_path / "preferences.json")
    store = PreferencesStore(path)
    assert promptly(store.load, path) == Preferences()
    assert store.problems


# the PIN attempts file ------------------------------------------------------------------------


def limiter_over(state: Path) -> RateLimiter:
    return RateLimiter(lambda: 1000.0, state_file=state)


def test_a_deeply_nested_attempts_file_fails_closed(tmp_path: Path) -> None:
    state = tmp_path / "pin-attempts.json"
    state.write_bytes(DEEP)
    assert limiter_over(state).failures == 3


@posix_only
@pytest.mark.parametrize("plant", [fifo_at, dev_zero_at])
def test_an_attempts_file_that_is_no_regular_file_fails_closed_at_once(
    tmp_path: Path, plant: Callable[[Path], Path]
) -> None:
    state = plant(tmp_path / "pin-attempts.json")
    assert promptly(lambda: limiter_over(state), state).failures == 3


# the holiday cache ----------------------------------------------------------------------------


def cache_file(folder: Path, year: int = 2026) -> Path:
    return folder / f"1.0-CO-es-{year}.json"


def test_a_deeply_nested_cache_entry_is_a_miss(tmp_path: Path) -> None:
    compute = CountingSource()
    cache_file(tmp_path).write_bytes(DEEP)
    assert CachedHolidaySource(tmp_path, "1.0", compute)("CO", "es", 2026) == FIXED
    assert compute.calls == 1


@posix_only
@pytest.mark.parametrize("plant", [fifo_at, dev_zero_at])
def test_a_cache_entry_that_is_no_regular_file_is_a_miss(
    tmp_path: Path, plant: Callable[[Path], Path]
) -> None:
    compute = CountingSource()
    path = plant(cache_file(tmp_path))
    source = CachedHolidaySource(tmp_path, "1.0", compute)
    assert promptly(lambda: source("CO", "es", 2026), path) == FIXED
    assert compute.calls == 1


def entry(**changes: object) -> dict[str, object]:
    document: dict[str, object] = {
        "format": CACHE_FORMAT,
        "version": "1.0",
        "country": "CO",
        "language": "es",
        "year": 2026,
        "holidays": {"2026-12-08": "La Inmaculada Concepción"},
    }
    document.update(changes)
    return {k: v for k, v in document.items() if v is not ...}


def test_a_well_formed_entry_is_used(tmp_path: Path) -> None:
    compute = CountingSource()
    cache_file(tmp_path).write_text(json.dumps(entry(holidays={"2026-07-20": "Independencia"})))
    source = CachedHolidaySource(tmp_path, "1.0", compute)
    assert source("CO", "es", 2026) == {dt.date(2026, 7, 20): "Independencia"}
    assert compute.calls == 0


@pytest.mark.parametrize(
    "document",
    [
        {"2026-03-02": "Día falso"},  # the old, unlabelled format: nothing says whose it is
        entry(country="AR"),
        entry(language="en"),
        entry(year=2027),
        entry(year=True),
        entry(version="0.9"),
        entry(format="other"),
        entry(format=...),
        entry(extra=1),
        entry(holidays={"2025-12-08": "Fuera del año"}),
        entry(holidays={"2026-3-2": "Fecha mal escrita"}),
        entry(holidays={"2026-03-02": ""}),
        entry(holidays={"2026-03-02": "x" * 301}),
        entry(holidays={"2026-03-02": "línea\nnueva"}),
        entry(holidays={"2026-03-02": 7}),
        entry(holidays=["2026-03-02"]),
        entry(holidays={str(dt.date(2026, 1, 1) + dt.timedelta(days=n)): "x" for n in range(101)}),
    ],
)
def test_a_foreign_or_garbled_cache_entry_is_a_miss(tmp_path: Path, document: object) -> None:
    compute = CountingSource()
    cache_file(tmp_path).write_text(json.dumps(document), encoding="utf-8")
    source = CachedHolidaySource(tmp_path, "1.0", compute)
    assert source("CO", "es", 2026) == FIXED
    assert compute.calls == 1
    # … and the entry was replaced by a good one, used from now on.
    assert CachedHolidaySource(tmp_path, "1.0", compute)("CO", "es", 2026) == FIXED
    assert compute.calls == 1


@pytest.mark.parametrize(
    "document",
    [
        ["CO", "ES"],
        {"format": CACHE_FORMAT, "version": "0.9", "countries": ["CO"]},
        {"format": CACHE_FORMAT, "version": "1.0", "countries": ["co"]},
        {"format": CACHE_FORMAT, "version": "1.0", "countries": []},
        {"format": CACHE_FORMAT, "version": "1.0", "countries": [7]},
    ],
)
def test_a_garbled_countries_entry_is_a_miss(tmp_path: Path, document: object) -> None:
    asked: list[int] = []

    def countries() -> frozenset[str]:
        asked.append(1)
        return frozenset({"CO"})

    (tmp_path / "1.0-countries.json").write_text(json.dumps(document))
    source = CachedHolidaySource(tmp_path, "1.0", CountingSource(), countries)
    assert source.supported_countries() == {"CO"}
    assert asked == [1]


# the last good copy ---------------------------------------------------------------------------


@posix_only
def test_a_fifo_as_last_good_copy_is_no_copy(tmp_path: Path) -> None:
    kept = LastKnownGood(tmp_path / "cache")
    share = tmp_path / "share" / "config.json"
    kept.remember(share, b'{"v": 1}', dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    meta = kept.copy_path(share).with_name(kept.copy_path(share).stem + ".meta.json")
    meta.unlink()
    fifo_at(meta)
    assert promptly(lambda: kept.recall(share), meta) is None


@pytest.mark.parametrize("control", ["\n", "\t", "\x7f", "\x1b", "\u2028"])
def test_a_path_with_a_control_character_is_refused_whole(tmp_path: Path, control: str) -> None:
    odd = tmp_path / f"team{control}config.json"
    if os.name != "nt":
        odd.write_bytes(default_config_path().read_bytes())  # even an existing file
    with pytest.raises(InvalidPath):
        read_regular_file(odd, 100)
    store = ConfigStore(odd, None, default_config_path(), explicit=True)
    with pytest.raises(ConfigFileError) as info:
        store.load()
    escaped = str(odd).replace(control, repr(control)[1:-1])
    assert info.value.lines() == [
        f"{escaped}: no se puede leer el archivo (la ruta contiene caracteres de control)"
    ]
    with pytest.raises(InvalidPath):
        atomic_write_bytes(tmp_path / f"new{control}.json", b"{}")
    assert not (tmp_path / f"new{control}.json").exists()
