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
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from app.domain.texts import N_, tr

if TYPE_CHECKING:  # the parser is built on every start, the console's too: kept light
    from app.storage.config_store import ConfigStore

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
SIGNATURE_ACTIONS: Final = frozenset({"keygen", "sign", "verify"})

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
    """The handlers live in ``app.cli_sign_actions``: imported only when one runs."""
    from app.cli_sign_actions import run  # noqa: PLC0415 - see TYPE_CHECKING above

    return run(args, store, lang)
