"""Matching claims across articles: content words, similarity, clusters, independent sources.

Claims are compared on their content words (folded, crudely stemmed, stop words removed) plus
what the parse gave us (predicate lemma, subject entity, quantities, dates). Clusters hold at
most one claim per article, so one long article cannot pull two facts together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..model import Claim, Reuse
from ..text import STOP, dice, fold


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude suffix stripper: enough to make "strikes"/"strike", "targeting"/"target" meet."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "es" and not word[:-2].endswith(("s", "x", "z", "ch", "sh")):
                return word[:-1]
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: len(word) - len(suffix)] + keep
    return word


@lru_cache(maxsize=1 << 14)
def content_words(text: str) -> frozenset[str]:
    """Stemmed content words of a claim or sentence (cached: a story's stages ask for the
    same sentences' words many times)."""
    return frozenset(stem(w) for w in fold(text).split() if w not in STOP and len(w) > 1
                     and not w.isdigit())


MIN_CLAIM_WORDS = 5  # content words a claim needs to count as a finding on its own


def newsworthy(c: Claim) -> bool:
    """Enough content to be worth reporting alone (not a caption, dateline or sign-off)."""
    return len(content_words(c.text)) >= MIN_CLAIM_WORDS and c.predicate is not None


# Words news uses interchangeably for one counted thing or one kind of event. General
# vocabulary, kept short on purpose: every group here can join two outlets' numbers.
SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"deal", "agreement", "accord", "treaty", "pact"}),
    frozenset({"talk", "negotiation"}),
    frozenset({"protester", "demonstrator", "marcher", "protestor"}),
    frozenset({"soldier", "troop", "servicemember", "serviceman"}),
    frozenset({"people", "person"}),
    frozenset({"death", "fatality"}),
    frozenset({"home", "house"}),
    frozenset({"child", "kid"}),
)
_CANON = {w: min(g) for g in SYNONYMS for w in g}


# Nouns so broad that a compound ending in them is a different, narrower group.
BROAD_NOUNS = frozenset({"woman", "man", "person", "people", "member", "worker", "official",
                         "leader", "owner", "user", "player", "officer", "holder", "maker"})


def canon(word: str) -> str:
    """One form for a noun and its listed synonyms ("demonstrators" -> "demonstrator")."""
    w = stem(fold(word).replace(" ", ""))
    return _CANON.get(w, w)


def units_match(a: str | None, b: str | None) -> bool:
    """Counted nouns that name the same thing: equal stems, or one a compound of the other
    ("strike" ~ "airstrike", "attack" ~ "counterattack"), which news often writes solid."""
    if not a or not b:
        return False
    sa, sb = canon(a), canon(b)
    if sa == sb:
        return True
    short, long_ = sorted((sa, sb), key=len)
    # "percent" only ever matches itself: "16 cents" is no share.
    if "percent" in (sa, sb):
        return False
    # A broad noun inside a compound ("congresswoman" / "woman") names a different set.
    return len(short) >= 4 and long_.endswith(short) and short not in BROAD_NOUNS


def claim_similarity(a: Claim, b: Claim, wa: frozenset[str], wb: frozenset[str]) -> float:
    """0..1: how likely two claims state the same fact."""
    score = dice(wa, wb)
    if a.predicate and a.predicate == b.predicate and a.predicate not in ("be", "have", "say"):
        score += 0.1
    if a.subject_entity and a.subject_entity == b.subject_entity:
        score += 0.1
    if any(units_match(qa.unit, qb.unit) for qa in a.quantities for qb in b.quantities):
        score += 0.05
    if {d.date for d in a.dates} & {d.date for d in b.dates}:
        score += 0.05
    return min(score, 1.0)


def independent_groups(article_ids: Sequence[str], reuse: Sequence[Reuse]) -> dict[str, str]:
    """article id -> group id: articles that copy one another (one wire) share a group
    (the reuse stage's rule, `newsprism.reuse.index.independent_groups`)."""
    from ..reuse.index import independent_groups as from_reuse

    got = dict(from_reuse(list(article_ids), tuple(reuse)))
    return {a: got.get(a, a) for a in article_ids}



MAX_BONUS = 0.3  # the most `claim_similarity` adds to the Dice of content words
LINK_FACTOR = 0.8  # average similarity a merged cluster keeps, relative to the pair threshold


PAIR_BLOCK = 512  # claims per row block of the sparse product in `candidate_pairs`


def candidate_pairs(claims: Sequence[Claim], words: Sequence[frozenset[str]],
                    min_dice: float) -> list[tuple[int, int]]:
    """Cross-article claim pairs whose content-word Dice can reach `min_dice`: one sparse
    product, row block by row block, instead of a Python loop over every pair (a 40-article
    story has ~3,000 claims)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, w in enumerate(words):
        for term in w:
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
    if not vocab:
        return []
    x = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                   shape=(len(words), len(vocab)))
    xt = x.T.tocsr()
    sizes = np.array([len(w) for w in words], dtype=np.float32)
    ids: dict[str, int] = {}
    article = np.array([ids.setdefault(c.article_id, len(ids)) for c in claims])
    out: list[tuple[int, int]] = []
    # Row blocks: the whole product of long articles written from few words holds nearly
    # every pair (a 0.3 MB gzip of five 200,000-character articles: 0.8 GB at once).
    for lo in range(0, len(words), PAIR_BLOCK):
        shared = (x[lo:lo + PAIR_BLOCK] @ xt).tocoo()
        i, j, n = shared.row + lo, shared.col, shared.data
        keep = (i < j) & (article[i] != article[j]) & (2 * n / (sizes[i] + sizes[j]) >= min_dice)
        out.extend(zip(i[keep].tolist(), j[keep].tolist(), strict=True))
    out.sort()
    return out


def cluster_claims(claims: Sequence[Claim], threshold: float) -> list[list[Claim]]:
    """Greedy agglomeration of cross-article claim pairs, best pairs first; a cluster holds at
    most one claim per article. Deterministic for a given input order."""
    words = [content_words(c.text) for c in claims]
    pairs = [(s, i, j) for i, j in candidate_pairs(claims, words, threshold - MAX_BONUS)
             if (s := claim_similarity(claims[i], claims[j], words[i], words[j])) >= threshold]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    cluster_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    for _, i, j in pairs:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        arts_i = {claims[k].article_id for k in members[ci]}
        if any(claims[k].article_id in arts_i for k in members[cj]):
            continue
        # Average linkage keeps chains from joining two different facts through a third.
        links = [claim_similarity(claims[a], claims[b], words[a], words[b])
                 for a in members[ci] for b in members[cj]]
        if sum(links) / len(links) < threshold * LINK_FACTOR:
            continue
        for k in members[cj]:
            cluster_of[k] = ci
        members[ci].extend(members.pop(cj))
    return [[claims[k] for k in sorted(m)] for m in members.values()]


def group_count(article_ids: Iterable[str], groups: dict[str, str]) -> int:
    return len({groups.get(a, a) for a in article_ids})
