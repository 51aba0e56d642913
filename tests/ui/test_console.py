"""The agent console under a fake clock: states, copy, filter, reload, tray, keyboard."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit

from app.domain.copy_format import CopyFormat
from app.domain.model import EmailContact
from app.resources import default_config_path
from app.storage.preferences import Preferences
from app.ui.actions import ContactActions

BOGOTA = ZoneInfo("America/Bogota")

DEFAULT = json.loads(default_config_path().read_text(encoding="utf-8"))


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BOGOTA)


def card(console, channel_id: str):
    return next(c for c in console.window.cards if c.channel.id == channel_id)


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard)


def started(console):
    console.start()
    return console


def transition_timer(console):
    second, transition = console.fake_timers.timers[:2]
    return second, transition


def test_opening_time_flips_phone_main_in_the_same_turn(make_console) -> None:
    console = started(make_console(at(2026, 12, 7, 6, 59, 59)))
    main = card(console, "phone-main")
    assert main.badge.text.text() == "Cerrado"
    assert main.next_change.text() == "abre 7:00 · en 1 min"
    _second, transition = transition_timer(console)
    assert transition.active and transition.interval_ms == 1000
    console.clock.set(2026, 12, 7, 7, 0, 0)
    transition.fire()
    assert main.badge.text.text() == "Abierto"
    assert main.badge.key == "open"
    assert main.next_change.text() == "cierra 19:00 · en 12 h"
    assert console.window.strip.answer.text().startswith("Línea de servicio al cliente (Bogotá)")


def test_an_early_timer_waits_for_the_real_moment(make_console) -> None:
    console = started(make_console(at(2026, 12, 7, 6, 59, 0)))
    _second, transition = transition_timer(console)
    console.clock.set(2026, 12, 7, 6, 59, 59)
    transition.fire()  # one second early
    assert card(console, "phone-main").badge.key == "closed"
    assert transition.active and transition.interval_ms == 1000


def test_saturday_closing_soon(make_console) -> None:
    console = started(make_console(at(2026, 12, 5, 12, 50)))
    main = card(console, "phone-main")
    assert main.badge.text.text() == "Cierra pronto"
    assert main.badge.key == "closing"
    assert main.next_change.text() == "cierra 13:00 · en 10 min"
    assert console.window.header.today.text() == "Sábado: horario 8:00–13:00"
    assert card(console, "phone-critical").badge.text.text() == "24/7"


def test_holiday_is_shown(make_console) -> None:
    console = started(make_console(at(2026, 12, 8, 10, 0)))
    window = console.window
    assert window.header.today.text() == "Hoy es festivo: La Inmaculada Concepción"
    main = card(console, "phone-main")
    assert main.badge.text.text() == "Cerrado"
    assert main.reason.text() == "La Inmaculada Concepción"
    assert main.next_change.text() == "abre mañana 7:00 · en 21 h"
    assert window.strip.answer.text().startswith("Ningún canal para esta solicitud está abierto")
    assert "abre mañana 7:00" in window.strip.answer.text()
    levels = window.ladder.levels
    assert [box.badge.text.text() for box in levels] == [
        "Cerrado",
        "Horario no publicado",
        "Horario no publicado",
    ]


def test_priority_one_recommends_the_critical_line_at_night(make_console) -> None:
    console = started(make_console(at(2026, 12, 2, 22, 15)))
    strip = console.window.strip
    strip.request_type.setCurrentIndex(strip.request_type.findData("priority-1"))
    assert strip.answer.text().startswith(
        "Línea para incidentes prioridad 1 (críticos) — +57 318 7174937"
    )
    strip.copy_button.click()
    assert clipboard_text() == "+573187174937"
    assert console.prefs.request_type == "priority-1"


def test_all_at_night_offers_the_critical_line_with_its_copy_button(make_console) -> None:
    """Nothing for ordinary requests is open, but the 24/7 line shown below is: the strip says
    both, and its copy button copies that line (the seed page's rule for priority 1)."""
    console = started(make_console(at(2026, 12, 2, 22, 15)))
    strip = console.window.strip
    strip.request_type.setCurrentIndex(strip.request_type.findData("all"))
    text = strip.answer.text()
    assert text.startswith("Ningún canal para esta solicitud está abierto ahora")
    assert "Para un incidente crítico (prioridad 1): Línea para incidentes" in text
    assert strip.copy_button.isEnabled()
    strip.copy_button.click()
    assert clipboard_text() == "+573187174937"
    assert not strip.has_open_channel()


def test_clock_ticks_each_second_aligned(make_console) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 30, 12)))
    second, _transition = transition_timer(console)
    assert console.window.header.centre_clock.text() == "10:30:12"
    console.clock.moment = at(2026, 12, 1, 10, 30, 12) + dt.timedelta(milliseconds=400)
    second.fire()
    assert second.interval_ms == 600
    console.clock.set(2026, 12, 1, 10, 30, 13)
    second.fire()
    assert console.window.header.centre_clock.text() == "10:30:13"


