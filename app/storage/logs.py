"""The console's log file under the per-user log folder (DESIGN.md, "Files").

Agents never read it; IT does, when something went wrong on one desk. A log that cannot be
opened (read-only profile, full disk) must not stop the console, so it falls back to stderr.
"""

from __future__ import annotations

import logging
import logging.handlers
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
        handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_NAME,
            maxBytes=MAX_BYTES,
            backupCount=BACKUPS,
            encoding="utf-8",
            delay=True,
        )
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path
