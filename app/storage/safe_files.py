"""File-system rules every reader and writer of ours shares: which file a path really names,
and how to open it without being tricked.

A configuration may be a symbolic link (IT links the per-user path to a team file). The file
that matters is then the link's target: its PIN, its lock, its backups and its temp files sit
beside *it*, so that every console reaching it through any name shares them (DESIGN.md, "Files").
"""

from __future__ import annotations

import os
from pathlib import Path


def resolved(path: Path) -> Path:
    """The file ``path`` names once every symbolic link is followed (the path itself when there
    is none). Never raises: a missing target or a link loop leaves the rest unresolved."""
    return Path(os.path.realpath(path))
