"""Scale simulation: one HTTPS server on 127.0.0.1 and N simulated consoles (default 300) for
S seconds (default 60), each a thread running the real fetch code — the published
configuration's lifecycle (``RemoteConfig``: conditional validators, jitter, offline copy in its
own cache folder) and ``RemoteSource.fetch`` (TLS, timeouts, streaming limit) — on a 2 s refresh.

Run: ``python tests/benchmarks/bench_https_scale.py [CONSOLES] [SECONDS] [REFRESH_S]
[--truststore]``.

The simulated consoles trust the test CA through the standard library's ``ssl.SSLContext`` (the
fetcher's injectable context factory). Production's ``truststore`` context re-reads the system
CA bundle on every connection on Linux (≈ 25–30 ms of CPU here, printed as a baseline): spent
once per fetch on each agent's own machine, it changes nothing for the server, but 300 of them
in one Python process on two cores would measure this machine's CPU, not the server's scale.
``--truststore`` runs the fleet with it anyway.

It prints: errors (expected 0), requests and how many repeats were conditional (expected: all),
the server's bytes sent against "one full body per console plus headers", the median and p95
fetch latency under load, and two baselines measured in the same run on the same machine: one
client alone fetching conditionally over HTTPS (the same code, no load), and a plain loopback
GET without TLS (``http.client`` against ``http.server``). The TLS handshake's bytes (not seen
by the HTTP layer's counter) are measured once on memory BIOs. Last, the extrapolation to 5,000
consoles at a 5-minute refresh that the README quotes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import http.server
import ssl
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the HTTPS test server
sys.path.insert(0, str(HERE.parent.parent))

from https_server import ConfigServer, LocalCA  # noqa: E402

from app.core.remote_config import RemoteConfig, perform  # noqa: E402
from app.resources import default_config_path  # noqa: E402
from app.storage.config_source import parse_url  # noqa: E402
from app.storage.config_store import ConfigStore  # noqa: E402
from app.storage.remote_cache import RemoteCache  # noqa: E402
from app.storage.remote_source import FetchProblem, RemoteSource  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def ms(values: list[float]) -> str:
    return (
        f"median {statistics.median(values) * 1000:.1f} ms, "
        f"p95 {percentile(values, 0.95) * 1000:.1f} ms (n={len(values)})"
    )


class Console(threading.Thread):
    """One simulated console: start (no cache), fetch, wait the lifecycle's delay, repeat."""

    def __init__(
        self,
        index: int,
        url: str,
        factory: Callable[[], ssl.SSLContext],
        scratch: Path,
        refresh: float,
        until: float,
    ) -> None:
        super().__init__(name=f"console-{index}", daemon=True)
        self.until = until
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.url = parse_url(url)
        store = ConfigStore(scratch / f"c{index}" / "config.json", None, default_config_path())
        self.remote = RemoteConfig(
            self.url,
            RemoteCache(scratch / f"c{index}"),
            validate=store.from_bytes,
            default=lambda: store.read(store.default_path, is_default=True),
            evaluate=lambda loaded: None,  # type: ignore[arg-type,return-value]
            now=lambda: dt.datetime.now(dt.UTC),
            random=__import__("random").random,
            lang="en",
            refresh=dt.timedelta(seconds=refresh),
        )
        self.source = RemoteSource(self.url, context_factory=factory, proxies={})

    def run(self) -> None:
        self.remote.start()
        # consoles start over the first refresh period, as agents log on over the morning
        time.sleep(__import__("random").random() * self.remote.refresh.total_seconds())
        while time.monotonic() < self.until:
            order = self.remote.begin()
            assert order is not None
            started = time.perf_counter()
            try:
                download = perform(self.source, order)
            except FetchProblem as problem:
                self.latencies.append(time.perf_counter() - started)
                self.errors.append(problem.message("en"))
                self.remote.failed(problem)
            else:
                self.latencies.append(time.perf_counter() - started)
                self.remote.fetched(download)
                if self.remote.refusal is not None:
                    self.errors.append(self.remote.refusal.lines()[0])
            pause = self.remote.next_delay().total_seconds()
            time.sleep(max(0.0, min(pause, self.until - time.monotonic())))


def plain_ssl_context(ca: LocalCA) -> ssl.SSLContext:
    """The standard library's context trusting only the test CA: no system store to load."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ca.ca.configure_trust(context)
    return context


def baseline_https(
    server: ConfigServer, ca: LocalCA, runs: int = 60, *, truststore: bool = True
) -> list[float]:
    """One client alone: the same conditional fetch (a 304), unloaded; with truststore's
    context (production) or the standard library's."""
    factory = ca.client_context if truststore else (lambda: plain_ssl_context(ca))
    source = RemoteSource(parse_url(server.url()), context_factory=factory, proxies={})
    first = source.fetch()
    from app.storage.remote_source import Validators  # noqa: PLC0415

    validators = Validators(first.etag, first.last_modified)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        source.fetch(validators)
        times.append(time.perf_counter() - started)
    return times


