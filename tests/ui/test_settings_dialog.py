"""The settings dialog of ``app.ui.settings``: round trips to the file and the board, validation
as you type, conflicts both ways, backups, import/export, read-only."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMargins, QModelIndex, QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QSpinBox, QWidget

from app.domain.calendar import HolidayCalendar, holidays_from_package
from app.resources import default_config_path
from app.storage.atomic import Backup, list_backups
from app.storage.config_store import ConfigStore
from app.storage.pin import pin_path_for, verify
from app.ui.settings import SettingsDialog
from app.ui.settings.pages.channels import ChannelsPage
from app.ui.settings.pages.escalation import EscalationPage
from app.ui.settings.pages.schedules import SchedulesPage
from app.ui.settings.pages.special_days import SpecialDaysPage
from app.ui.settings.prompts import ConflictBox, ConflictChoice
from app.ui.translation import Translations

BOGOTA = ZoneInfo("America/Bogota")
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=BOGOTA)
NUMBER = ("channels", 0, "contacts", 0, "number")


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.moment = now

    def now(self) -> dt.datetime:
        return self.moment


class FakePrompts:
    """Scripted answers instead of modal boxes; records what was asked and said."""

    def __init__(self) -> None:
        self.confirm_answer = True
        self.conflict_choice: ConflictChoice = "cancel"
        self.backup_index: int | None = 0
        self.path: Path | None = None
        self.confirmed: list[str] = []
        self.conflicts: list[str] = []
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.secrets: list[str | None] = []

    def confirm(self, title: str, text: str) -> bool:
        self.confirmed.append(text)
        return self.confirm_answer

    def conflict(self, text: str) -> ConflictChoice:
        self.conflicts.append(text)
        return self.conflict_choice

    def choose_backup(self, backups: list[Backup]) -> Backup | None:
        return None if self.backup_index is None else backups[self.backup_index]

    def open_path(self, title: str) -> Path | None:
        return self.path

    def save_path(self, title: str, suggested: str) -> Path | None:
        return self.path

    def error(self, title: str, text: str) -> None:
        self.errors.append(f"{title}: {text}")

    def info(self, title: str, text: str) -> None:
        self.infos.append(text)

    def secret(self, title: str, label: str) -> str | None:
        return self.secrets.pop(0)


@pytest.fixture
def spanish(qapp: QApplication):
    translations = Translations(qapp)
    translations.use("es")
    yield
    translations.clear()
    translations.deleteLater()  # a child of the QApplication, which outlives the test


@pytest.fixture
def store(tmp_path: Path) -> ConfigStore:
    path = tmp_path / "team" / "config.json"
    path.parent.mkdir()
    shutil.copy(default_config_path(), path)
    return ConfigStore(path, tmp_path / "team" / "backups", default_config_path())


@pytest.fixture
def make_dialog(qtbot, spanish, store: ConfigStore):
    def factory(**kwargs) -> SettingsDialog:
        kwargs.setdefault("prompts", FakePrompts())
        dialog = SettingsDialog(
            store.load(),
            store,
            Clock(NOW),
            calendar_factory=lambda c: HolidayCalendar(
                c.holiday_country, "es", holidays_from_package
            ),
            holiday_countries=lambda: {"CO", "US", "ES"},
            **kwargs,
        )
        qtbot.addWidget(dialog)
        return dialog

    return factory


def editor(dialog: SettingsDialog, *path: str | int) -> QWidget:
    field = dialog.binder.field(path)
    assert field is not None, f"no editor for {path}"
    return field.editor


def problem_beside(dialog: SettingsDialog, *path: str | int) -> str:
    field = dialog.binder.field(path)
    assert field is not None
    return field.label.text() if field.label.isVisibleTo(dialog) else ""


def type_into(edit: QLineEdit, text: str) -> None:
    """As a person would: select all, type (``textEdited`` fires on each key)."""
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    QTest.keyClicks(edit, text)


def go_to(dialog: SettingsDialog, kind: type) -> object:
    page = dialog.page(kind)
    dialog.sidebar.setCurrentRow(dialog.pages.index(page))
    return page


def on_disk(store: ConfigStore) -> dict:
    return json.loads(store.path.read_text(encoding="utf-8"))


# round trips --------------------------------------------------------------------------------


def test_phone_edit_round_trip_reaches_the_file_the_dialog_and_the_board(
    make_console, qtbot, spanish
) -> None:
    console = make_console(NOW)
    console.start()
    prompts = FakePrompts()

    def open_dialog() -> SettingsDialog:
        dialog = SettingsDialog(
            console.loaded,
            console.services,
            console.clock,
            lang=console.lang,
            prompts=prompts,
            parent=console.window,
        )
        dialog.saved.connect(console.apply_saved)
        return dialog

    dialog = open_dialog()
    go_to(dialog, ChannelsPage)
    number = editor(dialog, *NUMBER)
    assert isinstance(number, QLineEdit) and number.text() == "+57 601 7442727"
    type_into(number, "+57 601 3790300")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=1000) as saved:
        dialog.save_button.click()
    assert saved.args[0].config.channels[0].contacts[0].number == "+57 601 3790300"
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    path = console.services.store.path
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["channels"][0]["contacts"][0]["number"] == "+57 601 3790300"
    again = open_dialog()
    go_to(again, ChannelsPage)
    assert editor(again, *NUMBER).text() == "+57 601 3790300"  # type: ignore[attr-defined]
    main = next(c for c in console.window.cards if c.channel.id == "phone-main")
    assert "3790300" in main.contacts[0].value.text().replace(" ", "")
    assert console.watcher.digest == saved.args[0].digest  # our own save is no reload
    again.reject()


def test_invalid_phone_blocks_save_with_the_message_beside_the_field(make_dialog) -> None:
    dialog = make_dialog()
    go_to(dialog, ChannelsPage)
    number = editor(dialog, *NUMBER)
    type_into(number, "12")  # type: ignore[arg-type]
    assert not dialog.save_button.isEnabled()
    assert dialog.problem_label.text() == "1 problema"
    message = problem_beside(dialog, *NUMBER)
    assert "no es un número de teléfono válido" in message
    assert number.property("invalid") is True
    assert "no es un número de teléfono válido" in number.accessibleDescription()
    assert dialog.sidebar.item(dialog.pages.index(dialog.page(ChannelsPage))).text().endswith("(1)")
    assert dialog.save() is False
    type_into(number, "+57 601 3790300")  # type: ignore[arg-type]
    assert dialog.save_button.isEnabled()
    assert dialog.problem_label.text() == "Cambios sin guardar"
    assert problem_beside(dialog, *NUMBER) == ""
    assert number.property("invalid") is False


def test_a_problem_in_a_hidden_form_still_counts_and_marks_its_item(make_dialog) -> None:
    dialog = make_dialog()
    page = go_to(dialog, ChannelsPage)
    dialog.draft.set(("channels", 2, "contacts", 0, "address"), "not-an-email")
    dialog.binder.edited.emit()
    assert not dialog.save_button.isEnabled()
    assert dialog.problem_label.text() == "1 problema"
    assert page.editor.list.item(2).text().startswith("⚠")  # type: ignore[attr-defined]


def test_problems_are_located_in_the_dialogs_words_not_json_paths(make_dialog) -> None:
    dialog = make_dialog()
    dialog.draft.set(("channels", 2, "contacts", 0, "address"), "not-an-email")
    dialog.draft.set(("schedules", 0, "week", "tue", 0, "end"), "25:00")
    places = {line.split(": ")[0] for line in dialog.problem_label.toolTip().splitlines()}
    assert places == {
        "Canales › Correo de soporte › Contacto 1 › Dirección",
        "Horarios › Horario de atención › Martes › Franja 1 › Hasta",
    }


def document_paths(node: object, path: str = "") -> list[str]:
    """Every value and every list element of a document, as problem paths."""
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += document_paths(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += document_paths(value, f"{path}[{index}]")
    return found


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_place_in_the_seed_reads_without_keys_or_indexes(make_dialog, qapp, lang) -> None:
    """Exhaustive over the seed (special days added): no ``[2]``, no ``request_types``."""
    translations = Translations(qapp)
    translations.use(lang)
    try:
        dialog = make_dialog(lang=lang)
        dialog.draft.document["special_days"] = [
            {"name": "Inventario", "date": "2026-12-01", "until": None, "channels": ["email"]}
            | {"closed": False, "hours": [{"start": "08:00", "end": "12:00"}]}
        ]
        document = dialog.draft.document
        keys = {p.split(".")[-1].split("[")[0] for p in document_paths(document)}
        for path in document_paths(document):
            words = dialog.place(path).split(" › ")
            assert not any("[" in w or w in keys for w in words), (path, words)
    finally:
        translations.clear()


# the screen ---------------------------------------------------------------------------------


def test_the_dialog_fits_a_laptop_screen_with_save_and_cancel_on_it(make_dialog) -> None:
    """1366×768 less a 40 px taskbar, and a 31 px title bar: the 720 px dialog ran off the
    bottom of the screen, Guardar and Cancelar with it."""
    available = QRect(0, 0, 1366, 728)
    frame = QMargins(1, 31, 1, 1)
    dialog = make_dialog()
    dialog.fit_to(available, frame)
    dialog.show()
    for row in range(len(dialog.pages)):
        dialog.sidebar.setCurrentRow(row)
        QApplication.processEvents()
        window = QRect(dialog.pos(), dialog.size().grownBy(frame))  # pos() is the frame's
        assert available.contains(window), (dialog.pages[row].title, window)
        for button in (dialog.save_button, dialog.cancel_button):
            assert button.isVisible()
            inside = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
            assert dialog.rect().contains(inside), button.text()


def test_the_dialog_sizes_itself_to_the_screen_it_opens_on(make_dialog, qapp) -> None:
    dialog = make_dialog()
    available = qapp.primaryScreen().availableGeometry()
    assert dialog.width() <= available.width() and dialog.height() <= available.height() - 31


# conflicts --------------------------------------------------------------------------------


def changed_behind_our_back(store: ConfigStore) -> None:
    document = on_disk(store)
    document["organisation"]["tagline"] = "Cambiado en otra consola"
    store.path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def test_conflict_then_reload_discards_the_edits_and_shows_the_disk(
    make_dialog, store, qtbot
) -> None:
    prompts = FakePrompts()
    prompts.conflict_choice = "reload"
    dialog = make_dialog(prompts=prompts)
    go_to(dialog, ChannelsPage)
    type_into(editor(dialog, *NUMBER), "+57 601 3790300")  # type: ignore[arg-type]
    changed_behind_our_back(store)
    before = store.path.read_bytes()
    with qtbot.assertNotEmitted(dialog.saved):
        assert dialog.save() is False
    assert len(prompts.conflicts) == 1 and "cambió en disco" in prompts.conflicts[0]
    assert prompts.confirmed  # losing the edits was confirmed
    assert store.path.read_bytes() == before
    assert dialog.draft.get(("organisation", "tagline")) == "Cambiado en otra consola"
    assert editor(dialog, *NUMBER).text() == "+57 601 7442727"  # type: ignore[attr-defined]
    assert not dialog.draft.dirty
    assert dialog.result() == 0  # still open for more edits


def test_conflict_then_overwrite_saves_and_keeps_theirs_as_a_backup(
    make_dialog, store, qtbot
) -> None:
    prompts = FakePrompts()
    prompts.conflict_choice = "overwrite"
    dialog = make_dialog(prompts=prompts)
    go_to(dialog, ChannelsPage)
    type_into(editor(dialog, *NUMBER), "+57 601 3790300")  # type: ignore[arg-type]
    changed_behind_our_back(store)
    theirs = store.path.read_bytes()
    with qtbot.waitSignal(dialog.saved, timeout=1000):
        assert dialog.save() is True
    assert len(prompts.conflicts) == 1
    assert str(store.backup_dir) in prompts.conflicts[0]  # where their version will be
    document = on_disk(store)
    assert document["channels"][0]["contacts"][0]["number"] == "+57 601 3790300"
    assert document["organisation"]["tagline"] != "Cambiado en otra consola"  # ours won
    backups = list_backups(store.path, store.backup_dir)
    assert any(b.path.read_bytes() == theirs for b in backups)


def test_enter_on_the_conflict_question_keeps_both_versions(qtbot, spanish) -> None:
    """A reflexive Enter must not overwrite a colleague's save: it cancels."""
    box = ConflictBox("La configuración cambió en disco.")
    qtbot.addWidget(box)
    box.show()  # not exec(): the test presses the key itself, no timer races the modal loop
    assert box.focusWidget() is box.cancel_button
    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_Return)
    assert box.choice() == "cancel"
    overwrite = box.overwrite_button.description()
    assert "su colega" in overwrite and "copia" in overwrite
    again = ConflictBox("La configuración cambió en disco.")
    qtbot.addWidget(again)
    again.show()
    again.overwrite_button.click()
    assert again.choice() == "overwrite"


