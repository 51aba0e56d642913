"""File → Exportar horario…, Exportar contactos…, Imprimir hoja de canales…: the files the console
writes, and the one-page sheet (rendered to pixels and, with poppler's pdftoppm, from its PDF)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from app.core.sheet import SheetSource, sheet_view
from app.domain.availability import AvailabilityEngine
from app.ui.print_sheet import SheetPainter, default_page_size, page_size_in_units

BOGOTA = ZoneInfo("America/Bogota")
NOW = dt.datetime(2026, 12, 1, 9, 30, tzinfo=BOGOTA)
SOURCE = SheetSource(
    "equipo.json", False, "a3e15b1f2df7", dt.datetime(2026, 11, 28, 19, 5, tzinfo=dt.UTC)
)


def ink_fraction(image: QImage, step: int = 3) -> tuple[float, int]:
    """Share of sampled pixels that are not white, and how many are the week view's green."""
    inked = green = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            color = QColor(image.pixel(x, y))
            total += 1
            if (color.red(), color.green(), color.blue()) != (255, 255, 255):
                inked += 1
            if color.green() > 100 and color.red() < 60 and color.blue() < 90:
                green += 1
    return inked / total, green


@pytest.mark.parametrize("page", ["A4", "Letter"])
def test_the_sheet_renders_on_one_page(qapp, engine, page: str) -> None:
    view = sheet_view(engine, SOURCE, NOW, "es")
    painter = SheetPainter(view, page)
    image = painter.image(1.0)
    size = page_size_in_units(page)
    assert (image.width(), image.height()) == (round(size.width()), round(size.height()))
    inked, green = ink_fraction(image)
    assert 0.03 < inked < 0.6
    assert green > 50  # the week picture's bars are there
    # everything fits: the last line (the configuration) ends above the bottom margin
    assert painter.content_height(painter.scale()) <= size.height() - 2 * 0.55 * 96 + 0.5
    assert 0.3 <= painter.scale() <= 1.3


def test_the_sheets_words(engine) -> None:
    view = sheet_view(engine, SOURCE, NOW, "es")
    assert view.title == "Certicámara"
    assert view.heading == "Hoja de canales de soporte"
    assert [e.title for e in view.ladder] == [
        "Nivel 1 · Grupo de soporte técnico",
        "Nivel 2 · Supervisor de Soporte",
        "Nivel 3 · Coordinador de Soporte",
    ]
    assert view.ladder[1].hours == "Horario no publicado"
    assert (
        "Teléfono: +57 601 3790300, extensiones 1113, 1107, 1109, 1427" in view.ladder[1].contacts
    )
    assert view.channels[0].contacts == ("Teléfono: +57 601 7442727, marque 2 → 4",)
    assert view.days == ("mar 8 dic · La Inmaculada Concepción", "vie 25 dic · Navidad")
    assert view.printed == "Impresa: Martes, 1 de diciembre de 2026, 9:30 (America/Bogota)"
    assert view.source == (
        "Configuración: equipo.json · huella a3e15b1f2df7 · modificada 2026-11-28 14:05 · sin firma"
    )
    signed = sheet_view(
        engine, SheetSource("equipo.json", False, "ab", None, "Mesa de ayuda"), NOW, "es"
    )
    assert signed.source.endswith("· firmada por Mesa de ayuda")
    assert len(view.week.days) == 7 and view.week.days[0].date == dt.date(2026, 12, 1)


def test_a_long_configuration_is_scaled_onto_the_page(qapp, engine, default_config) -> None:
    """Forty channels still make one page: smaller, not cut off."""
    many = [
        dataclasses.replace(default_config.channels[i % 5], id=f"c{i}", name=f"Canal número {i}")
        for i in range(40)
    ]
    config = dataclasses.replace(default_config, channels=many)
    big = AvailabilityEngine(config, engine.calendar)
    painter = SheetPainter(sheet_view(big, SOURCE, NOW, "es"), "A4")
    assert painter.scale() < 0.8
    page = page_size_in_units("A4")
    assert painter.content_height(painter.scale()) <= page.height() - 2 * 0.55 * 96 + 0.5
    assert ink_fraction(painter.image(0.6))[0] > 0.03


