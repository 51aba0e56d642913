"""Writes case events as fast as it can and prints each one's token once ``append`` returned
(acknowledged); the test kills it with SIGKILL at random moments. Usage: worker.py PATH RUN."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from app.storage.case_log import CaseLog


def main() -> None:
    path, run = Path(sys.argv[1]), sys.argv[2]
    log = CaseLog.open(path)
    at = dt.datetime(2026, 12, 9, 15, 0, tzinfo=dt.UTC)
    n = 0
    while True:
        n += 1
        token = f"{run}:{n}"
        step = n % 4
        open_ = log.open_cases()
        if step == 1 or not open_:
            log.open_case(at, 1, "Grupo de soporte técnico", 30, f"T-{run}", token)
        elif step == 2:
            log.escalate(open_[-1].case_id, at, 2, "Supervisor de Soporte", 30, token)
        elif step == 3:
            log.answer(open_[-1].case_id, at, token)
        else:
            log.close_case(open_[0].case_id, at, token)
        sys.stdout.write(token + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
