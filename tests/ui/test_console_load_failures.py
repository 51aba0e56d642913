"""A file that makes loading fail in an unexpected way: the console is still built, says which
file and what went wrong in one banner line, keeps the last good configuration on screen, logs
the traceback, and recovers by itself when the file is fixed.

The hostile files below raised from inside a library when this was written (zoneinfo opening
a folder, json refusing a 5,000-digit integer, json recursing into a deeply nested side file);
the holiday source patched to fail stands for any collaborator failing on a file's content.
The assertions hold whether such a cause surfaces as a validation message or as the generic
"no se pudo cargar (…)" line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.bootstrap import build_services
from app.resources import default_config_path
from app.storage.holiday_cache import CachedHolidaySource
from app.storage.pin import pin_path_for
from app.storage.preferences import PreferencesStore
from app.ui.application import Console
from app.ui.clock import SystemClock, precise_single_shot
from app.ui.main_window import MainWindow
from app.ui.startup import make_application
from app.ui.translation import Translations

BOGOTA = ZoneInfo("America/Bogota")
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=BOGOTA)
DEFAULT = json.loads(default_config_path().read_text(encoding="utf-8"))
DEFAULT_NAME = DEFAULT["channels"][0]["name"]
AT_START = (
    "No se pudo usar el archivo de configuración; se muestra la configuración predeterminada: "
)
ON_RELOAD = "La nueva configuración no se aplicó; se sigue mostrando la última válida: "
DEEP = b"[" * 100_000 + b"]" * 100_000


def document(**changes: object) -> dict:
    doc = json.loads(json.dumps(DEFAULT))
    doc.update(changes)
    return doc


def named(name: str, **changes: object) -> bytes:
    doc = document(**changes)
    doc["channels"][0]["name"] = name
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


HOSTILE = {
    # zoneinfo opens tzdata's "America" folder as if it were a zone file
    "timezone-folder": json.dumps(document(timezone="America")).encode(),
    # json refuses to convert an integer of more than 4,300 digits
    "huge-integer": named("x")[:-1] + b', "x": ' + b"9" * 5000 + b"}",
    # the holiday source (patched below) fails for Ecuador
    "holiday-source": named("Línea de Ecuador", holiday_country="EC"),
}


@pytest.fixture(autouse=True)
def ecuador_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """A collaborator failing on one file's content: the holidays of Ecuador raise."""
    real = CachedHolidaySource.__call__

    def failing(self: CachedHolidaySource, country: str, language: str, year: int) -> dict:
        if country == "EC":
            raise RuntimeError("holiday table exploded")
        return real(self, country, language, year)

    monkeypatch.setattr(CachedHolidaySource, "__call__", failing)


def titles(console) -> list[str]:
    return [card.title.text() for card in console.window.cards]


def first_title(console) -> str:
    return titles(console)[0]


def banner(console) -> str:
    assert not console.window.banner.isHidden()
    return console.window.banner.text()


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_file_at_start_builds_the_console_on_the_default(
    make_console, tmp_path: Path, kind: str
) -> None:
    config = tmp_path / "team.json"
    config.write_bytes(HOSTILE[kind])
    console = make_console(NOW, config=config)
    console.start()
    assert len(console.window.cards) == 5
    assert first_title(console) == DEFAULT_NAME
    assert console.loaded.is_default
    text = banner(console)
    assert text.startswith(f"{AT_START}{config}:"), text
    assert "\n" not in text
    assert config.read_bytes() == HOSTILE[kind]  # never rewritten


