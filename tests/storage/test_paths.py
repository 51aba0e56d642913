"""AppPaths: the platform folders, and the files that follow from them."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from app.storage import paths as paths_module
from app.storage.paths import AppPaths, policy_folder

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG variables")


def test_files_follow_from_the_folders(tmp_path: Path) -> None:
    paths = AppPaths(
        config_dir=tmp_path / "config",
        cache_dir=tmp_path / "cache",
        log_dir=tmp_path / "log",
        site_config_dir=tmp_path / "site",
    )
    assert paths.config_file == tmp_path / "config" / "config.json"
    assert paths.preferences_file == tmp_path / "config" / "preferences.json"
    assert paths.backup_dir == tmp_path / "config" / "backups"
    assert paths.policy_file == tmp_path / "site" / "policy.json"
    assert paths.holiday_cache_dir == tmp_path / "cache" / "holidays"
    assert list(tmp_path.iterdir()) == []


def test_is_frozen(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path, tmp_path, tmp_path, tmp_path)
    with pytest.raises(dataclasses.FrozenInstanceError):
        paths.config_dir = tmp_path / "other"  # type: ignore[misc]


@linux_only
def test_from_platform_honours_xdg_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'etc-xdg'}:/etc/xdg")
    paths = AppPaths.from_platform()
    assert paths.config_dir == tmp_path / "cfg" / "canales"
    assert paths.config_file == tmp_path / "cfg" / "canales" / "config.json"
    assert paths.cache_dir == tmp_path / "cache" / "canales"
    assert paths.holiday_cache_dir == tmp_path / "cache" / "canales" / "holidays"
    assert paths.log_dir == tmp_path / "state" / "canales" / "log"
    assert paths.site_config_dir == tmp_path / "etc-xdg" / "canales"
    assert paths.policy_file == tmp_path / "etc-xdg" / "canales" / "policy.json"
    assert list(tmp_path.iterdir()) == []  # nothing created by asking


@linux_only
def test_from_platform_defaults_under_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_DIRS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    paths = AppPaths.from_platform()
    assert paths.config_dir == tmp_path / ".config" / "canales"
    assert paths.cache_dir == tmp_path / ".cache" / "canales"
    assert paths.site_config_dir == Path("/etc/xdg/canales")
    assert list(tmp_path.iterdir()) == []


def test_from_platform_returns_absolute_app_specific_folders() -> None:
    paths = AppPaths.from_platform()
    for folder in (paths.config_dir, paths.cache_dir, paths.log_dir, paths.site_config_dir):
        assert folder.is_absolute()
        assert "canales" in folder.parts or "canales" in str(folder).lower()


def test_policy_folder_is_the_first_that_holds_a_policy(tmp_path: Path) -> None:
    etc, ubuntu, other = (tmp_path / name for name in ("etc-xdg", "xdg-ubuntu", "other"))
    for folder in (etc, ubuntu, other):
        folder.mkdir()
    assert policy_folder([etc, ubuntu, other], tmp_path / "default") == tmp_path / "default"
    (other / "policy.json").write_text("{}", encoding="utf-8")
    assert policy_folder([etc, ubuntu, other], tmp_path / "default") == other
    (etc / "policy.json").symlink_to(tmp_path / "missing.json")  # a dangling link still locks
    assert policy_folder([etc, ubuntu, other], tmp_path / "default") == etc


@linux_only
def test_the_debian_policy_place_wins_over_an_ubuntu_session_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ubuntu's desktop sessions set XDG_CONFIG_DIRS=/etc/xdg/xdg-ubuntu:/etc/xdg, so
    platformdirs alone answers /etc/xdg/xdg-ubuntu/canales; the .deb's /etc/xdg/canales is
    looked at first, and then every listed folder, not only the first."""
    session = [tmp_path / "xdg-ubuntu", tmp_path / "etc-xdg"]
    monkeypatch.setenv("XDG_CONFIG_DIRS", ":".join(map(str, session)))
    (tmp_path / "etc-xdg" / "canales").mkdir(parents=True)
    (tmp_path / "etc-xdg" / "canales" / "policy.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(paths_module, "LINUX_POLICY_DIR", tmp_path / "deb-place" / "canales")
    assert AppPaths.from_platform().site_config_dir == tmp_path / "etc-xdg" / "canales"
    (tmp_path / "deb-place" / "canales").mkdir(parents=True)
    (tmp_path / "deb-place" / "canales" / "policy.json").write_text("{}", encoding="utf-8")
    assert AppPaths.from_platform().site_config_dir == tmp_path / "deb-place" / "canales"
