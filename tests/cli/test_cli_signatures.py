"""``canales config keygen | sign | verify`` and the policy's signature rule, in subprocesses,
against the real ``minisign`` program both ways."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import canales, no_traceback

from app.resources import default_config_path
from app.storage import minisign as m

MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"
DEFAULT_BYTES = default_config_path().read_bytes()
CHEAP = {"opslimit": 524288, "memlimit": 16777216}


def run_minisign(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MINISIGN, *args], input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


def canales_stdin(env: dict[str, str], stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def site_policy(env: dict[str, str], doc: dict) -> Path:
    policy = Path(env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json"
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(json.dumps(doc), encoding="utf-8")
    return policy


@pytest.fixture
def tool_key(tmp_path: Path) -> tuple[Path, Path]:
    pub, key = tmp_path / "tool.pub", tmp_path / "tool.key"
    assert run_minisign("-G", "-W", "-p", str(pub), "-s", str(key)).returncode == 0
    return pub, key


@pytest.fixture
def team(tmp_path: Path) -> Path:
    path = tmp_path / "team.json"
    path.write_bytes(DEFAULT_BYTES)
    return path


def public_key_id(pub: Path) -> str:
    return m.parse_public_key(pub.read_text()).key_id_hex


def public_line(pub: Path) -> str:
    return pub.read_text().splitlines()[1]


def test_keygen_writes_keys_minisign_uses(env: dict[str, str], tmp_path: Path, team: Path) -> None:
    base = tmp_path / "keys" / "supervisor"
    result = canales(env, "config", "keygen", "-o", str(base), "--no-password")
    assert result.returncode == 0, result.stderr
    pub, key = base.with_name("supervisor.pub"), base.with_name("supervisor.key")
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    assert public_line(pub) in result.stdout  # the line to paste into the policy
    assert "Clave secreta:" in result.stdout
    signed = run_minisign("-S", "-W", "-s", str(key), "-m", str(team))
    assert signed.returncode == 0, signed.stderr
    assert run_minisign("-V", "-m", str(team), "-p", str(pub)).returncode == 0
    again = canales(env, "config", "keygen", "-o", str(base), "--no-password")
    assert again.returncode == 1
    assert again.stderr.strip() == f"{pub}: el archivo existe; elija otro nombre o añada --force"


def test_sign_then_minisign_verifies_and_so_do_we(
    env: dict[str, str], tool_key: tuple[Path, Path], team: Path
) -> None:
    pub, key = tool_key
    result = canales(env, "config", "sign", str(team), "--key", str(key), "--comment", "Ana")
    assert result.returncode == 0, result.stderr
    sig = team.with_name("team.json.minisig")
    assert result.stdout.strip().endswith(f"→ {sig}")
    tool = run_minisign("-Vm", str(team), "-p", str(pub))
    assert tool.returncode == 0, tool.stderr
    assert "\tfile:team.json\thashed\tAna" in tool.stdout
    verified = canales(env, "config", "verify", str(team), "--pubkey", str(pub))
    assert verified.returncode == 0, verified.stderr
    key_id = m.parse_public_key(pub.read_text()).key_id_hex
    first, second = verified.stdout.splitlines()
    assert first.startswith(f"{team}: firma válida de la clave {key_id}, firmado el 20")
    assert second.startswith("Comentario de confianza: timestamp:")
    assert second.endswith("file:team.json hashed Ana")
    # the base64 line works as well as the file
    inline = canales(env, "config", "verify", str(team), "--pubkey", public_line(pub))
    assert inline.returncode == 0


@pytest.mark.parametrize("tamper", ["file", "signature", "comment", "other-key", "missing"])
def test_verify_refuses_each_tampering_as_minisign_does(
    env: dict[str, str], tool_key: tuple[Path, Path], team: Path, tmp_path: Path, tamper: str
) -> None:
    pub, key = tool_key
    sig = team.with_name("team.json.minisig")
    if tamper == "other-key":
        other_pub, other_key = tmp_path / "o.pub", tmp_path / "o.key"
        run_minisign("-G", "-W", "-p", str(other_pub), "-s", str(other_key))
        assert run_minisign("-S", "-s", str(other_key), "-m", str(team)).returncode == 0
    else:
        assert run_minisign("-S", "-s", str(key), "-m", str(team)).returncode == 0
    if tamper == "file":
        data = bytearray(team.read_bytes())
        data[100] ^= 0x01
        team.write_bytes(bytes(data))
    elif tamper == "signature":
        lines = sig.read_text().split("\n")
        lines[1] = lines[1][:20] + ("A" if lines[1][20] != "A" else "B") + lines[1][21:]
        sig.write_text("\n".join(lines))
    elif tamper == "comment":
        sig.write_text(sig.read_text().replace("trusted comment: ", "trusted comment: x"))
    elif tamper == "missing":
        sig.unlink()

    result = canales(env, "config", "verify", str(team), "--pubkey", str(pub))

    assert result.returncode == 1
    no_traceback(result)
    [line] = result.stderr.splitlines()
    expected = {
        "file": "no corresponde al archivo",
        "signature": "no corresponde al archivo",
        "comment": "el comentario de confianza de team.json.minisig fue alterado",
        "other-key": "que no es de confianza",
        "missing": "se exige firma: falta team.json.minisig",
    }[tamper]
    assert line.startswith(f"{team}: ") and expected in line, line
    assert run_minisign("-V", "-q", "-m", str(team), "-p", str(pub)).returncode != 0


def test_verify_without_a_key_is_an_error_and_a_bad_pubkey_a_usage_error(
    env: dict[str, str], team: Path
) -> None:
    none = canales(env, "config", "verify", str(team))
    assert none.returncode == 1
    assert "no hay clave con la que verificar" in none.stderr
    bad = canales(env, "config", "verify", str(team), "--pubkey", "RWQnotakey")
    assert bad.returncode == 2
    assert bad.stderr.startswith("canales: --pubkey: no es una clave pública de minisign")


def test_sign_with_our_password_protected_key_through_stdin(
    env: dict[str, str], tmp_path: Path, team: Path
) -> None:
    secret = m.generate_key()
    key, pub = tmp_path / "s.key", tmp_path / "s.pub"
    key.write_text(m.secret_key_file(secret, "buena clave", **CHEAP))
    pub.write_text(m.public_key_file(secret))
    wrong = canales_stdin(
        env, "mala\n", "config", "sign", str(team), "--key", str(key), "--password-stdin"
    )
    assert wrong.returncode == 1
    assert wrong.stderr.splitlines()[-1] == f"{key}: contraseña incorrecta para esta clave"
    assert not team.with_name("team.json.minisig").exists()  # nothing written
    good = canales_stdin(
        env, "buena clave\n", "config", "sign", str(team), "--key", str(key), "--password-stdin"
    )
    assert good.returncode == 0, good.stderr
    assert "buena clave" not in good.stdout + good.stderr
    assert run_minisign("-V", "-m", str(team), "-p", str(pub)).returncode == 0


def test_an_encrypted_key_without_a_terminal_or_stdin_option_is_refused(
    env: dict[str, str], tmp_path: Path, team: Path
) -> None:
    secret = m.generate_key()
    key = tmp_path / "s.key"
    key.write_text(m.secret_key_file(secret, "x", **CHEAP))
    result = subprocess.run(
        [sys.executable, "-m", "app", "config", "sign", str(team), "--key", str(key)],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
    )
    assert result.returncode == 2
    assert "envíela por una tubería con --password-stdin" in result.stderr


def test_sign_refuses_an_invalid_configuration(
    env: dict[str, str], tool_key: tuple[Path, Path], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"timezone": "Mars/Olympus"}', encoding="utf-8")
    result = canales(env, "config", "sign", str(bad), "--key", str(tool_key[1]))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}: ")
    assert not bad.with_name("bad.json.minisig").exists()


def _pty_run(env: dict[str, str], args: list[str], answers: list[bytes]) -> tuple[int, bytes]:
    """Run canales on a pseudo-terminal (its controlling terminal), answering each password
    prompt in turn; returns the exit code and everything the terminal showed."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal is the pty
        os.execve(sys.executable, [sys.executable, "-m", "app", *args], env)
    shown = b""
    since_answer = b""  # a prompt is answered once, after it has been shown in full
    pending = list(answers)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
        since_answer += chunk
        if pending and since_answer.rstrip().endswith(b":"):
            os.write(fd, pending.pop(0) + b"\n")
            since_answer = b""
    else:
        os.kill(pid, 9)  # never left hanging: the assertion below reports what was shown
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), shown


