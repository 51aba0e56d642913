"""The optional supervisor PIN that guards the settings dialog, and its attempt limiter.

Where the PIN lives: beside the *active* configuration file, as ``<config stem>.pin.json``
(``pin_path_for``). A team sharing one configuration on a share, or IT locking it with a
managed policy, then shares one PIN with it, and whoever may change that folder decides both;
a per-user PIN would let every agent set their own and guard nothing shared. The PIN keeps
casual edits out of the dialog; anyone who can write the folder can edit the configuration
directly anyway, so it is no protection against them (and deleting the PIN file = no PIN).

The file holds only a salted ``hashlib.scrypt`` hash with its parameters (OWASP: N=2**17, r=8,
p=1; ~0.27 s per hash on the development machine). A file that is present but unusable (bad
JSON, missing or unknown fields, non-base64, weak or absurd parameters) never means "no PIN":
it raises ``PinFileError`` naming the file and field, and callers treat it as locked.

Failed attempts slow down (``RateLimiter``): free at first, then 2, 4, 8 … s, at most 5 min.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import enum
import json
import os
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, ClassVar, Final, Literal

from app.domain.problems import ConfigInvalid, Problem
from app.domain.rules import STRICT, Check, custom_error
from app.domain.texts import N_, tr
from app.storage.atomic import atomic_write_bytes
from app.storage.config_store import ConfigFileError
from app.storage.jsontext import parse_json_document, read_model_file, read_small_file
from app.storage.safe_files import resolved

PIN_FORMAT: Final = "canales-supervisor-pin"
MIN_PIN_LENGTH: Final = 4
MAX_PIN_LENGTH: Final = 64
# OpenSSL refuses scrypt above 32 MB unless told otherwise; N=2**17, r=8 needs 128 MiB.
SCRYPT_MAXMEM: Final = 256 * 1024 * 1024
# A file may not ask for weaker hashing than this (a hand-edited n=2 is trivial to brute force).
MIN_N: Final = 2**14
MAX_N: Final = 2**17
# Nor for more than twice the OWASP work (a hand-edited huge n or p would freeze the console).
MAX_WORK: Final = 2**17 * 8 * 2
_MAX_PIN_FILE_BYTES: Final = 64 * 1024
_MAX_ATTEMPTS_FILE_BYTES: Final = 4 * 1024

_TEXTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "unreadable": N_("cannot read the PIN file ({error})"),
        "too_big": N_("the PIN file is too big"),
        "not_object": N_("must be an object {{...}}"),
        "power_of_two": N_("must be a power of 2 between {low} and {high}"),
        "range": N_("must be between {low} and {high}"),
        "work": N_("n × r × p asks for too much memory or time (at most {limit})"),
        "base64": N_("is not valid base64"),
        "salt_length": N_("the salt must be {low} to {high} bytes long"),
        "hash_length": N_("the hash must be dklen ({dklen}) bytes long"),
        "pin_length": N_("the PIN must be {low} to {high} characters long"),
        "pin_spaces": N_("the PIN cannot start or end with spaces or contain control characters"),
    }
)


class PinFileError(ConfigFileError):
    """The PIN file exists but cannot be trusted: the settings stay locked (never fail open)."""


class PinRuleError(ValueError):
    """A new PIN breaks the rules; the message is ready to show."""


@dataclass(frozen=True)
class ScryptParams:
    """Cost parameters; the defaults are OWASP's recommendation for scrypt."""

    n: int = 2**17
    r: int = 8
    p: int = 1
    dklen: int = 32


OWASP: Final = ScryptParams()


@dataclass(frozen=True)
class PinRecord:
    """What the PIN file holds: never the PIN, only its salted hash and how it was made."""

    salt: bytes
    params: ScryptParams
    hash: bytes

    def to_bytes(self) -> bytes:
        document = {
            "format": PIN_FORMAT,
            "version": 1,
            "kdf": "scrypt",
            "n": self.params.n,
            "r": self.params.r,
            "p": self.params.p,
            "dklen": self.params.dklen,
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "hash": base64.b64encode(self.hash).decode("ascii"),
        }
        return (json.dumps(document, indent=2) + "\n").encode("ascii")


def _known_version(value: int) -> int:
    if value != 1:  # a Literal would accept ``true`` for 1: a literal cannot be made strict
        raise custom_error("literal_error", "must be 1", expected=1)
    return value


@dataclass(frozen=True, kw_only=True)
class _PinDocument:
    __pydantic_config__: ClassVar = {"extra": "forbid"}

    format: Literal["canales-supervisor-pin"]
    version: Annotated[int, STRICT, Check(_known_version)]
    kdf: Literal["scrypt"]
    n: Annotated[int, STRICT]
    r: Annotated[int, STRICT]
    p: Annotated[int, STRICT]
    dklen: Annotated[int, STRICT]
    salt: Annotated[str, STRICT]
    hash: Annotated[str, STRICT]


