"""PySide6's import hook reads every later module's source through ``linecache`` (PYSIDE-2029);
the console's start must not keep those lines (≈1 MB of its peak memory)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROGRAM = """
import linecache, sys
if {install}:
    from app.ui.process_info import ForgetModuleSources
    ForgetModuleSources.install()
    ForgetModuleSources.install()  # once per process, however often asked
import PySide6.QtCore
import email.mime.text, json.tool, http.cookies, xml.dom.minidom
kept = [name for name in linecache.cache if len(linecache.cache[name]) > 1]
finders = sum(type(f).__name__ == "ForgetModuleSources" for f in sys.meta_path)
print(len(kept), finders)
"""


def kept_sources(install: bool) -> tuple[int, int]:
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM.format(install=install)],
        capture_output=True,
        text=True,
        check=True,
    )
    kept, finders = result.stdout.split()
    return int(kept), int(finders)


@pytest.mark.parametrize("install", [False, True])
def test_module_sources_are_dropped_at_each_import(install: bool) -> None:
    kept, finders = kept_sources(install)
    if install:
        assert kept <= 2 and finders == 1  # at most the last import's module(s)
    else:
        assert kept >= 4 and finders == 0  # what PySide6's hook leaves behind otherwise


def test_a_traceback_still_shows_source_lines() -> None:
    program = (
        "from app.ui.process_info import ForgetModuleSources\n"
        "ForgetModuleSources.install()\n"
        "import PySide6.QtCore, traceback, json\n"
        "try:\n"
        "    json.loads('{')\n"
        "except ValueError:\n"
        "    print(traceback.format_exc())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    ).stdout
    assert "self.raw_decode(" in out  # json/decoder.py's line, read from the file anew
