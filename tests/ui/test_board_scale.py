"""A board of 200 channels: cards are built as they come into view, yet every channel can be
filtered, reached by Tab and copied with Ctrl+N; glyphs are rendered once, not per card.
(Time and memory at this size are measured by ``tests/benchmarks/bench_board_scale.py`` and
``bench_filter_and_week.py``, not here.)"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.icons import GlyphCache

BOGOTA = ZoneInfo("America/Bogota")
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=BOGOTA)
CHANNELS = 200
_SCALED = Path(__file__).parents[1] / "benchmarks" / "scaled_config.py"


def _scaled_module() -> Any:
    spec = importlib.util.spec_from_file_location("scaled_config", _SCALED)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def big(make_console, tmp_path: Path, qtbot):
    """A started, shown console over 200 channels, its window active (shortcuts, focus)."""
    config = _scaled_module().write_scaled(CHANNELS, tmp_path / "big.json")
    console = make_console(NOW, config=config)
    console.start()
    window = console.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(window.board.ready)
    return console


def card_index(console, widget: QWidget | None) -> int | None:
    """Which channel's card holds ``widget`` (None: not in a card)."""
    for index, card in enumerate(console.window.board.channel_list._cards):
        if card is not None and widget is not None and card.isAncestorOf(widget):
            return index
    return None


def test_the_board_builds_what_is_seen_not_every_channel(big) -> None:
    board = big.window.board
    built = [card.channel.id for card in board.cards]
    assert len(board.channel_list) == CHANNELS
    assert built[:3] == ["phone-main", "phone-critical", "email"]
    assert 3 <= len(built) < 30
    assert board.ready()  # every channel in view is a card with its state
    first = board.cards[0]
    assert first.availability is not None and first.badge.text.text() == "Abierto"


def test_scrolling_builds_the_cards_that_come_into_view(big, qtbot) -> None:
    board = big.window.board
    column = board.channel_list
    column.verticalScrollBar().setValue(column.verticalScrollBar().maximum())
    qtbot.waitUntil(board.ready)
    last = column.built_card(CHANNELS - 1)
    assert last is not None and last.isVisible()
    assert last.channel.id == "pqrsa-200"
    assert last.availability is not None  # built late, it shows the state the board shows
    assert len(board.cards) < CHANNELS // 2  # the ones in between were skipped


def test_filtering_finds_a_channel_whose_card_was_not_built(big) -> None:
    window = big.window
    column = window.board.channel_list
    name = big.loaded.config.channels[149].name
    assert column.built_card(149) is None
    window.filter.setText(name)
    assert [c.channel.id for c in window.visible_cards()] == ["pqrsa-150"]
    card = column.built_card(149)
    assert card is not None and card.isVisible()
    assert card.title.text() == name
    assert column.in_view() == [149]
    assert window.no_match.isHidden()
    window.filter.clear()
    assert len(column.shown()) == CHANNELS


def test_tab_walks_the_cards_in_board_order_past_the_first_screenful(big, qtbot) -> None:
    window = big.window
    window.filter.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.filter.hasFocus)
    initially_built = len(window.board.cards)
    reached: list[QWidget] = []
    for _ in range(120):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    cards = [card_index(big, widget) for widget in reached]
    assert cards[0] == 0
    assert reached[0] is window.board.cards[0].reply  # the card's first control
    in_cards = [index for index in cards if index is not None]
    assert in_cards == sorted(in_cards)  # never back up the board, never skip to the ladder
    assert max(in_cards) >= initially_built + 5
    for index in range(max(in_cards)):  # every button of every card Tab went past
        card = window.board.channel_list.built_card(index)
        buttons = [card.reply, card.watch] + [
            button
            for row in card.contacts
            for button in (row.copy_button, row.action_button, *row.extension_buttons)
        ]
        assert all(button in reached for button in buttons), card.channel.id


