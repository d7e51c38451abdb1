"""Memory bounded by what is in flight, not by the store (issue 25): the whole store's report
holds its stories packed, one decoded at a time; the analysed stories wait for the commit
packed and are written a slice at a time; the lean facts share the values that repeat; a
chunk of story tasks is bounded by characters too. Each gives the same stored rows and
report as holding everything decoded."""

from __future__ import annotations

import dataclasses
import gc
import io
import json
import tracemalloc

import pytest

from newsprism import service
from newsprism.model import (
    ArticleFacts,
    Claim,
    DateRef,
    Entity,
    Mention,
    Quantity,
    Quote,
    Report,
    Sentence,
)
from newsprism.runner import base as runner_base
from newsprism.service import consistent_report, run_analysis, task_chunks
from newsprism.storage import packed as packed_mod
from newsprism.storage import store as store_mod
from newsprism.storage.codec import load, to_data
from newsprism.storage.packed import (
    PackedEncoded,
    PackedStories,
    load_lean,
    pack_story,
    stored_stories,
)
from newsprism.storage.report import report_json, write_report_json
from newsprism.storage.store import encode_story, open_store
from storecases import STORE_KINDS, article, facts, make_store_url, story, write_peak


@pytest.fixture(params=STORE_KINDS)
def store_url(request, tmp_path) -> str:
    return make_store_url(request.param, tmp_path)


def rich_story(k: int, ids: tuple[str, ...]):  # made-up findings, so a story has weight
    base = story(f"s{k:04d}", ids, f"Tram depot plan {k}")
    quotes = tuple(Quote(id=f"q{k}-{j}", article_id=ids[0], start=j, end=j + 40,
                         text=f"The depot opens in spring, said official {j} of town {k}.",
                         kind="direct", speaker=f"Official {j}")
                   for j in range(20))
    claims = tuple(Claim(id=f"c{k}-{j}", article_id=ids[0], start=j, end=j + 30,
                         text=f"Town {k} will spend {j} million on the depot.")
                   for j in range(20))
    entities = (Entity(id=f"e{k}", name=f"Town {k}", type="GPE", aliases=(f"T{k}",)),)
    return dataclasses.replace(base, quotes=quotes, claims=claims, entities=entities)


