"""Runners: the local one, and Dask giving exactly the local results."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest

from conftest import SHARED
from newsprism.errors import ConfigError
from newsprism.model import Article, ArticleFacts, InputProblem
from newsprism.runner import LocalRunner, make_runner
from newsprism.runner.dask_runner import DaskRunner
from newsprism.settings import Settings


def _art(i: str) -> Article:
    return Article(id=i, source=f"/in/{i}.txt", text=f"text {i}")


def fake_work(articles: Sequence[Article], settings: Settings
              ) -> list[tuple[Article, ArticleFacts]]:
    """Stands in for the per-article stages; fails on any article whose id starts 'bad'."""
    if any(a.id.startswith("bad") for a in articles):
        raise RuntimeError("cannot parse this one")
    return [(a, ArticleFacts(article_id=a.id, terms=((a.text, 1),))) for a in articles]


def test_make_runner_picks_the_kind(settings):
    assert make_runner("local", None, settings) is None
    assert isinstance(make_runner("dask", None, settings), DaskRunner)
    assert make_runner("local", "tcp://10.0.0.1:8786", settings).scheduler == "tcp://10.0.0.1:8786"
    with pytest.raises(ConfigError, match="'local' or 'dask'"):
        make_runner("spark", None, settings)


def test_local_runner_keeps_order_and_reports_the_one_bad_article(settings):
    articles = [_art(f"a{i}") for i in range(7)] + [_art("bad1")] + [_art("z")]
    seen: list[InputProblem] = []
    runner = LocalRunner(batch_size=3, work=fake_work)
    runner.on_problem = seen.append
    ticks: list[int] = []
    out = runner.map_articles(articles, settings, ticks.append)
    assert [a.id for a, _ in out] == [a.id for a in articles if a.id != "bad1"]
    assert [f.article_id for _, f in out] == [a.id for a, _ in out]
    assert len(seen) == 1 and "bad1" in seen[0].source and "cannot parse" in seen[0].reason
    assert sum(ticks) == len(articles)


def test_batches_follow_the_batch_size_setting(settings):
    runner = LocalRunner(work=fake_work)
    batches = list(runner.iter_batches([_art(str(i)) for i in range(10)],
                                       settings.replace(spacy_batch_size=4)))
    assert [len(b.pairs) for b in batches] == [4, 4, 2]
    assert [b.index for b in batches] == [0, 1, 2]


@pytest.mark.parametrize("n,size,workers", [(1000, 32, 2), (130, 32, 2), (10, 32, 2),
                                             (500, 16, 4), (7, 3, 2), (0, 32, 2)])
def test_tapered_batches_cover_the_input_and_shrink_towards_the_end(n, size, workers):
    from newsprism.runner.base import TAPER_FLOOR, split_tapered

    articles = [_art(str(i)) for i in range(n)]
    batches = split_tapered(articles, size, workers)
    assert [a for b in batches for a in b] == articles  # every article once, in order
    sizes = [len(b) for b in batches]
    assert all(0 < k <= size for k in sizes)
    assert sizes == sorted(sizes, reverse=True)  # never larger later
    left = n
    for k in sizes:  # near the end a batch is at most a 2 x workers-th of what is left
        assert k <= max(TAPER_FLOOR, -(-left // (2 * workers)), 0) or k == size
        left -= k
    if n >= 4 * size * workers:
        assert sizes[0] == size and sizes[-1] <= TAPER_FLOOR  # full batches, then a taper


def test_unreachable_scheduler_is_one_clear_error(settings):
    runner = DaskRunner(settings, scheduler="tcp://127.0.0.1:1", connect_timeout=1)
    with pytest.raises(ConfigError, match="--scheduler"):
        runner.map_articles([_art("a")], settings)


@pytest.mark.slow
def test_dask_gives_the_local_results(settings, examples_dir):
    from newsprism.service import read_articles, run_analysis

    inputs = [str(examples_dir)]
    if (SHARED / "seeds").is_dir():  # the real seeds too, when present
        inputs.append(str(SHARED / "seeds"))
    articles, _ = read_articles(inputs, settings)
    assert len(articles) >= 7
    small = settings.replace(spacy_batch_size=3)  # several batches, spread over both workers
    local = LocalRunner().map_articles(articles, small)
    with DaskRunner(small, workers=2) as runner:
        remote = runner.map_articles(articles, small)
        assert [a.id for a, _ in remote] == [a.id for a in articles]
        assert remote == local
        # And the whole line: the same report through Dask as in this process.
        assert run_analysis(inputs, small, runner=runner) == run_analysis(inputs, small)


def hang_work(articles: Sequence[Article], settings: Settings
              ) -> list[tuple[Article, ArticleFacts]]:
    """Stands in for the per-article stages; never returns (for the test's purpose) on an
    article whose id starts 'hang', as the dependency-climb loop once did on real text."""
    if any(a.id.startswith("hang") for a in articles):
        time.sleep(120)  # long past the limit: a runner without one returns it 2 minutes late
    return fake_work(articles, settings)


@pytest.mark.slow
def test_dask_hang_is_one_reported_article_and_the_run_goes_on(settings):
    articles = [_art(f"a{i}") for i in range(7)] + [_art("hang1")] + [_art(f"z{i}")
                                                                       for i in range(4)]
    # A batch's limit is 5 s x 3 articles x 2 = 30 s: a busy machine is not taken for a hang.
    # (At 3 s, twice in stop 62's full-suite runs the article retried alone right after the
    # hanging one, on the worker just restarted, outlasted its limit too and was dropped.)
    small = settings.replace(spacy_batch_size=3, article_time_limit=5.0)
    seen: list[InputProblem] = []
    with DaskRunner(small, workers=2, in_flight=1, work=hang_work) as runner:
        runner.on_problem = seen.append
        started = time.monotonic()
        out = runner.map_articles(articles, small)
        took = time.monotonic() - started
        # The restarted worker is back in service: a second run uses both workers again.
        again = runner.map_articles([_art(f"b{i}") for i in range(6)], small)
    assert [a.id for a, _ in out] == [a.id for a in articles if a.id != "hang1"]
    about = [p for p in seen if "hang1" in p.source]
    assert len(about) == 1 and "timed out" in about[0].reason
    # On a loaded machine the restart itself can outlast its own limit: that is one more
    # line, from the runner, and the article's line does not claim a restart.
    others = [p for p in seen if p not in about]
    assert all(p.source == "dask runner" and "could not restart" in p.reason for p in others)
    assert len(others) <= 1 and ("was restarted" in about[0].reason) == (not others)
    assert took < 100  # far below the 120 s the hanging article sleeps
    assert [a.id for a, _ in again] == [f"b{i}" for i in range(6)]


def secret_seeing_work(articles: Sequence[Article], settings: Settings
                       ) -> list[tuple[Article, ArticleFacts]]:
    """Per-article work that reports what a worker was given: the token and the database
    URL as terms of the facts."""
    return [(a, ArticleFacts(article_id=a.id, terms=((str(settings.token), 1),
                                                       (settings.db_url, 1))))
            for a in articles]


@pytest.mark.slow
def test_dask_workers_never_receive_the_token_or_the_database_url(settings):
    secret = settings.replace(token="s3cret-token", db_url="postgresql://u:pw@db.example/x")
    with DaskRunner(secret, workers=1, work=secret_seeing_work) as runner:
        out = runner.map_articles([_art("a1"), _art("a2")], secret)
    seen = {t for _, facts in out for t, _ in facts.terms}
    assert len(out) == 2 and seen == {"None", ""}
    assert secret.token == "s3cret-token"  # the caller's own settings keep them


def _worker_memory_settings() -> tuple[str | None, bool]:
    import os

    import dask

    return (os.environ.get("MALLOC_TRIM_THRESHOLD_"),
            bool(dask.config.get("distributed.worker.profile.enabled")))


@pytest.mark.slow
def test_local_workers_keep_glibc_adaptive_malloc_and_no_profiler(settings, monkeypatch):
    """Dask's default MALLOC_TRIM_THRESHOLD_ costs the parse about 10% CPU in page faults and
    its profiler samples every task for a dashboard the local cluster has not: neither is set
    on our local workers (LOCAL_WORKER_CONFIG), nor leaks into this process's environment; the
    batches come back as before (the memory is handed back once per task)."""
    import os

    from newsprism.runner.dask_runner import release_memory

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with DaskRunner(settings, workers=2, work=fake_work) as runner:
        seen = runner.client().run(_worker_memory_settings)
        out = runner.map_articles([_art("a1"), _art("a2"), _art("a3")], settings)
    assert sorted(seen.values()) == [(None, False), (None, False)]
    assert "MALLOC_TRIM_THRESHOLD_" not in os.environ
    assert out == LocalRunner(work=fake_work).map_articles(
        [_art("a1"), _art("a2"), _art("a3")], settings)
    release_memory()  # and where there is nothing to trim, a no-op


def test_an_article_queued_behind_a_hang_is_tried_again_not_blamed(settings):
    # Stop 54, a slow day: with one worker restarting, both slots' tasks went to the other,
    # a lone article sat queued behind the hanging one, overran its limit without running and
    # was reported as timed out. The task submitted first on a worker is the hang; a later
    # lone article there is tried again, once.
    class Future:  # a future's key is all `_waited` reads of it
        def __init__(self, key: str) -> None:
            self.key = key

    hang, queued, batch = Future("h"), Future("q"), Future("b")
    active = {hang: (0, 1, (_art("hang1"),), 10.0), queued: (0, 2, (_art("z0"),), 12.0),
              batch: (1, None, (_art("a1"), _art("a2")), 11.0)}
    processing = {"tcp://w1": ["h", "q", "b"], "tcp://w2": []}
    runner = DaskRunner(settings, workers=2)
    assert runner._waited([hang, queued, batch], processing, active) == {queued}
    assert runner._waited([hang], processing, active) == set()  # the hang alone: blamed
    runner._second.add("z0")  # already given its second chance
    assert runner._waited([hang, queued], processing, active) == set()