def test_conflict_cancel_changes_nothing(make_dialog, store, qtbot) -> None:
    dialog = make_dialog()
    go_to(dialog, ChannelsPage)
    type_into(editor(dialog, *NUMBER), "+57 601 3790300")  # type: ignore[arg-type]
    changed_behind_our_back(store)
    before = store.path.read_bytes()
    with qtbot.assertNotEmitted(dialog.saved):
        assert dialog.save() is False
    assert store.path.read_bytes() == before
    assert dialog.draft.dirty  # the edits are still there


# cancel -----------------------------------------------------------------------------------


def test_cancel_with_changes_asks_and_discards(make_dialog, store, qtbot) -> None:
    prompts = FakePrompts()
    dialog = make_dialog(prompts=prompts)
    before = store.path.read_bytes()
    prompts.confirm_answer = False
    type_into(editor(dialog, "organisation", "name"), "Otra")  # type: ignore[arg-type]
    dialog.cancel_button.click()
    assert len(prompts.confirmed) == 1
    assert dialog.result() == 0 and dialog.draft.dirty  # declined: still editing
    prompts.confirm_answer = True
    with qtbot.assertNotEmitted(dialog.saved):
        dialog.cancel_button.click()
    assert len(prompts.confirmed) == 2
    assert dialog.result() == SettingsDialog.DialogCode.Rejected
    assert not dialog.draft.dirty
    assert store.path.read_bytes() == before


