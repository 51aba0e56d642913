"""Building the Qt-free parts once, for the CLI and for the GUI's composition root."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.availability import AvailabilityEngine
from app.domain.calendar import HolidayCalendar
from app.domain.model import Config
from app.domain.texts import resolve_language
from app.resources import default_config_path
from app.storage.config_source import ConfigSource, ConfigUrl, parse_source
from app.storage.config_store import ConfigStore
from app.storage.holiday_cache import CachedHolidaySource, holidays_package_version
from app.storage.paths import AppPaths
from app.storage.policy import DEFAULT_REFRESH_MINUTES, Policy, read_policy

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.core.active_config import Evaluate
    from app.core.remote_config import RemoteConfig
    from app.storage.remote_cache import RemoteCache
    from app.storage.remote_source import ContextFactory, RemoteSource, Timeouts


@dataclass(frozen=True)
class Published:
    """A configuration published over HTTPS: where, how often, and its offline copy.

    ``context_factory`` and ``timeouts`` None mean the real ones (the system's trust store;
    5 s / 15 s); tests give their own CA and shorter timeouts here, and nowhere else."""

    url: ConfigUrl
    cache: RemoteCache
    refresh: dt.timedelta = dt.timedelta(minutes=DEFAULT_REFRESH_MINUTES)
    context_factory: ContextFactory | None = None
    timeouts: Timeouts | None = None

    def source(self) -> RemoteSource:
        """The fetcher (imports ``ssl`` and ``http.client``: only a URL source calls this)."""
        from app.storage.remote_source import RemoteSource, Timeouts  # noqa: PLC0415

        if self.context_factory is None:
            return RemoteSource(self.url, timeouts=self.timeouts or Timeouts())
        return RemoteSource(
            self.url, context_factory=self.context_factory, timeouts=self.timeouts or Timeouts()
        )


@dataclass(frozen=True)
class Services:
    paths: AppPaths
    store: ConfigStore
    holidays: CachedHolidaySource
    env: Mapping[str, str]
    policy: Policy | None = None
    published: Published | None = None  # the source is an https:// URL

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

    def remote_config(
        self,
        *,
        evaluate: Evaluate,
        now: Callable[[], dt.datetime],
        lang: str,
        random: Callable[[], float] | None = None,
        local_zone: dt.tzinfo | None = None,
    ) -> RemoteConfig:
        """The lifecycle of the published configuration (``published`` must be set)."""
        import random as randomness  # noqa: PLC0415 - a URL source only

        from app.core.remote_config import RemoteConfig  # noqa: PLC0415

        published = self.published
        if published is None:
            raise ValueError("the configuration is not published over HTTPS")
        store = self.store
        return RemoteConfig(
            published.url,
            published.cache,
            validate=store.from_bytes,
            default=lambda: store.read(store.default_path, is_default=True),
            evaluate=evaluate,
            now=now,
            random=random or randomness.random,
            lang=lang,
            refresh=published.refresh,
            wants_signature=store.wants_signatures,
            local_zone=local_zone,
        )


@dataclass(frozen=True)
class ConfigChoice:
    """Which file or URL is active, and whether someone named it (then it must exist)."""

    source: ConfigSource
    explicit: bool

    @property
    def path(self) -> Path:
        """The file (``ValueError`` for a URL: ask ``source``)."""
        if isinstance(self.source, ConfigUrl):
            raise ValueError(f"{self.source} is not a file")
        return self.source


def choose_config(
    override: ConfigSource | None,
    env: Mapping[str, str],
    paths: AppPaths,
    policy: Policy | None = None,
    lang: str = "es",
) -> ConfigChoice:
    """``--config`` over ``CANALES_CONFIG`` over IT's policy (``config_path`` or
    ``config_url``) over the per-user file; all but the last are named explicitly.
    ``SourceError`` when ``CANALES_CONFIG`` is an ``http://`` or otherwise unusable URL."""
    named = env.get("CANALES_CONFIG")
    chosen = override or (parse_source(named, lang=lang) if named else None)
    if chosen:
        source = chosen if isinstance(chosen, ConfigUrl) else chosen.expanduser()
        return ConfigChoice(source, explicit=True)
    if policy is not None and policy.config_url is not None:
        return ConfigChoice(policy.config_url, explicit=True)
    if policy is not None and policy.config_path is not None:
        return ConfigChoice(policy.config_path, explicit=True)
    return ConfigChoice(paths.config_file, explicit=False)


def active_config_path(
    override: Path | None, env: Mapping[str, str], paths: AppPaths, policy: Policy | None = None
) -> Path:
    """``choose_config``'s path."""
    return choose_config(override, env, paths, policy).path


def build_services(override: ConfigSource | None, env: Mapping[str, str]) -> Services:
    paths = AppPaths.from_platform()
    holidays = CachedHolidaySource(paths.holiday_cache_dir, holidays_package_version())
    lang = resolve_language(env.get("CANALES_LANG"), None)
    policy = read_policy(paths.policy_file, lang=lang)
    choice = choose_config(override, env, paths, policy, lang)
    published: Published | None = None
    locked_by = policy.manager if policy is not None and policy.read_only else None
    if isinstance(choice.source, ConfigUrl):
        from app.storage.remote_cache import RemoteCache  # noqa: PLC0415 - a URL source only

        refresh = policy.refresh_minutes if policy is not None else DEFAULT_REFRESH_MINUTES
        cache = RemoteCache(paths.cache_dir)
        published = Published(choice.source, cache, dt.timedelta(minutes=refresh))
        # The store stands for the offline copy: read-only (nothing is saved onto a URL), and
        # its side files (PIN, backups) beside the copy in the user cache.
        local = cache.body_path(choice.source)
    else:
        local = choice.source
    store = ConfigStore(
        local,
        None,  # beside the resolved file: a per-user link to a team file shares its backups
        default_config_path(),
        lang=lang,
        holiday_countries=holidays.supported_countries,
        locked_by=locked_by,
        managed_path=policy.config_path if policy is not None else None,
        explicit=choice.explicit and published is None,
        published_at=published.url if published is not None else None,
        signatures=policy,
    )
    return Services(paths, store, holidays, env, policy, published)
