"""Matching claims across articles: content words, similarity, clusters, independent sources.

Claims are compared on their content words (folded, crudely stemmed, stop words removed) plus
what the parse gave us (predicate lemma, subject entity, quantities, dates). Clusters hold at
most one claim per article, so one long article cannot pull two facts together.
"""

from __future__ import annotations

import contextvars
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..model import Claim, Reuse
from ..text import STOP, dice, fold

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

log = logging.getLogger(__name__)


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
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")  # a quoted question is someone's, reported


def asks(text: str) -> bool:
    """The sentence is a question in the writer's words (a quoted question is reported)."""
    return QUOTED.sub(" ", text).rstrip(" \"”’)").endswith("?")


def newsworthy(c: Claim) -> bool:
    """Enough content to be worth reporting alone (not a caption, dateline or sign-off), and a
    statement: a question the outlet asks ("Quick: What did X say last year?") asserts
    nothing for outlets to agree on or one to leave out."""
    return len(content_words(c.text)) >= MIN_CLAIM_WORDS and c.predicate is not None \
        and not asks(c.text)


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


_IRREGULAR_PLURALS = {"child": "children", "person": "people", "man": "men", "woman": "women",
                      "foot": "feet", "tooth": "teeth", "mouse": "mice", "goose": "geese",
                      "life": "lives", "wife": "wives", "knife": "knives", "half": "halves",
                      "leaf": "leaves", "shelf": "shelves", "thief": "thieves",
                      "wolf": "wolves", "calf": "calves", "loaf": "loaves"}


def plural(noun: str) -> str:
    """The plural of a counted noun's stem ("strike" -> "strikes", "child" -> "children",
    "casualty" -> "casualties"), for the words "how many ..." of a conflict."""
    words = noun.split()
    if not words:
        return noun
    last = words[-1]
    if last in _IRREGULAR_PLURALS:
        last = _IRREGULAR_PLURALS[last]
    elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


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


PAIR_BLOCK = 512  # the most claims per row block of the sparse product in `candidate_pairs`
# The most claim pairs one row block may span (its rows times the story's claims). A block's
# product and the float arrays that score it grow with that span: 512 rows of a story of twelve
# 150,000-character articles (17,600 claims) span 9 million pairs, about 0.5 GB of arrays.
# Bounding the span bounds a block by a constant, whatever the size of the story.
PAIR_CELLS = 1 << 20
# The most scored claim pairs `cluster_claims` keeps (the best by score; ties by position). Long
# articles written from few words match nearly everywhere: a story of five 200,000-character
# generated articles has 2.8 million pairs over the threshold. At 16 bytes a pair, this holds
# clustering to about 0.3 GB; a story over it clusters on its best pairs only, and says so in
# the log (a recorded limit: docs/faults.md).
MAX_SCORED_PAIRS = 6_000_000
# The limits compare hit while `recorded_limits` runs (None outside it): each a sentence for
# the analyst, reported with the story (`runner.base.analyse_stories`), not only logged.
_LIMITS: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "compare_limits", default=None)
_EPS = 1e-9  # slack on a float upper bound, so a pair exactly at the threshold is never lost


