"""Notice when the configuration file is changed from outside Canales.

Another supervisor's console, a text editor or IT's publishing script may rewrite the file at
any time, often by atomic replace (write a temp file, rename it over). ``QFileSystemWatcher``
forgets a file once it is replaced, so after every event the path is added again; the parent
folder is watched too (it sees the rename), and a poll timer catches whatever the native
watcher misses — network shares often send no notifications at all.

A change is decided by the SHA-256 of the bytes (the same digest as
``app.storage.config_store.file_digest``), never by mtime: shares skew clocks, and a touch or
a rewrite of identical bytes is not a change. Events are debounced so that an editor's
write-rename dance or a burst of writes yields one ``changed``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Final

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from app.storage.config_store import file_digest
from app.storage.jsontext import MAX_CONFIG_BYTES
from app.storage.safe_files import NotARegularFile, read_regular_file

# A file that keeps changing is still reported after this many debounce periods.
_MAX_DELAY_FACTOR: Final = 5
_MISSING_FILE_ERRORS: Final = (FileNotFoundError, NotADirectoryError, IsADirectoryError)


class ConfigWatcher(QObject):
    """Watches one file; emits ``changed`` once per real change of its bytes.

    ``changed`` also fires when the file appears or disappears (``digest`` is then None).
    ``unavailable(True)`` fires when the folder holding the file can no longer be reached (a
    share went away) and ``unavailable(False)`` when it is back; while it is away the file is
    not considered deleted. After its own save, the application calls ``acknowledge`` with the
    digest of the bytes it wrote, so its save does not come back as an outside change.

    ``use_native=False`` relies on the poll alone (what a share without notifications gives).
    Reads happen on the GUI thread: at most 5 MB, what the loader reads of a file.
    """

    changed = Signal()
    unavailable = Signal(bool)

    def __init__(
        self,
        path: Path,
        *,
        poll_ms: int = 2000,
        debounce_ms: int = 300,
        use_native: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if poll_ms <= 0 or debounce_ms < 0:
            raise ValueError("poll_ms must be positive and debounce_ms not negative")
        self._path = path
        self._digest: str | None = None
        self._known = False  # False until the file's state has been read or acknowledged
        self._reachable = True
        self._running = False
        self._pending_since = 0.0
        self._max_delay = max(debounce_ms * _MAX_DELAY_FACTOR, 1) / 1000

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._check)

        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._on_poll)

        self._native: QFileSystemWatcher | None = None
        if use_native:
            self._native = QFileSystemWatcher(self)
            self._native.fileChanged.connect(self._on_event)
            self._native.directoryChanged.connect(self._on_event)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def digest(self) -> str | None:
        """SHA-256 (hex) of the bytes last seen or acknowledged; None when the file is absent."""
        return self._digest

    @property
    def reachable(self) -> bool:
        """Whether the folder could be reached at the last look (no signal is sent at start)."""
        return self._reachable

    @property
    def is_running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Begin watching. The current bytes become the reference, unless ``acknowledge``
        already set one: then a difference found now is reported as a change."""
        if self._running:
            return
        self._running = True
        self._reachable = self._path.parent.is_dir()
        if self._known:
            self._schedule()
        elif self._reachable:
            try:
                self._digest = self._current_digest()
                self._known = True
            except OSError:
                self._schedule()  # locked right now; the check (or the poll) tries again
        self._rearm()
        self._poll.start()

    def stop(self) -> None:
        """Stop watching; ``start`` later reports whatever changed in between."""
        self._running = False
        self._debounce.stop()
        self._poll.stop()
        if self._native is not None:
            watched = self._native.files() + self._native.directories()
            if watched:
                self._native.removePaths(watched)

    def set_path(self, path: Path) -> None:
        """Watch another file; its current bytes become the reference (no ``changed``)."""
        running = self._running
        self.stop()
        self._path = path
        self._digest = None
        self._known = False
        if running:
            self.start()

    def acknowledge(self, digest: str | None) -> None:
        """The application itself wrote (``str``) or deleted (None) the file: not a change."""
        self._digest = digest
        self._known = True

    def _on_event(self, _path: str) -> None:
        """A native notification: restart the debounce, but never postpone a report forever."""
        if not self._running:
            return
        self._rearm()
        now = time.monotonic()
        if not self._debounce.isActive():
            self._pending_since = now
        elif now - self._pending_since > self._max_delay:
            return  # let the running timer fire; a steady stream must not starve the report
        self._debounce.start()

    @property
    def poll_ms(self) -> int:
        """How often the file is read again when no notification comes."""
        return self._poll.interval()

    def poll_now(self) -> None:
        """Read the file now, as the poll timer would (a share that sends no notification)."""
        self._on_poll()

    def _on_poll(self) -> None:
        if not self._update_reachability():
            return
        self._rearm()
        try:
            digest = self._current_digest()
        except OSError:
            return
        if not self._known or digest != self._digest:
            self._schedule()

    def _check(self) -> None:
        """End of the quiet period: compare the bytes and report at most one change."""
        if not self._running or not self._update_reachability():
            return
        self._rearm()
        try:
            digest = self._current_digest()
        except OSError:
            return  # locked mid-save (Windows) or a transient share error: the poll retries
        if self._known and digest == self._digest:
            return
        self._digest = digest
        self._known = True
        self.changed.emit()

    def _schedule(self) -> None:
        if not self._debounce.isActive():
            self._pending_since = time.monotonic()
            self._debounce.start()

    def _update_reachability(self) -> bool:
        """Track the folder; a change of reachability is signalled and triggers a check."""
        reachable = self._path.parent.is_dir()
        if reachable != self._reachable:
            self._reachable = reachable
            self.unavailable.emit(not reachable)
            if reachable and self._running:
                self._rearm()
                self._schedule()
        return reachable

    def _rearm(self) -> None:
        """Add the file and its folder again wherever the native watcher dropped them."""
        if self._native is None or not self._running:
            return
        files = {Path(p) for p in self._native.files()}
        folders = {Path(p) for p in self._native.directories()}
        wanted: list[str] = []
        if self._path not in files and self._path.is_file():
            wanted.append(str(self._path))
        if self._path.parent not in folders and self._path.parent.is_dir():
            wanted.append(str(self._path.parent))
        if wanted:
            self._native.addPaths(wanted)

    def _current_digest(self) -> str | None:
        """Digest of the file now, None when absent; OSError when present but unreadable."""
        try:  # the hardened reader: a FIFO or a device put there never blocks the GUI
            data = read_regular_file(self._path, MAX_CONFIG_BYTES)
        except (*_MISSING_FILE_ERRORS, NotARegularFile):
            return None
        return None if data is None else file_digest(data)