def test_cancel_without_changes_does_not_ask(make_dialog) -> None:
    prompts = FakePrompts()
    dialog = make_dialog(prompts=prompts)
    dialog.reject()
    assert prompts.confirmed == []


# lists ------------------------------------------------------------------------------------


def test_add_duplicate_remove_and_reorder_channels_by_buttons(make_dialog, store) -> None:
    dialog = make_dialog()
    page = go_to(dialog, ChannelsPage)
    editor_ = page.editor  # type: ignore[attr-defined]
    editor_.list.setCurrentRow(0)
    editor_.duplicate_button.click()  # phone-main-copy after phone-main
    assert editor_.current == 1
    editor_.down_button.click()  # … moved below phone-critical
    editor_.list.setCurrentRow(4)  # chat
    editor_.remove_button.click()
    editor_.list.setCurrentRow(0)
    editor_.up_button.click()  # no-op at the top
    editor_.add_button.click()  # a new channel after phone-main
    ids = [c["id"] for c in dialog.draft.document["channels"]]
    assert ids == ["phone-main", "channel", "phone-critical", "phone-main-copy", "email", "pqrsa"]
    copy = dialog.draft.document["channels"][3]
    assert copy["name"] == "Línea de servicio al cliente (Bogotá) (copia)"
    assert dialog.problems == 0, dialog.draft.problems
    assert dialog.save()
    assert [c["id"] for c in on_disk(store)["channels"]] == ids