def baseline_plain(body: bytes, runs: int = 60) -> list[float]:
    """A plain loopback GET, no TLS: http.client against http.server, a new connection each."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=plain.serve_forever, daemon=True).start()
    times = []
    try:
        for _ in range(runs):
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", plain.server_address[1])
            connection.request("GET", "/")
            connection.getresponse().read()
            connection.close()
            times.append(time.perf_counter() - started)
    finally:
        plain.shutdown()
        plain.server_close()
    return times


def handshake_bytes(ca: LocalCA) -> tuple[int, int]:
    """Bytes of one TLS handshake (server→client, client→server), on memory BIOs."""
    client_in, client_out = ssl.MemoryBIO(), ssl.MemoryBIO()
    server_in, server_out = ssl.MemoryBIO(), ssl.MemoryBIO()
    client = ca.client_context().wrap_bio(client_in, client_out, server_hostname="127.0.0.1")
    server = ca.server_context().wrap_bio(server_in, server_out, server_side=True)
    sent = {"server": 0, "client": 0}
    for _ in range(10):
        for endpoint in (client, server):
            with contextlib.suppress(ssl.SSLWantReadError):
                endpoint.do_handshake()
        data = client_out.read()
        sent["client"] += len(data)
        server_in.write(data)
        data = server_out.read()
        sent["server"] += len(data)
        client_in.write(data)
    return sent["server"], sent["client"]


def main() -> int:
    use_truststore = "--truststore" in sys.argv
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    consoles = int(args[0]) if len(args) > 0 else 300
    seconds = float(args[1]) if len(args) > 1 else 60.0
    refresh = float(args[2]) if len(args) > 2 else 2.0
    ca = LocalCA()
    factory = ca.client_context if use_truststore else (lambda: plain_ssl_context(ca))
    server = ConfigServer(ca).start()
    body = default_config_path().read_bytes()
    server.publish(body)
    print(
        f"python {sys.version.split()[0]}; body {len(body)} bytes; {consoles} consoles, "
        f"{seconds:g} s, refresh {refresh:g} s ±20 %"
    )
    https_alone = baseline_https(server, ca)
    https_stdlib = baseline_https(server, ca, truststore=False)
    plain = baseline_plain(body)
    server.log.clear()
    server.bytes_sent = 0
    with tempfile.TemporaryDirectory() as scratch:
        until = time.monotonic() + seconds
        fleet = [
            Console(i, server.url(), factory, Path(scratch), refresh, until)
            for i in range(consoles)
        ]
        started = time.monotonic()
        for console in fleet:
            console.start()
        for console in fleet:
            console.join(seconds + 30)
        elapsed = time.monotonic() - started
    server.stop()
    requests = server.requests
    errors = [e for c in fleet for e in c.errors]
    latencies = [t for c in fleet for t in c.latencies]
    full = [r for r in requests if r.status == 200]
    not_modified = [r for r in requests if r.status == 304]
    conditional = [r for r in requests if "if-none-match" in r.headers]
    unconditional = len(requests) - len(conditional)
    repeats = len(requests) - consoles
    per_304 = 0
    if not_modified:
        header_bytes = server.bytes_sent - len(full) * len(body)
        per_response = header_bytes / len(requests)
        per_304 = int(per_response)
    expected = consoles * len(body) + len(requests) * per_304
    server_hs, client_hs = handshake_bytes(ca)
    request_bytes = statistics.mean(
        len(f"GET {r.path} HTTP/1.1\r\n")
        + sum(len(f"{k}: {v}\r\n") for k, v in r.headers.items())
        + 2
        for r in requests
    )
    print(f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    print(
        f"requests: {len(requests)} in {elapsed:.1f} s ({len(requests) / elapsed:.1f}/s): "
        f"{len(full)} × 200, {len(not_modified)} × 304; unconditional {unconditional} "
        f"(one per console: {'yes' if unconditional == consoles else 'NO'}), every repeat "
        f"conditional: {'yes' if len(conditional) == repeats else 'NO'}"
    )
    print(
        f"server bytes sent (HTTP layer): {server.bytes_sent:,} = {len(full)} full bodies × "
        f"{len(body):,} + headers ≈ {per_304} bytes per response; one body per console plus "
        f"headers would be {expected:,} ({server.bytes_sent / expected:.3f}×)"
    )
    print(
        f"TLS handshake per connection: server→client {server_hs:,} B, client→server "
        f"{client_hs:,} B (a new connection per fetch)"
    )
    print(f"fetch latency under load: {ms(latencies)}")
    print(f"baseline, one client alone, HTTPS conditional fetch (304): {ms(https_alone)}")
    print(
        f"baseline, the same alone with ssl.SSLContext instead of truststore's: {ms(https_stdlib)}"
    )
    print(f"baseline, plain loopback GET without TLS (200, same body): {ms(plain)}")
    rate = 5000 / 300
    per_fetch_down = per_304 + server_hs
    print(
        f"extrapolation, 5,000 consoles at 5 min: {rate:.1f} requests/s; down "
        f"{rate * per_fetch_down / 1000:.1f} kB/s ({per_fetch_down} B per 304 incl. handshake), "
        f"up {rate * (client_hs + request_bytes) / 1000:.1f} kB/s (requests ≈ "
        f"{request_bytes:.0f} B); a new version costs "
        f"5,000 × {len(body) / 1000:.1f} kB = {5000 * len(body) / 1e6:.0f} MB over one refresh "
        f"period ({5000 * len(body) / 300 / 1e6 * 8:.2f} Mbit/s)"
    )
    return 0 if not errors and unconditional == consoles else 1


if __name__ == "__main__":
    sys.exit(main())