def test_ctrl_number_copies_the_nth_visible_channel_at_scale(big, qtbot) -> None:
    window = big.window
    window.filter.setText("chat")  # every fifth channel: chat, chat-009, chat-014…
    target = window.board.cards[0].watch
    target.setFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(target, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert (
        QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard)
        == "http://idealab.certicamara.com/CertiChat/chat.php"
    )
    ninth = window.board.nth_visible_card(9)
    assert ninth is not None and ninth.channel.id == "chat-044"


def test_cards_built_late_follow_compact_mode(big, qtbot) -> None:
    window = big.window
    window.compact_action.setChecked(True)
    window.filter.setText("· 180")
    card = window.board.channel_list.built_card(179)
    assert card is not None
    assert card.hours.isHidden()
    assert card.contacts[0].copy_button.text() == ""


def test_each_glyph_is_rendered_once_for_the_whole_board(big, qtbot) -> None:
    cache = GlyphCache.of_application()
    assert cache is not None
    board = big.window.board
    rendered, built = cache.renders, len(board.cards)
    column = board.channel_list
    column.verticalScrollBar().setValue(column.verticalScrollBar().maximum() // 2)
    qtbot.waitUntil(board.ready)
    assert len(board.cards) > built
    assert cache.renders == rendered  # new cards, the same bell, copy and phone glyphs


def test_focus_put_in_a_far_card_tabs_to_its_neighbours(big, qtbot) -> None:
    """A screen reader can move focus to any control without scrolling there first: Tab and
    Shift+Tab from it still go to the next and previous channels, not past them."""
    column = big.window.board.channel_list
    far = column.card(100)
    assert column.built_card(99) is None and column.built_card(101) is None
    far.reply.setFocus(Qt.FocusReason.OtherFocusReason)  # the card's first control
    qtbot.waitUntil(far.reply.hasFocus)
    qtbot.keyClick(far.reply, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert card_index(big, QApplication.focusWidget()) == 99
    last = far.contacts[-1].action_button
    last.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(last.hasFocus)
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is column.built_card(101).reply


def test_where_the_board_thinks_cards_are_is_where_qt_lays_them_out(big, qtbot) -> None:
    """The board works out positions before Qt lays the cards out (so a keystroke does not
    pay a layout pass); once Qt has, the two agree to the pixel."""
    window = big.window
    column = window.board.channel_list
    for step in ("", "scroll", "chat", "", "· 1"):
        if step == "scroll":
            column.verticalScrollBar().setValue(column.verticalScrollBar().maximum() // 3)
        else:
            window.filter.setText(step)
        qtbot.waitUntil(window.board.ready)
        qtbot.wait(50)  # Qt's own layout pass
        worked_out = {index: (top, bottom) for index, top, bottom in column._spans()}
        laid_out = {}
        for index in column.shown():  # cards and the placeholders of cards not built
            card = column.built_card(index)
            rect = card.geometry() if card is not None else column._item(index).geometry()
            laid_out[index] = (rect.top(), rect.bottom())
        assert worked_out == laid_out, step


def test_filtering_behind_the_week_view_builds_cards_only_when_the_board_is_back(
    big, qtbot
) -> None:
    window = big.window
    column = window.board.channel_list
    window.week_action.setChecked(True)
    built = len(window.board.cards)
    for typed in ("c", "ch", "cha", "chat"):
        window.filter.setText(typed)
    assert len(window.board.cards) == built  # nothing built that nobody sees
    window.week_action.setChecked(False)
    qtbot.waitUntil(window.board.ready)
    in_view = column.in_view()
    assert in_view and all(big.loaded.config.channels[i].kind == "chat" for i in in_view)


def test_the_self_test_passes_with_200_channels(isolated_env: dict[str, str], tmp_path) -> None:
    """``--self-test`` waits for the board painted with every channel in view and its state."""
    config = _scaled_module().write_scaled(CHANNELS, tmp_path / "big.json")
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test", "--config", str(config)],
        env={**isolated_env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["ok"] is True
    assert report["channels"] == CHANNELS
