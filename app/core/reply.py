"""The reply text for a customer: "when can I call you?", "who do I write to?", answered for
the moment the agent is asked, in a sentence ready to paste.

The supervisor's templates (``app.domain.replies``) are filled with the phrases the board
already uses (``app.core.phrases``) and the channel's contacts as the board shows them; this
module only chooses the template for the channel's state and fills it. Each reply comes as
plain text and as HTML for mail clients: in the HTML every piece of configured text, the
template's own words included, is escaped, and each contact becomes the link its kind allows
(``tel:``, ``mailto:``, ``http(s):``; ``ContactKind.safe_link``) or no link at all.

A template is never formatted with ``str.format``: it is split by :class:`string.Template`'s
pattern and each placeholder replaced by name, so no attribute or item of a value is ever
reached, and a placeholder without a value stays as it was written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from app.core.board import BoardBuilder, ContactView, EntryView, critical_fallback, recommendation
from app.core.phrases import (
    DisplayState,
    countdown,
    dialling_phrase,
    hours_sentence,
    moment_phrase,
    or_list,
    time_until,
    until_phrase,
    zone_phrase,
)
from app.domain.model import Config
from app.domain.replies import DEFAULT_TEMPLATES, REPLY_LANGUAGES, TEMPLATE_KEYS, pieces
from app.domain.texts import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Reply:
    """What "Copiar respuesta" puts on the clipboard, and what it is about."""

    text: str
    html: str
    channel: str | None  # the channel it is about; None when no channel serves the request
    template: str  # the key of the template used (``app.domain.replies.TEMPLATE_KEYS``)


@dataclass(frozen=True)
class Value:
    """A placeholder's value as plain text and as HTML."""

    text: str
    html: str

    @staticmethod
    def plain(text: str) -> Value:
        return Value(text, escape(text))


EMPTY = Value("", "")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """``html.escape(text, quote=True)``, without loading the ``html`` package, whose table of
    2,000 named entities a console would otherwise carry from its start."""
    return text.translate(_ESCAPES)


_SPACES = re.compile(r" {2,}")
_CLOSES_GAP = (" ", ".", ",", ";", ":", ")", "!", "?")


def templates(config: Config, lang: str) -> dict[str, str]:
    """The templates in ``lang``: the configuration's, the built-in one where it has none."""
    key = lang if lang in REPLY_LANGUAGES else DEFAULT_LANGUAGE
    configured = getattr(config.replies, key)
    defaults = DEFAULT_TEMPLATES[key]
    return {name: getattr(configured, name) or defaults[name] for name in TEMPLATE_KEYS}


def render(template: str, values: Mapping[str, Value]) -> Value:
    """``template`` with each ``$name`` replaced by ``values[name]``, as text and as HTML.

    The template's own words are escaped for the HTML; ``$$`` is a dollar sign; a placeholder
    with no value, or a ``$`` that starts none, is kept as written. Where a value is empty, the
    space before it goes too when a space or punctuation follows ("…de $contacto. $critico")."""
    runs: list[str | Value] = []
    for piece in pieces(template):
        if piece.name is not None and piece.name in values:
            runs.append(values[piece.name])
        elif runs and isinstance(runs[-1], str):
            runs[-1] += piece.literal
        else:
            runs.append(piece.literal)
    for index, run in enumerate(runs):
        if not isinstance(run, Value) or run.text or index == 0:
            continue
        before = runs[index - 1]
        after = runs[index + 1] if index + 1 < len(runs) else ""
        closes = not after or (isinstance(after, str) and after.startswith(_CLOSES_GAP))
        if isinstance(before, str) and closes:
            runs[index - 1] = before.rstrip(" ")
    text: list[str] = []
    markup: list[str] = []
    for run in runs:
        if isinstance(run, Value):
            text.append(run.text)
            markup.append(run.html)
        else:
            literal = _SPACES.sub(" ", run)
            text.append(literal)
            markup.append(escape(literal))
    return Value(_SPACES.sub(" ", "".join(text)).strip(), "".join(markup).strip())


def compose(phrase: Callable[[list[str]], str], parts: list[Value]) -> Value:
    """A phrase around values (``a o b``), as text and as HTML: the phrase's own words are
    escaped, the values' HTML is kept."""
    marks = [f"\x00{index}\x00" for index in range(len(parts))]
    shaped = phrase(marks)
    text, markup = shaped, escape(shaped)
    for mark, part in zip(marks, parts, strict=True):
        text = text.replace(mark, part.text)
        markup = markup.replace(mark, part.html)
    return Value(text, markup)


def contact_value(view: ContactView, lang: str) -> Value:
    """``+57 601 7442727, marque 2 → 4`` with the number as a ``tel:`` link (each kind's own
    link, only the schemes Canales opens)."""
    link = view.link()
    shown = escape(view.shown)
    anchor = shown if link is None else f'<a href="{escape(link)}">{shown}</a>'
    return compose(
        lambda marks: dialling_phrase(marks[0], view.ivr, view.extensions, lang),
        [Value(view.shown, anchor)],
    )


