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


def test_the_file_rotates_and_keeps_three_old_logs(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    log = logging.getLogger("app.storage.test")
    line = "x" * 1000
    for _ in range(4 * 1000):  # ≈4 MB of records: the 1 MB file rolls over at least three times
        log.warning(line)
    for handler in logging.getLogger("app").handlers:
        handler.close()
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["canales.log", "canales.log.1", "canales.log.2", "canales.log.3"]
    assert all(p.stat().st_size <= 1_000_000 for p in path.parent.iterdir())


def test_nothing_is_written_until_something_is_logged(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path is not None and not path.exists()
