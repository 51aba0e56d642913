"""Each bad input gets one actionable message at the right JSON path."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from app.domain.document import config_from_document, config_json_schema, migrate
from app.domain.model import SCHEMA_VERSION
from app.domain.problems import ConfigInvalid


def problems(doc: Any, lang: str = "es") -> list[str]:
    with pytest.raises(ConfigInvalid) as info:
        config_from_document(doc, lang=lang)
    return [p.render("config.json") for p in info.value.problems]


@pytest.fixture
def doc(default_document: dict) -> dict:
    return copy.deepcopy(default_document)


def phone(doc: dict) -> dict:
    return doc["channels"][0]["contacts"][0]


def test_default_document_is_valid(doc: dict) -> None:
    assert config_from_document(doc).channels[0].id == "phone-main"


@pytest.mark.parametrize(
    "number",
    ["+57 601 7442727", "(601) 7442727", "601 744 2727", "+57 318 717 4937", "(57) 318 717 49 37"],
)
def test_valid_colombian_numbers(doc: dict, number: str) -> None:
    phone(doc)["number"] = number
    config_from_document(doc)


@pytest.mark.parametrize("number", ["7442727", "12", "+57 601 744", "llamar", ""])
def test_invalid_phone_numbers(doc: dict, number: str) -> None:
    phone(doc)["number"] = number
    assert problems(doc) == [
        f"config.json: channels[0].contacts[0].number: «{number}» no es un número de teléfono "
        "válido (incluya el indicativo, p. ej. 601)"
    ]


def test_bare_seven_digits_in_english(doc: dict) -> None:
    phone(doc)["number"] = "7442727"
    assert problems(doc, "en") == [
        "config.json: channels[0].contacts[0].number: '7442727' is not a valid phone number "
        "(include the area code, e.g. 601)"
    ]


@pytest.mark.parametrize("address", ["soporte", "a@b", "a b@c.com", "@certicamara.com", "x@-y.com"])
def test_invalid_emails(doc: dict, address: str) -> None:
    doc["channels"][2]["contacts"][0]["address"] = address
    assert problems(doc) == [
        f"config.json: channels[2].contacts[0].address: «{address}» no es un correo "
        "electrónico válido"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "ftp://example.com/",
        "vbscript:msgbox",
        "JavaScript://example.com/%0Aalert(1)",
    ],
)
def test_only_http_and_https_links(doc: dict, url: str) -> None:
    doc["channels"][3]["contacts"][0]["url"] = url
    (message,) = problems(doc)
    assert message.startswith("config.json: channels[3].contacts[0].url: «")
    assert message.endswith("solo se permiten enlaces http:// o https://")


@pytest.mark.parametrize(
    "url",
    [
        "https:/\\evil.com",
        "https:///evil.com",
        "http://",
        "https://user@evil.com/",
        "https:evil.com",
    ],
)
def test_web_links_need_a_host(doc: dict, url: str) -> None:
    doc["channels"][3]["contacts"][0]["url"] = url
    (message,) = problems(doc)
    assert message.startswith("config.json: channels[3].contacts[0].url: ")
    assert "servidor" in message or "no es una dirección web válida" in message


@pytest.mark.parametrize("url", ["https://soporte.example.com/chat?x=1", "http://10.0.0.1:8080/"])
def test_good_links(doc: dict, url: str) -> None:
    doc["channels"][3]["contacts"][0]["url"] = url
    assert config_from_document(doc).channels[3].contacts[0].url == url  # type: ignore[union-attr]


@pytest.mark.parametrize("value", ["7:00", "25:00", "24:01", "07:60", "0700", "", "07:00:00"])
def test_times_must_be_hh_mm(doc: dict, value: str) -> None:
    doc["schedules"][0]["week"]["mon"][0]["start"] = value
    messages = problems(doc)
    assert messages[0].startswith("config.json: schedules[0].week.mon[0].start: ")
    assert "no es una hora HH:MM" in messages[0]


def test_24_00_is_a_valid_end_but_not_a_start(doc: dict) -> None:
    doc["schedules"][0]["week"]["mon"] = [{"start": "20:00", "end": "24:00"}]
    config_from_document(doc)
    doc["schedules"][0]["week"]["mon"] = [{"start": "24:00", "end": "02:00"}]
    assert problems(doc) == [
        "config.json: schedules[0].week.mon[0]: un intervalo no puede empezar a las 24:00"
    ]


def test_empty_interval(doc: dict) -> None:
    doc["schedules"][0]["week"]["tue"] = [{"start": "09:00", "end": "09:00"}]
    assert problems(doc) == [
        "config.json: schedules[0].week.tue[0]: la hora de inicio y la de fin son iguales"
    ]


def test_unknown_references_are_all_listed(doc: dict) -> None:
    doc["channels"][0]["schedule"] = "oficina"
    doc["channels"][1]["request_types"] = ["priority-1", "urgente"]
    doc["escalation"][1]["schedule"] = "nocturno"
    doc["request_types"][1]["fallback"] = "celular"
    doc["special_days"] = [
        {"name": "Nochebuena", "date": "2026-12-24", "channels": ["telefono"], "closed": True}
    ]
    assert problems(doc) == [
        "config.json: request_types[1].fallback: canal «celular» no existe en channels",
        "config.json: channels[0].schedule: horario «oficina» no existe en schedules",
        "config.json: channels[1].request_types[1]: tipo de solicitud «urgente» no existe en "
        "request_types",
        "config.json: special_days[0].channels[0]: canal «telefono» no existe en channels",
        "config.json: escalation[1].schedule: horario «nocturno» no existe en schedules",
    ]


def test_duplicate_ids(doc: dict) -> None:
    doc["channels"][4]["id"] = "email"
    doc["schedules"].append(copy.deepcopy(doc["schedules"][0]))
    assert problems(doc) == [
        "config.json: schedules[3].id: id «business» repetido",
        "config.json: channels[4].id: id «email» repetido",
    ]


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_names(doc: dict, name: str) -> None:
    doc["channels"][1]["name"] = name
    doc["escalation"][0]["name"] = name
    assert problems(doc) == [
        "config.json: channels[1].name: no puede estar vacío",
        "config.json: escalation[0].name: no puede estar vacío",
    ]


def test_unknown_keys_are_not_dropped(doc: dict) -> None:
    doc["channels"][0]["schedul"] = "business"
    doc["organisation"]["lenguage"] = "es"
    doc["channels"][0]["contacts"][0]["extension"] = ["12"]
    assert problems(doc) == [
        "config.json: organisation.lenguage: campo desconocido (¿error de escritura?)",
        "config.json: channels[0].contacts[0].extension: campo desconocido (¿error de escritura?)",
        "config.json: channels[0].schedul: campo desconocido (¿error de escritura?)",
    ]


def test_missing_field_and_wrong_types(doc: dict) -> None:
    del doc["channels"][0]["schedule"]
    doc["closing_soon_minutes"] = "15"
    doc["schedules"][0]["closed_on_holidays"] = "sí"
    assert problems(doc) == [
        "config.json: closing_soon_minutes: debe ser un número entero",
        "config.json: schedules[0].closed_on_holidays: debe ser true o false",
        "config.json: channels[0].schedule: falta este campo",
    ]


def test_contact_type_must_be_known(doc: dict) -> None:
    doc["channels"][0]["contacts"][0]["type"] = "fax"
    assert problems(doc) == [
        "config.json: channels[0].contacts[0]: tipo de contacto «fax» desconocido: use uno de "
        "'phone', 'email', 'web', 'whatsapp'"
    ]


def test_ivr_digits_and_extensions(doc: dict) -> None:
    doc["channels"][0]["contacts"][0]["ivr"][0]["digits"] = "dos"
    doc["escalation"][1]["contacts"][0]["extensions"][0] = "11-13"
    assert problems(doc) == [
        "config.json: channels[0].contacts[0].ivr[0].digits: «dos»: use solo teclas 0-9, * o #",
        "config.json: escalation[1].contacts[0].extensions[0]: «11-13»: una extensión lleva solo "
        "dígitos",
    ]


def test_time_zone_and_country(doc: dict) -> None:
    doc["timezone"] = "America/Bogotá"
    doc["holiday_country"] = "co"
    assert problems(doc) == [
        "config.json: timezone: zona horaria «America/Bogotá» desconocida (p. ej. America/Bogota)",
        "config.json: holiday_country: país «co» sin calendario de festivos (p. ej. CO)",
    ]


def test_country_checked_against_the_supported_list(doc: dict) -> None:
    doc["holiday_country"] = "XX"
    with pytest.raises(ConfigInvalid) as info:
        config_from_document(doc, holiday_countries={"CO", "ES"})
    assert [p.path for p in info.value.problems] == ["holiday_country"]
    doc["holiday_country"] = "ES"
    assert config_from_document(doc, holiday_countries={"CO", "ES"}).holiday_country == "ES"


def test_special_day_consistency(doc: dict) -> None:
    doc["special_days"] = [
        {
            "name": "Cierre",
            "date": "2026-12-24",
            "channels": ["email"],
            "closed": True,
            "hours": [{"start": "08:00", "end": "12:00"}],
        },
        {
            "name": "Inventario",
            "date": "2026-12-30",
            "until": "2026-12-28",
            "channels": ["chat"],
            "closed": True,
        },
        {"name": "Media jornada", "date": "2026-12-31", "channels": ["chat"], "closed": False},
        {"name": "Sin canales", "date": "2026-12-31", "channels": [], "closed": True},
        {"name": "Fecha", "date": "31/12/2026", "channels": ["chat"], "closed": True},
    ]
    assert problems(doc) == [
        "config.json: special_days[0]: un día cerrado no lleva horas: quite «hours» o ponga "
        "closed=false",
        "config.json: special_days[1]: «until» es anterior a «date»",
        "config.json: special_days[2]: indique las horas de ese día o ponga closed=true",
        "config.json: special_days[3].channels: necesita al menos 1 elemento(s)",
        "config.json: special_days[4].date: no es una fecha AAAA-MM-DD",
    ]


def test_escalation_levels_in_order(doc: dict) -> None:
    doc["escalation"][1]["level"] = 3
    doc["escalation"][2]["level"] = 2
    assert problems(doc) == [
        "config.json: escalation[1].level: los niveles van 1, 2, 3… en orden: aquí se espera 2",
        "config.json: escalation[2].level: los niveles van 1, 2, 3… en orden: aquí se espera 3",
    ]


def test_document_must_be_an_object() -> None:
    assert problems([1, 2]) == ["config.json: el archivo debe contener un objeto JSON {...}"]


def test_newer_schema_version_is_refused(doc: dict) -> None:
    doc["schema_version"] = SCHEMA_VERSION + 1
    assert problems(doc) == [
        f"config.json: schema_version: versión de esquema {SCHEMA_VERSION + 1} es más nueva que "
        f"la que entiende esta versión de Canales ({SCHEMA_VERSION}); actualice Canales"
    ]


@pytest.mark.parametrize("version", [0, "2", True, 1.5])
def test_nonsense_schema_version(doc: dict, version: object) -> None:
    doc["schema_version"] = version
    assert problems(doc) == [
        f"config.json: schema_version: schema_version debe ser un entero entre 1 y {SCHEMA_VERSION}"
    ]


def test_version_1_is_migrated_step_by_step(doc: dict) -> None:
    v1 = copy.deepcopy(doc)
    v1["schema_version"] = 1
    v1["warning_minutes"] = v1.pop("closing_soon_minutes")
    for schedule in v1["schedules"]:
        for day, intervals in schedule["week"].items():
            schedule["week"][day] = [f"{i['start']}-{i['end']}" for i in intervals]
    assert migrate(v1) == doc
    assert config_from_document(v1) == config_from_document(doc)


def test_migration_keeps_errors_locatable(doc: dict) -> None:
    v1 = copy.deepcopy(doc)
    v1["schema_version"] = 1
    v1["schedules"][0]["week"]["mon"] = ["7-19"]
    messages = problems(v1)
    assert (
        messages[0]
        == "config.json: schedules[0].week.mon[0].start: «7» no es una hora HH:MM (00:00–24:00)"
    )


def test_json_schema_describes_the_model() -> None:
    schema = config_json_schema()
    assert schema["title"] == "Canales configuration"
    assert {"channels", "schedules", "escalation", "schema_version"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Channel"]["additionalProperties"] is False


# Hardening: values that used to pass, each refused at its own path.


@pytest.mark.parametrize(
    "url",
    [
        "https://:certicamara.com@evil.example/login",
        "https://soporte@evil.example/",
        "https://a:b@evil.example/",
    ],
)
def test_web_addresses_with_user_information_are_refused(doc: dict, url: str) -> None:
    doc["channels"][3]["contacts"][0]["url"] = url
    (line,) = problems(doc)
    assert line.startswith("config.json: channels[3].contacts[0].url: ")
    assert "usuario" in line


@pytest.mark.parametrize(
    "number", ["+57 601 3790300 ext. 1113", "+57 601 3790300;ext=99", "601 3790300 #99"]
)
def test_a_number_with_its_own_extension_points_to_extensions(doc: dict, number: str) -> None:
    phone(doc)["number"] = number
    (line,) = problems(doc)
    assert line.startswith("config.json: channels[0].contacts[0].number: ")
    assert "extensions" in line


@pytest.mark.parametrize("name", ["Chat\x1b[2J", "Chat\r\nforged: open", "Chat\x00", "a\u202eb"])
def test_names_with_control_characters_are_refused(doc: dict, name: str) -> None:
    doc["channels"][0]["name"] = name
    (line,) = problems(doc)
    assert line.startswith("config.json: channels[0].name: ")
    assert line.isprintable()


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200c\u2060", " \u200b "])
def test_a_name_of_invisible_characters_is_blank(doc: dict, name: str) -> None:
    doc["channels"][0]["name"] = name
    assert problems(doc) == ["config.json: channels[0].name: no puede estar vacío"]


def test_a_label_or_note_with_an_escape_sequence_is_refused(doc: dict) -> None:
    phone(doc)["label"] = "x\x1b]0;pwned\x07"
    doc["notes"] = ["ok", "line\nbreak"]
    lines = problems(doc)
    assert [line.split(": ")[1] for line in lines] == ["channels[0].contacts[0].label", "notes[1]"]
    assert all(line.isprintable() for line in lines)


@pytest.mark.parametrize(
    "zone", ["America", "America/Indiana", "A" * 300, "../etc/passwd", "UTC\x00"]
)
def test_time_zones_that_are_folders_or_garbage_are_unknown(doc: dict, zone: str) -> None:
    doc["timezone"] = zone
    (line,) = problems(doc)
    assert line.startswith("config.json: timezone: zona horaria «")
    assert line.isprintable() and len(line) < 200


def test_a_huge_number_is_refused_without_being_printed(doc: dict) -> None:
    doc["closing_soon_minutes"] = 10**5000
    assert problems(doc) == ["config.json: closing_soon_minutes: debe ser ≤ 720"]
    doc["closing_soon_minutes"] = 15
    doc["escalation"][0]["level"] = -(10**5000)
    assert problems(doc) == ["config.json: escalation[0].level: debe ser ≥ 1"]


@pytest.mark.parametrize("day", [0, 1700000000, "20261208", "2026-W50-2", "2026-12-08T00:00"])
def test_special_day_dates_are_written_yyyy_mm_dd(doc: dict, day: object) -> None:
    doc["special_days"] = [{"name": "x", "date": day, "channels": ["chat"], "closed": True}]
    assert problems(doc) == ["config.json: special_days[0].date: no es una fecha AAAA-MM-DD"]
