"""The supervisor's settings dialog: round trips, validation as you type, conflicts, backups."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QCheckBox, QLineEdit, QListWidget

from app.resources import default_config_path
from app.ui.supervisor.dialog import SettingsDialog

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Bogota"))


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "team" / "config.json"
    path.parent.mkdir()
    shutil.copy(default_config_path(), path)
    return path


class Answers:
    """Stands in for the message boxes and file choosers: records questions, gives answers."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answer: str | None = None
        self.file: Path | None = None
        self.item: int | None = 0

    def ask(self, title: str, _text: str, _choices: object) -> str | None:
        self.asked.append(title)
        return self.answer

    def choose_file(self, _title: str, _saving: bool) -> Path | None:
        return self.file

    def choose_item(self, _title: str, _items: object) -> int | None:
        return self.item


def open_dialog(console, answers: Answers, **kwargs) -> SettingsDialog:
    dialog = SettingsDialog(
        console.loaded,
        console.services,
        console.clock,
        lang=console.lang,
        ask=answers.ask,
        choose_file=answers.choose_file,
        choose_item=answers.choose_item,
        parent=console.window,
        **kwargs,
    )
    dialog.saved.connect(console.apply_saved)
    return dialog


def field(dialog: SettingsDialog, name: str) -> QLineEdit:
    found = [w for w in dialog.findChildren(QLineEdit) if w.accessibleName() == name]
    assert found, name
    return found[-1]


def type_into(edit: QLineEdit, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)


def show_section(dialog: SettingsDialog, title: str) -> None:
    dialog.sections.setCurrentRow(dialog.page_index(title))


def test_menu_and_shortcut_open_the_dialog(make_console, config_file) -> None:
    console = make_console(NOW, config=config_file)
    console.start()
    assert console.window.settings_action.shortcut().toString() == "Ctrl+,"
    console.window.settings_action.trigger()
    assert isinstance(console.settings_dialog, SettingsDialog)
    assert console.settings_dialog.windowTitle() == "Canales — configuración"
    console.settings_dialog.reject()


def test_edit_a_phone_number_save_and_reopen(make_console, qtbot, config_file) -> None:
    console = make_console(NOW, config=config_file)
    console.start()
    answers = Answers()
    dialog = open_dialog(console, answers)
    show_section(dialog, "Canales")
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    type_into(field(dialog, "Número de teléfono"), "+57 601 5550000")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        dialog.save_button.click()
    on_disk = json.loads(config_file.read_text(encoding="utf-8"))
    assert on_disk["channels"][0]["contacts"][0]["number"] == "+57 601 5550000"
    assert console.window.cards[0].contacts[0].value.text() == "+57 601 5550000"
    again = open_dialog(console, answers)
    show_section(again, "Canales")
    assert field(again, "Número de teléfono").text() == "+57 601 5550000"


def test_an_invalid_edit_blocks_save_with_the_message_beside_it(make_console, config_file) -> None:
    console = make_console(NOW, config=config_file)
    dialog = open_dialog(console, Answers())
    show_section(dialog, "Canales")
    number = field(dialog, "Número de teléfono")
    type_into(number, "7442727")
    message = "«7442727» no es un número de teléfono válido (incluya el indicativo, p. ej. 601)"
    assert not dialog.save_button.isEnabled()
    assert dialog.problems.text().startswith("1 problema — Guardar está desactivado.")
    assert number.accessibleDescription() == message
    beside = number.parentWidget().findChildren(type(dialog.problems))
    assert [label.text() for label in beside if label.isVisibleTo(dialog)] == [message]
    channels = dialog.pages.currentWidget()
    assert channels.list.item(0).text().startswith("⚠ ")
    assert channels.list.item(1).text().startswith("Línea para incidentes")
    type_into(number, "+57 601 7442727")
    assert dialog.save_button.isEnabled() is False  # back to the saved value: nothing to save
    type_into(number, "+57 601 7442728")
    assert dialog.save_button.isEnabled()
    assert (
        json.loads(config_file.read_text(encoding="utf-8"))["channels"][0]["contacts"][0]["number"]
        == "+57 601 7442727"
    )  # nothing half-applied