def test_an_unexpected_failure_is_one_line_and_its_traceback_is_logged(
    make_console, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = tmp_path / "team.json"
    config.write_bytes(HOSTILE["holiday-source"])
    with caplog.at_level(logging.ERROR, logger="app"):
        console = make_console(NOW, config=config)
    assert banner(console) == (
        f"{AT_START}{config}: no se pudo cargar (RuntimeError: holiday table exploded)"
    )
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is RuntimeError]
    assert logged, caplog.text
    assert str(config) in logged[0].getMessage()


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_reload_keeps_the_last_good_channels_until_the_file_is_fixed(
    make_console, tmp_path: Path, kind: str
) -> None:
    config = tmp_path / "team.json"
    config.write_bytes(named("Línea del equipo"))
    console = make_console(NOW, config=config)
    console.start()
    assert first_title(console) == "Línea del equipo"
    config.write_bytes(HOSTILE[kind])
    console.reload_config()  # what the watcher's ``changed`` calls
    text = banner(console)
    assert text.startswith(f"{ON_RELOAD}{config}:"), text
    assert "\n" not in text
    assert first_title(console) == "Línea del equipo"
    assert console.loaded.config.channels[0].name == "Línea del equipo"
    console.live.refresh()  # the board still evaluates: the engine shown is the last good one
    assert console.live.engine.config.channels[0].name == "Línea del equipo"

    config.write_bytes(named("Línea corregida"))
    console.reload_config()
    assert console.window.banner.isHidden()
    assert first_title(console) == "Línea corregida"


def test_the_watcher_delivers_a_hostile_file_to_the_banner(
    make_console, qtbot, tmp_path: Path
) -> None:
    config = tmp_path / "team.json"
    config.write_bytes(named("Línea del equipo"))
    console = make_console(NOW, config=config)
    console.start()
    with qtbot.waitSignal(console.watcher.changed, timeout=5000):
        config.write_bytes(HOSTILE["holiday-source"])
    assert banner(console) == (
        f"{ON_RELOAD}{config}: no se pudo cargar (RuntimeError: holiday table exploded)"
    )
    assert first_title(console) == "Línea del equipo"
    with qtbot.waitSignal(console.watcher.changed, timeout=5000):
        config.write_bytes(named("Línea corregida"))
    assert console.window.banner.isHidden()
    assert first_title(console) == "Línea corregida"


def test_a_deeply_nested_pin_attempts_file_does_not_stop_the_console(
    make_console, isolated_env: dict[str, str]
) -> None:
    attempts = Path(isolated_env["XDG_CACHE_HOME"]) / "canales" / "pin-attempts.json"
    attempts.parent.mkdir(parents=True)
    attempts.write_bytes(DEEP)
    console = make_console(NOW)
    console.start()
    assert len(console.window.cards) == 5
    assert console.window.banner.isHidden()


