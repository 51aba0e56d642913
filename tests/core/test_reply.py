"""The reply text for a customer: the right template for the moment, filled with the board's
phrases, in both languages; HTML where every configured string is escaped and contacts are
links; templates are never ``str.format``-ed."""

from __future__ import annotations

import copy
import datetime as dt
import html
import re
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest

from app.core.board import BoardBuilder
from app.core.reply import ReplyWriter, Value, escape, render, templates
from app.domain.availability import AvailabilityEngine
from app.domain.calendar import HolidayCalendar, holidays_from_package
from app.domain.document import config_from_document
from app.domain.model import Config
from app.domain.replies import DEFAULT_TEMPLATES

BOGOTA = ZoneInfo("America/Bogota")
WEEKDAY_OPEN = dt.datetime(2026, 12, 10, 10, 0, tzinfo=BOGOTA)  # Thursday
SATURDAY_CLOSING = dt.datetime(2026, 12, 12, 12, 50, tzinfo=BOGOTA)
HOLIDAY = dt.datetime(2026, 12, 8, 10, 0, tzinfo=BOGOTA)  # La Inmaculada Concepción (Tuesday)
NIGHT = dt.datetime(2026, 12, 10, 22, 0, tzinfo=BOGOTA)
SUNDAY = dt.datetime(2026, 12, 13, 10, 0, tzinfo=BOGOTA)

CHAT = "http://idealab.certicamara.com/CertiChat/chat.php"
ES_HOURS = (
    "Nuestro canal «Chat en línea» atiende de lunes a viernes de 7:00 a 19:00 y los sábados "
    "de 8:00 a 13:00 (hora de Bogotá)."
)
EN_HOURS = (
    "Our “Chat en línea” channel is available from Monday to Friday from 7:00 to 19:00 and "
    "on Saturdays from 8:00 to 13:00 (Bogota time)."
)
ES_CRITICAL = (
    "Si su caso es crítico (prioridad 1), llame al +57 318 7174937, disponible las 24 horas, "
    "todos los días."
)
EN_CRITICAL = (
    "If your case is critical (priority 1), call +57 318 7174937, available 24 hours a day, "
    "every day."
)

CHAT_TABLE = [
    (
        "es",
        WEEKDAY_OPEN,
        "open",
        f"{ES_HOURS} Puede comunicarse ahora mismo, hasta las 19:00, a través de {CHAT}.",
    ),
    (
        "es",
        SATURDAY_CLOSING,
        "closing",
        f"{ES_HOURS} Está por cerrar (en 10 min): puede comunicarse hasta las 13:00 a través de "
        f"{CHAT}. Si no alcanza, volvemos a atender el lunes 14 de diciembre a las 7:00.",
    ),
    (
        "es",
        HOLIDAY,
        "holiday",
        f"{ES_HOURS} Hoy es festivo (La Inmaculada Concepción); volvemos a atender el miércoles "
        f"9 de diciembre a las 7:00 a través de {CHAT}. {ES_CRITICAL}",
    ),
    (
        "es",
        NIGHT,
        "closed",
        f"{ES_HOURS} En este momento está cerrado; volvemos a atender el viernes 11 de diciembre "
        f"a las 7:00 a través de {CHAT}. {ES_CRITICAL}",
    ),
    (
        "es",
        SUNDAY,
        "closed",
        f"{ES_HOURS} En este momento está cerrado; volvemos a atender el lunes 14 de diciembre "
        f"a las 7:00 a través de {CHAT}. {ES_CRITICAL}",
    ),
    (
        "en",
        WEEKDAY_OPEN,
        "open",
        f"{EN_HOURS} You can reach us right now, until 19:00, through {CHAT}.",
    ),
    (
        "en",
        SATURDAY_CLOSING,
        "closing",
        f"{EN_HOURS} It closes soon (in 10 min): you can reach us until 13:00 through {CHAT}. "
        "If you cannot make it, we are back on Monday 14 December at 7:00.",
    ),
    (
        "en",
        HOLIDAY,
        "holiday",
        f"{EN_HOURS} Today is a public holiday (Immaculate Conception); we are back on Wednesday "
        f"9 December at 7:00 through {CHAT}. {EN_CRITICAL}",
    ),
    (
        "en",
        NIGHT,
        "closed",
        f"{EN_HOURS} It is closed right now; we are back on Friday 11 December at 7:00 through "
        f"{CHAT}. {EN_CRITICAL}",
    ),
    (
        "en",
        SUNDAY,
        "closed",
        f"{EN_HOURS} It is closed right now; we are back on Monday 14 December at 7:00 through "
        f"{CHAT}. {EN_CRITICAL}",
    ),
]


