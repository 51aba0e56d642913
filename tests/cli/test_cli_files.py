"""The files behind the commands, attacked: each case ends in one clean line, never a traceback
or a hang, and never in a write that skips the rules (real subprocesses, as the other CLI tests).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from cli_run import canales, no_traceback

from app.resources import default_config_path

DEFAULT_BYTES = default_config_path().read_bytes()
HUGE = "7" * 5000  # beyond Python's 4300-digit int() limit


def site_policy(env: dict[str, str], text: str) -> Path:
    policy = Path(env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json"
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(text, encoding="utf-8")
    return policy


def test_a_huge_integer_in_the_config_is_one_located_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "closing_soon_minutes": ' + HUGE + "\n}\n", encoding="utf-8")
    result = canales(env, "config", "validate", str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{bad}:2:27: número de 5000 cifras; se admiten como mucho 100"
    ]
    no_traceback(result)


@pytest.mark.parametrize(
    "policy_text",
    [
        pytest.param('{"read_only": false, "refresh": ' + HUGE + "}", id="huge-integer"),
        pytest.param('{"config_path": "/srv/canales\\u0000/config.json"}', id="nul-in-path"),
    ],
)
def test_a_broken_policy_locks_instead_of_breaking_every_command(
    env: dict[str, str], tmp_path: Path, policy_text: str
) -> None:
    """A huge integer or a NUL in the policy is a policy problem (editing locked), not a crash."""
    policy = site_policy(env, policy_text)
    status = canales(env, "status", "--json")
    assert status.returncode == 0, status.stderr
    no_traceback(status)
    new = tmp_path / "new.json"
    new.write_bytes(DEFAULT_BYTES)
    result = canales(env, "config", "import", str(new))
    assert result.returncode == 1
    assert f"la edición está bloqueada por la política administrada ({policy})" in result.stderr
    no_traceback(result)


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges there")
def test_importing_through_a_linked_config_keeps_backups_beside_the_target(
    env: dict[str, str], active: Path, tmp_path: Path
) -> None:
    team = tmp_path / "share" / "team.json"
    team.parent.mkdir()
    team.write_bytes(DEFAULT_BYTES)
    active.parent.mkdir(parents=True)
    active.symlink_to(team)
    for minutes in (20, 25):
        doc = json.loads(DEFAULT_BYTES)
        doc["closing_soon_minutes"] = minutes
        new = tmp_path / f"new-{minutes}.json"
        new.write_text(json.dumps(doc), encoding="utf-8")
        result = canales(env, "config", "import", str(new))
        assert result.returncode == 0, result.stderr
    assert active.is_symlink()
    assert json.loads(team.read_bytes())["closing_soon_minutes"] == 25
    assert sorted(p.name for p in active.parent.iterdir()) == ["config.json"]
    assert len(list((team.parent / "backups").iterdir())) == 2


def test_export_onto_the_managed_file_is_refused_when_read_only(
    env: dict[str, str], tmp_path: Path
) -> None:
    share = tmp_path / "share" / "config.json"
    share.parent.mkdir()
    share.write_bytes(DEFAULT_BYTES.replace(b"\n", b"\r\n"))  # not in export's normal form
    before = share.read_bytes()
    site_policy(env, json.dumps({"config_path": str(share), "read_only": True, "managed_by": "TI"}))
    alias = tmp_path / "share" / ".." / "share" / "config.json"
    mine = tmp_path / "mine.json"
    mine.write_bytes(DEFAULT_BYTES)
    for args in (["config", "export", str(share)], ["config", "export", str(alias)]):
        for config in ([], ["--config", str(mine)]):
            result = canales(env, *config, *args)
            assert result.returncode == 1, (config, args, result.stdout)
            assert result.stderr.strip().endswith(
                ": la edición está bloqueada por la política administrada (TI)"
            )
            no_traceback(result)
    assert share.read_bytes() == before
    assert sorted(p.name for p in share.parent.iterdir()) == ["config.json"]
    elsewhere = canales(env, "config", "export", str(tmp_path / "copy.json"))
    assert elsewhere.returncode == 0, elsewhere.stderr  # reading stays allowed


def test_export_onto_the_active_file_is_a_save_that_changes_nothing(
    env: dict[str, str], active: Path
) -> None:
    """Export writes the bytes it validated; onto the active file (however named) that is a
    save under the lock, of the same bytes: nothing is rewritten, nothing backed up."""
    active.parent.mkdir(parents=True)
    original = DEFAULT_BYTES.replace(b"\n", b"\r\n")
    active.write_bytes(original)
    result = canales(env, "config", "export", str(active.parent / "." / "config.json"))
    assert result.returncode == 0, result.stderr
    assert active.read_bytes() == original
    assert not (active.parent / "backups").exists()
    assert (active.parent / ".config.json.lock").exists()  # the save lock was taken


def test_re_imports_of_one_file_keep_the_older_versions(
    env: dict[str, str], active: Path, tmp_path: Path
) -> None:
    def variant(minutes: int) -> Path:
        doc = json.loads(DEFAULT_BYTES)
        doc["closing_soon_minutes"] = minutes
        path = tmp_path / f"v{minutes}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        return path

    for minutes in (1, 2, 3):
        assert canales(env, "config", "import", str(variant(minutes))).returncode == 0
    for _ in range(10):
        result = canales(env, "config", "import", str(variant(3)))
        assert result.returncode == 0, result.stderr
        assert "Copia de la versión anterior" not in result.stdout
    kept = [json.loads(p.read_bytes()) for p in (active.parent / "backups").iterdir()]
    assert sorted(doc["closing_soon_minutes"] for doc in kept) == [1, 2]


def zero_device_link(path: Path) -> Path:
    """A link to an endless zero device (a private node when this user may make one)."""
    device = path.parent / "zero-device"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    except PermissionError:
        device = Path("/dev/zero")
    path.symlink_to(device)
    return path


@pytest.mark.skipif(os.name == "nt", reason="FIFOs and devices are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "device"])
@pytest.mark.parametrize("command", [["status"], ["config", "validate"], ["config", "export"]])
def test_a_config_that_is_no_regular_file_is_one_line_and_no_hang(
    env: dict[str, str], tmp_path: Path, kind: str, command: list[str]
) -> None:
    path = tmp_path / "config.json"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        zero_device_link(path)
    args = [*command, str(tmp_path / "out.json")] if command[-1] == "export" else command
    try:
        result = canales(env, "--config", str(path), *args, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("the command hung on the config file")
    assert result.returncode == 1
    output = result.stdout if command[-1] == "validate" else result.stderr
    assert output.splitlines() == [
        f"{path}: no se puede leer el archivo (no es un archivo normal "
        "(¿una carpeta, una tubería o un dispositivo?))"
    ]
    no_traceback(result)
    assert not (tmp_path / "out.json").exists()


def test_stale_temp_files_among_the_backups_are_cleaned_on_start(
    env: dict[str, str], active: Path
) -> None:
    backups = active.parent / "backups"
    backups.mkdir(parents=True)
    stale = backups / ".config-20250101-000000-000000.json.abcd1234.tmp"
    stale.write_bytes(b'{"half": ')
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    fresh = backups / ".config-20250101-000000-000000.json.efgh5678.tmp"
    fresh.write_bytes(b'{"half": ')
    assert canales(env, "status", "--json").returncode == 0
    assert not stale.exists()
    assert fresh.exists()  # another console may be saving right now


def test_a_binary_file_is_not_called_utf16(env: dict[str, str], tmp_path: Path) -> None:
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff\x00,")
    result = canales(env, "config", "validate", str(binary))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{binary}:1:8: no es un archivo de texto (contiene bytes nulos); se esperaba JSON en UTF-8"
    ]


@pytest.mark.parametrize("how", ["--config", "CANALES_CONFIG", "policy"])
@pytest.mark.parametrize("command", [["status"], ["config", "validate"]])
def test_a_named_config_that_does_not_exist_is_an_error(
    env: dict[str, str], tmp_path: Path, how: str, command: list[str]
) -> None:
    missing = tmp_path / "share" / "team.json"
    args: list[str] = []
    if how == "--config":
        args = ["--config", str(missing)]
    elif how == "CANALES_CONFIG":
        env = {**env, "CANALES_CONFIG": str(missing)}
    else:
        site_policy(env, json.dumps({"config_path": str(missing)}))
    result = canales(env, *args, *command)
    assert result.returncode == 1
    output = result.stdout if command[-1] == "validate" else result.stderr
    assert output.splitlines() == [f"{missing}: el archivo no existe"]
    no_traceback(result)
    path = canales(env, *args, "config", "path")
    assert path.returncode == 0
    assert path.stdout.splitlines() == [
        str(missing),
        "el archivo no existe (se nombró explícitamente: es un error)",
    ]


def test_config_path_says_whether_the_file_exists(
    env: dict[str, str], active: Path, tmp_path: Path
) -> None:
    assert canales(env, "config", "path").stdout.splitlines() == [
        str(active),
        "el archivo no existe todavía: se usa la configuración incorporada",
    ]
    assert canales(env, "status").returncode == 0  # the per-user default: quietly the default
    active.parent.mkdir(parents=True)
    active.write_bytes(DEFAULT_BYTES)
    english = canales({**env, "CANALES_LANG": "en"}, "config", "path")
    assert english.stdout.splitlines() == [str(active), "the file exists"]
    if os.name != "nt":
        team = tmp_path / "team.json"
        team.write_bytes(DEFAULT_BYTES)
        active.unlink()
        active.symlink_to(team)
        assert canales(env, "config", "path").stdout.splitlines() == [
            str(active),
            f"el archivo existe (enlace a {team})",
        ]


def test_a_config_path_with_a_newline_is_one_line(env: dict[str, str], tmp_path: Path) -> None:
    odd = tmp_path / "team\nconfig.json"
    result = canales(env, "--config", str(odd), "config", "validate")
    assert result.returncode == 1
    escaped = str(odd).replace("\n", "\\n")
    assert result.stdout.splitlines() == [
        f"{escaped}: no se puede leer el archivo (la ruta contiene caracteres de control)"
    ]
    no_traceback(result)


def test_import_and_export_write_the_bytes_they_validated(
    env: dict[str, str], active: Path, tmp_path: Path
) -> None:
    """Byte for byte: a BOM, CRLF line ends and key order survive import and export."""
    source = tmp_path / "team.json"
    source.write_bytes(b"\xef\xbb\xbf" + DEFAULT_BYTES.replace(b"\n", b"\r\n"))
    assert canales(env, "config", "import", str(source)).returncode == 0
    assert active.read_bytes() == source.read_bytes()
    copy = tmp_path / "copy.json"
    assert canales(env, "config", "export", str(copy)).returncode == 0
    assert copy.read_bytes() == source.read_bytes()
