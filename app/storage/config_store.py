"""The active configuration file: load it with precise errors, import, export, save safely.

Rules (DESIGN.md, "Files"): when the per-user file does not exist the embedded default is
used (a file named by ``--config``, ``CANALES_CONFIG`` or the policy must exist); a file that
fails to load is never written over by anything but an explicit import or save of a valid
configuration, and the previous bytes are always kept as a backup (unless the new bytes are
the same: then nothing is written at all).

Signatures (``app.storage.minisign``): every file read (not the embedded default) is checked
against the managed policy's ``trusted_keys`` / ``require_signature`` with its detached
``FILE.minisig`` (beside the file its links reach), read by the same hardened reader; a
refusal is one line naming the signature file. The signer travels in ``LoadedConfig``.
Every write of the active file writes its signature with it (``atomic_write_pair``): the one
given (an import copies the source's, a save signs), or none, which removes an old one
rather than leave it beside bytes it does not sign.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Concatenate, Final, ParamSpec

from app.domain.document import config_from_document, config_to_document
from app.domain.model import Config
from app.domain.problems import ConfigInvalid, Problem
from app.domain.texts import N_, tr
from app.storage.atomic import (
    atomic_write_bytes,
    atomic_write_pair,
    copy_to_backups,
    prune_backups,
    remove_stale_temp_files,
)
from app.storage.config_source import ConfigSource, ConfigUrl
from app.storage.digest import sha256_hex
from app.storage.file_lock import exclusive_lock
from app.storage.jsontext import MAX_CONFIG_BYTES, parse_json_document
from app.storage.minisign import (
    MAX_SIGNATURE_BYTES,
    SIGNATURE_SUFFIX,
    SignaturePolicy,
    SignatureProblem,
    Signer,
    check_signature,
)
from app.storage.safe_files import (
    describe_os_error,
    follow_for_writing,
    printable_path,
    read_regular_file,
    resolved,
    same_file,
)

BACKUPS_KEPT = 10
LOCK_TIMEOUT_SECONDS = 10.0

_MESSAGES = {
    "unreadable": N_("cannot read the file ({error})"),
    "missing": N_("the file does not exist"),
    "unwritable": N_("cannot write ({error})"),
    "conflict": N_("the file changed on disk since it was opened; not overwritten"),
    "too_big_to_replace": N_(
        "the file is over {limit} MB; it is not replaced (move it aside by hand)"
    ),
    "busy": N_("another console is saving this file; try again in a moment"),
    "read_only": N_("editing is locked by the managed policy ({manager})"),
    "published": N_(
        "the configuration is published at {url}; it is changed where it is published "
        "(the supervisor's own means), not on this machine"
    ),
    "signature_unreadable": N_("cannot read the signature {file} ({error})"),
    "unsigned_save": N_("the managed policy requires signed configuration files; sign it to save"),
}


def signature_path(path: Path) -> Path:
    """Where the detached signature of ``path`` lives: beside the file its links reach."""
    target = resolved(path)
    return target.with_name(target.name + SIGNATURE_SUFFIX)


class ConfigFileError(ConfigInvalid):
    """A configuration file was rejected; knows which file, for the one-line messages."""

    def __init__(self, source: ConfigSource, problems: tuple[Problem, ...] | list[Problem]) -> None:
        super().__init__(problems)
        self.source = source

    def lines(self) -> list[str]:
        if isinstance(self.source, ConfigUrl):  # checked when parsed: no control characters
            return self.render(self.source.url)
        return self.render(printable_path(self.source))


class ConfigFileMissing(ConfigFileError):
    """The file does not exist (for a file that was named explicitly, that is an error)."""


class ConfigConflict(ConfigFileError):
    """Someone else changed the file since we read it: saving would lose their edit."""


@dataclass(frozen=True)
class LoadedConfig:
    config: Config
    source: ConfigSource  # a file, or the https:// address it was downloaded from
    is_default: bool
    raw: bytes
    signer: Signer | None = None  # who signed it, when a signature was verified
    minisig: bytes | None = None  # the signature file's bytes, when one was read

    @property
    def digest(self) -> str:
        """Identity of the bytes read; compared before saving (mtimes lie on shares)."""
        return file_digest(self.raw)


def file_digest(data: bytes) -> str:
    return sha256_hex(data)


def config_to_bytes(config: Config) -> bytes:
    return (json.dumps(config_to_document(config), ensure_ascii=False, indent=2) + "\n").encode()


# The one boundary between "a file was loaded" and "a library raised something nobody expected"
# (kept apart from the rest of this module on purpose: it is all there is to it).
_UNEXPECTED: Final[str] = N_("could not be loaded ({error})")
_DETAIL_CHARS: Final = 160
_P = ParamSpec("_P")


def load_failure(path: ConfigSource, exc: Exception, *, lang: str = "es") -> ConfigFileError:
    """An unexpected exception while loading ``path`` (or evaluating what it holds) as one
    located line; the traceback goes to the log for IT, never to the person at the desk."""
    logging.getLogger(__name__).error("%s: could not be loaded", path, exc_info=exc)
    error = failure_detail(exc)
    return ConfigFileError(path, [Problem(tr(lang, _UNEXPECTED, error=error))])


def failure_detail(exc: BaseException) -> str:
    """``Type: message`` on one short line, for a problem line or a banner."""
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())
    if len(detail) > _DETAIL_CHARS:
        detail = detail[: _DETAIL_CHARS - 1] + "…"
    return detail


def _every_failure_located(
    read: Callable[Concatenate[ConfigStore, Path, _P], LoadedConfig],
) -> Callable[Concatenate[ConfigStore, Path, _P], LoadedConfig]:
    """``ConfigStore.read`` either returns a configuration or raises ``ConfigFileError``:
    whatever else a reader, parser or validator raises becomes :func:`load_failure`."""

    @functools.wraps(read)
    def located(
        store: ConfigStore, path: Path, /, *args: _P.args, **kwargs: _P.kwargs
    ) -> LoadedConfig:
        try:
            return read(store, path, *args, **kwargs)
        except ConfigFileError:
            raise
        except Exception as exc:  # the boundary: any other failure is located
            raise load_failure(path, exc, lang=store.lang) from exc

    return located


class ConfigStore:
    """One active file, its backups, and the embedded default behind it.

    ``path`` is the file as named (and as messages name it); when it is a link, the lock, the
    backups and the temp files belong to its target (``target``), decided at each use.
    ``backup_dir`` None means ``backups/`` beside that target. ``managed_path`` is the file
    IT's policy names (when ``--config`` chose another one): writing onto it is guarded too.
    ``explicit``: the path was named (``--config``, ``CANALES_CONFIG``, the policy), so its
    absence is an error (``ConfigFileMissing`` from ``load``); only the per-user default
    location falls back to the embedded default (DESIGN.md, "Command-line contract").
    ``published_at``: the configuration is fetched from that URL; ``path`` is then its offline
    copy in the user cache, and nothing is ever saved onto it (import and save are refused).
    """

    def __init__(
        self,
        path: Path,
        backup_dir: Path | None,
        default_path: Path,
        *,
        lang: str = "es",
        holiday_countries: Callable[[], frozenset[str]] | None = None,
        locked_by: str | None = None,
        managed_path: Path | None = None,
        explicit: bool = False,
        published_at: ConfigUrl | None = None,
        signatures: SignaturePolicy | None = None,
    ) -> None:
        self.path = path
        self.published_at = published_at
        self.managed_path = managed_path
        self.explicit = explicit
        self._backup_dir = backup_dir
        self.default_path = default_path
        self.lang = lang
        self._holiday_countries = holiday_countries
        self.locked_by = locked_by
        self.signatures = signatures

    @property
    def target(self) -> Path:
        """The file that is read and replaced: ``path`` with its links followed."""
        return resolved(self.path)

    @property
    def backup_dir(self) -> Path:
        return self._backup_dir or self.target.parent / "backups"

    @property
    def read_only(self) -> bool:
        """A managed policy locks editing; ``locked_by`` says who to ask. A published
        configuration is read-only too."""
        return self.locked_by is not None or self.published_at is not None

    def clean_up_interrupted_saves(self, older_than: dt.datetime) -> list[Path]:
        """Leftover temp files of a save that was killed half-way, beside the file and among
        its backups; the files themselves are intact.

        Only files older than ``older_than``: another console may be saving right now.
        """
        removed = remove_stale_temp_files(self.target.parent, older_than=older_than)
        return removed + remove_stale_temp_files(self.backup_dir, older_than=older_than)

    def load(self) -> LoadedConfig:
        """The active file, or the embedded default when the per-user file does not exist
        yet. A named (``explicit``) file that does not exist raises ``ConfigFileMissing``."""
        try:
            return self.read(self.path)
        except ConfigFileMissing:
            if self.explicit:
                raise
        return self.read(self.default_path, is_default=True)

    @_every_failure_located
    def read(
        self, path: Path, *, is_default: bool = False, verify_signature: bool = True
    ) -> LoadedConfig:
        """``path`` loaded and validated, its signature checked by the policy's rule
        (``verify_signature`` False: only for ``config sign``, which makes one)."""
        raw = self._read_bytes(path)
        if is_default or not verify_signature:  # the embedded default: nothing to verify
            return LoadedConfig(self._validate(path, raw), path, is_default, raw)
        minisig = self._read_signature(path) if self._checks_signatures else None
        signer = self._check_signature(path, raw, minisig)
        return LoadedConfig(self._validate(path, raw), path, is_default, raw, signer, minisig)

    @property
    def _checks_signatures(self) -> bool:
        policy = self.signatures
        return policy is not None and (policy.require_signature or bool(policy.trusted_keys))

    @property
    def requires_signature(self) -> bool:
        """Saving needs a signature by a trusted key (the settings dialog signs)."""
        return self.signatures is not None and self.signatures.require_signature

    def _check_signature(
        self, path: ConfigSource, raw: bytes, minisig: bytes | None
    ) -> Signer | None:
        try:
            return check_signature(raw, minisig, self.signatures)
        except SignatureProblem as exc:
            if isinstance(path, ConfigUrl):  # named as published: the address beside it
                name = path.sibling(SIGNATURE_SUFFIX).url
            else:
                name = printable_path(Path(signature_path(path).name))
            message = exc.named(name).message(self.lang)
            raise ConfigFileError(path, [Problem(message)]) from None

    def _read_signature(self, path: Path) -> bytes | None:
        """The bytes of ``path``'s signature (None: there is none), by the hardened reader;
        one byte over the limit is enough for the parser to call it too big."""
        side = signature_path(path)
        try:
            return read_regular_file(side, MAX_SIGNATURE_BYTES)
        except OSError as exc:
            detail = describe_os_error(exc, self.lang)
            name = printable_path(Path(side.name))
            text = tr(self.lang, _MESSAGES["signature_unreadable"], file=name, error=detail)
            raise ConfigFileError(path, [Problem(text)]) from None

    @property
    def wants_signatures(self) -> bool:
        """Whether a signature is looked for at all (trusted keys, or one is required)."""
        return self._checks_signatures

    def from_bytes(
        self, source: ConfigSource, raw: bytes, minisig: bytes | None = None
    ) -> LoadedConfig:
        """Bytes that came from elsewhere (a download, its offline copy) with their signature
        (``minisig``, None: none published), under exactly the rules of a file — the policy's
        signature rule, then validation; every failure is a ``ConfigFileError`` naming
        ``source``."""
        try:
            signer = self._check_signature(source, raw, minisig)
            config = self._validate(source, raw)
            return LoadedConfig(config, source, False, raw, signer, minisig)
        except ConfigFileError:
            raise
        except Exception as exc:  # the boundary, as for ``read``
            raise load_failure(source, exc, lang=self.lang) from exc

    def _validate(self, path: ConfigSource, raw: bytes) -> Config:
        try:
            document = parse_json_document(raw, lang=self.lang)
            countries = self._holiday_countries() if self._holiday_countries else None
            config = config_from_document(document, lang=self.lang, holiday_countries=countries)
        except ConfigInvalid as exc:
            raise ConfigFileError(path, exc.problems) from None
        return config

    def import_file(self, source: Path, stamp: dt.datetime) -> Path | None:
        """Validate ``source`` and make it the active file; returns the backup of the old one.

        The bytes written are the bytes read and validated, byte for byte: nothing between
        the check and the write (a cache, a re-serialisation) can change what lands."""
        self._refuse_if_read_only()  # before the source is even read
        loaded = self.read(source)
        minisig = loaded.minisig if self._checks_signatures else self._read_signature(source)
        self._refuse_unsigned(minisig)
        with self._locked(self.path):
            return self._replace(self.path, loaded.raw, stamp, minisig)

    def export(
        self, destination: Path, *, stamp: dt.datetime, loaded: LoadedConfig | None = None
    ) -> Path | None:
        """Write the active (or default) configuration's bytes, as read and validated, to
        ``destination``.

        Onto the active file or the managed one (however named) an export replaces what
        every console reads, so it is a save like ``import``: refused when the policy locks
        editing, otherwise under the lock, with a backup (returned), atomically; onto the
        active file also refused when it changed since it was read. Elsewhere: a plain
        atomic write, returning None.
        """
        loaded = loaded or self.load()
        data = loaded.raw
        if self.published_at is not None:  # the offline copy: never written by an export
            if same_file(destination, self.path):
                self._refuse_if_read_only(destination)
            self._write(destination, data, loaded.minisig)  # the signature as a pair
            return None
        minisig = loaded.minisig
        checked = self._checks_signatures
        if (
            minisig is None
            and not loaded.is_default
            and not checked
            and isinstance(loaded.source, Path)
        ):
            minisig = self._read_signature(loaded.source)  # copied as it is
        onto_active = same_file(destination, self.path)
        if not onto_active and not (
            self.managed_path is not None and same_file(destination, self.managed_path)
        ):
            self._write(destination, data, minisig)
            return None
        self._refuse_unsigned(minisig)
        self._refuse_if_read_only(destination)
        with self._locked(destination):
            if onto_active:
                current = self._current_bytes(destination)
                if current != (None if loaded.is_default else loaded.raw):
                    raise self._conflict(destination)
            return self._replace(destination, data, stamp, minisig)

    def save(
        self,
        config: Config,
        *,
        expected_digest: str | None,
        stamp: dt.datetime,
        sign: Callable[[bytes], bytes] | None = None,
    ) -> LoadedConfig:
        """Save unless the file changed since it was read (None: it did not exist then).

        The check and the replace happen under an inter-process lock: without it two consoles
        could both pass the check and the second would silently overwrite the first.
        ``sign`` makes the ``.minisig`` of the bytes to write (before anything is written: a
        wrong password writes nothing); it is verified like any file read, and required when
        the policy requires signatures. Without it an old signature is removed.
        """
        data = config_to_bytes(config)
        minisig = None if sign is None else sign(data)
        self._refuse_unsigned(minisig)
        signer = None if minisig is None else self._check_signature(self.path, data, minisig)
        if expected_digest is not None and not self.target.parent.is_dir():
            # The file that was read went away with its folder (a lost share): report it as
            # changed rather than let the lock re-create the folder locally.
            raise self._conflict(self.path)
        with self._locked(self.path):
            current = self._current_bytes(self.path)
            current_digest = None if current is None else file_digest(current)
            if current_digest != expected_digest:
                raise self._conflict(self.path)
            self._replace(self.path, data, stamp, minisig)
        return LoadedConfig(config, self.path, False, data, signer, minisig)

    @contextmanager
    def _locked(self, path: Path) -> Iterator[None]:
        """Refuse when the policy locks editing; otherwise hold ``path``'s save lock."""
        self._refuse_if_read_only(path)
        with ExitStack() as stack:
            try:
                # The named folder only: a link whose target's folder is gone (a lost share)
                # must fail, not re-create that folder locally.
                path.parent.mkdir(parents=True, exist_ok=True)
                follow_for_writing(path)  # no lock beside a link another user planted
                stack.enter_context(exclusive_lock(path, timeout=LOCK_TIMEOUT_SECONDS))
            except TimeoutError:  # before OSError, its base class
                busy = Problem(tr(self.lang, _MESSAGES["busy"]))
                raise ConfigFileError(path, [busy]) from None
            except OSError as exc:
                raise self._error(path, "unwritable", exc) from None
            yield

    def _refuse_unsigned(self, minisig: bytes | None) -> None:
        if minisig is None and self.requires_signature:
            raise ConfigFileError(self.path, [Problem(tr(self.lang, _MESSAGES["unsigned_save"]))])

    def _refuse_if_read_only(self, path: Path | None = None) -> None:
        if self.published_at is not None:
            message = tr(self.lang, _MESSAGES["published"], url=self.published_at)
            raise ConfigFileError(self.published_at, [Problem(message)])
        if self.locked_by is not None:
            message = tr(self.lang, _MESSAGES["read_only"], manager=self.locked_by)
            raise ConfigFileError(path or self.path, [Problem(message)])

    def _conflict(self, path: Path) -> ConfigConflict:
        return ConfigConflict(path, [Problem(tr(self.lang, _MESSAGES["conflict"]))])

    def _backup_dir_for(self, path: Path) -> Path:
        if same_file(path, self.path):
            return self.backup_dir
        return resolved(path).parent / "backups"

    def _replace(
        self, path: Path, data: bytes, stamp: dt.datetime, minisig: bytes | None
    ) -> Path | None:
        """Under the lock: replace ``path`` with ``data`` (and its signature with
        ``minisig``), keeping a backup of what it held.

        Identical bytes are neither written nor backed up (ten re-imports of one file leave
        the backups as they were). A backup is kept only for a write that happened, and the
        rotation runs only then, so a failed save never pushes an old version out.
        """
        current = self._current_bytes(path)
        if current == data:
            if self._current_signature(path) != minisig:  # the same bytes, signed anew
                self._write(path, data, minisig)
            return None
        backup_dir = self._backup_dir_for(path)
        try:
            backup = copy_to_backups(path, backup_dir, stamp, current)
        except OSError as exc:
            raise self._error(backup_dir, "unwritable", exc) from None
        try:
            self._write(path, data, minisig)
        except BaseException:
            if backup is not None:
                with contextlib.suppress(OSError):
                    backup.unlink()
            raise
        if backup is not None:
            with contextlib.suppress(OSError):  # the save itself succeeded
                prune_backups(path, backup_dir, BACKUPS_KEPT)
        return backup

    def _write(self, path: Path, data: bytes, minisig: bytes | None) -> None:
        """``data`` to ``path`` atomically; with its signature as a pair when there is one
        to write or an old one to remove."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            side = signature_path(path)
            if minisig is None and not side.exists() and not side.is_symlink():
                atomic_write_bytes(path, data)
            else:
                atomic_write_pair(path, data, side, minisig)
        except OSError as exc:
            raise self._error(path, "unwritable", exc) from None

    def _current_signature(self, path: Path) -> bytes | None:
        try:
            return read_regular_file(signature_path(path), MAX_SIGNATURE_BYTES)
        except OSError:
            return b""  # unreadable: not the one we mean to write, so it is rewritten

    def _current_bytes(self, path: Path) -> bytes | None:
        """What ``path`` holds now (None: nothing), through the same reader as a load. A file
        over the size limit is not replaced: its backup would have to be cut short."""
        try:
            data = read_regular_file(path, MAX_CONFIG_BYTES)
        except OSError as exc:
            raise self._error(path, "unreadable", exc) from None
        if data is not None and len(data) > MAX_CONFIG_BYTES:
            limit = MAX_CONFIG_BYTES // 2**20
            problem = Problem(tr(self.lang, _MESSAGES["too_big_to_replace"], limit=limit))
            raise ConfigFileError(path, [problem])
        return data

    def _read_bytes(self, path: Path) -> bytes:
        """The hardened reader's bytes (a FIFO, a device or a folder is refused before any
        read; more than the limit is left to ``parse_json_document`` to report)."""
        try:
            data = read_regular_file(path, MAX_CONFIG_BYTES)
        except OSError as exc:
            raise self._error(path, "unreadable", exc) from None
        if data is None:
            raise ConfigFileMissing(path, [Problem(tr(self.lang, _MESSAGES["missing"]))])
        return data

    def _error(self, path: Path, key: str, exc: OSError) -> ConfigFileError:
        detail = describe_os_error(exc, self.lang)
        return ConfigFileError(path, [Problem(tr(self.lang, _MESSAGES[key], error=detail))])
