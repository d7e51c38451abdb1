"""The per-article stages on a Dask cluster.

Without a scheduler address a `LocalCluster` is started on first use: `workers` processes with
one thread each (spaCy's parser holds the GIL, so threads would not add throughput), without
the dashboard. Each worker process loads spaCy once (`nlp.load_pipeline` caches it per
process) and keeps it for every batch it runs. With an address (`tcp://host:8786`) the batches
go to that cluster; its workers need newsprism and the spaCy model installed.

Batches are submitted a few at a time (`in_flight` per worker) rather than all at once, so
the scheduler never holds the whole corpus: memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import atexit
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..errors import ConfigError
from ..model import Article, Story
from ..settings import Settings
from .base import Batch, BatchRunner, StoryTask, analyse_stories, process_batch, split

STORY_BATCH_ARTICLES = 64  # articles' worth of stories per task: big stories travel alone


def _warm(model: str) -> str:
    """Run on each worker before the first batch: load spaCy there once."""
    from ..nlp import load_pipeline

    load_pipeline(model)
    return model


class DaskRunner(BatchRunner):
    def __init__(self, settings: Settings, scheduler: str | None = None, workers: int = 2,
                 batch_size: int | None = None, in_flight: int = 2,
                 connect_timeout: float = 20.0) -> None:
        if workers <= 0 or (batch_size is not None and batch_size <= 0) or in_flight <= 0:
            raise ConfigError("Dask runner: workers, batch_size and in_flight must be positive")
        self.settings = settings
        self.scheduler = scheduler
        self.workers = workers
        self.batch_size = batch_size
        self.in_flight = in_flight
        self.connect_timeout = connect_timeout
        self._client: Any = None
        self._cluster: Any = None

    # -- cluster ---------------------------------------------------------------------------

    def client(self) -> Any:  # distributed.Client
        if self._client is not None:
            return self._client
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("--runner dask needs dask[distributed]: pip install "
                              "'dask[distributed]'") from exc
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout=f"{self.connect_timeout}s")
            else:
                # Workers must not inherit our thread pools: one BLAS thread per process.
                os.environ.setdefault("OMP_NUM_THREADS", "1")
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                             processes=True, dashboard_address=None,
                                             silence_logs=40)
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = self.scheduler or "a local cluster"
            raise ConfigError(f"cannot connect to the Dask scheduler at {where} ({exc}); check "
                              "--scheduler (tcp://host:8786)") from exc
        atexit.register(self.close)
        self._client.run(_warm, self.settings.spacy_model)
        return self._client

    def close(self) -> None:
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    @property
    def n_workers(self) -> int:
        if self._client is None:
            return self.workers
        return max(1, len(self._client.scheduler_info().get("workers", {})))

    # -- work ------------------------------------------------------------------------------

    def iter_batches(self, articles: Sequence[Article], settings: Settings) -> Iterator[Batch]:
        """Yield each batch as it finishes (in completion order; `Batch.index` gives the
        input order). A worker error that is not one article's fault is raised here."""
        from distributed import as_completed

        batches = split(articles, self.batch_size or settings.spacy_batch_size)
        if not batches:
            return
        client = self.client()
        limit = self.in_flight * self.n_workers
        pending = iter(enumerate(batches))

        def submit(i: int, batch: tuple[Article, ...]) -> Any:
            # pure=False: two identical batches are still two tasks (no result sharing).
            return client.submit(process_batch, i, batch, settings, pure=False)

        first = [submit(i, b) for i, b in (next(pending) for _ in range(min(limit,
                                                                          len(batches))))]
        queue = as_completed(first)
        for future in queue:
            batch: Batch = future.result()
            future.release()
            nxt = next(pending, None)
            if nxt is not None:
                queue.add(submit(*nxt))
            yield batch

    def map_stories(self, tasks: Sequence[StoryTask], settings: Settings,
                    progress: Callable[[int], None] | None = None) -> list[Story]:
        """The story stages on the workers, a few stories per task, results in task order."""
        from distributed import as_completed

        groups: list[list[StoryTask]] = [[]]
        size = 0
        for task in tasks:
            if groups[-1] and size + len(task[1]) > STORY_BATCH_ARTICLES:
                groups.append([])
                size = 0
            groups[-1].append(task)
            size += len(task[1])
        groups = [g for g in groups if g]
        if not groups:
            return []
        client = self.client()
        limit = self.in_flight * self.n_workers
        pending = iter(enumerate(groups))

        index_of: dict[str, int] = {}

        def submit(i: int, group: list[StoryTask]) -> Any:
            future = client.submit(analyse_stories, group, settings, pure=False)
            index_of[future.key] = i
            return future

        queue = as_completed([submit(*nxt) for nxt in
                              (next(pending) for _ in range(min(limit, len(groups))))])
        done: dict[int, list[Story]] = {}
        for future in queue:
            stories, problems = future.result()
            done[index_of.pop(future.key)] = stories
            future.release()
            self._report(problems)
            if progress is not None:
                progress(len(stories))
            nxt = next(pending, None)
            if nxt is not None:
                queue.add(submit(*nxt))
        return [s for i in sorted(done) for s in done[i]]
