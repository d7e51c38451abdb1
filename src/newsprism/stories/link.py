"""Batch linking: candidate pairs from an inverted index, then sparse average linkage.

Never all pairs. Each article offers its `TOP_K` heaviest features; a feature shared by more
than `MAX_POSTING` articles is too common to say "same event" and offers no candidates. Two
articles are candidates when they share `MIN_SHARED` offered features (one shared rare word is
often chance; articles on one event share several). The co-occurrence work is bounded by
N * TOP_K * MAX_POSTING whatever N is: linear once postings reach the cap, below it the
postings still lengthen with N (benchmarks/stories_bench.py, docs/stories.md).

A common feature is not silent: each article also offers its `COMMON_TOP_K` heaviest common
features, and each holder of one is paired with its `COMMON_WIDTH` nearest holders on either
side in one global order (publish day, then index: the sorted-neighbourhood method). The
order is global, so two articles close in time meet in every common list they share and can
reach MIN_SHARED; the work is N * COMMON_TOP_K * COMMON_WIDTH. Undated articles have no
place in that order and offer no common features there (a random order costs NeuS, whose
excerpts are undated, precision: docs/stories.md); instead each offers its `UNDATED_TOP_K`
heaviest features that are common in the corpus but rare among the undated articles
(`undated_pairs`), so undated reports of one event among a growing dated corpus still meet.

Candidates get their exact cosine; pairs above a floor become edges. Average linkage then
merges the two clusters with the highest mean similarity (a missing edge counts as 0) while
that mean is at least the threshold. Average linkage, unlike single linkage, does not chain two
similar events together through one article that mentions both. A big story linked only
through common features has far fewer edges than pairs, so its mean falls with its size;
`exact_linkage` then continues the merging with exact means (sum vectors) for dated clusters
within the time window.
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
COMMON_TOP_K = 8  # common features (held by > MAX_POSTING) each article offers
COMMON_WIDTH = 5  # holders of a common feature paired with their nearest this many in order
# Undated articles offer, besides their rare features, this many of their heaviest features
# that are common in the corpus but rare among the undated (`undated_pairs`): ECB+ (all
# undated) among 12,000 dated Baly articles lost recall 0.935 -> 0.908 because its stories'
# words became common; 8 gave 0.939, 16 and 32 0.942 (docs/stories.md, round 10).
UNDATED_TOP_K = 16
# A veto (a pair alike in people only, `features.VETO_EVENT`) keeps two clusters apart while
# the vetoed pairs are at least this share of the pairs across them: between an article and a
# round-up that would chain it to another event, always; between two sizeable parts of one
# event whose mean reaches the threshold, one people-only pair in more than 20 does not. A
# story of 18 undated reports of one rehab stay stayed in three parts over one vetoed pair
# (ECB+ with 2,000 distractors; docs/stories.md, eighth session).
VETO_SHARE = 0.05
FLOOR_RATIO = 0.5  # edges below threshold * FLOOR_RATIO are dropped (they barely move a mean)


def scored_pairs(x: sparse.csr_matrix, df: np.ndarray, rank: np.ndarray | None = None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs (i < j) and their cosines (rows of x are unit vectors). `rank`: each
    row's place in the global order (publish time, then index) the common features use."""
    if x.shape[0] <= ALL_PAIRS_UP_TO:
        co = sparse.triu(x @ x.T, k=1).tocoo()
        return co.row.astype(np.int64), co.col.astype(np.int64), co.data.astype(np.float64)
    a, b = candidate_pairs(x, df, rank)
    return a, b, pair_cosines(x, a, b)


def _offers(x: sparse.csr_matrix, usable: np.ndarray, k: int
            ) -> tuple[np.ndarray, np.ndarray]:
    """(row, feature) of each row's k heaviest usable features."""
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for i in range(x.shape[0]):
        start, end = x.indptr[i], x.indptr[i + 1]
        idx = x.indices[start:end]
        data = x.data[start:end]
        keep = usable[idx]
        idx, data = idx[keep], data[keep]
        if len(idx) > k:
            # Ties broken by feature index, so the choice does not depend on input order.
            order = np.lexsort((idx, -data))[:k]
            idx = idx[order]
        rows.append(np.full(len(idx), i, dtype=np.int64))
        cols.append(idx.astype(np.int64))
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(rows), np.concatenate(cols)


