"""The stored clustering features (stories/features_stored.py, storage/story_features.py): an
update that reads them gives the stories of one that derives every article's features again,
and the stored counts stay the whole store's document frequencies whatever writes the store."""

from __future__ import annotations

import dataclasses
import random

import pytest
import sqlalchemy as sa

from newsprism.model import Article, ArticleFacts
from newsprism.runner import LocalRunner
from newsprism.service import UpdateStats, analyze_into_store
from newsprism.settings import Settings
from newsprism.storage import story_features
from newsprism.storage.store import open_store
from newsprism.stories.cluster import idf_basis
from newsprism.stories.features import raw_features
from newsprism.stories.incremental import local_update
from storecases import STORE_KINDS, make_store_url
from test_stories_incremental import COMMON, arts, events, make

# Never a whole re-cluster after the first run: every update below takes the local path.
SETTINGS = Settings(story_consolidate_share=50.0)


@pytest.fixture(params=STORE_KINDS)
def kind(request) -> str:
    return request.param


def undated(items, start: int = 0):
    """The same articles without a publish day (the time window then bounds nothing)."""
    out = []
    for k, (a, f) in enumerate(items):
        if k % 2 == start:
            a = dataclasses.replace(a, published=None)
        out.append((a, f))
    return out


def mixed(n: int, seed: int):
    """Articles mixing the words of two or three events (cosines with the stored articles
    spread around the threshold), on days among the events' or none."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        terms: dict[str, int] = {}
        for e in rng.sample(range(11), rng.randint(2, 3)):
            for i in rng.sample(range(6), rng.randint(1, 4)):
                terms[f"w{e}x{i}"] = rng.randint(1, 3)
        for w in rng.sample(COMMON, 3):
            terms[w] = 1
        day = None if k % 4 == 0 else f"2023-01-{rng.randint(1, 28):02d}"
        a, f = make(f"mx{seed}k{k:02d}", terms, [(f"Place{rng.randint(0, 10)}", "GPE")],
                    day or "2023-01-01", f"Report {seed} {k}")
        out.append((dataclasses.replace(a, published=day), f))
    return out


def batches():
    old = events(8, 3, seed=1) + undated(events(3, 2, seed=2, start=8)) + mixed(10, seed=5)
    first = undated(events(3, 2, seed=3, start=2)) + events(1, 2, seed=3, start=20) \
        + mixed(12, seed=6)
    second = events(2, 2, seed=4, start=5) + events(1, 1, seed=4, start=9) \
        + [(a, f) for a, f in mixed(12, seed=7) if a.published]
    return old, first, second


def runner_for(items):
    lookup = {a.id: f for a, f in items}
    return LocalRunner(work=lambda batch, _s: [(a, lookup[a.id]) for a in batch])


def expected_members(store, before, arrived):
    """What `local_update` (every article's features derived again) makes of the store's
    articles, as story id -> article ids, and the stories it re-clusters."""
    local = local_update(store.articles(), store.lean_facts(), store.reuse(), SETTINGS, before,
                         arrived)
    members = {k: ids for k, ids in before.items() if k not in local.replaced}
    members.update({s.id: tuple(sorted(s.article_ids)) for s in local.stories})
    return members, len(local.replaced)


def check_basis(store) -> None:
    """The stored counts are `idf_basis` over every stored article's raw features."""
    articles = store.articles()
    lean = {f.article_id: f for f in store.lean_facts()}
    basis = idf_basis([raw_features(lean.get(a.id) or ArticleFacts(article_id=a.id), a.title)
                       for a in articles])
    with store.engine.connect() as conn:
        names, df, event_df = story_features.vocab(conn)
        _, n = story_features.state(conn)
        ids = story_features.stored_ids(conn)
    assert n == basis.n == len(articles)
    assert ids == {a.id for a in articles}
    assert {f: d for f, d in zip(names, df, strict=True) if d} == \
        {f: d for f, d in basis.df.items() if d}
    assert {f: d for f, d in zip(names, event_df, strict=True) if d} == \
        {f: d for f, d in basis.event_df.items() if d}


def test_an_update_from_the_stored_features_gives_the_derived_features_stories(kind, tmp_path):
    old, first, second = batches()
    every = old + first + second
    store = open_store(make_store_url(kind, tmp_path))
    try:
        analyze_into_store(store, arts(old), SETTINGS, runner=runner_for(every))
        check_basis(store)
        for batch, done in ((first, old), (second, old + first)):
            before = store.story_members()
            stats = UpdateStats()
            analyze_into_store(store, arts(done + batch), SETTINGS, runner=runner_for(every),
                               stats=stats)
            want, reclustered = expected_members(store, before, {a.id for a, _ in batch})
            assert not stats.full_recluster
            assert stats.stories_reclustered == reclustered > 0
            assert store.story_members() == want
            check_basis(store)
    finally:
        store.close()


def test_the_stored_counts_follow_replaced_facts_other_code_and_old_stores(tmp_path):
    old, first, second = batches()
    every = old + first + second
    store = open_store(f"sqlite:///{tmp_path}/s.db")
    try:
        analyze_into_store(store, arts(old), SETTINGS, runner=runner_for(every))
        a, f = old[0]
        extra = dataclasses.replace(f, terms=(*f.terms, ("freshword", 3)))
        store.save_facts([extra])  # replaced facts: the row is forgotten until the next update
        with store.engine.connect() as conn:
            assert a.id not in story_features.stored_ids(conn)
            assert story_features.state(conn)[1] == len(old) - 1  # type: ignore[index]
        analyze_into_store(store, arts(old + first), SETTINGS, runner=runner_for(every))
        check_basis(store)
        with store.engine.connect() as conn:
            assert "t:freshword" in story_features.vocab(conn)[0]
        with store.engine.begin() as conn:  # features made by other code: made again
            conn.execute(story_features.story_features_state_t.update().values(key="other"))
        analyze_into_store(store, arts(old + first + second[:2]), SETTINGS,
                           runner=runner_for(every))
        check_basis(store)
        with store.engine.begin() as conn:  # counts that are not those of the rows
            conn.execute(story_features.story_features_state_t.update().values(n=1))
        analyze_into_store(store, arts(old + first + second[:3]), SETTINGS,
                           runner=runner_for(every))
        check_basis(store)
        with store.engine.begin() as conn:  # a store from before the stored features
            for t in story_features.metadata.sorted_tables:
                conn.execute(t.delete())
        before = store.story_members()
        analyze_into_store(store, arts(every), SETTINGS, runner=runner_for(every))
        check_basis(store)
        want, _ = expected_members(store, before, {x.id for x, _ in second[3:]})
        assert store.story_members() == want
    finally:
        store.close()


def test_a_replaced_article_title_is_counted_again(tmp_path):
    """`save_report` may store an article again with another title (a title's words are
    features): its stored row is forgotten and made again from what is stored."""
    from newsprism.model import Report

    old, first, _ = batches()
    store = open_store(f"sqlite:///{tmp_path}/s.db")
    try:
        analyze_into_store(store, arts(old), SETTINGS, runner=runner_for(old + first))
        renamed: Article = dataclasses.replace(store.articles()[0], title="Quite another headline")
        store.save_report(Report(articles=(renamed,), reuse=(), stories=()))
        with store.engine.connect() as conn:
            assert renamed.id not in story_features.stored_ids(conn)
        analyze_into_store(store, arts(old + first), SETTINGS, runner=runner_for(old + first))
        check_basis(store)
        with store.engine.connect() as conn:
            names = sa.select(story_features.story_vocab_t.c.feature).where(
                story_features.story_vocab_t.c.df > 0)
            assert "t:headline" in set(conn.execute(names).scalars())
    finally:
        store.close()


def test_save_features_stores_what_the_first_update_would(tmp_path):
    """`save_features` on a store from before the stored features: the counts are the whole
    store's basis, and the next update uses them (and gives the derived features' stories)."""
    from newsprism.regrouping import save_features

    old, first, _ = batches()
    store = open_store(f"sqlite:///{tmp_path}/s.db")
    try:
        analyze_into_store(store, arts(old), SETTINGS, runner=runner_for(old + first))
        with store.engine.begin() as conn:
            for t in story_features.metadata.sorted_tables:
                conn.execute(t.delete())
        assert save_features(store) == len(old)
        check_basis(store)
        assert save_features(store) == 0  # nothing left to make
        before = store.story_members()
        analyze_into_store(store, arts(old + first), SETTINGS, runner=runner_for(old + first))
        want, _ = expected_members(store, before, {a.id for a, _ in first})
        assert store.story_members() == want
        check_basis(store)
    finally:
        store.close()
