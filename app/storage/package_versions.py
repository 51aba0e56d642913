"""Installed versions of the packages whose data decide a result the caches remember.

Found from the ``*.dist-info`` folder beside the package, without importing the package or
``importlib.metadata`` (both cost tens of milliseconds at start-up).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def installed_version(module: str, distribution: str | None = None) -> str:
    """``module``'s version as installed by ``distribution`` (default: the same name).

    In a frozen bundle without the ``dist-info`` the package changes only with the app, so the
    app's version stands in; in an unpacked source tree, the package file's modification time.
    """
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin:
        return "absent"
    package = Path(spec.origin).parent
    for info in package.parent.glob(f"{distribution or module}-*.dist-info"):
        return info.name.removeprefix(f"{distribution or module}-").removesuffix(".dist-info")
    try:
        return f"mtime-{Path(spec.origin).stat().st_mtime_ns}"
    except OSError:
        from app import __version__  # noqa: PLC0415 - a frozen bundle changes only with the app

        return f"bundled-{__version__}"