def word_matrix(words: Sequence[frozenset[str]]) -> csr_matrix | None:
    """Claims x content words, 1 where a claim holds the word (None: no word at all)."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, w in enumerate(words):
        for term in w:
            rows.append(i)
            cols.append(vocab.setdefault(term, len(vocab)))
    if not vocab:
        return None
    return csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                      shape=(len(words), len(vocab)))


def _candidate_blocks(claims: Sequence[Claim], words: Sequence[frozenset[str]],
                      min_dice: float, max_df: int | None = None
                      ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Cross-article claim pairs (i < j) whose content-word Dice can reach `min_dice`, as
    arrays (i, j, shared words), one row block of the sparse product at a time: the whole
    product of long articles written from few words holds nearly every pair. With `max_df`,
    only the pairs sharing a word held by at most `max_df` claims (`claim_budget`), their
    shared words counted over all their words."""
    x = word_matrix(words)
    if x is None:
        return
    sizes = np.array([len(w) for w in words], dtype=np.float32)
    ids: dict[str, int] = {}
    article = np.array([ids.setdefault(c.article_id, len(ids)) for c in claims])
    step = block_rows(len(words))
    if max_df is not None:
        yield from _rare_blocks(x, article, sizes, min_dice, max_df, step)
        return
    xt = x.T.tocsr()
    for lo in range(0, len(words), step):
        shared = (x[lo:lo + step] @ xt).tocoo()
        i, j, n = shared.row + lo, shared.col, shared.data
        keep = (i < j) & (article[i] != article[j]) & (2 * n / (sizes[i] + sizes[j]) >= min_dice)
        yield i[keep], j[keep], n[keep]


