"""Dask workers whose memory has grown past `worker_memory_mb` are restarted between batches
(runner/dask_runner.py): nothing is lost or done twice, one worker at a time, never the last.
When a big parse ends, those holding more than half the bound are started afresh for the story
stages (`REFRESH_AFTER` articles; set to 1 here where a test wants it)."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest

from newsprism.model import Article, ArticleFacts, Story
from newsprism.runner import LocalRunner, dask_runner
from newsprism.runner.dask_runner import _BASELINE_MB, DaskRunner
from newsprism.settings import Settings

GROWTH = 40_000_000  # bytes a batch leaves behind on its worker, as spaCy's vocabulary does


def _art(i: int) -> Article:
    return Article(id=f"a{i:02d}", source=f"/in/a{i:02d}.txt", text=f"text {i}")


def growing_work(articles: Sequence[Article], settings: Settings
                 ) -> list[tuple[Article, ArticleFacts]]:
    """Stands in for the per-article stages, keeping GROWTH bytes alive in its worker process
    for as long as that process lives (pages written, so they count in its RSS)."""
    from distributed import get_worker

    get_worker().__dict__.setdefault("_kept", []).append(b"x" * GROWTH)
    return [(a, ArticleFacts(article_id=a.id, terms=((a.text, 1),))) for a in articles]


def _baselines() -> bool:
    return bool(_BASELINE_MB)


def _kept_mb(dask_worker) -> int:
    """What `growing_work` left alive in this worker process, MB."""
    return sum(len(b) for b in dask_worker.__dict__.get("_kept", [])) // 1_000_000


def _run(settings: Settings, workers: int, n: int = 14
         ) -> tuple[list[str], list[tuple[str, float]], set[str], set[str], int, dict]:
    small = settings.replace(spacy_batch_size=1, worker_memory_mb=60)
    with DaskRunner(small, workers=workers, in_flight=1, work=growing_work) as runner:
        client = runner.client()
        before = set(client.scheduler_info()["workers"])
        out = runner.map_articles([_art(i) for i in range(n)], small)
        # What the next batches or story stages do first: wait for the retired workers'
        # successors (the last retired mid-run, and those started afresh at the end).
        # (as long as a loaded machine may take to start a worker and load its model: the
        # runner's own 60 s is what a run waits before going on; stop 58's fresh-clone CI
        # met a successor that joined later, under load)
        runner.settle(timeout=300.0)
        after = set(client.scheduler_info()["workers"])
        warm = client.run(_baselines)  # each worker, a restarted one too, loaded the model
        assert not any(client.run(_kept_mb).values())  # their memory went with them
        return [a.id for a, _ in out], runner.recycled, before, after, runner.n_workers, warm


def test_a_grown_worker_is_restarted_and_every_article_comes_back_once(settings, monkeypatch):
    monkeypatch.setattr(dask_runner, "REFRESH_AFTER", 1)
    ids, recycled, before, after, n_workers, warm = _run(settings, workers=2)
    assert ids == [f"a{i:02d}" for i in range(14)]  # each once, in order
    # Each batch leaves 40 MB, the bound is 60: a worker is retired after its second batch.
    assert recycled, "no worker was restarted"
    assert all(held > 60 for _, held in recycled)
    assert {address for address, _ in recycled} <= before | after
    assert n_workers == 2 and before - after  # back to two workers, a retired one gone
    assert len(warm) == 2 and all(warm.values())


def test_the_last_worker_is_never_retired_while_it_parses(settings, monkeypatch):
    monkeypatch.setattr(dask_runner, "REFRESH_AFTER", 1)
    ids, recycled, before, after, n_workers, _ = _run(settings, workers=1, n=5)
    assert ids == [f"a{i:02d}" for i in range(5)]
    assert recycled == [] and n_workers == 1
    # Once the parse is done (200 MB held, over half the bound) it is started afresh.
    assert len(after) == 1 and before != after


def _tasks(n: int) -> list:
    return [(Story(id=f"s{i}", title=f"story {i}", article_ids=(f"a{i:02d}",)), (_art(i),),
             (ArticleFacts(article_id=f"a{i:02d}", terms=((f"text {i}", 1),)),), ())
            for i in range(n)]


def test_a_worker_holding_over_half_the_bound_is_started_afresh_for_the_story_stages(
        settings, monkeypatch):
    monkeypatch.setattr(dask_runner, "REFRESH_AFTER", 4)
    small = settings.replace(spacy_batch_size=1, worker_memory_mb=200)
    with DaskRunner(small, workers=1, in_flight=1, work=growing_work) as runner:
        client = runner.client()
        before = set(client.scheduler_info()["workers"])
        out = runner.map_articles([_art(i) for i in range(4)], small)
        # Four batches of 40 MB, a bound of 200: none retired while it parses, but more than
        # half the bound held when the parse ends.
        assert runner.recycled == []
        assert [a for a, _ in runner.refreshed] == sorted(before)
        assert all(held > 100 for _, held in runner.refreshed)
        stories = runner.map_stories(_tasks(3), small)  # waits for the successor
        assert stories == LocalRunner().map_stories(_tasks(3), small)
        after = set(client.scheduler_info()["workers"])
        assert len(after) == 1 and not before & after
        assert list(client.run(_kept_mb).values()) == [0]
        assert list(client.run(_baselines).values()) == [True]  # the model, loaded again
        assert [a.id for a, _ in out] == [f"a{i:02d}" for i in range(4)]


@pytest.mark.parametrize("bound, refresh_after, n", [
    (1000, 1, 2),  # 80 MB held, under half the bound (500)
    (60, 5, 4),  # 160 MB held, over half the bound, but a parse smaller than REFRESH_AFTER
])
def test_the_worker_keeps_running_under_half_the_bound_or_after_a_small_parse(
        settings, monkeypatch, bound, refresh_after, n):
    monkeypatch.setattr(dask_runner, "REFRESH_AFTER", refresh_after)
    small = settings.replace(spacy_batch_size=1, worker_memory_mb=bound)
    with DaskRunner(small, workers=1, in_flight=1, work=growing_work) as runner:
        client = runner.client()
        before = set(client.scheduler_info()["workers"])
        runner.map_articles([_art(i) for i in range(n)], small)
        assert runner.refreshed == [] and runner.recycled == []  # never the last one
        runner.map_stories(_tasks(2), small)
        assert set(client.scheduler_info()["workers"]) == before
        assert list(client.run(_kept_mb).values()) == [40 * n]


def test_no_bound_no_restart(settings):
    small = settings.replace(spacy_batch_size=1, worker_memory_mb=0)
    with DaskRunner(small, workers=2, in_flight=1, work=growing_work) as runner:
        out = runner.map_articles([_art(i) for i in range(6)], small)
        assert [a.id for a, _ in out] == [f"a{i:02d}" for i in range(6)]
        assert runner.recycled == [] and runner.refreshed == [] and runner.held_mb > 60


def test_a_worker_the_cluster_forgot_is_started_again(settings):
    # Stop 54's 10k build: a retired worker's successor took longer to join than Dask's
    # lost-worker timeout, the cluster closed its nanny and forgot it, and the rest of the
    # run had one worker. Here the cluster forgets one as it does then (close the nanny,
    # drop it): the next parse starts a worker in its place and every article comes back.
    import dask

    small = settings.replace(spacy_batch_size=1, worker_memory_mb=0)
    with DaskRunner(small, workers=2, in_flight=1, work=growing_work) as runner:
        client = runner.client()
        assert dask.config.get("distributed.deploy.lost-worker-timeout") == \
            dask_runner.LOST_WORKER_TIMEOUT
        cluster = runner._cluster
        name = sorted(cluster.workers)[0]
        nanny = cluster.workers.pop(name)
        cluster.sync(nanny.close)
        client.wait_for_workers(1)
        assert len(client.scheduler_info()["workers"]) == 1
        out = runner.map_articles([_art(i) for i in range(6)], small)
        assert [a.id for a, _ in out] == [f"a{i:02d}" for i in range(6)]
        assert len(client.scheduler_info()["workers"]) == 2
        deadline = time.monotonic() + 60
        while len(cluster.workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)  # the nanny is the cluster's once it has started
        assert len(cluster.workers) == 2
        assert list(client.run(_baselines).values()) == [True, True]  # the model loaded
