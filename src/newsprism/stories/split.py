"""Split a story that is really two similar events (two earthquakes, two rehab stays).

Average linkage over the whole corpus groups articles by topic well, but two events of one
topic share most of their vocabulary, so one corpus-wide threshold cannot both keep every
event whole and keep similar events apart. Inside each story we therefore look again, with
IDF computed over the story's own articles: what all of them share (the quake, the magnitude)
now weighs little, and what only some share (the places, the names, the years) weighs most.
On those local vectors we take the best two-way cut (spectral bisection: the Fiedler vector
of the normalised graph Laplacian, then the sweep cut with the lowest normalised cut) and keep
it when its normalised cut is below `NCUT_SPLIT` (0 = two groups with nothing in common,
about 1 = a cut through one homogeneous group). Both halves are then examined the same way.

The normalised cut is a ratio, so the one default does not depend on corpus size or on the
scale of cosines. Stories too small to judge (< 2 * `MIN_SIDE` articles) are left whole.

Magnitudes are not always enough: two events of one topic can be nearly as similar across as
within (a browser zero-day patched in 2008 and another in 2013: mean cosine 0.36 inside
each, 0.31 across), and their cut on the full graph (0.87) looks like that of one event
(0.84-0.95). Ranks still tell them apart: an article's few nearest neighbours are in its own
event. So when the full graph finds no cut, a story of at least 2 * (`KNN_K` + 1) articles
(each side can then hold an article's `KNN_K` nearest) is cut again on its k-nearest-neighbour
graph (an edge kept when it is among the `KNN_K` best of either end) and split when that cut
is below `NCUT_KNN`. In one event the kNN graph is a near-random graph with no sparse cut
(synthetic stories of 30-300 articles: >= 0.31); ECB+ topics holding two events cut at
<= 0.30, single events at >= 0.48 but one (0.22, cut on the full graph already;
docs/stories.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .features import PRIOR_DOCS, SAME_HEADLINE_WORDS, RawFeatures

NCUT_SPLIT = 0.8
MIN_SIDE = 3
KNN_K = 6
NCUT_KNN = 0.3
MAX_DENSE = 1500  # larger stories are examined on a sample-free sparse path (eigsh)
# Two similar events are told apart in time: a cut whose two sides each state one day in at
# least this share of their articles (and in at least SAME_DAY_MIN of them) is one event told
# from two angles (a rehab check-in and the walk-out hours later), and is not taken. NeuS
# excerpts and undated articles state few full days, so it rarely applies there.
SAME_DAY_SHARE = 1 / 3
SAME_DAY_MIN = 2


def local_similarity(raws: Sequence[RawFeatures]) -> np.ndarray:
    """Cosine matrix of the articles with IDF taken inside this group only."""
    n = len(raws)
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, raw in enumerate(raws):
        for f, c in raw.counts:
            if c > 0:
                rows.append(i)
                cols.append(vocab.setdefault(f, len(vocab)))
                vals.append(c)
    if not vocab:
        return np.zeros((n, n))
    df = np.bincount(np.asarray(cols), minlength=len(vocab))
    weight = np.log((1.0 + n + PRIOR_DOCS) / (1.0 + df)) + 1.0  # = stories_features.idf
    if n * len(vocab) <= 4_000_000:
        # Small groups (nearly all): dense arithmetic beats sparse bookkeeping.
        x = np.zeros((n, len(vocab)))
        np.add.at(x, (np.asarray(rows), np.asarray(cols)), np.asarray(vals))
        x *= weight
        norms = np.linalg.norm(x, axis=1)
        norms[norms == 0] = 1.0
        x /= norms[:, None]
        sim = x @ x.T
    else:
        from scipy import sparse

        xs = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
        xs = sparse.csr_matrix(xs @ sparse.diags(weight))
        norms = np.sqrt(np.asarray(xs.multiply(xs).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        xs = sparse.diags(1.0 / norms) @ xs
        sim = np.asarray((xs @ xs.T).todense())
    # A tiny floor keeps the graph connected (an article with only shared features).
    sim = np.maximum(sim, 1e-6)
    np.fill_diagonal(sim, 0.0)
    return sim


def knn_graph(w: np.ndarray, k: int) -> np.ndarray:
    """`w` with only the edges among the k best of either end (the others at the tiny floor
    `local_similarity` uses, so the graph stays connected)."""
    n = len(w)
    if n <= k + 1:
        return w
    kth = -np.sort(-w, axis=1)[:, k - 1:k]
    mask = w >= kth
    out = np.where(mask | mask.T, w, 1e-6)
    np.fill_diagonal(out, 0.0)
    return out


def _cut_below(cut: tuple[float, list[int], list[int]] | None, threshold: float) -> bool:
    return cut is not None and math.isfinite(cut[0]) and cut[0] < threshold


def best_bisection(w: np.ndarray) -> tuple[float, list[int], list[int]] | None:
    """(normalised cut, side A, side B) of the best spectral sweep cut, or None."""
    n = len(w)
    degree = w.sum(axis=1)
    if n < 2 * MIN_SIDE or np.any(degree <= 0):
        # An article with no similarity at all to the others: nothing to cut spectrally.
        return None
    inv = 1.0 / np.sqrt(degree)
    lap = np.eye(n) - (inv[:, None] * w * inv[None, :])
    _, vecs = np.linalg.eigh(lap)
    fiedler = inv * vecs[:, 1]
    # Sign and ties must not depend on input order: orient by the first index's side and
    # break equal values by index.
    if fiedler[0] > 0:
        fiedler = -fiedler
    order = np.lexsort((np.arange(n), np.round(fiedler, 12)))
    wo = w[np.ix_(order, order)]
    d = degree[order]
    vol_a = np.cumsum(d)
    total = vol_a[-1]
    assoc = np.cumsum(2.0 * np.tril(wo, -1).sum(axis=1))  # weight inside the first k
    cut = vol_a - assoc
    best: tuple[float, int] | None = None
    for k in range(MIN_SIDE, n - MIN_SIDE + 1):
        a_vol, b_vol = vol_a[k - 1], total - vol_a[k - 1]
        if a_vol <= 0 or b_vol <= 0:
            continue
        ncut = cut[k - 1] / a_vol + cut[k - 1] / b_vol
        if best is None or ncut < best[0] - 1e-12:
            best = (float(ncut), k)
    if best is None:
        return None
    k = best[1]
    side_a = sorted(int(i) for i in order[:k])
    side_b = sorted(int(i) for i in order[k:])
    return best[0], side_a, side_b


def headline_groups(raws: Sequence[RawFeatures]) -> list[int]:
    """Per article, the first index of the articles carrying its headline (the same content
    words, `features.SAME_HEADLINE_WORDS` or more; else its own index): one headline
    reprinted is one event, whatever else the copies share."""
    first: dict[tuple[str, ...], int] = {}
    return [first.setdefault(raw.title_words, i)
            if len(raw.title_words) >= SAME_HEADLINE_WORDS else i
            for i, raw in enumerate(raws)]


def _keeps_headlines(cut: tuple[float, list[int], list[int]] | None, group: list[int],
                     heads: Sequence[int]) -> bool:
    """Whether no headline group has members on both sides of the cut."""
    if cut is None:
        return True
    left = {heads[group[i]] for i in cut[1]}
    return not any(heads[group[i]] in left for i in cut[2])


def _days_held(raws: Sequence[RawFeatures], side: Sequence[int]) -> dict[str, int]:
    """How many articles of `side` state each day (`d:` features)."""
    held: dict[str, int] = {}
    for i in side:
        for f in {f for f, c in raws[i].counts if c > 0 and f.startswith("d:")}:
            held[f] = held.get(f, 0) + 1
    return held


def same_day(raws: Sequence[RawFeatures], side_a: Sequence[int], side_b: Sequence[int]) -> bool:
    """Whether both sides of a cut state one day in a large share of their articles
    (`SAME_DAY_SHARE`, at least `SAME_DAY_MIN` articles each)."""
    need_a = max(SAME_DAY_MIN, math.ceil(SAME_DAY_SHARE * len(side_a)))
    need_b = max(SAME_DAY_MIN, math.ceil(SAME_DAY_SHARE * len(side_b)))
    held_a = _days_held(raws, side_a)
    held_b = _days_held(raws, side_b)
    return any(n >= need_a and held_b.get(day, 0) >= need_b for day, n in held_a.items())


def split_story(raws: Sequence[RawFeatures], threshold: float | None = None) -> list[list[int]]:
    """Groups of indices into `raws` (each sorted; groups sorted by their first index).
    Articles carrying one headline (`headline_groups`) are never cut apart: their local
    similarity is raised to 1, and a cut through such a group is not taken; nor is a cut
    whose sides state one day (`same_day`)."""
    threshold = NCUT_SPLIT if threshold is None else threshold
    heads = headline_groups(raws)
    out: list[list[int]] = []
    todo: list[list[int]] = [list(range(len(raws)))]
    while todo:
        group = todo.pop()
        if len(group) < 2 * MIN_SIDE or len(group) > MAX_DENSE:
            out.append(group)
            continue
        w = local_similarity([raws[i] for i in group])
        same = np.asarray([heads[i] for i in group])
        tied = same[:, None] == same[None, :]
        np.fill_diagonal(tied, False)
        w[tied] = 1.0
        cut = best_bisection(w)
        if not _cut_below(cut, threshold) and len(group) >= 2 * (KNN_K + 1):
            cut = best_bisection(knn_graph(w, KNN_K))
            if not _cut_below(cut, NCUT_KNN):
                cut = None
        elif not _cut_below(cut, threshold):
            cut = None
        if cut is None or not _keeps_headlines(cut, group, heads) or same_day(
                raws, [group[i] for i in cut[1]], [group[i] for i in cut[2]]):
            out.append(group)
            continue
        todo.append([group[i] for i in cut[1]])
        todo.append([group[i] for i in cut[2]])
    out = [sorted(g) for g in out]
    out.sort(key=lambda g: g[0])
    return out
