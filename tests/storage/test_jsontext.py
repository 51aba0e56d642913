"""parse_json_document: every rejection carries exactly one located, translated problem."""

from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.problems import ConfigInvalid, Problem
from app.storage.jsontext import MAX_CONFIG_BYTES, MAX_DEPTH, MAX_NUMBER_CHARS, parse_json_document


def only_problem(data: bytes, lang: str = "es") -> Problem:
    with pytest.raises(ConfigInvalid) as info:
        parse_json_document(data, lang=lang)
    assert len(info.value.problems) == 1
    return info.value.problems[0]


def test_valid_document_round_trips() -> None:
    doc = {
        "timezone": "America/Bogota",
        "channels": [
            {"id": "phone-main", "name": "Línea de servicio al cliente", "order": 1},
            {"id": "email", "enabled": True, "warning": 15.5, "notes": None, "tags": []},
        ],
    }
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    assert parse_json_document(text.encode("utf-8")) == doc


def test_scalar_document_is_returned_as_is() -> None:
    assert parse_json_document(b' "hola" ') == "hola"


def test_utf8_bom_is_accepted() -> None:
    assert parse_json_document(codecs.BOM_UTF8 + '{"a": "ñ"}'.encode()) == {"a": "ñ"}


def test_too_big_names_the_limit() -> None:
    data = b" " * (MAX_CONFIG_BYTES + 1)
    assert (
        only_problem(data, "en").message
        == f"the file is {MAX_CONFIG_BYTES + 1} bytes; the limit is 5 MB"
    )
    assert "el límite es 5 MB" in only_problem(data, "es").message


def test_exactly_the_limit_is_parsed() -> None:
    data = b"[]" + b" " * (MAX_CONFIG_BYTES - 2)
    assert parse_json_document(data) == []


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8])
def test_empty_file(data: bytes) -> None:
    problem = only_problem(data)
    assert problem == Problem("el archivo está vacío; se esperaba un documento JSON")
    assert only_problem(data, "en").message == "the file is empty; a JSON document was expected"


def test_invalid_utf8_is_located_at_the_first_bad_byte() -> None:
    data = '{\n  "name": "Línea \xe9"\n}'.encode("latin-1")
    problem = only_problem(data, "en")
    assert (problem.line, problem.column) == (2, 13)  # the "í", before the "é"
    assert problem.message.startswith("not UTF-8 text")
    assert only_problem(data, "es").message.startswith("no es texto UTF-8")


def test_utf8_error_column_counts_characters_not_bytes() -> None:
    data = '["ñññ", "\xff"]'.encode().replace(b"\xc3\xbf", b"\xff")
    problem = only_problem(data)
    assert (problem.line, problem.column) == (1, 10)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-16-le"])
def test_wide_encodings_are_rejected_as_not_utf8(encoding: str) -> None:
    data = '{"a": 1}'.encode(encoding)
    problem = only_problem(data, "en")
    assert problem.message.startswith("not UTF-8 text")
    assert "UTF-16" in problem.message
    assert problem.line == 1
    assert problem.column in (1, 2)


@pytest.mark.parametrize(
    ("text", "line", "column", "es", "en"),
    [
        ('{"a": 1\n "b": 2}', 2, 2, "se esperaba una coma", "expected a comma ','"),
        ('{"a" 1}', 1, 6, "se esperan dos puntos ':'", "expected a colon ':'"),
        ("{a: 1}", 1, 2, "entre comillas dobles", "name in double quotes"),
        ('{"a": 1,\n}', 2, 1, "entre comillas dobles", "name in double quotes"),
        ('{"a": }', 1, 7, "se esperaba un valor", "expected a value"),
        ("[1,\n  ]", 2, 3, "se esperaba un valor", "expected a value"),
        ('{"a": 1} {}', 1, 10, "sobra texto", "unexpected text after the end"),
        ('{"a": "abc', 1, 7, "texto sin cerrar", "unterminated string"),
        ('{"a": "x\ty"}', 1, 9, "carácter de control", "control character"),
        ('{"a": "\\q"}', 1, 8, "secuencia de escape", "invalid escape sequence"),
        ('{"a": "\\u12"}', 1, 9, "escape \\u no válido", "invalid \\u escape"),
    ],
)
def test_syntax_errors_are_located_and_translated(
    text: str, line: int, column: int, es: str, en: str
) -> None:
    spanish = only_problem(text.encode(), "es")
    english = only_problem(text.encode(), "en")
    assert (spanish.line, spanish.column) == (line, column)
    assert (english.line, english.column) == (line, column)
    assert spanish.message.startswith("error de sintaxis JSON: ")
    assert english.message.startswith("JSON syntax error: ")
    assert es in spanish.message
    assert en in english.message


