"""Reply templates: the sentences an agent pastes to a customer, as configuration.

A supervisor writes them with named placeholders (``$canal``, ``$horario``, ``$proximo`` …) in
:class:`string.Template` syntax, never ``str.format``: a format string reaches attributes and
items of its values (``{0.__class__}``), a template only ever substitutes a name. Every template
is parsed when the file is checked, so an unknown placeholder or a stray ``$`` is a located
problem (``replies.es.closed: …``), not a surprise in front of a customer.

There is one template per state of the channel at the moment of the reply, so each reads well
on its own (open, closing soon, closed, closed for a holiday or a special day, 24/7, no hours),
one for the critical-incident sentence some of them include (``$critico``), and one for a
request type no channel serves. A template left out (``null``) is the built-in wording below,
written from the seed page's own phrases, in the reply's language.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated, Final

from app.domain.rules import Check, Length, custom_error
from app.domain.values import MAX_TEXT_LENGTH, _check_name

REPLY_LANGUAGES: Final = ("es", "en")

#: What every channel template may use: the values of the channel at the moment of the reply
#: (a value that does not apply in that state is empty, e.g. ``$cierre`` while closed).
CHANNEL_PLACEHOLDERS: Final = (
    "canal",  # the channel's name
    "contacto",  # its contacts, with IVR steps and extensions ("a o b")
    "horario",  # its weekly hours in words
    "zona",  # whose clock the hours are on ("hora de Bogotá")
    "proximo",  # when it next opens ("el miércoles 9 de diciembre a las 7:00")
    "cierre",  # until when it is open ("hasta las 19:00")
    "cuenta",  # how long until the next change ("en 10 min")
    "motivo",  # the holiday's or special day's name
    "critico",  # the critical-incident sentence, when it applies (else empty)
)
#: The critical-incident sentence: the fallback line's own values.
CRITICAL_PLACEHOLDERS: Final = ("canal", "contacto", "horario", "zona")
#: A request type that no channel serves.
NONE_PLACEHOLDERS: Final = ("tipo", "critico")

#: Template keys, in the order the settings page lists them, each with its placeholders.
TEMPLATE_KEYS: Final = (
    "open",
    "closing",
    "closed",
    "holiday",
    "special",
    "always",
    "no_hours",
    "critical",
    "none",
)
PLACEHOLDERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        **dict.fromkeys(TEMPLATE_KEYS[:7], CHANNEL_PLACEHOLDERS),
        "critical": CRITICAL_PLACEHOLDERS,
        "none": NONE_PLACEHOLDERS,
    }
)

_ES_HOURS = "Nuestro canal «$canal» atiende $horario ($zona)."
_EN_HOURS = "Our “$canal” channel is available $horario ($zona)."
DEFAULT_TEMPLATES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "es": MappingProxyType(
            {
                "open": f"{_ES_HOURS} Puede comunicarse ahora mismo, $cierre, a través de"
                " $contacto.",
                "closing": f"{_ES_HOURS} Está por cerrar ($cuenta): puede comunicarse $cierre"
                " a través de $contacto. Si no alcanza, volvemos a atender $proximo.",
                "closed": f"{_ES_HOURS} En este momento está cerrado; volvemos a atender"
                " $proximo a través de $contacto. $critico",
                "holiday": f"{_ES_HOURS} Hoy es festivo ($motivo); volvemos a atender $proximo"
                " a través de $contacto. $critico",
                "special": f"{_ES_HOURS} Hoy tenemos un horario especial ($motivo) y no estamos"
                " atendiendo; volvemos a atender $proximo a través de $contacto. $critico",
                "always": "Nuestro canal «$canal» atiende $horario; puede comunicarse ahora mismo"
                " a través de $contacto.",
                "no_hours": "Por ahora nuestro canal «$canal» ($contacto) no tiene horario de"
                " atención publicado. $critico",
                "critical": "Si su caso es crítico (prioridad 1), llame al $contacto,"
                " disponible $horario.",
                "none": "En este momento no tenemos un canal de atención para «$tipo». $critico",
            }
        ),
        "en": MappingProxyType(
            {
                "open": f"{_EN_HOURS} You can reach us right now, $cierre, through $contacto.",
                "closing": f"{_EN_HOURS} It closes soon ($cuenta): you can reach us $cierre"
                " through $contacto. If you cannot make it, we are back $proximo.",
                "closed": f"{_EN_HOURS} It is closed right now; we are back $proximo"
                " through $contacto. $critico",
                "holiday": f"{_EN_HOURS} Today is a public holiday ($motivo); we are back"
                " $proximo through $contacto. $critico",
                "special": f"{_EN_HOURS} Today we keep special hours ($motivo) and are not"
                " available now; we are back $proximo through $contacto. $critico",
                "always": "Our “$canal” channel is available $horario; you can reach us right"
                " now through $contacto.",
                "no_hours": "For now our “$canal” channel ($contacto) has no published opening"
                " hours. $critico",
                "critical": "If your case is critical (priority 1), call $contacto, available"
                " $horario.",
                "none": "We have no channel for “$tipo” at the moment. $critico",
            }
        ),
    }
)


@dataclass(frozen=True)
class Piece:
    """A run of a template: literal text, or the placeholder ``name`` (``literal`` is then how
    it was written, kept for a name that has no value)."""

    literal: str
    name: str | None = None


def pieces(template: str) -> Iterator[Piece]:
    """``template`` split by :class:`string.Template`'s own pattern: ``$$`` is a ``$``, a
    placeholder is its name, and a ``$`` that starts none stays literal text."""
    pattern = string.Template.pattern
    position = 0
    for found in pattern.finditer(template):
        if found.start() > position:
            yield Piece(template[position : found.start()])
        if found.group("escaped") is not None:
            yield Piece("$")
        elif found.group("named") is not None or found.group("braced") is not None:
            yield Piece(found.group(0), found.group("named") or found.group("braced"))
        else:  # invalid: a "$" followed by nothing it can name
            yield Piece(found.group(0))
        position = found.end()
    if position < len(template):
        yield Piece(template[position:])


_WORD_AFTER = re.compile(r"\w*")


def template_problem(template: str, allowed: tuple[str, ...]) -> None:
    """Refuse, with a rule's error, a placeholder outside ``allowed`` or a ``$`` that starts no
    placeholder; the first problem, with where it is."""
    pattern = string.Template.pattern
    for found in pattern.finditer(template):
        name = found.group("named") or found.group("braced")
        if found.group("invalid") is not None:
            raise custom_error(
                "reply_dollar", "a $ that starts no placeholder", position=found.start() + 1
            )
        if name is not None and name not in allowed:
            shown = found.group(0)
            if found.group("named") is not None:  # "$próximo": show the word as it was typed
                shown += _WORD_AFTER.match(template, found.end()).group(0)  # type: ignore[union-attr]
            raise custom_error(
                "reply_placeholder",
                "unknown placeholder",
                value=shown,
                known=" ".join(f"${key}" for key in allowed),
            )


def _checker(allowed: tuple[str, ...]) -> Check:
    def check(value: str) -> str:
        _check_name(value)
        template_problem(value, allowed)
        return value

    return Check(check)


_LENGTH = Length(max_length=MAX_TEXT_LENGTH)
ChannelReply = Annotated[str, _checker(CHANNEL_PLACEHOLDERS), _LENGTH]
CriticalReply = Annotated[str, _checker(CRITICAL_PLACEHOLDERS), _LENGTH]
NoneReply = Annotated[str, _checker(NONE_PLACEHOLDERS), _LENGTH]
