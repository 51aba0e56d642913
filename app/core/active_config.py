"""The active configuration's lifecycle: which configuration is on screen, and why.

One small state machine, Qt-free, for what used to be spread over the console, the shared-file
helper and the watcher: load at start (the file; the last good copy of a share that is away;
the embedded default when the file cannot be used), reload when the file may have changed
(a new version that fails is kept out), follow a share that goes away and comes back, and take
our own save. Every step returns typed notices; the console turns them into a rebuild and a
banner, and the watcher only reports "the file may have changed" or "the folder is away".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from app.domain.availability import AvailabilityEngine
from app.domain.texts import tr
from app.storage.config_store import (
    ConfigFileError,
    ConfigFileMissing,
    ConfigStore,
    LoadedConfig,
    load_failure,
)
from app.storage.last_good import LastKnownGood, Remembered

STALE_TEMP_AGE: Final = dt.timedelta(minutes=1)
"""A temporary file older than this is a save that was killed, not one in progress."""
SHARE_POLL_MS: Final = 30_000
LOCAL_POLL_MS: Final = 2_000

Evaluate = Callable[[LoadedConfig], AvailabilityEngine]


@dataclass(frozen=True)
class Shown:
    """Show this configuration (and its engine) from now on."""

    loaded: LoadedConfig
    engine: AvailabilityEngine


@dataclass(frozen=True)
class Banner:
    """Tell the agent this, in one line, until a later notice clears it."""

    text: str


@dataclass(frozen=True)
class AllClear:
    """Nothing to report any more: remove the banner."""


Notice = Shown | Banner | AllClear


class ActiveConfig:
    """The configuration shown by one console, and everything that may replace it."""

    def __init__(
        self,
        store: ConfigStore,
        last_good: LastKnownGood,
        *,
        own_folder: Path,
        evaluate: Evaluate,
        now: Callable[[], dt.datetime],
        lang: str,
    ) -> None:
        """``evaluate`` builds the engine and asks it once about now: a file that validates
        but cannot be evaluated is refused like an invalid one. ``now`` is the console's
        clock; ``lang`` words the banners."""
        self._store = store
        self.last_good = last_good
        self._own_folder = own_folder
        self._evaluate = evaluate
        self._now = now
        self.lang = lang
        self.loaded: LoadedConfig | None = None
        self.unavailable_since: dt.datetime | None = None
        self._showing_copy = False

    @property
    def probably_shared(self) -> bool:
        """Outside the agent's own config folder: most likely a share that sends no
        notifications, so it is polled every 30 s."""
        return not self._store.path.is_relative_to(self._own_folder)

    def poll_ms(self) -> int:
        return SHARE_POLL_MS if self.probably_shared else LOCAL_POLL_MS

    # the steps ----------------------------------------------------------------------------

    def start(self) -> list[Notice]:
        """The first configuration: the file, the kept copy of an unreachable share, or the
        embedded default with a banner saying why (the file is never rewritten)."""
        self._store.clean_up_interrupted_saves(self._now() - STALE_TEMP_AGE)
        kept = self._kept_copy_if_unreachable()
        try:
            loaded = kept or self._store.load()
            shown = self._shown(loaded)
        except ConfigFileError as exc:
            self._showing_copy = False
            default = self._store.read(self._store.default_path, is_default=True)
            notices: list[Notice] = [self._shown(default)]
            if self.unavailable_since is not None:
                return [*notices, self._away_banner()]
            return [*notices, Banner(self._refused(exc, at_start=True))]
        if kept is None:
            self._remember(loaded)
        away = [self._away_banner()] if self.unavailable_since is not None else []
        return [shown, *away]

    def file_may_have_changed(self) -> list[Notice]:
        """The watcher saw something: show the new version, or say why not and keep what is
        shown (a deleted file keeps the last one loaded)."""
        if self.unavailable_since is not None:
            return []  # the share is away: keep what is shown until it is back
        try:
            loaded = self._store.load()
            if loaded.is_default and self.loaded is not None and not self.loaded.is_default:
                return [Banner(self._vanished())]
            shown = self._shown(loaded)
        except ConfigFileMissing:  # a named file deleted: keep the last one, as above
            return [Banner(self._vanished())]
        except ConfigFileError as exc:
            return [Banner(self._refused(exc, at_start=False))]
        self._remember(loaded)
        return [shown, AllClear()]

    def source_unavailable(self) -> list[Notice]:
        """The folder holding the file went away: keep what is shown, and say since when."""
        self.unavailable_since = self._now()
        self._showing_copy = self.loaded is not None and not self.loaded.is_default
        return [self._away_banner()]

    def source_back(self) -> list[Notice]:
        """The folder is back: read the file again."""
        self.unavailable_since = None
        self._showing_copy = False
        return [AllClear(), *self.file_may_have_changed()]

    def saved(self, loaded: LoadedConfig) -> list[Notice]:
        """Our own save (already validated, and acknowledged to the watcher by the caller)."""
        try:
            shown = self._shown(loaded)
        except ConfigFileError as exc:
            return [Banner(self._refused(exc, at_start=False))]
        self._remember(loaded)
        return [shown, AllClear()]

    # helpers --------------------------------------------------------------------------------

    def _shown(self, loaded: LoadedConfig) -> Shown:
        try:
            engine = self._evaluate(loaded)
        except ConfigFileError:
            raise
        except Exception as exc:  # a library failing on what the file holds: its banner line
            raise load_failure(loaded.source, exc, lang=self._store.lang) from exc
        self.loaded = loaded
        return Shown(loaded, engine)

    def _kept_copy_if_unreachable(self) -> LoadedConfig | None:
        """None when the folder is there (load normally); otherwise the last known copy, or
        the embedded default when there is none, and ``unavailable_since`` is set."""
        path = self._store.path
        if path.parent.is_dir():
            return None
        copy = self._recall(path)
        if copy is None and not self.probably_shared:
            return None  # a first start: the per-user folder is made on the first save
        self.unavailable_since = self._now()
        if copy is not None:
            try:
                loaded = self._store.read(self.last_good.copy_path(path))
            except ConfigFileError:
                pass  # kept by an older Canales that accepted it: the default instead
            else:
                self._showing_copy = True
                return dataclasses.replace(loaded, source=path)
        self._showing_copy = False
        return self._store.read(self._store.default_path, is_default=True)

    def _remember(self, loaded: LoadedConfig) -> None:
        """Keep the bytes of a real file that loaded, for an outage; never stops a reload."""
        if loaded.is_default:
            return
        try:
            self.last_good.remember(self._store.path, loaded.raw, self._now(), loaded.minisig)
        except Exception:  # a damaged cache entry: logged, and the next load tries again
            logging.getLogger(__name__).exception("the last good copy could not be kept")

    def _recall(self, path: Path) -> Remembered | None:
        try:
            return self.last_good.recall(path)
        except Exception:  # an entry that cannot even be read is no copy (and logged)
            logging.getLogger(__name__).exception("the last good copy could not be read")
            return None

    # words ----------------------------------------------------------------------------------

    def _refused(self, exc: ConfigFileError, *, at_start: bool) -> str:
        lines = exc.lines()
        text = lines[0]
        if len(lines) > 1:
            text += tr(self.lang, " (and {count} more)", count=len(lines) - 1)
        if at_start:
            return tr(
                self.lang,
                "The configuration file could not be used; showing the default: {problem}",
                problem=text,
            )
        return tr(
            self.lang,
            "The new configuration was not applied; still showing the last good one: {problem}",
            problem=text,
        )

    def _away_banner(self) -> Banner:
        since = self.unavailable_since or self._now()
        moment = f"{since:%Y-%m-%d} {since.hour}:{since.minute:02d}"
        if self._showing_copy:
            text = tr(
                self.lang,
                "Shared file unavailable since {moment}; showing the last known copy",
                moment=moment,
            )
        else:
            text = tr(
                self.lang,
                "Shared file unavailable since {moment}; showing the default configuration",
                moment=moment,
            )
        return Banner(text)

    def policy_banner(self, problems: tuple[str, ...]) -> Banner | None:
        return policy_banner(problems, self.lang)

    def _vanished(self) -> str:
        return tr(
            self.lang,
            "The configuration file {path} no longer exists; still showing the last one loaded",
            path=self._store.path,
        )


def policy_banner(problems: tuple[str, ...], lang: str) -> Banner | None:
    """A broken managed policy locks editing; say so instead of failing silently."""
    if not problems:
        return None
    return Banner(
        tr(
            lang,
            "The managed policy cannot be used, so editing is locked: {problem}",
            problem=problems[0],
        )
    )