def test_long_item_names_keep_both_ends_and_show_whole_in_the_tooltip(make_dialog) -> None:
    dialog = make_dialog()
    dialog.show()
    page = go_to(dialog, ChannelsPage)
    items = page.editor.list  # type: ignore[attr-defined]
    assert items.textElideMode() == Qt.TextElideMode.ElideMiddle
    names = [c["name"] for c in dialog.draft.document["channels"]]
    assert [items.item(i).toolTip() for i in range(items.count())] == names
    dialog.draft.set(("channels", 1, "contacts", 0, "number"), "12")
    tip = items.item(1).toolTip().splitlines()
    assert tip[0] == "Línea para incidentes prioridad 1 (críticos)"
    assert "no es un número de teléfono válido" in tip[1]


def test_a_drag_reorders_the_draft(make_dialog, qapp) -> None:
    dialog = make_dialog()
    page = go_to(dialog, ChannelsPage)
    widget = page.editor.list  # type: ignore[attr-defined]
    widget.setCurrentRow(0)
    # what a drag (InternalMove) asks of the model; it announces rowsMoved to the editor
    assert widget.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    qapp.processEvents()
    ids = [c["id"] for c in dialog.draft.document["channels"]]
    assert ids[:3] == ["phone-critical", "email", "phone-main"]


def test_escalation_levels_are_renumbered_when_moved(make_dialog) -> None:
    dialog = make_dialog()
    page = go_to(dialog, EscalationPage)
    page.editor.list.setCurrentRow(2)  # type: ignore[attr-defined]
    page.editor.up_button.click()  # type: ignore[attr-defined]
    levels = [(lv["level"], lv["name"]) for lv in dialog.draft.document["escalation"]]
    assert levels[1] == (2, "Coordinador de Soporte") and levels[2][0] == 3
    assert dialog.problems == 0


