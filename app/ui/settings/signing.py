"""Save under a policy that requires signatures: sign with the supervisor's minisign key.

The key file's path is remembered (in the agent's preferences, through ``remember``); the
password never is: it is asked for each save, used to open the key, and dropped. Everything
that can fail (no key, wrong password, a key the policy does not trust) fails before a byte
is written; ``ConfigStore.save`` then writes the file and its ``.minisig`` as a pair.
"""

from __future__ import annotations

import contextlib
import getpass
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

from app.storage.minisign import (
    MAX_KEY_FILE_BYTES,
    KeyProblem,
    SecretKey,
    default_trusted_comment,
    load_secret_key,
    secret_key_is_encrypted,
    sign,
)
from app.storage.safe_files import describe_os_error, read_regular_file

if TYPE_CHECKING:
    from app.ui.settings.dialog import SettingsDialog

Sign = Callable[[bytes], bytes]


class Signing:
    """Makes the ``sign`` function a save needs, asking what it must."""

    def __init__(
        self,
        dialog: SettingsDialog,
        key_path: Path | None,
        remember: Callable[[Path], None] | None,
    ) -> None:
        self.dialog = dialog
        self.key_path = key_path
        self._remember = remember

    def signer(self) -> Sign | None:
        """None when the supervisor cancelled or the key cannot sign (already said why)."""
        prompts = self.dialog.prompts
        path = self.key_path
        if path is None or not path.is_file():
            path = prompts.open_key(
                QCoreApplication.translate("Signing", "Secret key for signing the configuration")
            )
            if path is None:
                return None
        key = self._open(path)
        if key is None:
            return None
        store = self.dialog.store
        trusted = store.signatures.trusted_keys if store.signatures is not None else ()
        if key.public_key not in trusted:
            prompts.error(
                QCoreApplication.translate("Signing", "Not saved"),
                QCoreApplication.translate(
                    "Signing",
                    "The key %1 is not among the trusted keys of the managed policy: the "
                    "consoles would refuse this file. Nothing was written.",
                ).replace("%1", key.key_id_hex),
            )
            return None
        self.key_path = path
        if self._remember is not None:
            self._remember(path)
        comment = default_trusted_comment(store.path.name, self.dialog.clock.now())
        who = _login_name()
        if who:
            comment += "\t" + who
        return lambda data: sign(data, key, comment)

    def _open(self, path: Path) -> SecretKey | None:
        prompts, lang = self.dialog.prompts, self.dialog.lang
        title = QCoreApplication.translate("Signing", "Not saved")
        try:
            text = read_regular_file(path, MAX_KEY_FILE_BYTES)
        except OSError as exc:
            prompts.error(title, f"{path}: {describe_os_error(exc, lang)}")
            return None
        if text is None:
            prompts.error(
                title,
                QCoreApplication.translate("Signing", "The key file %1 does not exist.").replace(
                    "%1", str(path)
                ),
            )
            self.key_path = None
            return None
        try:
            password = None
            if secret_key_is_encrypted(text):
                password = prompts.secret(
                    QCoreApplication.translate("Signing", "Sign the configuration"),
                    QCoreApplication.translate("Signing", "Password of the secret key %1:").replace(
                        "%1", path.name
                    ),
                )
                if password is None:
                    return None
            with _busy():  # scrypt at minisign's cost takes a few seconds
                return load_secret_key(text, password)
        except KeyProblem as exc:
            text_shown = (
                QCoreApplication.translate(
                    "Signing", "Wrong password for this key. Nothing was written."
                )
                if exc.reason == "wrong_password"
                else f"{path}: {exc.message(lang)}"
            )
            prompts.error(title, text_shown)
            return None


def _login_name() -> str:
    with contextlib.suppress(Exception):  # no login name on some systems: sign without it
        return " ".join(getpass.getuser().split())
    return ""


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