def contacts_value(view: EntryView, lang: str) -> Value:
    parts = [contact_value(contact, lang) for contact in view.contacts]
    return compose(lambda marks: or_list(marks, lang), parts)


class ReplyWriter:
    """Replies for one configuration and language (the board builder's)."""

    def __init__(self, builder: BoardBuilder) -> None:
        self.builder = builder
        self.engine = builder.engine
        self.lang = builder.lang
        self.templates = templates(self.engine.config, self.lang)

    @property
    def config(self) -> Config:
        return self.engine.config

    def for_channel(self, channel_id: str, now: dt.datetime) -> Reply:
        """The reply about one channel at ``now``. KeyError for an unknown channel."""
        if channel_id not in {c.id for c in self.config.channels}:
            raise KeyError(channel_id)
        at = self.engine.local(now)
        board = self.builder.board(self.engine.snapshot(at))
        by_id = {view.id: view for view in board.channels}
        return self._channel(by_id[channel_id], at, by_id)

    def for_request(self, request_type: str, now: dt.datetime) -> Reply:
        """The reply for a kind of request: about the channel "Usar ahora" recommends, or the
        one that opens first; with the critical-incident sentence when it applies. KeyError
        for an unknown request type."""
        rtype = next((r for r in self.config.request_types if r.id == request_type), None)
        if rtype is None:
            raise KeyError(request_type)
        at = self.engine.local(now)
        board = self.builder.board(self.engine.snapshot(at))
        by_id = {view.id: view for view in board.channels}
        advice = recommendation(self.builder, board, request_type, at)
        chosen: str | None = advice.channels[0].id if advice.channels else None
        if chosen is None:
            upcoming = self.engine.next_opening(request_type, at)
            serving = [c.id for c in self.config.channels if request_type in c.request_types]
            chosen = upcoming[0].id if upcoming is not None else next(iter(serving), None)
        if chosen is not None:
            return self._channel(by_id[chosen], at, by_id)
        critical = self._critical(by_id, at, besides_request=request_type)
        values = {"tipo": Value.plain(rtype.name), "critico": critical}
        return self._reply("none", values, None)

    # ------------------------------------------------------------------------------------------

    def _channel(self, view: EntryView, at: dt.datetime, by_id: Mapping[str, EntryView]) -> Reply:
        key = self._template_for(view, at)
        values = self._values(view, at)
        if key in ("closed", "holiday", "special", "no_hours"):
            found = critical_fallback(self.engine, at, besides_channel=view.id)
            if found is not None:
                values["critico"] = self._critical_sentence(by_id[found], at)
        return self._reply(key, values, view.id)

    def _critical(
        self, by_id: Mapping[str, EntryView], at: dt.datetime, *, besides_request: str
    ) -> Value:
        found = critical_fallback(self.engine, at, besides_request=besides_request)
        return EMPTY if found is None else self._critical_sentence(by_id[found], at)

    def _critical_sentence(self, line: EntryView, at: dt.datetime) -> Value:
        values = self._values(line, at)
        return render(self.templates["critical"], values)

    def _reply(self, key: str, values: Mapping[str, Value], channel: str | None) -> Reply:
        filled = render(self.templates[key], values)
        return Reply(filled.text, filled.html, channel, key)

    def _template_for(self, view: EntryView, at: dt.datetime) -> str:
        state = view.state
        if state is DisplayState.ALWAYS:
            return "always"
        if state is DisplayState.CLOSING_SOON:
            return "closing"
        if state is DisplayState.OPEN:
            return "open"
        if view.next_change is None:  # closed and opening nowhere in sight (or unknown)
            return "no_hours"
        if view.reason:
            plan = self.engine.timetable(view.id).day(at.date().toordinal())
            return "holiday" if plan.is_holiday_closure else "special"
        return "closed"

    def _values(self, view: EntryView, at: dt.datetime) -> dict[str, Value]:
        lang, config = self.lang, self.config
        channel = config.channel(view.id)
        change = view.next_change
        reopens = change
        if view.is_open and change is not None:  # the opening after this closing
            reopens = self.engine.channel(view.id, change).next_change
        values = {
            "canal": Value.plain(view.name),
            "contacto": contacts_value(view, lang),
            "horario": Value.plain(hours_sentence(config.schedule(channel.schedule), lang)),
            "zona": Value.plain(zone_phrase(config.timezone, lang)),
            "proximo": EMPTY if reopens is None else Value.plain(moment_phrase(reopens, at, lang)),
            "cierre": EMPTY,
            "cuenta": EMPTY,
            "motivo": Value.plain(view.reason or ""),
            "critico": EMPTY,
        }
        if change is not None:
            values["cuenta"] = Value.plain(countdown(time_until(change, at), lang))
            if view.is_open:
                values["cierre"] = Value.plain(until_phrase(change, at, lang))
        return values
