"""The supervisor PIN: hashing, rules, hand-edited files (locked, never open), rate limiting."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import pytest

from app.storage import pin as pin_module
from app.storage.pin import (
    OWASP,
    Outcome,
    PinFileError,
    PinRuleError,
    RateLimiter,
    ScryptParams,
    pin_path_for,
    pin_rule_problem,
    read_pin,
    set_pin,
    try_pin,
    verify,
)

FAST = ScryptParams(n=2**4, r=8, p=1)  # hashing in microseconds; the file format is the same
SMALL_N = 2**4


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def pin_file(tmp_path: Path) -> Path:
    return tmp_path / "share" / "config.pin.json"


def test_pin_lives_beside_the_config_it_guards(tmp_path: Path) -> None:
    assert pin_path_for(tmp_path / "team.json") == tmp_path / "team.pin.json"


def test_right_and_wrong_pin(pin_file: Path) -> None:
    set_pin(pin_file, "4821", params=FAST)
    assert verify(pin_file, "4821", min_n=SMALL_N)
    assert not verify(pin_file, "4822", min_n=SMALL_N)
    assert not verify(pin_file, "", min_n=SMALL_N)
    stored = pin_file.read_text(encoding="ascii")
    assert "4821" not in stored
    doc = json.loads(stored)
    assert doc["kdf"] == "scrypt" and doc["n"] == SMALL_N and doc["r"] == 8 and doc["p"] == 1
    assert len(base64.b64decode(doc["salt"])) == 16
    assert len(base64.b64decode(doc["hash"])) == doc["dklen"] == 32


def test_same_pin_twice_gives_different_salts_and_hashes(tmp_path: Path) -> None:
    a = set_pin(tmp_path / "a.pin.json", "4821", params=FAST)
    b = set_pin(tmp_path / "b.pin.json", "4821", params=FAST)
    assert a.salt != b.salt and a.hash != b.hash


def test_unicode_pin_matches_whatever_the_normal_form(pin_file: Path) -> None:
    set_pin(pin_file, "cañón", params=FAST)  # composed ñ/ó
    assert verify(pin_file, "can\u0303o\u0301n", min_n=SMALL_N)  # decomposed, same PIN


def test_no_pin_file_matches_nothing(pin_file: Path) -> None:
    assert read_pin(pin_file) is None
    assert not verify(pin_file, "4821")


def test_real_owasp_parameters(pin_file: Path) -> None:
    """N=2**17, r=8, p=1 needs 128 MiB: without a raised maxmem OpenSSL refuses it."""
    set_pin(pin_file, "4821")
    record = read_pin(pin_file)
    assert record is not None and record.params == OWASP
    started = time.perf_counter()
    assert verify(pin_file, "4821")
    elapsed = time.perf_counter() - started
    assert not verify(pin_file, "1284")
    print(f"\nscrypt N=2**17 r=8 p=1: {elapsed:.3f} s per verification")


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("123", "el PIN debe tener entre 4 y 64 caracteres"),
        ("1" * 65, "el PIN debe tener entre 4 y 64 caracteres"),
        (" 1234", "el PIN no puede empezar ni terminar con espacios"),
        ("1234\n", "el PIN no puede empezar ni terminar con espacios"),
        ("12\x0034", "el PIN no puede empezar ni terminar con espacios"),
        ("1234", None),
        ("clave segura", None),
    ],
)
def test_pin_rules(pin: str, problem: str | None, pin_file: Path) -> None:
    found = pin_rule_problem(pin)
    if problem is None:
        assert found is None
        return
    assert found is not None and found.startswith(problem)
    with pytest.raises(PinRuleError):
        set_pin(pin_file, pin, params=FAST)
    assert not pin_file.exists()


def good_document() -> dict[str, object]:
    return {
        "format": "canales-supervisor-pin",
        "version": 1,
        "kdf": "scrypt",
        "n": 2**14,
        "r": 8,
        "p": 1,
        "dklen": 32,
        "salt": base64.b64encode(b"s" * 16).decode(),
        "hash": base64.b64encode(b"h" * 32).decode(),
    }


def edited(**changes: object) -> bytes:
    doc = good_document()
    for key, value in changes.items():
        if value is ...:
            del doc[key]
        else:
            doc[key] = value
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"format": ', ":1:12: error de sintaxis JSON"),
        (b"", ": el archivo está vacío"),
        (b"[1, 2]", ": debe ser un objeto {...}"),
        (edited(hash=...), ": hash: falta este campo"),
        (edited(pepper="x"), ": pepper: campo desconocido"),
        (edited(kdf="md5"), ': kdf: debe ser "scrypt"'),
        (edited(n="16384"), ": n: debe ser un número entero"),
        (edited(n=2), ": n: debe ser una potencia de 2 entre 16384 y 131072"),
        (edited(n=2**30), ": n: debe ser una potencia de 2 entre 16384 y 131072"),
        (edited(n=20000), ": n: debe ser una potencia de 2"),
        (edited(p=1000), ": p: debe estar entre 1 y 16"),
        (edited(n=2**17, p=4), ": n: n × r × p pide demasiada memoria o tiempo"),
        (edited(r=0), ": r: debe estar entre 1 y 32"),
        (edited(dklen=8), ": dklen: debe estar entre 16 y 64"),
        (edited(salt="not base64!"), ": salt: no es base64 válido"),
        (edited(salt=base64.b64encode(b"s").decode()), ": salt: la sal debe tener entre"),
        (edited(hash="ñ"), ": hash: no es base64 válido"),
        (edited(hash=base64.b64encode(b"h" * 16).decode()), ": hash: el hash debe tener dklen"),
    ],
)
def test_a_hand_edited_pin_file_locks_with_a_precise_message(
    pin_file: Path, raw: bytes, expected: str
) -> None:
    pin_file.parent.mkdir(parents=True)
    pin_file.write_bytes(raw)
    with pytest.raises(PinFileError) as info:
        read_pin(pin_file)
    line = info.value.lines()[0]
    assert line.startswith(str(pin_file)), line
    assert expected in line, line
    with pytest.raises(PinFileError):
        verify(pin_file, "4821")  # never "no PIN", never a crash
    attempt = try_pin(pin_file, "4821", RateLimiter(FakeMonotonic()))
    assert attempt.outcome is Outcome.LOCKED
    assert attempt.problems == tuple(info.value.lines())
    assert pin_file.read_bytes() == raw  # left as it is for IT to look at


def test_english_messages(pin_file: Path) -> None:
    pin_file.parent.mkdir(parents=True)
    pin_file.write_bytes(edited(n=2))
    with pytest.raises(PinFileError) as info:
        read_pin(pin_file, lang="en")
    assert info.value.lines() == [f"{pin_file}: n: must be a power of 2 between 16384 and 131072"]


def test_an_unreadable_pin_file_locks(pin_file: Path) -> None:
    pin_file.mkdir(parents=True)  # a folder where the file should be: read fails with EISDIR
    with pytest.raises(PinFileError) as info:
        read_pin(pin_file)
    assert "no se puede leer el archivo del PIN" in info.value.lines()[0]


def test_delays_grow_after_the_free_attempts_and_are_capped() -> None:
    clock = FakeMonotonic()
    limiter = RateLimiter(clock)
    waits = []
    for _ in range(12):
        limiter.record_failure()
        waits.append(limiter.wait_seconds())
    assert waits == [0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
    clock.now += 299.5
    assert limiter.wait_seconds() == pytest.approx(0.5)
    clock.now += 1
    assert limiter.wait_seconds() == 0
    limiter.record_success()
    assert limiter.failures == 0
    limiter.record_failure()
    assert limiter.wait_seconds() == 0


def test_wrong_right_and_rate_limit_through_try_pin(
    pin_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_pin(pin_file, "4821", params=FAST)
    clock = FakeMonotonic()
    limiter = RateLimiter(clock)

    def attempt(pin: str) -> object:
        return try_pin(pin_file, pin, limiter, min_n=SMALL_N)

    assert attempt("0000").outcome is Outcome.REJECTED
    assert attempt("0001").outcome is Outcome.REJECTED
    third = attempt("0002")
    assert (third.outcome, third.wait_seconds) == (Outcome.REJECTED, 2.0)

    hashed: list[object] = []
    real_hash = pin_module.hash_pin
    monkeypatch.setattr(pin_module, "hash_pin", lambda *a: hashed.append(a) or real_hash(*a))
    blocked = attempt("4821")  # even the right PIN waits: nothing is hashed meanwhile
    assert (blocked.outcome, blocked.wait_seconds) == (Outcome.WAIT, 2.0)
    assert hashed == []

    clock.now += 2
    assert attempt("4821").outcome is Outcome.ACCEPTED
    assert limiter.failures == 0
    assert attempt("4821").outcome is Outcome.ACCEPTED


def test_no_pin_file_means_no_pin(pin_file: Path) -> None:
    assert try_pin(pin_file, "", RateLimiter(FakeMonotonic())).outcome is Outcome.NO_PIN


def test_failures_survive_a_restart_with_the_full_delay(tmp_path: Path) -> None:
    state = tmp_path / "cache" / "pin-attempts.json"
    clock = FakeMonotonic()
    first = RateLimiter(clock, state_file=state)
    for _ in range(4):
        first.record_failure()
    clock.now += 3
    assert first.wait_seconds() == 1
    again = RateLimiter(clock, state_file=state)  # the console was restarted
    assert again.failures == 4
    assert again.wait_seconds() == 4  # never shorter than before the restart
    clock.now += 4
    assert again.wait_seconds() == 0
    again.record_success()
    assert not state.exists()
    assert RateLimiter(clock, state_file=state).failures == 0


@pytest.mark.parametrize("content", [b"garbage", b'{"failures": -1}', b'{"failures": true}', b"[]"])
def test_a_damaged_attempts_file_fails_closed(tmp_path: Path, content: bytes) -> None:
    state = tmp_path / "pin-attempts.json"
    state.write_bytes(content)
    limiter = RateLimiter(FakeMonotonic(), state_file=state)
    assert limiter.failures == 3
    assert limiter.wait_seconds() == 2


def test_a_full_disk_still_limits_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pin_module, "atomic_write_bytes", disk_full)
    limiter = RateLimiter(FakeMonotonic(), state_file=tmp_path / "pin-attempts.json")
    for _ in range(3):
        limiter.record_failure()
    assert limiter.wait_seconds() == 2


def test_an_unwritable_folder_reports_and_keeps_the_old_pin(
    pin_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_pin(pin_file, "4821", params=FAST)
    before = pin_file.read_bytes()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(PermissionError):
        set_pin(pin_file, "9999", params=FAST)
    assert pin_file.read_bytes() == before
    assert [p.name for p in pin_file.parent.iterdir()] == [pin_file.name]


def test_a_huge_number_in_the_pin_file_locks_with_a_located_line(pin_file: Path) -> None:
    pin_file.parent.mkdir(parents=True)
    raw = edited().replace(b'"n": 16384', b'"n": ' + b"9" * 5000)
    assert len(raw) > 5000
    pin_file.write_bytes(raw)
    with pytest.raises(PinFileError) as info:
        read_pin(pin_file)
    (line,) = info.value.lines()
    assert line.startswith(f"{pin_file}:")
    assert line.endswith(": número de 5000 cifras; se admiten como mucho 100")
    assert try_pin(pin_file, "4821", RateLimiter(FakeMonotonic())).outcome is Outcome.LOCKED
