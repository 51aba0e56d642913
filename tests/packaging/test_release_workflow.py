"""The release workflow and the installers it builds, checked without the hosted runners that
would run them (this machine has none): the workflow against GitHub's schema, its actions
pinned, and the places the Windows installer and the README name for IT's policy against
what the app itself asks platformdirs for. Fast: nothing is built here."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from platformdirs import windows as windows_module
from platformdirs.macos import MacOS
from platformdirs.unix import Unix
from platformdirs.windows import Windows

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
INNO = ROOT / "packaging" / "windows" / "canales.iss"


def workflow_text() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


def test_workflow_matches_githubs_schema_offline() -> None:
    """check-jsonschema's vendored copy of the workflow schema; proxies pointing at a closed
    port make any attempt to reach the network fail, so a pass proves it stayed offline."""
    tool = Path(sys.executable).with_name("check-jsonschema")
    command = [str(tool)] if tool.exists() else [shutil.which("check-jsonschema") or "missing"]
    closed = "http://127.0.0.1:9"
    env = {**os.environ, "HTTP_PROXY": closed, "HTTPS_PROXY": closed, "NO_PROXY": ""}
    result = subprocess.run(
        [*command, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "release.yml"
    broken.write_text(workflow_text().replace("runs-on:", "runs_on:"), encoding="utf-8")
    tool = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [str(tool), "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1


def test_every_action_is_pinned_to_a_commit_with_its_release_named() -> None:
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", workflow_text(), re.MULTILINE)
    assert {ref.split("@")[0] for ref, _ in uses} == {
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-artifact",
    }
    for ref, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref
        assert re.fullmatch(r"\s*# v\d+\.\d+\.\d+", comment), f"{ref}: {comment!r}"


def test_workflow_builds_checks_and_uploads_on_three_systems() -> None:
    text = workflow_text()
    runners = re.findall(r"^\s*- os: (\S+)", text, re.MULTILINE)
    assert [r.split("-")[0] for r in runners] == ["ubuntu", "windows", "macos"]
    assert "secrets." not in text  # runs on a fork or a fresh repository as it is
    assert "permissions:\n  contents: read" in text
    for needed in (
        "QT_QPA_PLATFORM: offscreen",
        "--self-test",
        "status --json",
        "python packaging/build.py --deb",
        "lintian --fail-on error,warning",
        "apt-get install -y ./dist/canales_*.deb",
        "packaging\\windows\\canales.iss",
        "'/VERYSILENT'",
        '"/POLICY=',
        "ditto -c -k --sequesterRsrc --keepParent dist/Canales.app",
        "if-no-files-found: error",
    ):
        assert needed in text, needed


def test_inno_setup_installs_per_machine_and_leaves_its_policy_and_user_data() -> None:
    iss = INNO.read_text(encoding="utf-8")
    assert "PrivilegesRequired=admin" in iss
    assert r"DefaultDirName={autopf}\{#AppName}" in iss
    assert 'Name: "{autoprograms}\\{#AppName}"' in iss
    policy_line = next(line for line in iss.splitlines() if 'DestName: "policy.json"' in line)
    assert r'DestDir: "{commonappdata}\canales"' in policy_line
    following = iss[iss.index(policy_line) :].splitlines()[1]
    assert "uninsneveruninstall" in following and "Check: PolicyGiven" in following
    assert "{param:POLICY|}" in iss
    # The uninstaller removes only what [Files] put in {app}: no [UninstallDelete] reaching
    # into anyone's profile.
    assert "[UninstallDelete]" not in iss
    assert "{userappdata}" not in iss and "{localappdata}" not in iss
    assert "PRODUCT_VERSION" in iss  # the version comes from the .exe, not typed here


def test_installer_and_readme_put_the_policy_where_the_app_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app asks ``platformdirs.site_config_dir("canales", appauthor=False)``; asked on
    each system's own class (Windows' known folder given, as platformdirs allows)."""
    known = {"CSIDL_COMMON_APPDATA": r"C:\ProgramData"}
    monkeypatch.setattr(windows_module, "get_win_folder", known.__getitem__)
    monkeypatch.delenv("XDG_CONFIG_DIRS", raising=False)
    windows = Windows(appname="canales", appauthor=False).site_config_dir
    assert windows.replace("/", "\\") == r"C:\ProgramData\canales"
    mac = MacOS(appname="canales", appauthor=False).site_config_dir.split(os.pathsep)
    assert mac[-1] == "/Library/Application Support/canales"
    assert Unix(appname="canales", appauthor=False).site_config_dir == "/etc/xdg/canales"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for place in (
        "/etc/xdg/canales/policy.json",
        r"C:\ProgramData\canales\policy.json",
        "/Library/Application Support/canales/policy.json",
    ):
        assert place in readme, place


def test_windows_and_macos_icons_render_from_the_svg(tmp_path: Path) -> None:
    """build.py renders the .ico (Windows) and .icns (macOS) with Qt's image writers; the
    same writers are in the Linux wheel, so the step the release jobs run is tried here."""
    script = (
        "import sys; sys.path.insert(0, 'packaging'); import build; from pathlib import Path; "
        f"build.render_icon(build.ICON_SVG, Path({str(tmp_path / 'c.ico')!r})); "
        f"build.render_icon(build.ICON_SVG, Path({str(tmp_path / 'c.icns')!r}), 512)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, timeout=120)
    assert (tmp_path / "c.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (tmp_path / "c.icns").read_bytes()[:4] == b"icns"