def test_the_pdf_is_one_page_of_the_chosen_size(qapp, engine, tmp_path: Path) -> None:
    view = sheet_view(engine, SOURCE, NOW, "es")
    for page, box in (("A4", (595, 842)), ("Letter", (612, 792))):
        data = SheetPainter(view, page).pdf_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
        width, height = (
            float(v) for v in re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data).groups()
        )
        assert (round(width), round(height)) == box
        pdf = tmp_path / f"sheet-{page}.pdf"
        pdf.write_bytes(data)
        rendered = _pdftoppm(pdf, tmp_path / f"sheet-{page}")
        if rendered is not None:
            inked, green = ink_fraction(QImage(str(rendered)))
            assert 0.03 < inked < 0.6
            assert green > 50


def _pdftoppm(pdf: Path, prefix: Path) -> Path | None:
    """The PDF's first page as PNG by poppler, which knows nothing of Qt. CI installs it
    (.ci/run); elsewhere its absence skips only this check, never the pixels test above."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("pdftoppm (poppler-utils) is missing on CI")
        return None
    subprocess.run(
        [tool, "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True
    )
    return next(prefix.parent.glob(f"{prefix.name}*.png"))


def test_default_paper_size() -> None:
    assert default_page_size("CO") == "Letter"
    assert default_page_size("us") == "Letter"
    assert default_page_size("ES") == "A4"
    assert default_page_size("AR") == "A4"


# -- the console's File menu -------------------------------------------------------------------


def test_the_file_menu_offers_the_exports(make_console) -> None:
    console = make_console(NOW)
    window = console.window
    actions = window.menuBar().actions()[0].menu().actions()
    texts = [a.text().split("\t")[0] for a in actions]
    assert "Exportar &horario…" in texts
    assert "Exportar c&ontactos…" in texts
    assert "&Imprimir hoja de canales…" in texts


def test_export_hours_writes_the_calendar(make_console, tmp_path: Path) -> None:
    console = make_console(NOW)
    target = tmp_path / "horario.ics"
    assert console.exports.export_calendar(target) == target
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Certicámara — horario de los canales"
    starts = [e["DTSTART"].dt for e in calendar.walk("VEVENT") if "RRULE" in e]
    assert min(d if type(d) is dt.date else d.date() for d in starts) == dt.date(2026, 12, 1)
    assert "horario.ics" in console.window.statusBar().currentMessage()


def test_export_contacts_writes_the_cards(make_console, tmp_path: Path) -> None:
    console = make_console(NOW, lang="en")
    target = tmp_path / "contacts.vcf"
    assert console.exports.export_contacts(target, "4.0") == target
    cards = list(vobject.readComponents(target.read_bytes().decode("utf-8")))
    assert cards[1].fn.value == "Level 2 · Supervisor de Soporte"
    assert cards[1].version.value == "4.0"


def test_a_write_failure_is_one_line_in_a_message_box(
    make_console, tmp_path: Path, monkeypatch
) -> None:
    console = make_console(NOW)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    target = tmp_path / "missing-folder" / "horario.ics"
    assert console.exports.export_calendar(target) is None
    assert shown == [f"{target} no se pudo escribir: No such file or directory"]
    assert not target.parent.exists()


def test_the_sheet_dialog_previews_and_saves_a_pdf(make_console, qtbot, tmp_path: Path) -> None:
    console = make_console(NOW)
    dialog = console.exports.open_sheet_dialog()
    preview = dialog.preview.pixmap()
    assert not preview.isNull()
    assert ink_fraction(preview.toImage())[0] > 0.03
    dialog.page.setCurrentIndex(dialog.page.findData("A4"))
    a4_ratio = dialog.preview.pixmap().height() / dialog.preview.pixmap().width()
    assert a4_ratio == pytest.approx(297 / 210, rel=0.01)
    with qtbot.waitSignal(dialog.finished):
        saved = dialog.save_pdf(tmp_path / "hoja")
    assert saved == tmp_path / "hoja.pdf"
    assert saved.read_bytes().startswith(b"%PDF-")
    assert b"/MediaBox [0 0 595" in saved.read_bytes()