def _rare_blocks(x: csr_matrix, article: np.ndarray, sizes: np.ndarray, min_dice: float,
                 max_df: int, step: int, chunk: int = 65_536
                 ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """`_candidate_blocks` over the pairs sharing a word of at most `max_df` claims."""
    df = np.diff(x.tocsc().indptr)
    rare = x[:, np.flatnonzero(df <= max_df)].tocsr()
    rare_t = rare.T.tocsr()
    for lo in range(0, x.shape[0], step):
        found = (rare[lo:lo + step] @ rare_t).tocoo()
        i, j = found.row + lo, found.col
        keep = (i < j) & (article[i] != article[j])
        i, j = i[keep], j[keep]
        for a in range(0, len(i), chunk):
            ci, cj = i[a:a + chunk], j[a:a + chunk]
            n = np.asarray(x[ci].multiply(x[cj]).sum(axis=1), dtype=np.float32).ravel()
            ok = 2 * n / (sizes[ci] + sizes[cj]) >= min_dice
            yield ci[ok], cj[ok], n[ok]


def block_rows(n: int) -> int:
    """Rows per block of the sparse product over `n` claims: at most `PAIR_BLOCK`, and at
    most `PAIR_CELLS` pairs a block (at least one row)."""
    return max(1, min(PAIR_BLOCK, PAIR_CELLS // max(n, 1)))


def candidate_pairs(claims: Sequence[Claim], words: Sequence[frozenset[str]],
                    min_dice: float) -> list[tuple[int, int]]:
    """Cross-article claim pairs whose content-word Dice can reach `min_dice`, sorted."""
    out: list[tuple[int, int]] = []
    for i, j, _ in _candidate_blocks(claims, words, min_dice):
        out.extend(zip(i.tolist(), j.tolist(), strict=True))
    out.sort()
    return out


def _ids(values: Iterable[object]) -> np.ndarray:
    """One integer per distinct truthy value, -1 for a falsy one."""
    seen: dict[object, int] = {}
    return np.array([seen.setdefault(v, len(seen)) if v else -1 for v in values],
                    dtype=np.int64)


def _scores(claims: Sequence[Claim], words: Sequence[frozenset[str]], i: np.ndarray,
            j: np.ndarray, shared: np.ndarray, threshold: float,
            feats: tuple[np.ndarray, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`claim_similarity` of the pairs (i, j) that can reach `threshold`, and those pairs.

    The Dice, predicate and subject terms are taken with numpy, in `claim_similarity`'s order
    of float additions (so to the same bit); the quantity and date terms, only for pairs
    where both claims hold some, in Python."""
    size, pred, subj, has_q, has_d = feats
    score = 2 * shared.astype(np.float64) / (size[i] + size[j])
    score = score + 0.1 * ((pred[i] == pred[j]) & (pred[i] >= 0))
    score = score + 0.1 * ((subj[i] == subj[j]) & (subj[i] >= 0))
    both_q, both_d = has_q[i] & has_q[j], has_d[i] & has_d[j]
    keep = score + 0.05 * both_q + 0.05 * both_d >= threshold - _EPS
    i, j, score, both_q, both_d = i[keep], j[keep], score[keep], both_q[keep], both_d[keep]
    q_bonus = np.zeros(len(i))
    d_bonus = np.zeros(len(i))
    for k in np.flatnonzero(both_q | both_d).tolist():
        a, b = claims[int(i[k])], claims[int(j[k])]
        if any(units_match(qa.unit, qb.unit) for qa in a.quantities for qb in b.quantities):
            q_bonus[k] = 0.05
        if {d.date for d in a.dates} & {d.date for d in b.dates}:
            d_bonus[k] = 0.05
    score = np.minimum(score + q_bonus + d_bonus, 1.0)
    ok = score >= threshold
    return score[ok], i[ok], j[ok]


def _best(score: np.ndarray, i: np.ndarray, j: np.ndarray, cap: int | None = None
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs best score first, ties by i then j; the first `cap` only when given."""
    order = np.lexsort((j, i, -score))
    if cap is not None:
        order = order[:cap]
    return score[order], i[order], j[order]


def scored_pairs(claims: Sequence[Claim], words: Sequence[frozenset[str]], threshold: float,
                 max_df: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(score, i, j) of every cross-article claim pair with `claim_similarity` at or over
    `threshold`, best first (ties by i, then j), at most `MAX_SCORED_PAIRS` of them: numpy
    arrays, 16 bytes a pair, never a Python object per pair. With `max_df`, only the pairs
    sharing a word of at most `max_df` claims (`claim_budget`)."""
    feats = (np.array([len(w) for w in words], dtype=np.float64),
             _ids(c.predicate if c.predicate not in ("be", "have", "say") else None
                  for c in claims),
             _ids(c.subject_entity for c in claims),
             np.array([bool(c.quantities) for c in claims]),
             np.array([bool(c.dates) for c in claims]))
    best = BestPairs(MAX_SCORED_PAIRS)
    for i, j, n in _candidate_blocks(claims, words, threshold - MAX_BONUS, max_df):
        s, i, j = _scores(claims, words, i, j, n, threshold, feats)
        best.add(s, i.astype(np.int32), j.astype(np.int32))
    total = best.total
    if total > MAX_SCORED_PAIRS:
        log.warning("claim clustering: %d claims have more than %d pairs over the threshold; "
                    "only the best %d are clustered", len(claims), MAX_SCORED_PAIRS,
                    MAX_SCORED_PAIRS)
        record_limit(f"compare limit: only the best {MAX_SCORED_PAIRS:,} of {total:,} "
                     f"similar claim pairs ({len(claims):,} claims) were grouped; weaker "
                     f"agreement between its articles may be missing")
    return best.result()


class BestPairs:
    """The best `cap` scored pairs of those added block by block (best first, ties by i then
    j), holding at most about `cap` and a quarter of it at once: the same pairs as cutting
    the whole list at the end. Once `cap` pairs are held, the score of the last of them is a
    floor: a pair scored under it can never be among the best `cap`, so it is not kept."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.slack = max(cap // 4, 1)
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.held = 0
        self.total = 0  # pairs added, the dropped ones included
        self.floor: float | None = None

    def add(self, score: np.ndarray, i: np.ndarray, j: np.ndarray) -> None:
        self.total += len(score)
        if self.floor is not None:
            keep = score >= self.floor
            score, i, j = score[keep], i[keep], j[keep]
        if len(score):
            self.parts.append((score, i, j))
            self.held += len(score)
        if self.held > self.cap + self.slack:
            self._compact()

    def _compact(self) -> None:
        """Keep the best `cap` (each block's arrays freed before the sort's copies)."""
        parts, self.parts = self.parts, []
        joined = _joined(parts)
        del parts
        kept = _best(*joined, cap=self.cap)
        del joined
        self.parts, self.held = [kept], len(kept[0])
        if self.held >= self.cap:
            self.floor = float(kept[0][-1])

    def result(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The best `cap` pairs added, best first (ties by i, then j)."""
        self._compact()
        score, i, j = self.parts[0]
        self.parts, self.held = [], 0
        return score, i, j


def record_limit(note: str) -> None:
    """Record a limit compare hit (a sentence for the analyst) for `recorded_limits`; outside
    it, the note is only logged by the caller."""
    notes = _LIMITS.get()
    if notes is not None:
        notes.append(note)


@contextmanager
def recorded_limits() -> Iterator[list[str]]:
    """The limits compare hits inside the block (a cut it made to stay within memory), one
    sentence each, for the caller to report with the story."""
    notes: list[str] = []
    token = _LIMITS.set(notes)
    try:
        yield notes
    finally:
        _LIMITS.reset(token)


def _joined(parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]]
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if not parts:
        return np.zeros(0), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
    return (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]),
            np.concatenate([p[2] for p in parts]))


def _scored_pair_rows(claims: Sequence[Claim], words: Sequence[frozenset[str]],
                      threshold: float, max_df: int | None = None, chunk: int = 65_536
                      ) -> Iterator[tuple[int, int]]:
    """The pairs of `scored_pairs`, best first, as Python ints a chunk at a time."""
    _, i, j = scored_pairs(claims, words, threshold, max_df)
    for lo in range(0, len(i), chunk):
        yield from zip(i[lo:lo + chunk].tolist(), j[lo:lo + chunk].tolist(), strict=True)


# The doubt of a date or actor conflict found in a story over its claim-pair budget: the pairs
# left unscored could have grouped its claims otherwise (`claim_budget`).
CLAIM_PART_DOUBT = "claims grouped on part of the story's claim pairs (compare limit)"


def claim_rare_limit(claims: Sequence[Claim], words: Sequence[frozenset[str]]) -> int | None:
    """None when the story's claims are under their pair budget (`claim_budget`); else the
    most claims a word may hold to pair claims, with the limit recorded."""
    from .claim_budget import claim_pair_budget, rare_limit, word_pairs

    x = word_matrix(words)
    if x is None:
        return None
    df = np.diff(x.tocsc().indptr)
    pairs = word_pairs(df)
    budget = claim_pair_budget(sum(len(c.text) for c in claims))
    if pairs <= budget:
        return None
    limit = rare_limit(df, budget)
    note = (f"compare limit: {pairs:,} claim pairs sharing a word among its {len(claims):,} "
            f"claims, over the {budget:,} its text allows; claims were paired only through "
            f"words held by at most {limit:,} of them, so agreement between its articles may "
            f"be missing, its date and actor conflicts are possible and its exclusives and "
            f"omissions are left out")
    log.warning("claim clustering: %s", note)
    record_limit(note)
    return limit


def cluster_claims(claims: Sequence[Claim], threshold: float) -> list[list[Claim]]:
    """`clustered_claims` without whether the story was over its claim-pair budget."""
    return clustered_claims(claims, threshold)[0]


def clustered_claims(claims: Sequence[Claim], threshold: float
                     ) -> tuple[list[list[Claim]], bool]:
    """Greedy agglomeration of cross-article claim pairs, best pairs first; a cluster holds at
    most one claim per article. Deterministic for a given input order. True with the clusters
    when the story was over its claim-pair budget: clustered on the pairs sharing a rare word
    only (`claim_rare_limit`)."""
    words = [content_words(c.text) for c in claims]
    max_df = claim_rare_limit(claims, words)
    cluster_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    for i, j in _scored_pair_rows(claims, words, threshold, max_df):
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
    return [[claims[k] for k in sorted(m)] for m in members.values()], max_df is not None


def group_count(article_ids: Iterable[str], groups: dict[str, str]) -> int:
    return len({groups.get(a, a) for a in article_ids})
