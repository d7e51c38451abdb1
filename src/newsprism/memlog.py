"""Resident memory by step, to find where a run's peak sits (issue 23).

    NEWSPRISM_MEMORY_LOG=FILE newsprism analyze INPUT --out report.json

appends one line to FILE when a step of the run (reading, articles, reuse, clustering,
stories, the report write) starts, moves on (a batch of articles, a story) or ends: the
step, its count, the process's resident memory now and at its peak so far (`VmRSS` and
`VmHWM` of /proc/self/status, MB) and its CPU seconds. Without the variable nothing is read
or written. Linux only (elsewhere the memory columns read 0)."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable
from pathlib import Path

VARIABLE = "NEWSPRISM_MEMORY_LOG"
Progress = Callable[[str, int, int], None]


def memory_mb(status: Path = Path("/proc/self/status")) -> tuple[int, int]:
    """(resident MB now, resident MB at the peak so far) of this process; (0, 0) unknown."""
    found = {"VmRSS": 0, "VmHWM": 0}
    try:
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key in found:
                found[key] = int(value.split()[0]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return found["VmRSS"], found["VmHWM"]


def line(step: str) -> str:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    rss, peak = memory_mb()
    return (f"{time.strftime('%H:%M:%S')} {step}: rss {rss} MB, peak {peak} MB, "
            f"cpu {usage.ru_utime + usage.ru_stime:.1f} s\n")


def mark(step: str) -> None:
    """One line for `step`, when the variable names a file."""
    path = os.environ.get(VARIABLE)
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(line(step))


# Steps logged at each move (a batch of articles, a story); the others when they start and end.
EACH = frozenset({"articles", "stories"})


def logged(progress: Progress) -> Progress:
    """`progress`, and a line when a step starts, moves on (`EACH`) or ends, when the variable
    names a file; `progress` itself when it does not."""
    if not os.environ.get(VARIABLE):
        return progress
    last = [""]

    def update(step: str, done: int, total: int) -> None:
        progress(step, done, total)
        if step != last[0] or step in EACH or done == total:
            mark(f"{step} {done}/{total or '?'}")
        last[0] = step
    return update


def release_memory() -> None:
    """Hand the memory freed in this process back to the system (glibc's `malloc_trim`; a
    no-op where there is none): a Dask worker after each task, the main process after a
    store's re-clustering, whose inputs it no longer holds (`regrouping.regroup_stories`)."""
    import ctypes
    import ctypes.util

    try:
        ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim(0)
    except (OSError, AttributeError, TypeError):  # not glibc: nothing to trim
        pass