@pytest.mark.slow
def test_keygen_and_sign_ask_on_the_terminal_without_echo(
    env: dict[str, str], tmp_path: Path, team: Path
) -> None:
    """The interactive path, on a real pseudo-terminal: the password asked twice, never
    echoed, and the key it protects (minisign's full scrypt cost) used by minisign."""
    base = tmp_path / "sup"
    code, shown = _pty_run(
        env, ["config", "keygen", "-o", str(base)], [b"clave secreta 1", b"clave secreta 1"]
    )
    assert code == 0, shown
    assert b"Contrase" in shown and b"clave secreta 1" not in shown
    key, pub = tmp_path / "sup.key", tmp_path / "sup.pub"
    code, shown = _pty_run(
        env, ["config", "sign", str(team), "--key", str(key)], [b"clave secreta 1"]
    )
    assert code == 0, shown
    assert b"clave secreta 1" not in shown
    tool = run_minisign("-V", "-m", str(team), "-p", str(pub))
    assert tool.returncode == 0, tool.stderr
    # and minisign itself opens the key with the password
    assert (
        run_minisign("-S", "-s", str(key), "-m", str(team), stdin="clave secreta 1\n").returncode
        == 0
    )


@pytest.mark.slow
def test_a_key_made_by_minisign_with_a_password_signs_with_canales(
    env: dict[str, str], tmp_path: Path, team: Path
) -> None:
    pub, key = tmp_path / "m.pub", tmp_path / "m.key"
    made = run_minisign("-G", "-p", str(pub), "-s", str(key), stdin="pw de minisign\n" * 2)
    assert made.returncode == 0, made.stderr
    result = canales_stdin(
        env, "pw de minisign\n", "config", "sign", str(team), "--key", str(key), "--password-stdin"
    )
    assert result.returncode == 0, result.stderr
    assert run_minisign("-V", "-m", str(team), "-p", str(pub)).returncode == 0


