"""The per-article bound on reuse candidate pairs (issues 23 and 25): at most k x N pairs
are aligned, whatever the corpus holds. See `best_per_article` and docs/scale.md."""

from __future__ import annotations

import numpy as np


def best_per_article(first: np.ndarray, second: np.ndarray, shared: np.ndarray,
                     sizes: np.ndarray, k: int) -> np.ndarray:
    """Per pair (first[m], second[m], sharing shared[m] fingerprints; `sizes`: each article's
    fingerprints): is it among the k best pairs of either of its articles?

    Best by fingerprint agreement: the Jaccard of the two fingerprint sets (shared over their
    union), which orders near-copies first, then by fingerprints shared, then by the other
    article's index (a total order; `update_reuse` indexes the articles in id order, so the
    choice does not depend on the input order).

    Without a bound, a text whose phrases recur across a corpus (one outlet's stock
    sentences, or reports on one ongoing event) pairs with a share of the whole corpus, and
    the pairs aligned grow with its square; with it they are at most k x N. A group of
    m > k + 1 copies of one text keeps each copy's k closest copies, not all m(m - 1)/2
    pairs: `independent_groups` joins the copies through those pairs (one group when they
    are exact copies, each then pairing with the first k by id)."""
    m = len(first)
    if not m:
        return np.zeros(0, dtype=bool)
    union = sizes[first] + sizes[second] - shared
    agreement = shared / np.maximum(union, 1)
    owner = np.concatenate([first, second])
    other = np.concatenate([second, first])
    score = np.concatenate([agreement, agreement])
    tie = np.concatenate([shared, shared])
    order = np.lexsort((other, -tie, -score, owner))
    owner_sorted = owner[order]
    starts = np.flatnonzero(np.r_[True, owner_sorted[1:] != owner_sorted[:-1]])
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    kept = np.zeros(2 * m, dtype=bool)
    kept[order[rank < k]] = True
    return kept[:m] | kept[m:]
