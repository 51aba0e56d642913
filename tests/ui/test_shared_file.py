"""A configuration on a share: lost and back, garbage, deletion, atomic replaces, at start.

The console keeps showing what it had (or its last known copy) with a banner, never
overwrites anything, and resumes by itself when the file is usable again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

from app.resources import default_config_path

BOGOTA = ZoneInfo("America/Bogota")
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=BOGOTA)
DEFAULT = json.loads(default_config_path().read_text(encoding="utf-8"))
DEFAULT_NAME = DEFAULT["channels"][0]["name"]
COPY_BANNER = (
    "Archivo compartido no disponible desde 2026-12-01 10:00; se muestra la última copia conocida"
)
DEFAULT_BANNER = (
    "Archivo compartido no disponible desde 2026-12-01 10:00; "
    "se muestra la configuración predeterminada"
)


def named(name: str) -> bytes:
    doc = json.loads(json.dumps(DEFAULT))
    doc["channels"][0]["name"] = name
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def atomic_replace(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.x1y2z3w4.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


def first_title(console) -> str:
    return next(c for c in console.window.cards if c.channel.id == "phone-main").title.text()


def share_config(tmp_path: Path, name: str = "Línea del equipo") -> Path:
    path = tmp_path / "share" / "config.json"
    path.parent.mkdir()
    path.write_bytes(named(name))
    return path


def test_share_lost_and_back(make_console, qtbot, tmp_path: Path) -> None:
    config = share_config(tmp_path)
    console = make_console(NOW, config=config)
    console.start()
    assert console.watcher.poll_ms == 30_000  # outside the user's folder: a share
    assert first_title(console) == "Línea del equipo"
    banner = console.window.banner

    with qtbot.waitSignal(console.watcher.unavailable, timeout=5000) as lost:
        shutil.rmtree(config.parent)
    assert lost.args == [True]
    assert not banner.isHidden()
    assert banner.text() == COPY_BANNER
    assert first_title(console) == "Línea del equipo"  # the current configuration stays

    config.parent.mkdir()
    config.write_bytes(named("Línea restaurada"))
    with qtbot.waitSignal(console.watcher.unavailable, timeout=5000) as back:
        console.watcher.poll_now()  # what the 30 s poll does: shares often send no event
    assert back.args == [False]
    assert banner.isHidden()
    assert first_title(console) == "Línea restaurada"


def test_start_with_the_share_gone_shows_the_last_known_copy(make_console, tmp_path: Path) -> None:
    config = share_config(tmp_path)
    make_console(NOW, config=config)  # a successful load keeps a copy in the user cache
    moved = config.parent.rename(tmp_path / "offline")
    console = make_console(NOW, config=config)
    console.start()
    assert console.window.banner.text() == COPY_BANNER
    assert first_title(console) == "Línea del equipo"
    assert not console.watcher.reachable
    assert (moved / "config.json").read_bytes() == named("Línea del equipo")
    assert not config.parent.exists()  # nothing was written to re-create the share


def test_start_with_the_share_gone_and_no_copy_shows_the_default(
    make_console, tmp_path: Path
) -> None:
    console = make_console(NOW, config=tmp_path / "gone" / "config.json")
    assert console.window.banner.text() == DEFAULT_BANNER
    assert first_title(console) == DEFAULT_NAME


def test_a_first_start_without_the_per_user_folder_is_quiet(make_console) -> None:
    console = make_console(NOW)
    assert not console.services.store.path.parent.exists()
    assert console.window.banner.isHidden()
    assert console.watcher.poll_ms == 2_000


def test_garbage_mid_session_keeps_the_last_good_configuration(
    make_console, qtbot, tmp_path: Path
) -> None:
    config = share_config(tmp_path)
    console = make_console(NOW, config=config)
    console.start()
    with qtbot.waitSignal(console.watcher.changed, timeout=5000):
        atomic_replace(config, b"\x00\x01 not json at all")
    text = console.window.banner.text()
    assert text.startswith(
        "La nueva configuración no se aplicó; se sigue mostrando la última válida: "
        f"{config}:1:1: no es un archivo de texto"
    ), text
    assert first_title(console) == "Línea del equipo"
    assert config.read_bytes() == b"\x00\x01 not json at all"  # never rewritten
    copy = console.active.last_good.recall(config)
    assert copy is not None and copy.raw == named("Línea del equipo")  # garbage is not kept

    with qtbot.waitSignal(console.watcher.changed, timeout=5000):
        atomic_replace(config, named("Línea corregida"))
    assert console.window.banner.isHidden()
    assert first_title(console) == "Línea corregida"


def test_every_atomic_replace_reaches_the_console(make_console, qtbot, tmp_path: Path) -> None:
    config = share_config(tmp_path)
    console = make_console(NOW, config=config)
    console.start()
    for n in range(3):
        with qtbot.waitSignal(console.watcher.changed, timeout=5000):
            atomic_replace(config, named(f"Versión {n}"))
        assert first_title(console) == f"Versión {n}"


def test_the_file_deleted_mid_session_keeps_the_last_one(
    make_console, qtbot, tmp_path: Path
) -> None:
    config = share_config(tmp_path)
    console = make_console(NOW, config=config)
    console.start()
    with qtbot.waitSignal(console.watcher.changed, timeout=5000):
        config.unlink()
    assert console.window.banner.text() == (
        f"El archivo de configuración {config} ya no existe; se sigue mostrando la última cargada"
    )
    assert first_title(console) == "Línea del equipo"
    assert not console.loaded.is_default
    with qtbot.waitSignal(console.watcher.changed, timeout=5000):
        config.write_bytes(named("Línea nueva"))
    assert console.window.banner.isHidden()
    assert first_title(console) == "Línea nueva"