def writer_for(config: Config, lang: str) -> ReplyWriter:
    engine = AvailabilityEngine(config, HolidayCalendar("CO", lang, holidays_from_package))
    return ReplyWriter(BoardBuilder(engine, lang))


@pytest.fixture(scope="module")
def writers(default_config: Config) -> dict[str, ReplyWriter]:
    return {lang: writer_for(default_config, lang) for lang in ("es", "en")}


@pytest.mark.parametrize(("lang", "at", "template", "text"), CHAT_TABLE)
def test_chat_reply_for_the_moment(
    writers: dict[str, ReplyWriter], lang: str, at: dt.datetime, template: str, text: str
) -> None:
    reply = writers[lang].for_channel("chat", at)
    assert (reply.template, reply.channel) == (template, "chat")
    assert reply.text == text


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("at", [WEEKDAY_OPEN, SATURDAY_CLOSING, HOLIDAY, NIGHT, SUNDAY])
def test_every_channel_at_every_instant_reads_cleanly(
    writers: dict[str, ReplyWriter], default_config: Config, lang: str, at: dt.datetime
) -> None:
    """No placeholder left, no blank before punctuation, no doubled space, one line."""
    for channel in default_config.channels:
        text = writers[lang].for_channel(channel.id, at).text
        assert "$" not in text and "  " not in text and "\n" not in text
        assert not re.search(r" [.,;:)]", text), text
        assert text.endswith("."), text


def test_the_critical_line_itself_is_always_available(writers: dict[str, ReplyWriter]) -> None:
    reply = writers["es"].for_channel("phone-critical", NIGHT)
    assert reply.template == "always"
    assert reply.text == (
        "Nuestro canal «Línea para incidentes prioridad 1 (críticos)» atiende las 24 horas, "
        "todos los días; puede comunicarse ahora mismo a través de +57 318 7174937."
    )


def test_phone_contacts_carry_their_menu_and_alternatives_are_joined(
    writers: dict[str, ReplyWriter],
) -> None:
    main = writers["es"].for_channel("phone-main", WEEKDAY_OPEN).text
    assert main.endswith("a través de +57 601 7442727, marque 2 → 4.")
    pqrsa = writers["en"].for_channel("pqrsa", WEEKDAY_OPEN).text
    assert pqrsa.endswith(
        "until 17:00, through certicamararesponde@certicamara.com or +57 601 7442727, press 3."
    )


@pytest.mark.parametrize(
    ("request_type", "at", "channel", "template", "critical"),
    [
        ("all", WEEKDAY_OPEN, "phone-main", "open", False),  # the first open channel
        ("all", HOLIDAY, "phone-main", "holiday", True),  # the one that opens first
        ("all", NIGHT, "phone-main", "closed", True),
        ("priority-1", NIGHT, "phone-critical", "always", False),  # its fallback, 24/7
        ("priority-1", WEEKDAY_OPEN, "phone-main", "open", False),
        ("pqrsa", SUNDAY, "pqrsa", "closed", True),
        ("pqrsa", SATURDAY_CLOSING, "pqrsa", "closed", False),  # phone-main is open
    ],
)
def test_request_replies_follow_the_recommendation(
    writers: dict[str, ReplyWriter],
    request_type: str,
    at: dt.datetime,
    channel: str,
    template: str,
    critical: bool,
) -> None:
    reply = writers["es"].for_request(request_type, at)
    assert (reply.channel, reply.template) == (channel, template)
    assert reply.text.endswith(ES_CRITICAL) is critical
    assert reply.text == writers["es"].for_channel(channel, at).text


