"""``canales reply``: the customer's sentence from a script, exactly what the console copies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import canales, no_traceback
from test_cli import edited_default

HOLIDAY = "2026-12-08T10:00"
CHAT_ON_THE_HOLIDAY = (
    "Nuestro canal «Chat en línea» atiende de lunes a viernes de 7:00 a 19:00 y los sábados de "
    "8:00 a 13:00 (hora de Bogotá). Hoy es festivo (La Inmaculada Concepción); volvemos a "
    "atender el miércoles 9 de diciembre a las 7:00 a través de "
    "http://idealab.certicamara.com/CertiChat/chat.php. Si su caso es crítico (prioridad 1), "
    "llame al +57 318 7174937, disponible las 24 horas, todos los días."
)


def test_reply_for_a_channel_in_spanish(env: dict[str, str]) -> None:
    result = canales(env, "reply", "--channel", "chat", "--at", HOLIDAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout == CHAT_ON_THE_HOLIDAY + "\n"
    assert result.stderr == ""


def test_reply_html_has_the_links(env: dict[str, str]) -> None:
    result = canales(env, "reply", "--channel", "chat", "--at", HOLIDAY, "--html")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("<a href=") == 2
    assert '<a href="tel:+57-318-7174937">+57 318 7174937</a>' in result.stdout


def test_reply_for_a_request_in_english(env: dict[str, str]) -> None:
    english = {**env, "CANALES_LANG": "en"}
    result = canales(english, "reply", "--request", "priority-1", "--at", "2026-12-10T22:00")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Our “Línea para incidentes prioridad 1 (críticos)” channel is available 24 hours a day, "
        "every day; you can reach us right now through +57 318 7174937.\n"
    )


def test_without_a_choice_it_answers_for_the_first_request_type(env: dict[str, str]) -> None:
    first = canales(env, "reply", "--at", "2026-12-12T12:50")
    explicit = canales(env, "reply", "--request", "all", "--at", "2026-12-12T12:50")
    assert first.returncode == explicit.returncode == 0
    assert first.stdout == explicit.stdout
    assert "Está por cerrar (en 10 min)" in first.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--channel", "fax"],
            "canales: --channel: «fax» no es un canal; los canales son: phone-main, "
            "phone-critical, email, chat, pqrsa",
        ),
        (
            ["--request", "urgent"],
            "canales: --request: «urgent» no es un tipo de solicitud; los tipos de solicitud "
            "son: all, priority-1, pqrsa",
        ),
        (
            ["--at", "mañana"],
            "canales: --at: «mañana» no es una fecha y hora ISO 8601 (p. ej. 2026-12-08T10:00)",
        ),
        (
            ["--channel", "chat", "--request", "all"],
            "canales reply: error: --request no se puede usar junto con --channel",
        ),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    env: dict[str, str], args: list[str], message: str
) -> None:
    result = canales(env, "reply", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == message
    no_traceback(result)


def test_a_bad_template_is_a_located_error(env: dict[str, str], tmp_path: Path) -> None:
    bad = tmp_path / "team.json"
    replies = {"es": {"holiday": "Hoy es festivo; ${__class__}"}}
    bad.write_text(json.dumps(edited_default(replies=replies)), encoding="utf-8")
    result = canales(env, "--config", str(bad), "reply", "--channel", "chat")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{bad}: replies.es.holiday: marcador «${{__class__}}» desconocido: use uno de $canal "
        "$contacto $horario $zona $proximo $cierre $cuenta $motivo $critico"
    ]
    no_traceback(result)


def test_the_configured_template_is_used(env: dict[str, str], tmp_path: Path) -> None:
    team = tmp_path / "team.json"
    replies = {"es": {"closed": "Cerrado: {0.__class__} $$ $canal vuelve $proximo."}}
    team.write_text(json.dumps(edited_default(replies=replies)), encoding="utf-8")
    result = canales(
        env, "--config", str(team), "reply", "--channel", "email", "--at", "2026-12-13T10:00"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Cerrado: {0.__class__} $ Correo de soporte vuelve el lunes 14 de diciembre a las 7:00.\n"
    )
