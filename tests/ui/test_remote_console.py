"""The console on a configuration published over HTTPS, against a real server on 127.0.0.1:
what the agent sees at start, on each refresh, through an outage and a bad version.

Fetches run in the console's real worker thread; the schedule's timers are the fakes of
``conftest`` (fired by hand), and the clock is fake, so nothing here waits for minutes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from https_server import ConfigServer, LocalCA, SilentPort
from pytestqt.qtbot import QtBot
from ui_fakes import BOGOTA, FakeClock, TimerRecorder, flush_deletions

from app.bootstrap import build_services
from app.resources import default_config_path
from app.storage import minisign
from app.storage.config_source import parse_url
from app.storage.preferences import PreferencesStore
from app.storage.remote_source import Timeouts
from app.ui.application import Console
from app.ui.startup import make_application

FAST = Timeouts(connect=0.5, total=1.0)
NOW = dt.datetime(2026, 11, 30, 10, 42, tzinfo=BOGOTA)  # a Monday, open


def team(name: str) -> bytes:
    document = json.loads(default_config_path().read_bytes())
    document["organisation"]["name"] = name
    return json.dumps(document, ensure_ascii=False).encode()


MakeConsole = Callable[[str], Console]


@pytest.fixture
def bogota_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The agent's machine on Bogotá time: banners say the agent's local time."""
    monkeypatch.setenv("TZ", "America/Bogota")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def remote_console(
    qapp: object,
    isolated_env: dict[str, str],
    tmp_path: Path,
    test_ca: LocalCA,
    bogota_machine: None,
) -> Iterator[MakeConsole]:
    made: list[Console] = []

    def factory(url: str, lang: str = "en") -> Console:
        services = build_services(parse_url(url), {**isolated_env, "CANALES_LANG": lang})
        assert services.published is not None
        published = dataclasses.replace(
            services.published, context_factory=test_ca.client_context, timeouts=FAST
        )
        services = dataclasses.replace(services, published=published)
        store = PreferencesStore(tmp_path / f"prefs-{len(made)}.json")
        console = Console(
            make_application(),
            services,
            FakeClock(NOW),
            TimerRecorder(),
            store,
            tray_available=False,
        )
        made.append(console)
        return console

    yield factory
    for console in made:
        console.translations.clear()
        console.themes.use("system")
        console.live.stop()
        if console.remote is not None:
            console.remote.stop()
            for thread in console.remote.threads:
                thread.join(5)
        console.window.quitting = True
        console.window.hide()
        console.window.deleteLater()
        console.translations.deleteLater()
        console.deleteLater()
    made.clear()
    flush_deletions()


def title(console: Console) -> str:
    board = console.window.board
    assert board is not None
    return board.header.title.text()


def banner(console: Console) -> str | None:
    shown = console.window.banner
    return None if shown.isHidden() else shown.text()


def refresh(qtbot: QtBot, console: Console) -> None:
    """Fire the schedule's timer (as the minutes passing would) and wait for the outcome."""
    assert console.remote is not None
    with qtbot.waitSignal(console.remote.applied, timeout=5000):
        console.remote._next.fire()  # type: ignore[attr-defined]


def start(qtbot: QtBot, console: Console) -> None:
    assert console.remote is not None
    with qtbot.waitSignal(console.remote.applied, timeout=5000):
        console.start()


def warm_cache(make: MakeConsole, qtbot: QtBot, server: ConfigServer, name: str) -> None:
    """A first console fetches ``name`` and keeps it as the offline copy."""
    server.publish(team(name))
    first = make(server.url())
    start(qtbot, first)
    assert title(first).startswith(name)
    first.remote.stop()  # type: ignore[union-attr]