def test_the_settings_report_a_pin_limiter_that_cannot_be_made(
    make_console, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("attempts unreadable")

    console = make_console(NOW)
    console.start()
    monkeypatch.setattr("app.storage.pin.RateLimiter", broken)
    with caplog.at_level(logging.ERROR, logger="app"):
        assert console.open_settings() is None
    attempts = console.services.paths.cache_dir / "pin-attempts.json"
    assert banner(console) == (
        "No se puede abrir la configuración: "
        f"{attempts}: no se pudo cargar (RuntimeError: attempts unreadable)"
    )
    assert any(r.exc_info for r in caplog.records)
    assert console.settings_dialog is None


def test_a_deeply_nested_last_good_record_is_no_copy(make_console, tmp_path: Path) -> None:
    config = tmp_path / "share" / "config.json"
    config.parent.mkdir()
    config.write_bytes(named("Línea del equipo"))
    first = make_console(NOW, config=config)
    kept = first.active.last_good
    assert kept.recall(config) is not None
    kept._meta_path(config).write_bytes(DEEP)
    config.unlink()
    config.parent.rmdir()  # the share is gone
    console = make_console(NOW, config=config)
    console.start()
    assert first_title(console) == DEFAULT_NAME
    assert banner(console) == (
        "Archivo compartido no disponible desde 2026-12-01 10:00; "
        "se muestra la configuración predeterminada"
    )


def test_a_deeply_nested_last_good_record_does_not_break_a_reload(
    make_console, tmp_path: Path
) -> None:
    config = tmp_path / "team.json"
    config.write_bytes(named("Línea del equipo"))
    console = make_console(NOW, config=config)
    console.start()
    console.active.last_good._meta_path(config).write_bytes(DEEP)
    config.write_bytes(named("Línea nueva"))
    console.reload_config()
    assert console.window.banner.isHidden()
    assert first_title(console) == "Línea nueva"


@pytest.fixture
def spanish_frame(qapp, qtbot) -> Iterator[MainWindow]:
    """The frame ``app.ui.startup.run`` paints before the console exists, in Spanish."""
    app = make_application()
    translations = Translations(app)
    translations.use("es")
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # as with a tray icon
    window = MainWindow(tray_available=True)
    qtbot.addWidget(window)
    yield window
    app.setQuitOnLastWindowClosed(quit_on_close)
    translations.clear()


def test_the_frame_explains_a_console_that_cannot_be_built(
    spanish_frame: MainWindow,
    isolated_env: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Even the embedded default cannot be shown (every holiday table fails): the frame says
    so instead of "loading…" forever, and closing it quits although a tray was expected."""

    def broken(self: CachedHolidaySource, country: str, language: str, year: int) -> dict:
        raise RuntimeError("holiday table exploded")

    from app.ui.startup import build_or_explain  # noqa: PLC0415 - the subject

    monkeypatch.setattr(CachedHolidaySource, "__call__", broken)
    app = make_application()

    def build() -> Console:
        services = build_services(None, isolated_env)
        prefs = PreferencesStore(tmp_path / "prefs.json")
        return Console(
            app,
            services,
            SystemClock(),
            precise_single_shot,
            prefs,
            tray_available=True,
            window=spanish_frame,
        )

    with caplog.at_level(logging.ERROR, logger="app"):
        assert build_or_explain(app, spanish_frame, build) is None
    assert spanish_frame.banner.parentWidget() is spanish_frame.centralWidget()
    assert spanish_frame.banner.isVisibleTo(spanish_frame)
    assert spanish_frame.banner.text() == (
        "La consola no pudo iniciarse (detalles en el archivo de registro): "
        f"{default_config_path()}: no se pudo cargar (RuntimeError: holiday table exploded)"
    )
    assert app.quitOnLastWindowClosed()
    assert any(r.exc_info for r in caplog.records)


@pytest.mark.qt_no_exception_capture
def test_an_exception_escaping_a_slot_is_logged_and_shown(
    make_console, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The GUI's last resort (``sys.excepthook`` while the console runs): what escapes a slot
    is one banner line and a logged traceback; the console goes on."""
    from app.ui.startup import ReportUnexpected  # noqa: PLC0415 - the subject

    console = make_console(NOW)
    console.start()
    monkeypatch.setattr(sys, "excepthook", ReportUnexpected(console.window))

    def failing_slot() -> None:
        raise RuntimeError("boom")

    console.window.quit_requested.connect(failing_slot)  # any signal, any slot
    with caplog.at_level(logging.ERROR, logger="app"):
        console.window.quit_requested.emit()
    assert (
        banner(console)
        == "Error inesperado (detalles en el archivo de registro): RuntimeError: boom"
    )
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
    assert len(console.window.cards) == 5


def test_a_hostile_preferences_file_does_not_stop_the_console_and_is_kept(
    make_console, tmp_path: Path
) -> None:
    hostile = b'{"compact": ' + b"9" * 5000 + b"}"
    prefs_file = tmp_path / "prefs-0.json"  # where make_console keeps its first console's
    prefs_file.write_bytes(hostile)
    console = make_console(NOW)
    assert console.prefs_store.path == prefs_file
    console.start()
    assert len(console.window.cards) == 5
    console.save_preferences(dataclasses.replace(console.prefs, compact=True))
    assert console.prefs.compact
    kept = [p for p in tmp_path.iterdir() if p.is_file() and p.read_bytes() == hostile]
    assert kept, "the agent's file was written over"


def test_the_settings_report_a_pin_file_that_fails_unexpectedly(
    make_console, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("integer too long")

    console = make_console(NOW)
    console.start()
    monkeypatch.setattr("app.ui.pin_prompt.read_pin", broken)
    assert console.open_settings() is None
    pin_file = pin_path_for(console.services.store.path)
    assert banner(console) == (
        "No se puede abrir la configuración: "
        f"{pin_file}: no se pudo cargar (ValueError: integer too long)"
    )
    assert console.settings_dialog is None
