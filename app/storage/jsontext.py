"""Turn untrusted configuration bytes into JSON values, or into one precise, translated problem.

Supervisors edit these files by hand and IT publishes them on shares, so every rejection says
where (line:column, or the JSON path) and what, in the agent's language. The standard C decoder
does the parsing; the checks it lacks (duplicate keys, NaN/Infinity, depth) ride along cheaply.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final, TypeVar

from app.domain.document import build_model
from app.domain.problems import ConfigInvalid, Problem, json_path
from app.domain.texts import N_, tr
from app.storage.safe_files import describe_os_error, read_regular_file

_T = TypeVar("_T")

MAX_CONFIG_BYTES: Final = 5 * 1024 * 1024
MAX_DEPTH: Final = 64
# Every number in our files is small (minutes, PIN cost parameters); a long one is an attack on
# int() (Python refuses more than 4300 digits with a ValueError) or a typo, never a setting.
MAX_NUMBER_CHARS: Final = 100

_UTF8_BOM: Final = codecs.BOM_UTF8
_WIDE_BOMS: Final = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)
_JSON_WHITESPACE: Final = " \t\r\n"
# Wide-encoding sniffing: the widest unit first (ASCII in UTF-32 is also NUL-rich UTF-16).
_WIDE_ENCODINGS: Final = (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2))
_WIDE_SAMPLE_BYTES: Final = 4096
_WIDE_PLAIN_SHARE: Final = 0.9
# A string literal (skipped) or a bare non-finite constant: where json called parse_constant.
_CONSTANT_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)', re.DOTALL)
# A string literal (skipped) or a number, in JSON's own grammar (the decoder's tokens).
_NUMBER_TOKEN: Final = re.compile(
    r'"(?:[^"\\]|\\.)*"|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)', re.DOTALL
)

_TEXTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "too_big": N_("the file is {size} bytes; the limit is {limit} MB"),
        "not_utf8": N_("not UTF-8 text; save it with UTF-8 encoding"),
        "wide_encoding": N_(
            "not UTF-8 text (it looks like UTF-16 or UTF-32); save it with UTF-8 encoding"
        ),
        "not_text": N_("not a text file (it contains null bytes); JSON in UTF-8 was expected"),
        "empty": N_("the file is empty; a JSON document was expected"),
        "non_finite": N_("{token} is not a valid JSON number"),
        "long_number": N_("a number with {digits} digits; at most {limit} are allowed"),
        "out_of_range": N_("the number {token} is out of the supported range"),
        "duplicate": N_("duplicate key {key}"),
        "too_deep": N_("the document nests objects or lists more than {limit} levels deep"),
        "syntax": N_("JSON syntax error: {detail}"),
    }
)

# How read_small_file names a file when its caller does not.
_FILE_TEXTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "unreadable": N_("cannot read the file ({error})"),
        "too_big": N_("the file is too big"),
    }
)

# json's own messages (C and pure-Python decoders share them) -> what was expected, translated.
_SYNTAX: Final[Mapping[str, str]] = MappingProxyType(
    {
        "Expecting value": N_(
            "expected a value (string, number, object, list, true, false or null)"
        ),
        "Expecting ',' delimiter": N_("expected a comma ',' or a closing '}}' / ']'"),
        "Expecting ':' delimiter": N_("expected a colon ':' after the property name"),
        "Expecting property name enclosed in double quotes": N_(
            'expected a property name in double quotes ("name")'
        ),
        "Extra data": N_("unexpected text after the end of the document"),
        "Unterminated string starting at": N_(
            'unterminated string: the closing double quote " is missing'
        ),
        "Invalid control character at": N_("control character inside a string; use \\n or \\t"),
        "Invalid \\escape": N_("invalid escape sequence after \\"),
        "Invalid \\uXXXX escape": N_("invalid \\u escape: 4 hexadecimal digits expected"),
        "Illegal trailing comma before end of object": N_("trailing comma before '}}'"),
        "Illegal trailing comma before end of array": N_("trailing comma before ']'"),
    }
)


class _DuplicateKeys(dict[str, object]):
    """An object that repeated a key; found again (with its path) after parsing."""

    duplicate: str = ""


class _NonFinite(Exception):
    """Raised from parse_constant to stop the C decoder at the first NaN/Infinity."""


class _BadNumber(Exception):
    """Raised from parse_int/parse_float, before any conversion, to stop at an absurd number."""

    def __init__(self, token: str, key: str) -> None:
        super().__init__(token)
        self.token = token
        self.key = key


def _parse_int(token: str) -> int:
    if len(token) > MAX_NUMBER_CHARS:
        raise _BadNumber(token, "long_number")
    return int(token)


def _parse_float(token: str) -> float:
    if len(token) > MAX_NUMBER_CHARS:
        raise _BadNumber(token, "long_number")
    value = float(token)
    if value in (math.inf, -math.inf):  # 1e999: valid JSON, but no finite number
        raise _BadNumber(token, "out_of_range")
    return value


def parse_json_document(data: bytes, *, lang: str = "es") -> object:
    """Decode and parse ``data``; raise ``ConfigInvalid`` with exactly one located problem."""
    if len(data) > MAX_CONFIG_BYTES:
        message = tr(lang, _TEXTS["too_big"], size=len(data), limit=MAX_CONFIG_BYTES // 2**20)
        raise ConfigInvalid([Problem(message)])
    text = _decode(data.removeprefix(_UTF8_BOM), wide=data.startswith(_WIDE_BOMS), lang=lang)
    if not text.strip(_JSON_WHITESPACE):
        raise ConfigInvalid([Problem(tr(lang, _TEXTS["empty"]))])

    found_duplicate = False

    def pairs_hook(pairs: list[tuple[str, object]]) -> dict[str, object]:
        nonlocal found_duplicate
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        found_duplicate = True
        marked = _DuplicateKeys(pairs)
        marked.duplicate = _first_repeated(pairs)
        return marked

    def reject_constant(token: str) -> object:
        raise _NonFinite(token)

    decoder = json.JSONDecoder(
        object_pairs_hook=pairs_hook,
        parse_constant=reject_constant,
        parse_int=_parse_int,
        parse_float=_parse_float,
    )
    try:
        value: object = decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise ConfigInvalid([_syntax_problem(exc, lang)]) from None
    except _NonFinite as exc:
        raise ConfigInvalid([_non_finite_problem(text, str(exc), lang)]) from None
    except _BadNumber as exc:
        raise ConfigInvalid([_bad_number_problem(text, exc, lang)]) from None
    except RecursionError:
        raise ConfigInvalid([Problem(tr(lang, _TEXTS["too_deep"], limit=MAX_DEPTH))]) from None

    if found_duplicate or _deeper_than_limit(text, value):
        problem = _structure_problem(value, lang=lang)
        if problem is not None:
            raise ConfigInvalid([problem])
    return value


def _decode(data: bytes, *, wide: bool, lang: str) -> str:
    # A raw NUL never appears in valid JSON: it means UTF-16/32 (said only when the bytes
    # really read as such) or a file that is no text at all (a binary put in the wrong place).
    nul = data.find(b"\x00")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start if nul < 0 else min(exc.start, nul)
    else:
        if nul < 0:
            return text
        bad = nul
    if wide or (nul >= 0 and _reads_as_wide_text(data)):
        key = "wide_encoding"
    else:
        key = "not_text" if bad == nul else "not_utf8"
    line, column = _location(data, bad)
    raise ConfigInvalid([Problem(tr(lang, _TEXTS[key]), line=line, column=column)])


def _reads_as_wide_text(data: bytes) -> bool:
    """Whether the start of ``data`` is mostly plain text once read as UTF-32 or UTF-16 (the
    NULs are then the high bytes of ASCII characters, in alternating positions)."""
    sample = data[:_WIDE_SAMPLE_BYTES]
    for encoding, unit in _WIDE_ENCODINGS:
        chars = sample[: len(sample) // unit * unit].decode(encoding, errors="replace")
        plain = sum(c.isascii() and (c.isprintable() or c in _JSON_WHITESPACE) for c in chars)
        if chars and plain >= _WIDE_PLAIN_SHARE * len(chars):
            return True
    return False


def _location(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of a byte offset whose prefix is valid UTF-8."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _first_repeated(pairs: list[tuple[str, object]]) -> str:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return key
        seen.add(key)
    return ""  # pragma: no cover - only called when a key repeats


def _syntax_problem(exc: json.JSONDecodeError, lang: str) -> Problem:
    entry = _SYNTAX.get(exc.msg)
    detail = tr(lang, entry) if entry is not None else exc.msg
    return Problem(tr(lang, _TEXTS["syntax"], detail=detail), line=exc.lineno, column=exc.colno)


def _non_finite_problem(text: str, token: str, lang: str) -> Problem:
    # Everything before the constant parsed, so its strings are well formed and the first
    # bare occurrence outside a string literal is the one the decoder stopped on.
    message = tr(lang, _TEXTS["non_finite"], token=token)
    for match in _CONSTANT_TOKEN.finditer(text):
        if match.group(1) is not None:
            pos = match.start(1)
            line_start = text.rfind("\n", 0, pos) + 1
            return Problem(message, line=text.count("\n", 0, pos) + 1, column=pos - line_start + 1)
    return Problem(message)  # pragma: no cover - the decoder only calls back on a bare token


def _bad_number_problem(text: str, exc: _BadNumber, lang: str) -> Problem:
    # As for constants: everything before parsed, so the first number token equal to the one
    # the decoder handed over is the one it stopped on.
    digits = sum(c.isdigit() for c in exc.token)
    message = tr(lang, _TEXTS[exc.key], digits=digits, limit=MAX_NUMBER_CHARS, token=exc.token)
    for match in _NUMBER_TOKEN.finditer(text):
        if match.group(1) == exc.token:
            pos = match.start(1)
            line_start = text.rfind("\n", 0, pos) + 1
            return Problem(message, line=text.count("\n", 0, pos) + 1, column=pos - line_start + 1)
    return Problem(message)  # pragma: no cover - the decoder only hands over its own tokens


def _deeper_than_limit(text: str, root: object) -> bool:
    """Fast depth test, level by level, without building paths (the normal, valid case)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH or not isinstance(root, dict | list):
        return False
    level: list[dict[str, object] | list[object]] = [root]
    for _ in range(MAX_DEPTH):
        below: list[dict[str, object] | list[object]] = []
        for node in level:
            values = node.values() if isinstance(node, dict) else node
            below += [v for v in values if isinstance(v, dict | list)]
        if not below:
            return False
        level = below
    return True


