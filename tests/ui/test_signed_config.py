"""The console under a policy that requires signatures: who signed shows in the header's
tooltip; a bad signature is a banner and the last good configuration stays; the settings
dialog signs on Save with the supervisor's key, and a wrong password writes nothing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from test_settings_dialog import NUMBER, FakePrompts, editor, type_into

from app.resources import default_config_path
from app.storage import minisign as m
from app.ui.settings import SettingsDialog

BOGOTA = ZoneInfo("America/Bogota")
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=BOGOTA)
SIGNED_AT = dt.datetime(2026, 11, 30, 17, 45, tzinfo=BOGOTA)
CHEAP = {"opslimit": 524288, "memlimit": 16777216}
ON_RELOAD = "La nueva configuración no se aplicó; se sigue mostrando la última válida: "
AT_START = (
    "No se pudo usar el archivo de configuración; se muestra la configuración predeterminada: "
)
DEFAULT = json.loads(default_config_path().read_text(encoding="utf-8"))
MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"


def named(name: str) -> bytes:
    doc = json.loads(json.dumps(DEFAULT))
    doc["channels"][0]["name"] = name
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


class KeyPrompts(FakePrompts):
    def __init__(self, key: Path | None) -> None:
        super().__init__()
        self.key = key
        self.key_asked = 0

    def open_key(self, title: str) -> Path | None:
        self.key_asked += 1
        return self.key


@pytest.fixture
def supervisor(tmp_path: Path) -> tuple[m.SecretKey, Path]:
    """The supervisor's key, password-protected ("clave del supervisor")."""
    key = m.generate_key()
    path = tmp_path / "supervisor.key"
    path.write_text(m.secret_key_file(key, "clave del supervisor", **CHEAP))
    return key, path


