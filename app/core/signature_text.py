"""Where the configuration on screen comes from, and who signed it, in words.

The status table, ``status --json`` and the console's header tooltip say it the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain.texts import N_, printable, tr
from app.storage.config_store import LoadedConfig
from app.storage.minisign import Signer

_NOTE_CHARS = 120
_SIGNED = N_("Signed by {who} (key {key_id}) on {when}")
_SIGNED_NO_TIME = N_("Signed by {who} (key {key_id})")
_SIGNED_KEY = N_("Signed with key {key_id} on {when}")
_SIGNED_KEY_NO_TIME = N_("Signed with key {key_id}")
_FROM_FILE = N_("Configuration: {path}")
_FROM_DEFAULT = N_("Configuration: the embedded default")


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def signed_text(lang: str, signer: Signer | None, zone: dt.tzinfo) -> str | None:
    """ "Signed by Ana (key …) on 2026-11-29 18:57" (the time on the centre's clock); None
    for a configuration whose signature was not verified."""
    if signer is None:
        return None
    note = printable(signer.note)
    if len(note) > _NOTE_CHARS:
        note = note[: _NOTE_CHARS - 1] + "…"
    when = (
        None if signer.signed_at is None else f"{signer.signed_at.astimezone(zone):%Y-%m-%d %H:%M}"
    )
    if note:
        phrase = _SIGNED if when else _SIGNED_NO_TIME
        return tr(lang, phrase, who=note, key_id=signer.key_id, when=when)
    phrase = _SIGNED_KEY if when else _SIGNED_KEY_NO_TIME
    return tr(lang, phrase, key_id=signer.key_id, when=when)


def source_text(lang: str, loaded: LoadedConfig, zone: dt.tzinfo) -> str:
    """The header's tooltip: the file shown, and who signed it."""
    if loaded.is_default:
        lines = [tr(lang, _FROM_DEFAULT)]
    else:
        lines = [tr(lang, _FROM_FILE, path=printable(str(loaded.source)))]
    signed = signed_text(lang, loaded.signer, zone)
    if signed is not None:
        lines.append(signed)
    return "\n".join(lines)


def source_document(loaded: LoadedConfig, zone: dt.tzinfo) -> dict[str, Any]:
    """``status --json``'s ``source``: the file (null for the embedded default), who signed
    it (the key id; ``trusted_comment`` as signed) and when; ``fetched_at`` and ``etag``
    belong to a configuration fetched from a URL."""
    signer = loaded.signer
    signed_at = None if signer is None or signer.signed_at is None else signer.signed_at
    return {
        "path": None if loaded.is_default else str(loaded.source),
        "signed_by": None if signer is None else signer.key_id,
        "signed_at": iso(None if signed_at is None else signed_at.astimezone(zone)),
        "trusted_comment": None if signer is None else signer.trusted_comment,
        "fetched_at": None,
        "etag": None,
    }