def test_syntax_location_ignores_the_bom() -> None:
    problem = only_problem(codecs.BOM_UTF8 + b"{,}")
    assert (problem.line, problem.column) == (1, 2)


@pytest.mark.parametrize(
    ("text", "token", "line", "column"),
    [
        ('{"a": NaN}', "NaN", 1, 7),
        ('{"x": "NaN Infinity",\n "y": [1, Infinity]}', "Infinity", 2, 11),
        ('[\n  "-Infinity",\n  -Infinity\n]', "-Infinity", 3, 3),
    ],
)
def test_non_finite_numbers_are_rejected(text: str, token: str, line: int, column: int) -> None:
    problem = only_problem(text.encode(), "en")
    assert problem == Problem(f"{token} is not a valid JSON number", line=line, column=column)
    assert only_problem(text.encode()).message == f"{token} no es un número JSON válido"


def test_duplicate_key_names_the_path_of_its_object() -> None:
    doc = (
        '{"channels": [{"id": "a"}, {"id": "b"},'
        ' {"id": "c", "contacts": [{"number": "1", "kind": "phone", "number": "2"}]}]}'
    )
    spanish = only_problem(doc.encode())
    assert spanish == Problem('clave repetida "number"', path="channels[2].contacts[0]")
    english = only_problem(doc.encode(), "en")
    assert english == Problem('duplicate key "number"', path="channels[2].contacts[0]")
    assert (
        english.render("config.json")
        == 'config.json: channels[2].contacts[0]: duplicate key "number"'
    )


def test_duplicate_key_at_the_top_level_has_no_path() -> None:
    assert only_problem(b'{"a": 1, "b": 2, "a": 3}', "en") == Problem('duplicate key "a"')


def test_first_duplicate_in_document_order_is_reported() -> None:
    doc = b'{"x": [{"k": 1}, {"p": 1, "p": 2}], "y": {"q": 1, "q": 2}}'
    assert only_problem(doc, "en") == Problem('duplicate key "p"', path="x[1]")


def test_duplicate_key_deep_inside_a_deep_document() -> None:
    doc = '{"a": ' * 60 + '{"z": 1, "z": 2}' + "}" * 60
    problem = only_problem(doc.encode(), "en")
    assert problem == Problem('duplicate key "z"', path=".".join(["a"] * 60))


def test_same_key_in_different_objects_is_fine() -> None:
    assert parse_json_document(b'[{"id": 1}, {"id": 2}]') == [{"id": 1}, {"id": 2}]


def test_depth_limit_is_inclusive() -> None:
    nested: object = 1
    for _ in range(MAX_DEPTH):
        nested = [nested]
    assert parse_json_document(json.dumps(nested).encode()) == nested


def test_one_level_too_deep_names_the_path() -> None:
    doc = '{"a": ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "}"
    problem = only_problem(doc.encode(), "en")
    assert problem.message == "the document nests objects or lists more than 64 levels deep"
    assert problem.path == "a" + "[0]" * (MAX_DEPTH - 1)
    assert "más de 64 niveles" in only_problem(doc.encode()).message


def test_a_thousand_levels_is_rejected_without_recursion() -> None:
    doc = b"[" * 950 + b"]" * 950  # below the C decoder's recursion limit: our walk must cope
    assert "more than 64 levels" in only_problem(doc, "en").message


def test_recursion_error_from_the_decoder_becomes_a_clean_problem() -> None:
    doc = b'{"a": ' * 100_000 + b"1" + b"}" * 100_000
    problem = only_problem(doc, "en")
    assert problem == Problem("the document nests objects or lists more than 64 levels deep")