def test_the_first_start_shows_the_default_then_the_published_configuration(
    qtbot: QtBot, remote_console: MakeConsole, config_server: ConfigServer
) -> None:
    config_server.publish(team("Mesa de ayuda"))
    console = remote_console(config_server.url())
    assert console.loaded.is_default
    assert banner(console) == (
        f"Fetching the configuration from {config_server.url()}; "
        "showing the default configuration meanwhile"
    )
    start(qtbot, console)
    assert title(console).startswith("Mesa de ayuda")
    assert banner(console) is None
    assert console.remote is not None
    interval = console.remote._next.interval_ms  # type: ignore[attr-defined]
    assert 4 * 60_000 <= interval <= 6 * 60_000  # 5 min ± 20 %


def test_a_repeat_is_conditional_and_a_304_rebuilds_nothing(
    qtbot: QtBot, remote_console: MakeConsole, config_server: ConfigServer
) -> None:
    config_server.publish(team("Mesa de ayuda"))
    console = remote_console(config_server.url())
    start(qtbot, console)
    board = console.window.board
    refresh(qtbot, console)
    first, repeat = config_server.requests
    assert "if-none-match" not in first.headers
    assert repeat.headers["if-none-match"] == config_server.etag_of(team("Mesa de ayuda"))
    assert repeat.status == 304
    assert console.window.board is board  # nothing was rebuilt
    assert banner(console) is None


def test_a_warm_cache_paints_before_any_network_and_a_hanging_server_delays_nothing(
    qtbot: QtBot, remote_console: MakeConsole, config_server: ConfigServer
) -> None:
    warm_cache(remote_console, qtbot, config_server, "Equipo en caché")
    config_server.behaviour.stall = True  # reads the request, never answers
    started = time.perf_counter()
    console = remote_console(config_server.url())
    assert title(console).startswith("Equipo en caché")  # the cached copy, painted first
    assert banner(console) is None
    console.start()
    elapsed = time.perf_counter() - started
    assert console.window.cards  # the board is there, before any answer
    assert elapsed < 0.9  # the hanging server is waited for in the worker (1 s), not here
    assert console.remote is not None and console.remote.remote.in_flight
    with qtbot.waitSignal(console.remote.applied, timeout=5000):
        pass
    assert banner(console) == (
        "Configuration server unavailable since 10:42; showing the copy from Nov 30 10:42 "
        "(the server did not answer within 1 s)"
    )
    assert title(console).startswith("Equipo en caché")


def test_a_server_that_never_answers_with_no_copy_shows_the_default_and_says_why(
    qtbot: QtBot, remote_console: MakeConsole
) -> None:
    silent = SilentPort()
    try:
        console = remote_console(silent.url())
        assert console.loaded.is_default
        start(qtbot, console)
        assert banner(console) == (
            "Configuration server unavailable since 10:42; showing the default configuration "
            "(the server did not answer within 1 s)"
        )
    finally:
        silent.close()


def test_with_a_warm_cache_an_outage_keeps_the_copy_and_the_console_recovers_by_itself(
    qtbot: QtBot, remote_console: MakeConsole, config_server: ConfigServer
) -> None:
    warm_cache(remote_console, qtbot, config_server, "Equipo en caché")
    config_server.stop()
    console = remote_console(config_server.url())
    assert title(console).startswith("Equipo en caché")  # painted from the cache at once
    assert banner(console) is None
    start(qtbot, console)
    text = banner(console)
    assert text is not None
    assert text.startswith(
        "Configuration server unavailable since 10:42; showing the copy from Nov 30 10:42 "
        "(the server cannot be reached ("
    )
    assert title(console).startswith("Equipo en caché")
    assert console.remote is not None
    interval = console.remote._next.interval_ms  # type: ignore[attr-defined]
    assert 24_000 <= interval <= 36_000  # back-off: 30 s ± 20 %
    refresh(qtbot, console)
    assert 48_000 <= console.remote._next.interval_ms <= 72_000  # type: ignore[attr-defined]
    config_server.start()  # back, on the same port
    config_server.publish(team("Equipo nuevo"))
    refresh(qtbot, console)
    assert banner(console) is None
    assert title(console).startswith("Equipo nuevo")