def filled(url: str, n: int):
    store = open_store(url)
    arts = [article(f"a{i:04d}", f"2024-05-{1 + i % 28:02d}") for i in range(n)]
    store.add_processed([(a, facts(a.id)) for a in arts])
    stories = [rich_story(k, (arts[2 * k].id, arts[2 * k + 1].id)) for k in range(n // 2)]
    store.commit_analysis([], stories, removed=[], done=[a.id for a in arts])
    return store, arts, stories


def test_packed_stories_are_the_stored_stories(store_url):
    store, arts, stories = filled(store_url, 40)
    try:
        packed = stored_stories(store)
        assert isinstance(packed, PackedStories) and len(packed) == 20
        assert list(packed) == store.stories_full() == sorted(stories, key=lambda s: s.id)
        assert packed == tuple(stories) and tuple(stories) == packed  # either side
        assert packed[3] == stories[3] and packed[-1] == stories[-1]
        assert packed[2:5] == tuple(stories[2:5])
        assert packed != tuple(stories[:-1]) and packed != tuple(reversed(stories))
        report = consistent_report(store)
        assert isinstance(report.stories, PackedStories)
        assert report == store.report()  # the report compares as before
        assert report_json(report) == report_json(store.report())
        a, b = io.StringIO(), io.StringIO()
        write_report_json(report, a)
        write_report_json(store.report(), b)
        assert a.getvalue() == b.getvalue() and json.loads(a.getvalue())["stories"]
    finally:
        store.close()


def held(make) -> tuple[float, object]:
    gc.collect()
    tracemalloc.start()
    try:
        value = make()
        gc.collect()
        return tracemalloc.get_traced_memory()[0], value
    finally:
        tracemalloc.stop()


def test_packed_report_holds_a_fraction_of_the_decoded_stories(tmp_path):
    store, _arts, _stories = filled(f"sqlite:///{tmp_path / 'm.db'}", 400)
    try:
        decoded, _ = held(store.stories_full)
        packed, value = held(lambda: stored_stories(store))
        assert len(value) == 200  # type: ignore[arg-type]
        assert packed < decoded / 4, (packed, decoded)
        # Writing the report decodes one story at a time: it holds about one story more.
        report = Report(articles=(), reuse=(), stories=value)  # type: ignore[arg-type]
        peak = write_peak(report)
        assert peak < decoded / 4, (peak, decoded)
    finally:
        store.close()


def test_pair_cosines_in_bounded_steps_give_the_same_values():
    """The pair step holds at most `max_entries` stored entries of the two row sets (one
    pair alone may exceed it) and gives bit for bit what one step gives."""
    import numpy as np
    from scipy import sparse

    from newsprism.stories import link

    rng = np.random.default_rng(7)
    x = sparse.random(60, 400, density=0.1, format="csr", random_state=rng)
    x.data = rng.random(len(x.data))
    a, b = np.triu_indices(60, k=1)
    a, b = a[::5], b[::5]  # a fifth of all pairs: each pair's two rows gathered
    seen: list[int] = []

    class Spy(sparse.csr_matrix):
        def __getitem__(self, key):  # noqa: ANN001, ANN204
            got = super().__getitem__(key)
            seen.append(got.nnz)
            return got

    whole = link.pair_cosines(x, a, b, max_entries=10**12)
    dense = x.toarray()
    assert np.allclose(whole, (dense[a] * dense[b]).sum(axis=1))
    for budget in (1, 97, 5_000):
        seen.clear()
        stepped = link.pair_cosines(Spy(x), a, b, max_entries=budget)
        assert np.array_equal(stepped, whole)
        steps = list(zip(seen[::2], seen[1::2], strict=True))
        assert len(steps) > 1
        assert all(ea + eb <= max(budget, 2 * 400) for ea, eb in steps)
        if budget >= 5_000:
            assert all(ea + eb <= budget for ea, eb in steps)


def test_pair_cosines_of_most_pairs_read_the_products_block_by_block():
    """Most of all pairs (a small corpus scores them all) are read from the rows' products,
    a block of at most `max_entries` values at a time, and agree with the gathered rows'
    dot products to rounding."""
    import numpy as np
    from scipy import sparse

    from newsprism.stories import link

    rng = np.random.default_rng(11)
    x = sparse.random(50, 300, density=0.1, format="csr", random_state=rng)
    x.data = rng.random(len(x.data))
    a, b = np.triu_indices(50, k=1)
    dense = x.toarray()
    expected = (dense[a] * dense[b]).sum(axis=1)
    blocks: list[tuple[int, int]] = []
    real_matmul = sparse.csr_matrix.__matmul__

    def spy(self, other):  # noqa: ANN001, ANN202
        got = real_matmul(self, other)
        blocks.append(got.shape)
        return got

    for budget in (1, 120, 10**9):
        blocks.clear()
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(sparse.csr_matrix, "__matmul__", spy)
            product = link.pair_cosines(x, a, b, max_entries=budget)
        assert blocks and all(r * c <= max(budget, 50) for r, c in blocks)
        assert (len(blocks) == 1) == (budget >= 50 * 50)
        assert np.allclose(product, expected, rtol=0, atol=1e-12)
    few = link.pair_cosines(x, a[::5], b[::5])  # gathered rows, a fifth of the pairs
    assert np.allclose(few, product[::5], rtol=0, atol=1e-12)


# -- analysed stories packed until the commit, written a slice at a time ---------------------

def rows(url: str) -> dict[str, list]:
    """Every row of the tables a commit of stories writes, in a stable order."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: [tuple(r) for r in conn.execute(
                        sa.text(f"SELECT {c} FROM {t} ORDER BY 1, 2"))]
                    for t, c in (("stories", "*"), ("story_articles", "story_id, article_id"),
                                 ("story_list", "*"), ("story_redirects", "*"),
                                 ("story_fts", "rowid, *"))}
    finally:
        engine.dispose()


def test_packed_stories_decode_to_their_encoding():
    arts = [article(f"a{i}", "2024-05-01") for i in range(6)]
    stories = [rich_story(k, (arts[2 * k].id, arts[2 * k + 1].id)) for k in (2, 0, 1)]
    stories[0] = dataclasses.replace(stories[0], title="Lone \ud800 surrogate, \u00e9t\u00e9")
    held = PackedEncoded(pack_story(s) for s in stories)
    assert len(held) == 3 and held.ids == ("s0002", "s0000", "s0001")
    assert list(held) == [encode_story(s) for s in stories]
    assert held[1:] == (encode_story(stories[1]), encode_story(stories[2]))
    assert [held.ids[k] for k in held.id_order()] == ["s0000", "s0001", "s0002"]


def test_a_packed_commit_in_slices_writes_the_rows_of_one_plain_commit(store_url, tmp_path,
                                                                      monkeypatch):
    arts = [article(f"a{i:03d}", f"2024-05-{1 + i % 28:02d}") for i in range(30)]
    stories = [rich_story(k, tuple(a.id for a in arts[3 * k:3 * k + 3])) for k in range(10)]
    stories.reverse()  # the commit orders them
    plain_url = f"sqlite:///{tmp_path / 'plain.db'}"
    for url, given, slice_size in ((plain_url, stories, 10_000),
                                   (store_url, PackedEncoded(map(pack_story, stories)), 3)):
        monkeypatch.setattr(store_mod, "COMMIT_SLICE", slice_size)
        store = open_store(url)
        try:
            store.add_processed([(a, facts(a.id)) for a in arts])
            store.commit_analysis([], [story("old", ("a000",), "Old")], removed=[], done=[])
            store.commit_analysis([], given, removed=["old"], done=[a.id for a in arts],
                                  redirects={"old": "s0000"})
            assert store.stories_full() == sorted(stories, key=lambda s: s.id)
            assert store.redirect("old") == "s0000"
            assert store.stories(query="depot") and len(store.stories(query="t4")) == 1
        finally:
            store.close()
    if store_url.startswith("sqlite"):
        assert rows(store_url) == rows(plain_url)


def test_a_packed_commit_holds_a_slice_not_every_story(tmp_path, monkeypatch):
    monkeypatch.setattr(store_mod, "COMMIT_SLICE", 10)
    arts = [article(f"a{i:04d}", "2024-05-01") for i in range(400)]
    stories = [rich_story(k, (arts[2 * k].id, arts[2 * k + 1].id)) for k in range(200)]
    coded, plain = held(lambda: [encode_story(s) for s in stories])
    packed, given = held(lambda: PackedEncoded(map(pack_story, stories)))
    assert packed < coded / 4, (packed, coded)
    peaks = []
    for name, value in (("plain", plain), ("packed", given)):
        store = open_store(f"sqlite:///{tmp_path / name}.db")
        try:
            store.add_processed([(a, facts(a.id)) for a in arts])
            gc.collect()
            tracemalloc.start()
            try:
                store.commit_analysis([], value, removed=[], done=[])  # type: ignore[arg-type]
                peaks.append(tracemalloc.get_traced_memory()[1])
            finally:
                tracemalloc.stop()
        finally:
            store.close()
    # The plain list is held by the caller either way; a packed commit decodes 10 at a time.
    assert peaks[1] < coded / 4, (peaks, coded)


def test_the_store_path_gives_the_same_report_held_packed_or_plain(tmp_path, examples_dir,
                                                                   settings, monkeypatch):
    """The demo corpus through `run_analysis` with a store, in two runs (the second adds
    to the first), once as built (stories packed until the commit and written one slice of
    one story at a time, story tasks one article a chunk, the run's own facts sent to them
    packed, lean facts sharing their values) and once holding everything plain as before:
    the same report JSON and the same rows."""
    files = sorted(p for p in examples_dir.iterdir() if p.is_file())
    assert len(files) >= 3

    def build(name: str) -> tuple[str, str]:
        url = f"sqlite:///{tmp_path / name}.db"
        run_analysis([str(p) for p in files[:2]], settings, db_url=url)
        report = run_analysis([str(p) for p in files], settings, db_url=url)
        out = io.StringIO()
        write_report_json(report, out)
        return out.getvalue(), url

    given: list[type] = []
    slices = store_mod.encoded_slices
    sent: list[set[type]] = []  # the types of the facts each build's story stages were sent
    analyse = runner_base.analyse_stories

    def sent_spy(tasks, *args, **kwargs):
        sent[-1].update(type(f) for task in tasks for f in task[2])
        return analyse(tasks, *args, **kwargs)

    monkeypatch.setattr(runner_base, "analyse_stories", sent_spy)
    sent.append(set())

    def spy(stories):
        given.append(type(stories))
        return slices(stories)

    with monkeypatch.context() as m:
        m.setattr(store_mod, "COMMIT_SLICE", 1)
        m.setattr(service, "TASK_CHUNK", (1, 1))
        m.setattr(store_mod, "encoded_slices", spy)
        packed_json, packed_url = build("packed")
    assert given == [PackedEncoded, PackedEncoded]  # the built path was the one measured
    # The second run's stories hold stored articles (read as objects) and its own (packed).
    assert sent[0] == {bytes, ArticleFacts}

    class PlainFacts(dict):  # a run's own facts held, and sent, as objects
        def add(self, article_id, f):
            self[article_id] = f

        def packed(self, article_id):
            return self[article_id]

    monkeypatch.setattr(service, "PackedFacts", PlainFacts)
    sent.append(set())

    def one_slice(stories):  # the commit before: every story encoded, one insert
        coded = sorted((s if isinstance(s, store_mod.EncodedStory) else encode_story(s)
                        for s in stories), key=lambda s: s.id)
        return [c.id for c in coded], iter([coded] if coded else [])

    monkeypatch.setattr(store_mod, "encoded_slices", one_slice)
    monkeypatch.setattr(packed_mod, "pack_story", encode_story)
    monkeypatch.setattr(packed_mod, "PackedEncoded", list)
    monkeypatch.setattr(packed_mod, "load_lean",
                        lambda data: [load(ArticleFacts, json.loads(d)) for d in data])
    monkeypatch.setattr(service, "TASK_CHUNK", (None, None))
    plain_json, plain_url = build("plain")
    assert sent[1] == {ArticleFacts}
    assert json.loads(packed_json)["stories"]
    assert packed_json == plain_json
    assert rows(packed_url) == rows(plain_url)


# -- lean facts sharing the values that repeat ------------------------------------------------

def lean_data(n: int) -> list[dict]:
    """Made-up lean facts in their stored form: labels, terms and offsets repeat."""
    names = ["Mayor Olsen", "Harbour Board", "Veltran", "City Council", "Port Authority"]
    out = []
    for i in range(n):
        aid = f"art-{i:05d}"
        f = ArticleFacts(
            article_id=aid, sentences=(Sentence(aid, 0, 300 + i),),
            mentions=tuple(Mention(aid, 10 * j, 10 * j + 8, names[(i + j) % 5],
                                   "PERSON" if j % 2 else "ORG") for j in range(40)),
            quantities=(Quantity(aid, 5, 20, "300 workers", 300.0, 300.0, "worker", True),),
            dates=(DateRef(aid, 30, 40, "Tuesday", "2026-03-03"),),
            terms=tuple((w, 1 + (i + k) % 3) for k, w in enumerate(
                ["harbour", "strike", "wage", "crane", "dock", "vote", "board"] * 20)))
        out.append(json.loads(json.dumps(to_data(f))))
    return out


def test_lean_facts_share_their_values_and_equal_the_plain_decoding():
    data = lean_data(200)
    plain_size, plain = held(lambda: [load(ArticleFacts, json.loads(json.dumps(d)))
                                      for d in data])
    shared_size, shared = held(lambda: load_lean(json.dumps(d) for d in data))
    assert shared == plain
    assert shared_size < 0.6 * plain_size, (shared_size, plain_size)
    first, fourth = shared[0], shared[3]  # type: ignore[index]
    assert first.mentions[0].article_id is first.mentions[1].article_id
    assert first.terms[0] == fourth.terms[0] and first.terms[0] is fourth.terms[0]


def test_the_store_gives_lean_facts_with_shared_values(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'lean.db'}")
    try:
        given = [load(ArticleFacts, d) for d in lean_data(5)]
        store.add_processed([(article(f.article_id, "2024-05-01"), f) for f in given])
        got = store.lean_facts()
        assert got == [store_mod.lean(f) for f in given]
        assert got[0].mentions[0].label is got[3].mentions[0].label
        assert got[0].terms[0] == got[3].terms[0] and got[0].terms[0] is got[3].terms[0]
    finally:
        store.close()


# -- story tasks bounded by characters -------------------------------------------------------

def test_story_task_chunks_are_bounded_by_characters_too():
    arts = [article(f"a{i:02d}", "2024-05-01", text="x" * (100 if i % 2 else 1_000))
            for i in range(20)]
    stories = [story(f"s{k:02d}", (arts[2 * k].id, arts[2 * k + 1].id), f"T{k}")
               for k in range(10)]
    asked: list[list[str]] = []

    def lookup(ids: list[str]) -> dict[str, ArticleFacts]:
        asked.append(ids)
        return {i: facts(i) for i in ids}

    whole = [t for c in task_chunks(stories, arts, lookup, ()) for t in c]
    asked.clear()
    chunks = list(task_chunks(reversed(stories), arts, lookup, (), 100, 2_200))
    assert [len(c) for c in chunks] == [2, 2, 2, 2, 2]  # 1,100 characters a story
    assert [t for c in chunks for t in c] == whole
    assert all(sum(len(a.text) for t in c for a in t[1]) <= 2_200 for c in chunks)
    assert len(asked) == 5
    assert [len(c) for c in task_chunks(stories, arts, lookup, (), 3, None)] == [2, 2, 2, 2, 2]
    assert len(list(task_chunks(stories, arts, lookup, (), None, 10**9))) == 1


def test_a_corrected_article_of_the_run_goes_to_the_story_stages_corrected(
        tmp_path, examples_dir, settings, monkeypatch):
    """A run's own facts go to the story stages packed, except an article a speaker
    correction names (one made before the article was stored): its facts go as objects, the
    analyst's speaker set."""
    from newsprism.corrections import quote_key, text_hash
    from newsprism.storage.corrections import add_correction

    files = sorted(str(p) for p in examples_dir.iterdir() if p.is_file())
    plain = run_analysis(files, settings)
    quote = next(q for s in plain.stories for q in s.quotes if q.speaker)
    key = quote_key(quote.article_id, quote.start, quote.end)
    assert quote.speaker != "Mara Olsen"
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = open_store(url)
    add_correction(store, "quote.speaker", key,
                   {"speaker": "Mara Olsen", "text_hash": text_hash(quote.text)})
    store.close()
    sent: dict[str, type] = {}
    analyse = runner_base.analyse_stories

    def spy(tasks, *args, **kwargs):
        sent.update((a.id, type(f)) for task in tasks for a, f in zip(task[1], task[2],
                                                                      strict=True))
        return analyse(tasks, *args, **kwargs)

    monkeypatch.setattr(runner_base, "analyse_stories", spy)
    report = run_analysis(files, settings, db_url=url)
    assert sent.pop(quote.article_id) is ArticleFacts
    assert sent and set(sent.values()) == {bytes}
    got = next(q for s in report.stories for q in s.quotes
               if quote_key(q.article_id, q.start, q.end) == key)
    assert got.speaker == "Mara Olsen"
