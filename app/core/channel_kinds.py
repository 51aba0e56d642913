"""What a channel is, in words (the model keeps the ``kind`` ids)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.domain.texts import N_, tr

CHANNEL_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "phone": N_("Phone"),
        "email": N_("Email"),
        "chat": N_("Chat"),
        "web": N_("Web"),
        "other": N_("Other"),
    }
)


def channel_kinds(lang: str) -> list[tuple[str, str]]:
    """``(id, name)`` of every channel kind, in the settings dialog's order."""
    return [(kind, tr(lang, name)) for kind, name in CHANNEL_KINDS.items()]
