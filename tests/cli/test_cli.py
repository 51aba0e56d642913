"""The command-line contract of DESIGN.md, exercised in real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import canales, no_traceback

from app import __version__
from app.resources import default_config_path

DEFAULT_BYTES = default_config_path().read_bytes()


def edited_default(**changes: object) -> dict:
    doc = json.loads(DEFAULT_BYTES)
    doc.update(changes)
    return doc


def test_version(env: dict[str, str]) -> None:
    result = canales(env, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"canales {__version__}"


def test_status_json_on_a_holiday(env: dict[str, str]) -> None:
    result = canales(env, "status", "--json", "--at", "2026-12-08T10:00")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) == {"at", "timezone", "holiday", "channels", "escalation", "source"}
    assert doc["source"] == {
        "path": None,  # the embedded default: no file, no signature
        "signed_by": None,
        "signed_at": None,
        "trusted_comment": None,
        "fetched_at": None,
        "etag": None,
    }
    assert doc["at"] == "2026-12-08T10:00:00-05:00"
    assert doc["timezone"] == "America/Bogota"
    assert doc["holiday"] == "La Inmaculada Concepción"
    by_id = {c["id"]: c for c in doc["channels"]}
    assert list(by_id) == ["phone-main", "phone-critical", "email", "chat", "pqrsa"]
    assert by_id["phone-main"] == {
        "id": "phone-main",
        "name": "Línea de servicio al cliente (Bogotá)",
        "state": "closed",
        "closing_soon": False,
        "next_change": "2026-12-09T07:00:00-05:00",
        "reason": "La Inmaculada Concepción",
    }
    assert by_id["phone-critical"]["state"] == "open"
    assert by_id["phone-critical"]["next_change"] is None
    assert doc["escalation"] == [
        {
            "level": 1,
            "name": "Grupo de soporte técnico",
            "state": "closed",
            "next_change": "2026-12-09T07:00:00-05:00",
        },
        {"level": 2, "name": "Supervisor de Soporte", "state": "unknown", "next_change": None},
        {"level": 3, "name": "Coordinador de Soporte", "state": "unknown", "next_change": None},
    ]


def test_status_at_with_an_offset_is_converted_to_the_centre(env: dict[str, str]) -> None:
    result = canales(env, "status", "--json", "--at", "2026-12-05T17:50:00Z")
    doc = json.loads(result.stdout)
    assert doc["at"] == "2026-12-05T12:50:00-05:00"
    main = doc["channels"][0]
    assert (main["state"], main["closing_soon"], main["next_change"]) == (
        "open",
        True,
        "2026-12-05T13:00:00-05:00",
    )


def test_status_table_is_spanish(env: dict[str, str]) -> None:
    result = canales(env, "status", "--at", "2026-12-05T12:50")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[1] == "Hora del centro: 2026-12-05 12:50:00 (America/Bogota, UTC-05:00)"
    main = next(line for line in lines if line.startswith("Línea de servicio al cliente"))
    assert "Cierra pronto" in main
    assert "cierra 13:00 · en 10 min" in main
    assert any(line.startswith("ESCALAMIENTO") for line in lines)
    assert any("Horario no publicado" in line for line in lines)


def test_status_follows_canales_lang(env: dict[str, str]) -> None:
    result = canales({**env, "CANALES_LANG": "en"}, "status", "--at", "2026-12-08T10:00")
    assert "Today is a holiday: Immaculate Conception" in result.stdout
    assert "Support centre time" in result.stdout


def test_status_now_runs(env: dict[str, str]) -> None:
    result = canales(env, "status", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["at"].endswith("-05:00")


@pytest.mark.parametrize("value", ["mañana", "2026-13-01T10:00", "10:00"])
def test_bad_at_is_a_usage_error(env: dict[str, str], value: str) -> None:
    result = canales(env, "status", "--at", value)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"canales: --at: «{value}» no es una fecha y hora ISO 8601 (p. ej. 2026-12-08T10:00)"
    )


@pytest.mark.parametrize(
    "args",
    [["bogus"], ["config"], ["config", "import"], ["status", "--when", "x"], ["config", "nada"]],
)
def test_usage_errors_exit_2(env: dict[str, str], args: list[str]) -> None:
    result = canales(env, *args)
    assert result.returncode == 2
    assert "uso:" in result.stderr  # the CLI's language, Spanish by default
    no_traceback(result)


def test_config_path_default_and_override(
    env: dict[str, str], active: Path, tmp_path: Path
) -> None:
    def first_line(result: subprocess.CompletedProcess[str]) -> str:
        return result.stdout.splitlines()[0]  # the path alone, for scripts

    assert first_line(canales(env, "config", "path")) == str(active)
    other = tmp_path / "team.json"
    assert first_line(canales(env, "--config", str(other), "config", "path")) == str(other)
    assert first_line(canales({**env, "CANALES_CONFIG": str(other)}, "config", "path")) == str(
        other
    )
    flag_wins = canales(
        {**env, "CANALES_CONFIG": "/nowhere.json"}, "--config", str(other), "config", "path"
    )
    assert first_line(flag_wins) == str(other)


def test_config_default_prints_the_embedded_file(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "config", "default"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout == DEFAULT_BYTES


def test_config_schema_is_json_schema(env: dict[str, str]) -> None:
    result = canales(env, "config", "schema")
    schema = json.loads(result.stdout)
    assert result.returncode == 0
    assert schema["title"] == "Canales configuration"
    assert "channels" in schema["properties"]


def test_validate_good_file_and_embedded_default(env: dict[str, str], tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_bytes(DEFAULT_BYTES)
    result = canales(env, "config", "validate", str(good))
    assert (result.returncode, result.stdout.strip()) == (0, f"{good}: configuración válida")
    result = canales(env, "config", "validate")
    assert result.returncode == 0
    assert result.stdout.strip() == f"{default_config_path()}: configuración válida"


def test_validate_reports_json_syntax_with_line_and_column(
    env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "schema_version": 2,\n  "timezone": "America/Bogota"\n  "x": 1\n}\n')
    result = canales(env, "config", "validate", str(bad))
    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{bad}:4:3: ")
    no_traceback(result)


def test_validate_reports_every_schema_problem(env: dict[str, str], tmp_path: Path) -> None:
    doc = edited_default(closing_soon_minutes=-1, timezone="Bogota")
    doc["channels"][0]["contacts"][0]["number"] = "7442727"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = canales(env, "config", "validate", str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}: timezone: zona horaria «Bogota» desconocida (p. ej. America/Bogota)",
        f"{bad}: closing_soon_minutes: debe ser ≥ 0",
        f"{bad}: channels[0].contacts[0].number: «7442727» no es un número de teléfono válido "
        "(incluya el indicativo, p. ej. 601)",
    ]


def test_validate_missing_file(env: dict[str, str], tmp_path: Path) -> None:
    result = canales(env, "config", "validate", str(tmp_path / "nope.json"))
    assert result.returncode == 1
    assert result.stdout.strip() == f"{tmp_path / 'nope.json'}: el archivo no existe"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"a": 1, "a": 2}', 'clave repetida "a"'),
        (b'{"closing_soon_minutes": NaN}', "NaN"),
        (b"[" * 100_000, "anida más de 64 niveles"),
        ("{}".encode("utf-16"), "UTF-8"),
        (b"", "vac"),
    ],
)
def test_untrusted_json_gets_one_clean_line(
    env: dict[str, str], tmp_path: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = canales(env, "config", "validate", str(bad))
    assert result.returncode == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{bad}")
    assert expected in line
    no_traceback(result)


def test_oversized_file(env: dict[str, str], tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b'{"notes": ["' + b"x" * (6 * 1024 * 1024) + b'"]}')
    result = canales(env, "config", "validate", str(big))
    assert result.returncode == 1
    assert "5 MB" in result.stdout


def test_bom_is_accepted(env: dict[str, str], tmp_path: Path) -> None:
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + DEFAULT_BYTES)
    assert canales(env, "config", "validate", str(bom)).returncode == 0


def test_status_with_an_invalid_active_file_exits_1_and_keeps_it(
    env: dict[str, str], active: Path
) -> None:
    active.parent.mkdir(parents=True)
    active.write_bytes(b'{"schema_version": 99}')
    result = canales(env, "status")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{active}: schema_version: versión de esquema 99 es más nueva que la que entiende esta "
        "versión de Canales (2); actualice Canales"
    ]
    assert active.read_bytes() == b'{"schema_version": 99}'


def test_import_replaces_atomically_and_keeps_a_backup(
    env: dict[str, str], active: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    first.write_text(json.dumps(edited_default(closing_soon_minutes=20)), encoding="utf-8")
    result = canales(env, "config", "import", str(first))
    assert result.returncode == 0, result.stderr
    assert json.loads(active.read_bytes())["closing_soon_minutes"] == 20
    assert not (active.parent / "backups").exists() or not list(
        (active.parent / "backups").iterdir()
    )

    previous = active.read_bytes()
    second = tmp_path / "second.json"
    second.write_text(json.dumps(edited_default(closing_soon_minutes=30)), encoding="utf-8")
    result = canales(env, "config", "import", str(second))
    assert result.returncode == 0
    assert json.loads(active.read_bytes())["closing_soon_minutes"] == 30
    (backup,) = (active.parent / "backups").iterdir()
    assert backup.read_bytes() == previous
    assert str(backup) in result.stdout
    assert [p.name for p in active.parent.iterdir() if p.name.endswith(".tmp")] == []

    status = json.loads(canales(env, "status", "--json", "--at", "2026-12-07T18:40").stdout)
    assert (
        status["channels"][0]["closing_soon"] is True
    )  # 20 min before 19:00 with a 30-min warning


def test_invalid_import_changes_nothing(env: dict[str, str], active: Path, tmp_path: Path) -> None:
    active.parent.mkdir(parents=True)
    active.write_bytes(DEFAULT_BYTES)
    before = sorted(p.name for p in active.parent.rglob("*"))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(edited_default(timezone="Mars/Olympus")), encoding="utf-8")
    result = canales(env, "config", "import", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"{bad}: timezone: zona horaria «Mars/Olympus» desconocida (p. ej. America/Bogota)"
    )
    assert active.read_bytes() == DEFAULT_BYTES
    assert sorted(p.name for p in active.parent.rglob("*")) == before


def test_import_into_an_unwritable_place_fails_cleanly(env: dict[str, str], tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    good = tmp_path / "good.json"
    good.write_bytes(DEFAULT_BYTES)
    result = canales(env, "--config", str(blocker / "config.json"), "config", "import", str(good))
    assert result.returncode == 1
    assert result.stderr.startswith(str(blocker))
    no_traceback(result)


def test_export_writes_the_active_configuration(
    env: dict[str, str], active: Path, tmp_path: Path
) -> None:
    out = tmp_path / "export" / "team.json"
    result = canales(env, "config", "export", str(out))
    assert result.returncode == 0
    assert json.loads(out.read_bytes()) == json.loads(DEFAULT_BYTES)
    active.parent.mkdir(parents=True)
    active.write_text(json.dumps(edited_default(closing_soon_minutes=5)), encoding="utf-8")
    canales(env, "config", "export", str(out))
    assert json.loads(out.read_bytes())["closing_soon_minutes"] == 5


def test_export_refuses_an_invalid_active_file(
    env: dict[str, str], active: Path, tmp_path: Path
) -> None:
    active.parent.mkdir(parents=True)
    active.write_bytes(b"{")
    out = tmp_path / "team.json"
    result = canales(env, "config", "export", str(out))
    assert result.returncode == 1
    assert not out.exists()


def test_stale_temp_files_are_cleaned_on_start(env: dict[str, str], active: Path) -> None:
    active.parent.mkdir(parents=True)
    stale = active.parent / ".config.json.abcd1234.tmp"
    stale.write_bytes(b'{"half": ')
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    assert canales(env, "status", "--json").returncode == 0
    assert not stale.exists()


def test_headless_commands_do_not_import_qt(env: dict[str, str]) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['status', '--json']); main(['config', 'validate']); main(['config', 'schema'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


HEAVY = ("holidays", "pydantic", "phonenumbers", "_hashlib")


def test_status_skips_the_heavy_imports(env: dict[str, str]) -> None:
    """A valid file is checked by every rule without pydantic (``app.domain.typed``); the
    holiday cache keeps ``import holidays`` (0.1 s) off the second start; file digests never
    load OpenSSL. Only the phone rule's phonenumbers is left."""
    code = (
        "import sys, contextlib, io\n"
        "from app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['status', '--json'])\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    first, second = (
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
        )
        for _ in range(2)
    )
    assert set(first.stdout.split()) == {"holidays", "phonenumbers"}, first.stderr
    assert set(second.stdout.split()) == {"phonenumbers"}, second.stderr