def require_signatures(env: dict[str, str], *keys: m.SecretKey) -> None:
    policy = Path(env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json"
    policy.parent.mkdir(parents=True, exist_ok=True)
    doc = {"trusted_keys": [k.public_key.base64() for k in keys], "require_signature": True}
    policy.write_text(json.dumps(doc), encoding="utf-8")


def write_signed(path: Path, data: bytes, key: m.SecretKey, note: str = "Ana Pérez") -> None:
    comment = m.default_trusted_comment(path.name, SIGNED_AT) + f"\t{note}"
    path.write_bytes(data)
    path.with_name(path.name + ".minisig").write_bytes(m.sign(data, key, comment))


def first_title(console) -> str:
    return console.window.cards[0].title.text()


def test_the_header_tooltip_says_who_signed_and_when(
    make_console, isolated_env: dict[str, str], tmp_path: Path, supervisor
) -> None:
    key, _ = supervisor
    require_signatures(isolated_env, key)
    config = tmp_path / "team.json"
    write_signed(config, named("Línea firmada"), key)
    console = make_console(NOW, config=config)
    console.start()
    assert first_title(console) == "Línea firmada"
    assert console.window.banner.isHidden()
    tooltip = console.window.board.header.toolTip()
    assert tooltip == (
        f"Configuración: {config}\n"
        f"Firmado por Ana Pérez (clave {key.key_id_hex}) el 2026-11-30 17:45"
    )
    assert console.window.board.header.title.toolTip() == tooltip


def test_a_bad_signature_is_a_banner_and_the_last_good_stays(
    make_console, isolated_env: dict[str, str], tmp_path: Path, supervisor
) -> None:
    key, _ = supervisor
    intruder = m.generate_key()
    require_signatures(isolated_env, key)
    config = tmp_path / "team.json"
    write_signed(config, named("Línea del equipo"), key)
    console = make_console(NOW, config=config)
    console.start()
    assert first_title(console) == "Línea del equipo"

    config.write_bytes(named("Línea alterada"))  # the old signature stays beside it
    console.reload_config()
    text = console.window.banner.text()
    assert not console.window.banner.isHidden()
    assert text == (
        f"{ON_RELOAD}{config}: la firma team.json.minisig no corresponde al archivo "
        "(alterado, o se firmó otro archivo)"
    )
    assert first_title(console) == "Línea del equipo"
    assert console.loaded.signer is not None

    write_signed(config, named("Línea del intruso"), intruder)
    console.reload_config()
    assert "que no es de confianza" in console.window.banner.text()
    assert first_title(console) == "Línea del equipo"

    write_signed(config, named("Línea corregida"), key, note="Ana, de nuevo")
    console.reload_config()
    assert console.window.banner.isHidden()
    assert first_title(console) == "Línea corregida"
    assert "Firmado por Ana, de nuevo" in console.window.board.header.toolTip()


def test_the_watcher_delivers_a_bad_signature_to_the_banner(
    make_console, qtbot, isolated_env: dict[str, str], tmp_path: Path, supervisor
) -> None:
    key, _ = supervisor
    require_signatures(isolated_env, key)
    config = tmp_path / "team.json"
    write_signed(config, named("Línea del equipo"), key)
    console = make_console(NOW, config=config)
    console.start()
    with qtbot.waitSignal(console.watcher.changed, timeout=5000):
        config.write_bytes(named("Línea alterada"))
    assert "no corresponde al archivo" in console.window.banner.text()
    assert first_title(console) == "Línea del equipo"


def test_an_unsigned_file_at_start_shows_the_default_and_says_why(
    make_console, isolated_env: dict[str, str], tmp_path: Path, supervisor
) -> None:
    key, _ = supervisor
    require_signatures(isolated_env, key)
    config = tmp_path / "team.json"
    config.write_bytes(named("Sin firma"))
    console = make_console(NOW, config=config)
    console.start()
    assert console.loaded.is_default
    assert console.window.banner.text() == (
        f"{AT_START}{config}: se exige firma: falta team.json.minisig"
    )
    assert console.window.board.header.toolTip() == ("Configuración: la predeterminada incorporada")


def open_dialog(console, prompts: KeyPrompts) -> SettingsDialog:
    dialog = SettingsDialog(
        console.loaded,
        console.services,
        console.clock,
        lang=console.lang,
        prompts=prompts,
        signing_key=Path(console.prefs.signing_key) if console.prefs.signing_key else None,
        remember_signing_key=console._remember_signing_key,
        parent=console.window,
    )
    dialog.saved.connect(console.apply_saved)
    return dialog


def edit_number(dialog: SettingsDialog, number: str) -> None:
    type_into(editor(dialog, *NUMBER), number)
    assert dialog.save_button.isEnabled()


def test_save_signs_with_the_supervisors_key_and_minisign_agrees(
    make_console, isolated_env: dict[str, str], tmp_path: Path, supervisor, qtbot
) -> None:
    key, key_path = supervisor
    require_signatures(isolated_env, key)
    config = tmp_path / "team.json"
    write_signed(config, named("Línea del equipo"), key)
    console = make_console(NOW, config=config)
    console.start()
    prompts = KeyPrompts(key_path)
    prompts.secrets = ["clave del supervisor"]
    dialog = open_dialog(console, prompts)
    assert "Guardar firma con su clave secreta" in dialog.banner.text()
    edit_number(dialog, "+57 601 7000000")

    assert dialog.save()

    assert prompts.errors == []
    signature = config.with_name("team.json.minisig")
    signer = m.verify(config.read_bytes(), signature.read_bytes(), [key.public_key])
    assert signer.key_id == key.key_id_hex
    assert "+57 601 7000000" in config.read_text(encoding="utf-8")
    pub = tmp_path / "supervisor.pub"
    pub.write_text(m.public_key_file(key))
    tool = subprocess.run(
        [MINISIGN, "-V", "-m", str(config), "-p", str(pub)], capture_output=True, check=False
    )
    assert tool.returncode == 0, tool.stderr
    assert console.loaded.signer == signer  # the console shows the signed save at once
    assert console.window.banner.isHidden()
    # the key's path is remembered (never the password): the next save does not ask for it
    assert console.prefs.signing_key == str(key_path)
    assert "clave del supervisor" not in console.prefs_store.path.read_text(encoding="utf-8")
    dialog.close()
    second = KeyPrompts(None)
    second.secrets = ["clave del supervisor"]
    again = open_dialog(console, second)
    edit_number(again, "+57 601 7000001")
    assert again.save()
    assert second.key_asked == 0
    assert second.secrets == []  # the password was asked again


def test_a_wrong_password_writes_nothing(
    make_console, isolated_env: dict[str, str], tmp_path: Path, supervisor
) -> None:
    key, key_path = supervisor
    require_signatures(isolated_env, key)
    config = tmp_path / "team.json"
    write_signed(config, named("Línea del equipo"), key)
    signature = config.with_name("team.json.minisig")
    before = (config.read_bytes(), signature.read_bytes())
    console = make_console(NOW, config=config)
    console.start()
    prompts = KeyPrompts(key_path)
    prompts.secrets = ["no es la clave"]
    dialog = open_dialog(console, prompts)
    edit_number(dialog, "+57 601 7000000")

    assert not dialog.save()

    assert prompts.errors == [
        "No se guardó: Contraseña incorrecta para esta clave. No se escribió nada."
    ]
    assert (config.read_bytes(), signature.read_bytes()) == before
    assert dialog.draft.dirty  # the edits are still there to save again
    assert console.prefs.signing_key is None  # a key that did not open is not remembered


def test_a_key_the_policy_does_not_trust_writes_nothing(
    make_console, isolated_env: dict[str, str], tmp_path: Path, supervisor
) -> None:
    key, _ = supervisor
    other = m.generate_key()
    other_path = tmp_path / "other.key"
    other_path.write_text(m.secret_key_file(other, None))
    require_signatures(isolated_env, key)
    config = tmp_path / "team.json"
    write_signed(config, named("Línea del equipo"), key)
    before = config.read_bytes()
    console = make_console(NOW, config=config)
    console.start()
    prompts = KeyPrompts(other_path)
    dialog = open_dialog(console, prompts)
    edit_number(dialog, "+57 601 7000000")
    assert not dialog.save()
    assert len(prompts.errors) == 1
    assert other.key_id_hex in prompts.errors[0]
    assert "No se escribió nada" in prompts.errors[0]
    assert config.read_bytes() == before


def test_cancelling_the_key_or_the_password_writes_nothing(
    make_console, isolated_env: dict[str, str], tmp_path: Path, supervisor
) -> None:
    key, key_path = supervisor
    require_signatures(isolated_env, key)
    config = tmp_path / "team.json"
    write_signed(config, named("Línea del equipo"), key)
    before = config.read_bytes()
    console = make_console(NOW, config=config)
    console.start()
    for prompts in (KeyPrompts(None), KeyPrompts(key_path)):
        prompts.secrets = [None]
        dialog = open_dialog(console, prompts)
        edit_number(dialog, "+57 601 7000000")
        assert not dialog.save()
        assert prompts.errors == []
        assert config.read_bytes() == before
        dialog.close()
