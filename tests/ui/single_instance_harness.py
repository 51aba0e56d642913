"""A stand-in for a Canales launch, for the multi-process single-instance tests.

Usage: ``single_instance_harness.py NAME LOCK_DIR EXPECTED TIMEOUT_MS``

Prints ``claiming``, then claims ``NAME``. A secondary prints ``secondary`` and exits 0
(its request delivered). The primary prints ``primary`` at once, then serves until it has
received ``EXPECTED`` activations (never, if negative: it waits to be killed) or
``TIMEOUT_MS`` passes, and prints ``activations N``. Needs the repository root on ``PYTHONPATH``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from app.ui.single_instance import SingleInstance


def main(argv: list[str]) -> int:
    name, lock_dir, expected, timeout_ms = argv[0], Path(argv[1]), int(argv[2]), int(argv[3])
    app = QCoreApplication([])
    instance = SingleInstance(name, lock_dir)
    print("claiming", flush=True)
    if not instance.claim():
        print("secondary", flush=True)
        return 0
    print("primary", flush=True)
    received = 0

    def count() -> None:
        nonlocal received
        received += 1
        if received == expected:
            app.quit()

    instance.activated.connect(count)
    if expected != 0:
        QTimer.singleShot(timeout_ms, app.quit)
        app.exec()
    instance.release()
    print(f"activations {received}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
