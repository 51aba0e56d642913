"""The built executable, copied out of the checkout and run with a minimal environment.

One build per session (``built_dist`` in conftest.py), into a temporary folder so the checkout
stays clean.
The executable must work with no source tree, no virtualenv and no Python on its PATH.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import __version__
from app.resources import default_config_path

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux build and smoke test"),
]


@dataclass(frozen=True)
class Bundle:
    dist: Path  # what build.py produced
    app: Path  # the one-folder app, copied elsewhere
    home: Path

    @property
    def executable(self) -> Path:
        return self.app / "canales"

    def env(self, **extra: str) -> dict[str, str]:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen"}
        for var in ("CONFIG", "CACHE", "STATE", "DATA", "RUNTIME"):
            env[f"XDG_{var}_HOME" if var != "RUNTIME" else "XDG_RUNTIME_DIR"] = str(
                self.home / var.lower()
            )
        return {**env, **extra}

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.executable), *args],
            env=self.env(**env),
            cwd=self.home,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )


@pytest.fixture(scope="module")
def bundle(built_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    dist = built_dist
    installed = tmp_path_factory.mktemp("installed")
    app = installed / "canales"
    shutil.copytree(dist / "canales", app, symlinks=True)
    home = tmp_path_factory.mktemp("home")
    for sub in ("config", "cache", "state", "data", "runtime"):
        (home / sub).mkdir(mode=0o700)
    return Bundle(dist, app, home)


def last_json(result: subprocess.CompletedProcess[str]) -> dict:
    assert result.stdout.strip(), result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_self_test_passes_offscreen(bundle: Bundle) -> None:
    result = bundle.run("--self-test")
    report = last_json(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["ok"] is True, report
    assert report["channels"] == 5


def test_status_on_a_colombian_holiday(bundle: Bundle) -> None:
    """Proves tzdata, the holidays country module and its Spanish .mo are all bundled.
    ``PYTHONTZPATH`` hides the system's /usr/share/zoneinfo, as on Windows."""
    result = bundle.run("status", "--json", "--at", "2026-12-08T10:00", PYTHONTZPATH="/nonexistent")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["timezone"] == "America/Bogota"
    assert status["at"] == "2026-12-08T10:00:00-05:00"
    assert status["holiday"] == "La Inmaculada Concepción"
    states = {channel["id"]: channel["state"] for channel in status["channels"]}
    assert states["phone-main"] == "closed"
    assert states["phone-critical"] == "open"


def test_holiday_names_in_english(bundle: Bundle) -> None:
    result = bundle.run("status", "--json", "--at", "2026-12-08T10:00", CANALES_LANG="en")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["holiday"] == "Immaculate Conception"


def test_holiday_cache_is_keyed_by_the_bundled_package_version(bundle: Bundle) -> None:
    """``holidays_package_version()`` finds the copied ``holidays-*.dist-info``."""
    bundle.run("status", "--json")
    cached = [p.name for p in (bundle.home / "cache" / "canales" / "holidays").rglob("*.json")]
    version = importlib.metadata.version("holidays")
    assert cached
    assert all(name.startswith(f"{version}-") for name in cached), cached


def test_version(bundle: Bundle) -> None:
    result = bundle.run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"canales {__version__}"


