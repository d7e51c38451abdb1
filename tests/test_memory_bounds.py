"""The whole store's report holds its stories packed, one decoded at a time (issue 25)."""

from __future__ import annotations

import dataclasses
import gc
import io
import json
import tracemalloc

import pytest

from newsprism.model import Claim, Entity, Quote, Report
from newsprism.service import consistent_report
from newsprism.storage.packed import PackedStories, stored_stories
from newsprism.storage.report import report_json, write_report_json
from newsprism.storage.store import open_store
from storecases import STORE_KINDS, article, facts, make_store_url, story


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


class Discard(io.TextIOBase):
    def write(self, text: str) -> int:
        return len(text)


def test_packed_report_holds_a_fraction_of_the_decoded_stories(tmp_path):
    store, _arts, _stories = filled(f"sqlite:///{tmp_path / 'm.db'}", 400)
    try:
        decoded, _ = held(store.stories_full)
        packed, value = held(lambda: stored_stories(store))
        assert len(value) == 200  # type: ignore[arg-type]
        assert packed < decoded / 4, (packed, decoded)
        # Writing the report decodes one story at a time: it holds about one story more.
        report = Report(articles=(), reuse=(), stories=value)  # type: ignore[arg-type]
        gc.collect()
        tracemalloc.start()
        try:
            write_report_json(report, Discard())
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
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