def test_unknown_ids_are_key_errors(writers: dict[str, ReplyWriter]) -> None:
    with pytest.raises(KeyError):
        writers["es"].for_channel("nope", NIGHT)
    with pytest.raises(KeyError):
        writers["es"].for_request("nope", NIGHT)


def _edited(document: dict, **changes: object) -> Config:
    doc = copy.deepcopy(document)
    doc.update(changes)
    return config_from_document(doc)


def test_a_request_no_channel_serves(default_document: dict) -> None:
    types = [*default_document["request_types"], {"id": "legal", "name": "Asuntos legales"}]
    config = _edited(default_document, request_types=types)
    reply = writer_for(config, "es").for_request("legal", NIGHT)
    assert (reply.channel, reply.template) == (None, "none")
    assert reply.text == (
        f"En este momento no tenemos un canal de atención para «Asuntos legales». {ES_CRITICAL}"
    )
    daytime = writer_for(config, "en").for_request("legal", WEEKDAY_OPEN)
    assert daytime.text == "We have no channel for “Asuntos legales” at the moment."


def test_special_days_and_channels_without_hours(default_document: dict) -> None:
    special = {
        "name": "Inventario anual",
        "date": "2026-12-10",
        "channels": ["email"],
        "closed": True,
        "hours": [],
    }
    schedules = [
        *default_document["schedules"],
        {"id": "never", "name": "Sin horario", "closed_on_holidays": True, "week": {}},
    ]
    channels = copy.deepcopy(default_document["channels"])
    channels[3]["schedule"] = "never"  # the chat
    config = _edited(
        default_document, special_days=[special], schedules=schedules, channels=channels
    )
    writer = writer_for(config, "es")
    email = writer.for_channel("email", WEEKDAY_OPEN)
    assert email.template == "special"
    assert (
        "Hoy tenemos un horario especial (Inventario anual) y no estamos atendiendo; volvemos "
        "a atender el viernes 11 de diciembre a las 7:00 a través de "
        "soporte.certigestor@certicamara.com."
    ) in email.text
    chat = writer.for_channel("chat", NIGHT)
    assert chat.template == "no_hours"
    assert chat.text == (
        f"Por ahora nuestro canal «Chat en línea» ({CHAT}) no tiene horario de atención "
        f"publicado. {ES_CRITICAL}"
    )


def test_configured_templates_win_and_each_language_falls_back(default_document: dict) -> None:
    replies = {"es": {"open": "«$canal» abierto $cierre; $contacto.", "critical": "¡$contacto!"}}
    config = _edited(default_document, replies=replies)
    assert writer_for(config, "es").for_channel("email", WEEKDAY_OPEN).text == (
        "«Correo de soporte» abierto hasta las 19:00; soporte.certigestor@certicamara.com."
    )
    assert (
        writer_for(config, "es")
        .for_channel("email", NIGHT)
        .text.endswith("a través de soporte.certigestor@certicamara.com. ¡+57 318 7174937!")
    )
    english = templates(config, "en")
    assert english == dict(DEFAULT_TEMPLATES["en"])
    assert templates(config, "xx") == templates(config, "es")  # an unknown language: Spanish


# -- HTML ----------------------------------------------------------------------------------


