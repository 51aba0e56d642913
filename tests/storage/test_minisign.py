"""Signatures in minisign's format, checked against the real ``minisign`` program both ways."""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.storage import minisign as m

MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"
# A cheap scrypt cost for our own password-protected test keys (libsodium's "interactive"
# limits); minisign reads the cost from the key file, so it decrypts them all the same.
CHEAP = {"opslimit": 524288, "memlimit": 16777216}
DATA = '{"version": 1, "nota": "configuración de prueba"}\n'.encode()


def run_minisign(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MINISIGN, *args], input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


@dataclass(frozen=True)
class ToolKey:
    pub: Path
    key: Path


@pytest.fixture(scope="module")
def tool_key(tmp_path_factory: pytest.TempPathFactory) -> ToolKey:
    """A key pair made by ``minisign -G -W`` (no password)."""
    folder = tmp_path_factory.mktemp("tool-key")
    pub, key = folder / "minisign.pub", folder / "minisign.key"
    result = run_minisign("-G", "-W", "-p", str(pub), "-s", str(key))
    assert result.returncode == 0, result.stderr
    return ToolKey(pub, key)


@pytest.fixture(scope="module")
def other_key(tmp_path_factory: pytest.TempPathFactory) -> ToolKey:
    folder = tmp_path_factory.mktemp("other-key")
    pub, key = folder / "minisign.pub", folder / "minisign.key"
    assert run_minisign("-G", "-W", "-p", str(pub), "-s", str(key)).returncode == 0
    return ToolKey(pub, key)


def tool_sign(key: ToolKey, file: Path, *extra: str) -> bytes:
    result = run_minisign("-S", "-s", str(key.key), "-m", str(file), *extra)
    assert result.returncode == 0, result.stderr
    return file.with_name(file.name + ".minisig").read_bytes()


def tool_verifies(pub: Path, file: Path, sig: Path | None = None) -> bool:
    extra = ["-x", str(sig)] if sig else []
    return run_minisign("-V", "-q", "-m", str(file), "-p", str(pub), *extra).returncode == 0


def flip_base64_line(minisig: bytes, line: int, position: int) -> bytes:
    lines = minisig.split(b"\n")
    raw = bytearray(base64.b64decode(lines[line]))
    raw[position] ^= 0x01
    lines[line] = base64.b64encode(bytes(raw))
    return b"\n".join(lines)


def test_the_tools_signature_is_accepted_with_its_timestamp(
    tool_key: ToolKey, tmp_path: Path
) -> None:
    file = tmp_path / "config.json"
    file.write_bytes(DATA)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    minisig = tool_sign(tool_key, file)
    public = m.parse_public_key(tool_key.pub.read_text())

    signer = m.verify(DATA, minisig, [public])

    # the id minisign prints in the public key's comment is the one we report
    assert f"minisign public key {signer.key_id}" in tool_key.pub.read_text()
    assert signer.trusted_comment.startswith("timestamp:")
    assert "file:config.json" in signer.trusted_comment
    assert signer.signed_at is not None
    assert before <= signer.signed_at <= dt.datetime.now(dt.UTC)


def test_a_public_key_is_read_from_its_line_or_its_whole_file(tool_key: ToolKey) -> None:
    text = tool_key.pub.read_text()
    line = text.splitlines()[1]
    assert m.parse_public_key(text) == m.parse_public_key(line)
    assert m.parse_public_key(f"  {line}  \r\n") == m.parse_public_key(line)
    assert m.parse_public_key(text).base64() == line
    assert m.parse_public_key(text).file_text() == text


