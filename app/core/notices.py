"""What the tray says: the one-line summary of the board and each desktop notification."""

from __future__ import annotations

from app.domain.availability import Snapshot, State
from app.domain.notifications import Event, Notice
from app.domain.texts import N_, tr

TOOLTIP_LIMIT = 3  # desktop tooltips are short
_EVENT_TEXTS = {
    Event.OPENED: N_("{name} is open now"),
    Event.CLOSING_SOON: N_("{name} closes soon"),
    Event.CLOSED: N_("{name} has closed"),
}


def tray_summary(snapshot: Snapshot, lang: str) -> str:
    """``Canales — Abiertos: Línea…, Chat y 1 más · Cerrados: 2``."""
    open_names = [c.name for c, av in snapshot.channels if av.state is State.OPEN]
    closed = sum(av.state is State.CLOSED for _c, av in snapshot.channels)
    names = ", ".join(open_names[:TOOLTIP_LIMIT])
    if len(open_names) > TOOLTIP_LIMIT:
        more = len(open_names) - TOOLTIP_LIMIT
        names = tr(lang, "{names} and {count} more", names=names, count=more)
    parts = [tr(lang, "Open: {names}", names=names) if open_names else tr(lang, "Nothing open")]
    if closed:
        parts.append(tr(lang, "Closed: {count}", count=closed))
    return "Canales — " + " · ".join(parts)


def notice_text(notice: Notice, lang: str) -> str:
    """``Línea de servicio al cliente (Bogotá) cierra pronto``."""
    return tr(lang, _EVENT_TEXTS[notice.event], name=notice.channel.name)
