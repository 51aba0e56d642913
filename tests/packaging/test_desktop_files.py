"""Desktop-integration files and what build.py generates from the version: fast, no build.

The Windows and macOS parts are recipes (not built here); these tests at least keep their
inputs consistent with the one version in ``app/__init__.py``.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


@pytest.fixture(scope="module")
def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("canales_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def test_version_is_read_from_the_package(build_script: ModuleType) -> None:
    assert build_script.read_version() == __version__
    assert build_script.version_numbers("1.2.3rc1") == (1, 2, 3, 0)
    assert build_script.version_numbers("2.0") == (2, 0, 0, 0)


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(PACKAGING / "linux" / "canales.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "canales"
    assert desktop["Icon"] == "canales"
    assert desktop["Categories"] == "Office;Utility;"
    assert desktop["Comment"] and desktop["Comment[es]"]
    # The window's WM_CLASS/app-id is QApplication.desktopFileName(), set once in app/ui.
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "app" / "ui").glob("*.py"))
    wm_class = re.search(r'setDesktopFileName\("([^"]+)"\)', source)
    assert wm_class is not None
    assert desktop["StartupWMClass"] == wm_class.group(1)
    assert (ROOT / "resources" / "icons" / f"{desktop['Icon']}.svg").is_file()


def test_metainfo_release_comes_from_the_build(build_script: ModuleType, tmp_path: Path) -> None:
    target = build_script.write_metainfo(__version__, tmp_path / "canales.metainfo.xml")
    root = ET.parse(target).getroot()
    assert root.findtext("id") == "io.github.canales.Canales"
    assert root.findtext("launchable") == "canales.desktop"
    releases = root.findall("releases/release")
    assert [r.get("version") for r in releases] == [__version__]
    if shutil.which("appstreamcli"):
        result = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_windows_version_resource(build_script: ModuleType, tmp_path: Path) -> None:
    text = build_script.write_windows_version_file(__version__, tmp_path / "v.txt").read_text(
        encoding="utf-8"
    )
    ast.parse(text, mode="eval")  # PyInstaller evaluates it as one Python expression
    numbers = build_script.version_numbers(__version__)
    assert f"filevers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert text.isascii()


def test_macos_info_plist_keys_in_the_spec() -> None:
    spec = (PACKAGING / "canales.spec").read_text(encoding="utf-8")
    assert 'bundle_identifier="io.github.canales.Canales"' in spec
    assert '"LSUIElement": False' in spec
    assert '"NSHighResolutionCapable": True' in spec
    assert '"CFBundleShortVersionString": options.version' in spec
