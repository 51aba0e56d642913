"""One Canales window per user: a second launch hands over to the first and exits.

Two mechanisms, because each covers the other's blind spot:

* a :class:`QLockFile` decides *who* is primary. It is atomic (``O_EXCL`` plus ``flock`` on
  Unix, an unshared handle on Windows), so twenty simultaneous launches elect exactly one,
  and a lock left by a crashed process is recognised as stale (dead PID, other boot) and
  taken over;
* a :class:`QLocalServer` lets later launches *reach* the primary. Only the lock holder
  touches the server name, so it may safely delete a socket file a crash left behind.

The lock is never judged stale by age (``setStaleLockTime(0)``): a console stays open for
days, and its lock must not expire while it runs. A lock whose owner looks alive but never
answers (PID reused after a crash, file truncated mid-write) is removed only through
``removeStaleLockFile()``, which fails while a live process still holds the native lock.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import re
from functools import partial
from pathlib import Path
from typing import Final

import platformdirs
from PySide6.QtCore import QDeadlineTimer, QLockFile, QMetaObject, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.storage.digest import sha256_hex

ACTIVATE: Final = b"activate\n"
"""What a later launch sends; one line, so a partial read is never mistaken for it."""

ACKNOWLEDGE: Final = b"ok\n"
"""The primary's reply, so the sender knows the message was read before it exits."""

_MAX_REQUEST: Final = 256
"""A request longer than this without a newline is not ours: drop the connection."""

_RETRY_PAUSE_MS: Final = 50
_MIN_STEP_MS: Final = 200


def per_user_name(app_id: str = "canales") -> str:
    """A local-server name unique to this user and their configuration folder.

    Named pipes (Windows) are machine-wide and ``/tmp`` is shared, so the user must be in the
    name. The hash adds the uid, home and config folder: two accounts with the same login
    name never collide, and a separate ``XDG_CONFIG_HOME`` (a portable setup, a test) is a
    separate instance, since the instance exists to guard that folder. Only
    ``[A-Za-z0-9_-]`` and at most ~50 characters, so it fits a Unix socket path.
    """
    try:
        user = getpass.getuser()
    except (KeyError, OSError, ImportError):  # no login name (containers, odd services)
        user = "user"
    uid = str(os.getuid()) if hasattr(os, "getuid") else ""
    config_dir = platformdirs.user_config_dir(app_id, appauthor=False, roaming=True)
    scope = "\0".join((user, uid, str(Path.home()), config_dir))
    digest = sha256_hex(scope.encode("utf-8", "surrogatepass"))[:12]
    return f"{_safe(app_id)}-{_safe(user)}-{digest}"


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", text)[:16] or "_"


