"""Fetching a configuration published on an HTTPS server: one GET, bounded in every way.

- **Conditional**: the cached copy's ``ETag`` and ``Last-Modified`` go out as ``If-None-Match``
  and ``If-Modified-Since``; a ``304`` carries no body, so it costs no parsing and no validation.
- **Bounded**: connecting (TCP and the TLS handshake) within ``Timeouts.connect`` (5 s), the
  whole exchange within ``Timeouts.total`` (15 s) — each read is given only the time left, so a
  server that drips one byte a second is cut off at the deadline, not after each byte — and at
  most ``MAX_CONFIG_BYTES`` (5 MB) read, counted while streaming (a ``Content-Length`` over
  the limit is refused before the body is read).
- **Redirects** only to ``https://`` (a redirect to plain ``http://`` is refused, never
  followed), at most five.
- **Proxies** from the system: ``urllib.request.getproxies()`` (the environment everywhere, and
  the registry on Windows; ``no_proxy`` / the registry's bypass list honoured), through a
  ``CONNECT`` tunnel, so TLS is end to end.
- **Trust** from the operating system's store (``truststore``), so a corporate CA that IT
  installed on the machine works; the context comes from an injectable factory (tests trust
  their own CA through it).

Nothing here runs on the GUI thread: the console calls it from a worker, the CLI directly. This
module imports ``ssl`` and ``http.client``; only a URL source imports it.
"""

from __future__ import annotations

import base64
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from app import __version__
from app.domain.texts import N_, tr
from app.storage.config_source import ConfigUrl, SourceError, parse_url
from app.storage.jsontext import MAX_CONFIG_BYTES

if TYPE_CHECKING:  # imported where a fetch happens: the types here are light for the core
    import http.client
    import ssl

MAX_REDIRECTS: Final = 5
_CHUNK: Final = 64 * 1024
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_DETAIL_CHARS: Final = 120

_TEXTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "unreachable": N_("the server cannot be reached ({detail})"),
        "timeout": N_("the server did not answer within {seconds} s"),
        "certificate": N_("the server's certificate is not trusted ({detail})"),
        "tls": N_("the secure connection failed ({detail})"),
        "status": N_("the server answered {status} {reason}"),
        "too_big": N_("the configuration is over {limit} MB; it was not downloaded"),
        "insecure_redirect": N_("redirected to {target}, which is not https://; not followed"),
        "bad_redirect": N_("redirected without a valid address ({target})"),
        "too_many_redirects": N_("more than {limit} redirects"),
        "protocol": N_("the server's answer is not valid HTTP ({detail})"),
    }
)


@dataclass(frozen=True)
class Timeouts:
    """Seconds: ``connect`` bounds the TCP connect and the TLS handshake, ``total`` the whole
    fetch (redirects included). Tests shrink them so a timeout test takes a second."""

    connect: float = 5.0
    total: float = 15.0


@dataclass(frozen=True)
class Validators:
    """What the cache knows about its copy, sent back as conditional headers."""

    etag: str | None = None
    last_modified: str | None = None

    @property
    def any(self) -> bool:
        return self.etag is not None or self.last_modified is not None


@dataclass(frozen=True)
class Fetched:
    """The server's answer: ``body`` None means ``304 Not Modified`` (the copy is current)."""

    url: ConfigUrl
    body: bytes | None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.body is None


class FetchProblem(Exception):
    """The fetch failed; ``kind`` is one of the keys of the phrases above, ``status`` the HTTP
    status when the server answered with an error."""

    def __init__(self, url: ConfigUrl, kind: str, status: int | None = None, **values: object):
        super().__init__(f"{url}: {kind} {status or ''} {values}".strip())
        self.url = url
        self.kind = kind
        self.status = status
        self.values = values

    @property
    def server_answered(self) -> bool:
        """The server is there (an HTTP error, an oversize body…), as opposed to unreachable."""
        return self.kind in ("status", "too_big", "insecure_redirect", "bad_redirect", "protocol")

    def reason(self, lang: str) -> str:
        """What went wrong, without the address: for a banner that names it elsewhere."""
        return tr(lang, _TEXTS[self.kind], status=self.status, **self.values)

    def message(self, lang: str) -> str:
        """``URL: reason``: one line for the CLI."""
        return f"{self.url}: {self.reason(lang)}"


