"""Fetching over HTTPS from a real server on 127.0.0.1 (trustme certificates): each answer a
server can give, and each way it can fail, as the fetcher reports it."""

from __future__ import annotations

import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from https_server import ConfigServer, LocalCA, SilentPort, free_port

from app.resources import default_config_path
from app.storage.config_source import ConfigUrl, SourceError, parse_source, parse_url
from app.storage.remote_source import (
    FetchProblem,
    RemoteSource,
    Timeouts,
    Validators,
    proxy_for,
)

FAST = Timeouts(connect=0.5, total=1.0)
BODY = default_config_path().read_bytes()


def source(test_ca: LocalCA, url: str, **kwargs: object) -> RemoteSource:
    return RemoteSource(
        parse_url(url),
        context_factory=test_ca.client_context,
        proxies={},
        **kwargs,  # type: ignore[arg-type]
    )


def problem_of(fetcher: RemoteSource, validators: Validators | None = None) -> FetchProblem:
    with pytest.raises(FetchProblem) as caught:
        fetcher.fetch(validators or Validators())
    return caught.value


# the source's address -----------------------------------------------------------------------


def test_an_https_address_is_kept_whole_and_a_path_stays_a_path(tmp_path: Path) -> None:
    url = parse_source("https://intranet.example.com:8443/canales/config.json?v=2")
    assert url == ConfigUrl("https://intranet.example.com:8443/canales/config.json?v=2")
    assert isinstance(url, ConfigUrl)
    assert (url.host, url.port, url.target) == (
        "intranet.example.com",
        8443,
        "/canales/config.json?v=2",
    )
    assert url.sibling(".minisig").url.endswith("/canales/config.json.minisig?v=2")
    assert parse_source("HTTPS://Example.com/c.json") == ConfigUrl("https://Example.com/c.json")
    assert parse_source(str(tmp_path / "team.json")) == tmp_path / "team.json"
    assert parse_source("~/team.json") == Path.home() / "team.json"
    assert parse_source(r"C:\soporte\team.json") == Path(r"C:\soporte\team.json")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://intranet/config.json", "plain http:// is refused"),
        ("ftp://intranet/config.json", "only https:// addresses and file paths"),
        ("file:///etc/canales.json", "only https:// addresses and file paths"),
        ("https:///config.json", "no server name"),
        ("https://host:99999/c.json", "the port is not a number"),
        ("https://user:secret@host/c.json", "a user name or password"),
        ("https://host/con fig.json", "spaces or control characters"),
        ("https://host/c.json#top", "a #fragment"),
    ],
)
def test_unusable_addresses_are_refused_with_a_clear_message(text: str, expected: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse_source(text, lang="en")
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_plain_http_message_is_spanish_by_default() -> None:
    with pytest.raises(SourceError, match="http:// sin cifrar no se acepta"):
        parse_source("http://intranet/config.json")


# answers ------------------------------------------------------------------------------------


def test_200_then_304_on_repeat_with_the_etag(
    config_server: ConfigServer, test_ca: LocalCA
) -> None:
    config_server.publish(BODY)
    fetcher = source(test_ca, config_server.url())
    first = fetcher.fetch()
    assert first.body == BODY
    assert first.etag == config_server.etag_of(BODY)
    assert first.last_modified is not None
    again = fetcher.fetch(Validators(first.etag, first.last_modified))
    assert again.not_modified and again.body is None
    unconditional, conditional = config_server.requests
    assert "if-none-match" not in unconditional.headers
    assert conditional.headers["if-none-match"] == first.etag
    assert conditional.headers["if-modified-since"] == first.last_modified
    assert conditional.status == 304
    assert conditional.headers["user-agent"].startswith("Canales/")


@pytest.mark.parametrize(("status", "words"), [(404, "404"), (500, "500")])
def test_an_http_error_is_reported_with_its_status(
    config_server: ConfigServer, test_ca: LocalCA, status: int, words: str
) -> None:
    config_server.behaviour.status = status
    problem = problem_of(source(test_ca, config_server.url()))
    assert (problem.kind, problem.status) == ("status", status)
    assert problem.message("en") == f"{config_server.url()}: the server answered {words} " + (
        "Not Found" if status == 404 else "Internal Server Error"
    )
    assert problem.server_answered


def test_a_server_that_accepts_and_never_answers_times_out_at_the_connect_limit(
    test_ca: LocalCA,
) -> None:
    silent = SilentPort()
    try:
        started = time.monotonic()
        problem = problem_of(source(test_ca, silent.url(), timeouts=FAST))
        elapsed = time.monotonic() - started
    finally:
        silent.close()
    assert problem.kind == "timeout"
    assert 0.4 < elapsed < 1.5
    assert "did not answer within 1 s" in problem.message("en")


def test_a_server_that_reads_the_request_and_stalls_times_out_at_the_total_limit(
    config_server: ConfigServer, test_ca: LocalCA
) -> None:
    config_server.behaviour.stall = True
    started = time.monotonic()
    problem = problem_of(source(test_ca, config_server.url(), timeouts=FAST))
    assert problem.kind == "timeout"
    assert time.monotonic() - started < 2.0


def test_a_slow_drip_is_cut_at_the_total_deadline_not_after_each_byte(
    config_server: ConfigServer, test_ca: LocalCA
) -> None:
    config_server.publish(b'{"a": 1}' * 20)
    config_server.behaviour.drip_seconds = 0.05  # 160 bytes = 8 s; each byte well within 1 s
    started = time.monotonic()
    problem = problem_of(source(test_ca, config_server.url(), timeouts=FAST))
    assert problem.kind == "timeout"
    assert time.monotonic() - started < 2.0


def test_an_oversize_body_is_refused_before_reading_when_its_length_says_so(
    config_server: ConfigServer, test_ca: LocalCA
) -> None:
    config_server.publish(b"{}")
    config_server.behaviour.claimed_length = 5 * 2**20 + 1  # the body is never read
    problem = problem_of(source(test_ca, config_server.url()))
    assert problem.kind == "too_big"  # had it read, the short body would be a broken answer
    assert "over 5 MB" in problem.message("en")


def test_the_5_mb_limit_holds_while_streaming(
    config_server: ConfigServer, test_ca: LocalCA
) -> None:
    config_server.behaviour.send_length = False
    config_server.publish(b" " * (5 * 2**20) + b"{}")
    assert problem_of(source(test_ca, config_server.url())).kind == "too_big"
    config_server.publish(b" " * (5 * 2**20 - 2) + b"{}")
    assert len(source(test_ca, config_server.url()).fetch().body or b"") == 5 * 2**20


def test_an_oversize_body_without_a_length_is_cut_while_streaming(
    config_server: ConfigServer, test_ca: LocalCA
) -> None:
    config_server.publish(b" " * 5000)
    config_server.behaviour.send_length = False
    assert problem_of(source(test_ca, config_server.url(), max_bytes=4096)).kind == "too_big"
    config_server.publish(b" " * 4096)
    assert source(test_ca, config_server.url(), max_bytes=4096).fetch().body == b" " * 4096


def test_a_redirect_to_plain_http_is_refused_and_not_followed(
    config_server: ConfigServer, test_ca: LocalCA
) -> None:
    target = f"http://127.0.0.1:{free_port()}/config.json"
    config_server.behaviour.redirect = target
    problem = problem_of(source(test_ca, config_server.url()))
    assert problem.kind == "insecure_redirect"
    assert problem.message("en").endswith(
        f"redirected to {target}, which is not https://; not followed"
    )


def test_a_redirect_to_https_is_followed(config_server: ConfigServer, test_ca: LocalCA) -> None:
    other = ConfigServer(test_ca).start()
    try:
        other.publish(BODY, "/moved.json")
        config_server.behaviour.redirect = other.url("/moved.json")
        fetched = source(test_ca, config_server.url()).fetch()
    finally:
        other.stop()
    assert fetched.body == BODY
    assert fetched.url == parse_url(config_server.url())  # named as the address configured


def test_a_redirect_loop_stops(config_server: ConfigServer, test_ca: LocalCA) -> None:
    config_server.behaviour.redirect = config_server.url()
    assert problem_of(source(test_ca, config_server.url())).kind == "too_many_redirects"


def test_a_server_that_goes_away_and_returns(config_server: ConfigServer, test_ca: LocalCA) -> None:
    config_server.publish(BODY)
    fetcher = source(test_ca, config_server.url(), timeouts=FAST)
    assert fetcher.fetch().body == BODY
    config_server.stop()
    problem = problem_of(fetcher)
    assert problem.kind == "unreachable"
    assert not problem.server_answered
    assert "the server cannot be reached" in problem.message("en")
    config_server.start()  # the same port
    assert fetcher.fetch().body == BODY


def test_a_certificate_the_system_does_not_trust_is_refused(
    config_server: ConfigServer,
) -> None:
    config_server.publish(BODY)
    fetcher = RemoteSource(parse_url(config_server.url()), proxies={})  # the system's store
    problem = problem_of(fetcher)
    assert problem.kind == "certificate"
    assert "certificate is not trusted" in problem.message("en")


def test_a_name_the_certificate_does_not_cover_is_refused(test_ca: LocalCA) -> None:
    other = ConfigServer(test_ca, host="127.0.0.2").start() if _loopback_alias() else None
    if other is None:
        pytest.skip("127.0.0.2 is not a loopback address here")
    try:
        other.publish(BODY)
        problem = problem_of(source(test_ca, other.url()))
    finally:
        other.stop()
    assert problem.kind == "certificate"


def _loopback_alias() -> bool:
    try:
        with socket.socket() as sock:
            sock.bind(("127.0.0.2", 0))
    except OSError:
        return False
    return True


# proxies ------------------------------------------------------------------------------------


class ConnectProxy:
    """A minimal HTTP CONNECT proxy on 127.0.0.1 that records each tunnel it opens."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.tunnels: list[tuple[str, str | None]] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._tunnel, args=(client,), daemon=True).start()

    def _tunnel(self, client: socket.socket) -> None:
        with client:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = client.recv(4096)
                if not chunk:
                    return
                head += chunk
            lines = head.decode("latin-1").split("\r\n")
            target = lines[0].split()[1]
            auth = next(
                (
                    ln.split(":", 1)[1].strip()
                    for ln in lines
                    if ln.lower().startswith("proxy-authorization")
                ),
                None,
            )
            self.tunnels.append((target, auth))
            host, port = target.rsplit(":", 1)
            with socket.create_connection((host, int(port))) as upstream:
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                pair = {client: upstream, upstream: client}
                while True:
                    ready, _, _ = select.select(list(pair), [], [], 5)
                    if not ready:
                        return
                    for sock in ready:
                        data = sock.recv(65536)
                        if not data:
                            return
                        pair[sock].sendall(data)

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def proxy() -> Iterator[ConnectProxy]:
    made = ConnectProxy()
    yield made
    made.close()


def test_the_system_proxy_is_used_through_a_connect_tunnel(
    config_server: ConfigServer, test_ca: LocalCA, proxy: ConnectProxy
) -> None:
    config_server.publish(BODY)
    proxies = {"https": f"http://agent:s%40cret@127.0.0.1:{proxy.port}"}
    fetcher = RemoteSource(
        parse_url(config_server.url()), context_factory=test_ca.client_context, proxies=proxies
    )
    assert fetcher.fetch().body == BODY  # TLS end to end: the proxy saw only the tunnel
    [(target, auth)] = proxy.tunnels
    assert target == f"127.0.0.1:{config_server.port}"
    assert auth == "Basic YWdlbnQ6c0BjcmV0"  # agent:s@cret


def test_no_proxy_bypasses_the_proxy() -> None:
    url = parse_url("https://intranet.example.com/c.json")
    proxies = {"https": "proxy.example.com:3128", "no": "example.com"}
    assert proxy_for(url, proxies) is None
    found = proxy_for(url, {"https": "proxy.example.com:3128"})
    assert found is not None and (found.host, found.port) == ("proxy.example.com", 3128)


def test_the_system_proxy_settings_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("https_proxy", "http://proxy.corp:8080")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    found = proxy_for(parse_url("https://intranet.example.com/c.json"))
    assert found is not None and (found.host, found.port) == ("proxy.corp", 8080)
