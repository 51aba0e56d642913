"""A configuration on a network share: keep showing the last good copy while the share is gone.

The console asks this helper three things: at start, whether the active file's folder is
unreachable (then the last known copy from the user cache is shown, with a banner); after
every successful load, to remember the bytes; and how often to poll (30 s for a file outside
the user's own config folder, which is probably a share that sends no notifications).

"Does not exist but the folder does" is an ordinary first start (the embedded default);
"the folder itself is gone" is a lost share, told apart by a kept copy existing for that path
or by the path lying outside the per-user config folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication

from app.bootstrap import Services
from app.storage.config_store import ConfigFileError, LoadedConfig
from app.storage.last_good import LastKnownGood, Remembered
from app.ui.clock import Clock

SHARE_POLL_MS: Final = 30_000
LOCAL_POLL_MS: Final = 2_000


class SharedFile:
    """The active file's availability and its last known good copy."""

    def __init__(self, services: Services, clock: Clock) -> None:
        self._store = services.store
        self._own_folder = services.paths.config_dir
        self._clock = clock
        self.last_good = LastKnownGood(services.paths.cache_dir)
        self.unavailable_since: dt.datetime | None = None
        self.showing_copy = False

    @property
    def probably_shared(self) -> bool:
        return not self._store.path.is_relative_to(self._own_folder)

    def poll_ms(self) -> int:
        return SHARE_POLL_MS if self.probably_shared else LOCAL_POLL_MS

    def load_if_unreachable(self) -> LoadedConfig | None:
        """At start: None when the folder is there (load normally); otherwise the last known
        copy, or the embedded default when there is none, and ``unavailable_since`` is set."""
        path = self._store.path
        if path.parent.is_dir():
            return None
        copy = self._recall(path)
        if copy is None and not self.probably_shared:
            return None  # a first start: the per-user folder is made on the first save
        self.unavailable_since = self._clock.now()
        if copy is not None:
            try:
                loaded = self._store.read(self.last_good.copy_path(path))
            except ConfigFileError:
                pass  # kept by an older Canales that accepted it: fall through to the default
            else:
                self.showing_copy = True
                return dataclasses.replace(loaded, source=path)
        self.showing_copy = False
        return self._store.read(self._store.default_path, is_default=True)

    def remember(self, loaded: LoadedConfig) -> None:
        """Keep the bytes of a real file that just loaded (never the embedded default).

        The copy is a nicety for a later outage: failing to keep it never stops a reload."""
        if loaded.is_default:
            return
        try:
            self.last_good.remember(self._store.path, loaded.raw, self._clock.now())
        except Exception:  # a damaged cache entry: logged, and the next load tries again
            logging.getLogger(__name__).exception("the last good copy could not be kept")

    def _recall(self, path: Path) -> Remembered | None:
        """The kept copy; a cache entry that cannot even be read is no copy (and logged)."""
        try:
            return self.last_good.recall(path)
        except Exception:
            logging.getLogger(__name__).exception("the last good copy could not be read")
            return None

    def went_away(self, showing_copy: bool) -> None:
        self.unavailable_since = self._clock.now()
        self.showing_copy = showing_copy

    def came_back(self) -> None:
        self.unavailable_since = None
        self.showing_copy = False

    def banner_text(self) -> str | None:
        """What to tell the agent while the share is away; None while it is reachable."""
        since = self.unavailable_since
        if since is None:
            return None
        moment = f"{since:%Y-%m-%d} {since.hour}:{since.minute:02d}"
        if self.showing_copy:
            text = QCoreApplication.translate(
                "Application", "Shared file unavailable since %1; showing the last known copy"
            )
        else:
            text = QCoreApplication.translate(
                "Application", "Shared file unavailable since %1; showing the default configuration"
            )
        return text.replace("%1", moment)

    def vanished_text(self) -> str:
        return QCoreApplication.translate(
            "Application",
            "The configuration file %1 no longer exists; still showing the last one loaded",
        ).replace("%1", str(self._store.path))