def conflicting_edit(config_file: Path) -> None:
    other = json.loads(config_file.read_text(encoding="utf-8"))
    other["closing_soon_minutes"] = 30
    config_file.write_text(json.dumps(other), encoding="utf-8")


def test_conflict_reload_discards_the_dialogs_edits(make_console, config_file) -> None:
    console = make_console(NOW, config=config_file)
    answers = Answers()
    dialog = open_dialog(console, answers)
    show_section(dialog, "Organización")
    type_into(field(dialog, "Lema"), "Otro lema")
    conflicting_edit(config_file)
    answers.answer = "reload"
    assert dialog.save() is False
    assert answers.asked == ["El archivo cambió en el disco"]
    assert json.loads(config_file.read_text(encoding="utf-8"))["closing_soon_minutes"] == 30
    assert dialog.draft.get(("closing_soon_minutes",)) == 30
    assert dialog.draft.get(("organisation", "tagline")) != "Otro lema"


def test_conflict_overwrite_keeps_the_other_version_as_a_backup(make_console, config_file) -> None:
    console = make_console(NOW, config=config_file)
    answers = Answers()
    dialog = open_dialog(console, answers)
    show_section(dialog, "Organización")
    type_into(field(dialog, "Lema"), "Otro lema")
    conflicting_edit(config_file)
    theirs = config_file.read_bytes()
    answers.answer = "overwrite"
    assert dialog.save() is True
    saved = json.loads(config_file.read_text(encoding="utf-8"))
    assert saved["organisation"]["tagline"] == "Otro lema"
    backups = [p.read_bytes() for p in (config_file.parent / "backups").iterdir()]
    assert theirs in backups


def test_cancel_with_changes_asks_and_discards(make_console, config_file) -> None:
    console = make_console(NOW, config=config_file)
    answers = Answers()
    dialog = open_dialog(console, answers)
    show_section(dialog, "Organización")
    type_into(field(dialog, "Lema"), "Cambio")
    answers.answer = "keep"
    dialog.reject()
    assert answers.asked == ["Cambios sin guardar"]
    assert dialog.result() == 0 and dialog.draft.dirty
    answers.answer = "discard"
    dialog.reject()
    assert json.loads(config_file.read_text(encoding="utf-8"))["organisation"][
        "tagline"
    ].startswith("Hacemos")


def test_channels_add_duplicate_remove_and_reorder(make_console, qtbot, config_file) -> None:
    console = make_console(NOW, config=config_file)
    dialog = open_dialog(console, Answers())
    show_section(dialog, "Canales")
    editor = dialog.pages.currentWidget()
    editor.list.setCurrentRow(2)  # email
    editor.up_button.click()
    editor.list.setCurrentRow(0)
    editor.copy_button.click()  # duplicate phone-main as phone-main-2
    editor.list.setCurrentRow(editor.list.count() - 1)  # pqrsa
    editor.remove_button.click()
    ids = [c["id"] for c in dialog.draft.get(("channels",))]
    assert ids == ["phone-main", "phone-main-2", "email", "phone-critical", "chat"]
    editor.add_button.click()
    assert not dialog.save_button.isEnabled() or dialog.draft.problems == []
    type_into(
        field(dialog, "Número de teléfono") if False else field(dialog, "Id del canal"), "fax"
    )
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        dialog.save_button.click()
    saved = json.loads(config_file.read_text(encoding="utf-8"))
    assert [c["id"] for c in saved["channels"]] == [*ids, "fax"]
    assert [c.channel.id for c in console.window.cards] == [*ids, "fax"]


def test_schedule_editor_and_preview_name_the_holiday(make_console, config_file) -> None:
    console = make_console(NOW, config=config_file)
    dialog = open_dialog(console, Answers())
    show_section(dialog, "Horarios")
    preview = [
        w
        for w in dialog.findChildren(type(dialog.problems))
        if w.accessibleName() == "Próximos 14 días"
    ][-1]
    assert "mar 8 dic: cerrado — La Inmaculada Concepción" in preview.text()
    assert "sáb 5 dic: 8:00–13:00" in preview.text()
    type_into(field(dialog, "Horario del sábado"), "08:00-14:00")
    assert "sáb 5 dic: 8:00–14:00" in preview.text()
    type_into(field(dialog, "Horario del sábado"), "8-14")
    assert not dialog.save_button.isEnabled()
    assert "no es una hora HH:MM" in field(dialog, "Horario del sábado").accessibleDescription()