class _Markup(HTMLParser):
    """The tags, links and text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [value or "" for name, value in attrs if name == "href"]

    def handle_data(self, data: str) -> None:
        self.text += data


def _markup(fragment: str) -> _Markup:
    parser = _Markup()
    parser.feed(fragment)
    parser.close()
    return parser


def test_html_links_every_contact_with_its_own_scheme(writers: dict[str, ReplyWriter]) -> None:
    reply = writers["es"].for_channel("pqrsa", HOLIDAY)
    markup = _markup(reply.html)
    assert markup.tags == ["a", "a", "a"]
    assert markup.links == [
        "mailto:certicamararesponde@certicamara.com",
        "tel:+57-601-7442727",
        "tel:+57-318-7174937",
    ]
    assert markup.text == reply.text  # the same words, only linked
    chat = _markup(writers["en"].for_channel("chat", WEEKDAY_OPEN).html)
    assert chat.links == [CHAT]


HOSTILE = "<img src=x onerror=\"alert(1)\"> & 'q'"


def test_html_escapes_every_configured_string(default_document: dict) -> None:
    channels = copy.deepcopy(default_document["channels"])
    channels[3]["name"] = f"Chat {HOSTILE}"
    channels[3]["contacts"] = [{"type": "web", "label": "x", "url": "https://e.co/?a=1&b=<2>"}]
    channels[1]["contacts"] = [{"type": "whatsapp", "label": "", "number": "+57 318 717 4937"}]
    special = {
        "name": f"Cierre {HOSTILE}",
        "date": "2026-12-10",
        "channels": ["chat", "phone-main"],  # then a critical case goes to the 24/7 line
        "closed": True,
        "hours": [],
    }
    template = f"<b>$canal</b> {HOSTILE} ($motivo) $contacto; $$ {{0.__class__}} $critico"
    critical = f"<script>$canal</script> $contacto {HOSTILE}"
    config = _edited(
        default_document,
        channels=channels,
        special_days=[special],
        replies={"es": {"special": template, "critical": critical}},
    )
    reply = writer_for(config, "es").for_channel("chat", WEEKDAY_OPEN)
    assert reply.template == "special"
    markup = _markup(reply.html)
    assert markup.tags == ["a", "a"]  # only the two contacts' links: nothing configured is markup
    assert markup.links == ["https://e.co/?a=1&b=<2>", "https://wa.me/573187174937"]
    assert markup.text == reply.text
    assert reply.text == (
        f"<b>Chat {HOSTILE}</b> {HOSTILE} (Cierre {HOSTILE}) https://e.co/?a=1&b=<2>; $ "
        f"{{0.__class__}} <script>Línea para incidentes prioridad 1 (críticos)</script> "
        f"+57 318 7174937 {HOSTILE}"
    )
    assert html.escape(HOSTILE) in reply.html
    assert 'href="https://e.co/?a=1&amp;b=&lt;2&gt;"' in reply.html


def test_a_hostile_template_is_rendered_literally() -> None:
    """What reaches ``render`` unchecked still never reaches an attribute: ``string.Template``
    only substitutes names, and a name without a value stays as written."""
    values = {"canal": Value.plain("Chat")}
    hostile = "${__class__} $__class__.__mro__ {0.__class__} {canal.__class__} $canal $ $$"
    filled = render(hostile, values)
    assert filled.text == (
        "${__class__} $__class__.__mro__ {0.__class__} {canal.__class__} Chat $ $"
    )
    assert filled.html == html.escape(filled.text)


def test_an_empty_value_takes_its_space_along() -> None:
    values = {"a": Value.plain("A"), "b": Value.plain(""), "c": Value.plain("")}
    assert render("$a. $b", values).text == "A."
    assert render("$a $b.", values).text == "A."
    assert render("$a $b, $a", values).text == "A, A"
    assert render("$a  $b $c", values).text == "A"
    assert render("x $b y", values).text == "x y"


@pytest.mark.parametrize("text", ["", "plain", HOSTILE, "<&>\"'&amp;", "ñ «» “”"])
def test_escape_is_htmls(text: str) -> None:
    assert escape(text) == html.escape(text, quote=True)
