"""The settings dialog's Cobertura page: the draft's gaps before Save, marked where they differ."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.calendar import HolidayCalendar, holidays_from_package
from app.resources import default_config_path
from app.storage.config_store import ConfigStore
from app.ui.settings import SettingsDialog
from app.ui.settings.pages.coverage import NEW_MARK, CoveragePage
from app.ui.settings.pages.schedules import SchedulesPage
from app.ui.translation import Translations

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Bogota"))  # a Tuesday
SATURDAY_LINE = (
    "sin canal abierto lun–vie 17:00–19:00 · sáb 8:00–13:00 (los demás canales sí atienden)"
)


class Clock:
    def now(self) -> dt.datetime:
        return NOW


class Prompts:
    def confirm(self, title: str, text: str) -> bool:
        return True


@pytest.fixture
def spanish(qapp: QApplication):
    translations = Translations(qapp)
    translations.use("es")
    yield
    translations.clear()
    translations.deleteLater()


@pytest.fixture
def dialog(qtbot, spanish, tmp_path: Path) -> SettingsDialog:
    path = tmp_path / "config.json"
    shutil.copy(default_config_path(), path)
    store = ConfigStore(path, tmp_path / "backups", default_config_path())
    dialog = SettingsDialog(
        store.load(),
        store,
        Clock(),
        calendar_factory=lambda c: HolidayCalendar(c.holiday_country, "es", holidays_from_package),
        holiday_countries=lambda: {"CO", "US"},
        prompts=Prompts(),  # type: ignore[arg-type]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def show_coverage(dialog: SettingsDialog) -> CoveragePage:
    page = dialog.page(CoveragePage)
    assert isinstance(page, CoveragePage)
    dialog.sidebar.setCurrentRow(dialog.pages.index(page))
    return page


def lines(page: CoveragePage) -> list[str]:
    return [line.strip() for line in page.text().splitlines() if line.strip()]


def test_the_page_shows_the_default_configurations_gaps(dialog: SettingsDialog) -> None:
    page = show_coverage(dialog)
    assert dialog.sidebar.item(dialog.pages.index(page)).text() == "Cobertura"
    shown = lines(page)
    assert shown[0] == "Cobertura del mar 1 dic al lun 14 dic (14 días, America/Bogota)"
    assert SATURDAY_LINE in shown
    assert "festivo mar 8 dic (La Inmaculada Concepción): sin atención todo el día" in shown
    assert not page.status.isVisible()  # nothing differs from the saved file
    assert NEW_MARK not in page.text()


def test_an_edit_that_opens_a_gap_shows_before_save(qtbot, dialog: SettingsDialog) -> None:
    page = show_coverage(dialog)
    with qtbot.waitSignal(page.updated, timeout=2000):
        dialog.draft.set(("schedules", 0, "week", "sat"), [])  # business hours: no Saturday
    shown = lines(page)
    assert f"{NEW_MARK} sin atención lun–jue 19:00–7:00 · vie 19:00 – lun 7:00" in shown
    assert (
        f"{NEW_MARK} sin canal abierto lun–vie 17:00–19:00 (los demás canales sí atienden)" in shown
    )
    assert page.status.isVisible() and NEW_MARK in page.status.text()
    assert dialog.save_button.isEnabled()  # nothing saved yet: the page only shows


def test_edits_made_elsewhere_are_computed_when_the_page_is_shown(
    qtbot, dialog: SettingsDialog
) -> None:
    page = dialog.page(CoveragePage)
    dialog.sidebar.setCurrentRow(dialog.pages.index(dialog.page(SchedulesPage)))
    dialog.draft.set(("schedules", 2, "week", "mon"), [])  # PQRSA closed on Mondays
    with qtbot.waitSignal(page.updated, timeout=2000):
        show_coverage(dialog)
    assert (
        f"{NEW_MARK} sin canal abierto lun 7:00–19:00 · mar–vie 17:00–19:00 · sáb 8:00–13:00 "
        "(los demás canales sí atienden)"
    ) in lines(page)


def test_several_quick_edits_are_computed_once(qtbot, dialog: SettingsDialog) -> None:
    page = show_coverage(dialog)
    computed: list[int] = []
    page.updated.connect(lambda: computed.append(1))
    with qtbot.waitSignal(page.updated, timeout=2000):
        for start in ("08:00", "09:00", "10:00"):
            dialog.draft.set(("schedules", 2, "week", "fri", 0, "start"), start)
    assert not page._debounce.isActive()  # nothing more is pending: computed once
    assert computed == [1]
    assert (
        f"{NEW_MARK} sin canal abierto lun–vie 17:00–19:00 · vie 7:00–10:00 · sáb 8:00–13:00 "
        "(los demás canales sí atienden)"
    ) in lines(page)


def test_an_invalid_draft_says_so_instead_of_computing(qtbot, dialog: SettingsDialog) -> None:
    page = show_coverage(dialog)
    with qtbot.waitSignal(page.updated, timeout=2000):
        dialog.draft.set(("schedules", 0, "week", "mon", 0, "start"), "25:00")
    assert (
        page.status.text() == "La configuración tiene problemas: corríjalos para ver la cobertura."
    )
    assert page.text().strip() == ""
    with qtbot.waitSignal(page.updated, timeout=2000):
        dialog.draft.set(("schedules", 0, "week", "mon", 0, "start"), "07:00")
    assert SATURDAY_LINE in lines(page)


def test_more_days_are_one_spin_away(dialog: SettingsDialog) -> None:
    page = show_coverage(dialog)
    page.days.setValue(40)
    shown = lines(page)
    assert shown[0] == "Cobertura del mar 1 dic al sáb 9 ene (40 días, America/Bogota)"
    assert "festivo vie 25 dic (Navidad): sin atención todo el día" in shown
