"""Attach new articles to a fixed stored partition (issue 25: an update reshapes only the
stories its articles join, merge or split).

Re-clustering the stories a new article reaches from scratch (`cluster` over their articles)
re-decides them: with the weights moved by every article added, and at 10k articles with a
candidate step that sees other pairs than the last run did, a reached story that receives
nothing can still split or swap members (10k real store + 100: 161 such stories, 75 more
under a new id). Here the stored stories are units that never come apart:

    stored stories reached ──> one cluster each (fixed)     ┐
    new articles           ──> one cluster each (fresh)     ├─> average linkage (the same
                                                             ┘   edges, threshold and vetoes
                                                                 as `cluster`), but a merge
                                                                 needs a fresh side
                           ──> a cluster that took a new article is examined for a split
                               (`split_story`, then `split_at_date_gaps`) that keeps every
                               stored story whole

So a new article starts a story, joins one, or bridges two or more (its cluster merges with
each in turn while the mean reaches the threshold); two stored stories never merge without
a new article between them, and no stored story loses a member. A stored story that takes
no new article comes out exactly as stored. The mean of two clusters is their edge weight
over the product of their sizes (missing pairs count 0, as in `link.average_linkage`), so a
new article joins a stored story only when it is close to the story as a whole: stricter
than batch, where it may first pair with a few members (precision first; the periodic whole
re-cluster, `incremental.needs_full`, then re-decides everything).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence, Set

import numpy as np

from ..model import Article, ArticleFacts, Reuse, Story
from ..settings import Settings
from .cluster import (
    EVENT_GAP_DAYS,
    FramesOf,
    IdfBasis,
    make_stories,
    ordered_graph,
    replace_group,
    split_at_date_gaps,
)
from .features import RawFeatures
from .link import fold_veto_counts, veto_counts, vetoed
from .split import split_story
from .ties import held_links, peel_weak
from .weekcut import neighbours, weekday_split

__all__ = ["attach", "fixed_linkage"]


def attach(articles: Sequence[Article], facts: Sequence[ArticleFacts], reuse: Sequence[Reuse],
           settings: Settings, basis: IdfBasis | None, fixed: Mapping[str, Sequence[str]],
           fresh: Set[str], frames_of: FramesOf | None = None,
           raws_of: Mapping[str, RawFeatures] | None = None) -> tuple[Story, ...]:
    """Stories over `articles`: the stored stories `fixed` (id -> article ids, all among
    `articles`) kept whole, each `fresh` article attached to one, starting one, or bridging
    several (module doc). Sorted by story id, as `cluster`. `frames_of`, `raws_of`: the
    articles' frames and raw features as a store kept them (`cluster.ordered_graph`)."""
    ordered, raws, (edges, _, _, days, _, near) = ordered_graph(articles, facts, reuse, settings,
                                                             basis, frames_of, raws_of)
    pos = {a.id: k for k, a in enumerate(ordered)}
    start = list(range(len(ordered)))
    unit = list(range(len(ordered)))  # the stored story (its first index) or the article
    for ids in fixed.values():
        idx = sorted(pos[i] for i in ids if i in pos)
        for k in idx:
            start[k] = unit[k] = idx[0]
    is_fresh = [a.id in fresh for a in ordered]
    labels = fixed_linkage(start, is_fresh, edges, settings.story_threshold, near.vetoes)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    nbr = neighbours(edges, {i for g in groups.values() if len(g) > 1 for i in g})
    dated = (~np.isnan(days)).tolist()
    held: list[tuple[int, int, float]] = []  # what held the members split off (ties.py)
    for members in list(groups.values()):
        if not any(is_fresh[i] for i in members):
            continue  # a stored story that took nothing: as stored
        parts = [[members[k] for k in part] for part in split_story([raws[i] for i in members])]
        parts = [p for part in _whole(parts, members, unit)
                 for p in _whole(split_at_date_gaps(part, days, edges, EVENT_GAP_DAYS),
                                 part, unit)]
        parts = [p for part, cut in zip(parts, weekday_split(parts, ordered, facts, days, edges),
                                        strict=True) for p in _whole(cut, part, unit)]
        peeled = [_whole(peel_weak(part, nbr, dated, settings.story_threshold), part, unit)
                  for part in parts]
        held += [e for cut in peeled for e in held_links(cut, nbr, settings.story_threshold)]
        parts = [p for cut in peeled for p in cut]
        replace_group(groups, labels, members, parts)
    return make_stories(ordered, raws, groups, labels, edges, near, held)


