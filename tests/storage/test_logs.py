"""The log goes to a rotating file, or to stderr when the folder cannot be made."""

from __future__ import annotations

import logging
from pathlib import Path

from app.storage.logs import configure_logging


def test_logs_go_to_the_file(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "canales.log"
    logging.getLogger("app.ui.test").warning("configuración recargada")
    for handler in logging.getLogger("app").handlers:
        handler.flush()
    assert "WARNING app.ui.test: configuración recargada" in path.read_text(encoding="utf-8")


def test_unusable_folder_falls_back_to_stderr(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert configure_logging(blocker / "logs") is None
    (handler,) = logging.getLogger("app").handlers
    assert isinstance(handler, logging.StreamHandler)
