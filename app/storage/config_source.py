"""Where the configuration comes from: a file, or an ``https://`` URL — decided in one place.

``--config``, ``CANALES_CONFIG`` and the managed policy's ``config_url`` all pass through
:func:`parse_source`, so a URL is never turned into a ``Path`` (which would collapse its ``//``)
and plain ``http://`` is refused with the same message wherever it is written. This module is
light (no ``ssl``, no ``http.client``): the file path of every start imports it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final
from urllib.parse import urlsplit

from app.domain.texts import N_, tr

_MAX_URL_CHARS: Final = 2048

TEXTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "plain_http": N_(
            "{url}: plain http:// is refused (anyone on the network could change the "
            "configuration); publish it over https:// and use that address"
        ),
        "other_scheme": N_("{url}: only https:// addresses and file paths are accepted"),
        "malformed": N_("{url}: not a valid https:// address ({reason})"),
        "no_host": N_("no server name"),
        "bad_port": N_("the port is not a number from 1 to 65535"),
        "credentials": N_("a user name or password in the address"),
        "bad_chars": N_("spaces or control characters"),
        "too_long": N_("longer than {limit} characters"),
        "fragment": N_("a #fragment"),
    }
)


class SourceError(ValueError):
    """``--config``, ``CANALES_CONFIG`` or the policy names something that is no usable source;
    ``str()`` is the one translated line."""


class ConfigUrl:
    """An ``https://`` address of a published configuration (checked by :func:`parse_url`).

    A plain immutable value class, not a dataclass: this module is on every start's path, and
    generating a dataclass's methods costs more than the rest of it."""

    __slots__ = ("url",)
    url: str

    def __init__(self, url: str) -> None:
        object.__setattr__(self, "url", url)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"ConfigUrl is immutable ({name})")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ConfigUrl) and other.url == self.url

    def __hash__(self) -> int:
        return hash(("ConfigUrl", self.url))

    def __repr__(self) -> str:
        return f"ConfigUrl({self.url!r})"

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def port(self) -> int:
        return urlsplit(self.url).port or 443

    @property
    def target(self) -> str:
        """What the request line asks for: the path and query (``/`` at least)."""
        parts = urlsplit(self.url)
        path = parts.path or "/"
        return f"{path}?{parts.query}" if parts.query else path

    def sibling(self, suffix: str) -> ConfigUrl:
        """The address of a file published beside this one: ``URL.minisig``."""
        parts = urlsplit(self.url)
        return ConfigUrl(parts._replace(path=(parts.path or "/") + suffix).geturl())

    def __str__(self) -> str:
        return self.url


ConfigSource = Path | ConfigUrl


def _scheme(text: str) -> str | None:
    """``https`` of ``https://…`` (lower case); None when ``text`` is not ``scheme://…`` (a
    Windows ``C:\\`` path is not). No regular expression: this runs on every start."""
    head, separator, _rest = text.strip().partition("://")
    if not separator or not head or not head[0].isascii() or not head[0].isalpha():
        return None
    if not all(c.isascii() and (c.isalnum() or c in "+.-") for c in head):
        return None
    return head.lower()


def looks_like_url(text: str) -> bool:
    """``scheme://…``: a URL, to be parsed as one (a Windows ``C:\\`` path is not)."""
    return _scheme(text) is not None


def parse_url(text: str, *, lang: str = "es") -> ConfigUrl:
    """``text`` as an ``https://`` address, or ``SourceError`` naming what is wrong."""
    text = text.strip()
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[:200])
    scheme = _scheme(text) or ""
    if scheme == "http":
        raise SourceError(tr(lang, TEXTS["plain_http"], url=shown))
    if scheme != "https":
        raise SourceError(tr(lang, TEXTS["other_scheme"], url=shown))

    def malformed(key: str, **values: object) -> SourceError:
        reason = tr(lang, TEXTS[key], **values)
        return SourceError(tr(lang, TEXTS["malformed"], url=shown, reason=reason))

    if len(text) > _MAX_URL_CHARS:
        raise malformed("too_long", limit=_MAX_URL_CHARS)
    if any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in text):
        raise malformed("bad_chars")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise malformed("bad_port") from None
    if port == 0:
        raise malformed("bad_port")
    if not parts.hostname:
        raise malformed("no_host")
    if parts.username is not None or parts.password is not None:
        raise malformed("credentials")
    if parts.fragment:
        raise malformed("fragment")
    return ConfigUrl(parts._replace(scheme="https").geturl())


def parse_source(text: str, *, lang: str = "es") -> ConfigSource:
    """A path (``~`` expanded) or an ``https://`` URL; ``SourceError`` for any other URL."""
    if looks_like_url(text):
        return parse_url(text, lang=lang)
    return Path(text).expanduser()