def test_a_level_response_time_is_edited_saved_and_cleared(make_dialog, store) -> None:
    """The seed publishes none ("No publicado", null); a supervisor sets 30 min, then clears it."""
    dialog = make_dialog()
    page = go_to(dialog, EscalationPage)
    page.editor.list.setCurrentRow(1)  # type: ignore[attr-defined]
    spin = editor(dialog, "escalation", 1, "respond_within_minutes")
    assert isinstance(spin, QSpinBox)
    assert spin.value() == 0 and spin.text() == "No publicado"
    spin.setValue(30)
    assert dialog.draft.get(("escalation", 1, "respond_within_minutes")) == 30
    assert dialog.save()
    assert on_disk(store)["escalation"][1]["respond_within_minutes"] == 30
    spin.setValue(0)
    assert dialog.save()
    assert on_disk(store)["escalation"][1]["respond_within_minutes"] is None


# schedules and special days -----------------------------------------------------------------


def test_interval_edit_and_the_14_day_preview(make_dialog, store) -> None:
    dialog = make_dialog()
    page = go_to(dialog, SchedulesPage)
    lines = page.preview.lines()  # type: ignore[attr-defined]
    assert len(lines) == 14
    december_8 = next(line for line in lines if line.startswith("mar 8 dic"))
    assert "La Inmaculada Concepción" in december_8 and "cerrado" in december_8
    assert lines[0] == "mar 1 dic — 7:00–19:00"
    type_into(editor(dialog, "schedules", 0, "week", "tue", 0, "end"), "18:00")  # type: ignore[arg-type]
    assert page.preview.lines()[0] == "mar 1 dic — 7:00–18:00"  # type: ignore[attr-defined]
    type_into(editor(dialog, "schedules", 0, "week", "tue", 0, "end"), "07:00")  # type: ignore[arg-type]
    assert "iguales" in problem_beside(dialog, "schedules", 0, "week", "tue", 0)
    assert not dialog.save_button.isEnabled()
    type_into(editor(dialog, "schedules", 0, "week", "tue", 0, "end"), "18:30")  # type: ignore[arg-type]
    sunday = page.week.days["sun"]  # type: ignore[attr-defined]
    sunday.add_button.click()
    assert dialog.draft.get(("schedules", 0, "week", "sun")) == [{"start": "08:00", "end": "17:00"}]
    assert page.preview.lines()[5] == "dom 6 dic — 8:00–17:00"  # type: ignore[attr-defined]
    assert dialog.save()
    week = on_disk(store)["schedules"][0]["week"]
    assert week["tue"] == [{"start": "07:00", "end": "18:30"}]
    assert week["sun"] == [{"start": "08:00", "end": "17:00"}]


def test_references_are_shown_by_name_with_the_id_only_in_the_tooltip(make_dialog) -> None:
    dialog = make_dialog()
    page = go_to(dialog, ChannelsPage)
    schedule = editor(dialog, "channels", 0, "schedule")
    assert schedule.currentText() == "Horario de atención"  # type: ignore[attr-defined]
    tip = schedule.itemData(schedule.currentIndex(), Qt.ItemDataRole.ToolTipRole)  # type: ignore[attr-defined]
    assert "business" in tip
    serves = editor(dialog, "channels", 0, "request_types")
    names = [serves.item(i).text() for i in range(serves.count())]  # type: ignore[attr-defined]
    assert names[:2] == ["Todas", "Incidentes prioridad 1 (críticos)"]
    assert "priority-1" in serves.item(1).toolTip()  # type: ignore[attr-defined]
    dialog.draft.set(("schedules", 1, "name"), "Horario de atención")  # two alike: ids tell
    page.refresh()  # type: ignore[attr-defined]
    schedule = editor(dialog, "channels", 0, "schedule")
    labels = [schedule.itemText(i) for i in range(schedule.count())]  # type: ignore[attr-defined]
    assert labels[:2] == ["Horario de atención (business)", "Horario de atención (always)"]


