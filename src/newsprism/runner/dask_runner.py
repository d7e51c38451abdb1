"""The per-article stages on a Dask cluster.

Without a scheduler address a `LocalCluster` is started on first use: `workers` processes with
one thread each (spaCy's parser holds the GIL, so threads would not add throughput), without
the dashboard. Each worker process loads spaCy once (`nlp.load_pipeline` caches it per
process) and keeps it for every batch it runs. With an address (`tcp://host:8786`) the batches
go to that cluster; its workers need newsprism and the spaCy model installed.

Batches are submitted a few at a time (`in_flight` per worker) rather than all at once, so
the scheduler never holds the whole corpus: memory stays flat whatever the corpus size.

A hang is one reported article, not a stopped run: a batch still unfinished
`settings.article_time_limit` x its size x `in_flight` seconds after it was submitted (it may
wait behind the worker's other batches) has its worker restarted (the nanny starts a fresh
process; the worker's other batches go elsewhere, their clocks started again once the restart
is done), and its articles are retried one by one with the same limit each; the one that times
out alone is reported ("analysis timed out ...": a lone article that sat queued behind it on
that worker is tried once more instead, `_waited`) and the rest of the run goes on. Needs
workers with a nanny (a `LocalCluster` has them; `dask worker` starts one by default).

A worker's memory is bounded by what it parses now, not by all it has parsed. spaCy keeps
every new string it meets (its vocabulary and string store never shrink), so a worker's
memory grows with the corpus: some 190 MB over its model after its first batch, then about
7.5 MB more per 100 real articles, some 560 MB more in a 10k run and without end in a long
`watch` (docs/scale.md, stop 51). Each batch reports what its worker holds once
the batch is done and freed memory is handed back; a worker of our own `LocalCluster` that
holds more than `settings.worker_memory_mb` over what it held with the model just loaded is
retired between batches and started afresh by its nanny (Dask's own graceful close: its
queued batches go to the other workers, its finished results are moved there first, nothing
is recomputed). One worker at a time, and never the last: with one worker the run goes on as
it is. When a parse of `REFRESH_AFTER` articles or more ends, every worker holding more than
half that bound is started afresh the same way, all at once (nothing is queued): the story
stages that follow read none of what it holds, it restarts while this process re-clusters,
and the next batches or story stages wait for it (`settle`, at most 60 s). A worker our cluster
forgets (its successor too slow to join, `LOST_WORKER_TIMEOUT`) is started again (`_heal`).
Workers of a cluster given by address are left alone (their nannies and memory are their
owner's).
"""

from __future__ import annotations

import atexit
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import ConfigError
from ..memlog import release_memory
from ..model import Article, InputProblem
from ..settings import Settings
from .base import (
    Batch,
    BatchRunner,
    Encode,
    StoryTask,
    Work,
    analyse_stories,
    process_batch,
    split_tapered,
)

STORY_BATCH_ARTICLES = 64  # articles' worth of stories per task: big stories travel alone
# The fewest articles a parse must have had for its workers to be started afresh at its end
# (`_refresh`). The restarts cost some 5 CPU s that compete with this process's steps, and
# the story stages after a small parse are short: adding 100 articles to an 11.8k store
# took 29.7 s without and 33.7 s with them, its peak 1.6 and 1.4 GB (stop 52).
REFRESH_AFTER = 2_000
POLL_SECONDS = 1.0  # how often running batches are checked against their time limit

