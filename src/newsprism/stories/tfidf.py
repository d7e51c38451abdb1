"""Unit TF-IDF rows of articles' clustering features (`tfidf_rows`, which `cluster` and an
incremental update share), built with whole-array steps instead of a Python loop over every
feature of every article.

The rows are the same arrays the loop built, entry for entry: each article's features in
the order of its `RawFeatures.counts`, each feature's column the order of its first
appearance (articles in the given order), the same weights (`features.idf` of the same
document frequencies, computed once per distinct frequency) and the same scipy steps after
that, so every cosine read from them is the same float (tests/test_tfidf_rows.py compares
them bit for bit with the loop).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain, compress
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from .features import RawFeatures
from .features import idf as idf_of

if TYPE_CHECKING:
    from .cluster import IdfBasis

__all__ = ["tfidf_rows"]


def tfidf_rows(raws: Sequence[RawFeatures], event: bool = False, basis: IdfBasis | None = None
               ) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Unit TF-IDF rows of the articles and the document frequencies; `event`: over the
    event part of each article only (`RawFeatures.event_counts`); `basis`: the IDF weights
    from its frequencies instead of those of `raws` (the returned frequencies stay those
    of `raws`: the candidate step's)."""
    rows = [raw.event_counts() if event else raw.counts for raw in raws]
    lens = np.fromiter(map(len, rows), np.int64, len(rows))
    flat = list(chain.from_iterable(rows))
    names = [f for f, _ in flat]
    data = np.array([c for _, c in flat], np.float64)
    keep = ~(data <= 0)  # as `if c <= 0: continue` (a nan count is kept)
    if not keep.all():
        owner = np.repeat(np.arange(len(rows), dtype=np.int64), lens)
        lens = np.bincount(owner[keep], minlength=len(rows)).astype(np.int64)
        names = list(compress(names, keep.tolist()))
        data = data[keep]
    vocab = {f: k for k, f in enumerate(dict.fromkeys(names))}
    indices = np.fromiter(map(vocab.__getitem__, names), np.int64, len(names))
    indptr = np.zeros(len(rows) + 1, np.int64)
    np.cumsum(lens, out=indptr[1:])
    x = sparse.csr_matrix((data, indices, indptr), shape=(len(raws), max(len(vocab), 1)))
    df = np.bincount(x.indices, minlength=x.shape[1])
    if basis is None:
        weights = _idf(df, len(raws)) if len(df) else np.zeros(0)
    else:
        held = basis.event_df if event else basis.df
        # No features at all: one empty column (as above), weighted 1.
        weights = np.concatenate([_idf(_held(held, list(vocab)), basis.n),
                                  np.ones(len(df) - len(vocab))])
    x = x @ sparse.diags(weights) if len(df) else x
    x = sparse.csr_matrix(x)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sparse.diags(1.0 / norms) @ x
    return sparse.csr_matrix(x), df


def _idf(df: np.ndarray, n: int) -> np.ndarray:
    """`features.idf` of each frequency, computed once per distinct one (the same floats)."""
    if not len(df):
        return np.zeros(0)
    values, where = np.unique(df, return_inverse=True)
    return np.array([idf_of(int(d), n) for d in values.tolist()])[where.ravel()]


def _held(held: Mapping[str, int], names: list[str]) -> np.ndarray:
    """The frequencies `held` gives `names` (0 for a feature it does not hold)."""
    get = held.get
    return np.fromiter((get(f, 0) for f in names), np.int64, len(names))