def _neighbour_pairs(r: np.ndarray, c: np.ndarray, rank: np.ndarray, width: int
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of holders of one common feature at most `width` apart in its holders' list,
    sorted by the global rank (the sorted-neighbourhood method)."""
    order = np.lexsort((rank[r], c))
    r, c = r[order], c[order]
    a_parts, b_parts = [], []
    for d in range(1, width + 1):
        same = c[:-d] == c[d:]
        a_parts.append(r[:-d][same])
        b_parts.append(r[d:][same])
    if not a_parts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    a, b = np.concatenate(a_parts), np.concatenate(b_parts)
    return np.minimum(a, b), np.maximum(a, b)


def candidate_pairs(x: sparse.csr_matrix, df: np.ndarray, rank: np.ndarray | None = None
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of rows that share MIN_SHARED offered features (ALL_PAIRS_UP_TO: below
    that size `scored_pairs` takes every pair instead). A rare feature (held by <= MAX_POSTING)
    pairs all its offering holders; a common one pairs each holder with its COMMON_WIDTH
    nearest offering holders in the global order, so the work stays N x TOP_K x width."""
    n = x.shape[0]
    r, c = _offers(x, (df >= 2) & (df <= MAX_POSTING), TOP_K)
    t = sparse.csr_matrix((np.ones(len(r), np.float32), (r, c)), shape=x.shape)
    co = sparse.triu(t @ t.T, k=1).tocoo()
    if rank is not None and UNDATED_TOP_K:
        co = (co.tocsr() + undated_pairs(x, df, rank < 0)).tocoo()
    if COMMON_TOP_K and COMMON_WIDTH:
        rank = np.arange(n) if rank is None else rank
        r, c = _offers(x, df > MAX_POSTING, COMMON_TOP_K)
        placed = rank[r] >= 0
        r, c = r[placed], c[placed]
        a, b = _neighbour_pairs(r, c, rank, COMMON_WIDTH)
        keep = a != b
        near = sparse.coo_matrix((np.ones(int(keep.sum()), np.float32), (a[keep], b[keep])),
                                 shape=(n, n))
        co = (co.tocsr() + near.tocsr()).tocoo()
    keep = co.data >= MIN_SHARED
    return co.row[keep].astype(np.int64), co.col[keep].astype(np.int64)


def undated_pairs(x: sparse.csr_matrix, df: np.ndarray, undated: np.ndarray
                  ) -> sparse.csr_matrix:
    """Offers shared by two undated rows (upper triangle, n x n): each undated row offers its
    `UNDATED_TOP_K` heaviest features that are common in the corpus (held by > MAX_POSTING)
    but rare among the undated rows (held by 2 to MAX_POSTING of them). Undated rows have no
    place in the common features' time order; without this, a word of their event that the
    dated rest of the corpus makes common ("rehab", "earthquake") pairs them with nothing,
    and their story splits as the corpus grows. Bounded as the rare offers: each such
    feature pairs at most MAX_POSTING undated holders. When every row is undated no feature
    qualifies (common and rare at once): nothing changes."""
    n = x.shape[0]
    rows = np.flatnonzero(undated)
    if not len(rows):
        return sparse.csr_matrix((n, n), dtype=np.float32)
    xu = sparse.csr_matrix(x[rows])
    held = np.bincount(xu.indices, minlength=x.shape[1])
    r, c = _offers(xu, (df > MAX_POSTING) & (held >= 2) & (held <= MAX_POSTING), UNDATED_TOP_K)
    t = sparse.csr_matrix((np.ones(len(r), np.float32), (rows[r], c)), shape=x.shape)
    return sparse.csr_matrix(sparse.triu(t @ t.T, k=1), shape=(n, n))


# Stored entries of `x[a]` and `x[b]` one step of `pair_cosines` copies (16 bytes each, and
# again in their product): 200,000 pairs a step copied about 0.8 GB for 500 real articles
# (hundreds of features each), the peak of the --db build (issue 25, docs/scale.md).
PAIR_CHUNK_ENTRIES = 4_000_000
# Pairs at least 1 / PRODUCT_SHARE of all pairs are read from the rows' products
# (`_product_cosines`): at 1,000 real articles every pair is scored (ALL_PAIRS_UP_TO).
PRODUCT_SHARE = 4


def pair_cosines(x: sparse.csr_matrix, a: np.ndarray, b: np.ndarray,
                 chunk: int = 200_000, max_entries: int = PAIR_CHUNK_ENTRIES) -> np.ndarray:
    """Dot products of rows a[k] and b[k] of x, in steps of at most `chunk` pairs and (unless
    one pair alone has more) `max_entries` stored entries. Each pair's value is the product
    of its own two rows, so the steps change no value."""
    out = np.empty(len(a), dtype=np.float64)
    if not len(a):
        return out
    n = x.shape[0]
    if len(a) * PRODUCT_SHARE >= n * (n - 1) // 2:
        return _product_cosines(x, a, b, out, max_entries)
    sizes = np.diff(x.indptr)
    ends = np.cumsum(sizes[a] + sizes[b], dtype=np.int64)
    s = 0
    while s < len(a):
        done = int(ends[s - 1]) if s else 0
        e = int(np.searchsorted(ends, done + max_entries, side="right"))
        e = min(max(e, s + 1), s + chunk, len(a))
        out[s:e] = np.asarray(x[a[s:e]].multiply(x[b[s:e]]).sum(axis=1)).ravel()
        s = e
    return out


def _product_cosines(x: sparse.csr_matrix, a: np.ndarray, b: np.ndarray, out: np.ndarray,
                     max_entries: int) -> np.ndarray:
    """`pair_cosines` when the pairs are a good share of all pairs (a small corpus scores
    them all): the rows' products with every row, a block of rows at a time (at most
    `max_entries` values), read at the pairs. Gathering two rows per pair copied each row
    hundreds of times: 3.1 CPU s against 0.12 for the 499,500 pairs of 1,000 real articles.
    Each value sums its terms in the rows' feature order (the sum a row-by-row dot product
    makes); the gathered rows' `sum` added them in another order, so the two agree to the
    last bit or two (2e-16 at most on those pairs), never more."""
    n = x.shape[0]
    x = x.sorted_indices()
    xt = x.T.tocsr()
    step = max(1, max_entries // max(n, 1))
    for r0 in range(0, n, step):
        r1 = min(n, r0 + step)
        held = (a >= r0) & (a < r1)
        if held.any():
            block = (x[r0:r1] @ xt).toarray()
            out[held] = block[a[held] - r0, b[held]]
    return out


def veto_counts(n: int, vetoes: Sequence[tuple[int, int]],
                 labels: Sequence[int] | None = None) -> list[dict[int, int]]:
    """For each item (or cluster root of `labels`), the vetoed pairs it holds with each
    other item (cluster)."""
    table: list[dict[int, int]] = [{} for _ in range(n)]
    for i, j in vetoes:
        if labels is not None:
            i, j = labels[i], labels[j]
        if i != j:
            table[i][j] = table[i].get(j, 0) + 1
            table[j][i] = table[j].get(i, 0) + 1
    return table


def fold_veto_counts(table: list[dict[int, int]], i: int, j: int) -> None:
    """Cluster j joins cluster i: i adds j's vetoed pairs to its own."""
    for k, c in table[j].items():
        del table[k][j]
        if k != i:
            table[k][i] = table[k].get(i, 0) + c
            table[i][k] = table[i].get(k, 0) + c
    table[i].pop(j, None)
    table[j] = {}


def vetoed(table: list[dict[int, int]], i: int, j: int, pairs: float) -> bool:
    """Whether the vetoes between clusters i and j (`pairs` article pairs across) bind:
    at least `VETO_SHARE` of the pairs across, and at least one."""
    held = table[i].get(j, 0)
    return held > 0 and held >= VETO_SHARE * pairs


def average_linkage(n: int, edges: Sequence[tuple[int, int, float]],
                    threshold: float, vetoes: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Cluster label (the smallest member index) of each of n items.

    Sparse: only the given edges have weight; the mean similarity of two clusters is the sum of
    their edges over the product of their sizes. Deterministic: ties go to smaller indices.
    `vetoes`: pairs of items that must not end in one cluster: two clusters holding the two
    ends of a veto are not merged, whatever their mean, while such pairs are `VETO_SHARE` or
    more of the pairs across them (`vetoed`): a third article cannot chain two reports that
    were judged apart.
    """
    size = [1] * n
    nbr: list[dict[int, float]] = [{} for _ in range(n)]
    for i, j, w in edges:
        if i == j:
            continue
        nbr[i][j] = nbr[i].get(j, 0.0) + w
        nbr[j][i] = nbr[j].get(i, 0.0) + w
    veto = veto_counts(n, vetoes)
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
        if vetoed(veto, i, j, size[i] * size[j]):
            continue
        # i < j always; j is folded into i so the label stays the smallest index.
        alive[j] = False
        parent[j] = i
        version[i] += 1
        fold_veto_counts(veto, i, j)
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


def _dot(u: dict[int, float], v: dict[int, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    get = v.get
    return sum(w * get(k, 0.0) for k, w in u.items())


def exact_linkage(x: sparse.csr_matrix, df: np.ndarray, labels: Sequence[int],  # noqa: C901  (one merge loop with its bookkeeping; split tracked in issue 19)
                  pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
                  threshold: float, days: np.ndarray | None = None, window: float = 0.0,
                  vetoes: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Average linkage continued over the clusters `labels` (from `average_linkage` on the
    edges) with exact means where candidate pairs are missing: the summed cosine of two
    clusters of unit vectors is (sum of A's vectors) . (sum of B's vectors), so a pair that
    was never a candidate need not count 0.

    Only the common features' part (held by > MAX_POSTING) of a missing pair is restored: the
    candidate step already pairs every two holders of rare features that share MIN_SHARED of
    them; what it cannot see beyond its window is the common ones. The mean of two clusters
    is (W + max(D - C - M * chance, 0)) / (|A| |B|): W the edge weights of their candidate
    pairs `pairs` = (a, b, weight) (weight 0: below the floor or outside the time window),
    C those pairs' common-feature cosines, D the product of the clusters' common-feature sum
    vectors, M the number of missing pairs and `chance` the mean common-feature cosine of all
    pairs of the corpus (what any two articles share). The exact mean applies only when every
    member of both clusters is dated and they all lie within `window` days (every missing
    pair could then have been an edge; the time window is respected); otherwise the mean is
    the edges' (a missing pair counts 0), as in `average_linkage`. `days`: ordinal, nan when
    undated; None = all within the window. Only cluster pairs joined by a candidate pair are
    examined. Labels: the smallest member index, as `average_linkage`; `vetoes` as there.

    Long because the merge loop and its bookkeeping (cluster sums, sizes, days, the queue) share
    state a split would have to pass around."""
    n = x.shape[0]
    x = sparse.csr_matrix(x @ sparse.diags((df > MAX_POSTING).astype(np.float64)))
    x.eliminate_zeros()
    lab = np.asarray(labels, dtype=np.int64)
    roots, inv = np.unique(lab, return_inverse=True)
    m = len(roots)
    size = np.bincount(inv, minlength=m).astype(np.float64)
    a, b, w = pairs
    c = pair_cosines(x, a, b)
    ca, cb = inv[a], inv[b]
    cross = ca != cb
    ca, cb, w, c = ca[cross], cb[cross], w[cross], c[cross]
    lo, hi = np.minimum(ca, cb), np.maximum(ca, cb)
    key = lo * m + hi
    uk, kinv = np.unique(key, return_inverse=True)
    ka, kb = uk // m, uk % m
    ws = np.bincount(kinv, weights=w, minlength=len(uk))
    cs = np.bincount(kinv, weights=c, minlength=len(uk))
    ps = np.bincount(kinv, minlength=len(uk)).astype(np.float64)
    member = sparse.csr_matrix((np.ones(n), (inv, np.arange(n))), shape=(m, n))
    s = sparse.csr_matrix(member @ x)
    ds = pair_cosines(s, ka, kb) if len(uk) else np.zeros(0)
    nbr: list[dict[int, list[float]]] = [{} for _ in range(m)]
    for i, j, wi, ci, pi, di in zip(ka.tolist(), kb.tolist(), ws.tolist(), cs.tolist(),
                                    ps.tolist(), ds.tolist(), strict=True):
        nbr[i][j] = [wi, ci, pi, di]
        nbr[j][i] = nbr[i][j]
    vec: dict[int, dict[int, float]] = {}

    def vector(i: int) -> dict[int, float]:
        if i not in vec:
            st, en = s.indptr[i], s.indptr[i + 1]
            vec[i] = dict(zip(s.indices[st:en].tolist(), s.data[st:en].tolist(), strict=True))
        return vec[i]

    sz = size.tolist()
    veto = veto_counts(m, vetoes, inv.tolist())
    if days is None:
        first_day = [0.0] * m
        last_day = [0.0] * m
    else:
        # Undated members count as infinitely late: such a cluster spans no window.
        dd = np.where(np.isnan(days), np.inf, days)
        lo_day = np.full(m, np.inf)
        np.minimum.at(lo_day, inv, dd)
        hi_day = np.full(m, -np.inf)
        np.maximum.at(hi_day, inv, dd)
        first_day, last_day = lo_day.tolist(), hi_day.tolist()
    total = np.asarray(x.sum(axis=0)).ravel()
    # The mean cosine of all pairs of the corpus: what two articles share by chance.
    chance = max(float(total @ total) - n, 0.0) / max(n * (n - 1), 1)

    def mean(i: int, k: int, e: list[float]) -> float:
        full = sz[i] * sz[k]
        span = max(last_day[i], last_day[k]) - min(first_day[i], first_day[k])
        if e[2] >= full or not span <= window:
            return e[0] / full
        return (e[0] + max(e[3] - e[1] - (full - e[2]) * chance, 0.0)) / full

    heap: list[tuple[float, int, int, int, int]] = []
    for i in range(m):
        for k, e in nbr[i].items():
            if i < k:
                v = mean(i, k, e)
                if v >= threshold:
                    heap.append((-v, i, k, 0, 0))
    heapq.heapify(heap)
    alive = [True] * m
    version = [0] * m
    parent = list(range(m))
    while heap:
        _, i, j, vi, vj = heapq.heappop(heap)
        if not (alive[i] and alive[j]) or version[i] != vi or version[j] != vj:
            continue
        if vetoed(veto, i, j, sz[i] * sz[j]):
            continue
        alive[j] = False
        parent[j] = i
        version[i] += 1
        fold_veto_counts(veto, i, j)
        ni, nj = nbr[i], nbr[j]
        ni.pop(j, None)
        nj.pop(i, None)
        vi_vec, vj_vec = vector(i), vector(j)
        merged: dict[int, list[float]] = {}
        for k in set(ni) | set(nj):
            ei, ej = ni.get(k), nj.get(k)
            if ei is not None and ej is not None:
                e = [ei[0] + ej[0], ei[1] + ej[1], ei[2] + ej[2], ei[3] + ej[3]]
            elif ei is not None:
                e = [ei[0], ei[1], ei[2], ei[3] + _dot(vj_vec, vector(k))]
            else:
                assert ej is not None
                e = [ej[0], ej[1], ej[2], ej[3] + _dot(vi_vec, vector(k))]
            merged[k] = e
            nbr[k].pop(j, None)
            nbr[k][i] = e
        nbr[i] = merged
        nbr[j] = {}
        if len(vj_vec) > len(vi_vec):  # fold the smaller sum vector into the larger
            vi_vec, vj_vec = vj_vec, vi_vec
            vec[i] = vi_vec
        for f, v in vj_vec.items():
            vi_vec[f] = vi_vec.get(f, 0.0) + v
        del vec[j]
        sz[i] += sz[j]
        first_day[i] = min(first_day[i], first_day[j])
        last_day[i] = max(last_day[i], last_day[j])
        for k, e in merged.items():
            v = mean(i, k, e)
            if v >= threshold:
                lo_, hi_ = (i, k) if i < k else (k, i)
                heapq.heappush(heap, (-v, lo_, hi_, version[lo_], version[hi_]))
    out = []
    for g in inv.tolist():
        r = g
        while parent[r] != r:
            r = parent[r]
        out.append(int(roots[r]))
    # A merged cluster takes the smallest article index it holds.
    first: dict[int, int] = {}
    for idx, r in enumerate(out):
        first.setdefault(r, idx)
    return [first[r] for r in out]
