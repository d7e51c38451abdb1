"""Stored event frames (issue 25): an update keeps the frames its re-clustering parses
(`story_frames`) and parses only articles without one the next time, with the same stories
as parsing every reached article again."""

from __future__ import annotations

import dataclasses

import pytest
import sqlalchemy as sa

from newsprism.regrouping import _Features
from newsprism.runner import LocalRunner
from newsprism.service import analyze_into_store
from newsprism.settings import Settings
from newsprism.storage import story_features
from newsprism.storage.store import open_store
from newsprism.stories import frames as frames_module
from newsprism.stories.features_stored import frame_of_row, frame_row, frames_key
from newsprism.stories.frames import Frame
from storecases import STORE_KINDS, make_store_url
from test_features_stored import batches
from test_stories_incremental import arts

SETTINGS = Settings(story_consolidate_share=50.0)  # every update after the first is local
HEADLINES = ["Senate votes on the budget bill", "Court hears the appeal of the mayor",
             "Police arrest two men after the fire", "Storm floods the coastal towns",
             "Company recalls cars over brake fault", "Council approves new stadium plan"]


@pytest.fixture(params=STORE_KINDS)
def kind(request) -> str:
    return request.param


def headlined(items):
    """The articles with headlines a parser reads predicates and objects from."""
    return [(dataclasses.replace(a, title=HEADLINES[k % len(HEADLINES)]), f)
            for k, (a, f) in enumerate(items)]


def runner_for(items):
    lookup = {a.id: f for a, f in items}
    return LocalRunner(work=lambda batch, _s: [(a, lookup[a.id]) for a in batch])


def story_rows(store) -> dict:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, title, data FROM stories")).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def stored_frames(store) -> dict[str, tuple[str, str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(story_features.story_frames_t)).all()
    return {r.article_id: (r.predicates, r.objects) for r in rows}


def test_frame_rows_round_trip() -> None:
    frame = Frame(frozenset({"vot", "approv"}), frozenset({"bill", "budg"}))
    assert frame_of_row(frame_row(frame)) == frame
    assert frame_of_row(frame_row(Frame())) == Frame()


def test_updates_parse_each_frame_once_and_give_the_stories_of_parsing_again(
        kind, tmp_path, monkeypatch) -> None:
    old, first, second = (headlined(b) for b in batches())
    every = old + first + second
    (tmp_path / "kept").mkdir()
    (tmp_path / "again").mkdir()
    kept = open_store(make_store_url(kind, tmp_path / "kept"))
    again = open_store(make_store_url(kind, tmp_path / "again"))
    parsed: list[str] = []
    real = frames_module.article_frames

    def counting(articles, facts, settings):
        parsed.extend(a.id for a in articles)
        return real(articles, facts, settings)

    try:
        for store in (kept, again):
            analyze_into_store(store, arts(old), SETTINGS, runner=runner_for(every))
        for batch, done in ((first, old), (second, old + first)):
            with again.engine.begin() as conn:  # this store parses every frame again
                conn.execute(story_features.story_frames_t.delete())
            analyze_into_store(again, arts(done + batch), SETTINGS, runner=runner_for(every))
            had = set(stored_frames(kept))
            parsed.clear()
            monkeypatch.setattr(frames_module, "article_frames", counting)
            analyze_into_store(kept, arts(done + batch), SETTINGS, runner=runner_for(every))
            monkeypatch.setattr(frames_module, "article_frames", real)
            arrived = {a.id for a, _ in batch}
            assert arrived <= set(parsed)  # the new articles are parsed ...
            assert not had.intersection(parsed)  # ... and no article whose frame was kept
            assert set(stored_frames(kept)) == had | set(parsed)
            assert story_rows(kept) == story_rows(again)
            assert kept.story_members() == again.story_members()
        assert any(p and o for p, o in stored_frames(kept).values())  # frames were made
    finally:
        kept.close()
        again.close()


def test_a_stored_frame_is_read_and_one_of_another_key_is_not(tmp_path) -> None:
    old, _, _ = (headlined(b) for b in batches())
    store = open_store(make_store_url("sqlite", tmp_path))
    try:
        a, b = (x for x, _ in old[:2])
        key = frames_key(SETTINGS.spacy_model, SETTINGS.spacy_fast_rules)
        planted = Frame(frozenset({"plant"}), frozenset({"seed"}))
        with store.engine.begin() as conn:
            story_features.write_frames(conn, key, {a.id: frame_row(planted)})
            story_features.write_frames(conn, "other", {b.id: frame_row(planted)})
        features = _Features.read(store, [a, b], lambda ids: [f for _, f in old[:2]])
        got = features.frames_of(store, SETTINGS)([a, b], [f for _, f in old[:2]])
        if got is None:
            pytest.skip("no spaCy pipeline: frames are off")
        assert got[0] == planted  # read, not parsed
        assert got[1] == frames_module.article_frames([b], [old[1][1]], SETTINGS)[0]
        assert set(features.frames_made) == {b.id}
    finally:
        store.close()


