"""The console's log file under the per-user log folder (DESIGN.md, "Files").

Agents never read it; IT does, when something went wrong on one desk. A log that cannot be
opened (read-only profile, full disk) must not stop the console, so it falls back to stderr.
"""

from __future__ import annotations

import logging
from pathlib import Path

LOG_NAME = "canales.log"
MAX_BYTES = 1_000_000
BACKUPS = 3


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    """Send the ``app`` loggers to a rotating file; returns its path, or None on stderr."""
    logger = logging.getLogger("app")
    logger.setLevel(level)
    for old in list(logger.handlers):
        logger.removeHandler(old)
        old.close()
    path: Path | None = log_dir / LOG_NAME
    handler: logging.Handler
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileOnFirstRecord(log_dir / LOG_NAME)
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path


class RotatingFileOnFirstRecord(logging.Handler):
    """A ``RotatingFileHandler`` made when the first record arrives.

    A console may run for days without logging anything, and ``logging.handlers`` brings
    socket, pickle and queue with it (≈1.7 MB resident) just to be imported.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._target: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._target is None:
            import logging.handlers  # noqa: PLC0415 - see the class doc

            self._target = logging.handlers.RotatingFileHandler(
                self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
            )
            self._target.setFormatter(self.formatter)
        self._target.emit(record)

    def flush(self) -> None:
        if self._target is not None:
            self._target.flush()

    def close(self) -> None:
        if self._target is not None:
            self._target.close()
        super().close()
