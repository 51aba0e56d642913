"""Which changes deserve a desktop notification: a watched channel opened or is about to close."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from app.domain.availability import Snapshot, State
from app.domain.model import Channel


class Event(StrEnum):
    OPENED = "opened"
    CLOSING_SOON = "closing_soon"
    CLOSED = "closed"


@dataclass(frozen=True)
class Notice:
    channel: Channel
    event: Event


def notices(previous: Snapshot | None, current: Snapshot, watched: Collection[str]) -> list[Notice]:
    """Compare two snapshots of the same configuration; nothing on the first one."""
    if previous is None:
        return []
    before = {channel.id: av for channel, av in previous.channels}
    found = []
    for channel, av in current.channels:
        old = before.get(channel.id)
        if channel.id not in watched or old is None:
            continue
        if av.state is State.OPEN and old.state is not State.OPEN:
            found.append(Notice(channel, Event.OPENED))
        elif av.closing_soon and not old.closing_soon:
            found.append(Notice(channel, Event.CLOSING_SOON))
        elif av.state is State.CLOSED and old.state is State.OPEN:
            found.append(Notice(channel, Event.CLOSED))
    return found
