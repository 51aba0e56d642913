"""Render the console at fixed instants, and its settings dialog, to PNG (README pictures, and
a look as a user would).

Usage: QT_QPA_PLATFORM=offscreen python tests/render_screenshots.py [OUT_DIR] [--lang es|en]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QRect

from app.bootstrap import build_services
from app.storage.preferences import Preferences, PreferencesStore
from app.ui.application import Console
from app.ui.clock import precise_single_shot
from app.ui.settings import SettingsDialog
from app.ui.settings.pages.schedules import SchedulesPage
from app.ui.startup import make_application

BOGOTA = ZoneInfo("America/Bogota")
TASKBAR = 40  # a laptop's screen less its taskbar is what a window may use
INSTANTS = {
    "weekday-open": dt.datetime(2026, 12, 1, 10, 30, 12, tzinfo=BOGOTA),
    "saturday-closing-soon": dt.datetime(2026, 12, 5, 12, 50, 3, tzinfo=BOGOTA),
    "holiday": dt.datetime(2026, 12, 8, 10, 0, 0, tzinfo=BOGOTA),
    "night": dt.datetime(2026, 12, 2, 22, 15, 40, tzinfo=BOGOTA),
}


class FixedClock:
    def __init__(self, now: dt.datetime) -> None:
        self.moment = now

    def now(self) -> dt.datetime:
        return self.moment


def render(out_dir: Path, lang: str, size: tuple[int, int] = (1366, 768)) -> list[Path]:
    app = make_application()
    services = build_services(None, {**os.environ, "CANALES_LANG": lang})
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, moment in INSTANTS.items():
            variants = (
                ("", Preferences()),
                ("-week", Preferences(week_view=True)),
                ("-compact", Preferences(compact=True)),
                ("-dark", Preferences(theme="dark")),
            )
            for variant, prefs in variants:
                if variant and name != "weekday-open":
                    continue
                store = PreferencesStore(Path(scratch) / f"{name}{variant}.json")
                store.save(prefs)
                console = Console(
                    app,
                    services,
                    FixedClock(moment),
                    precise_single_shot,
                    store,
                    tray_available=False,
                )
                console.window.resize(*((420, size[1]) if prefs.compact else size))
                console.window.show()
                console.live.start()
                app.processEvents()
                path = out_dir / f"console-{lang}-{name}{variant}.png"
                console.window.grab().save(str(path))
                written.append(path)
                console.live.stop()
                console.translations.clear()
                console.themes.use("system")
                console.window.quitting = True
                console.window.hide()
                console.window.deleteLater()
                console.translations.deleteLater()
                console.deleteLater()
                # processEvents alone leaves deleteLater() queued outside an event loop
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                app.processEvents()
    return written


def render_settings(out_dir: Path, lang: str, screen: tuple[int, int] = (1366, 768)) -> Path:
    """The settings dialog (its Schedules page) as it opens on a ``screen``-sized laptop."""
    app = make_application()
    services = build_services(None, {**os.environ, "CANALES_LANG": lang})
    moment = INSTANTS["weekday-open"]
    with tempfile.TemporaryDirectory() as scratch:
        console = Console(
            app,
            services,
            FixedClock(moment),
            precise_single_shot,
            PreferencesStore(Path(scratch) / "settings.json"),
            tray_available=False,
        )
        dialog = SettingsDialog(
            console.loaded, services, FixedClock(moment), lang=console.lang, parent=console.window
        )
        dialog.fit_to(QRect(0, 0, screen[0], screen[1] - TASKBAR))
        dialog.sidebar.setCurrentRow(dialog.pages.index(dialog.page(SchedulesPage)))
        dialog.show()
        app.processEvents()
        path = out_dir / f"settings-{lang}-{screen[0]}x{screen[1]}.png"
        dialog.grab().save(str(path))
        dialog.hide()
        dialog.deleteLater()
        console.translations.clear()
        console.window.quitting = True
        console.window.deleteLater()
        app.processEvents()
    return path


def render_sheet(out_dir: Path, lang: str, page: str = "Letter") -> Path:
    """The printable channel sheet (File → Imprimir hoja de canales…) as the PDF paints it."""
    from app.core.sheet import sheet_view, source_of  # noqa: PLC0415
    from app.ui.print_sheet import SheetPainter  # noqa: PLC0415

    make_application()
    services = build_services(None, {**os.environ, "CANALES_LANG": lang})
    loaded = services.store.load()
    engine = services.engine(loaded.config, lang)
    view = sheet_view(engine, source_of(loaded), INSTANTS["weekday-open"], lang)
    path = out_dir / f"sheet-{lang}-{page.lower()}.png"
    SheetPainter(view, page).image(1.0).save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", type=Path, default=Path("docs"))
    parser.add_argument("--lang", default="es")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in render(args.out, args.lang):
        print(path)
    print(render_settings(args.out, args.lang))
    print(render_sheet(args.out, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
