"""``canales config keygen | sign | verify``: detached signatures in minisign's format.

The files are minisign's own: ``keygen`` writes ``BASENAME.pub`` / ``BASENAME.key`` that
``minisign -S -s`` uses, ``sign`` writes ``FILE.minisig`` that ``minisign -V`` accepts, and
keys made by ``minisign -G`` (password-protected or not) sign here.

Passwords: asked on the terminal (``getpass``: never echoed), twice for a new key; never
taken from an argument or the environment (visible in ``ps`` and ``/proc``, inherited by every
child process), never stored. For automation ``--password-stdin`` reads one line from
standard input, as ``docker login --password-stdin`` does: a pipe is read once, by this
process only. Without a terminal and without that option the command refuses rather than
fall back to an echoing prompt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from app.domain.texts import N_, printable, tr
from app.storage.atomic import atomic_write_bytes
from app.storage.minisign import (
    MAX_KEY_FILE_BYTES,
    KeyProblem,
    PublicKey,
    SecretKey,
    SignatureProblem,
    Signer,
    default_trusted_comment,
    generate_key,
    load_secret_key,
    parse_public_key,
    public_key_file,
    secret_key_file,
    secret_key_is_encrypted,
    sign,
    verify,
)
from app.storage.safe_files import describe_os_error, printable_path, read_regular_file

if TYPE_CHECKING:  # the parser is built on every start, the console's too: kept light
    from app.storage.config_store import ConfigStore

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
SIGNATURE_ACTIONS: Final = frozenset({"keygen", "sign", "verify"})
_MAX_PASSWORD_BYTES: Final = 1024

TEXTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "unreadable": N_("cannot read the file ({error})"),
        "missing": N_("the file does not exist"),
        "too_big": N_("the file is too big"),
        "unwritable": N_("cannot write ({error})"),
        "exists": N_("the file exists; choose another name or add --force"),
        "no_terminal": N_("no terminal to ask for the password; pipe it with --password-stdin"),
        "no_password_given": N_("no password was given on standard input"),
        "mismatch": N_("the passwords do not match; nothing was written"),
        "empty_password": N_(
            "an empty password protects nothing; use --no-password for an unprotected key"
        ),
        "long_password": N_("the password is longer than {limit} bytes"),
        "password_prompt": N_("Password for the secret key {file}: "),
        "new_password_prompt": N_("Password to protect the new secret key: "),
        "again_prompt": N_("The same password again: "),
        "deriving": N_("Deriving the key from the password (a few seconds)…"),
        "keygen_done": N_(
            "Secret key: {secret} (keep it secret; it signs as you)\n"
            "Public key: {public} (key id {key_id})\n"
            "For the managed policy (trusted_keys): {line}"
        ),
        "signed": N_("{file}: signed with key {key_id} → {signature}"),
        "untrusted_signing_key": N_(
            "warning: key {key_id} is not among the managed policy's trusted keys; "
            "consoles under that policy will refuse this signature"
        ),
        "no_keys": N_(
            "no key to verify with: give --pubkey, or list trusted_keys in the managed policy"
        ),
        "pubkey_unusable": N_("--pubkey: {problem}"),
        "verified": N_("{file}: valid signature by key {key_id}"),
        "verified_at": N_("{file}: valid signature by key {key_id}, signed on {when}"),
        "trusted_comment": N_("Trusted comment: {comment}"),
        "keygen_help": N_("make a key pair for signing (minisign's format)"),
        "sign_help": N_("sign a configuration file: writes FILE.minisig"),
        "verify_help": N_("check FILE.minisig; prints who signed and when"),
        "output_help": N_(
            "where to write: BASENAME.pub and BASENAME.key (default: ./minisign, as minisign does)"
        ),
        "comment_key_help": N_("the secret key file's comment (one line)"),
        "no_password_help": N_(
            "write the secret key without a password (for automation: protect the file)"
        ),
        "password_stdin_help": N_(
            "read the password from standard input (one line) instead of the terminal"
        ),
        "force_help": N_("overwrite existing key files"),
        "key_help": N_("the secret key file (made by canales config keygen or minisign -G)"),
        "comment_sign_help": N_(
            "text added to the trusted comment (signed too), e.g. who approved it"
        ),
        "pubkey_help": N_(
            "a public key (the base64 line) or a minisign.pub file "
            "(default: the managed policy's trusted keys)"
        ),
    }
)


class _Refused(Exception):
    """One line for standard error, and the exit code."""

    def __init__(self, line: str, code: int = EXIT_INVALID) -> None:
        super().__init__(line)
        self.line = line
        self.code = code


def add_signature_actions(actions: Any, lang: str) -> None:
    """``keygen``, ``sign`` and ``verify`` under ``canales config``."""

    def t(key: str) -> str:
        return tr(lang, TEXTS[key])

    file_meta = tr(lang, "FILE")
    keygen = actions.add_parser("keygen", help=t("keygen_help"), description=t("keygen_help"))
    keygen.add_argument("-o", "--output", type=Path, metavar="BASENAME", help=t("output_help"))
    keygen.add_argument("--comment", metavar="TEXT", help=t("comment_key_help"))
    secrecy = keygen.add_mutually_exclusive_group()
    secrecy.add_argument("--no-password", action="store_true", help=t("no_password_help"))
    secrecy.add_argument("--password-stdin", action="store_true", help=t("password_stdin_help"))
    keygen.add_argument("--force", action="store_true", help=t("force_help"))

    signing = actions.add_parser(
        "sign",
        help=t("sign_help"),
        description=t("sign_help")
        + "\nexamples:\n  canales config sign team.json --key ~/.minisign/minisign.key",
    )
    signing.add_argument("file", type=Path, metavar=file_meta)
    signing.add_argument("--key", type=Path, required=True, metavar="KEY", help=t("key_help"))
    signing.add_argument("--comment", metavar="TEXT", help=t("comment_sign_help"))
    signing.add_argument("--password-stdin", action="store_true", help=t("password_stdin_help"))

    verifying = actions.add_parser(
        "verify",
        help=t("verify_help"),
        description=t("verify_help")
        + "\nexamples:\n  canales config verify team.json --pubkey minisign.pub",
    )
    verifying.add_argument("file", type=Path, metavar=file_meta)
    verifying.add_argument("--pubkey", metavar="KEY", help=t("pubkey_help"))


def run_signature_action(args: argparse.Namespace, store: ConfigStore, lang: str) -> int:
    try:
        if args.action == "keygen":
            return _keygen(args, lang)
        if args.action == "sign":
            return _sign(args, store, lang)
        return _verify(args, store, lang)
    except _Refused as exc:
        print(exc.line, file=sys.stderr)
        return exc.code


# keygen ---------------------------------------------------------------------------------------


def _keygen(args: argparse.Namespace, lang: str) -> int:
    base = args.output or Path("minisign")
    public_path = base.with_name(base.name + ".pub")
    secret_path = base.with_name(base.name + ".key")
    for path in (public_path, secret_path):
        if not args.force and (path.exists() or path.is_symlink()):
            raise _Refused(_line(path, tr(lang, TEXTS["exists"])))
    password = None if args.no_password else _new_password(args.password_stdin, lang)
    key = generate_key()
    comment = args.comment or "minisign encrypted secret key"
    try:
        if password is not None:
            print(tr(lang, TEXTS["deriving"]), file=sys.stderr)
        secret_text = secret_key_file(key, password, comment=comment)
    except KeyProblem as exc:
        raise _Refused(f"canales: --comment: {exc.message(lang)}") from None
    _write_secret(secret_path, secret_text.encode("ascii" if comment.isascii() else "utf-8"), lang)
    _write(public_path, public_key_file(key).encode("ascii"), lang)
    print(
        tr(
            lang,
            TEXTS["keygen_done"],
            secret=secret_path,
            public=public_path,
            key_id=key.key_id_hex,
            line=key.public_key.base64(),
        )
    )
    return EXIT_OK


def _write_secret(path: Path, data: bytes, lang: str) -> None:
    """Readable by its owner only, from its creation (minisign does the same)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        old_mask = os.umask(0o077)
        try:
            atomic_write_bytes(path, data)
        finally:
            os.umask(old_mask)
        if hasattr(os, "chmod"):
            path.chmod(0o600)
    except OSError as exc:
        raise _Refused(_line(path, tr(lang, TEXTS["unwritable"], error=_os(exc, lang)))) from None