def _whole(parts: list[list[int]], members: list[int], unit: Sequence[int]) -> list[list[int]]:
    """`parts` when no stored story (`unit`) is cut across two of them, else `members` whole:
    a split that would cut a stored story comes from the weights' drift, not from the new
    articles, and is left to the next whole re-cluster."""
    if len(parts) < 2:
        return [members]
    part_of: dict[int, int] = {}
    for k, part in enumerate(parts):
        for i in part:
            if part_of.setdefault(unit[i], k) != k:
                return [members]
    return [sorted(p) for p in parts]


def fixed_linkage(start: Sequence[int], fresh: Sequence[bool],
                  edges: Sequence[tuple[int, int, float]], threshold: float,
                  vetoes: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Average linkage from the clusters `start` (each item's initial label: the smallest
    index of its cluster) where a merge needs a side holding a `fresh` item; a merged cluster
    holds one. Means as `link.average_linkage` (edge weight over the product of the sizes),
    the highest first, ties to smaller labels; vetoes bind as there (`link.vetoed`: while
    they are `link.VETO_SHARE` or more of the pairs across; a veto inside one starting
    cluster is moot). Returns each item's label, the
    smallest index of its cluster."""
    n = len(start)
    size = np.bincount(np.asarray(start, dtype=np.int64), minlength=n).tolist() if n else []
    live = [False] * n
    hot = [False] * n
    for i, s in enumerate(start):
        live[s] = True
        hot[s] = hot[s] or bool(fresh[i])
    nbr, veto = _between(start, edges, vetoes)
    version = [0] * n
    heap = [(-w / (size[a] * size[b]), a, b, 0, 0) for a in range(n) if live[a]
            for b, w in nbr[a].items()
            if a < b and (hot[a] or hot[b]) and w / (size[a] * size[b]) >= threshold]
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        _, i, j, vi, vj = heapq.heappop(heap)
        if not (live[i] and live[j]) or version[i] != vi or version[j] != vj:
            continue
        if vetoed(veto, i, j, size[i] * size[j]):
            continue
        live[j] = False
        parent[j] = i
        version[i] += 1
        hot[i] = True
        size[i] += size[j]
        for k, w in _fold(nbr, veto, i, j).items():
            mean = w / (size[i] * size[k])
            if mean >= threshold:
                a, b = (i, k) if i < k else (k, i)
                heapq.heappush(heap, (-mean, a, b, version[a], version[b]))
    out = []
    for s in start:
        r = s
        while parent[r] != r:
            r = parent[r]
        out.append(r)
    return out


def _between(start: Sequence[int], edges: Sequence[tuple[int, int, float]],
             vetoes: Sequence[tuple[int, int]]
             ) -> tuple[list[dict[int, float]], list[dict[int, int]]]:
    """The summed edge weight and the vetoed pairs between the starting clusters."""
    n = len(start)
    nbr: list[dict[int, float]] = [{} for _ in range(n)]
    for i, j, w in edges:
        a, b = start[i], start[j]
        if a != b:
            nbr[a][b] = nbr[a].get(b, 0.0) + w
            nbr[b][a] = nbr[b].get(a, 0.0) + w
    return nbr, veto_counts(n, vetoes, start)


def _fold(nbr: list[dict[int, float]], veto: list[dict[int, int]], i: int, j: int
          ) -> dict[int, float]:
    """Cluster j joins cluster i: i takes j's edges and vetoed pairs. Returns i's edges."""
    fold_veto_counts(veto, i, j)
    merged = nbr[i]
    merged.pop(j, None)
    for k, w in nbr[j].items():
        if k != i:
            merged[k] = merged.get(k, 0.0) + w
            del nbr[k][j]
    nbr[j] = {}
    for k, w in merged.items():
        nbr[k][i] = w
    return merged
