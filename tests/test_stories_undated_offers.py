"""Undated articles among a large dated corpus (`link.undated_pairs`): a word of their event
that the dated articles make common must still pair them, so their story is not split as the
corpus around it grows. Made-up articles only."""

from __future__ import annotations

import random

import numpy as np
import pytest
from scipy import sparse

from newsprism.settings import Settings
from newsprism.stories import link
from newsprism.stories.cluster import cluster
from newsprism.text import stable_id
from test_stories import make

COMMON = ["rehab", "clinic", "treatment", "checked", "actress"]


def _corpus() -> tuple[list, set[str]]:
    rng = random.Random(7)
    items = []
    for e in range(400):  # 1,200 dated articles of 400 events, each using 3 common words
        own = [f"e{e}t{i}" for i in range(8)]
        day = f"2021-{1 + e % 12:02d}-{1 + (e * 7) % 28:02d}"
        for k in range(3):
            terms = {w: rng.randint(1, 2) for w in rng.sample(own, 5)}
            terms.update({w: 1 for w in rng.sample(COMMON, 3)})
            items.append(make(stable_id("d", str(e), str(k)), terms, published=day))
    story = set()
    for k in range(6):  # one undated story: its common words and one rare word
        terms = {w: rng.randint(2, 3) for w in COMMON}
        terms.update({"zorblat": 1, f"u{k}a": 1, f"u{k}b": 1})
        art, facts = make(stable_id("u", str(k)), terms)
        story.add(art.id)
        items.append((art, facts))
    assert len(items) > link.ALL_PAIRS_UP_TO and 1200 * 3 / 5 > link.MAX_POSTING
    return items, story


def _story_parts(items: list, story: set[str]) -> list[int]:
    stories = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    return sorted(len(story & set(s.article_ids)) for s in stories
                  if story & set(s.article_ids))


def test_undated_story_stays_whole_when_its_words_are_common_among_dated() -> None:
    items, story = _corpus()
    assert _story_parts(items, story) == [6]


def test_without_undated_offers_the_story_falls_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """The behaviour before `undated_pairs`: one rare word shared is no candidate pair."""
    monkeypatch.setattr(link, "UNDATED_TOP_K", 0)
    items, story = _corpus()
    assert _story_parts(items, story) == [1] * 6


def test_no_undated_offers_when_every_row_is_undated() -> None:
    """A feature cannot be common in the corpus and rare among the undated when all rows are
    undated: an all-undated corpus (NeuS) gets the candidates it got before."""
    rng = np.random.default_rng(0)
    dense = (rng.random((300, 40)) < 0.5).astype(float)
    x = sparse.csr_matrix(dense)
    df = np.bincount(x.indices, minlength=x.shape[1])
    assert (df > link.MAX_POSTING).any()
    assert link.undated_pairs(x, df, np.ones(300, dtype=bool)).nnz == 0
    # Half the rows dated: the common features are rare among the undated half.
    undated = np.arange(300) < 40
    assert link.undated_pairs(x, df, undated).nnz > 0