class SingleInstance(QObject):
    """Claims the primary role for ``name``, or passes an "activate" request to the holder.

    Call :meth:`claim` once at start-up, before the event loop; blocking there is harmless
    and keeps the secondary path (send, then exit) simple. ``activated`` fires in the
    primary, from its event loop, each time another launch asks it to show itself.
    """

    activated = Signal()

    def __init__(
        self,
        name: str,
        lock_dir: Path,
        parent: QObject | None = None,
        *,
        wait_ms: int = 3000,
    ) -> None:
        """``wait_ms`` bounds how long a later launch keeps trying to reach a lock holder
        that is starting up (locked, not yet listening) before judging it unresponsive."""
        super().__init__(parent)
        self._name = name
        self._lock_path = lock_dir / f"{name}.lock"
        self._wait_ms = wait_ms
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None
        self._primary = False
        self._on_destroyed: QMetaObject.Connection | None = None

    @property
    def name(self) -> str:
        return self._name

    @property
    def lock_path(self) -> Path:
        return self._lock_path

    @property
    def is_primary(self) -> bool:
        return self._primary

    def claim(self) -> bool:
        """True if this process is now the primary; False once the primary has been told.

        False means "exit now": the request was written to a live primary, or the lock is
        held by a live process that never answered within ``wait_ms`` (a hung primary;
        starting a second one would split the user's data between two windows).
        """
        if self._primary:
            return True
        with contextlib.suppress(OSError):  # tryLock then reports it as PermissionError
            self._lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self._lock_path))
        lock.setStaleLockTime(0)
        deadline = QDeadlineTimer(self._wait_ms)
        while True:
            # tryLock also takes over a lock whose PID is dead or from an earlier boot.
            if lock.tryLock(0):
                return self._become_primary(lock)
            if lock.error() != QLockFile.LockError.LockFailedError:
                return self._unguarded(deadline)
            # Held: the holder may still be between tryLock and listen, so keep trying.
            if self._deliver(deadline):
                return False
            if deadline.hasExpired():
                break
            QThread.msleep(_RETRY_PAUSE_MS)
        # Nobody answers for the lock. Removal only succeeds if no live process holds it.
        if lock.removeStaleLockFile() and lock.tryLock(0):
            logging.getLogger(__name__).warning("Took over an orphaned lock %s", self._lock_path)
            return self._become_primary(lock)
        logging.getLogger(__name__).warning(
            "Another Canales holds %s but does not answer; exiting", self._lock_path
        )
        return False

    def release(self) -> None:
        """Stop being primary: the server closes before the lock goes, so a successor never
        has its fresh socket deleted by this one's shutdown."""
        if self._on_destroyed is not None:
            QObject.disconnect(self._on_destroyed)
            self._on_destroyed = None
        self._teardown(self._server, self._lock)
        if self._server is not None:
            self._server.deleteLater()
        self._server = None
        self._lock = None
        self._primary = False

    # -- primary ---------------------------------------------------------------------------

    def _become_primary(self, lock: QLockFile) -> bool:
        self._lock = lock
        self._primary = True
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        # We hold the lock, so any socket under this name is a crashed primary's leftover.
        QLocalServer.removeServer(self._name)
        if not server.listen(self._name):
            # Still primary (the lock is ours), but later launches will not reach us.
            logging.getLogger(__name__).warning(
                "Cannot listen on %s: %s", self._name, server.errorString()
            )
        self._server = server
        # Qt deletes the server (a child) after emitting destroyed, so this still runs first.
        self._on_destroyed = self.destroyed.connect(partial(SingleInstance._teardown, server, lock))
        return True

    def _accept(self) -> None:
        server = self._server
        while server is not None and (socket := server.nextPendingConnection()) is not None:
            # readyRead comes before disconnected for data sent just before closing, and a
            # socket emits disconnected while being destroyed, so nothing Python hangs there.
            socket.readyRead.connect(partial(self._read_request, socket))
            socket.disconnected.connect(socket.deleteLater)
            self._read_request(socket)  # data may already be buffered

    def _read_request(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = socket.readLine().data()
            if line == ACTIVATE:
                if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                    socket.write(ACKNOWLEDGE)
                    socket.flush()
                self.activated.emit()
        if socket.bytesAvailable() > _MAX_REQUEST:
            socket.abort()

    @staticmethod
    def _teardown(server: QLocalServer | None, lock: QLockFile | None) -> None:
        if server is not None:
            server.close()
        if lock is not None:
            lock.unlock()

    # -- secondary -------------------------------------------------------------------------

    def _deliver(self, deadline: QDeadlineTimer) -> bool:
        """One attempt to hand ``ACTIVATE`` to the primary; True once it has been written."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(_step(deadline)):
            socket.abort()
            return False
        socket.write(ACTIVATE)
        if not socket.waitForBytesWritten(max(_step(deadline), _MIN_STEP_MS)):
            socket.abort()
            return False
        # The acknowledgement only proves the primary read it; written is delivered enough.
        socket.waitForReadyRead(_step(deadline))
        socket.disconnectFromServer()
        return True

    def _unguarded(self, deadline: QDeadlineTimer) -> bool:
        """The lock cannot be created at all (read-only or missing folder). Hand over to a
        primary if one answers; otherwise run unguarded rather than refuse to start."""
        if self._deliver(deadline):
            return False
        logging.getLogger(__name__).warning(
            "Cannot create %s; running without single-instance protection", self._lock_path
        )
        self._primary = True
        return True


def _step(deadline: QDeadlineTimer) -> int:
    """A bounded wait that never becomes Qt's "forever" (-1) and never quite reaches zero."""
    return max(1, min(deadline.remainingTime(), 1000))
