"""The Debian package, installed for real on this machine with ``apt-get``, as IT would.

Needs root and apt (CI runs as root on Debian 12). The package is built from the session's
one-folder build (``packaging/build.py --deb --bundle``, no second PyInstaller run) with a test
policy inside, so the policy is a conffile: IT's copy on a desk survives upgrades and
``apt-get remove``; ``apt-get purge`` removes it. Both are tested, in that order.

The machine is left as found: the package is purged at the end even when a test fails, and a
policy already in ``/etc/xdg/canales`` is put aside and restored. The libraries ``Depends:``
names stay installed (what a bare Ubuntu gets from ``apt install ./canales_*.deb``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import __version__
from app.resources import default_config_path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "canales"
POLICY = Path("/etc/xdg/canales/policy.json")
# Everything the package puts outside /etc, and the folders around it, watched for leftovers.
WATCHED = (
    Path("/opt/canales"),
    Path("/usr/bin/canales"),
    Path("/usr/share/applications"),
    Path("/usr/share/icons/hicolor/scalable/apps"),
    Path("/usr/share/metainfo"),
    Path("/usr/share/man/man1/canales.1.gz"),
    Path("/usr/share/doc/canales"),
    Path("/usr/share/lintian/overrides/canales"),
    Path("/etc/xdg/canales"),
)
APT_ENV = {
    "DEBIAN_FRONTEND": "noninteractive",
    "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
    "LC_ALL": "C",
}
TIMEOUT_S = 900

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Debian package"),
    pytest.mark.skipif(
        not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")),
        reason="installs a package: needs root and apt-get (CI has both)",
    ),
]


def run(*command: str | Path, check: bool = True, **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(c) for c in command],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,  # a dpkg conffile question would fail, not hang
        timeout=TIMEOUT_S,
        check=False,
        **kwargs,
    )
    if check and result.returncode != 0:
        pytest.fail(f"{command} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def apt(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run("apt-get", "-y", "-q", *args, env=APT_ENV, check=check)


def package_state() -> str:
    """``installed``, ``config-files`` (removed, conffiles kept) or ``absent``."""
    result = run("dpkg-query", "-W", "-f=${Status}", PACKAGE, check=False)
    status = result.stdout.split()
    return (
        status[-1]
        if result.returncode == 0 and status and status[-1] != "not-installed"
        else ("absent")
    )


def listing() -> dict[str, str]:
    """Every path under the watched places, with what it is (file digest, link target)."""
    seen: dict[str, str] = {}
    for top in WATCHED:
        paths = [top, *top.rglob("*")] if top.is_dir() and not top.is_symlink() else [top]
        for path in paths:
            if path.is_symlink():
                seen[str(path)] = f"-> {os.readlink(path)}"
            elif path.is_file():
                seen[str(path)] = f"file {path.stat().st_size}"
            elif path.is_dir():
                seen[str(path)] = "dir"
    return seen


def changed_since(before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    """What is new or different in ``after`` (and not installed by another package: the
    libraries apt brought for ``Depends:`` may add files of their own), or gone from it."""
    changed = {path: kind for path, kind in after.items() if before.get(path) != kind}
    changed |= {path: "gone" for path in before if path not in after}
    for path in list(changed):
        owner = run("dpkg-query", "--search", path, check=False)
        owners = {o.strip() for o in owner.stdout.split(":", 1)[0].split(",") if o.strip()}
        if owner.returncode == 0 and owners and PACKAGE not in owners:
            del changed[path]
    return changed


@dataclass(frozen=True)
class Desk:
    """One agent's desk: a HOME of its own, IT's team file and the packages built for it."""

    home: Path
    team_file: Path
    deb: Path  # revision 1
    deb_upgrade: Path  # revision 2, same policy
    policy_text: str
    before: dict[str, str]

    def env(self, **extra: str) -> dict[str, str]:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen"}
        env.update(
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_STATE_HOME=str(self.home / ".local" / "state"),
            XDG_RUNTIME_DIR=str(self.home / "runtime"),
        )
        return {**env, **extra}

    def canales(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        """``canales`` found on a clean PATH, as a user's shell would."""
        return run("canales", *args, env=self.env(**env), cwd=self.home, check=False)

    @property
    def user_files(self) -> dict[str, bytes]:
        folder = self.home / ".config" / "canales"
        return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def build_deb(dist: Path, out: Path, work: Path, policy: Path, revision: int) -> Path:
    """Revision 1 as released (xz, what lintian checks); the upgrade uncompressed (quicker)."""
    run(
        sys.executable,
        "packaging/build.py",
        "--deb",
        "--bundle",
        dist / "canales",
        "--dist",
        out,
        "--work",
        work,
        "--policy",
        policy,
        "--revision",
        str(revision),
        "--deb-compression",
        "xz" if revision == 1 else "none",
        cwd=ROOT,
    )
    (deb,) = out.glob(f"canales_*-{revision}_*.deb")
    return deb