# Two of Dask's defaults, changed for the workers of our local cluster. Dask starts them with
# MALLOC_TRIM_THRESHOLD_=65536 (freed memory handed back to the system at once); setting it
# turns off glibc's adaptive mmap threshold, so every allocation of 128 kB or more (spaCy's
# arrays) is mapped and unmapped anew and its pages faulted in again: 6x the page faults and
# about 10% more CPU in the parse (docs/scale.md, stop 47). Our workers keep glibc's default
# and hand freed memory back once per task instead (`release_memory`; the parse step's peak
# is 130-215 MB higher at 10k +100). The statistical profiler samples each task's stack every
# 10 ms for a dashboard this cluster does not start.
LOCAL_WORKER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}
# How long our `LocalCluster` waits for a retired worker's successor to join before it closes
# the worker's nanny and forgets it (Dask's default, 15 s, is shorter than a fresh worker's
# start with spaCy on a busy machine: in stop 54's 10k build one worker was lost that way and
# the story stages ran on the other, 424 s against 118). Read when a worker leaves, so set
# for this process; `_heal` replaces a worker forgotten all the same.
LOST_WORKER_TIMEOUT = "300s"


# This worker process's smallest RSS after freed memory was handed back, MB: what it holds
# with the model loaded (set by `_warm`, and lowered by any later batch that holds less).
_BASELINE_MB: list[float] = []


def _warm(model: str, fast_rules: bool, parse: str = "full") -> str:
    """Run on each worker before the first batch: load spaCy there once."""
    from ..nlp.loader import load_pipeline

    load_pipeline(model, fast_rules, parse)
    release_memory()
    _held_mb()
    return model


def _held_mb() -> float:
    """MB this worker holds beyond its baseline (`_BASELINE_MB`), freed memory handed back."""
    import psutil

    rss = psutil.Process().memory_info().rss / 1e6
    if not _BASELINE_MB or rss < _BASELINE_MB[0]:
        _BASELINE_MB[:] = [rss]
    return rss - _BASELINE_MB[0]


class _WarmPlugin(WorkerPlugin):
    """Loads spaCy on each worker as it starts, a restarted one too (`setup` runs on every
    worker that joins, before it takes tasks)."""

    name = "newsprism-warm"

    def __init__(self, model: str, fast_rules: bool, parse: str) -> None:
        self.model, self.fast_rules, self.parse = model, fast_rules, parse

    def setup(self, worker: Any) -> None:
        _warm(self.model, self.fast_rules, self.parse)


async def _retire(dask_worker: Any, reason: str) -> None:
    """Run on a worker: close it gracefully (its tasks and data move to the others first) and
    let its nanny start a fresh process (Dask's `Worker.close_gracefully`)."""
    dask_worker.loop.add_callback(dask_worker.close_gracefully, restart=True, reason=reason)


def _parse_batch(index: int, articles: Sequence[Article], settings: Settings, work: Work | None,
                 frames: bool) -> tuple[Batch, str, float]:
    """`process_batch` on a worker, then the memory it freed handed back (LOCAL_WORKER_CONFIG);
    with the worker's address and the MB it still holds over its baseline (`_held_mb`)."""
    from distributed import get_worker

    try:
        batch = process_batch(index, articles, settings, work, frames)
    finally:
        release_memory()
    return batch, get_worker().address, _held_mb()


def _analyse(tasks: Sequence[StoryTask], settings: Settings, encode: Encode | None
             ) -> tuple[list[Any], list[InputProblem]]:
    """`analyse_stories` on a worker, then the memory it freed handed back."""
    try:
        return analyse_stories(tasks, settings, encode)
    finally:
        release_memory()