ContextFactory = Callable[[], "ssl.SSLContext"]


def system_trust_context() -> ssl.SSLContext:
    """The operating system's trust store (Windows and macOS: their verifiers; Linux: the
    distribution's CA bundle through OpenSSL), so corporate CAs installed by IT are trusted."""
    import ssl  # noqa: PLC0415 - only a URL source needs it

    import truststore  # noqa: PLC0415

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


@dataclass(frozen=True)
class Proxy:
    host: str
    port: int
    headers: Mapping[str, str]


def proxy_for(url: ConfigUrl, proxies: Mapping[str, str] | None = None) -> Proxy | None:
    """The system's HTTPS proxy for ``url`` (None: connect directly). ``proxies`` None asks
    the system (environment, Windows registry, macOS settings) and its bypass list."""
    import urllib.request  # noqa: PLC0415 - heavy (http.client, email): a URL source only

    if proxies is None:
        proxies = urllib.request.getproxies()
        bypass = urllib.request.proxy_bypass(url.host)
    else:
        bypass = urllib.request.proxy_bypass_environment(url.host, dict(proxies))  # type: ignore[attr-defined]
    address = proxies.get("https")
    if not address or bypass:
        return None
    if "://" not in address:
        address = "http://" + address
    parts = urllib.parse.urlsplit(address)
    if not parts.hostname:
        return None
    headers: dict[str, str] = {}
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        password = urllib.parse.unquote(parts.password or "")
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        headers["Proxy-Authorization"] = f"Basic {token}"
    return Proxy(parts.hostname, parts.port or 8080, headers)


