"""The active configuration's lifecycle, Qt-free: each step's notices."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.core.active_config import ActiveConfig, AllClear, Banner, Evaluate, Shown
from app.domain.availability import AvailabilityEngine
from app.domain.calendar import HolidayCalendar, holidays_from_package
from app.resources import default_config_path
from app.storage.config_store import ConfigStore, LoadedConfig
from app.storage.last_good import LastKnownGood

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
DEFAULT = json.loads(default_config_path().read_bytes())


def evaluate(loaded: LoadedConfig) -> AvailabilityEngine:
    config = loaded.config
    engine = AvailabilityEngine(config, HolidayCalendar("CO", "es", holidays_from_package))
    engine.snapshot(NOW)
    return engine


def make(
    tmp_path: Path, folder: str = "config", judge: Evaluate = evaluate
) -> tuple[ActiveConfig, Path]:
    path = tmp_path / folder / "config.json"
    store = ConfigStore(path, path.parent / "backups", default_config_path())
    active = ActiveConfig(
        store,
        LastKnownGood(tmp_path / "cache"),
        own_folder=tmp_path / "config",
        evaluate=judge,
        now=lambda: NOW,
        lang="es",
    )
    return active, path


def write(path: Path, **changes: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**DEFAULT, **changes}), encoding="utf-8")


def kinds(notices: list) -> list[type]:
    return [type(n) for n in notices]


def test_a_first_start_shows_the_default_quietly(tmp_path: Path) -> None:
    active, _ = make(tmp_path)
    (shown,) = active.start()
    assert isinstance(shown, Shown) and shown.loaded.is_default


def test_a_broken_file_at_start_shows_the_default_and_says_why(tmp_path: Path) -> None:
    active, path = make(tmp_path)
    write(path, closing_soon_minutes=-1)
    shown, banner = active.start()
    assert isinstance(shown, Shown) and shown.loaded.is_default
    assert isinstance(banner, Banner)
    assert banner.text.startswith("No se pudo usar el archivo de configuración")
    assert "closing_soon_minutes" in banner.text


def test_a_broken_new_version_is_kept_out_and_a_fix_clears_the_banner(tmp_path: Path) -> None:
    active, path = make(tmp_path)
    write(path, closing_soon_minutes=20)
    active.start()
    write(path, closing_soon_minutes=-1)
    (banner,) = active.file_may_have_changed()
    assert isinstance(banner, Banner) and "última válida" in banner.text
    assert active.loaded is not None and active.loaded.config.closing_soon_minutes == 20
    write(path, closing_soon_minutes=30)
    assert kinds(active.file_may_have_changed()) == [Shown, AllClear]
    assert active.loaded.config.closing_soon_minutes == 30


def test_a_deleted_file_keeps_the_last_one(tmp_path: Path) -> None:
    active, path = make(tmp_path)
    write(path)
    active.start()
    path.unlink()
    (banner,) = active.file_may_have_changed()
    assert isinstance(banner, Banner) and "ya no existe" in banner.text
    assert active.loaded is not None and not active.loaded.is_default


def test_a_share_away_and_back(tmp_path: Path) -> None:
    active, path = make(tmp_path, folder="share")
    write(path, closing_soon_minutes=25)
    active.start()
    (banner,) = active.source_unavailable()
    assert isinstance(banner, Banner) and "última copia conocida" in banner.text
    assert active.file_may_have_changed() == []  # nothing is read while it is away
    assert kinds(active.source_back()) == [AllClear, Shown, AllClear]


def test_a_share_unreachable_at_start_shows_the_kept_copy(tmp_path: Path) -> None:
    first, path = make(tmp_path, folder="share")
    write(path, closing_soon_minutes=25)
    first.start()
    for child in path.parent.iterdir():
        if child.is_file():
            child.unlink()
    path.parent.rmdir()
    again, _ = make(tmp_path, folder="share")
    shown, banner = again.start()
    assert isinstance(shown, Shown) and shown.loaded.config.closing_soon_minutes == 25
    assert isinstance(banner, Banner) and "desde 2026-12-01 10:00" in banner.text


def test_an_engine_that_fails_is_refused_like_an_invalid_file(tmp_path: Path) -> None:
    active, path = make(tmp_path)
    write(path)

    def failing(loaded: LoadedConfig) -> AvailabilityEngine:
        if not loaded.is_default:
            raise RuntimeError("the holidays package failed")
        return evaluate(loaded)

    active._evaluate = failing
    shown, banner = active.start()
    assert isinstance(shown, Shown) and shown.loaded.is_default
    assert isinstance(banner, Banner) and "RuntimeError" in banner.text


@pytest.mark.parametrize("lang", ["es", "en"])
def test_our_own_save_is_shown_at_once(tmp_path: Path, lang: str) -> None:
    active, path = make(tmp_path)
    active.lang = lang
    active.start()
    write(path, closing_soon_minutes=40)
    loaded = active.loaded
    assert loaded is not None
    store = ConfigStore(path, path.parent / "backups", default_config_path())
    assert kinds(active.saved(store.load())) == [Shown, AllClear]
