"""Build the Canales executable: ``python packaging/build.py``.

Leaves the one-folder app at ``dist/canales/`` (executable ``dist/canales/canales``, or
``canales.exe`` on Windows) and, on Linux, ``dist/canales-<version>-linux-<arch>.tar.gz`` with
the app plus its ``.desktop`` entry, AppStream metainfo and SVG icon. The version is read from
``app/__init__.py`` and written from here into everything that carries one (Windows version
resource, metainfo release, macOS Info.plist), so it is never typed twice.

``--deb`` also builds ``dist/canales_<version>-1_<arch>.deb`` (``packaging/deb.py``: files under
``/opt/canales``, ``/usr/bin/canales``, desktop entry, icon, metainfo, man page; ``Depends:``
derived from the bundle); ``--policy FILE`` puts IT's policy in it as the conffile
``/etc/xdg/canales/policy.json``; ``--bundle DIR`` packages an existing one-folder build instead
of running PyInstaller again.

``--onefile`` builds a single self-unpacking file instead (it starts several times slower: it
unpacks on every start). ``--dist``/``--work`` build elsewhere (the tests keep the checkout
clean); ``--entry``/``--name``/``--bare`` reuse the same spec settings for another script
(the benchmark's bare PySide6 window).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "canales.spec"
ICON_SVG = ROOT / "resources" / "icons" / "canales.svg"
DESKTOP_FILE = PACKAGING / "linux" / "canales.desktop"
METAINFO_FILE = PACKAGING / "linux" / "io.github.canales.Canales.metainfo.xml"
APP_NAME = "canales"


@dataclass(frozen=True)
class Build:
    """Where one build puts its results."""

    name: str
    version: str
    dist: Path
    work: Path
    onefile: bool

    @property
    def executable(self) -> Path:
        suffix = ".exe" if sys.platform == "win32" else ""
        if self.onefile:
            return self.dist / f"{self.name}{suffix}"
        return self.dist / self.name / f"{self.name}{suffix}"

    @property
    def archive(self) -> Path:
        return self.dist / f"{self.name}-{self.version}-linux-{platform.machine()}.tar.gz"


def read_version() -> str:
    """``__version__`` from ``app/__init__.py``, the one place the version is written."""
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if found is None:
        raise SystemExit("app/__init__.py has no __version__")
    return found.group(1)


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """Windows wants four integers: ``1.2.3rc1`` -> (1, 2, 3, 0)."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+", maxsplit=1)[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def write_windows_version_file(version: str, target: Path) -> Path:
    """The ``VSVersionInfo`` text PyInstaller turns into the .exe's version resource."""
    numbers = version_numbers(version)
    strings = {
        "CompanyName": "Canales developers",
        "FileDescription": "Canales - help-desk console",
        "FileVersion": version,
        "InternalName": APP_NAME,
        "LegalCopyright": "Canales developers",
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": "Canales",
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    target.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
""",
        encoding="utf-8",
    )
    return target


def write_metainfo(version: str, target: Path) -> Path:
    """The AppStream file with this build's release; the source file carries none."""
    tree = ET.parse(METAINFO_FILE)
    component = tree.getroot()
    for old in component.findall("releases"):
        component.remove(old)
    releases = ET.SubElement(component, "releases")
    stamp = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    ET.SubElement(
        releases, "release", version=version, date=time.strftime("%Y-%m-%d", time.gmtime(stamp))
    )
    ET.indent(tree, space="  ")
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return target


def render_icon(svg: Path, target: Path, size: int = 256) -> Path:
    """``.ico``/``.icns`` from the one SVG icon, with Qt's own image writers (no Pillow)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt only for Windows/macOS builds, so a Linux build never starts a QGuiApplication.
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # image plugins need it
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    writer = QImageWriter(str(target), target.suffix.lstrip(".").encode())
    if not writer.write(image):
        raise SystemExit(f"could not write {target}: {writer.errorString()}")
    del app
    return target


def run_pyinstaller(build: Build, entry: Path, *, bare: bool) -> None:
    spec_args = ["--entry", str(entry), "--name", build.name, "--version", build.version]
    if build.onefile:
        spec_args.append("--onefile")
    if bare:
        spec_args.append("--bare")
    build.work.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32" and not bare:
        version_file = write_windows_version_file(build.version, build.work / "version_info.txt")
        spec_args += ["--version-file", str(version_file)]
        spec_args += ["--icon", str(render_icon(ICON_SVG, build.work / "canales.ico"))]
    elif sys.platform == "darwin" and not bare:
        spec_args += ["--icon", str(render_icon(ICON_SVG, build.work / "canales.icns", 512))]
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(build.dist),
        "--workpath",
        str(build.work / build.name),  # the app and the bare window share one spec name
        "--",
        *spec_args,
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def write_linux_archive(build: Build) -> Path:
    """The one-folder app plus desktop integration files, laid out like ``/usr`` or
    ``~/.local``: ``canales/`` (the app) and ``share/{applications,metainfo,icons}``."""
    top = f"{build.name}-{build.version}"
    staging = build.work / "share"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    metainfo = write_metainfo(build.version, staging / METAINFO_FILE.name)
    with tarfile.open(build.archive, "w:gz", compresslevel=6) as archive:
        archive.add(build.dist / build.name, arcname=f"{top}/{build.name}")
        archive.add(DESKTOP_FILE, arcname=f"{top}/share/applications/{DESKTOP_FILE.name}")
        archive.add(metainfo, arcname=f"{top}/share/metainfo/{METAINFO_FILE.name}")
        archive.add(ICON_SVG, arcname=f"{top}/share/icons/hicolor/scalable/apps/canales.svg")
    return build.archive


def drop_foreign_runpaths(app_dir: Path) -> None:
    """No library search path of the build machine in the app (``packaging/deb.py``)."""
    sys.path.insert(0, str(PACKAGING))
    import deb  # noqa: PLC0415

    for path in deb.drop_foreign_runpaths(app_dir):
        print(f"  dropped the build machine's library search path from {path.name}")


def write_deb(
    build: Build, app_dir: Path, policy: Path | None, revision: int, compression: str = "xz"
) -> Path:
    """The Debian package of the one-folder app (``packaging/deb.py``)."""
    sys.path.insert(0, str(ROOT))  # the man page and the policy check use the app's own code
    sys.path.insert(0, str(PACKAGING))
    import deb  # noqa: PLC0415

    staging = build.work / "deb-root"
    build.work.mkdir(parents=True, exist_ok=True)
    metainfo = write_metainfo(build.version, build.work / METAINFO_FILE.name)
    try:
        result = deb.build_deb(
            app=app_dir,
            version=build.version,
            staging=staging,
            out_dir=build.dist,
            desktop_file=DESKTOP_FILE,
            metainfo_file=metainfo,
            icon_svg=ICON_SVG,
            policy=policy.resolve() if policy else None,
            revision=revision,
            compression=compression,
        )
    except deb.DebError as exc:
        raise SystemExit(f"--deb: {exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"  Depends: {', '.join(result.depends)}")
    return result.path


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--onefile", action="store_true", help="one self-unpacking file")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    parser.add_argument("--entry", type=Path, default=PACKAGING / "canales_entry.py")
    parser.add_argument("--name", default=APP_NAME)
    parser.add_argument("--bare", action="store_true", help="no app payload (benchmark)")
    parser.add_argument("--no-archive", action="store_true", help="skip the Linux .tar.gz")
    parser.add_argument("--deb", action="store_true", help="also build the Debian package")
    parser.add_argument(
        "--bundle", type=Path, help="with --deb: package this one-folder build, no PyInstaller"
    )
    parser.add_argument(
        "--policy", type=Path, help="with --deb: IT's policy.json, installed as a conffile"
    )
    parser.add_argument("--revision", type=int, default=1, help="with --deb: Debian revision")
    parser.add_argument(
        "--deb-compression",
        choices=("xz", "none"),
        default="xz",
        help="with --deb: none is quicker, for local tests (lintian wants xz)",
    )
    args = parser.parse_args(argv)
    if (args.bundle or args.policy) and not args.deb:
        parser.error("--bundle and --policy go with --deb")
    if args.deb and (args.onefile or args.bare or not sys.platform.startswith("linux")):
        parser.error("--deb packages the Linux one-folder app")
    build = Build(args.name, read_version(), args.dist.resolve(), args.work.resolve(), args.onefile)
    started = time.perf_counter()
    app_dir = build.dist / build.name
    if args.bundle is None:
        run_pyinstaller(build, args.entry.resolve(), bare=args.bare)
        if not build.executable.is_file():
            raise SystemExit(f"PyInstaller finished but {build.executable} is missing")
        if sys.platform.startswith("linux") and not args.onefile:
            drop_foreign_runpaths(app_dir)
        made = [build.executable]
        if sys.platform.startswith("linux") and not (args.onefile or args.bare or args.no_archive):
            made.append(write_linux_archive(build))
    else:
        app_dir = args.bundle.resolve()
        made = [app_dir / APP_NAME]
    if args.deb:
        made.append(write_deb(build, app_dir, args.policy, args.revision, args.deb_compression))
    size = build.executable.stat().st_size if args.onefile else folder_size(app_dir)
    print(f"built {build.name} {build.version} in {time.perf_counter() - started:.0f} s")
    print(f"  {made[0]} ({size / 2**20:.1f} MB{'' if args.onefile else ' folder'})")
    for extra in made[1:]:
        print(f"  {extra} ({extra.stat().st_size / 2**20:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