def _detail(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= _DETAIL_CHARS else text[: _DETAIL_CHARS - 1] + "…"


class _Deadline:
    def __init__(self, seconds: float, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._end = clock() + seconds

    def left(self) -> float:
        """Seconds left; ``TimeoutError`` when none are."""
        left = self._end - self._clock()
        if left <= 0:
            raise TimeoutError("deadline")
        return left


class RemoteSource:
    """One published configuration: its address, how to trust its server, and the limits.

    The TLS context is made once, on the first fetch (loading a trust store is the slow part of
    a first connection), and shared by every later fetch from any thread."""

    def __init__(
        self,
        url: ConfigUrl,
        *,
        context_factory: ContextFactory = system_trust_context,
        timeouts: Timeouts = Timeouts(),
        max_bytes: int = MAX_CONFIG_BYTES,
        proxies: Mapping[str, str] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url
        self.timeouts = timeouts
        self.max_bytes = max_bytes
        self._context_factory = context_factory
        self._context: ssl.SSLContext | None = None
        self._lock = threading.Lock()
        self._proxies = proxies
        self._monotonic = monotonic

    def context(self) -> ssl.SSLContext:
        with self._lock:
            if self._context is None:
                self._context = self._context_factory()
            return self._context

    def fetch(self, validators: Validators = Validators(), url: ConfigUrl | None = None) -> Fetched:
        """GET ``url`` (default: the configuration) conditionally; ``FetchProblem`` on any
        failure, worded for the person reading it."""
        import http.client  # noqa: PLC0415 - see the module's note
        import ssl  # noqa: PLC0415

        asked = url or self.url
        deadline = _Deadline(self.timeouts.total, self._monotonic)
        current = asked
        try:
            for _hop in range(MAX_REDIRECTS + 1):
                answer = self._get(current, validators, deadline)
                if isinstance(answer, Fetched):
                    return Fetched(asked, answer.body, answer.etag, answer.last_modified)
                current = answer
        except FetchProblem:
            raise
        except TimeoutError:  # socket.timeout is TimeoutError since 3.10
            seconds = f"{self.timeouts.total:g}"
            raise FetchProblem(asked, "timeout", seconds=seconds) from None
        except ssl.SSLCertVerificationError as exc:
            detail = exc.verify_message or _detail(exc)
            raise FetchProblem(asked, "certificate", detail=detail) from None
        except ssl.SSLError as exc:
            raise FetchProblem(asked, "tls", detail=_detail(exc)) from None
        except http.client.HTTPException as exc:
            if isinstance(exc, http.client.IncompleteRead | http.client.RemoteDisconnected):
                raise FetchProblem(asked, "unreachable", detail=_detail(exc)) from None
            raise FetchProblem(asked, "protocol", detail=_detail(exc)) from None
        except (OSError, ValueError) as exc:  # refused, reset, no route, no such host…
            raise FetchProblem(asked, "unreachable", detail=_detail(exc)) from None
        raise FetchProblem(asked, "too_many_redirects", limit=MAX_REDIRECTS)

    def _get(
        self, url: ConfigUrl, validators: Validators, deadline: _Deadline
    ) -> Fetched | ConfigUrl:
        """One request: the answer, or where it redirects to."""
        connection = self._connect(url, deadline)
        try:
            headers = {
                "Host": url.host if url.port == 443 else f"{url.host}:{url.port}",
                "User-Agent": f"Canales/{__version__}",
                "Accept": "application/json, application/octet-stream;q=0.9, */*;q=0.1",
                "Accept-Encoding": "identity",
                "Connection": "close",
            }
            if validators.etag is not None:
                headers["If-None-Match"] = validators.etag
            if validators.last_modified is not None:
                headers["If-Modified-Since"] = validators.last_modified
            connection.putrequest("GET", url.target, skip_host=True, skip_accept_encoding=True)
            for name, value in headers.items():
                connection.putheader(name, value)
            connection.endheaders()
            self._set_timeout(connection, deadline)
            response = connection.getresponse()
            return self._answer(url, response, connection, deadline)
        finally:
            connection.close()

    def _connect(self, url: ConfigUrl, deadline: _Deadline) -> http.client.HTTPSConnection:
        import http.client  # noqa: PLC0415

        timeout = min(self.timeouts.connect, deadline.left())
        proxy = proxy_for(url, self._proxies)
        context = self.context()
        if proxy is None:
            connection = http.client.HTTPSConnection(
                url.host, url.port, timeout=timeout, context=context
            )
        else:
            connection = http.client.HTTPSConnection(
                proxy.host, proxy.port, timeout=timeout, context=context
            )
            connection.set_tunnel(url.host, url.port, headers=dict(proxy.headers))
        try:
            connection.connect()
        except BaseException:
            connection.close()
            raise
        return connection

    @staticmethod
    def _set_timeout(connection: http.client.HTTPSConnection, deadline: _Deadline) -> None:
        sock = connection.sock
        if sock is not None:
            sock.settimeout(deadline.left())

    def _answer(
        self,
        url: ConfigUrl,
        response: http.client.HTTPResponse,
        connection: http.client.HTTPSConnection,
        deadline: _Deadline,
    ) -> Fetched | ConfigUrl:
        status = response.status
        etag = response.getheader("ETag")
        last_modified = response.getheader("Last-Modified")
        if status == 304:
            return Fetched(url, None, etag, last_modified)
        if status in _REDIRECTS:
            return self._redirect(url, response.getheader("Location"))
        if status != 200:
            reason = " ".join((response.reason or "").split())[:60]
            raise FetchProblem(url, "status", status, reason=reason)
        limit_mb = self.max_bytes // 2**20
        length = response.getheader("Content-Length")
        if length is not None and length.strip().isdigit() and int(length) > self.max_bytes:
            raise FetchProblem(url, "too_big", limit=limit_mb)
        body = bytearray()
        while True:
            self._set_timeout(connection, deadline)
            chunk = response.read1(_CHUNK)
            if not chunk:
                break
            body += chunk
            if len(body) > self.max_bytes:
                raise FetchProblem(url, "too_big", limit=limit_mb)
            deadline.left()  # a slow drip is cut at the deadline, not after each byte
        return Fetched(url, bytes(body), etag, last_modified)

    @staticmethod
    def _redirect(url: ConfigUrl, location: str | None) -> ConfigUrl:
        if not location:
            raise FetchProblem(url, "bad_redirect", target="")
        target = urllib.parse.urljoin(url.url, location.strip())
        scheme = urllib.parse.urlsplit(target).scheme.lower()
        shown = target[:200]
        if scheme != "https":
            raise FetchProblem(url, "insecure_redirect", target=shown)
        try:
            return parse_url(target)
        except SourceError:
            raise FetchProblem(url, "bad_redirect", target=shown) from None