def pin_path_for(config_path: Path) -> Path:
    """``team.json`` -> ``team.pin.json``: the PIN travels with the configuration it guards,
    the resolved file (a per-user link to a team file is guarded by the team's PIN)."""
    target = resolved(config_path)
    return target.with_name(f"{target.stem}.pin.json")


def normalise_pin(pin: str) -> str:
    """NFC, so the same PIN typed through different keyboards or input methods matches."""
    return unicodedata.normalize("NFC", pin)


def pin_rule_problem(pin: str, *, lang: str = "es") -> str | None:
    """Why ``pin`` may not be set (None when it may): 4 to 64 characters, no edge spaces."""
    pin = normalise_pin(pin)
    if not MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH:
        return tr(lang, _TEXTS["pin_length"], low=MIN_PIN_LENGTH, high=MAX_PIN_LENGTH)
    if pin != pin.strip() or any(unicodedata.category(c) == "Cc" for c in pin):
        return tr(lang, _TEXTS["pin_spaces"])
    return None


def hash_pin(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    import hashlib  # noqa: PLC0415 - OpenSSL only when a PIN is checked (app.storage.digest)

    return hashlib.scrypt(
        normalise_pin(pin).encode("utf-8"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        dklen=params.dklen,
        maxmem=SCRYPT_MAXMEM,
    )


def make_record(pin: str, *, params: ScryptParams = OWASP, lang: str = "es") -> PinRecord:
    problem = pin_rule_problem(pin, lang=lang)
    if problem is not None:
        raise PinRuleError(problem)
    salt = os.urandom(16)
    return PinRecord(salt, params, hash_pin(pin, salt, params))


def set_pin(path: Path, pin: str, *, params: ScryptParams = OWASP, lang: str = "es") -> PinRecord:
    """Write a new PIN file atomically (OSError when the folder cannot be written)."""
    record = make_record(pin, params=params, lang=lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, record.to_bytes())
    return record


def clear_pin(path: Path) -> None:
    """Remove the PIN: the settings open without asking."""
    path.unlink(missing_ok=True)


def read_pin(path: Path, *, min_n: int = MIN_N, lang: str = "es") -> PinRecord | None:
    """The PIN file's record; None only when there is no file. Anything else wrong raises
    ``PinFileError`` with the field at fault."""
    try:
        parsed = read_model_file(
            path, _PinDocument, max_bytes=_MAX_PIN_FILE_BYTES, texts=_TEXTS, lang=lang
        )
    except ConfigInvalid as exc:
        raise PinFileError(path, exc.problems) from None
    if parsed is None:
        return None
    problems, record = _check(parsed, min_n=min_n, lang=lang)
    if record is None:
        raise PinFileError(path, problems)
    return record


def _check(doc: _PinDocument, *, min_n: int, lang: str) -> tuple[list[Problem], PinRecord | None]:
    """Parameters a hand edit may have broken; every problem is reported, not just the first."""
    problems: list[Problem] = []

    def bad(field: str, key: str, **values: object) -> None:
        problems.append(Problem(tr(lang, _TEXTS[key], **values), path=field))

    if doc.n < min_n or doc.n > MAX_N or doc.n & (doc.n - 1):
        bad("n", "power_of_two", low=min_n, high=MAX_N)
    if not 1 <= doc.r <= 32:
        bad("r", "range", low=1, high=32)
    if not 1 <= doc.p <= 16:
        bad("p", "range", low=1, high=16)
    if not 16 <= doc.dklen <= 64:
        bad("dklen", "range", low=16, high=64)
    if not problems and (
        doc.n * doc.r * doc.p > MAX_WORK or 128 * doc.r * (doc.n + doc.p + 2) > SCRYPT_MAXMEM
    ):
        bad("n", "work", limit=MAX_WORK)
    salt, digest = _b64(doc.salt), _b64(doc.hash)
    if salt is None:
        bad("salt", "base64")
    elif not 16 <= len(salt) <= 64:
        bad("salt", "salt_length", low=16, high=64)
    if digest is None:
        bad("hash", "base64")
    elif len(digest) != doc.dklen:
        bad("hash", "hash_length", dklen=doc.dklen)
    if problems or salt is None or digest is None:
        return problems, None
    return [], PinRecord(salt, ScryptParams(doc.n, doc.r, doc.p, doc.dklen), digest)


def _b64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None


def verify_record(record: PinRecord, pin: str) -> bool:
    """Constant-time comparison of the hashes (the hash itself takes ~0.27 s anyway)."""
    import hmac  # noqa: PLC0415 - see hash_pin

    return hmac.compare_digest(hash_pin(pin, record.salt, record.params), record.hash)


def verify(path: Path, pin: str, *, min_n: int = MIN_N, lang: str = "es") -> bool:
    """Whether ``pin`` is the PIN stored at ``path``. No file: False (nothing to match; ask
    ``read_pin`` first whether a PIN is required). An unusable file raises ``PinFileError``."""
    record = read_pin(path, min_n=min_n, lang=lang)
    return record is not None and verify_record(record, pin)


class RateLimiter:
    """Growing delay after failed attempts: ``free`` failures cost nothing, then 2, 4, 8 … s,
    capped at ``cap`` seconds; a success resets it.

    ``clock`` is a monotonic clock (``time.monotonic``), injected so tests need not wait.
    The failure count (not the clock) is kept in ``state_file`` when one is given (the user
    cache): restarting the console does not reset it, and after a restart the current delay
    starts again in full, which is never shorter than before and needs no trustworthy wall
    clock. An unreadable state file counts as one failure past the free ones (fail closed);
    one that cannot be written leaves the limiter working in memory.
    """

    def __init__(
        self,
        clock: Callable[[], float],
        *,
        state_file: Path | None = None,
        free: int = 2,
        base_seconds: float = 2.0,
        cap_seconds: float = 300.0,
    ) -> None:
        self._clock = clock
        self._state_file = state_file
        self._free = free
        self._base = base_seconds
        self._cap = cap_seconds
        self._failures = self._load()
        self._last_failure = clock() if self._failures else None

    @property
    def failures(self) -> int:
        return self._failures

    def delay_after(self, failures: int) -> float:
        """The wait imposed after ``failures`` consecutive failures."""
        if failures <= self._free:
            return 0.0
        exponent = min(failures - self._free - 1, 32)
        return float(min(self._base * 2**exponent, self._cap))

    def wait_seconds(self) -> float:
        """How long until the next attempt is allowed (0: now)."""
        if self._last_failure is None:
            return 0.0
        elapsed = self._clock() - self._last_failure
        return max(0.0, self.delay_after(self._failures) - elapsed)

    def record_failure(self) -> None:
        self._failures += 1
        self._last_failure = self._clock()
        self._store()

    def record_success(self) -> None:
        self._failures = 0
        self._last_failure = None
        if self._state_file is not None:
            with contextlib.suppress(OSError):
                self._state_file.unlink(missing_ok=True)

    def _load(self) -> int:
        if self._state_file is None:
            return 0
        # The same reader and rules as every file: a FIFO or a deep nest planted here must
        # not hang or crash the console before its window exists.
        try:
            raw = read_small_file(self._state_file, max_bytes=_MAX_ATTEMPTS_FILE_BYTES)
            if raw is None:
                return 0
            data = parse_json_document(raw)
        except ConfigInvalid:
            return self._free + 1
        failures = data.get("failures") if isinstance(data, dict) else None
        if isinstance(failures, bool) or not isinstance(failures, int) or failures < 0:
            return self._free + 1
        return failures

    def _store(self) -> None:
        if self._state_file is None:
            return
        try:
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            data = json.dumps({"failures": self._failures}).encode()
            atomic_write_bytes(self._state_file, data, follow_links=False)
        except OSError:
            pass  # the in-memory delay still applies for this session


class Outcome(enum.Enum):
    NO_PIN = "no_pin"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WAIT = "wait"
    LOCKED = "locked"


@dataclass(frozen=True)
class Attempt:
    """The result of one try: ``wait_seconds`` until the next one is allowed, and for
    ``LOCKED`` the error lines explaining why the PIN file cannot be used."""

    outcome: Outcome
    wait_seconds: float = 0.0
    problems: tuple[str, ...] = ()


def try_pin(
    path: Path, pin: str, limiter: RateLimiter, *, min_n: int = MIN_N, lang: str = "es"
) -> Attempt:
    """One attempt, respecting the limiter: while it says wait, nothing is hashed."""
    wait = limiter.wait_seconds()
    if wait > 0:
        return Attempt(Outcome.WAIT, wait)
    try:
        record = read_pin(path, min_n=min_n, lang=lang)
    except PinFileError as exc:
        return Attempt(Outcome.LOCKED, problems=tuple(exc.lines()))
    if record is None:
        return Attempt(Outcome.NO_PIN)
    if verify_record(record, pin):
        limiter.record_success()
        return Attempt(Outcome.ACCEPTED)
    limiter.record_failure()
    return Attempt(Outcome.REJECTED, limiter.wait_seconds())
