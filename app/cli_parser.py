"""argparse in the CLI's language: its own words (usage, sections, the help option, errors)
come from the phrase catalog, like every other word the CLI prints.

argparse words those through ``gettext`` with the process-wide domain; Canales chooses its
language from ``CANALES_LANG`` instead, so the parser is told its language explicitly and
translates argparse's few fixed English messages itself.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from app.domain.texts import N_, tr

# argparse's own messages (CPython 3.11–3.13), and how to say each in the catalog.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"the following arguments are required: (?P<args>.+)"),
        N_("these arguments are missing: {args}"),
    ),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"), N_("unknown arguments: {args}")),
    (
        re.compile(
            r"argument (?P<name>\S+): invalid choice: (?P<value>.+?) "
            r"\(choose from (?P<choices>.+)\)"
        ),
        N_("{name}: unknown choice {value} (choose from {choices})"),
    ),
    (
        re.compile(r"argument (?P<name>\S+): not allowed with argument (?P<other>\S+)"),
        N_("{name} cannot be used together with {other}"),
    ),
    (
        re.compile(r"argument (?P<name>\S+): expected one argument"),
        N_("{name}: a value is expected"),
    ),
    (
        re.compile(r"argument (?P<name>\S+): ignored explicit argument (?P<value>.+)"),
        N_("{name}: takes no value ({value})"),
    ),
)


_ARGUMENT = re.compile(r"argument (?P<name>\S+): (?P<message>.+)", re.DOTALL)


AT_HELP = N_(
    "an ISO 8601 moment, e.g. 2026-12-08T10:00 (without an offset it is read on the "
    "support centre's clock)"
)


def add_at_option(parser: argparse.ArgumentParser, lang: str, help_msgid: str = AT_HELP) -> None:
    """``--at DATE_TIME``: the moment a command answers for instead of now (``status``,
    ``reply``, ``coverage``); ``cli_commands.parse_at`` reads it. ``help_msgid`` is a catalog
    phrase, for a command that uses the moment differently."""
    parser.add_argument("--at", metavar=tr(lang, "DATE_TIME"), help=tr(lang, help_msgid))


class LocalisedFormatter(argparse.RawDescriptionHelpFormatter):
    """Help text with the usage prefix in the parser's language; descriptions keep their
    line breaks, so examples stay one per line."""

    lang = "es"

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        if prefix is None:  # "" is argparse naming a sub-command: no prefix then
            prefix = tr(self.lang, "usage: ")
        super().add_usage(usage, actions, groups, prefix)


def formatter_for(lang: str) -> type[LocalisedFormatter]:
    return type("Formatter", (LocalisedFormatter,), {"lang": lang})


class LocalisedParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose fixed words and errors are in ``lang``."""

    def __init__(self, *args: Any, lang: str, **kwargs: Any) -> None:
        self.lang = lang
        kwargs.setdefault("formatter_class", formatter_for(lang))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = tr(lang, "arguments")
        self._optionals.title = tr(lang, "options")
        self.add_argument("-h", "--help", action="help", help=tr(lang, "show this help and exit"))

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", _child_parser(self.lang))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        word = tr(self.lang, "error")
        self.exit(2, f"{self.prog}: {word}: {self.translate(message)}\n")

    def translate(self, message: str) -> str:
        for pattern, phrase in _ERRORS:
            found = pattern.fullmatch(message)
            if found:
                return tr(self.lang, phrase, **found.groupdict())
        # a value refused by its type (``--config http://…``): its own message is translated
        found = _ARGUMENT.fullmatch(message)
        return f"{found['name']}: {found['message']}" if found else message


def _child_parser(lang: str) -> Callable[..., LocalisedParser]:
    def make(*args: Any, **kwargs: Any) -> LocalisedParser:
        return LocalisedParser(*args, lang=lang, **kwargs)

    return make
