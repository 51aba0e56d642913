"""The end of a desktop session is a quit, not a kill: what the agent arranged is kept.

At logout the session manager asks running programs to save (Qt's ``commitDataRequest``;
Windows sends WM_QUERYENDSESSION, which Qt turns into it) and then sends SIGTERM. A Python
signal handler cannot run while Qt's event loop holds the interpreter, so the signal is
written to a socket (``signal.set_wakeup_fd``) that the event loop watches: SIGTERM becomes an
ordinary ``QApplication.quit()``, and ``aboutToQuit`` saves the window and preferences.
"""

from __future__ import annotations

import signal
import socket
import sys

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication


class QuitOnTerminate(QObject):
    """While it lives, SIGTERM (and SIGINT) end the event loop the ordinary way."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._reader, writer = socket.socketpair()
        self._writer = writer
        self._reader.setblocking(False)
        writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(writer.fileno())
        self._previous = {number: signal.signal(number, _ignore) for number in _SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        if any(byte in _SIGNALS for byte in received):
            self._app.quit()

    def release(self) -> None:
        """Put back what was there before (tests build several applications' worth)."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._reader.close()
        self._writer.close()


_SIGNALS = (signal.SIGTERM, signal.SIGINT) if sys.platform != "win32" else (signal.SIGINT,)


def _ignore(_number: int, _frame: object) -> None:
    """The Python-level handler: the wake-up byte does the work (see the module doc)."""