class DaskRunner(BatchRunner):
    def __init__(self, settings: Settings, scheduler: str | None = None, workers: int = 2,
                 batch_size: int | None = None, in_flight: int = 2,
                 connect_timeout: float = 20.0, work: Work | None = None) -> None:
        if workers <= 0 or (batch_size is not None and batch_size <= 0) or in_flight <= 0:
            raise ConfigError("Dask runner: workers, batch_size and in_flight must be positive")
        self.settings = settings
        self.scheduler = scheduler
        self.workers = workers
        self.batch_size = batch_size
        self.in_flight = in_flight
        self.connect_timeout = connect_timeout
        self.work = work  # None: the pipeline's per-article stages (tests pass their own)
        self._client: Any = None
        self._cluster: Any = None
        # (address, MB held over its baseline) of each worker retired for its memory, and
        # the most any batch's worker held (benchmarks print them).
        self.recycled: list[tuple[str, float]] = []
        self.held_mb = 0.0
        # (address, MB held) of each worker started afresh when a parse ended (`_refresh`),
        # and the workers retired and not yet seen replaced (`settle` waits for them).
        self.refreshed: list[tuple[str, float]] = []
        self._retiring: set[str] = set()
        self._healing_until = 0.0  # `_heal` asked the cluster for a worker until then
        self._second: set[str] = set()  # articles retried after waiting behind a hang

    # -- cluster ---------------------------------------------------------------------------

    def client(self) -> Any:  # distributed.Client
        if self._client is not None:
            return self._client
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout=f"{self.connect_timeout}s")
            else:
                # Workers must not inherit our thread pools: one BLAS thread per process.
                os.environ.setdefault("OMP_NUM_THREADS", "1")
                import dask

                dask.config.set({"distributed.deploy.lost-worker-timeout":
                                 LOST_WORKER_TIMEOUT})
                with dask.config.set(LOCAL_WORKER_CONFIG):  # read as the workers start
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
        # Every worker loads spaCy as it starts, one restarted later too (`_WarmPlugin`).
        self._client.register_plugin(_WarmPlugin(self.settings.spacy_model,
                                                  self.settings.spacy_fast_rules,
                                                  self.settings.spacy_parse))
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

    def iter_batches(self, articles: Sequence[Article], settings: Settings,
                     frames: bool = False) -> Iterator[Batch]:
        """Yield each batch as it finishes (in completion order; `Batch.index` gives the
        input order). A worker error that is not one article's fault is raised here.
        `frames`: each batch with its articles' event frames, made on the worker that parsed
        them (`process_batch`)."""
        from distributed import wait

        if not articles:
            return
        client = self.client()
        self.settle()
        batches = split_tapered(articles, self.batch_size or settings.spacy_batch_size,
                                self.n_workers)
        slots = self.in_flight * self.n_workers
        limit = settings.article_time_limit
        worker_settings = settings.for_workers()  # no secrets leave this process
        todo = deque(enumerate(batches))
        # Articles of a batch that overran, retried alone: (batch index, position, article).
        retry: deque[tuple[int, int, Article]] = deque()
        parts: dict[int, dict[int, Batch]] = {}  # batch index -> position -> its result
        left: dict[int, int] = {}
        # future -> (batch index, position or None for a whole batch, articles, started)
        active: dict[Any, tuple[int, int | None, tuple[Article, ...], float]] = {}
        last_held: dict[str, float] = {}  # worker address -> MB held after its last batch

        def fill() -> None:
            while len(active) < slots and (retry or todo):
                if retry:
                    i, pos, article = retry.popleft()
                    arts: tuple[Article, ...] = (article,)
                else:
                    (i, arts), pos = todo.popleft(), None
                # pure=False: two identical batches are still two tasks (no result sharing).
                future = client.submit(_parse_batch, i, arts, worker_settings, self.work,
                                       frames, pure=False)
                active[future] = (i, pos, arts, time.monotonic())

        fill()
        while active:
            try:
                done, _ = wait(list(active), timeout=POLL_SECONDS if limit else None,
                               return_when="FIRST_COMPLETED")
            except TimeoutError:  # distributed's `wait` raises when nothing finished in time
                done = set()
            finished: list[tuple[int, int | None, Batch]] = []
            for future in done:
                i, pos, _arts, _t = active.pop(future)
                batch, address, held = future.result()
                finished.append((i, pos, batch))
                future.release()
                self.held_mb = max(self.held_mb, held)
                last_held[address] = held
                if settings.worker_memory_mb and held > settings.worker_memory_mb:
                    self._recycle(client, address, held)
            if limit:
                finished += self._expire(client, active, retry, parts, left, limit)
            for i, pos, batch in finished:
                if pos is None:
                    yield batch
                    continue
                parts[i][pos] = batch
                left[i] -= 1
                if left[i] == 0:
                    done_parts = parts.pop(i)
                    got = [done_parts[k] for k in sorted(done_parts)]
                    del left[i]
                    keys = {b.frames_key for b in got if b.frames}
                    one = len(keys) == 1  # the parts' frames, made under one key
                    yield Batch(i, tuple(p for b in got for p in b.pairs),
                                tuple(q for b in got for q in b.problems),
                                keys.pop() if one else "",
                                tuple(r for b in got for r in b.frames) if one else ())
            self._heal()
            fill()
        if len(articles) >= REFRESH_AFTER:
            self._refresh(client, last_held, settings.worker_memory_mb / 2)

    def settle(self, timeout: float = 60.0) -> None:
        """Wait until the workers retired (`_recycle`, `_refresh`) are gone and their
        successors have joined, so that the next work (the story stages scatter their data
        straight to a worker) never meets a worker on its way out; past `timeout` the run goes
        on with the workers there are. The next batches and story stages call it first."""
        if self._client is None or not (self._retiring or self._heal()):
            return
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            workers = self._client.scheduler_info().get("workers", {})
            if not self._retiring.intersection(workers) and len(workers) >= self.workers:
                break
            time.sleep(0.2)
            self._heal()
        self._retiring.clear()

    def _heal(self) -> bool:
        """Start a worker for each one our own cluster has forgotten (its nanny closed when a
        retired worker's successor did not join within `LOST_WORKER_TIMEOUT`): the cluster's
        own `scale` back to `workers`, which starts the missing ones in the background.
        Whether one was missing."""
        cluster = self._cluster
        if cluster is None or len(cluster.workers) >= len(cluster.worker_spec):
            return False
        if time.monotonic() >= self._healing_until:  # once while a successor starts
            self._healing_until = time.monotonic() + 30.0
            cluster.scale(self.workers)
        return True

    def _refresh(self, client: Any, last_held: dict[str, float], bound: float) -> None:
        """When a parse ends, start afresh every worker of our own cluster that holds more
        than `bound` MB over its model (half of `worker_memory_mb`): the story stages need none
        of what parsing left there (spaCy's grown vocabulary), and at 10k articles that is
        180-300 MB a worker held through them. All at once, as nothing is queued; they
        restart while this process re-clusters, and the story stages wait for them (`settle`)."""
        if self._cluster is None or not bound:
            return
        workers = client.scheduler_info().get("workers", {})
        old = sorted(a for a, held in last_held.items()
                     if held > bound and a in workers and a not in self._retiring)
        for address in old:
            self.refreshed.append((address, round(last_held[address], 1)))
            client.run(_retire, workers=[address], wait=False,
                       reason=f"newsprism: parse done, holds {last_held[address]:.0f} MB")
        self._retiring.update(old)

    def _recycle(self, client: Any, address: str, held: float) -> None:
        """Retire the worker at `address`, which holds `held` MB over its baseline, so that its
        nanny starts it afresh (see the module doc): only on our own cluster, one worker at a
        time (the one retired before is gone and its successor in), and never the last one."""
        if self._cluster is None:
            return
        workers = client.scheduler_info().get("workers", {})
        if (address not in workers or len(workers) < max(2, self.workers)
                or any(a in workers for a in self._retiring)):
            return
        self._retiring.clear()
        self._retiring.add(address)
        self.recycled.append((address, round(held, 1)))
        client.run(_retire, workers=[address], wait=False,
                   reason=f"newsprism: holds {held:.0f} MB over its model (worker_memory_mb)")

    def _expire(self, client: Any, active: dict, retry: deque, parts: dict, left: dict,
                limit: float) -> list[tuple[int, int | None, Batch]]:
        """Restart the workers of overdue batches; queue their articles alone, or report the
        lone article that overran."""
        now = time.monotonic()
        overdue = [f for f, (_i, _p, arts, t0) in active.items()
                   if now - t0 > limit * len(arts) * self.in_flight]
        if not overdue:
            return []
        processing = client.processing()
        keys = {f.key for f in overdue}
        hung = sorted({addr for addr, ks in processing.items() if keys & set(ks)})
        moved = {k for addr in hung for k in processing[addr]} - keys
        waited = self._waited(overdue, processing, active)
        for future in overdue:
            future.cancel()
        restarted = "its worker was restarted"
        if hung:
            try:
                client.restart_workers(workers=hung, timeout=max(60.0, limit))
            except Exception as exc:  # no nanny, or it did not come back in time
                restarted = "its worker did not restart in time (reported apart)"
                self._report([InputProblem("dask runner", f"could not restart worker(s) "
                                           f"{', '.join(hung)} after a time-out ({exc})")])
        restarted_at = time.monotonic()  # the restart takes seconds: not the moved tasks'
        for future, (i, pos, arts, _t0) in list(active.items()):
            if future.key in moved:  # its worker was restarted: its clock starts again
                active[future] = (i, pos, arts, restarted_at)
        out: list[tuple[int, int | None, Batch]] = []
        for future in overdue:
            i, pos, arts, _t = active.pop(future)
            if len(arts) > 1:
                parts[i], left[i] = {}, len(arts)
                retry.extend((i, k, a) for k, a in enumerate(arts))
                continue
            if future in waited:  # queued behind the hang on its worker: once more
                self._second.add(arts[0].id)
                if pos is None:
                    parts[i], left[i], pos = {}, 1, 0
                retry.append((i, pos, arts[0]))
                continue
            a = arts[0]
            seconds = round(limit * self.in_flight)
            out.append((i, pos, Batch(i, (), (InputProblem(
                f"{a.source} (article {a.id})",
                f"analysis timed out (over {seconds} s; article_time_limit "
                f"{limit:g} s); {restarted}"),))))
        return out

    def _waited(self, overdue: list, processing: dict, active: dict) -> set:
        """The overdue lone articles that waited rather than ran: on a worker holding several
        overdue tasks (the other worker being restarted, every slot's task went to it), the
        one submitted first is the hang and the later ones sat queued behind it. Each
        article is given that second chance once (`_second`)."""
        out: set[Any] = set()
        for ks in processing.values():
            held = sorted((f for f in overdue if f.key in set(ks)), key=lambda f: active[f][3])
            out.update(f for f in held[1:]
                       if len(active[f][2]) == 1 and active[f][2][0].id not in self._second)
        return out

    def map_stories(self, tasks: Sequence[StoryTask], settings: Settings,
                    progress: Callable[[int], None] | None = None,
                    encode: Encode | None = None
                    ) -> list[Any]:
        """The story stages on the workers, a few stories per task, results in task order
        (with `encode`, encoded there: see `base.analyse_stories`)."""
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
        self.settle()
        limit = self.in_flight * self.n_workers
        pending = iter(enumerate(groups))
        worker_settings = settings.for_workers()  # no secrets leave this process

        index_of: dict[str, int] = {}

        # A group's articles and facts are megabytes: sent straight to a worker (`scatter`)
        # rather than inside the task through the scheduler, which took twice as long on 1k
        # real articles (docs/scale.md). Scattered as one object: a list is scattered item by
        # item round-robin over the workers, and the task then pulls half its items across.
        direct = True if self._cluster is not None else None

        def submit(i: int, group: list[StoryTask]) -> Any:
            data = client.scatter([group], direct=direct, hash=False)[0]
            future = client.submit(_analyse, data, worker_settings, encode, pure=False)
            index_of[future.key] = i
            return future

        queue = as_completed([submit(*nxt) for nxt in
                              (next(pending) for _ in range(min(limit, len(groups))))])
        done: dict[int, list[Any]] = {}
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
