"""The lifecycle of a configuration published over HTTPS: what is shown, and when to fetch.

Qt-free; time (``now``) and randomness (``random``) are injected, so tests walk through an
outage without waiting. The console's thin Qt half (:mod:`app.ui.remote_refresh`) runs each fetch
in a worker thread and hands the outcome back here on the GUI thread.

- **Start**: the last good copy from the user cache, validated again in full (signature
  included), is shown before any network I/O; without one, the embedded default with a banner
  saying the configuration is on its way. Then a fetch at once.
- **Each fetch** is conditional (the shown copy's validators; after a refused version, that
  version's, so a server still publishing it answers ``304`` and nothing is parsed again).
  ``304``: the copy is current (nothing parsed, nothing validated). ``200``: the new bytes are
  checked (signature, then the same validation as a file); a version that fails is never
  applied — a banner names the problem and the last good copy stays.
- **Failure** (unreachable, timeout, an HTTP error…): the copy stays, with a banner saying since
  when the server is unavailable and which copy is shown; retries back off 30 s → 1 → 2 → 5 min.
  The first success clears the banner by itself.
- **Schedule**: every ``refresh`` (the policy's ``refresh_minutes``, default 5) ±20 % at random,
  so a server restart is not met by every console in the same second; at once when the machine
  resumes (a jump of the wall clock between two ticks) or the network returns.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Final

from app.core.active_config import AllClear, Banner, Evaluate, Notice, Shown, policy_banner
from app.core.phrases import day_and_month
from app.core.signature_text import iso, source_document
from app.domain.texts import tr
from app.storage.config_source import ConfigUrl
from app.storage.config_store import ConfigFileError, LoadedConfig, load_failure
from app.storage.remote_cache import CachedCopy, RemoteCache
from app.storage.remote_source import Fetched, FetchProblem, RemoteSource, Validators

DEFAULT_REFRESH: Final = dt.timedelta(minutes=5)
JITTER: Final = 0.2
BACKOFF: Final = (
    dt.timedelta(seconds=30),
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=2),
    dt.timedelta(minutes=5),
)
TICK: Final = dt.timedelta(minutes=1)
"""How often the console looks at the wall clock to notice a resume."""
JUMP: Final = dt.timedelta(minutes=2)
"""A tick later than expected by more than this: the machine slept (or its clock was set)."""


@dataclass(frozen=True)
class Download:
    """What one fetch brought back: the configuration and, when asked, its signature
    (``signature`` None: not asked for, or not published — a 404)."""

    body: Fetched
    signature: Fetched | None = None


@dataclass(frozen=True)
class FetchOrder:
    """What the worker is to fetch: the validators to send for each file."""

    url: ConfigUrl
    validators: Validators
    signature: Validators | None  # None: the signature is not wanted


Validate = Callable[[ConfigUrl, bytes, bytes | None], LoadedConfig]
"""Bytes and their signature (None: none published) checked as a file is: the policy's
signature rule, then validation (``ConfigStore.from_bytes``)."""


def perform(source: RemoteSource, order: FetchOrder) -> Download:
    """Carry out ``order`` (in a worker thread, or the CLI's one fetch): the configuration,
    then its signature when wanted, each conditional. A signature that is not published (404)
    is None (the rule decides whether that is allowed); any other failure is ``FetchProblem``."""
    body = source.fetch(order.validators)
    if order.signature is None:
        return Download(body)
    try:
        signature = source.fetch(order.signature, url=order.url.sibling(".minisig"))
    except FetchProblem as problem:
        if problem.kind == "status" and problem.status in (404, 410):
            return Download(body)
        raise
    return Download(body, signature)


class RemoteConfig:
    """The configuration shown by one console whose source is an ``https://`` URL."""

    def __init__(
        self,
        url: ConfigUrl,
        cache: RemoteCache,
        *,
        validate: Validate,
        default: Callable[[], LoadedConfig],
        evaluate: Evaluate,
        now: Callable[[], dt.datetime],
        random: Callable[[], float],
        lang: str,
        refresh: dt.timedelta = DEFAULT_REFRESH,
        wants_signature: bool = False,
        local_zone: dt.tzinfo | None = None,
    ) -> None:
        """``validate`` checks bytes and signature as a file is checked; ``wants_signature``:
        fetch ``URL.minisig`` beside the configuration (the policy has trusted keys);
        ``default`` reads the embedded default; ``random`` returns a float in [0, 1);
        ``local_zone`` words the banner's times (None: the machine's zone)."""
        self.url = url
        self.cache = cache
        self._validate = validate
        self._default = default
        self._evaluate = evaluate
        self._now = now
        self._random = random
        self.lang = lang
        self.refresh = refresh
        self._wants_signature = wants_signature
        self._zone = local_zone
        self.loaded: LoadedConfig | None = None
        self.copy: CachedCopy | None = None  # the copy shown (None: the embedded default)
        self.unavailable_since: dt.datetime | None = None
        self.failures = 0
        self.in_flight = False
        self.last_problem: str | None = None
        self._refused: CachedCopy | None = None  # a version the server publishes that failed
        self._refused_problem = ""
        self.refusal: ConfigFileError | None = None  # why the published version was refused
        self._last_tick: dt.datetime | None = None

    # what ActiveConfig also offers the console ---------------------------------------------

    def poll_ms(self) -> int:
        return int(self.refresh.total_seconds() * 1000)

    def policy_banner(self, problems: tuple[str, ...]) -> Banner | None:
        return policy_banner(problems, self.lang)

    def saved(self, loaded: LoadedConfig) -> list[Notice]:
        """Nothing is saved onto a published configuration (the dialog is read-only)."""
        return []

    # the steps ----------------------------------------------------------------------------

    def start(self) -> list[Notice]:
        """The offline copy, validated again (a damaged or now invalid entry is a miss), or
        the embedded default with a banner saying the configuration is being fetched."""
        copy = self._cached()
        if copy is not None:
            try:
                loaded = self._validate(self.url, copy.raw, copy.signature)
                shown = self._shown(loaded)
            except ConfigFileError as exc:
                logging.getLogger(__name__).warning(
                    "the offline copy of %s is not used: %s", self.url, _text(exc, "en")
                )
            else:
                self.copy = copy
                return [shown]
        shown = self._shown(self._default())
        waiting = tr(
            self.lang,
            "Fetching the configuration from {url}; showing the default configuration meanwhile",
            url=self.url,
        )
        return [shown, Banner(waiting)]

    def begin(self) -> FetchOrder | None:
        """The next fetch's order, or None while one is already running."""
        if self.in_flight:
            return None
        self.in_flight = True
        base = self._refused or self.copy
        validators = Validators(base.etag, base.last_modified) if base else Validators()
        signature: Validators | None = None
        if self._wants_signature:
            if base is not None and base.signature is not None:
                signature = Validators(base.signature_etag, base.signature_last_modified)
            else:
                signature = Validators()
        return FetchOrder(self.url, validators, signature)

    def fetched(self, download: Download) -> list[Notice]:
        """A fetch answered: confirm the copy, apply a new version, or refuse it."""
        self.in_flight = False
        now = self._now()
        base = self._refused or self.copy
        body, sig = download.body, download.signature
        if body.not_modified and base is None:  # a 304 to a question never asked
            return self.failed(FetchProblem(self.url, "protocol", detail="304"))
        if body.not_modified and base is not None and (sig is None or sig.not_modified):
            if base is self._refused:  # still the version that failed: nothing parsed again
                return self._succeeded([Banner(self._not_applied(self._refused_problem))])
            self.copy = self.cache.confirmed(base, now)
            return self._succeeded([AllClear()])
        candidate = _candidate(self.url, now, body, sig, base)
        copy = self.copy
        if (
            base is copy
            and copy is not None
            and (candidate.raw, candidate.signature) == (copy.raw, copy.signature)
        ):  # the same bytes under another ETag (another server behind a balancer): no parsing
            self.copy = replace(candidate, signed_by=copy.signed_by, signed_at=copy.signed_at)
            self.cache.store(self.copy)
            return self._succeeded([AllClear()])
        try:
            loaded = self._validate(self.url, candidate.raw, candidate.signature)
            shown = self._shown(loaded)
        except ConfigFileError as exc:
            self._refused = candidate
            self.refusal = exc
            self._refused_problem = _text(exc, self.lang)
            return self._succeeded([Banner(self._not_applied(self._refused_problem))])
        self._refused = None
        self.refusal = None
        signer = loaded.signer
        kept = replace(
            candidate,
            signed_by=signer.key_id if signer else None,
            signed_at=iso(signer.signed_at) if signer else None,
        )
        if not self.cache.store(kept):
            logging.getLogger(__name__).warning("the offline copy of %s was not kept", self.url)
        self.copy = kept
        return self._succeeded([shown, AllClear()])

    def failed(self, problem: FetchProblem) -> list[Notice]:
        """The fetch failed: keep what is shown, say since when, and back off."""
        self.in_flight = False
        self.failures += 1
        if self.unavailable_since is None:
            self.unavailable_since = self._now()
        self.last_problem = problem.reason(self.lang)
        return [self._unavailable_banner(problem)]

    def next_delay(self) -> dt.timedelta:
        """Until the next fetch: the refresh period, or the back-off after failures; ±20 %."""
        base = BACKOFF[min(self.failures, len(BACKOFF)) - 1] if self.failures else self.refresh
        factor = 1 + JITTER * (2 * self._random() - 1)
        return base * factor

    def clock_jumped(self, now: dt.datetime) -> bool:
        """Called every ``TICK``: True when the wall clock moved more than expected since the
        last call (the machine slept and resumed): then fetch at once."""
        last, self._last_tick = self._last_tick, now
        if last is None:
            return False
        return abs(now - last) > TICK + JUMP

    def network_back(self) -> bool:
        """The network returned: fetch at once unless a fetch is running (back-off reset)."""
        if self.in_flight:
            return False
        self.failures = min(self.failures, 1)
        return True

    # what status and the dialog say -------------------------------------------------------

    def source_document(self) -> dict[str, object]:
        """``status --json``'s ``"source"``, as for a file (``source_document``) with ``url``
        for ``path``: who signed (verified again when the copy was read), when this copy was
        last confirmed by the server, its ETag. Nulls while the default is shown."""
        copy, loaded = self.copy, self.loaded
        document: dict[str, object] = {"url": self.url.url}
        if loaded is not None:
            described = source_document(loaded, loaded.config.zone)
            described.pop("path", None)
            document.update(described)
        document["fetched_at"] = iso(copy.fetched_at) if copy else None
        document["etag"] = copy.etag if copy else None
        return document

    def copy_moment(self) -> str | None:
        """``29 nov 08:15``: when the shown copy was last confirmed by the server."""
        return None if self.copy is None else self._moment(self.copy.fetched_at, with_day=True)

    # helpers --------------------------------------------------------------------------------

    def _cached(self) -> CachedCopy | None:
        try:
            return self.cache.load(self.url)
        except Exception:  # a cache that cannot even be read is no copy (and logged)
            logging.getLogger(__name__).exception("the offline copy could not be read")
            return None

    def _shown(self, loaded: LoadedConfig) -> Shown:
        try:
            engine = self._evaluate(loaded)
        except ConfigFileError:
            raise
        except Exception as exc:  # a library failing on what the file holds: its banner line
            raise load_failure(loaded.source, exc, lang=self.lang) from exc
        self.loaded = loaded
        return Shown(loaded, engine)

    def _succeeded(self, notices: list[Notice]) -> list[Notice]:
        """The server answered: the outage (if any) is over."""
        self.failures = 0
        self.unavailable_since = None
        self.last_problem = self._refused_problem if self._refused is not None else None
        return notices

    def _moment(self, moment: dt.datetime, *, with_day: bool) -> str:
        local = moment.astimezone(self._zone)
        time = f"{local.hour}:{local.minute:02d}"
        today = self._now().astimezone(self._zone).date()
        if with_day or local.date() != today:
            return f"{day_and_month(local.date(), self.lang)} {time}"
        return time

    def _unavailable_banner(self, problem: FetchProblem) -> Banner:
        since = self._moment(self.unavailable_since or self._now(), with_day=False)
        reason = problem.reason(self.lang)
        if self.copy is not None:
            text = tr(
                self.lang,
                "Configuration server unavailable since {since}; showing the copy from {copy} "
                "({reason})",
                since=since,
                copy=self._moment(self.copy.fetched_at, with_day=True),
                reason=reason,
            )
        else:
            text = tr(
                self.lang,
                "Configuration server unavailable since {since}; showing the default "
                "configuration ({reason})",
                since=since,
                reason=reason,
            )
        return Banner(text)

    def _not_applied(self, problem: str) -> str:
        if self.copy is not None:
            return tr(
                self.lang,
                "The new configuration published at {url} was not applied; still showing the "
                "copy from {copy}: {problem}",
                url=self.url,
                copy=self._moment(self.copy.fetched_at, with_day=True),
                problem=problem,
            )
        return tr(
            self.lang,
            "The configuration published at {url} cannot be used; showing the default "
            "configuration: {problem}",
            url=self.url,
            problem=problem,
        )


def _candidate(
    url: ConfigUrl, now: dt.datetime, body: Fetched, sig: Fetched | None, base: CachedCopy | None
) -> CachedCopy:
    """The version a fetch brings: new bytes (or the kept ones under a 304) and the signature
    (new, kept under a 304, or none)."""
    fresh = body.body is not None or base is None
    raw = body.body if body.body is not None else base.raw if base is not None else b""
    origin = body if fresh else base
    assert origin is not None
    if sig is None:
        signature, sig_origin = None, None
    elif sig.not_modified:
        signature = base.signature if base is not None else None
        sig_origin = (base.signature_etag, base.signature_last_modified) if base else None
    else:
        signature, sig_origin = sig.body, (sig.etag, sig.last_modified)
    return CachedCopy(
        url.url,
        raw,
        now,
        etag=origin.etag,
        last_modified=origin.last_modified,
        signature=signature,
        signature_etag=sig_origin[0] if sig_origin else None,
        signature_last_modified=sig_origin[1] if sig_origin else None,
    )


def _text(exc: ConfigFileError, lang: str) -> str:
    lines = exc.lines()
    text = lines[0]
    if len(lines) > 1:
        text += tr(lang, " (and {count} more)", count=len(lines) - 1)
    return text