def test_stored_rows_give_back_the_raw_features_and_attach_reads_few_lean_facts(
        tmp_path, monkeypatch) -> None:
    import numpy as np

    from newsprism.stories.features import raw_features
    from newsprism.stories.features_stored import Packed, raw_of

    old, first, _ = (headlined(b) for b in batches())
    every = old + first
    store = open_store(make_store_url("sqlite", tmp_path))
    try:
        analyze_into_store(store, arts(old), SETTINGS, runner=runner_for(every))
        lean = {f.article_id: f for f in store.lean_facts()}
        with store.engine.connect() as conn:
            names = story_features.vocab(conn)[0]
            rows = story_features.rows_of(conn, sorted(lean))
        by_id = {a.id: a for a in store.articles()}
        assert [r[0] for r in rows] == sorted(lean)
        for aid, day, dated, ids, counts, actors in rows:
            packed = Packed(aid, day, dated, np.frombuffer(ids, "<i8"),
                            np.frombuffer(counts, "<f8"), np.frombuffer(actors, "u1") > 0)
            assert raw_of(packed, names, by_id[aid].title) == \
                raw_features(lean[aid], by_id[aid].title)
        # With every stored frame made (`save_features`), the update reads the lean facts of
        # the new articles only; of a stored one it reads at most the lead kept with its row
        # (`leadcut.lead_cut`: an undated one's always, a dated one's when an undated article
        # stands beside it, `regrouping.dated_to_read`), never its lean facts.
        from newsprism.regrouping import save_features

        save_features(store, SETTINGS)
        asked: list[str] = []
        real = store.lean_facts

        def lean_facts(known=None, ids=None):
            asked.extend(ids or [])
            return real(known=known, ids=ids)

        monkeypatch.setattr(store, "lean_facts", lean_facts)
        framed = set(stored_frames(store))
        analyze_into_store(store, arts(every), SETTINGS, runner=runner_for(every))
        arrived = {a.id for a, _ in first}
        assert arrived <= set(asked)
        assert framed == set(lean)
        published = {a.id: a.published for a, _ in every}
        assert set(asked) <= arrived
        assert any(published[i] is None for i in published)  # an undated one was there
    finally:
        store.close()



class _NoFrames(LocalRunner):
    """A runner whose batches bring no frames (as a foreign runner's): the update parses the
    new articles' frames itself."""

    def iter_batches(self, articles, settings, frames=False):
        return super().iter_batches(articles, settings, frames=False)


def test_frames_made_where_articles_are_parsed_give_the_same_stories_and_rows(
        kind, tmp_path, monkeypatch) -> None:
    old, first, second = (headlined(b) for b in batches())
    every = old + first + second
    lookup = {a.id: f for a, f in every}
    (tmp_path / "here").mkdir()
    (tmp_path / "worker").mkdir()
    here = open_store(make_store_url(kind, tmp_path / "here"))
    worker = open_store(make_store_url(kind, tmp_path / "worker"))
    real = frames_module.article_frames
    in_batch = [False]
    outside: list[str] = []

    def counting(articles, facts, settings):
        if not in_batch[0]:
            outside.extend(a.id for a in articles)
        return real(articles, facts, settings)

    def work(batch, _s):
        return [(a, lookup[a.id]) for a in batch]

    asked: list[bool] = []

    def process(index, articles, settings, w=None, frames=False):  # notes a batch's frames
        asked.append(frames)
        in_batch[0] = True
        try:
            return real_process(index, articles, settings, w, frames)
        finally:
            in_batch[0] = False

    from newsprism.runner import local as local_module
    real_process = local_module.process_batch
    monkeypatch.setattr(local_module, "process_batch", process)
    monkeypatch.setattr(frames_module, "article_frames", counting)
    try:
        for done, batch in (([], old), (old, first), (old + first, second)):
            analyze_into_store(here, arts(done + batch), SETTINGS, runner=_NoFrames(work=work))
            outside.clear()
            asked.clear()
            analyze_into_store(worker, arts(done + batch), SETTINGS, runner=LocalRunner(work=work))
            # Every batch makes its articles' frames, and no new article's frame is made
            # outside its batch: not by a local update, nor (since round 12) by the first
            # update, which re-clusters the whole store.
            assert asked and all(asked)
            assert not {a.id for a, _ in batch} & set(outside)
            assert story_rows(worker) == story_rows(here)
            assert worker.story_members() == here.story_members()
            assert stored_frames(worker) == stored_frames(here)
        if not stored_frames(here):
            pytest.skip("no spaCy pipeline: frames are off")
        assert any(p and o for p, o in stored_frames(worker).values())  # frames were made
    finally:
        here.close()
        worker.close()


