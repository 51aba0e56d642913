"""The managed policy IT may install machine-wide (``AppPaths.policy_file``, in
platformdirs' ``site_config_dir``): point every console at a shared configuration and lock
editing, saying who manages it::

    {"config_path": "//srv/soporte/canales/config.json",
     "read_only": true,
     "managed_by": "Mesa de ayuda TI — ext. 1234"}

or, for consoles that reach no share (home, another site), a configuration published over
HTTPS, fetched every ``refresh_minutes`` (default 5)::

    {"config_url": "https://intranet.example.com/canales/config.json", "refresh_minutes": 5}

Signatures (``app.storage.minisign``): ``trusted_keys`` lists minisign public keys (the
base64 line, or a whole ``minisign.pub``), ``require_signature`` refuses any configuration file
without a valid ``FILE.minisig`` by one of them::

    {"config_path": "//srv/soporte/canales/config.json",
     "trusted_keys": ["RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3"],
     "require_signature": true}

Requiring signatures without a key is a policy problem. A broken policy that mentions
``require_signature`` still requires them (with whichever of its keys are readable): as for
``read_only``, a typo must not switch the check off.

Precedence (``app.bootstrap.active_config_path``): ``--config`` over ``CANALES_CONFIG`` over
the policy's ``config_path`` over the per-user file. IT's policy beats the per-user default;
an explicit path is a deliberate choice by whoever runs the command, but ``read_only`` still
applies to it. A policy file that exists but is broken locks editing (``read_policy``): IT
meant to manage this machine, so a typo must not unlock it.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, ClassVar, Final

from app.domain.problems import ConfigInvalid, Problem
from app.domain.rules import STRICT, Bounds, Check, Length, custom_error
from app.domain.texts import N_, tr
from app.storage.config_source import ConfigUrl, SourceError, parse_url
from app.storage.jsontext import read_model_file
from app.storage.minisign import KeyProblem, PublicKey, parse_public_key
from app.storage.safe_files import read_regular_file

_MAX_POLICY_BYTES: Final = 64 * 1024
# C0/C1 controls and DEL; line and paragraph separators.
_CONTROL_CATEGORIES: Final = frozenset({"Cc", "Zl", "Zp"})

_TEXTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "unreadable": N_("cannot read the policy ({error})"),
        "too_big": N_("the policy is too big"),
        "not_object": N_("must be an object {{...}}"),
        "two_sources": N_("config_path and config_url cannot both be set; keep one"),
        "no_trusted_key": N_("requiring signatures needs at least one key in trusted_keys"),
    }
)
DEFAULT_REFRESH_MINUTES: Final = 5


class PolicyError(ConfigInvalid):
    """The policy file exists but cannot be used; knows which file, for one-line messages."""

    def __init__(self, source: Path, problems: tuple[Problem, ...] | list[Problem]) -> None:
        super().__init__(problems)
        self.source = source

    def lines(self) -> list[str]:
        return self.render(str(self.source))


def _absolute(value: str) -> str:
    # A control character (a NUL above all: every open() of it raises ValueError) is never
    # part of a real path, and would break the one-line messages that name the file.
    if any(unicodedata.category(char) in _CONTROL_CATEGORIES for char in value):
        raise custom_error("path_control_character", "control character in a path")
    # A relative path would depend on each console's working directory.
    if not Path(value).expanduser().is_absolute():
        raise custom_error("not_absolute", "not an absolute path", value=value)
    return value


def _https_url(value: str) -> str:
    if value.strip().lower().startswith("http://"):
        raise custom_error("url_plain_http", "plain http is refused")
    try:
        return parse_url(value).url
    except SourceError:
        raise custom_error("url_invalid", "not an https URL", value=value) from None


def _minisign_key(value: str) -> str:
    try:
        parse_public_key(value)
    except KeyProblem:
        raise custom_error("minisign_key", "not a minisign public key") from None
    return value


@dataclass(frozen=True, kw_only=True)
class _PolicyDocument:
    __pydantic_config__: ClassVar = {"extra": "forbid", "str_strip_whitespace": True}

    config_path: Annotated[str, STRICT, Length(min_length=1), Check(_absolute)] | None = None
    read_only: Annotated[bool, STRICT] = False
    managed_by: Annotated[str, STRICT, Length(min_length=1, max_length=200)] | None = None
    config_url: Annotated[str, STRICT, Length(min_length=1), Check(_https_url)] | None = None
    refresh_minutes: Annotated[int, STRICT, Bounds(ge=1, le=24 * 60)] = DEFAULT_REFRESH_MINUTES
    trusted_keys: Annotated[
        list[Annotated[str, STRICT, Check(_minisign_key)]], Length(max_length=50)
    ] = field(default_factory=list)
    require_signature: Annotated[bool, STRICT] = False


@dataclass(frozen=True)
class Policy:
    """What the policy decides. ``problems`` is non-empty for a broken file, which locks."""

    source: Path
    config_path: Path | None = None
    read_only: bool = False
    managed_by: str | None = None
    problems: tuple[str, ...] = ()
    config_url: ConfigUrl | None = None
    refresh_minutes: int = DEFAULT_REFRESH_MINUTES
    trusted_keys: tuple[PublicKey, ...] = ()
    require_signature: bool = False

    @property
    def manager(self) -> str:
        """Who to ask: the named manager, else the policy file itself."""
        return self.managed_by or str(self.source)


def load_policy(path: Path, *, lang: str = "es") -> Policy | None:
    """The policy at ``path``; None when there is none; ``PolicyError`` when it is unusable."""
    try:
        parsed = read_model_file(
            path, _PolicyDocument, max_bytes=_MAX_POLICY_BYTES, texts=_TEXTS, lang=lang
        )
    except ConfigInvalid as exc:
        raise PolicyError(path, exc.problems) from None
    if parsed is None:
        return None
    if parsed.require_signature and not parsed.trusted_keys:
        message = tr(lang, _TEXTS["no_trusted_key"])
        raise PolicyError(path, [Problem(message, path="require_signature")])
    config_path = Path(parsed.config_path).expanduser() if parsed.config_path else None
    if config_path is not None and parsed.config_url is not None:
        raise PolicyError(path, [Problem(tr(lang, _TEXTS["two_sources"]))])
    config_url = ConfigUrl(parsed.config_url) if parsed.config_url else None
    keys = tuple(parse_public_key(key) for key in parsed.trusted_keys)
    return Policy(
        path,
        config_path,
        parsed.read_only,
        parsed.managed_by,
        config_url=config_url,
        refresh_minutes=parsed.refresh_minutes,
        trusted_keys=keys,
        require_signature=parsed.require_signature,
    )


def read_policy(path: Path, *, lang: str = "es") -> Policy | None:
    """Like ``load_policy`` but never raises: a broken policy becomes a read-only one that
    carries its error lines, so the console still starts and says why editing is locked."""
    try:
        return load_policy(path, lang=lang)
    except PolicyError as exc:
        required, keys = _signature_intent(path)
        return Policy(
            path,
            read_only=True,
            problems=tuple(exc.lines()),
            trusted_keys=keys,
            require_signature=required,
        )


def _signature_intent(path: Path) -> tuple[bool, tuple[PublicKey, ...]]:
    """Of a broken policy: whether it meant to require signatures (it names
    ``require_signature`` at all, unless it plainly says false), and its readable keys."""
    try:
        raw = read_regular_file(path, _MAX_POLICY_BYTES) or b""
    except OSError:
        return False, ()
    text = raw[:_MAX_POLICY_BYTES].decode("utf-8", "replace")
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        document = None
    if not isinstance(document, dict):
        return "require_signature" in text, ()
    entries = document.get("trusted_keys")
    keys: list[PublicKey] = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            keys.append(parse_public_key(entry if isinstance(entry, str) else ""))
        except KeyProblem:
            continue
    required = "require_signature" in document and document["require_signature"] is not False
    return required, tuple(keys)