def _structure_problem(root: object, *, lang: str) -> Problem | None:
    """Locate the first duplicate key or too-deep container in document order, with its path.

    Iterative pre-order walk (documents may be ~1000 deep); nothing deeper than MAX_DEPTH + 1
    is ever pushed, so the paths stay short. Only runs once something is known to be wrong.
    """
    if not isinstance(root, dict | list):
        return None
    stack: list[tuple[dict[str, object] | list[object], tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if len(loc) >= MAX_DEPTH:
            message = tr(lang, _TEXTS["too_deep"], limit=MAX_DEPTH)
            return Problem(message, path=json_path(loc) or None)
        if isinstance(node, _DuplicateKeys):
            key = json.dumps(node.duplicate, ensure_ascii=False)
            return Problem(tr(lang, _TEXTS["duplicate"], key=key), path=json_path(loc) or None)
        children = node.items() if isinstance(node, dict) else enumerate(node)
        pending = [(v, (*loc, k)) for k, v in children if isinstance(v, dict | list)]
        stack.extend(reversed(pending))
    return None


def read_model_file(
    path: Path, kind: type[_T], *, max_bytes: int, texts: Mapping[str, str], lang: str = "es"
) -> _T | None:
    """A small JSON object file beside the configuration (PIN, policy) validated as ``kind``
    (see ``app.domain.rules``): None when absent; every fault raises ``ConfigInvalid``."""
    document = read_json_object(path, max_bytes=max_bytes, texts=texts, lang=lang)
    return None if document is None else build_model(kind, document, lang=lang)


def read_small_file(
    path: Path, *, max_bytes: int, texts: Mapping[str, str] = _FILE_TEXTS, lang: str = "es"
) -> bytes | None:
    """The bytes of a small file through the hardened reader (regular files only, bounded):
    None when absent; unreadable or over ``max_bytes`` raises ``ConfigInvalid`` (``texts``:
    entries ``unreadable`` with ``{error}`` and ``too_big``)."""
    try:
        raw = read_regular_file(path, max_bytes)
    except OSError as exc:
        error = describe_os_error(exc, lang)
        raise ConfigInvalid([Problem(tr(lang, texts["unreadable"], error=error))]) from None
    if raw is not None and len(raw) > max_bytes:
        raise ConfigInvalid([Problem(tr(lang, texts["too_big"]))])
    return raw


def read_cache_document(path: Path, *, max_bytes: int) -> object | None:
    """A cache file's JSON value under the same rules as every other file; None for a miss
    (absent, unreadable, too big, not JSON: a cache fault only costs the work it saved)."""
    try:
        raw = read_small_file(path, max_bytes=max_bytes)
        return None if raw is None else parse_json_document(raw)
    except ConfigInvalid:
        return None


def read_json_object(
    path: Path, *, max_bytes: int, texts: Mapping[str, str], lang: str = "es"
) -> dict[str, object] | None:
    """A small JSON object file: None when absent.

    ``texts`` names the file in the messages (entries ``unreadable`` with ``{error}``,
    ``too_big`` and ``not_object``); every fault raises ``ConfigInvalid``.
    """
    raw = read_small_file(path, max_bytes=max_bytes, texts=texts, lang=lang)
    if raw is None:
        return None
    document = parse_json_document(raw, lang=lang)
    if not isinstance(document, dict):
        raise ConfigInvalid([Problem(tr(lang, texts["not_object"]))])
    return document