def test_special_day_is_added_and_validated(make_console, config_file) -> None:
    console = make_console(NOW, config=config_file)
    dialog = open_dialog(console, Answers())
    show_section(dialog, "Días especiales")
    editor = dialog.pages.currentWidget()
    editor.add_button.click()
    assert "special_days[0].channels" in dialog.problems.text()  # no channel chosen yet
    channels = [
        w for w in dialog.findChildren(QListWidget) if w.accessibleName() == "Canales afectados"
    ][-1]
    channels.item(0).setCheckState(channels.item(0).checkState().Checked)
    type_into(field(dialog, "Fecha"), "2026-12-24")
    assert dialog.draft.problems == []
    assert dialog.save()
    saved = json.loads(config_file.read_text(encoding="utf-8"))
    assert saved["special_days"][0]["channels"] == ["phone-main"]
    assert saved["special_days"][0]["date"] == "2026-12-24"


def test_restore_a_backup(make_console, config_file) -> None:
    console = make_console(NOW, config=config_file)
    answers = Answers()
    dialog = open_dialog(console, answers)
    show_section(dialog, "Organización")
    type_into(field(dialog, "Lema"), "Versión dos")
    assert dialog.save()
    dialog = open_dialog(console, answers)
    answers.item = 0  # the newest backup: the version before "Versión dos"
    dialog.restore()
    assert dialog.draft.get(("organisation", "tagline")).startswith("Hacemos")
    assert dialog.draft.dirty and dialog.save_button.isEnabled()


def test_import_invalid_changes_nothing_and_export_writes_a_valid_file(
    make_console, config_file, tmp_path
) -> None:
    console = make_console(NOW, config=config_file)
    answers = Answers()
    dialog = open_dialog(console, answers)
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2,', encoding="utf-8")
    answers.file = bad
    before = json.dumps(dialog.draft.document)
    dialog.import_file()
    assert dialog.problems.text().startswith(f"{bad}:1:")
    assert json.dumps(dialog.draft.document) == before
    answers.file = tmp_path / "out" / "team.json"
    (tmp_path / "out").mkdir()
    dialog.export_file()
    exported = json.loads(answers.file.read_text(encoding="utf-8"))
    assert exported["channels"][0]["id"] == "phone-main"


def test_read_only_disables_saving_and_editing(make_console, config_file) -> None:
    console = make_console(NOW, config=config_file)
    dialog = open_dialog(console, Answers(), read_only=True, managed_by="Mesa de ayuda TI")
    assert dialog.banner.text() == ("Configuración administrada por Mesa de ayuda TI; solo lectura")
    assert not dialog.save_button.isEnabled()
    assert not dialog.import_button.isEnabled()
    assert all(not w.isEnabled() for w in dialog.findChildren(QLineEdit) if w.accessibleName())
    assert all(not w.isEnabled() for w in dialog.findChildren(QCheckBox))


def test_pin_guards_the_dialog(make_console, config_file, monkeypatch) -> None:
    console = make_console(NOW, config=config_file)
    asked = []
    monkeypatch.setattr(
        "app.ui.application.guard_settings", lambda *a, **k: asked.append(a[1]) or False
    )
    assert console.open_settings() is None
    assert asked == [config_file]


def test_supervisor_sets_changes_and_removes_the_pin(make_console, config_file) -> None:
    from app.storage.pin import pin_path_for, verify

    console = make_console(NOW, config=config_file)
    answers = Answers()
    secrets: list[str | None] = []
    dialog = open_dialog(console, answers, ask_secret=lambda _t, _l: secrets.pop(0))
    pin_file = pin_path_for(config_file)
    secrets[:] = ["2468", "1357"]
    assert dialog.change_pin() is False
    assert dialog.problems.text() == "Los dos PIN no coinciden; no se cambió nada"
    assert not pin_file.exists()
    secrets[:] = ["2468", "2468"]
    assert dialog.change_pin() is True
    assert verify(pin_file, "2468") and not verify(pin_file, "1357")
    secrets[:] = [""]
    assert dialog.change_pin() is True
    assert not pin_file.exists()
