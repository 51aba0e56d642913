"""Building the Qt-free parts once, for the CLI and for the GUI's composition root."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.domain.availability import AvailabilityEngine
from app.domain.calendar import HolidayCalendar
from app.domain.model import Config
from app.domain.texts import resolve_language
from app.resources import default_config_path
from app.storage.config_store import ConfigStore
from app.storage.holiday_cache import CachedHolidaySource, holidays_package_version
from app.storage.paths import AppPaths
from app.storage.policy import Policy, read_policy


@dataclass(frozen=True)
class Services:
    paths: AppPaths
    store: ConfigStore
    holidays: CachedHolidaySource
    env: Mapping[str, str]
    policy: Policy | None = None

    def language(self, config: Config | None, preferred: str | None = None) -> str:
        """``CANALES_LANG`` over the agent's preference over the organisation's language over
        Spanish: IT's environment wins, then the person, then the team's file."""
        configured = config.organisation.language if config else None
        return resolve_language(self.env.get("CANALES_LANG"), preferred or configured)

    def engine(self, config: Config, lang: str | None = None) -> AvailabilityEngine:
        """``lang`` names holidays in the UI's language (default: :meth:`language`)."""
        calendar = HolidayCalendar(
            config.holiday_country, lang or self.language(config), self.holidays
        )
        return AvailabilityEngine(config, calendar)


@dataclass(frozen=True)
class ConfigChoice:
    """Which file is active, and whether someone named it (then it must exist)."""

    path: Path
    explicit: bool


def choose_config(
    override: Path | None, env: Mapping[str, str], paths: AppPaths, policy: Policy | None = None
) -> ConfigChoice:
    """``--config`` over ``CANALES_CONFIG`` over IT's policy over the per-user file; all but
    the last are named explicitly."""
    chosen = override or (Path(env["CANALES_CONFIG"]) if env.get("CANALES_CONFIG") else None)
    if chosen:
        return ConfigChoice(chosen.expanduser(), explicit=True)
    if policy is not None and policy.config_path is not None:
        return ConfigChoice(policy.config_path, explicit=True)
    return ConfigChoice(paths.config_file, explicit=False)


def active_config_path(
    override: Path | None, env: Mapping[str, str], paths: AppPaths, policy: Policy | None = None
) -> Path:
    """``choose_config``'s path."""
    return choose_config(override, env, paths, policy).path


def build_services(override: Path | None, env: Mapping[str, str]) -> Services:
    paths = AppPaths.from_platform()
    holidays = CachedHolidaySource(paths.holiday_cache_dir, holidays_package_version())
    lang = resolve_language(env.get("CANALES_LANG"), None)
    policy = read_policy(paths.policy_file, lang=lang)
    choice = choose_config(override, env, paths, policy)
    store = ConfigStore(
        choice.path,
        None,  # beside the resolved file: a per-user link to a team file shares its backups
        default_config_path(),
        lang=lang,
        holiday_countries=holidays.supported_countries,
        locked_by=policy.manager if policy is not None and policy.read_only else None,
        managed_path=policy.config_path if policy is not None else None,
        explicit=choice.explicit,
        signatures=policy,
    )
    return Services(paths, store, holidays, env, policy)