def test_a_batch_brings_the_frames_of_its_articles_but_not_of_unstorable_ones() -> None:
    from newsprism.runner.base import process_batch

    old, _, _ = (headlined(b) for b in batches())
    items = old[:4]
    bad = dataclasses.replace(items[3][0], title=items[3][0].title + "\x00")
    items = items[:3] + [(bad, items[3][1])]
    lookup = {a.id: f for a, f in items}
    batch = process_batch(0, [a for a, _ in items], SETTINGS,
                          lambda b, _s: [(a, lookup[a.id]) for a in b], frames=True)
    made = frames_module.article_frames([a for a, _ in items[:3]], [f for _, f in items[:3]],
                                        SETTINGS)
    if made is None:
        pytest.skip("no spaCy pipeline: frames are off")
    assert batch.frames_key == frames_key(SETTINGS.spacy_model, SETTINGS.spacy_fast_rules)
    assert batch.frames == tuple((a.id, *frame_row(f)) for (a, _), f in
                                 zip(items[:3], made, strict=True))
    plain = process_batch(0, [a for a, _ in items], SETTINGS,
                          lambda b, _s: [(a, lookup[a.id]) for a in b])
    assert plain.frames == () and plain.frames_key == ""


def test_an_update_expects_to_be_local_as_the_consolidation_rule_decides(tmp_path) -> None:
    from newsprism.regrouping import expects_local

    old, first, _ = (headlined(b) for b in batches())
    store = open_store(make_store_url("sqlite", tmp_path))
    try:
        lookup = {a.id: f for a, f in old + first}
        runner = LocalRunner(work=lambda batch, _s: [(a, lookup[a.id]) for a in batch])
        new = arts(first)
        assert not expects_local(store, new, SETTINGS)  # no stories yet
        analyze_into_store(store, arts(old), SETTINGS, runner=runner)
        assert expects_local(store, new, SETTINGS)
        assert not expects_local(store, new, Settings(story_consolidate_share=0.0))  # rule off
        n = len(old)  # a share that the new articles push past: consolidation
        tight = Settings(story_consolidate_share=(len(new) - 1) / (2 * n))
        assert not expects_local(store, new, tight)
        assert expects_local(store, new[:1], tight)
    finally:
        store.close()


def test_a_whole_recluster_counts_each_articles_features_once(tmp_path, monkeypatch) -> None:
    # The first update re-clusters the whole store: the raw features it makes for the stored
    # rows are the ones clustering reads (round 12: it counted every article twice).
    import sys

    from newsprism import regrouping
    from newsprism.stories import features_stored as stored_module

    cluster_module = sys.modules["newsprism.stories.cluster"]  # the package shows the function

    old, first, _ = (headlined(b) for b in batches())
    every = old + first
    counted: list[str] = []
    for module in (cluster_module, stored_module):
        monkeypatch.setattr(module, "raw_features", _counting(module.raw_features, counted))
    (tmp_path / "once").mkdir()
    (tmp_path / "twice").mkdir()
    once = open_store(make_store_url("sqlite", tmp_path / "once"))
    twice = open_store(make_store_url("sqlite", tmp_path / "twice"))
    try:
        analyze_into_store(once, arts(every), SETTINGS, runner=runner_for(every))
        assert sorted(counted) == sorted(a.id for a, _ in every)
        real_read = regrouping._Features.read.__func__

        def forgetting(cls, *args):  # the features clustering reads counted again
            return dataclasses.replace(real_read(cls, *args), raws={})
        monkeypatch.setattr(regrouping._Features, "read", classmethod(forgetting))
        analyze_into_store(twice, arts(every), SETTINGS, runner=runner_for(every))
        assert story_rows(once) == story_rows(twice) and story_rows(once)
        assert once.story_members() == twice.story_members()
    finally:
        once.close()
        twice.close()


def _counting(real, counted: list[str]):  # noqa: ANN202
    def raw_features(facts, title):  # noqa: ANN001, ANN202
        counted.append(facts.article_id)
        return real(facts, title)
    return raw_features