def test_config_commands(bundle: Bundle, tmp_path: Path) -> None:
    result = bundle.run("config", "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    default = bundle.run("config", "default")
    assert default.stdout.encode("utf-8") == default_config_path().read_bytes()
    broken = tmp_path / "broken.json"
    document = json.loads(default_config_path().read_text(encoding="utf-8"))
    document["timezone"] = "Mars/Olympus_Mons"
    broken.write_text(json.dumps(document), encoding="utf-8")
    result = bundle.run("config", "validate", str(broken))
    assert result.returncode == 1
    assert "timezone" in result.stdout


def test_unused_qt_parts_are_left_out(bundle: Bundle) -> None:
    files = [p.relative_to(bundle.app).as_posix() for p in bundle.app.rglob("*")]
    unwanted = re.compile(
        r"(^|/)(lib)?(Qt6?)?(Qml|Quick|Pdf|OpenGL|VirtualKeyboard|DBus\.abi3|PrintSupport)"
        r"[^/]*$|plugins/(egldeviceintegrations|generic|xcbglintegrations|tls|sqldrivers|"
        r"qmltooling|printsupport|networkinformation)/|platforms/libq(eglfs|linuxfb|minimal|vnc)"
        r"|imageformats/libq(jpeg|gif|webp|tiff|ico|pdf)|platformthemes/libqgtk3"
    )
    assert [f for f in files if unwanted.search(f)] == []
    internal = bundle.app / "_internal" / "PySide6"
    # QtNetwork stays: the single-instance guard needs QLocalServer/QLocalSocket.
    assert (internal / "QtNetwork.abi3.so").is_file()
    assert (internal / "Qt" / "plugins" / "imageformats" / "libqsvg.so").is_file()
    assert (internal / "Qt" / "plugins" / "iconengines" / "libqsvgicon.so").is_file()
    platforms = {p.name for p in (internal / "Qt" / "plugins" / "platforms").iterdir()}
    assert platforms == {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"}
    languages = {p.stem.rsplit("_", 1)[-1] for p in (internal / "Qt" / "translations").glob("*.qm")}
    assert languages == {"es", "en"}


def test_every_kept_library_finds_its_qt_dependencies(bundle: Bundle) -> None:
    """Nothing kept links a Qt library the spec dropped. System libraries the build machine
    lacks (e.g. libxcb-icccm on a headless box) are the target desktop's to provide."""
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.origin is not None
    wheel_libs = {p.name for p in (Path(spec.origin).parent / "Qt" / "lib").iterdir()}
    internal = bundle.app / "_internal"
    env = {"LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}", "PATH": "/bin"}
    missing = []
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(
            ["ldd", str(path)], env=env, capture_output=True, text=True, check=False
        ).stdout
        for line in out.splitlines():
            name = line.strip().split(" ", 1)[0]
            if "not found" in line and (name in wheel_libs or name.startswith("libQt")):
                missing.append(f"{path.relative_to(internal)} -> {name}")
    assert missing == []


def test_no_python_source_tree_is_needed(bundle: Bundle) -> None:
    assert not (bundle.app / "_internal" / "app").exists()
    assert not list(bundle.app.rglob("*.ts"))
    assert (bundle.app / "_internal" / "resources" / "default-config.json").is_file()


def test_linux_archive(bundle: Bundle) -> None:
    archive = bundle.dist / f"canales-{__version__}-linux-{os.uname().machine}.tar.gz"
    top = f"canales-{__version__}"
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
        executable = members[f"{top}/canales/canales"]
        assert executable.mode & 0o111
        for name in (
            "share/applications/canales.desktop",
            "share/metainfo/io.github.canales.Canales.metainfo.xml",
            "share/icons/hicolor/scalable/apps/canales.svg",
        ):
            assert f"{top}/{name}" in members
        metainfo = tar.extractfile(f"{top}/share/metainfo/io.github.canales.Canales.metainfo.xml")
        assert metainfo is not None
        release = ET.parse(metainfo).getroot().find("releases/release")
    assert release is not None
    assert release.get("version") == __version__


def test_no_library_search_path_of_the_build_machine(bundle: Bundle) -> None:
    """A pyenv Python's libpython and extension modules carry ``RUNPATH /root/.pyenv/…/lib``;
    build.py drops it (on a desk it points at nothing, or at whatever someone put there)."""
    foreign = []
    for path in bundle.app.rglob("*"):
        if path.is_symlink() or not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        out = subprocess.run(
            ["readelf", "--dynamic", str(path)], capture_output=True, text=True, check=False
        ).stdout
        for value in re.findall(r"\((?:RUNPATH|RPATH)\)\s+Library r\w*path: \[([^\]]*)\]", out):
            if not all(part.startswith("$ORIGIN") for part in value.split(":") if part):
                foreign.append(f"{path.relative_to(bundle.app)}: {value}")
    assert foreign == []