def test_a_changed_file_is_validated_again(env: dict[str, str], active: Path) -> None:
    """Every start checks the file's own bytes: an edit that breaks the file is reported."""
    active.parent.mkdir(parents=True)
    document = json.loads(canales(env, "config", "default").stdout)
    active.write_text(json.dumps(document), encoding="utf-8")
    assert canales(env, "status", "--json").returncode == 0
    assert canales(env, "status", "--json").returncode == 0
    document["channels"][0]["contacts"][0]["number"] = "7442727"  # seven digits: invalid
    active.write_text(json.dumps(document), encoding="utf-8")
    result = canales(env, "status", "--json")
    assert result.returncode == 1
    assert "channels[0].contacts[0].number" in result.stderr


def test_the_parser_loads_no_model_or_storage() -> None:
    """Every start builds the parser, the console's before its first paint: the commands'
    modules must not bring in the model, the engine or the stores (≈90 ms before the window)."""
    code = (
        "import sys\n"
        "from app.cli import build_parser\n"
        "build_parser('es').parse_args([])\n"
        "heavy = ('app.bootstrap', 'app.domain.model', 'app.storage.config_store', "
        "'app.domain.availability', 'phonenumbers', 'zoneinfo')\n"
        "print(' '.join(m for m in heavy if m in sys.modules) or '-')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "-"