@pytest.fixture(scope="module")
def desk(built_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    if package_state() != "absent":
        pytest.skip("a canales package is already on this machine; not touching it")
    scratch = tmp_path_factory.mktemp("deb")
    # IT's team file: the default configuration with one channel renamed, so that every
    # command below shows which file it read.
    team = scratch / "team" / "config.json"
    team.parent.mkdir()
    document = json.loads(default_config_path().read_text(encoding="utf-8"))
    document["channels"][2]["name"] = "Correo del equipo (archivo de TI)"
    team.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    policy_text = json.dumps(
        {"config_path": str(team), "read_only": True, "managed_by": "Mesa de ayuda TI - prueba"},
        ensure_ascii=False,
    )
    policy = scratch / "policy.json"
    policy.write_text(policy_text, encoding="utf-8")
    deb = build_deb(built_dist, scratch / "out", scratch / "work", policy, 1)
    deb_upgrade = build_deb(built_dist, scratch / "out", scratch / "work", policy, 2)

    home = scratch / "home"
    for sub in (".config/canales", ".cache", ".local/state", "runtime"):
        (home / sub).mkdir(parents=True, mode=0o700)
    # The agent's own files, which no package operation may touch.
    (home / ".config" / "canales" / "config.json").write_bytes(default_config_path().read_bytes())
    (home / ".config" / "canales" / "preferences.json").write_text(
        '{"language": "es", "always_on_top": true}', encoding="utf-8"
    )

    aside = scratch / "policy-found-here.json"
    if POLICY.exists() or POLICY.is_symlink():
        shutil.move(POLICY, aside)
    before = listing()
    try:
        installed = apt("install", deb, check=False)
        if installed.returncode != 0:  # the package lists may be missing or stale
            apt("update")
            apt("install", deb)
        yield Desk(home, team, deb, deb_upgrade, policy_text, before)
    finally:
        if package_state() != "absent":
            run("dpkg", "--purge", PACKAGE, env=APT_ENV, check=False)
        if aside.exists() or aside.is_symlink():
            POLICY.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(aside, POLICY)


def test_lintian_is_clean(desk: Desk) -> None:
    """No error or warning, pedantic and info tags shown too; each override in the package
    (``usr/share/lintian/overrides/canales``) is explained there and in the README."""
    if shutil.which("lintian") is None:
        pytest.fail("lintian is missing (.ci/run installs it)")
    result = run("lintian", "--pedantic", "--display-info", "--fail-on", "error,warning", desk.deb)
    tags = [
        line
        for line in result.stdout.splitlines()
        if line[:2] in {"E:", "W:", "I:", "P:"} and not _unused_override(line)
    ]
    assert tags == [], result.stdout


def _unused_override(line: str) -> bool:
    """An override this build did not need: which extension modules a bundle carries, and how
    they are linked, follow the Python that built it (pyenv's or Debian's), so an override
    written for one may find nothing to silence in the other. Not a hint about the package."""
    return line.startswith("I: canales: unused-override ")


def test_files_are_in_their_system_places(desk: Desk) -> None:
    assert package_state() == "installed"
    owned = set(run("dpkg", "-L", PACKAGE).stdout.split())
    for path in (
        "/opt/canales/canales",
        "/usr/bin/canales",
        "/usr/share/applications/canales.desktop",
        "/usr/share/icons/hicolor/scalable/apps/canales.svg",
        "/usr/share/metainfo/io.github.canales.Canales.metainfo.xml",
        "/usr/share/man/man1/canales.1.gz",
        "/usr/share/doc/canales/copyright",
        "/etc/xdg/canales/policy.json",
    ):
        assert path in owned, path
    assert os.readlink("/usr/bin/canales") == "/opt/canales/canales"
    assert os.access("/opt/canales/canales", os.X_OK)
    conffiles = run("dpkg-query", "-W", "-f=${Conffiles}", PACKAGE).stdout
    assert str(POLICY) in conffiles
    assert POLICY.read_text(encoding="utf-8") == desk.policy_text


def test_depends_brings_every_library_the_app_links(desk: Desk) -> None:
    """After ``apt-get install``, every ELF file of the app finds every library it links (the
    xcb and wayland platform plugins included), from the bundle or from the system."""
    internal = Path("/opt/canales/_internal")
    env = {"LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}", "PATH": "/bin"}
    missing = []
    for path in Path("/opt/canales").rglob("*"):
        if path.is_symlink() or not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        out = run("ldd", path, env=env, check=False).stdout
        missing += [f"{path}: {line.strip()}" for line in out.splitlines() if "not found" in line]
    assert missing == []
    depends = run("dpkg-query", "-W", "-f=${Depends}", PACKAGE).stdout
    for package in ("libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libxcb-keysyms1"):
        assert package in depends
    assert "libc6 (>= 2." in depends


def test_self_test_from_usr_bin_with_a_clean_path(desk: Desk) -> None:
    result = desk.canales("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] is True
    assert report["channels"] == 5
    version = desk.canales("--version")
    assert version.stdout.strip() == f"canales {__version__}"


def test_status_json_reads_the_managed_file(desk: Desk) -> None:
    result = desk.canales("status", "--json", "--at", "2026-12-08T10:00", CANALES_LANG="es")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["holiday"] == "La Inmaculada Concepción"
    names = {channel["id"]: channel["name"] for channel in status["channels"]}
    assert names["email"] == "Correo del equipo (archivo de TI)"


@pytest.mark.parametrize(
    "session_dirs", [None, "/etc/xdg/xdg-ubuntu:/etc/xdg", "/usr/share/ubuntu:/nonexistent"]
)
def test_policy_points_at_the_team_file_and_locks_editing(
    desk: Desk, tmp_path: Path, session_dirs: str | None
) -> None:
    """Also under an Ubuntu desktop session's XDG_CONFIG_DIRS, and one that leaves /etc/xdg
    out: an environment variable does not take IT's lock away."""
    extra = {"XDG_CONFIG_DIRS": session_dirs} if session_dirs else {}
    where = desk.canales("config", "path", **extra)
    assert where.returncode == 0, where.stderr
    assert where.stdout.splitlines()[0] == str(desk.team_file)
    before = desk.team_file.read_bytes()
    other = tmp_path / "other.json"
    other.write_bytes(default_config_path().read_bytes())
    refused = desk.canales("config", "import", str(other), CANALES_LANG="en", **extra)
    assert refused.returncode == 1
    assert "Mesa de ayuda TI - prueba" in refused.stdout + refused.stderr
    assert desk.team_file.read_bytes() == before


def test_remove_upgrade_reinstall_and_purge(desk: Desk) -> None:
    """IT's copy of the policy survives an upgrade and ``apt-get remove``; the agent's own
    files survive everything; ``remove`` leaves nothing else behind, ``purge`` nothing at all."""
    user_files = desk.user_files
    # IT changes the policy on this desk; an upgrade (same shipped policy) must keep it.
    edited = desk.policy_text.replace("Mesa de ayuda TI - prueba", "TI de la sede norte")
    POLICY.write_text(edited, encoding="utf-8")
    apt("install", desk.deb_upgrade)
    assert run("dpkg-query", "-W", "-f=${Version}", PACKAGE).stdout.endswith("-2")
    assert POLICY.read_text(encoding="utf-8") == edited

    apt("remove", PACKAGE)
    assert package_state() == "config-files"
    after_remove = listing()
    expected = {str(POLICY): f"file {len(edited.encode('utf-8'))}"}
    if str(POLICY.parent) not in desk.before:
        expected[str(POLICY.parent)] = "dir"
    assert changed_since(desk.before, after_remove) == expected
    assert POLICY.read_text(encoding="utf-8") == edited
    assert desk.user_files == user_files

    apt("install", desk.deb_upgrade)
    assert package_state() == "installed"
    assert POLICY.read_text(encoding="utf-8") == edited  # reinstall keeps IT's copy too
    assert desk.user_files == user_files
    where = desk.canales("config", "path")
    assert where.stdout.splitlines()[0] == str(desk.team_file)
    # The agent's own file is still theirs to use by name.
    own = desk.canales(
        "status", "--json", CANALES_CONFIG=str(desk.home / ".config" / "canales" / "config.json")
    )
    assert own.returncode == 0, own.stderr
    assert {c["id"]: c["name"] for c in json.loads(own.stdout)["channels"]}["email"] == (
        "Correo de soporte"
    )

    apt("purge", PACKAGE)
    assert package_state() == "absent"
    assert run("dpkg", "-L", PACKAGE, check=False).returncode != 0
    assert changed_since(desk.before, listing()) == {}
    assert desk.user_files == user_files
