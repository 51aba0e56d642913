"""Side files (PIN, lock, backups, temp files) belong to the resolved file, not to a link.

IT may link each agent's ``~/.config/canales/config.json`` to one team file on a share; every
console must then ask for the team's PIN, contend for the team file's lock and keep backups
beside it, whichever name it reached the file by.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from app.bootstrap import build_services
from app.resources import default_config_path
from app.storage import config_store as config_store_module
from app.storage.atomic import list_backups
from app.storage.config_store import ConfigFileError, ConfigStore
from app.storage.file_lock import exclusive_lock, lock_path_for
from app.storage.pin import Outcome, RateLimiter, ScryptParams, pin_path_for, set_pin, try_pin

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges there")

STAMP = dt.datetime(2026, 12, 1, 9, 30)
FAST = ScryptParams(n=2**4, r=8, p=1)


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """(link, target): a per-user config.json linked to a team file in another folder."""
    team = tmp_path / "share" / "team.json"
    team.parent.mkdir()
    team.write_bytes(default_config_path().read_bytes())
    link = tmp_path / "home" / "canales" / "config.json"
    link.parent.mkdir(parents=True)
    link.symlink_to(team)
    return link, team


def test_the_pin_of_a_linked_config_is_the_targets(linked: tuple[Path, Path]) -> None:
    link, team = linked
    assert pin_path_for(link) == team.parent / "team.pin.json"
    set_pin(team.parent / "team.pin.json", "4821", params=FAST)
    clock = RateLimiter(lambda: 0.0)
    attempt = try_pin(pin_path_for(link), "0000", clock, min_n=2**4)
    assert attempt.outcome is Outcome.REJECTED  # asked, and refused: not "no PIN"


def test_a_link_and_its_target_share_one_lock(
    linked: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    link, team = linked
    with exclusive_lock(team), pytest.raises(TimeoutError), exclusive_lock(link, timeout=0.05):
        pass  # pragma: no cover - the lock is held
    monkeypatch.setattr(config_store_module, "LOCK_TIMEOUT_SECONDS", 0.05)
    store = ConfigStore(link, None, default_config_path())
    loaded = store.load()
    changed = dataclasses.replace(loaded.config, closing_soon_minutes=33)
    with exclusive_lock(team), pytest.raises(ConfigFileError, match="otra consola"):
        store.save(changed, expected_digest=loaded.digest, stamp=STAMP)
    assert lock_path_for(link) == lock_path_for(team) == team.parent / ".team.json.lock"


def test_saving_through_a_link_keeps_everything_beside_the_target(
    linked: tuple[Path, Path], isolated_env: dict[str, str]
) -> None:
    link, team = linked
    store = build_services(link, isolated_env).store
    assert store.backup_dir == team.parent / "backups"
    loaded = store.load()
    for minutes in (20, 25):
        changed = dataclasses.replace(loaded.config, closing_soon_minutes=minutes)
        loaded = store.save(changed, expected_digest=loaded.digest, stamp=STAMP)
    assert link.is_symlink() and link.resolve() == team  # written through, not replaced
    assert sorted(p.name for p in link.parent.iterdir()) == ["config.json"]
    backups = list_backups(link, store.backup_dir)
    assert [b.path.parent for b in backups] == [team.parent / "backups"] * 2
    assert list_backups(team, team.parent / "backups") == backups
    assert all(b.path.name.startswith("team-") for b in backups)
