"""Batch linking: candidate pairs from an inverted index, then sparse average linkage.

Never all pairs. Each article offers its `TOP_K` heaviest features; a feature shared by more
than `MAX_POSTING` articles is too common to say "same event" and offers no candidates. Two
articles are candidates when they share `MIN_SHARED` offered features (one shared rare word is
often chance; articles on one event share several). The co-occurrence work is bounded by
N * TOP_K * MAX_POSTING whatever N is: linear once postings reach the cap, below it the
postings still lengthen with N (benchmarks/stories_bench.py, docs/stories.md).

Candidates get their exact cosine; pairs above a floor become edges. Average linkage then
merges the two clusters with the highest mean similarity (a missing edge counts as 0) while
that mean is at least the threshold. Average linkage, unlike single linkage, does not chain two
similar events together through one article that mentions both.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np
from scipy import sparse

ALL_PAIRS_UP_TO = 1000  # articles; below this the exact all-pairs product is cheap
TOP_K = 16
MAX_POSTING = 100
MIN_SHARED = 2  # offered features two candidates must share (one is often chance)
FLOOR_RATIO = 0.5  # edges below threshold * FLOOR_RATIO are dropped (they barely move a mean)


def scored_pairs(x: sparse.csr_matrix, df: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs (i < j) and their cosines (rows of x are unit vectors)."""
    if x.shape[0] <= ALL_PAIRS_UP_TO:
        co = sparse.triu(x @ x.T, k=1).tocoo()
        return co.row.astype(np.int64), co.col.astype(np.int64), co.data.astype(np.float64)
    a, b = candidate_pairs(x, df)
    return a, b, pair_cosines(x, a, b)


def candidate_pairs(x: sparse.csr_matrix, df: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of rows that share one of their TOP_K heaviest, not-too-common features
    (ALL_PAIRS_UP_TO: below that size `scored_pairs` takes every pair instead)."""
    n = x.shape[0]
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    usable = (df >= 2) & (df <= MAX_POSTING)
    for i in range(n):
        start, end = x.indptr[i], x.indptr[i + 1]
        idx = x.indices[start:end]
        data = x.data[start:end]
        keep = usable[idx]
        idx, data = idx[keep], data[keep]
        if len(idx) > TOP_K:
            # Ties broken by feature index, so the choice does not depend on input order.
            order = np.lexsort((idx, -data))[:TOP_K]
            idx = idx[order]
        rows.append(np.full(len(idx), i, dtype=np.int64))
        cols.append(idx.astype(np.int64))
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    r, c = np.concatenate(rows), np.concatenate(cols)
    t = sparse.csr_matrix((np.ones(len(r), np.float32), (r, c)), shape=x.shape)
    co = sparse.triu(t @ t.T, k=1).tocoo()
    keep = co.data >= MIN_SHARED
    return co.row[keep].astype(np.int64), co.col[keep].astype(np.int64)


def pair_cosines(x: sparse.csr_matrix, a: np.ndarray, b: np.ndarray,
                 chunk: int = 200_000) -> np.ndarray:
    out = np.empty(len(a), dtype=np.float64)
    for s in range(0, len(a), chunk):
        e = min(s + chunk, len(a))
        out[s:e] = np.asarray(x[a[s:e]].multiply(x[b[s:e]]).sum(axis=1)).ravel()
    return out


def average_linkage(n: int, edges: Sequence[tuple[int, int, float]],
                    threshold: float) -> list[int]:
    """Cluster label (the smallest member index) of each of n items.

    Sparse: only the given edges have weight; the mean similarity of two clusters is the sum of
    their edges over the product of their sizes. Deterministic: ties go to smaller indices.
    """
    size = [1] * n
    nbr: list[dict[int, float]] = [{} for _ in range(n)]
    for i, j, w in edges:
        if i == j:
            continue
        nbr[i][j] = nbr[i].get(j, 0.0) + w
        nbr[j][i] = nbr[j].get(i, 0.0) + w
    alive = [True] * n
    version = [0] * n
    heap: list[tuple[float, int, int, int, int]] = []
    for i in range(n):
        for j, w in nbr[i].items():
            if i < j and w >= threshold:
                heap.append((-w, i, j, 0, 0))
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        neg, i, j, vi, vj = heapq.heappop(heap)
        if not (alive[i] and alive[j]) or version[i] != vi or version[j] != vj:
            continue
        # i < j always; j is folded into i so the label stays the smallest index.
        alive[j] = False
        parent[j] = i
        version[i] += 1
        merged = nbr[i]
        merged.pop(j, None)
        for k, w in nbr[j].items():
            if k == i:
                continue
            merged[k] = merged.get(k, 0.0) + w
            del nbr[k][j]
        nbr[j] = {}
        size[i] += size[j]
        for k, w in merged.items():
            nbr[k][i] = w
            mean = w / (size[i] * size[k])
            if mean >= threshold:
                a, b = (i, k) if i < k else (k, i)
                heapq.heappush(heap, (-mean, a, b, version[a], version[b]))
    labels = []
    for i in range(n):
        r = i
        while parent[r] != r:
            r = parent[r]
        labels.append(r)
    return labels
