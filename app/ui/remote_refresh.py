"""The console's half of a configuration published over HTTPS: fetch off the GUI thread, on
schedule, and hand each outcome to the Qt-free lifecycle (:mod:`app.core.remote_config`).

Each fetch runs in a daemon thread (a server that hangs can hold it for at most the total
timeout, and never holds the window or the quit); its outcome comes back to the GUI thread as a
queued signal. The next fetch is armed with the lifecycle's delay (refresh with jitter, or
back-off) on a timer from the console's timer factory, so tests fire it by hand. A resume from
sleep is noticed as a jump of the console's one clock between two ticks; the network coming back
through ``QNetworkInformation`` when Qt has a backend for it on this system.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.core.active_config import Notice
from app.core.remote_config import TICK, Download, FetchOrder, RemoteConfig, perform
from app.storage.remote_source import FetchProblem, RemoteSource
from app.ui.clock import Clock, TimerFactory


class RemoteRefresh(QObject):
    """Fetches the published configuration now, then whenever the lifecycle says."""

    outcome = Signal(object)  # Download | FetchProblem, from the worker thread
    applied = Signal()  # an outcome was applied (tests wait for this)

    def __init__(
        self,
        remote: RemoteConfig,
        source: RemoteSource,
        clock: Clock,
        make_timer: TimerFactory,
        apply: Callable[[list[Notice]], None],
        *,
        watch_network: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.remote = remote
        self.source = source
        self._clock = clock
        self._apply = apply
        self._running = False
        self._next = make_timer(self)
        self._next.timeout.connect(self.fetch_now)
        self._tick = make_timer(self)
        self._tick.timeout.connect(self._on_tick)
        self.outcome.connect(self._on_outcome)
        self._watch_network = watch_network
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        self._running = True
        self.remote.clock_jumped(self._clock.now())
        self._tick.start(int(TICK.total_seconds() * 1000))
        if self._watch_network:
            self._follow_network()
        self.fetch_now()

    def stop(self) -> None:
        """No more fetches; an outcome still on its way is dropped."""
        self._running = False
        self._next.stop()
        self._tick.stop()

    @property
    def next_interval_ms(self) -> int | None:
        return self._next.interval() if self._next.isActive() else None

    def fetch_now(self) -> None:
        """Start a fetch unless one is running (its outcome arms the next one)."""
        if not self._running:
            return
        order = self.remote.begin()
        if order is None:
            return
        self._next.stop()
        thread = threading.Thread(
            target=self._work, args=(order,), name="canales-fetch", daemon=True
        )
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()

    def network_changed(self, online: bool) -> None:
        """The network is back: fetch at once (an outage banner clears by itself)."""
        if online and self._running and self.remote.network_back():
            self.fetch_now()

    def _work(self, order: FetchOrder) -> None:
        """In the worker thread: never touches a widget, only emits the outcome."""
        result: Download | FetchProblem
        try:
            result = perform(self.source, order)
        except FetchProblem as problem:
            result = problem
        except Exception as exc:  # a library failing: one line in the banner, details logged
            logging.getLogger(__name__).exception("fetching %s failed", order.url)
            result = FetchProblem(order.url, "protocol", detail=f"{type(exc).__name__}: {exc}")
        self.outcome.emit(result)

    def _on_outcome(self, result: Download | FetchProblem) -> None:
        if not self._running:
            return
        if isinstance(result, FetchProblem):
            notices = self.remote.failed(result)
        else:
            notices = self.remote.fetched(result)
        self._apply(notices)
        delay = self.remote.next_delay()
        self._next.start(max(1, int(delay.total_seconds() * 1000)))
        self.applied.emit()

    def _on_tick(self) -> None:
        if not self._running:
            return
        self._tick.start(int(TICK.total_seconds() * 1000))
        if self.remote.clock_jumped(self._clock.now()):
            self.fetch_now()

    def _follow_network(self) -> None:
        """``QNetworkInformation`` where Qt has a backend (NetworkManager, Windows, macOS)."""
        from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415 - a URL source only

        try:
            if not QNetworkInformation.loadDefaultBackend():
                return
        except Exception:  # an older Qt without it: the clock and the retries still work
            return
        info = QNetworkInformation.instance()
        if info is not None:  # a method of this object: disconnected when it is deleted
            info.reachabilityChanged.connect(self._on_reachability)

    def _on_reachability(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation  # noqa: PLC0415

        self.network_changed(reachability == QNetworkInformation.Reachability.Online)