def test_many_brackets_inside_strings_do_not_count_as_depth() -> None:
    doc = {"note": "[" * 500, "list": [[1, 2], {"a": "{" * 200}]}
    assert parse_json_document(json.dumps(doc).encode()) == doc


@given(
    digits=st.integers(min_value=MAX_NUMBER_CHARS + 1, max_value=20_000),
    sign=st.sampled_from(["", "-"]),
    lines_before=st.integers(min_value=0, max_value=3),
)
def test_a_huge_integer_is_one_located_problem_never_converted(
    digits: int, sign: str, lines_before: int
) -> None:
    """Python refuses int() of more than 4300 digits with a ValueError: never get that far."""
    number = sign + "7" * digits
    text = "[\n" * lines_before + f'  {{"n": "12", "x": {number}}}' + "]" * lines_before
    problem = only_problem(text.encode(), "en")
    assert problem == Problem(
        f"a number with {digits} digits; at most {MAX_NUMBER_CHARS} are allowed",
        line=lines_before + 1,
        column=20,
    )
    assert only_problem(text.encode()).message.startswith(f"número de {digits} cifras")


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("[1." + "5" * 200 + "]", 2),
        ('{"a": 1, "b": ' + "9" * 150 + "e3}", 15),
    ],
)
def test_a_long_decimal_number_is_refused_too(text: str, column: int) -> None:
    problem = only_problem(text.encode(), "en")
    assert (problem.line, problem.column) == (1, column)
    assert problem.message.endswith(f"at most {MAX_NUMBER_CHARS} are allowed")


def test_a_number_beyond_float_range_is_not_infinity() -> None:
    problem = only_problem(b'{"a": [1, -1e999]}', "en")
    assert problem == Problem("the number -1e999 is out of the supported range", line=1, column=11)


def test_numbers_up_to_the_limit_still_parse() -> None:
    big = "9" * MAX_NUMBER_CHARS
    assert parse_json_document(f"[{big}, -{big[1:]}, 1.5e3, 0]".encode()) == [
        int(big),
        -int(big[1:]),
        1500.0,
        0,
    ]


PNG_START = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


@pytest.mark.parametrize(
    ("data", "line", "column", "key"),
    [
        (PNG_START, 1, 1, "not UTF-8 text; save it"),  # 0x89 comes first: not UTF-8
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", 1, 3, "not UTF-8 text; save it"),
        (b'{"a": 1}\n\x00\x00\x00\x00\x07\x00binary tail', 2, 1, "not a text file"),
        (b"SQLite format 3\x00\x10\x00\x01\x01\x00@  ", 1, 16, "not a text file"),
        ('{"nombre": "Línea"}\x00{"x": 1}'.encode(), 1, 20, "not a text file"),
    ],
)
def test_binary_is_not_reported_as_utf16(data: bytes, line: int, column: int, key: str) -> None:
    problem = only_problem(data, "en")
    assert "UTF-16" not in problem.message
    assert problem.message.startswith(key)
    assert (problem.line, problem.column) == (line, column)
    assert "UTF-16" not in only_problem(data).message


@given(
    text=st.text(alphabet=st.characters(codec="ascii", exclude_characters="\x00"), min_size=4),
    where=st.integers(min_value=0),
)
def test_a_stray_nul_in_text_is_not_a_wide_encoding(text: str, where: int) -> None:
    where %= len(text) + 1
    data = (text[:where] + "\x00" + text[where:]).encode()
    problem = only_problem(data, "en")
    assert problem.message == "not a text file (it contains null bytes); JSON in UTF-8 was expected"
    before = text[:where]
    assert problem.line == before.count("\n") + 1
    assert problem.column == len(before) - (before.rfind("\n") + 1) + 1


@given(st.text(min_size=1).filter(lambda t: sum(c.isascii() for c in t) == len(t)))
def test_ascii_json_in_any_wide_encoding_without_bom_is_named_so(text: str) -> None:
    document = json.dumps({"nota": text})
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        assert "UTF-16" in only_problem(document.encode(encoding), "en").message
