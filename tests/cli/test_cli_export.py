"""``canales export ical|vcard`` as scripts and IT run it: files, standard output, usage errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import icalendar
import vobject
from cli_run import canales, no_traceback


def test_ical_writes_the_calendar_of_every_channel(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "horario.ics"
    result = canales(env, "export", "ical", "--from", "2026-12-01", "--days", "31", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Calendario escrito en {out}: 5 canales, 31 días")
    assert "del 2026-12-01 al 2026-12-31" in result.stdout
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Certicámara — horario de los canales"
    channels = {str(e["X-CANALES-CHANNEL"]) for e in calendar.walk("VEVENT")}
    assert channels == {"phone-main", "phone-critical", "email", "chat", "pqrsa"}
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/Bogota"]
    # a holiday in range (8 Dec, la Inmaculada Concepción) is left out of the business hours
    assert b"EXDATE;TZID=America/Bogota:20261208T070000" in out.read_bytes()


def test_ical_for_one_channel_to_standard_output(env: dict[str, str]) -> None:
    result = canales(env, "export", "ical", "--channel", "chat", "--days", "7", "-o", "-")
    assert result.returncode == 0, result.stderr
    calendar = icalendar.Calendar.from_ical(result.stdout.encode("utf-8"))
    assert {str(e["X-CANALES-CHANNEL"]) for e in calendar.walk("VEVENT")} == {"chat"}
    assert "Chat en línea — abierto" in result.stdout


def test_ical_in_english(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "hours.ics"
    result = canales({**env, "CANALES_LANG": "en"}, "export", "ical", "-o", str(out))
    assert result.returncode == 0
    assert result.stdout.startswith(f"Calendar written to {out}: 5 channels, 90 days from ")
    assert "Chat en línea — open" in out.read_text(encoding="utf-8")


def test_ical_usage_errors(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "x.ics"
    cases = {
        ("--days", "0"): "canales: --days: '0' debe ser un número entero de 1 a 366",
        ("--days", "367"): "canales: --days: '367' debe ser un número entero de 1 a 366",
        ("--days", "tres"): "canales: --days: 'tres' debe ser un número entero de 1 a 366",
        ("--channel", "fax"): "canales: --channel: canal desconocido 'fax' (canales: phone-main,",
        ("--from", "mañana"): "canales: --from: 'mañana' no es una fecha (p. ej. 2026-12-01)",
        ("--from", "9999-12-20"): "canales: --from: los días desde '9999-12-20' quedan fuera",
    }
    for args, message in cases.items():
        result = canales(env, "export", "ical", *args, "-o", str(out))
        assert result.returncode == 2, args
        assert result.stderr.startswith(message), result.stderr
        no_traceback(result)
    missing = canales(env, "export", "ical")
    assert missing.returncode == 2
    assert "faltan estos argumentos: -o/--output" in missing.stderr
    assert not out.exists()


def test_an_unwritable_target_is_one_line_and_exit_1(env: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "x.ics"
    result = canales(env, "export", "ical", "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{target}: no se puede escribir (No such file or directory)"
    ]


def test_an_existing_file_is_replaced_whole(env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "c.vcf"
    out.write_text("old contents that are longer than nothing" * 100, encoding="utf-8")
    assert canales(env, "export", "vcard", "-o", str(out)).returncode == 0
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "old contents" not in text
    assert [p.name for p in out.parent.iterdir()] == ["c.vcf"]  # no temporary file left


def test_vcard_versions(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "contactos.vcf"
    result = canales(env, "export", "vcard", "-o", str(out))
    assert result.returncode == 0
    assert result.stdout.strip() == f"Contactos escritos en {out}: 8 tarjetas (vCard 3.0)"
    cards = list(vobject.readComponents(out.read_text(encoding="utf-8")))
    assert [c.fn.value for c in cards[:3]] == [
        "Nivel 1 · Grupo de soporte técnico",
        "Nivel 2 · Supervisor de Soporte",
        "Nivel 3 · Coordinador de Soporte",
    ]
    four = canales(env, "export", "vcard", "--version", "4.0", "-o", "-")
    assert four.returncode == 0
    assert "TEL;TYPE=work,voice;VALUE=uri:tel:+57-601-3790300;ext=1427" in four.stdout.splitlines()
    bad = canales(env, "export", "vcard", "--version", "2.1", "-o", "-")
    assert bad.returncode == 2
    assert "--version: opción '2.1' desconocida" in bad.stderr


def test_export_does_not_import_qt(env: dict[str, str], tmp_path: Path) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['export', 'ical', '-o', {str(tmp_path / 'a.ics')!r}])\n"
        f"    main(['export', 'vcard', '-o', {str(tmp_path / 'a.vcf')!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert (tmp_path / "a.ics").stat().st_size > 0


def test_the_parser_does_not_import_the_exporters(env: dict[str, str]) -> None:
    """Every start builds the parser: the exporters (and icalendar, vobject) stay unloaded."""
    code = (
        "import sys\n"
        "from app.cli import build_parser\n"
        "build_parser('es')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('icalendar', 'vobject')"
        " or m in ('app.core.calendar_export', 'app.core.vcard_export', 'phonenumbers')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