def _write(path: Path, data: bytes, lang: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise _Refused(_line(path, tr(lang, TEXTS["unwritable"], error=_os(exc, lang)))) from None


# sign -----------------------------------------------------------------------------------------


def _sign(args: argparse.Namespace, store: ConfigStore, lang: str) -> int:
    from app.storage.config_store import signature_path  # noqa: PLC0415 - see TYPE_CHECKING

    file: Path = args.file
    loaded = store.read(file, verify_signature=False)  # a broken file is not published
    key = _open_secret_key(args.key, args.password_stdin, lang)
    comment = default_trusted_comment(file.name, dt.datetime.now(dt.UTC))
    if args.comment:
        comment += "\t" + " ".join(args.comment.split())
    try:
        minisig = sign(loaded.raw, key, comment)
    except KeyProblem as exc:
        raise _Refused(f"canales: --comment: {exc.message(lang)}") from None
    verify(loaded.raw, minisig, [key.public_key])  # what we write, we have checked
    side = signature_path(file)
    _write(side, minisig, lang)
    print(tr(lang, TEXTS["signed"], file=file, key_id=key.key_id_hex, signature=side))
    trusted = store.signatures.trusted_keys if store.signatures is not None else ()
    if trusted and key.public_key not in trusted:
        print(tr(lang, TEXTS["untrusted_signing_key"], key_id=key.key_id_hex), file=sys.stderr)
    return EXIT_OK


def _open_secret_key(path: Path, password_stdin: bool, lang: str) -> SecretKey:
    text = _read_small(path, MAX_KEY_FILE_BYTES, lang)
    try:
        password = None
        if secret_key_is_encrypted(text):
            prompt = tr(lang, TEXTS["password_prompt"], file=path.name)
            password = _password(prompt, password_stdin, lang)
            print(tr(lang, TEXTS["deriving"]), file=sys.stderr)
        return load_secret_key(text, password)
    except KeyProblem as exc:
        raise _Refused(_line(path, exc.message(lang))) from None


# verify ---------------------------------------------------------------------------------------


def _verify(args: argparse.Namespace, store: ConfigStore, lang: str) -> int:
    from app.storage.config_store import signature_path  # noqa: PLC0415 - see TYPE_CHECKING
    from app.storage.jsontext import MAX_CONFIG_BYTES  # noqa: PLC0415

    file: Path = args.file
    keys = _verification_keys(args.pubkey, store, lang)
    data = _read_small(file, MAX_CONFIG_BYTES, lang)
    side = signature_path(file)
    try:
        minisig = read_regular_file(side, 16 * 1024)
    except OSError as exc:
        raise _Refused(_line(side, tr(lang, TEXTS["unreadable"], error=_os(exc, lang)))) from None
    try:
        signer = verify(data, minisig, keys)
    except SignatureProblem as exc:
        raise _Refused(_line(file, exc.named(side.name).message(lang))) from None
    _print_signer(file, signer, lang)
    return EXIT_OK


def _print_signer(file: Path, signer: Signer, lang: str) -> None:
    name = printable_path(file)
    if signer.signed_at is None:
        print(tr(lang, TEXTS["verified"], file=name, key_id=signer.key_id))
    else:
        when = signer.signed_at.astimezone().isoformat(timespec="seconds")
        print(tr(lang, TEXTS["verified_at"], file=name, key_id=signer.key_id, when=when))
    comment = " ".join(signer.trusted_comment.replace("\t", " ").split())
    print(tr(lang, TEXTS["trusted_comment"], comment=printable(comment)))


def _verification_keys(pubkey: str | None, store: ConfigStore, lang: str) -> list[PublicKey]:
    if pubkey is None:
        keys = list(store.signatures.trusted_keys) if store.signatures is not None else []
        if not keys:
            raise _Refused(f"canales: {tr(lang, TEXTS['no_keys'])}")
        return keys
    text = pubkey
    candidate = Path(pubkey)
    try:
        is_file = candidate.is_file()
    except (OSError, ValueError):
        is_file = False
    if is_file:
        text = _read_small(candidate, MAX_KEY_FILE_BYTES, lang).decode("utf-8", "replace")
    try:
        return [parse_public_key(text)]
    except KeyProblem as exc:
        message = tr(lang, TEXTS["pubkey_unusable"], problem=exc.message(lang))
        raise _Refused(f"canales: {message}", EXIT_USAGE) from None


# shared ---------------------------------------------------------------------------------------


def _read_small(path: Path, limit: int, lang: str) -> bytes:
    try:
        data = read_regular_file(path, limit)
    except OSError as exc:
        raise _Refused(_line(path, tr(lang, TEXTS["unreadable"], error=_os(exc, lang)))) from None
    if data is None:
        raise _Refused(_line(path, tr(lang, TEXTS["missing"])))
    if len(data) > limit:
        raise _Refused(_line(path, tr(lang, TEXTS["too_big"])))
    return data


def _line(path: Path, message: str) -> str:
    return f"{printable_path(path)}: {message}"


def _os(exc: OSError, lang: str) -> str:
    return describe_os_error(exc, lang)


def _terminal_available() -> bool:
    if sys.platform == "win32":
        return sys.stdin is not None and sys.stdin.isatty()
    try:
        fd = os.open("/dev/tty", os.O_RDWR | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return False
    os.close(fd)
    return True


def _password(prompt: str, from_stdin: bool, lang: str) -> bytes:
    if from_stdin:
        line = sys.stdin.buffer.readline(_MAX_PASSWORD_BYTES + 2)
        if not line:
            raise _Refused(f"canales: {tr(lang, TEXTS['no_password_given'])}")
        secret = line.rstrip(b"\r\n")
    else:
        if not _terminal_available():
            raise _Refused(f"canales: {tr(lang, TEXTS['no_terminal'])}", EXIT_USAGE)
        try:
            secret = getpass.getpass(prompt).encode("utf-8")
        except EOFError:
            raise _Refused(f"canales: {tr(lang, TEXTS['no_password_given'])}") from None
    if len(secret) > _MAX_PASSWORD_BYTES:
        raise _Refused(f"canales: {tr(lang, TEXTS['long_password'], limit=_MAX_PASSWORD_BYTES)}")
    return secret


def _new_password(from_stdin: bool, lang: str) -> bytes:
    first = _password(tr(lang, TEXTS["new_password_prompt"]), from_stdin, lang)
    if not first:
        raise _Refused(f"canales: {tr(lang, TEXTS['empty_password'])}")
    if from_stdin:
        return first  # one line from a script: nothing to mistype twice
    again = _password(tr(lang, TEXTS["again_prompt"]), from_stdin, lang)
    if again != first:
        raise _Refused(f"canales: {tr(lang, TEXTS['mismatch'])}")
    return first
