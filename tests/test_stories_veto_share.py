"""A people-only veto keeps two clusters apart only while vetoed pairs are a real share of the
pairs across them (`link.VETO_SHARE`): one such pair does not cut a big, well-linked story."""

from __future__ import annotations

import itertools

import numpy as np
from scipy import sparse

from newsprism.stories import link
from newsprism.stories.link import average_linkage, exact_linkage


def _clique(members: list[int], w: float) -> list[tuple[int, int, float]]:
    return [(i, j, w) for i, j in itertools.combinations(members, 2)]


def _two_parts(left: int, right: int, inside: float = 0.6, across: float = 0.3):
    a = list(range(left))
    b = list(range(left, left + right))
    edges = _clique(a, inside) + _clique(b, inside)
    edges += [(i, j, across) for i in a for j in b]
    return a, b, edges


def test_one_vetoed_pair_in_many_does_not_cut_a_well_linked_story():
    # Two parts of 6 (36 pairs across, mean 0.3 >= 0.15) and one people-only pair across.
    a, b, edges = _two_parts(6, 6)
    labels = average_linkage(12, edges, 0.15, vetoes=[(a[0], b[0])])
    assert len(set(labels)) == 1  # before: two stories, whatever the mean


def test_a_veto_still_keeps_a_lone_article_from_a_chain():
    # An article, a round-up close to both, and another event's article: the veto between
    # the two ends keeps them apart (one pair across: all of it vetoed).
    edges = [(0, 1, 0.5), (1, 2, 0.5), (0, 2, 0.2)]
    labels = average_linkage(3, edges, 0.15, vetoes=[(0, 2)])
    assert labels[0] != labels[2]


def test_vetoes_binding_a_real_share_still_keep_parts_apart():
    # Two parts of 3: 9 pairs across, 1 vetoed (11% >= VETO_SHARE) -> apart; with the share
    # raised above it the same graph merges.
    a, b, edges = _two_parts(3, 3)
    labels = average_linkage(6, edges, 0.15, vetoes=[(a[0], b[0])])
    assert labels[a[0]] != labels[b[0]]
    a2, b2, edges2 = _two_parts(6, 6)
    labels2 = average_linkage(12, edges2, 0.15,
                              vetoes=[(a2[k], b2[k]) for k in range(4)])  # 4 of 36: 11%
    assert labels2[a2[0]] != labels2[b2[0]]


def test_the_share_is_the_setting(monkeypatch):
    a, b, edges = _two_parts(6, 6)
    monkeypatch.setattr(link, "VETO_SHARE", 0.0)  # any veto binds: the old rule
    labels = average_linkage(12, edges, 0.15, vetoes=[(a[0], b[0])])
    assert labels[a[0]] != labels[b[0]]


def test_exact_linkage_applies_the_same_share():
    # Two dated clusters of 6 linked only through candidate pairs across; one vetoed pair.
    n = 12
    x = sparse.csr_matrix(np.ones((n, 1)))
    df = np.array([n])
    start = [0] * 6 + [6] * 6
    pa, pb, pw = [], [], []
    for i in range(6):
        for j in range(6, 12):
            pa.append(i)
            pb.append(j)
            pw.append(0.3)
    pairs = (np.array(pa), np.array(pb), np.array(pw))
    days = np.full(n, 700000.0)
    merged = exact_linkage(x, df, start, pairs, 0.15, days, 2.0, vetoes=[(0, 6)])
    assert len(set(merged)) == 1
    kept = exact_linkage(x, df, start, pairs, 0.15, days, 2.0,
                         vetoes=[(i, 6 + i) for i in range(3)])  # 3 of 36: 8%
    assert len(set(kept)) == 2
