"""Runners map the per-article stages (clean, parse once, extract) over workers.

    LocalRunner   in this process, batch after batch (the default)
    DaskRunner    on a Dask cluster: a LocalCluster of worker processes by default, or a
                  running scheduler (`--scheduler tcp://host:8786`) for many machines

Both implement `pipeline.Runner` (`map_articles`) and also `iter_batches`, which yields each
finished batch as soon as it is done so the service can store it (a checkpoint: a crash loses
at most the batches in flight). Results are identical whichever runner is used: the work is
the same pure function of each article (`pipeline.process_articles`).
"""

from __future__ import annotations

from ..errors import ConfigError
from ..settings import Settings
from .base import Batch, BatchRunner
from .local import LocalRunner

__all__ = ["Batch", "BatchRunner", "LocalRunner", "make_runner"]


def make_runner(kind: str, scheduler: str | None, settings: Settings) -> BatchRunner | None:
    """The runner for `--runner KIND [--scheduler ADDRESS]`; None means the default (local,
    in this process). A scheduler address implies Dask."""
    kind = (kind or "local").strip().lower()
    if kind == "local" and not scheduler:
        return None
    if kind in ("local", "dask"):
        from .dask_runner import DaskRunner

        return DaskRunner(settings, scheduler=scheduler)
    raise ConfigError(f"unknown runner {kind!r}; valid: 'local' or 'dask'")
