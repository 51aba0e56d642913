"""The Debian package, built from the one-folder app with ``dpkg-deb`` alone (no debhelper).

Layout (``packaging/build.py --deb``)::

    /opt/canales/                       the one-folder app, as PyInstaller left it
    /usr/bin/canales -> /opt/canales/canales
    /usr/share/applications/canales.desktop
    /usr/share/icons/hicolor/scalable/apps/canales.svg
    /usr/share/metainfo/io.github.canales.Canales.metainfo.xml
    /usr/share/man/man1/canales.1.gz    written from the CLI's own parser (always in step)
    /usr/share/doc/canales/{copyright,changelog.Debian.gz,policy.example.json}
    /usr/share/lintian/overrides/canales    the tags a self-contained /opt app cannot avoid
    /etc/xdg/canales/policy.json        only with ``--policy FILE``: IT's policy, a conffile

``Depends:`` is derived from the app's ELF files (see ``derive_depends``), not typed, so it
follows the PySide6 wheel; no maintainer scripts are needed (dpkg's own triggers refresh the
desktop database and icon cache).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
PACKAGE = "canales"
INSTALL_DIR = Path("/opt") / PACKAGE
POLICY_PATH = Path("/etc/xdg") / PACKAGE / "policy.json"
# Whoever builds the package for their desks names themselves the Debian way (DEBFULLNAME and
# DEBEMAIL); the default says who made the program.
MAINTAINER = (
    f"{os.environ.get('DEBFULLNAME', 'Canales developers')} "
    f"<{os.environ.get('DEBEMAIL', 'canales@example.org')}>"
)
ELF_MAGIC = b"\x7fELF"

# Folders of the bundle that hold the PySide6/shiboken6 wheels' own files: what the Qt libraries
# and plugins in them need from outside these folders is what Qt needs from the system.
WHEEL_FOLDERS = ("PySide6", "shiboken6")

# A shared object name whose Debian package does not follow the usual naming (policy 8.1:
# libfoo.so.N -> libfooN, libfoo2.so.N -> libfoo2-N) and that the build machine may lack.
SONAME_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libz.so.1": "zlib1g",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
}
GLIBC_SONAMES = {
    "libc.so.6",
    "libm.so.6",
    "libdl.so.2",
    "libpthread.so.0",
    "libresolv.so.2",
    "librt.so.1",
    "libutil.so.1",
    "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1",
}


class DebError(RuntimeError):
    """The package cannot be built as asked (a tool is missing, a library has no package…)."""


@dataclass(frozen=True)
class DebResult:
    path: Path
    depends: tuple[str, ...]
    installed_kib: int


# -- Depends ----------------------------------------------------------------------------------


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == ELF_MAGIC


def needed_sonames(elf: Path) -> set[str]:
    """The ``DT_NEEDED`` entries of one ELF file (``readelf`` comes with binutils, which
    PyInstaller's strip step needs anyway)."""
    out = subprocess.run(
        ["readelf", "--dynamic", "--wide", str(elf)],
        capture_output=True,
        text=True,
        check=False,
        env={"LC_ALL": "C", "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
    ).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def glibc_floor(elves: Iterable[Path]) -> str:
    """The newest ``GLIBC_2.x`` symbol version any file asks for: the oldest libc6 it runs on."""
    newest = (2, 17)
    for elf in elves:
        for minor in re.findall(rb"GLIBC_2\.(\d+)(?![\d.])", elf.read_bytes()):
            newest = max(newest, (2, int(minor)))
    return f"{newest[0]}.{newest[1]}"


def system_library_paths() -> dict[str, list[str]]:
    """soname -> paths, from the dynamic linker's cache (this machine's architecture only)."""
    try:
        out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    machine = os.uname().machine.replace("_", "-")  # "x86-64" as ldconfig prints it
    found: dict[str, list[str]] = {}
    for line in out.splitlines()[1:]:
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and (machine in match.group(2) or "," not in match.group(2)):
            found.setdefault(match.group(1), []).append(match.group(3))
    return found


def package_owning(path: str) -> str | None:
    """The Debian package that installed ``path`` (trying the usr-merged spellings too)."""
    real = os.path.realpath(path)
    candidates = dict.fromkeys(
        [path, real, *(p.removeprefix("/usr") for p in (path, real) if p.startswith("/usr/"))]
    )
    candidates.update(
        dict.fromkeys(f"/usr{p}" for p in list(candidates) if not p.startswith("/usr/"))
    )
    for candidate in candidates:
        result = subprocess.run(
            ["dpkg-query", "--search", candidate], capture_output=True, text=True, check=False
        )
        if result.returncode == 0 and result.stdout:
            return result.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def conventional_package(soname: str) -> str:
    """Debian policy 8.1's name for a library package: ``libxcb-icccm.so.4`` -> ``libxcb-icccm4``,
    ``libwayland-client.so.0`` -> ``libwayland-client0``, ``libdbus-1.so.3`` -> ``libdbus-1-3``."""
    if soname in SONAME_PACKAGES:
        return SONAME_PACKAGES[soname]
    match = re.fullmatch(r"(.+)\.so\.(\d+)(?:\.\d+)*", soname)
    if match is None:
        raise DebError(f"{soname}: not a versioned shared object name")
    stem, major = match.group(1).lower().replace("_", "-"), match.group(2)
    return f"{stem}-{major}" if stem[-1].isdigit() else f"{stem}{major}"


def package_exists(name: str) -> bool | None:
    """Whether the archive knows ``name`` (None when apt-cache cannot tell)."""
    if shutil.which("apt-cache") is None:
        return None
    result = subprocess.run(
        ["apt-cache", "show", "--no-all-versions", name],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 and "No packages found" not in result.stderr + result.stdout:
        return None
    return result.returncode == 0 and bool(result.stdout.strip())


def package_for(soname: str, system: dict[str, list[str]]) -> str:
    """The package that provides ``soname``: dpkg's answer when the library is installed,
    the policy name otherwise (checked against apt's lists when they are there)."""
    for path in system.get(soname, []):
        owner = package_owning(path)
        if owner is not None:
            return owner
    name = conventional_package(soname)
    if package_exists(name) is False:
        raise DebError(
            f"{soname}: no installed library and no package named {name}; "
            "add it to SONAME_PACKAGES in packaging/deb.py"
        )
    return name


def derive_depends(app: Path) -> tuple[str, ...]:
    """``Depends:`` for the one-folder app at ``app``:

    * every library that Qt (the PySide6 wheel's libraries and plugins: xcb, wayland,
      offscreen…) links and the wheel does not ship. PyInstaller copies some of them into the
      bundle from the build machine, and those copies are what runs; the packages still come
      along for the data they read (fontconfig's configuration and fonts, xkb keymaps, X11's
      compose tables) and so the line does not depend on what the build machine had;
    * every library any file of the bundle links that the bundle does not ship at all (glibc,
      libGL/libEGL, libxcb, and whatever the build machine lacked);
    * ``libc6 (>= 2.N)``, N the newest glibc symbol version the files ask for.
    """
    internal = app / "_internal"
    elves = [p for p in sorted(app.rglob("*")) if is_elf(p)]
    shipped = {p.name for p in app.rglob("*") if ".so" in p.name}
    wheel_shipped = {
        p.name
        for folder in WHEEL_FOLDERS
        for p in (internal / folder).rglob("*")
        if ".so" in p.name
    }
    wanted: set[str] = set()
    for elf in elves:
        needed = needed_sonames(elf)
        wanted |= {n for n in needed if n not in shipped}
        if elf.relative_to(app).parts[:2] in {("_internal", folder) for folder in WHEEL_FOLDERS}:
            wanted |= {n for n in needed if n not in wheel_shipped}
    system = system_library_paths()
    packages = {"libc6" if n in GLIBC_SONAMES else package_for(n, system) for n in wanted}
    packages.discard("libc6")
    return (f"libc6 (>= {glibc_floor(elves)})", *sorted(packages))


# -- search paths of the build machine ---------------------------------------------------------

DT_NULL, DT_STRTAB, DT_RPATH, DT_RUNPATH = 0, 5, 15, 29
PT_LOAD, PT_DYNAMIC = 1, 2


def _runpath_entries(data: bytes) -> tuple[int, list[tuple[int, int]], dict[int, str]] | None:
    """(offset of the dynamic table, its (tag, value) entries, {entry index: search path}) of
    a 64-bit little-endian ELF file; None for any other kind, or one without a dynamic table."""
    if data[:4] != ELF_MAGIC or data[4] != 2 or data[5] != 1:
        return None
    phoff = int.from_bytes(data[0x20:0x28], "little")
    phentsize = int.from_bytes(data[0x36:0x38], "little")
    phnum = int.from_bytes(data[0x38:0x3A], "little")
    loads, dynamic = [], None
    for i in range(phnum):
        header = data[phoff + i * phentsize : phoff + (i + 1) * phentsize]
        p_type = int.from_bytes(header[0:4], "little")
        offset, vaddr = (int.from_bytes(header[k : k + 8], "little") for k in (8, 16))
        filesz = int.from_bytes(header[32:40], "little")
        if p_type == PT_LOAD:
            loads.append((vaddr, offset, filesz))
        elif p_type == PT_DYNAMIC:
            dynamic = (offset, filesz)
    if dynamic is None:
        return None
    entries = []
    for at in range(dynamic[0], dynamic[0] + dynamic[1] - 15, 16):
        tag = int.from_bytes(data[at : at + 8], "little", signed=True)
        entries.append((tag, int.from_bytes(data[at + 8 : at + 16], "little")))
        if tag == DT_NULL:
            break
    strtab = next((value for tag, value in entries if tag == DT_STRTAB), None)
    table = next(
        (o + strtab - v for v, o, size in loads if strtab is not None and v <= strtab < v + size),
        None,
    )
    paths = {}
    for index, (tag, value) in enumerate(entries):
        if tag in (DT_RPATH, DT_RUNPATH) and table is not None:
            end = data.index(b"\0", table + value)
            paths[index] = data[table + value : end].decode("utf-8", "replace")
    return dynamic[0], entries, paths


def drop_foreign_runpaths(folder: Path) -> list[Path]:
    """Remove library search paths that name the build machine (``/root/.pyenv/.../lib``
    in a pyenv Python's ``libpython`` and extension modules) from every ELF file under
    ``folder``: on a desk they point at nothing, or at whatever someone put there. Paths
    relative to the file (``$ORIGIN``, Qt's own) stay. The entry is taken out of the dynamic
    table and the table closed with DT_NULL, as ``chrpath -d`` does. Returns the files changed."""
    changed = []
    for path in sorted(folder.rglob("*")):
        if not is_elf(path):
            continue
        data = bytearray(path.read_bytes())
        found = _runpath_entries(bytes(data))
        if found is None:
            continue
        start, entries, paths = found
        foreign = {
            index
            for index, value in paths.items()
            if not all(part.startswith("$ORIGIN") for part in value.split(":") if part)
        }
        if not foreign:
            continue
        kept = [entry for index, entry in enumerate(entries) if index not in foreign]
        kept += [(DT_NULL, 0)] * (len(entries) - len(kept))
        for i, (tag, value) in enumerate(kept):
            at = start + i * 16
            data[at : at + 8] = tag.to_bytes(8, "little", signed=True)
            data[at + 8 : at + 16] = value.to_bytes(8, "little")
        mode = path.stat().st_mode
        path.write_bytes(bytes(data))
        path.chmod(mode)
        changed.append(path)
    return changed


# -- the files around the app --------------------------------------------------------------------


def write_manpage(version: str, target: Path) -> Path:
    """``canales(1)``: the CLI's own English help (so it never falls behind the parser), with
    the files, environment and exit codes IT looks for."""
    from app.cli import build_parser  # noqa: PLC0415 - the build runs in the project's venv

    def roff(text: str) -> str:
        lines = []
        for raw in text.rstrip().splitlines():
            line = raw.replace("\\", "\\e").replace("-", "\\-")
            lines.append(f"\\&{line}" if line.startswith((".", "'")) else line)
        return "\n".join(lines)

    os.environ["COLUMNS"] = "80"  # argparse wraps to the terminal: the same page from any build
    parser = build_parser("en")
    sections = [roff(parser.format_help())]
    subparsers = getattr(parser, "_subparsers", None)
    actions = subparsers._group_actions if subparsers is not None else []
    for action in actions:
        for name, sub in sorted(getattr(action, "choices", {}).items()):
            sections.append(f'.SS "canales {name}"\n.nf\n{roff(sub.format_help())}\n.fi')
    date = time.strftime(
        "%Y-%m-%d", time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))
    )
    page = f""".TH CANALES 1 "{date}" "canales {version}" "User Commands"
.SH NAME
canales \\- help\\-desk console: which support channel is open right now
.SH SYNOPSIS
.B canales
.RI [ options ]
.br
.B canales
.I command
.RI [ options ]
.SH DESCRIPTION
Without a command,
.B canales
opens the console window; the commands below run headless (no display needed).
.PP
.nf
{sections[0]}
.fi
.SH COMMANDS
{chr(10).join(sections[1:])}
.SH FILES
.TP
.I {POLICY_PATH}
IT's managed policy: points every console at one configuration file and may lock editing.
An example is in
.IR /usr/share/doc/{PACKAGE}/policy.example.json .
.TP
.I ~/.config/canales/config.json
the user's own configuration (when no policy names another one); preferences beside it.
.TP
.I {INSTALL_DIR}/
the program.
.SH ENVIRONMENT
.TP
.B CANALES_CONFIG
configuration file to use, like
.BR \\-\\-config .
.TP
.B CANALES_LANG
.B es
or
.BR en :
the language of everything printed.
.TP
.B QT_QPA_PLATFORM
.B offscreen
runs
.B \\-\\-self\\-test
without a display.
.SH EXIT STATUS
0 success, 1 invalid configuration or failed check, 2 usage error.
"""
    with gzip.GzipFile(target, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(page.encode("utf-8"))
    return target


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: canales
Comment: Canales is a self-contained build: the program under /opt/canales carries the
 Python runtime and the libraries below; each keeps its own licence.

Files: *
Copyright: {year} Canales developers
License: proprietary
 All rights reserved. Distributed to the organisation that deploys it.

Files: opt/canales/_internal/PySide6/* opt/canales/_internal/shiboken6/*
 opt/canales/_internal/libQt6* opt/canales/_internal/libpyside6* opt/canales/_internal/libshiboken6*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
 On Debian systems the full text of the GNU Lesser General Public License
 version 3 is in /usr/share/common-licenses/LGPL-3.

Files: opt/canales/_internal/libpython3* opt/canales/_internal/base_library.zip
 opt/canales/_internal/python3*
Copyright: Python Software Foundation
License: PSF-2.0
 Python Software Foundation License Version 2, https://docs.python.org/3/license.html

Files: opt/canales/_internal/pydantic* opt/canales/_internal/holidays*
 opt/canales/_internal/platformdirs* opt/canales/_internal/truststore*
Copyright: their authors (pydantic, holidays, platformdirs, truststore)
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this
 software and associated documentation files, to deal in the Software without
 restriction, subject to the condition that the copyright notice and this permission
 notice are included in all copies or substantial portions of the Software. THE SOFTWARE
 IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.

Files: opt/canales/_internal/tzdata* opt/canales/_internal/phonenumbers*
 opt/canales/_internal/cryptography* opt/canales/_internal/vobject*
 opt/canales/_internal/dateutil*
Copyright: their authors (tzdata, phonenumbers, cryptography, vobject, python-dateutil)
License: Apache-2.0
 On Debian systems the full text of the Apache License 2.0 is in
 /usr/share/common-licenses/Apache-2.0.

Files: opt/canales/_internal/icalendar*
Copyright: Plone Foundation and icalendar contributors
License: BSD-2-Clause
 Redistribution and use in source and binary forms, with or without modification, are
 permitted provided that the copyright notice, this list of conditions and the disclaimer
 are retained. THIS SOFTWARE IS PROVIDED "AS IS" WITHOUT ANY WARRANTY.

Files: opt/canales/_internal/lib*.so*
Copyright: the authors of each Debian library copied from the build machine
License: various
 Shared libraries PyInstaller copied from the Debian build machine; their copyright and
 licence are those of the Debian package of the same name (see /usr/share/doc there).
"""

LINTIAN_OVERRIDES = """\
# Canales is a self-contained application (its own Python, Qt and libraries) in /opt/canales,
# built by PyInstaller from upstream wheels, not from Debian sources; README.md ("Debian/Ubuntu
# package") explains each of these.
# Third-party software outside the distribution's own tree goes in /opt (FHS 3.13); Debian's
# archive may not use it, an organisation's own package may.
canales: dir-or-file-in-opt [opt/canales/*]
# The app carries its own copies of the libraries PyInstaller collected (zlib, expat, freetype,
# libpng, bzip2), loaded only by it; the system's copies stay untouched.
canales: embedded-library * [opt/canales/_internal/*]
# Python extension modules resolve Python's and libc's symbols from the process that loads
# them, as every CPython extension does.
canales: library-not-linked-against-libc [opt/canales/_internal/python3*/lib-dynload/*]
canales: shared-library-lacks-prerequisites [opt/canales/_internal/*]
# Binaries as the upstream wheels and PyInstaller's bootloader build them: no -pie on the
# bootloader, no BIND_NOW, not every one built with _FORTIFY_SOURCE.
canales: hardening-no-pie [opt/canales/canales]
canales: hardening-no-bindnow [opt/canales/*]
canales: hardening-no-fortify-functions [opt/canales/*]
# Packaged for an organisation's own desks, never uploaded to Debian: no bug to close.
canales: initial-upload-closes-no-bugs [usr/share/doc/canales/changelog.Debian.gz:1]
# Upstream wheels' binaries as they ship (stripped by PyInstaller, .comment kept).
canales: binary-has-unneeded-section .comment [opt/canales/*]
# Strings inside upstream binaries (Unicode names, Qt, ICU, brotli), not our text.
canales: spelling-error-in-binary * [opt/canales/*]
# Licence files of bundled Python packages, kept beside them as their licences ask.
canales: extra-license-file [opt/canales/_internal/*]
canales: package-contains-documentation-outside-usr-share-doc [opt/canales/_internal/*]
"""


def build_year() -> str:
    return time.strftime("%Y", time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))))


def changelog(version: str, debian_version: str) -> bytes:
    stamp = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(stamp))
    text = (
        f"{PACKAGE} ({debian_version}) unstable; urgency=medium\n\n"
        f"  * Canales {version}, packaged from the one-folder build.\n\n"
        f" -- {MAINTAINER}  {date}\n"
    )
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as handle:
        handle.write(text.encode("utf-8"))
    return buffer.getvalue()


POLICY_EXAMPLE = {
    "config_path": "/srv/soporte/canales/config.json",
    "read_only": True,
    "managed_by": "Mesa de ayuda TI - ext. 1234",
}


def checked_policy(policy: Path) -> bytes:
    """IT's policy file, refused at build time if the app itself would refuse it."""
    from app.storage.policy import PolicyError, load_policy  # noqa: PLC0415

    try:
        if load_policy(policy, lang="en") is None:
            raise DebError(f"{policy}: no such file")
    except PolicyError as exc:
        raise DebError("\n".join(exc.lines())) from None
    return policy.read_bytes()


# -- the package ---------------------------------------------------------------------------------


def debian_architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def debian_version(version: str, revision: int) -> str:
    """``1.2.3rc1`` -> ``1.2.3~rc1-1``: a pre-release sorts before its release, as in PEP 440."""
    upstream = re.sub(r"(?<=\d)\.?(a|b|rc|dev)(?=\d|$)", r"~\1", version)
    return f"{upstream}-{revision}"


def _normalise_modes(root: Path, executables: set[Path]) -> None:
    """Directories 0755, the executable 0755, every other file 0644 (shared objects load
    without the execute bit; lintian and policy want them 0644)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path in executables else 0o644)


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] == "DEBIAN" or path.is_symlink() or not path.is_file():
            continue
        lines.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel.as_posix()}")
    return "\n".join(lines) + "\n"


def _installed_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if path.relative_to(root).parts[0] == "DEBIAN":
            continue
        total += 1 if path.is_symlink() or path.is_dir() else (path.stat().st_size + 1023) // 1024
    return total


def build_deb(
    *,
    app: Path,
    version: str,
    staging: Path,
    out_dir: Path,
    desktop_file: Path,
    metainfo_file: Path,
    icon_svg: Path,
    policy: Path | None = None,
    revision: int = 1,
    compression: str = "xz",
) -> DebResult:
    """Lay the package out in ``staging`` and build ``out_dir/canales_<ver>_<arch>.deb``."""
    for tool in ("dpkg-deb", "dpkg-query", "readelf"):
        if shutil.which(tool) is None:
            raise DebError(f"{tool} is needed to build the .deb (apt-get install dpkg binutils)")
    if not (app / PACKAGE).is_file():
        raise DebError(f"{app / PACKAGE}: no one-folder build there")
    policy_bytes = checked_policy(policy) if policy is not None else None
    shutil.rmtree(staging, ignore_errors=True)
    opt = staging / INSTALL_DIR.relative_to("/")
    opt.parent.mkdir(parents=True)
    shutil.copytree(app, opt, symlinks=True)
    share = staging / "usr" / "share"
    placed = {
        share / "applications" / "canales.desktop": desktop_file.read_bytes(),
        share / "icons" / "hicolor" / "scalable" / "apps" / "canales.svg": icon_svg.read_bytes(),
        share / "metainfo" / metainfo_file.name: metainfo_file.read_bytes(),
        share / "doc" / PACKAGE / "copyright": COPYRIGHT.replace("{year}", build_year()).encode(),
        share / "doc" / PACKAGE / "changelog.Debian.gz": changelog(
            version, debian_version(version, revision)
        ),
        share / "doc" / PACKAGE / "policy.example.json": (
            json.dumps(POLICY_EXAMPLE, indent=2, ensure_ascii=False) + "\n"
        ).encode("utf-8"),
        share / "lintian" / "overrides" / PACKAGE: LINTIAN_OVERRIDES.encode("utf-8"),
    }
    if policy_bytes is not None:
        placed[staging / POLICY_PATH.relative_to("/")] = policy_bytes
    for target, data in placed.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (share / "man" / "man1").mkdir(parents=True)
    write_manpage(version, share / "man" / "man1" / "canales.1.gz")
    bin_link = staging / "usr" / "bin" / PACKAGE
    bin_link.parent.mkdir(parents=True)
    bin_link.symlink_to(INSTALL_DIR / PACKAGE)
    drop_foreign_runpaths(opt)  # already done by build.py; a --bundle from elsewhere may not be
    _normalise_modes(staging, {opt / PACKAGE})

    depends = derive_depends(opt)
    control_dir = staging / "DEBIAN"
    control_dir.mkdir()
    installed_kib = _installed_kib(staging)
    arch = debian_architecture()
    deb_version = debian_version(version, revision)
    control = {
        "Package": PACKAGE,
        "Version": deb_version,
        "Architecture": arch,
        "Maintainer": MAINTAINER,
        "Installed-Size": str(installed_kib),
        "Depends": ", ".join(depends),
        "Section": "utils",
        "Priority": "optional",
        "Description": (
            "help-desk console: which support channel is open right now\n"
            " Canales shows, live, which support channel is open on the support centre's\n"
            " clock (with public holidays), when that changes, the escalation ladder, and\n"
            " copies any phone number or email in one click. Supervisors keep the contacts\n"
            " current; IT may point every console at one shared file and lock editing with\n"
            f" {POLICY_PATH}.\n"
            " .\n"
            " Self-contained: the program in /opt/canales carries its own Python and Qt."
        ),
    }
    (control_dir / "control").write_text(
        "".join(f"{key}: {value}\n" for key, value in control.items()), encoding="utf-8"
    )
    if policy_bytes is not None:
        (control_dir / "conffiles").write_text(f"{POLICY_PATH}\n", encoding="utf-8")
    (control_dir / "md5sums").write_text(_md5sums(staging), encoding="utf-8")
    for path in control_dir.iterdir():
        path.chmod(0o644)
    control_dir.chmod(0o755)

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{deb_version}_{arch}.deb"
    subprocess.run(
        [
            "dpkg-deb",
            "--root-owner-group",
            f"-Z{compression}",
            *(["-z3"] if compression == "xz" else []),  # 0.8x the .tar.gz, in a third of -z6's time
            "--build",
            str(staging),
            str(target),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return DebResult(target, depends, installed_kib)
