"""How long this process has been running and how much memory it peaked at (for --self-test),
and the one memory habit of PySide6 that start-up has to undo (:class:`ForgetModuleSources`)."""

from __future__ import annotations

import linecache
import os
import sys
import time
from pathlib import Path


def ms_since_process_start(fallback_start: float) -> float:
    """From the OS's record of when the process began, so imports before ``main`` count too.

    ``fallback_start`` (a ``time.perf_counter()`` reading) is used where the OS does not say.
    """
    if sys.platform.startswith("linux"):
        try:
            fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
            started_ticks = int(fields[19])  # field 22 of stat(5), counted after "(comm)"
            uptime = float(Path("/proc/uptime").read_text().split()[0])
            return max(0.0, (uptime - started_ticks / os.sysconf("SC_CLK_TCK")) * 1000)
        except (OSError, ValueError, IndexError):
            pass
    return (time.perf_counter() - fallback_start) * 1000


def peak_rss_mb() -> float:
    if sys.platform == "win32":
        return _windows_peak_rss_mb()
    import resource  # noqa: PLC0415 - POSIX only

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _windows_peak_rss_mb() -> float:
    import ctypes  # noqa: PLC0415 - Windows only

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", ctypes.c_ulong),
            ("PageFaultCount", ctypes.c_ulong),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    windll = ctypes.windll  # type: ignore[attr-defined]
    handle = windll.kernel32.GetCurrentProcess()
    windll.psapi.GetProcessMemoryInfo(handle, ctypes.byref(counters), counters.cb)
    return float(counters.PeakWorkingSetSize) / (1024 * 1024)


class ForgetModuleSources:
    """A meta-path finder that finds nothing: at each import it drops the source lines that
    PySide6's import hook made ``linecache`` keep.

    Once ``PySide6.QtCore`` is imported, every later import runs ``inspect.getsource`` on the
    new module to look for ``from __feature__ import …`` (PYSIDE-2029), and ``linecache`` keeps
    each file's lines (≈60,000 lines for the console's modules), never read again. Cleared in
    batches they still left ≈1 MB of fragmented heap at the peak; cleared at every import,
    at most one module's lines are held. A traceback reads the files anew.
    """

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        linecache.clearcache()

    @classmethod
    def install(cls) -> None:
        """Once per process (before the GUI's first import of PySide6)."""
        if not any(isinstance(finder, cls) for finder in sys.meta_path):
            sys.meta_path.insert(0, cls())
