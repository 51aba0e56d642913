"""Before Qt loads a platform plugin: a missing screen or system library is one line that says
what to do, never Qt's abort (exit 134)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.desktop_check import desktop_problem, platform_plugin

XCB_ONLY = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}


def missing(*libraries: str):
    return lambda library: library not in libraries


def test_the_missing_packages_are_named_for_apt() -> None:
    problem = desktop_problem(
        {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, "es", loader=missing(*XCB_ONLY), system="linux"
    )
    assert problem == (
        "la ventana no puede abrirse: faltan bibliotecas del sistema; instálelas con: "
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    )


def test_offscreen_needs_only_the_common_libraries() -> None:
    env = {"QT_QPA_PLATFORM": "offscreen"}
    assert desktop_problem(env, "es", loader=missing(*XCB_ONLY), system="linux") is None
    problem = desktop_problem(env, "en", loader=missing("libEGL.so.1"), system="linux")
    assert problem is not None and problem.endswith("sudo apt-get install libegl1")


def test_no_display_is_said_plainly() -> None:
    problem = desktop_problem({}, "en", loader=lambda _library: True, system="linux")
    assert problem is not None and "DISPLAY is not set" in problem
    assert "QT_QPA_PLATFORM=offscreen" in problem


def test_other_systems_and_wayland_sessions() -> None:
    assert desktop_problem({}, "es", loader=missing("libGL.so.1"), system="win32") is None
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert platform_plugin(wayland) == "wayland"
    assert desktop_problem(wayland, "es", loader=missing(*XCB_ONLY), system="linux") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")
def test_a_self_test_without_a_display_is_one_line_and_exit_1(
    isolated_env: dict[str, str],
) -> None:
    env = {k: v for k, v in isolated_env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, (result.returncode, result.stderr)  # Qt's abort was 134
    (line,) = result.stderr.splitlines()
    assert line.startswith("canales: la ventana no puede abrirse: ")
    assert result.stdout == ""
