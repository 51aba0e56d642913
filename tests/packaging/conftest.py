"""One PyInstaller build per test session, shared by every packaging test module (a build
costs minutes on a 2-core machine). ``CANALES_TEST_DIST=DIR`` reuses the output of an earlier
``packaging/build.py --dist DIR`` instead (for iterating on the packaging tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 1800


@pytest.fixture(scope="session")
def built_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder ``build.py`` left: ``canales/`` (one-folder app) and the ``.tar.gz``."""
    reused = os.environ.get("CANALES_TEST_DIST")
    if reused:
        return Path(reused).resolve()
    scratch = tmp_path_factory.mktemp("build")
    dist, work = scratch / "dist", scratch / "work"
    subprocess.run(
        [sys.executable, "packaging/build.py", "--dist", str(dist), "--work", str(work)],
        cwd=ROOT,
        check=True,
        timeout=BUILD_TIMEOUT_S,
    )
    return dist
