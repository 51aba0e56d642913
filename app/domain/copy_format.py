"""The agent's copy formats, on their own so the window can name them before a config loads."""

from __future__ import annotations

from enum import StrEnum


class CopyFormat(StrEnum):
    NATIONAL = "national"
    E164 = "e164"
    DIAL = "dial"