def test_a_time_problem_goes_under_the_whole_day_and_leaves_its_buttons_in_line(
    make_dialog,
) -> None:
    """Under a 64 px time field a message wrapped into a four-line column and pushed "✕" and
    "+ Franja" down; it belongs under the day's row, at its full width."""
    dialog = make_dialog()
    dialog.resize(1040, 700)
    dialog.show()
    page = go_to(dialog, SchedulesPage)
    tuesday = page.week.days["tue"]  # type: ignore[attr-defined]
    end_path = ("schedules", 0, "week", "tue", 0, "end")
    end = editor(dialog, *end_path)
    remove = tuesday.rows[0].findChildren(QPushButton)[0]

    def centre_y(widget: QWidget) -> int:
        return widget.mapTo(tuesday, widget.rect().center()).y()

    for typed, owner in (("25:00", end_path), ("07:00", end_path[:-1])):  # field, then row
        type_into(end, typed)  # type: ignore[arg-type]
        QApplication.processEvents()  # let the layouts take the message in
        field = dialog.binder.field(owner)
        assert field is not None and field.label.isVisible()
        label = field.label
        top = label.mapTo(tuesday, label.rect().topLeft()).y()
        assert top >= end.mapTo(tuesday, end.rect().bottomLeft()).y()
        assert label.width() >= tuesday.width() - 4, (typed, label.width(), tuesday.width())
        assert label.height() <= 2 * label.fontMetrics().lineSpacing() + 4, typed
        for button in (remove, tuesday.add_button):
            assert abs(centre_y(button) - centre_y(end)) <= 2, (typed, button.text())


def test_add_a_special_day(make_dialog, store) -> None:
    dialog = make_dialog()
    page = go_to(dialog, SpecialDaysPage)
    page.editor.add_button.click()  # type: ignore[attr-defined]
    assert dialog.draft.get(("special_days", 0, "date")) == "2026-12-01"
    type_into(editor(dialog, "special_days", 0, "name"), "Inventario")  # type: ignore[arg-type]
    channels = editor(dialog, "special_days", 0, "channels")
    for row in range(channels.count()):  # type: ignore[attr-defined]
        item = channels.item(row)  # type: ignore[attr-defined]
        if item.data(Qt.ItemDataRole.UserRole) != "email":
            item.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.save()
    special = on_disk(store)["special_days"]
    assert special == [
        {
            "name": "Inventario",
            "date": "2026-12-01",
            "until": None,
            "channels": ["email"],
            "closed": True,
            "hours": [],
        }
    ]


# backups, import, export --------------------------------------------------------------------


def test_restore_a_backup(make_dialog, store) -> None:
    prompts = FakePrompts()
    dialog = make_dialog(prompts=prompts)
    type_into(editor(dialog, "organisation", "name"), "Primera")  # type: ignore[arg-type]
    assert dialog.save()  # the original file becomes a backup
    dialog = make_dialog(prompts=prompts)
    assert dialog.draft.get(("organisation", "name")) == "Primera"
    assert dialog.files.restore_backup()
    assert dialog.draft.get(("organisation", "name")) == "Certicámara"
    assert editor(dialog, "organisation", "name").text() == "Certicámara"  # type: ignore[attr-defined]
    assert dialog.draft.dirty and dialog.save_button.isEnabled()
    assert dialog.save()
    assert on_disk(store)["organisation"]["name"] == "Certicámara"


def test_import_of_an_invalid_file_changes_nothing(make_dialog, store, tmp_path) -> None:
    prompts = FakePrompts()
    dialog = make_dialog(prompts=prompts)
    bad = tmp_path / "bad.json"
    document = on_disk(store)
    document["channels"][0]["contacts"][0]["number"] = "12"
    bad.write_text(json.dumps(document), encoding="utf-8")
    before = store.path.read_bytes()
    prompts.path = bad
    assert dialog.files.import_file() is False
    assert prompts.errors and "no es un número de teléfono válido" in prompts.errors[0]
    assert store.path.read_bytes() == before
    assert list_backups(store.path, store.backup_dir) == []


def test_import_of_a_valid_file_replaces_the_active_one(make_dialog, store, tmp_path, qtbot):
    prompts = FakePrompts()
    dialog = make_dialog(prompts=prompts)
    good = tmp_path / "good.json"
    document = on_disk(store)
    document["organisation"]["name"] = "Importada"
    good.write_text(json.dumps(document), encoding="utf-8")
    prompts.path = good
    with qtbot.waitSignal(dialog.saved, timeout=1000):
        assert dialog.files.import_file()
    assert on_disk(store)["organisation"]["name"] == "Importada"
    assert dialog.draft.get(("organisation", "name")) == "Importada"
    assert len(list_backups(store.path, store.backup_dir)) == 1


