"""Reply templates as configuration: parsed with ``string.Template`` when the file is checked;
an unknown placeholder or a stray ``$`` is a located problem in the supervisor's language."""

from __future__ import annotations

import copy
import dataclasses
import typing

import pytest

from app.domain import typed
from app.domain.document import config_from_document
from app.domain.model import Config, Replies, ReplyTemplates
from app.domain.problems import ConfigInvalid
from app.domain.replies import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    REPLY_LANGUAGES,
    TEMPLATE_KEYS,
    Piece,
    pieces,
)


def _with_replies(document: dict, replies: dict) -> dict:
    doc = copy.deepcopy(document)
    doc["replies"] = replies
    return doc


def _problems(document: dict, replies: dict, lang: str = "es") -> list[str]:
    with pytest.raises(ConfigInvalid) as caught:
        config_from_document(_with_replies(document, replies), lang=lang)
    return caught.value.render("F")


def test_the_model_has_one_field_per_template_and_language() -> None:
    assert tuple(f.name for f in dataclasses.fields(ReplyTemplates)) == TEMPLATE_KEYS
    assert tuple(f.name for f in dataclasses.fields(Replies)) == REPLY_LANGUAGES
    assert set(DEFAULT_TEMPLATES) == set(REPLY_LANGUAGES)
    for lang in REPLY_LANGUAGES:
        assert tuple(DEFAULT_TEMPLATES[lang]) == TEMPLATE_KEYS


def test_a_config_without_replies_has_every_template_built_in(default_config: Config) -> None:
    assert default_config.replies == Replies()
    assert all(getattr(default_config.replies.es, key) is None for key in TEMPLATE_KEYS)


@pytest.mark.parametrize("lang", REPLY_LANGUAGES)
def test_the_built_in_templates_pass_their_own_checks(default_document: dict, lang: str) -> None:
    """Written into a file, the defaults validate: every placeholder they use is allowed."""
    replies = {lang: dict(DEFAULT_TEMPLATES[lang])}
    config = config_from_document(_with_replies(default_document, replies))
    assert dataclasses.asdict(getattr(config.replies, lang)) == replies[lang]


def test_each_template_uses_only_its_placeholders() -> None:
    for lang in REPLY_LANGUAGES:
        for key, template in DEFAULT_TEMPLATES[lang].items():
            names = {p.name for p in pieces(template) if p.name}
            assert names <= set(PLACEHOLDERS[key]), (lang, key)


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("Hola ${__class__}", "${__class__}"),
        ("Hola $__class__", "$__class__"),
        ("Hola $__globals__ y más", "$__globals__"),
        ("Vuelve $próximo", "$próximo"),  # shown as typed, not as "$pr"
        ("$Canal", "$Canal"),  # names are case-sensitive
    ],
)
def test_an_unknown_placeholder_is_a_located_error(
    default_document: dict, template: str, shown: str
) -> None:
    lines = _problems(default_document, {"es": {"closed": template}})
    assert lines == [
        f"F: replies.es.closed: marcador «{shown}» desconocido: use uno de $canal $contacto "
        "$horario $zona $proximo $cierre $cuenta $motivo $critico"
    ]


def test_the_message_is_in_the_supervisors_language(default_document: dict) -> None:
    lines = _problems(default_document, {"en": {"open": "${0.__class__}"}}, lang="en")
    assert lines == [
        "F: replies.en.open: the '$' at position 1 starts no placeholder: "
        "write $$ for a dollar sign"
    ]


@pytest.mark.parametrize(
    ("template", "position"),
    [("Cuesta $5", 8), ("al final $", 10), ("${canal", 1), ("$ canal", 1), ("a ${}", 3)],
)
def test_a_stray_dollar_is_refused_with_its_position(
    default_document: dict, template: str, position: int
) -> None:
    lines = _problems(default_document, {"es": {"open": template}})
    assert lines == [
        f"F: replies.es.open: el «$» de la posición {position} no inicia ningún marcador: "
        "escriba $$ para un signo de dólar"
    ]


def test_each_template_has_its_own_placeholders(default_document: dict) -> None:
    """The critical sentence is about the 24/7 line: it has no next opening to name."""
    lines = _problems(default_document, {"es": {"critical": "Llame $proximo", "none": "$canal"}})
    assert lines == [
        "F: replies.es.critical: marcador «$proximo» desconocido: use uno de "
        "$canal $contacto $horario $zona",
        "F: replies.es.none: marcador «$canal» desconocido: use uno de $tipo $critico",
    ]


def test_every_problem_is_listed_at_once(default_document: dict) -> None:
    lines = _problems(
        default_document,
        {"es": {"open": "$x", "holiday": "   "}, "en": {"always": "a\nb"}},
    )
    assert [line.split(": ")[1] for line in lines] == [
        "replies.es.open",
        "replies.es.holiday",
        "replies.en.always",
    ]
    assert lines[1].endswith("no puede estar vacío")
    assert "carácter de control" in lines[2]


def test_format_syntax_and_dollar_dollar_are_plain_text(default_document: dict) -> None:
    """``{0.__class__}`` means nothing to string.Template: it stays as it is written."""
    template = "Tarifa: $$10 {0.__class__} {canal} para $canal."
    config = config_from_document(_with_replies(default_document, {"es": {"open": template}}))
    assert config.replies.es.open == template


def test_unknown_template_keys_and_languages_are_typos(default_document: dict) -> None:
    lines = _problems(default_document, {"es": {"abierto": "x"}, "fr": {}})
    assert {line.split(": ")[1] for line in lines} == {"replies.es.abierto", "replies.fr"}


def test_both_validators_agree(default_document: dict) -> None:
    """The quick builder accepts the same templates and refuses the same ones."""
    good = _with_replies(default_document, {"es": {"open": "$canal: $$5"}, "en": {}})
    assert typed.build(Config, good) == config_from_document(good)
    bad = _with_replies(default_document, {"es": {"open": "${__class__}"}})
    with pytest.raises(ValueError):
        typed.build(Config, bad)


def test_pieces_follow_string_template() -> None:
    assert list(pieces("a $b ${c}$$ $")) == [
        Piece("a "),
        Piece("$b", "b"),
        Piece(" "),
        Piece("${c}", "c"),
        Piece("$"),
        Piece(" "),
        Piece("$"),
    ]


def test_the_template_fields_are_optional() -> None:
    hints = typing.get_type_hints(ReplyTemplates)
    assert all(type(None) in typing.get_args(hints[key]) for key in TEMPLATE_KEYS)