def test_our_signature_is_accepted_by_minisign(tool_key: ToolKey, tmp_path: Path) -> None:
    file = tmp_path / "config.json"
    file.write_bytes(DATA)
    secret = m.load_secret_key(tool_key.key.read_text(), None)
    when = dt.datetime(2026, 11, 29, 18, 30, tzinfo=dt.UTC)
    minisig = m.sign(DATA, secret, m.default_trusted_comment(file.name, when))
    file.with_name("config.json.minisig").write_bytes(minisig)

    result = run_minisign("-V", "-m", str(file), "-p", str(tool_key.pub))
    assert result.returncode == 0, result.stderr
    assert f"Trusted comment: timestamp:{int(when.timestamp())}\tfile:config.json" in (
        result.stdout
    )
    signer = m.verify(DATA, minisig, [secret.public_key])
    assert signer.signed_at == when


def test_a_trusted_comment_of_our_own_is_signed_too(tool_key: ToolKey, tmp_path: Path) -> None:
    file = tmp_path / "c.json"
    file.write_bytes(DATA)
    secret = m.load_secret_key(tool_key.key.read_text(), None)
    comment = "timestamp:1795996303\tfile:c.json\thashed\tAna Pérez, supervisora"
    file.with_name("c.json.minisig").write_bytes(m.sign(DATA, secret, comment, "sin confianza"))
    result = run_minisign("-V", "-m", str(file), "-p", str(tool_key.pub))
    assert result.returncode == 0
    assert "Ana Pérez, supervisora" in result.stdout


@pytest.mark.parametrize("tamper", ["file", "signature", "global", "comment", "other_key"])
def test_each_tampering_is_refused_by_us_and_by_minisign(
    tamper: str, tool_key: ToolKey, other_key: ToolKey, tmp_path: Path
) -> None:
    file = tmp_path / "config.json"
    file.write_bytes(DATA)
    signer_key = other_key if tamper == "other_key" else tool_key
    minisig = tool_sign(signer_key, file)
    data = DATA
    if tamper == "file":
        data = DATA[:5] + bytes([DATA[5] ^ 0x01]) + DATA[6:]
        file.write_bytes(data)
    elif tamper == "signature":
        minisig = flip_base64_line(minisig, 1, 40)
    elif tamper == "global":
        minisig = flip_base64_line(minisig, 3, 10)
    elif tamper == "comment":
        minisig = minisig.replace(b"trusted comment: timestamp:", b"trusted comment: timestamp:9")
    sig_file = tmp_path / "config.json.minisig"
    sig_file.write_bytes(minisig)
    trusted = [m.parse_public_key(tool_key.pub.read_text())]

    with pytest.raises(m.SignatureProblem) as caught:
        m.verify(data, minisig, trusted)

    expected = {
        "file": "bad_signature",
        "signature": "bad_signature",
        "global": "bad_trusted_comment",
        "comment": "bad_trusted_comment",
        "other_key": "unknown_key",
    }[tamper]
    assert caught.value.reason == expected
    assert not tool_verifies(tool_key.pub, file, sig_file)  # and minisign agrees


def test_a_flipped_character_anywhere_in_the_signature_is_never_accepted(
    tool_key: ToolKey, tmp_path: Path
) -> None:
    file = tmp_path / "config.json"
    file.write_bytes(DATA)
    minisig = tool_sign(tool_key, file)
    trusted = [m.parse_public_key(tool_key.pub.read_text())]
    header = len(minisig.split(b"\n")[0]) + 1  # the untrusted comment is not signed
    for index in range(header, len(minisig), 7):
        changed = bytearray(minisig)
        changed[index] ^= 0x01
        if bytes(changed).replace(b"\r", b"") == minisig.replace(b"\r", b""):
            continue
        try:
            signer = m.verify(DATA, bytes(changed), trusted)
        except m.SignatureProblem:
            continue
        # base64's last character may carry unused bits: the bytes are then unchanged
        assert signer == m.verify(DATA, minisig, trusted), index


def test_a_missing_signature_is_reported_as_missing() -> None:
    with pytest.raises(m.SignatureProblem) as caught:
        m.verify(DATA, None, [])
    assert caught.value.reason == "missing"
    named = caught.value.named("config.json.minisig")
    assert named.message("en") == "signature required: config.json.minisig is missing"