def test_export_writes_a_valid_file(make_dialog, store, tmp_path) -> None:
    prompts = FakePrompts()
    dialog = make_dialog(prompts=prompts)
    prompts.path = tmp_path / "out" / "exported.json"
    assert dialog.files.export_file()
    exported = store.read(prompts.path)
    assert exported.config == store.load().config


# read-only ----------------------------------------------------------------------------------


def test_read_only_disables_save_and_every_editor(make_dialog) -> None:
    dialog = make_dialog(read_only=True, managed_by="Mesa de ayuda TI")
    assert dialog.banner.isVisibleTo(dialog)
    assert dialog.banner.text() == "Configuración administrada por Mesa de ayuda TI; solo lectura"
    for kind in (ChannelsPage, SchedulesPage):
        go_to(dialog, kind)
    assert not dialog.save_button.isEnabled()
    assert not dialog.import_button.isEnabled()
    assert not dialog.restore_button.isEnabled()
    assert dialog.export_button.isEnabled()
    edits = [w for w in dialog.stack.findChildren(QLineEdit) if w.isVisibleTo(dialog)]
    assert edits and not any(w.isEnabled() for w in edits)
    adders = [b for b in dialog.stack.findChildren(QPushButton) if b.isVisibleTo(dialog)]
    assert adders and not any(b.isEnabled() for b in adders)
    assert dialog.save() is False


# accessibility ------------------------------------------------------------------------------


def test_every_visible_control_is_named(make_dialog) -> None:
    dialog = make_dialog()
    dialog.show()
    for kind in (ChannelsPage, SchedulesPage):
        go_to(dialog, kind)
        controls = [
            w
            for w in dialog.findChildren(QWidget)
            if w.isVisibleTo(dialog) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        unnamed = [
            type(w).__name__
            for w in controls
            if not w.accessibleName() and not (isinstance(w, QPushButton) and w.text())
        ]
        assert unnamed == []


def test_supervisor_sets_changes_and_removes_the_pin(make_dialog, store: ConfigStore) -> None:
    prompts = FakePrompts()
    dialog = make_dialog(prompts=prompts)
    pin_file = pin_path_for(store.path)
    prompts.secrets = ["2468", "1357"]
    assert dialog.change_pin() is False
    assert prompts.errors == ["PIN de supervisor: Los dos PIN no coinciden; no se cambió nada."]
    assert not pin_file.exists()
    prompts.secrets = ["2468", "2468"]
    assert dialog.change_pin() is True
    assert verify(pin_file, "2468")
    assert not verify(pin_file, "1357")
    prompts.secrets = [""]
    assert dialog.change_pin() is True
    assert not pin_file.exists()


def test_the_console_menu_opens_the_dialog_behind_the_pin(make_console, monkeypatch) -> None:
    console = make_console(NOW)
    console.start()
    window = console.window
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    asked: list[object] = []
    monkeypatch.setattr(
        "app.ui.pin_prompt.guard_settings", lambda *args, **_kw: asked.append(args[1]) or False
    )
    window.settings_action.trigger()
    assert asked == [console.services.store.path]
    assert console.settings_dialog is None  # wrong PIN: no dialog
    monkeypatch.setattr("app.ui.pin_prompt.guard_settings", lambda *_a, **_kw: True)
    window.settings_action.trigger()
    assert isinstance(console.settings_dialog, SettingsDialog)
    assert console.settings_dialog.windowTitle() == "Configuración — Canales"
    console.settings_dialog.prompts = FakePrompts()
    console.settings_dialog.reject()


def test_keyboard_focus_returns_to_the_console_when_the_settings_close(
    make_console, monkeypatch, qtbot
) -> None:
    """Ctrl+1…9 must work the moment the dialog closes, without a click on the window."""
    console = make_console(NOW)
    console.start()
    window = console.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    monkeypatch.setattr("app.ui.pin_prompt.guard_settings", lambda *_a, **_kw: True)
    window.settings_action.trigger()
    dialog = console.settings_dialog
    assert dialog is not None
    dialog.prompts = FakePrompts()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focus = QApplication.focusWidget()
    assert focus is not None and focus.window() is window
    QApplication.clipboard().clear()
    QTest.keyClick(focus, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "+576017442727"
