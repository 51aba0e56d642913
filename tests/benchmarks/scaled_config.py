"""A large, valid configuration for the scale benchmarks and tests: the default configuration's
channels first, as they are (a request type's fallback names one of them), then copies of them
with unique ids and names until there are ``count``."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from app.resources import default_config_path


def scaled_document(count: int) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(default_config_path().read_text(encoding="utf-8"))
    originals = document["channels"]
    channels = list(originals)
    for number in range(len(originals) + 1, count + 1):
        twin = copy.deepcopy(originals[(number - 1) % len(originals)])
        twin["id"] = f"{twin['id']}-{number:03d}"
        twin["name"] = f"{twin['name']} · {number:03d}"
        channels.append(twin)
    document["channels"] = channels[:count]
    return document


def write_scaled(count: int, path: Path) -> Path:
    path.write_text(json.dumps(scaled_document(count), ensure_ascii=False), encoding="utf-8")
    return path
