"""`stories.tfidf.tfidf_rows` builds the rows of the loop it replaced (issue 25, round 9):
the same entries in the same order, the same columns, weights and frequencies, bit for bit,
so every cosine and every story made from them is the one the loop gave."""

from __future__ import annotations

import random

import numpy as np
import pytest
from scipy import sparse

from newsprism.stories.cluster import IdfBasis
from newsprism.stories.features import RawFeatures
from newsprism.stories.features import idf as idf_of
from newsprism.stories.tfidf import tfidf_rows


def loop_rows(raws, event=False, basis=None):
    """The loop `cluster.tfidf_rows` was until round 9, kept here as the reference."""
    vocab: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for raw in raws:
        for f, c in (raw.event_counts() if event else raw.counts):
            if c <= 0:
                continue
            indices.append(vocab.setdefault(f, len(vocab)))
            data.append(c)
        indptr.append(len(indices))
    x = sparse.csr_matrix((np.asarray(data, np.float64), np.asarray(indices, np.int64),
                           np.asarray(indptr, np.int64)), shape=(len(raws), max(len(vocab), 1)))
    df = np.bincount(x.indices, minlength=x.shape[1])
    n = len(raws)
    if basis is None:
        weights = np.array([idf_of(int(d), n) for d in df]) if len(df) else np.zeros(0)
    else:
        held = basis.event_df if event else basis.df
        names = sorted(vocab, key=vocab.__getitem__)
        weights = np.array([idf_of(held.get(f, 0), basis.n) for f in names]
                           + [1.0] * (len(df) - len(names)))
    x = x @ sparse.diags(weights) if len(df) else x
    x = sparse.csr_matrix(x)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sparse.diags(1.0 / norms) @ x
    return sparse.csr_matrix(x), df


def made_up_raws(seed: int, n: int, odd: bool) -> list[RawFeatures]:
    """Articles over a shared vocabulary of made-up features; `odd`: some counts zero or
    negative (dropped) and some articles with none."""
    rng = random.Random(seed)
    vocab = [f"{kind}:w{k}" for kind in "tenqd" for k in range(60)]
    raws = []
    for i in range(n):
        k = rng.choice([0, 1, 3, 12, 40]) if odd else rng.randint(1, 40)
        feats = sorted(rng.sample(vocab, k))
        counts = [(f, round(rng.uniform(0.5, 4.0), 3)) for f in feats]
        if odd and counts and rng.random() < 0.3:
            j = rng.randrange(len(counts))
            counts[j] = (counts[j][0], rng.choice([0.0, -1.0]))
        actors = tuple(sorted(f for f in feats
                              if f.startswith(("e:", "n:")) and rng.random() < 0.5))
        raws.append(RawFeatures(f"a{i:03d}", tuple(counts), actors))
    return raws


def same(got, want) -> None:
    (x, df), (y, dg) = got, want
    assert x.shape == y.shape
    assert np.array_equal(x.indptr, y.indptr)
    assert np.array_equal(x.indices, y.indices)
    assert x.data.tobytes() == y.data.tobytes()  # bit for bit
    assert np.array_equal(df, dg)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("event", [False, True])
def test_rows_are_the_loops_bit_for_bit(seed: int, event: bool) -> None:
    raws = made_up_raws(seed, 80, odd=seed % 2 == 1)
    same(tfidf_rows(raws, event=event), loop_rows(raws, event=event))


@pytest.mark.parametrize("event", [False, True])
def test_rows_with_a_store_basis_are_the_loops(event: bool) -> None:
    raws = made_up_raws(7, 60, odd=True)
    rng = random.Random(3)
    names = {f for r in raws for f, _ in r.counts}
    # A store's counts: most features held (some not at all), over more articles.
    held = {f: rng.randint(1, 900) for f in sorted(names) if rng.random() < 0.8}
    basis = IdfBasis(held, {f: max(c - 5, 0) for f, c in held.items()}, 1000)
    same(tfidf_rows(raws, event=event, basis=basis), loop_rows(raws, event=event, basis=basis))


@pytest.mark.parametrize("raws", [[], [RawFeatures("a", ())], [RawFeatures("a", (("t:x", 0.0),))]])
def test_no_features_gives_the_loops_empty_column(raws) -> None:
    basis = IdfBasis({}, {}, 10)
    same(tfidf_rows(raws), loop_rows(raws))
    same(tfidf_rows(raws, basis=basis), loop_rows(raws, basis=basis))


def test_the_comparison_sees_a_changed_weight() -> None:
    """The check above fails when one weight moves by the last bit."""
    raws = made_up_raws(2, 30, odd=False)
    x, df = tfidf_rows(raws)
    y = x.copy()
    y.data[5] = np.nextafter(y.data[5], 2.0)
    with pytest.raises(AssertionError):
        same((y, df), loop_rows(raws))