def test_keygen_passwords_must_match_and_not_be_empty(env: dict[str, str], tmp_path: Path) -> None:
    empty = canales_stdin(
        env, "\n", "config", "keygen", "-o", str(tmp_path / "k"), "--password-stdin"
    )
    assert empty.returncode == 1
    assert "una contraseña vacía no protege nada" in empty.stderr
    assert not (tmp_path / "k.key").exists()


# the policy's rule, for every command that reads a configuration ------------------------------


def signed_policy(env: dict[str, str], pub: Path, config: Path | None, **extra: object) -> None:
    doc: dict = {"trusted_keys": [pub.read_text()], "require_signature": True, **extra}
    if config is not None:
        doc["config_path"] = str(config)
    site_policy(env, doc)


def test_a_required_signature_is_enforced_for_the_shared_file(
    env: dict[str, str], tool_key: tuple[Path, Path], team: Path
) -> None:
    pub, key = tool_key
    signed_policy(env, pub, team)
    missing = canales(env, "status")
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"{team}: se exige firma: falta team.json.minisig"
    assert run_minisign("-S", "-s", str(key), "-m", str(team)).returncode == 0
    ok = canales(env, "status", "--json")
    assert ok.returncode == 0, ok.stderr
    source = json.loads(ok.stdout)["source"]
    key_id = m.parse_public_key(pub.read_text()).key_id_hex
    assert source["path"] == str(team)
    assert source["signed_by"] == key_id
    assert source["signed_at"].startswith("20") and source["signed_at"].endswith("-05:00")
    assert source["fetched_at"] is None and source["etag"] is None
    table = canales(env, "status")
    assert f"Firmado con la clave {key_id} el " in table.stdout
    team.write_bytes(team.read_bytes().replace(b"Bogot", b"Bogot", 1) + b" ")
    tampered = canales(env, "status")
    assert tampered.returncode == 1
    assert "la firma team.json.minisig no corresponde al archivo" in tampered.stderr
    no_traceback(tampered)


