"""A real HTTPS server on 127.0.0.1 for the tests and the scale benchmark (``http.server`` +
``ssl``, certificates from ``trustme``), whose behaviour each test sets: the body it publishes
(with a strong ``ETag`` and ``Last-Modified``), an HTTP error, a redirect, a slow drip, an
oversize body, a connection that is accepted and never answered. It counts requests,
conditional requests and the bytes it sends, and can go away and come back on the same port.
"""

from __future__ import annotations

import email.utils
import hashlib
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import trustme
import truststore

LAST_MODIFIED = email.utils.formatdate(1_764_403_200, usegmt=True)  # 2025-11-29 08:00 UTC


@dataclass
class Logged:
    path: str
    headers: dict[str, str]
    status: int


@dataclass
class Behaviour:
    """What the server does with the next requests (changed by tests at any time)."""

    bodies: dict[str, bytes] = field(default_factory=dict)  # path -> published bytes
    status: int | None = None  # answer every request with this status instead
    redirect: str | None = None  # Location for a 302 on every request
    drip_seconds: float | None = None  # send the body one byte per this many seconds
    claimed_length: int | None = None  # a Content-Length header other than the body's
    stall: bool = False  # send nothing at all after reading the request
    send_length: bool = True  # False: no Content-Length, the body ends when the server closes


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        self.request.settimeout(10)
        try:
            self.request.do_handshake()
        except (OSError, ssl.SSLError):
            self.handshake_failed = True
        else:
            self.handshake_failed = False
        super().setup()
        self.wfile = _Counting(self.wfile, self.server.owner)  # type: ignore[assignment]

    def handle(self) -> None:
        if not self.handshake_failed:
            super().handle()

    def do_GET(self) -> None:
        self.server.owner.answer(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Counting:
    def __init__(self, raw: Any, owner: ConfigServer) -> None:
        self._raw = raw
        self._owner = owner

    def write(self, data: bytes) -> int:
        self._owner.count_bytes(len(data))
        return int(self._raw.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 512

    def __init__(self, address: tuple[str, int], context: ssl.SSLContext, owner: ConfigServer):
        self.context = context
        self.owner = owner
        super().__init__(address, _Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = super().get_request()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as web servers do
        wrapped = self.context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return wrapped, address


class LocalCA:
    """One trustme CA, a server certificate for 127.0.0.1 and localhost, and the client
    contexts that trust it (``truststore``'s, as in production, with this CA added)."""

    def __init__(self) -> None:
        self.ca = trustme.CA()
        self.cert = self.ca.issue_cert("127.0.0.1", "localhost")

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.cert.configure_cert(context)
        return context

    def client_context(self) -> ssl.SSLContext:
        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.ca.configure_trust(context)
        return context

    def write_pem(self, path: Any) -> None:
        self.ca.cert_pem.write_to_path(str(path))


class ConfigServer:
    """The server; ``url(path)`` is its address for ``path``."""

    def __init__(self, ca: LocalCA, host: str = "127.0.0.1") -> None:
        self.ca = ca
        self.host = host
        self.port = 0
        self.behaviour = Behaviour()
        self.log: list[Logged] = []
        self.bytes_sent = 0
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.on_request: Callable[[Logged], None] | None = None

    # life ----------------------------------------------------------------------------------

    def start(self) -> ConfigServer:
        self._server = _Server((self.host, self.port), self.ca.server_context(), self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Gone: connections to the port are refused until ``start`` (same port)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def url(self, path: str = "/config.json") -> str:
        return f"https://{self.host}:{self.port}{path}"

    # content -------------------------------------------------------------------------------

    def publish(self, body: bytes, path: str = "/config.json") -> None:
        self.behaviour.bodies[path] = body

    @staticmethod
    def etag_of(body: bytes) -> str:
        return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'

    def count_bytes(self, n: int) -> None:
        with self._lock:
            self.bytes_sent += n

    @property
    def requests(self) -> list[Logged]:
        with self._lock:
            return list(self.log)

    def answer(self, handler: _Handler) -> None:
        b = self.behaviour
        headers = {k.lower(): v for k, v in handler.headers.items()}
        path = handler.path

        def logged(status: int) -> None:
            entry = Logged(path, headers, status)
            with self._lock:
                self.log.append(entry)
            if self.on_request is not None:
                self.on_request(entry)

        if b.stall:
            logged(0)
            time.sleep(30)
            return
        if b.redirect is not None:
            logged(302)
            self._send(handler, 302, b"", {"Location": b.redirect})
            return
        if b.status is not None:
            logged(b.status)
            self._send(handler, b.status, b"error\n", {})
            return
        body = b.bodies.get(path)
        if body is None:
            logged(404)
            self._send(handler, 404, b"not found\n", {})
            return
        etag = self.etag_of(body)
        if headers.get("if-none-match") == etag:
            logged(304)
            self._send(handler, 304, b"", {"ETag": etag, "Last-Modified": LAST_MODIFIED})
            return
        logged(200)
        extra = {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Content-Type": "application/json"}
        if b.drip_seconds is not None:
            self._drip(handler, body, extra, b.drip_seconds)
            return
        self._send(handler, 200, body, extra, claimed=b.claimed_length, length=b.send_length)

    @staticmethod
    def _send(
        handler: _Handler,
        status: int,
        body: bytes,
        extra: dict[str, str],
        claimed: int | None = None,
        length: bool = True,
    ) -> None:
        handler.send_response(status)
        for name, value in extra.items():
            handler.send_header(name, value)
        if status != 304:
            handler.send_header(
                "Content-Length", str(claimed if claimed is not None else len(body))
            )
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        try:
            if status != 304:
                handler.wfile.write(body)
            handler.wfile.flush()
        except OSError:
            pass

    @staticmethod
    def _drip(handler: _Handler, body: bytes, extra: dict[str, str], every: float) -> None:
        handler.send_response(200)
        for name, value in extra.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        try:
            for i in range(len(body)):
                handler.wfile.write(body[i : i + 1])
                handler.wfile.flush()
                time.sleep(every)
        except OSError:
            pass


class SilentPort:
    """A port that accepts TCP connections (the kernel's backlog) and never says a word: a
    server that hangs. Nothing is ever sent, so the TLS handshake never completes."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]

    def url(self, path: str = "/config.json") -> str:
        return f"https://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.sock.close()


def free_port() -> int:
    """A port nothing listens on (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