def test_wall_clock_jump_re_evaluates(make_console) -> None:
    """Suspend at 6:00, resume at 9:00: the next tick shows the truth, no transition needed."""
    console = started(make_console(at(2026, 12, 7, 6, 0, 0)))
    second, _transition = transition_timer(console)
    assert card(console, "phone-main").badge.key == "closed"
    console.clock.set(2026, 12, 7, 9, 0, 0)
    second.fire()
    assert card(console, "phone-main").badge.key == "open"
    assert console.window.header.centre_clock.text() == "9:00:00"


def test_nothing_is_recomputed_on_an_ordinary_tick(make_console) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 30, 12)))
    second, _ = transition_timer(console)
    seen = []
    console.live.snapshot_changed.connect(seen.append)
    for s in range(13, 20):
        console.clock.set(2026, 12, 1, 10, 30, s)
        second.fire()
    assert seen == []


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (CopyFormat.NATIONAL, "6017442727"),
        (CopyFormat.E164, "+576017442727"),
        (CopyFormat.DIAL, "+576017442727,,2,,4"),
    ],
)
def test_copy_formats(make_console, fmt: CopyFormat, expected: str) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 0), prefs=Preferences(copy_format=fmt)))
    row = card(console, "phone-main").contacts[0]
    assert row.copy_button.toolTip() == f"Copiar «{expected}»"
    row.copy_button.click()
    assert clipboard_text() == expected
    assert console.window.statusBar().currentMessage() == f"Copiado: {expected}"


def test_changing_the_format_updates_tooltips_and_preferences(make_console) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    console.window.format_actions[CopyFormat.DIAL].trigger()
    row = card(console, "phone-main").contacts[0]
    assert row.copy_button.toolTip() == "Copiar «+576017442727,,2,,4»"
    assert console.prefs.copy_format is CopyFormat.DIAL
    saved = json.loads(console.prefs_store.path.read_text(encoding="utf-8"))
    assert saved["copy_format"] == "dial"


def test_extension_button_copies_that_extension(make_console) -> None:
    console = started(
        make_console(at(2026, 12, 1, 10, 0), prefs=Preferences(copy_format=CopyFormat.DIAL))
    )
    supervisor = console.window.ladder.levels[1].contacts[0]
    assert [b.text() for b in supervisor.extension_buttons] == [
        "ext. 1113",
        "ext. 1107",
        "ext. 1109",
        "ext. 1427",
    ]
    supervisor.extension_buttons[2].click()
    assert clipboard_text() == "+576013790300,,1109"


def test_email_copy_and_mailto(make_console) -> None:
    opened: list[QUrl] = []
    actions = ContactActions(QGuiApplication.clipboard(), CopyFormat.E164, opened.append)
    contact = EmailContact(address="soporte.certigestor@certicamara.com")
    assert actions.copy(contact) == "soporte.certigestor@certicamara.com"
    actions.open(contact)
    assert [u.toString() for u in opened] == ["mailto:soporte.certigestor@certicamara.com"]