def test_a_body_that_changes_to_invalid_json_is_never_applied(
    qtbot: QtBot, remote_console: MakeConsole, config_server: ConfigServer
) -> None:
    config_server.publish(team("Equipo A"))
    console = remote_console(config_server.url(), lang="es")
    start(qtbot, console)
    config_server.publish(b'{"organisation": {"name": "Equipo B",')
    refresh(qtbot, console)
    text = banner(console)
    assert text is not None
    assert text.startswith(
        f"La nueva configuración publicada en {config_server.url()} no se aplicó; se sigue "
        f"mostrando la copia del 30 nov 10:42: {config_server.url()}:1:"
    )
    assert title(console).startswith("Equipo A")
    refresh(qtbot, console)  # the server still publishes it: a 304, the banner stays
    assert config_server.requests[-1].status == 304
    assert banner(console) == text


def test_a_bad_signature_is_never_applied(
    qtbot: QtBot,
    remote_console: MakeConsole,
    config_server: ConfigServer,
    isolated_env: dict[str, str],
) -> None:
    key = minisign.generate_key()
    policy = Path(isolated_env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json"
    policy.parent.mkdir()
    policy.write_text(
        json.dumps({"trusted_keys": [key.public_key.base64()], "require_signature": True})
    )
    good = team("Equipo firmado")
    config_server.publish(good)
    config_server.publish(minisign.sign(good, key, "Ana, supervisora"), "/config.json.minisig")
    console = remote_console(config_server.url())
    start(qtbot, console)
    assert title(console).startswith("Equipo firmado")
    assert console.loaded.signer is not None and console.loaded.signer.key_id == key.key_id_hex
    altered = team("Equipo alterado")
    config_server.publish(altered)  # the signature no longer matches
    refresh(qtbot, console)
    text = banner(console)
    assert text is not None and "was not applied" in text
    assert f"{config_server.url()}.minisig" in text
    assert title(console).startswith("Equipo firmado")
    config_server.publish(minisign.sign(altered, key, "Ana"), "/config.json.minisig")
    refresh(qtbot, console)  # signed now: applied
    assert title(console).startswith("Equipo alterado")
    assert banner(console) is None


def test_the_network_returning_fetches_at_once_and_clears_the_banner(
    qtbot: QtBot, remote_console: MakeConsole, config_server: ConfigServer
) -> None:
    config_server.publish(team("Equipo A"))
    console = remote_console(config_server.url())
    start(qtbot, console)
    config_server.stop()
    refresh(qtbot, console)
    refresh(qtbot, console)
    assert console.remote is not None
    assert banner(console) is not None
    assert console.remote._next.interval_ms >= 48_000  # type: ignore[attr-defined]
    config_server.start()
    with qtbot.waitSignal(console.remote.applied, timeout=5000):
        console.remote.network_changed(True)  # what QNetworkInformation reports
    assert banner(console) is None
    interval = console.remote._next.interval_ms  # type: ignore[attr-defined]
    assert 4 * 60_000 <= interval <= 6 * 60_000  # back to the refresh period
    console.remote.network_changed(False)  # going offline starts nothing
    assert not console.remote.remote.in_flight


def test_a_resume_from_sleep_fetches_at_once(
    qtbot: QtBot, remote_console: MakeConsole, config_server: ConfigServer
) -> None:
    config_server.publish(team("Equipo A"))
    console = remote_console(config_server.url())
    start(qtbot, console)
    assert console.remote is not None
    clock = console.clock
    assert isinstance(clock, FakeClock)
    clock.moment += dt.timedelta(minutes=1)
    console.remote._tick.fire()  # type: ignore[attr-defined]
    assert not console.remote.remote.in_flight  # a minute later: nothing to do
    clock.moment += dt.timedelta(hours=8)  # the lid was closed overnight
    config_server.publish(team("Equipo de la mañana"))
    with qtbot.waitSignal(console.remote.applied, timeout=5000):
        console.remote._tick.fire()  # type: ignore[attr-defined]
    assert title(console).startswith("Equipo de la mañana")


class Answers:
    """The prompts a supervisor answers: where to save the copy."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.errors: list[str] = []

    def save_path(self, title: str, suggested: str) -> Path:
        return self.target

    def error(self, title: str, text: str) -> None:
        self.errors.append(text)

    def confirm(self, title: str, text: str) -> bool:
        return True

    def info(self, title: str, text: str) -> None:
        pass


def test_the_settings_open_read_only_and_edit_a_copy_saves_a_local_file(
    qtbot: QtBot, remote_console: MakeConsole, config_server: ConfigServer, tmp_path: Path
) -> None:
    config_server.publish(team("Equipo A"))
    console = remote_console(config_server.url())
    start(qtbot, console)
    dialog = console.open_settings()
    assert dialog is not None
    assert dialog.read_only
    assert not dialog.save_button.isEnabled()
    assert dialog.banner.text().startswith(
        f"This configuration is published at {config_server.url()}; it is read only here."
    )
    target = tmp_path / "copia" / "canales-config.json"
    target.parent.mkdir()
    dialog.prompts = Answers(target)  # type: ignore[assignment]
    dialog.copy_button.click()
    copy = dialog.copy_dialog
    assert copy is not None and not copy.read_only
    assert target.read_bytes() == team("Equipo A")
    assert copy.store.path == target
    assert str(target) in copy.banner.text()
    copy.draft.set(("organisation", "name"), "Equipo A (borrador)")
    assert copy.save()
    assert json.loads(target.read_bytes())["organisation"]["name"] == "Equipo A (borrador)"
    assert title(console).startswith("Equipo A")  # the console still shows the published one
    copy.reject()


def test_the_self_test_with_a_file_source_loads_no_network_code(
    isolated_env: dict[str, str],
) -> None:
    """``--self-test`` (and every start from a file) never imports ssl, http.client, truststore
    or the HTTPS source's modules: its start-up time and memory are budgeted."""
    code = (
        "import sys, contextlib, io, json\n"
        "from app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(['--self-test'])\n"
        "names = ('ssl', 'http.client', 'truststore', 'urllib.request',\n"
        "         'app.storage.remote_source', 'app.core.remote_config', 'app.ui.remote_refresh')\n"
        "print(json.dumps([code, [n for n in names if n in sys.modules]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**isolated_env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert json.loads(result.stdout.splitlines()[-1]) == [0, []], result.stderr


@pytest.mark.parametrize(
    ("breakage", "reason"),
    [
        ("404", "(the server answered 404 Not Found)"),
        ("500", "(the server answered 500 Internal Server Error)"),
        ("oversize", "(the configuration is over 5 MB; it was not downloaded)"),
        ("redirect-to-http", "which is not https://; not followed)"),
        ("slow-drip", "(the server did not answer within 1 s)"),
    ],
)
def test_each_server_failure_keeps_the_copy_with_a_banner_naming_it(
    qtbot: QtBot,
    remote_console: MakeConsole,
    config_server: ConfigServer,
    breakage: str,
    reason: str,
) -> None:
    config_server.publish(team("Equipo A"))
    console = remote_console(config_server.url())
    start(qtbot, console)
    behaviour = config_server.behaviour
    if breakage in ("404", "500"):
        behaviour.status = int(breakage)
    elif breakage == "oversize":
        config_server.publish(b" " * (5 * 2**20 + 1))
    elif breakage == "redirect-to-http":
        behaviour.redirect = "http://127.0.0.1:9/config.json"
    else:
        config_server.publish(team("Equipo B"))
        behaviour.drip_seconds = 0.05
    refresh(qtbot, console)
    text = banner(console)
    assert text is not None
    assert text.startswith(
        "Configuration server unavailable since 10:42; showing the copy from Nov 30 10:42 "
    )
    assert text.endswith(reason)
    assert title(console).startswith("Equipo A")