def test_the_messages_name_the_file_and_the_key_in_both_languages(
    other_key: ToolKey, tmp_path: Path
) -> None:
    file = tmp_path / "x.json"
    file.write_bytes(DATA)
    minisig = tool_sign(other_key, file)
    with pytest.raises(m.SignatureProblem) as caught:
        m.verify(DATA, minisig, [])
    problem = caught.value.named("x.json.minisig")
    key_id = m.parse_public_key(other_key.pub.read_text()).key_id_hex
    for lang in ("es", "en"):
        text = problem.message(lang)
        assert "x.json.minisig" in text
        assert key_id in text
    assert problem.message("es") != problem.message("en")


@pytest.mark.slow
def test_a_key_made_by_minisign_with_a_password_signs(tmp_path: Path) -> None:
    """``minisign -G`` reads the password from stdin when it is no terminal; the key then
    costs what minisign's keys cost (1 GiB of scrypt memory) to open."""
    pub, key = tmp_path / "k.pub", tmp_path / "k.key"
    result = run_minisign("-G", "-p", str(pub), "-s", str(key), stdin="contraseña larga\n" * 2)
    assert result.returncode == 0, result.stderr
    assert m.secret_key_is_encrypted(key.read_text())
    with pytest.raises(m.KeyProblem) as wrong:
        m.load_secret_key(key.read_text(), "otra")
    assert wrong.value.reason == "wrong_password"
    secret = m.load_secret_key(key.read_text(), "contraseña larga")
    assert secret.public_key == m.parse_public_key(pub.read_text())
    file = tmp_path / "c.json"
    file.write_bytes(DATA)
    file.with_name("c.json.minisig").write_bytes(m.sign(DATA, secret, "aprobado"))
    assert tool_verifies(pub, file)


def test_our_password_protected_key_is_used_by_minisign(tmp_path: Path) -> None:
    secret = m.generate_key()
    key, pub = tmp_path / "ours.key", tmp_path / "ours.pub"
    key.write_text(m.secret_key_file(secret, "clave de prueba", **CHEAP))
    pub.write_text(m.public_key_file(secret))
    file = tmp_path / "c.json"
    file.write_bytes(DATA)

    result = run_minisign("-S", "-s", str(key), "-m", str(file), stdin="clave de prueba\n")

    assert result.returncode == 0, result.stderr
    assert tool_verifies(pub, file)
    signer = m.verify(DATA, file.with_name("c.json.minisig").read_bytes(), [secret.public_key])
    assert signer.key_id == secret.key_id_hex
    assert m.load_secret_key(key.read_text(), "clave de prueba") == secret
    with pytest.raises(m.KeyProblem) as wrong:
        m.load_secret_key(key.read_text(), "clave de prueba ")
    assert wrong.value.reason == "wrong_password"
    with pytest.raises(m.KeyProblem) as none:
        m.load_secret_key(key.read_text(), None)
    assert none.value.reason == "password_required"


def test_our_unencrypted_key_is_used_by_minisign(tmp_path: Path) -> None:
    secret = m.generate_key()
    key, pub = tmp_path / "w.key", tmp_path / "w.pub"
    key.write_text(m.secret_key_file(secret, None))
    pub.write_text(m.public_key_file(secret))
    assert not m.secret_key_is_encrypted(key.read_text())
    file = tmp_path / "c.json"
    file.write_bytes(DATA)
    assert run_minisign("-S", "-W", "-s", str(key), "-m", str(file)).returncode == 0
    assert tool_verifies(pub, file)


def test_a_legacy_signature_of_the_whole_file_is_accepted(
    tool_key: ToolKey, tmp_path: Path
) -> None:
    file = tmp_path / "c.json"
    file.write_bytes(DATA)
    minisig = tool_sign(tool_key, file, "-l")
    assert base64.b64decode(minisig.split(b"\n")[1])[:2] == b"Ed"
    signer = m.verify(DATA, minisig, [m.parse_public_key(tool_key.pub.read_text())])
    with pytest.raises(m.SignatureProblem):
        m.verify(DATA + b" ", minisig, [m.parse_public_key(tool_key.pub.read_text())])
    assert signer.signed_at is not None


