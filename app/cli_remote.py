"""The headless commands with a configuration published over HTTPS: one fetch, then the same
output as with a file.

``status`` and ``config export`` fetch once (conditionally, with the offline copy's ETag; the
timeouts of every fetch: 5 s to connect, 15 s in all). When the server cannot be reached, or
publishes a version that is refused, they go on from the offline copy (validated again, in full)
and say so in one line on stderr — the URL, the reason, the copy's date — exit 0; with no copy
at all, that one line and exit 1. ``config validate`` checks what the server publishes now.
"""

from __future__ import annotations

import datetime as dt
import sys

from app.bootstrap import Services
from app.cli_commands import PublishedUnavailable
from app.core.remote_config import RemoteConfig, perform
from app.domain.texts import N_, tr
from app.storage.config_store import LoadedConfig
from app.storage.remote_source import FetchProblem

TEXTS = {
    "from_copy": N_("{url}: {reason}; showing the copy from {copy}"),
    "refused_from_copy": N_(
        "{url}: the published version was not applied ({problem}); showing the copy from {copy}"
    ),
    "no_copy": N_("{url}: {reason}; no copy of it has been fetched on this machine yet"),
    "path_published": N_("published over HTTPS; the copy on this machine was fetched {copy}"),
    "path_never_fetched": N_("published over HTTPS; not fetched on this machine yet"),
}


def fetch_published(services: Services, lang: str) -> tuple[LoadedConfig, dict[str, object]]:
    """The published configuration (fetched now, or the offline copy with a warning on
    stderr) and ``status --json``'s ``"source"``; ``PublishedUnavailable`` or
    ``ConfigFileError`` when there is nothing valid to show."""
    remote = _lifecycle(services, lang)
    remote.start()
    order = remote.begin()
    published = services.published
    assert order is not None and published is not None
    try:
        remote.fetched(perform(published.source(), order))
    except FetchProblem as problem:
        remote.failed(problem)
        copy = remote.copy_moment()
        if remote.loaded is None or copy is None:
            raise PublishedUnavailable(
                tr(lang, TEXTS["no_copy"], url=remote.url, reason=problem.reason(lang))
            ) from None
        reason = problem.reason(lang)
        _warn(tr(lang, TEXTS["from_copy"], url=remote.url, reason=reason, copy=copy))
    else:
        copy = remote.copy_moment()
        if remote.refusal is not None:
            if copy is None:  # nothing valid was ever fetched: the problems themselves
                raise remote.refusal
            why = remote.refusal.lines()[0]
            _warn(tr(lang, TEXTS["refused_from_copy"], url=remote.url, problem=why, copy=copy))
    assert remote.loaded is not None
    return remote.loaded, remote.source_document()


def validate_published(services: Services, lang: str) -> LoadedConfig:
    """What the server publishes now (unconditionally), checked as a file is checked."""
    remote = _lifecycle(services, lang)
    published = services.published
    assert published is not None
    order = remote.begin()
    assert order is not None
    try:
        download = perform(published.source(), order)
    except FetchProblem as problem:
        raise PublishedUnavailable(problem.message(lang)) from None
    remote.fetched(download)
    if remote.refusal is not None:
        raise remote.refusal
    assert remote.loaded is not None
    return remote.loaded


def published_state(services: Services, lang: str) -> str:
    """``config path``'s second line for a URL: when this machine last fetched it."""
    remote = _lifecycle(services, lang)
    copy = remote.cache.load(remote.url)
    if copy is None:
        return tr(lang, TEXTS["path_never_fetched"])
    remote.copy = copy
    return tr(lang, TEXTS["path_published"], copy=remote.copy_moment())


def _lifecycle(services: Services, lang: str) -> RemoteConfig:
    return services.remote_config(
        evaluate=lambda loaded: services.engine(loaded.config),
        now=lambda: dt.datetime.now(dt.UTC),
        lang=lang,
        random=lambda: 0.5,
    )


def _warn(text: str) -> None:
    print(f"canales: {text}", file=sys.stderr)