def test_actions_open_tel_and_the_chat(make_console, monkeypatch) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    opened: list[str] = []
    monkeypatch.setattr(
        console.actions, "_open_url", lambda url: opened.append(url.toString()) or True
    )
    card(console, "phone-main").contacts[0].action_button.click()
    card(console, "chat").contacts[0].action_button.click()
    assert opened == ["tel:+57-601-7442727", "http://idealab.certicamara.com/CertiChat/chat.php"]
    assert card(console, "chat").contacts[0].action_button.text() == "Abrir"


def test_filter_narrows_channels_and_ladder(make_console, qtbot) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    window = console.window
    qtbot.keyClicks(window.filter, "mesadeayuda")
    assert [c.channel.id for c in window.visible_cards()] == []
    assert window.no_match.text() == "Ningún canal coincide con «mesadeayuda»"
    assert [box.isHidden() for box in window.ladder.levels] == [True, False, False]
    supervisor = window.ladder.levels[1]
    assert [row.isHidden() for row in supervisor.contacts] == [True, False]
    window.filter.setText("7442727")
    assert [c.channel.id for c in window.visible_cards()] == ["phone-main", "pqrsa"]
    window.filter.setText("CHAT")
    assert [c.channel.id for c in window.visible_cards()] == ["chat"]
    window.filter.clear()
    assert len(window.visible_cards()) == 5


@pytest.mark.parametrize(
    ("query", "levels_shown"),
    [
        ("pqrs", [False, False, False]),
        ("mesadeayuda", [False, True, True]),
        ("certigestor", [True, False, False]),
        ("3790300", [False, True, True]),
        ("", [True, True, True]),
    ],
)
def test_ladder_filter_leaves_no_orphan_arrows_and_says_when_nothing_matches(
    make_console, query: str, levels_shown: list[bool]
) -> None:
    """An arrow only between two shown levels; "Sin coincidencias" when none is left."""
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    window = console.window
    window.filter.setText(query)
    ladder = window.ladder
    assert [not box.isHidden() for box in ladder.levels] == levels_shown
    assert sum(not arrow.isHidden() for arrow in ladder.arrows) == max(0, sum(levels_shown) - 1)
    assert ladder.no_match.isHidden() == any(levels_shown)
    assert ladder.no_match.text() == "Sin coincidencias"


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1366, 560), (1280, 768), (1280, 600)])
def test_level_boxes_keep_a_right_margin_inside_the_ladder_pane(
    make_console, qtbot, width: int, height: int
) -> None:
    """On a 1280–1366 px desktop the escalation cards ran into the window's right edge: the
    ladder's content was wider than its pane (and than its pane less a vertical scroll bar)."""
    console = started(make_console(at(2026, 12, 2, 10, 15)))
    window = console.window
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    viewport = window.ladder_scroll.viewport()
    for box in window.ladder.levels:
        right = box.mapTo(viewport, QPoint(box.width(), 0)).x()
        assert right <= viewport.width() - 8, (box.level.name, right, viewport.width())
    assert window.ladder_scroll.mapTo(window, QPoint(viewport.width(), 0)).x() <= window.width()


