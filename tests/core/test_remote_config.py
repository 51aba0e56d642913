"""The published configuration's lifecycle, without Qt or a network: what is shown, what the
banner says, what the next fetch asks, and when it happens."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.bootstrap import Services, build_services
from app.core.active_config import AllClear, Banner, Notice, Shown
from app.core.remote_config import Download, RemoteConfig
from app.resources import default_config_path
from app.storage.config_source import parse_url
from app.storage.config_store import LoadedConfig
from app.storage.remote_cache import CachedCopy, RemoteCache
from app.storage.remote_source import Fetched, FetchProblem, Validators

BOGOTA = ZoneInfo("America/Bogota")
URL = parse_url("https://intranet.example.com/canales/config.json")
DEFAULT = default_config_path().read_bytes()


def team_bytes(name: str = "Mesa de ayuda") -> bytes:
    document = json.loads(DEFAULT)
    document["organisation"]["name"] = name
    return json.dumps(document, ensure_ascii=False).encode()


class Clock:
    def __init__(self) -> None:
        self.moment = dt.datetime(2026, 11, 29, 8, 15, tzinfo=BOGOTA)

    def __call__(self) -> dt.datetime:
        return self.moment

    def walk(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


class Harness:
    def __init__(self, services: Services, lang: str = "en", random: float = 0.5) -> None:
        self.services = services
        self.clock = Clock()
        self.validations = 0
        self.random = random
        store = services.store
        validate = store.from_bytes

        def counted(url: object, raw: bytes, minisig: bytes | None) -> LoadedConfig:
            self.validations += 1
            return validate(url, raw, minisig)  # type: ignore[arg-type]

        store.from_bytes = counted  # type: ignore[method-assign]  # what the lifecycle validates with
        self.remote = self.make(lang)

    def make(self, lang: str = "en") -> RemoteConfig:
        return self.services.remote_config(
            evaluate=lambda loaded: self.services.engine(loaded.config),
            now=self.clock,
            lang=lang,
            random=lambda: self.random,
            local_zone=BOGOTA,
        )

    def answer(self, body: bytes | None, etag: str | None = '"v1"') -> list[Notice]:
        order = self.remote.begin()
        assert order is not None
        return self.remote.fetched(
            Download(Fetched(URL, body, etag, "Sun, 29 Nov 2026 13:00:00 GMT"))
        )

    def fail(self, kind: str = "unreachable", **values: object) -> list[Notice]:
        assert self.remote.begin() is not None
        values = values or {"detail": "[Errno 111] Connection refused"}
        return self.remote.failed(FetchProblem(URL, kind, **values))


@pytest.fixture
def harness(isolated_env: dict[str, str]) -> Harness:
    return Harness(build_services(URL, isolated_env))


def banners(notices: list[Notice]) -> list[str]:
    return [n.text for n in notices if isinstance(n, Banner)]


def shown_name(notices: list[Notice]) -> str | None:
    shown = [n for n in notices if isinstance(n, Shown)]
    return shown[-1].loaded.config.organisation.name if shown else None


def test_a_first_start_shows_the_default_and_says_the_configuration_is_on_its_way(
    harness: Harness,
) -> None:
    notices = harness.remote.start()
    assert [type(n) for n in notices] == [Shown, Banner]
    assert notices[0].loaded.is_default  # type: ignore[union-attr]
    assert banners(notices) == [
        f"Fetching the configuration from {URL}; showing the default configuration meanwhile"
    ]


def test_a_200_is_applied_kept_and_the_banner_cleared(harness: Harness) -> None:
    harness.remote.start()
    notices = harness.answer(team_bytes("Equipo A"))
    assert shown_name(notices) == "Equipo A"
    assert isinstance(notices[-1], AllClear)
    kept = RemoteCache(harness.services.paths.cache_dir).load(URL)
    assert kept is not None and kept.raw == team_bytes("Equipo A") and kept.etag == '"v1"'
    assert harness.remote.source_document() == {
        "url": URL.url,
        "signed_by": None,
        "signed_at": None,
        "trusted_comment": None,
        "fetched_at": "2026-11-29T08:15:00-05:00",
        "etag": '"v1"',
    }


def test_every_repeat_is_conditional_and_a_304_costs_no_validation(harness: Harness) -> None:
    harness.remote.start()
    harness.answer(team_bytes())
    assert harness.validations == 1
    order = harness.remote.begin()
    assert order is not None
    assert order.validators == Validators('"v1"', "Sun, 29 Nov 2026 13:00:00 GMT")
    harness.clock.walk(minutes=5)
    notices = harness.remote.fetched(Download(Fetched(URL, None, '"v1"')))
    assert notices == [AllClear()]  # nothing rebuilt
    assert harness.validations == 1
    kept = RemoteCache(harness.services.paths.cache_dir).load(URL)
    assert kept is not None and kept.fetched_at == harness.clock.moment  # confirmed now


def test_the_same_bytes_under_another_etag_are_not_parsed_again(harness: Harness) -> None:
    """Two servers behind a balancer give one file two ETags: a 200 of the same bytes only
    takes the new validators."""
    harness.remote.start()
    harness.answer(team_bytes())
    notices = harness.answer(team_bytes(), etag='"other-server"')
    assert notices == [AllClear()]
    assert harness.validations == 1
    order = harness.remote.begin()
    assert order is not None and order.validators.etag == '"other-server"'


def test_a_warm_cache_is_shown_at_start_validated_again_and_without_a_banner(
    isolated_env: dict[str, str],
) -> None:
    first = Harness(build_services(URL, isolated_env))
    first.remote.start()
    first.answer(team_bytes("Equipo B"))
    again = Harness(build_services(URL, isolated_env))
    notices = again.remote.start()
    assert shown_name(notices) == "Equipo B"
    assert banners(notices) == []
    assert again.validations == 1  # the offline copy is checked like a download
    order = again.remote.begin()
    assert order is not None and order.validators.etag == '"v1"'


@pytest.mark.parametrize("damage", ["bytes", "meta", "invalid"])
def test_a_damaged_or_invalid_offline_copy_is_a_miss(
    isolated_env: dict[str, str], damage: str
) -> None:
    first = Harness(build_services(URL, isolated_env))
    first.remote.start()
    first.answer(team_bytes("Equipo B"))
    cache = RemoteCache(first.services.paths.cache_dir)
    body = cache.body_path(URL)
    if damage == "bytes":
        body.write_bytes(body.read_bytes().replace(b"Equipo B", b"Equipo C"))
    elif damage == "meta":
        body.with_suffix(".meta.json").write_text("{not json", encoding="utf-8")
    else:  # the digest matches, but the content is no valid configuration
        cache.store(CachedCopy(URL.url, b'{"organisation": 3}', first.clock.moment))
    again = Harness(build_services(URL, isolated_env))
    notices = again.remote.start()
    assert notices[0].loaded.is_default  # type: ignore[union-attr]
    order = again.remote.begin()
    assert order is not None and order.validators == Validators()  # no copy: unconditional


def test_an_outage_keeps_the_copy_says_since_when_and_recovers_by_itself(
    harness: Harness,
) -> None:
    harness.remote.start()
    harness.answer(team_bytes("Equipo A"))
    harness.clock.walk(hours=2, minutes=27)  # 10:42
    notices = harness.fail()
    assert shown_name(notices) is None  # nothing replaced
    assert banners(notices) == [
        "Configuration server unavailable since 10:42; showing the copy from Nov 29 8:15 "
        "(the server cannot be reached ([Errno 111] Connection refused))"
    ]
    harness.clock.walk(minutes=1)
    later = harness.fail("timeout", seconds="15")
    assert "since 10:42" in banners(later)[0]  # the outage's start, not the last attempt
    assert "did not answer within 15 s" in banners(later)[0]
    recovered = harness.remote.fetched(Download(Fetched(URL, None, '"v1"')))
    assert recovered == [AllClear()]
    assert harness.remote.unavailable_since is None


def test_an_outage_with_no_copy_says_the_default_is_shown(harness: Harness) -> None:
    harness.remote.start()
    assert banners(harness.fail()) == [
        "Configuration server unavailable since 8:15; showing the default configuration "
        "(the server cannot be reached ([Errno 111] Connection refused))"
    ]


def test_the_spanish_banner_reads_as_the_issue_asks(isolated_env: dict[str, str]) -> None:
    harness = Harness(build_services(URL, isolated_env))
    harness.remote = harness.make("es")
    harness.remote.start()
    harness.answer(team_bytes())
    harness.clock.walk(hours=2, minutes=27)
    [text] = banners(harness.fail())
    assert text.startswith(
        "Servidor de configuración no disponible desde 10:42; se muestra la copia del 29 nov 8:15"
    )


def test_an_invalid_new_version_is_never_applied_and_is_not_parsed_again(
    harness: Harness,
) -> None:
    harness.remote.start()
    harness.answer(team_bytes("Equipo A"))
    notices = harness.answer(b'{"organisation": ', etag='"v2"')
    assert shown_name(notices) is None
    [text] = banners(notices)
    assert text.startswith(
        f"The new configuration published at {URL} was not applied; still showing the copy "
        f"from Nov 29 8:15: {URL}:1:18: "
    )
    assert harness.remote.loaded is not None
    assert harness.remote.loaded.config.organisation.name == "Equipo A"
    kept = RemoteCache(harness.services.paths.cache_dir).load(URL)
    assert kept is not None and kept.raw == team_bytes("Equipo A")  # last good kept
    validations = harness.validations
    order = harness.remote.begin()
    assert order is not None and order.validators.etag == '"v2"'  # the refused one's
    again = harness.remote.fetched(Download(Fetched(URL, None, '"v2"')))
    assert banners(again) == [text]  # still refused, still said
    assert harness.validations == validations  # and not parsed again
    fixed = harness.answer(team_bytes("Equipo C"), etag='"v3"')
    assert shown_name(fixed) == "Equipo C"
    assert isinstance(fixed[-1], AllClear)


def test_refresh_has_jitter_and_failures_back_off_to_five_minutes(harness: Harness) -> None:
    harness.remote.start()
    harness.answer(team_bytes())
    assert harness.remote.next_delay() == dt.timedelta(minutes=5)
    harness.random = 0.0
    assert harness.remote.next_delay() == dt.timedelta(minutes=4)  # -20 %
    harness.random = 0.999999
    assert harness.remote.next_delay() > dt.timedelta(minutes=5, seconds=59)  # ~+20 %
    harness.random = 0.5
    delays = []
    for _ in range(6):
        harness.fail()
        delays.append(harness.remote.next_delay().total_seconds())
    assert delays == [30, 60, 120, 300, 300, 300]
    harness.remote.fetched(Download(Fetched(URL, None, '"v1"')))
    assert harness.remote.next_delay() == dt.timedelta(minutes=5)


def test_the_policy_refresh_is_used(isolated_env: dict[str, str]) -> None:
    policy = Path(isolated_env["XDG_CONFIG_DIRS"]) / "canales" / "policy.json"
    policy.parent.mkdir()
    policy.write_text(json.dumps({"config_url": URL.url, "refresh_minutes": 15}))
    harness = Harness(build_services(None, isolated_env))
    assert harness.remote.url == URL
    assert harness.remote.next_delay() == dt.timedelta(minutes=15)


def test_a_resume_is_a_jump_of_the_clock_between_ticks(harness: Harness) -> None:
    assert not harness.remote.clock_jumped(harness.clock())
    harness.clock.walk(minutes=1)
    assert not harness.remote.clock_jumped(harness.clock())
    harness.clock.walk(hours=9)  # the laptop slept overnight
    assert harness.remote.clock_jumped(harness.clock())
    harness.clock.walk(hours=-2)  # the clock was set back
    assert harness.remote.clock_jumped(harness.clock())


def test_the_network_returning_resets_the_back_off_but_never_doubles_a_fetch(
    harness: Harness,
) -> None:
    harness.remote.start()
    for _ in range(4):
        harness.fail()
    assert harness.remote.network_back()
    assert harness.remote.next_delay() == dt.timedelta(seconds=30)
    assert harness.remote.begin() is not None
    assert not harness.remote.network_back()  # one is running
    assert harness.remote.begin() is None
