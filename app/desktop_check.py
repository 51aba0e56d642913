"""Before Qt loads a platform plugin: is there a screen, and are the system libraries there?

On a bare Debian/Ubuntu Qt's xcb plugin aborts the process (exit 134) when a library it needs
is missing, naming the wrong one ("xcb-cursor0 is needed") or none; with no display at all it
aborts too. This check runs first, without Qt, and turns both into one line that says what to
install (or to use ``QT_QPA_PLATFORM=offscreen``) and exit 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Final

from app.domain.texts import tr

# Every platform plugin needs these (offscreen included): the library, and its Debian package.
_COMMON: Final = (
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
# What the xcb plugin (a real X display) needs on top of them.
_XCB: Final = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
)

Loader = Callable[[str], bool]


def can_load(library: str) -> bool:
    """Whether the dynamic linker finds ``library`` (as Qt's plugin will ask it to)."""
    import ctypes  # noqa: PLC0415 - only where a display is checked, not offscreen

    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def platform_plugin(env: Mapping[str, str]) -> str:
    """The plugin Qt will pick on Linux: the one asked for, else Wayland in a Wayland
    session, else xcb."""
    asked = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if asked:
        return asked
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def desktop_problem(
    env: Mapping[str, str], lang: str, *, loader: Loader = can_load, system: str = sys.platform
) -> str | None:
    """One line saying why the window cannot open here, or None when it can (or when this is
    not Linux, where Qt ships what it needs)."""
    if not system.startswith("linux"):
        return None
    plugin = platform_plugin(env)
    needed = list(_COMMON)
    if plugin == "xcb":
        needed += _XCB
    missing = [package for library, package in needed if not loader(library)]
    if missing:
        return tr(
            lang,
            "the window cannot open: system libraries are missing; install them with: "
            "sudo apt-get install {packages}",
            packages=" ".join(missing),
        )
    if plugin == "xcb" and not env.get("DISPLAY"):
        return tr(
            lang,
            "the window cannot open: there is no display (DISPLAY is not set); "
            "for a check without a screen use QT_QPA_PLATFORM=offscreen",
        )
    return None
