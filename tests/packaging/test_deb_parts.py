"""The pieces of the Debian package that need no build: names, versions, the man page, IT's
policy check (``packaging/deb.py``). The package itself is installed in ``test_deb.py``."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from app import __version__
from app.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def deb() -> ModuleType:
    spec = importlib.util.spec_from_file_location("canales_deb", ROOT / "packaging" / "deb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libwayland-cursor.so.0", "libwayland-cursor0"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libfontconfig.so.1", "libfontconfig1"),
        ("libGL.so.1", "libgl1"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libgssapi_krb5.so.2", "libgssapi-krb5-2"),
    ],
)
def test_library_package_names(deb: ModuleType, soname: str, package: str) -> None:
    assert deb.conventional_package(soname) == package


def test_debian_versions_sort_like_the_python_ones(deb: ModuleType) -> None:
    assert deb.debian_version("1.2.3", 1) == "1.2.3-1"
    assert deb.debian_version("1.2.3rc1", 2) == "1.2.3~rc1-2"  # before 1.2.3-1 for dpkg
    assert deb.debian_version("2.0.dev4", 1) == "2.0~dev4-1"


def test_man_page_follows_the_cli(deb: ModuleType, tmp_path: Path) -> None:
    page = gzip.decompress(deb.write_manpage(__version__, tmp_path / "c.1.gz").read_bytes())
    text = page.decode("utf-8")
    assert text.startswith(".TH CANALES 1 ")
    assert f"canales {__version__}" in text
    commands = build_parser("en")._subparsers._group_actions[0].choices
    for name in commands:
        assert f'.SS "canales {name}"' in text
    for needed in ("/etc/xdg/canales/policy.json", ".SH EXIT STATUS", "CANALES_CONFIG"):
        assert needed in text
    # No line may start a roff request by accident (help text starting with "." or "'").
    lines = text.split(".SH DESCRIPTION", 1)[1].splitlines()
    assert all(not line.startswith("'") for line in lines)


def test_a_broken_policy_is_refused_at_build_time(deb: ModuleType, tmp_path: Path) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text('{"config_path": "relative/team.json", "read_only": true}', "utf-8")
    with pytest.raises(deb.DebError, match="config_path"):
        deb.checked_policy(policy)
    policy.write_text('{"config_path": "/srv/team.json", "read_only": true}', "utf-8")
    assert deb.checked_policy(policy) == policy.read_bytes()


def test_every_lintian_override_says_why(deb: ModuleType) -> None:
    """Each override has a comment above it in the package, and the README names its tag."""
    lines = deb.LINTIAN_OVERRIDES.splitlines()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for index, line in enumerate(lines):
        if not line.startswith("canales:"):
            continue
        above = [prior for prior in lines[:index] if not prior.startswith("canales:")]
        assert above and above[-1].startswith("#"), line
        assert f"`{line.split()[1]}`" in readme, line