def test_a_secret_key_asking_for_huge_scrypt_work_is_refused_before_any() -> None:
    secret = m.generate_key()
    text = m.secret_key_file(secret, "x", **CHEAP)
    blob = bytearray(base64.b64decode(text.splitlines()[1]))
    blob[38:46] = (1 << 40).to_bytes(8, "little")  # opslimit
    blob[46:54] = (1 << 40).to_bytes(8, "little")  # memlimit
    forged = f"untrusted comment: x\n{base64.b64encode(bytes(blob)).decode()}\n"
    with pytest.raises(m.KeyProblem) as caught:
        m.load_secret_key(forged, "x")
    assert caught.value.reason == "unsupported_key"


def test_pickparams_matches_libsodium_for_minisigns_cost() -> None:
    assert m._pickparams(m.OPSLIMIT_SENSITIVE, m.MEMLIMIT_SENSITIVE) == (1 << 20, 8, 1)
    assert m._pickparams(524288, 16777216) == (1 << 14, 8, 1)


@dataclass(frozen=True)
class Policy:
    trusted_keys: tuple[m.PublicKey, ...]
    require_signature: bool


def test_the_policy_rule(tool_key: ToolKey, other_key: ToolKey, tmp_path: Path) -> None:
    file = tmp_path / "c.json"
    file.write_bytes(DATA)
    good = tool_sign(tool_key, file)
    foreign = tool_sign(other_key, file)
    ours = (m.parse_public_key(tool_key.pub.read_text()),)

    def reason(minisig: bytes | None, policy: Policy | None, data: bytes = DATA) -> str:
        try:
            signer = m.check_signature(data, minisig, policy)
        except m.SignatureProblem as exc:
            return exc.reason
        return "unsigned" if signer is None else "signed"

    required, optional = Policy(ours, True), Policy(ours, False)
    assert reason(good, required) == "signed"
    assert reason(None, required) == "missing"
    assert reason(b"garbage", required) == "malformed"
    assert reason(foreign, required) == "unknown_key"
    assert reason(good, required, DATA + b"\n") == "bad_signature"
    # without the requirement a present signature is still checked
    assert reason(good, optional) == "signed"
    assert reason(None, optional) == "unsigned"
    assert reason(b"garbage", optional) == "malformed"
    assert reason(foreign, optional) == "unknown_key"
    assert reason(good, optional, DATA + b"\n") == "bad_signature"
    # with nothing to check against, nothing is verified
    assert reason(good, Policy((), False)) == "unsigned"
    assert reason(good, None) == "unsigned"
    assert reason(good, Policy((), True)) == "unknown_key"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_are_always_a_signature_problem(data: bytes) -> None:
    with pytest.raises(m.SignatureProblem) as caught:
        m.verify(DATA, data, [])
    assert caught.value.reason in m.SIGNATURE_REASONS
    assert caught.value.message("es")


_KEY = m.generate_key()
_GOOD = m.sign(DATA, _KEY, "timestamp:1795996303\tfile:c.json\thashed")


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_mutated_signature_is_a_problem_unless_the_signed_bytes_are_unchanged(
    data: st.DataObject,
) -> None:
    raw = bytearray(_GOOD)
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(raw) - 1))
        raw[index] = data.draw(st.integers(0, 255))
    try:
        signer = m.verify(DATA, bytes(raw), [_KEY.public_key])
    except m.SignatureProblem as exc:
        assert exc.reason in m.SIGNATURE_REASONS
        assert exc.message("en")
        return
    assert signer == m.verify(DATA, _GOOD, [_KEY.public_key])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400)))
def test_random_key_text_is_always_a_key_problem(text: str | bytes) -> None:
    with pytest.raises(m.KeyProblem) as caught:
        m.parse_public_key(text)
    assert caught.value.message("es")
    with pytest.raises(m.KeyProblem):
        m.load_secret_key(text, "x")