def test_validate_and_import_enforce_the_signature_of_local_files(
    env: dict[str, str], tool_key: tuple[Path, Path], team: Path, active: Path
) -> None:
    pub, key = tool_key
    signed_policy(env, pub, None)
    validate = canales(env, "config", "validate", str(team))
    assert validate.returncode == 1
    assert validate.stdout.strip() == f"{team}: se exige firma: falta team.json.minisig"
    refused = canales(env, "config", "import", str(team))
    assert refused.returncode == 1
    assert not active.exists()  # nothing changed
    assert run_minisign("-S", "-s", str(key), "-m", str(team), "-t", "aprobado").returncode == 0
    assert canales(env, "config", "validate", str(team)).returncode == 0
    imported = canales(env, "config", "import", str(team))
    assert imported.returncode == 0, imported.stderr
    # the signature travels with the file, and the active file verifies with minisign
    assert active.read_bytes() == team.read_bytes()
    assert active.with_name("config.json.minisig").read_bytes() == (
        team.with_name("team.json.minisig").read_bytes()
    )
    assert run_minisign("-V", "-m", str(active), "-p", str(pub)).returncode == 0
    status = canales(env, "status")
    assert status.returncode == 0
    exported = team.with_name("exported.json")
    assert canales(env, "config", "export", str(exported)).returncode == 0
    assert run_minisign("-V", "-m", str(exported), "-p", str(pub)).returncode == 0


def test_without_the_requirement_a_present_signature_is_still_verified(
    env: dict[str, str], tool_key: tuple[Path, Path], team: Path, tmp_path: Path
) -> None:
    pub, key = tool_key
    site_policy(env, {"trusted_keys": [public_line(pub)], "config_path": str(team)})
    unsigned = canales(env, "status")
    assert unsigned.returncode == 0  # unsigned is allowed
    other_pub, other_key = tmp_path / "o.pub", tmp_path / "o.key"
    run_minisign("-G", "-W", "-p", str(other_pub), "-s", str(other_key))
    assert run_minisign("-S", "-s", str(other_key), "-m", str(team)).returncode == 0
    foreign = canales(env, "status")
    assert foreign.returncode == 1
    assert "que no es de confianza" in foreign.stderr
    assert run_minisign("-S", "-s", str(key), "-m", str(team)).returncode == 0
    trusted = canales(env, "status", "--json")
    assert trusted.returncode == 0
    assert json.loads(trusted.stdout)["source"]["signed_by"] == public_key_id(pub)


def test_a_broken_policy_that_requires_signatures_still_requires_them(
    env: dict[str, str], tool_key: tuple[Path, Path], active: Path
) -> None:
    """A typo elsewhere in the policy (here a bad second key) must not switch the check off:
    the readable keys still verify, and an unsigned file is still refused (a broken policy
    names no shared file: the per-user one is read)."""
    pub, key = tool_key
    site_policy(
        env, {"trusted_keys": [public_line(pub), "RWQ-no-es-clave"], "require_signature": True}
    )
    active.parent.mkdir(parents=True)
    active.write_bytes(DEFAULT_BYTES)
    unsigned = canales(env, "status")
    assert unsigned.returncode == 1
    assert unsigned.stderr.strip() == f"{active}: se exige firma: falta config.json.minisig"
    assert run_minisign("-S", "-s", str(key), "-m", str(active)).returncode == 0
    assert canales(env, "status").returncode == 0
