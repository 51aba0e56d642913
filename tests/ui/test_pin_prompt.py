"""The PIN prompt in front of the settings: right, wrong, waiting, locked, no PIN at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit

from app.storage.pin import RateLimiter, ScryptParams, pin_path_for, set_pin
from app.ui.pin_prompt import PinPrompt, guard_settings

FAST = ScryptParams(n=2**4, r=8, p=1)
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Bogota"))


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def spanish(make_console):  # the console installs the Spanish translation
    return make_console(NOW)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "share" / "config.json"
    path.parent.mkdir()
    return path


def never_ask(*_args: object) -> bool:
    raise AssertionError("asked for a PIN although there is none")


def test_no_pin_file_opens_without_asking(config: Path) -> None:
    assert guard_settings(None, config, RateLimiter(FakeMonotonic()), never_ask)


def test_a_pin_file_asks_and_obeys_the_answer(config: Path) -> None:
    set_pin(pin_path_for(config), "4821", params=FAST)
    asked: list[Path] = []

    def answer(result: bool):
        def ask(_parent: object, pin_path: Path, _limiter: RateLimiter) -> bool:
            asked.append(pin_path)
            return result

        return ask

    limiter = RateLimiter(FakeMonotonic())
    assert guard_settings(None, config, limiter, answer(True))
    assert not guard_settings(None, config, limiter, answer(False))
    assert asked == [config.parent / "config.pin.json"] * 2


def test_a_damaged_pin_file_still_asks_and_the_prompt_is_locked(
    spanish, qtbot, config: Path
) -> None:
    pin_file = pin_path_for(config)
    pin_file.write_text('{"format": "canales-supervisor-pin"}', encoding="utf-8")
    assert not guard_settings(None, config, RateLimiter(FakeMonotonic()), lambda *_: False)
    prompt = PinPrompt(pin_file, RateLimiter(FakeMonotonic()))
    qtbot.addWidget(prompt)
    assert prompt.locked
    assert not prompt.field.isEnabled()
    assert not prompt.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert prompt.status.text().startswith(
        "La configuración está bloqueada: no se puede usar el archivo del PIN de supervisor. "
        f"Consulte a TI. ({pin_file}: version: falta este campo"
    )
    prompt.field.setText("4821")
    prompt.attempt()
    assert prompt.result() != QDialog.DialogCode.Accepted


def test_wrong_wait_then_right(spanish, qtbot, config: Path) -> None:
    pin_file = pin_path_for(config)
    set_pin(pin_file, "4821", params=FAST)
    clock = FakeMonotonic()
    prompt = PinPrompt(pin_file, RateLimiter(clock), min_n=FAST.n)
    qtbot.addWidget(prompt)
    assert prompt.windowTitle() == "PIN de supervisor"
    assert prompt.field.echoMode() is QLineEdit.EchoMode.Password
    ok = prompt.buttons.button(QDialogButtonBox.StandardButton.Ok)

    for typed in ("0000", "1111"):
        prompt.field.setText(typed)
        prompt.attempt()
        assert prompt.status.text() == "PIN incorrecto."
        assert prompt.field.text() == ""
        assert prompt.field.isEnabled()
    prompt.field.setText("2222")
    prompt.attempt()
    assert prompt.status.text() == "PIN incorrecto. Espere 2 s antes de intentarlo de nuevo."
    assert not prompt.field.isEnabled() and not ok.isEnabled()

    clock.now += 1.5
    prompt.refresh()
    assert prompt.status.text() == "Espere 1 s antes de intentarlo de nuevo."
    clock.now += 0.5
    prompt.refresh()
    assert prompt.field.isEnabled() and ok.isEnabled()
    assert prompt.status.text() == ""

    prompt.field.setText("4821")
    prompt.attempt()
    assert prompt.result() == QDialog.DialogCode.Accepted
