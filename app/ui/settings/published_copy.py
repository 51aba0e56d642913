"""“Edit a copy…”: a configuration published over HTTPS is read-only on every console; the
supervisor edits a local copy instead, and publishes it with the organisation's own means
(intranet, Git, a CMS).

The copy is written where the supervisor chooses (the published bytes, with their signature
when there is one), then opened in an ordinary, editable settings dialog on that file. When the
policy trusts signing keys, that dialog's Save signs the copy (``FILE.minisig`` beside it) with
the supervisor's key, so what is published verifies on every console.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.storage.config_store import ConfigFileError, ConfigStore
from app.storage.minisign import PublicKey
from app.ui.settings.file_actions import problem_text

if TYPE_CHECKING:
    from app.ui.settings.dialog import SettingsDialog


@dataclass(frozen=True)
class _SignEveryCopy:
    """The copy's rule: signed by one of the trusted keys (the dialog's Save signs)."""

    trusted_keys: tuple[PublicKey, ...]
    require_signature: bool = True


def edit_a_copy(dialog: SettingsDialog) -> SettingsDialog | None:
    """Ask where, write the copy, close ``dialog`` and open the copy's editable dialog."""
    from app.ui.settings.dialog import SettingsDialog  # noqa: PLC0415 - circular otherwise

    store, published = dialog.store, dialog.store.published_at
    assert published is not None
    title = QCoreApplication.translate("PublishedCopy", "Edit a copy")
    destination = dialog.prompts.save_path(title, "canales-config.json")
    if destination is None:
        return None
    keys = store.signatures.trusted_keys if store.signatures is not None else ()
    countries = dialog.holiday_countries_source
    copy_store = ConfigStore(
        destination,
        None,
        store.default_path,
        lang=store.lang,
        holiday_countries=(lambda: frozenset(countries())) if countries else None,
        signatures=_SignEveryCopy(keys) if keys else None,
    )
    try:
        store.export(destination, stamp=dialog.clock.now().astimezone(), loaded=dialog.loaded)
        loaded = copy_store.read(destination, verify_signature=False)
    except ConfigFileError as exc:
        dialog.prompts.error(title, problem_text(exc))
        return None
    copy = SettingsDialog(
        loaded,
        copy_store,
        dialog.clock,
        calendar_factory=dialog.calendar_factory,
        holiday_countries=dialog.holiday_countries_source,
        lang=dialog.lang,
        prompts=dialog.prompts,
        signing_key=dialog.signing.key_path,
        parent=dialog.parentWidget(),
    )
    copy.banner.setText(
        QCoreApplication.translate(
            "PublishedCopy",
            "Editing a copy in %1. Save it (signed when the policy trusts signing keys), then "
            "publish it at %2 with your organisation's own means.",
        )
        .replace("%1", str(destination))
        .replace("%2", published.url)
    )
    copy.banner.show()
    dialog.copy_dialog = copy
    dialog.reject()
    copy.open()
    return copy