def test_ctrl_number_copies_the_nth_visible_channel(make_console, qtbot) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    window = console.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    target = card(console, "chat").contacts[0].copy_button
    target.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(target, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text() == "+573187174937"
    window.filter.setText("correo")
    qtbot.keyClick(target, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text() == "soporte.certigestor@certicamara.com"
    qtbot.keyClick(target, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter.hasFocus()


def test_live_reload_applies_a_valid_change_and_rejects_an_invalid_one(
    make_console, qtbot, tmp_path: Path
) -> None:
    config = tmp_path / "team.json"
    config.write_text(json.dumps(DEFAULT), encoding="utf-8")
    console = started(make_console(at(2026, 12, 1, 10, 0), config=config))
    window = console.window
    changed = json.loads(json.dumps(DEFAULT))
    changed["channels"][0]["name"] = "Línea principal"
    changed["channels"][0]["contacts"][0]["number"] = "+57 601 5550000"
    with qtbot.waitSignal(console.watcher.changed, timeout=5000):
        config.write_text(json.dumps(changed), encoding="utf-8")
    assert card(console, "phone-main").title.text() == "Línea principal"
    assert card(console, "phone-main").contacts[0].value.text() == "+57 601 5550000"
    assert window.banner.isHidden()

    broken = json.loads(json.dumps(changed))
    broken["channels"][0]["contacts"][0]["number"] = "7442727"
    with qtbot.waitSignal(console.watcher.changed, timeout=5000):
        config.write_text(json.dumps(broken), encoding="utf-8")
    assert not window.banner.isHidden()
    assert window.banner.text() == (
        "La nueva configuración no se aplicó; se sigue mostrando la última válida: "
        f"{config}: channels[0].contacts[0].number: «7442727» no es un número de teléfono válido "
        "(incluya el indicativo, p. ej. 601)"
    )
    assert card(console, "phone-main").contacts[0].value.text() == "+57 601 5550000"
    assert json.loads(config.read_text(encoding="utf-8")) == broken  # never rewritten


def test_a_broken_file_at_start_shows_the_default_with_a_banner(
    make_console, tmp_path: Path
) -> None:
    config = tmp_path / "team.json"
    config.write_text("{ nope", encoding="utf-8")
    console = started(make_console(at(2026, 12, 1, 10, 0), config=config))
    assert console.window.banner.text().startswith(
        "No se pudo usar el archivo de configuración; se muestra la configuración predeterminada: "
        f"{config}:1:3: "
    )
    assert len(console.window.cards) == 5
    assert config.read_text(encoding="utf-8") == "{ nope"


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")  # the offscreen platform has no tray
def test_tray_tooltip_and_notifications(make_console) -> None:
    console = make_console(
        at(2026, 12, 5, 12, 44, 0), tray=True, prefs=Preferences(watched_channels=["phone-main"])
    )
    shown = []
    console.start()
    assert console.tray is not None
    console.tray.notify = shown.append  # observe what would pop up
    assert console.tray.icon.toolTip() == (
        "Canales — Abiertos: Línea de servicio al cliente (Bogotá), "
        "Línea para incidentes prioridad 1 (críticos), Correo de soporte y 1 más · Cerrados: 1"
    )
    _second, transition = transition_timer(console)
    console.clock.set(2026, 12, 5, 12, 45, 0)
    transition.fire()
    assert [(n.channel.id, n.event.value) for n in shown] == [("phone-main", "closing_soon")]


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_close_hides_to_tray_or_quits(make_console) -> None:
    with_tray = started(make_console(at(2026, 12, 1, 10, 0), tray=True))
    with_tray.window.show()
    with_tray.window.close()
    assert with_tray.window.isHidden()
    without = started(make_console(at(2026, 12, 1, 10, 0), tray=False))
    quits = []
    without.window.quit_requested.connect(lambda: quits.append(1))
    without.window.show()
    without.window.close()
    assert quits == [1]


def test_compact_mode_and_always_on_top(make_console) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    window = console.window
    window.show()
    window.compact_action.trigger()
    assert window.width() <= 420 + 40
    assert window.ladder_scroll.isHidden()
    assert card(console, "email").notes.isHidden()
    window.on_top_action.trigger()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert console.prefs.compact and console.prefs.always_on_top


def test_week_view_toggle(make_console) -> None:
    console = started(make_console(at(2026, 12, 7, 10, 0)))
    window = console.window
    window.week_action.trigger()
    assert window.stack.currentIndex() == 1
    plan = window.week.plan()
    assert plan is not None
    assert plan.days[1].holiday == "La Inmaculada Concepción"


def test_every_control_has_an_accessible_name(make_console) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    window = console.window
    controls = [
        w for kind in (QAbstractButton, QComboBox, QLineEdit) for w in window.findChildren(kind)
    ]
    assert len(controls) > 30
    unnamed = [
        w.objectName() or type(w).__name__
        for w in controls
        if w.isVisibleTo(window)
        and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
    ]
    assert unnamed == []


def test_geometry_is_remembered(make_console) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    console.window.resize(1000, 700)
    console.quit()
    saved = json.loads(console.prefs_store.path.read_text(encoding="utf-8"))
    assert saved["window_geometry"]


def test_self_test_prints_one_json_line(isolated_env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        env={**isolated_env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""  # Qt's own messages go to the log file, not the terminal
    (line,) = result.stdout.splitlines()
    report = json.loads(line)
    assert report["ok"] is True
    assert report["channels"] == 5
    assert report["startup_ms"] > 0
    assert report["rss_mb"] > 10


# What a start never needs before the board is painted (the start-up memory budget): the week
# view and its plan (made when first shown), the PIN (when a supervisor asks), the tray menu
# (only where there is a tray), the case log and its list (with the first case), and the
# libraries of exports, signatures and remote sources.
NOT_AT_START = (
    "app.storage.case_log",
    "app.core.cases",
    "app.ui.case_list",
    "app.ui.case_dialog",
    "app.ui.exports",
    "app.ui.print_sheet",
    "app.core.calendar_export",
    "app.core.vcard_export",
    "app.core.sheet",
    "PySide6.QtPrintSupport",
    "sqlite3",
    "app.ui.week_view",
    "app.domain.week",
    "app.ui.pin_prompt",
    "app.storage.pin",
    "app.ui.tray",
    "app.ui.settings",
    "icalendar",
    "vobject",
    "cryptography",
    "ssl",
    "http.client",
    "truststore",
)


def test_the_self_test_imports_only_what_the_board_needs(isolated_env: dict[str, str]) -> None:
    """Modules, and PySide6's lazily made classes: asking Qt for a widget it made itself (a
    scroll area's own viewport) makes PySide6 load every QWidget class to find its type
    (≈1.4 MB); QMdiArea, which Canales never uses, stands for them."""
    code = (
        "import gc, sys\n"
        "from app.cli import main\n"
        "code = main(['--self-test'])\n"
        f"loaded = [m for m in {NOT_AT_START!r} if m in sys.modules]\n"
        "loaded += [t.__qualname__ for t in gc.get_objects() if isinstance(t, type) "
        "and t.__qualname__ == 'QMdiArea']\n"
        "print(' '.join(loaded) or '-')\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**isolated_env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "-"


def test_the_week_view_is_made_when_first_shown(make_console) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    board = console.window.board
    assert board.stack.count() == 1 and not board.week_shown()  # the board's page only
    console.window.week_action.trigger()
    assert board.stack.count() == 2 and board.week_shown()
    assert board.week.bar_labels()  # painted from the plan of the board's instant
    console.window.week_action.trigger()
    assert not board.week_shown()


def test_leaving_compact_mode_restores_the_window_it_came_from(make_console, qtbot) -> None:
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    window = console.window
    window.show()
    window.resize(1300, 760)
    QApplication.processEvents()  # as in a running console: its layouts have settled
    before = window.size()
    window.compact_action.trigger()
    qtbot.waitUntil(lambda: window.width() <= 420 + 40, timeout=2000)
    window.compact_action.trigger()
    assert (window.width(), window.height()) == (before.width(), before.height())
    assert not window.ladder_scroll.isHidden()


def test_the_week_view_scrolls_sideways_in_compact_mode(make_console) -> None:
    """At ~420 px Friday and Saturday are reached by scrolling, not cut off."""
    console = started(make_console(at(2026, 12, 1, 10, 0)))
    window = console.window
    window.show()
    window.compact_action.trigger()
    window.week_action.trigger()
    QApplication.processEvents()
    area = window.stack.currentWidget()
    bar = area.horizontalScrollBar()
    assert area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert bar.maximum() > 0  # there is more to the right
    bar.setValue(bar.maximum())
    view = window.week
    assert view.width() >= view.minimumSizeHint().width()  # days keep a readable width
