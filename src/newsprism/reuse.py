"""Who copied whom: candidate pairs by MinHash LSH, shared passages, edits, origin, groups.

    articles ─> word shingles ─> MinHash (datasketch) ─> LSH bands ─> candidate pairs
             ─> word alignment (reuse_align) ─> passages, shares, edits
             ─> origin (reuse_origin) ─> Reuse, sorted by (a, b)

Never all pairs: only pairs that collide in at least one LSH band are aligned. A candidate
becomes a `Reuse` when at least one passage survives the alignment rules (see reuse_align:
quotations alone do not count). `independent_groups` then folds articles linked by
substantial reuse into one independent source each.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from .model import Article, Reuse
from .reuse_align import Alignment, Tokens, align, tokenize
from .reuse_origin import decide_origin
from .settings import Settings
from .text import words

NEAR_DUPLICATE_SHARE = 0.9  # both articles this much inside shared passages
GROUP_SHARE = 0.3  # substantial reuse: this much of either article is shared
PAIR_MIN_FACTOR = 2  # a pair shares at least this many times reuse_min_passage_words
PAIR_MIN_SHARE = 0.5  # ... or this much of either article
MINHASH_SEED = 1
LSH_RECALL = 0.95  # chance that a pair at exactly the threshold Jaccard becomes a candidate
BOILERPLATE_MIN_DF = 100
BOILERPLATE_FRACTION = 0.01
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_PRIME = np.uint64(1099511628211)  # FNV-1a 64-bit prime, for combining word hashes


class WordHasher:
    """Stable 64-bit word hashes (Python's `hash` changes per process), cached per run."""

    def __init__(self) -> None:
        self._cache: dict[str, int] = {}

    def __call__(self, norms: Iterable[str]) -> np.ndarray:
        cache = self._cache
        out = []
        for w in norms:
            h = cache.get(w)
            if h is None:
                h = int.from_bytes(hashlib.blake2b(w.encode("utf-8", "surrogatepass"),
                                                   digest_size=8).digest(), "little")
                cache[w] = h
            out.append(h)
        return np.array(out, dtype=np.uint64)


def shingle_hashes(norms: Sequence[str], k: int, hasher: WordHasher) -> np.ndarray:
    """Distinct 64-bit hashes of the k-word shingles of a text (the whole text when shorter)."""
    if not norms:
        return np.zeros(0, dtype=np.uint64)
    wh = hasher(norms)
    k = min(k, len(wh))
    n = len(wh) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(k):
            h = (h * _PRIME) ^ wh[offset:offset + n]
    return np.unique(h)


def signature(hashes: np.ndarray, template: MinHash) -> MinHash:
    """A datasketch MinHash of shingle hashes, sharing the template's permutations."""
    m = MinHash(num_perm=template.num_perm, seed=template.seed, hashfunc=int,
                permutations=template.permutations, scheme=template.scheme)
    # affine32 hashes 32-bit inputs: fold the 64-bit shingle hash.
    m.update_batch((hashes ^ (hashes >> np.uint64(32))) & np.uint64(0xFFFFFFFF))
    return m


def lsh_params(threshold: float, num_perm: int, recall: float = LSH_RECALL) -> tuple[int, int]:
    """(bands, rows) so that a pair at exactly `threshold` Jaccard is a candidate with
    probability >= `recall`: the most rows per band that allow it (fewest chance collisions),
    then the fewest bands. datasketch's own optimum balances false positives and negatives,
    which leaves pairs at the threshold a coin toss (47% at 0.1 with 128 permutations)."""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1 - (1 - threshold ** rows) ** bands >= recall:
            while bands > 1 and 1 - (1 - threshold ** rows) ** (bands - 1) >= recall:
                bands -= 1
            return bands, rows
    return num_perm, 1


def boilerplate_cap(n_docs: int) -> int:
    """Shingles in more documents than this are site furniture, not reuse."""
    return max(BOILERPLATE_MIN_DF, math.ceil(BOILERPLATE_FRACTION * n_docs))


def drop_boilerplate(shingles: list[np.ndarray]) -> list[np.ndarray]:
    """Remove shingles whose document frequency exceeds `boilerplate_cap`.

    Footers, menus and subscription lines repeat across all of an outlet's pages; left in,
    they make every pair from one site a candidate. A document that would lose more than
    90% of its shingles keeps them all (a story syndicated to very many outlets stays
    findable as a near-duplicate)."""
    if not shingles:
        return shingles
    values, counts = np.unique(np.concatenate(shingles), return_counts=True)
    common = values[counts > boilerplate_cap(len(shingles))]
    if len(common) == 0:
        return shingles
    out = []
    for s in shingles:
        kept = s[~np.isin(s, common, assume_unique=True)]
        out.append(kept if len(kept) * 10 >= len(s) and len(kept) else s)
    return out


def candidate_pairs(norms: Sequence[Sequence[str]], settings: Settings) -> list[tuple[int, int]]:
    """Index pairs (i < j) whose shingle sets collide in an LSH band. Sorted."""
    hasher = WordHasher()
    shingles = drop_boilerplate([shingle_hashes(ns, settings.reuse_shingle, hasher)
                                 for ns in norms])
    return lsh_pairs(signatures(shingles, settings), settings)


def signatures(shingles: Sequence[np.ndarray], settings: Settings) -> dict[int, MinHash]:
    """MinHash per document index; documents without words have none."""
    template = MinHash(num_perm=settings.reuse_num_perm, seed=MINHASH_SEED, scheme="affine32")
    return {i: signature(h, template) for i, h in enumerate(shingles) if len(h)}


def lsh_pairs(sigs: dict[int, MinHash], settings: Settings) -> list[tuple[int, int]]:
    lsh = MinHashLSH(num_perm=settings.reuse_num_perm,
                     params=lsh_params(settings.reuse_threshold, settings.reuse_num_perm))
    for i, sig in sigs.items():
        lsh.insert(i, sig)
    pairs: set[tuple[int, int]] = set()
    for i, sig in sigs.items():
        for j in lsh.query(sig):
            if j > i:
                pairs.add((i, j))
    return sorted(pairs)


def find_reuse(articles: Sequence[Article], settings: Settings) -> tuple[Reuse, ...]:
    """Pairs of articles that share passages, with edits and origin. Deterministic: the same
    articles in any order give the same tuple, sorted by (a, b) with a < b by id."""
    by_id: dict[str, Article] = {}
    for art in articles:
        # The same id twice: keep one version deterministically (readers report duplicates).
        if art.id not in by_id or art.text < by_id[art.id].text:
            by_id[art.id] = art
    ordered = [by_id[k] for k in sorted(by_id)]
    norms = [[w.norm for w in words(a.text)] for a in ordered]
    tokens: dict[int, Tokens] = {}
    out: list[Reuse] = []
    for i, j in candidate_pairs(norms, settings):
        reuse = _pair(ordered[i], ordered[j], tokens, i, j, settings)
        if reuse is not None:
            out.append(reuse)
    return tuple(out)


def _tokens(cache: dict[int, Tokens], idx: int, article: Article) -> Tokens:
    t = cache.get(idx)
    if t is None:
        t = cache[idx] = tokenize(article.text)
    return t


def _pair(a: Article, b: Article, cache: dict[int, Tokens], i: int, j: int,
          settings: Settings) -> Reuse | None:
    al = align(_tokens(cache, i, a), _tokens(cache, j, b),
               min_words=settings.reuse_min_passage_words, anchor=settings.reuse_shingle)
    if not al.passages or not _enough(al, settings):
        return None
    share_a, share_b = round(al.share_a, 4), round(al.share_b, 4)
    origin, basis = decide_origin(a, b, share_a, share_b)
    return Reuse(a=a.id, b=b.id, share_a=share_a, share_b=share_b, origin=origin,
                 passages=al.passages,
                 near_duplicate=min(share_a, share_b) >= NEAR_DUPLICATE_SHARE,
                 origin_basis=basis)


def _enough(al: Alignment, settings: Settings) -> bool:
    """The pair rule: more than a shared sentence. Two outlets rewording one source sentence
    share a dozen words by chance of translation; copying shares paragraphs. A pair counts
    when its passages hold at least twice `reuse_min_passage_words` matched words outside
    quotes, or when at least half of either article lies inside them (a short piece copied)."""
    return (al.unquoted_words >= PAIR_MIN_FACTOR * settings.reuse_min_passage_words
            or max(al.share_a, al.share_b) >= PAIR_MIN_SHARE)


def substantial(reuse: Reuse) -> bool:
    """The rule for one independent source: near-duplicates, or at least GROUP_SHARE of either
    article inside shared passages."""
    return reuse.near_duplicate or max(reuse.share_a, reuse.share_b) >= GROUP_SHARE


def independent_groups(article_ids: Iterable[str], reuse: Iterable[Reuse]) -> dict[str, str]:
    """Every article id -> its group id (the smallest id in the group). Articles connected by
    substantial reuse (`substantial`), directly or through others, form one group: one
    independent source for every count the compare stage makes."""
    parent: dict[str, str] = {i: i for i in article_ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in reuse:
        if r.a not in parent or r.b not in parent or not substantial(r):
            continue
        ra, rb = find(r.a), find(r.b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            parent[hi] = lo
    return {i: find(i) for i in sorted(parent)}


def iter_passage_texts(article: Article, reuse: Reuse) -> Iterator[str]:
    """The shared text of each passage as `article` has it (for display and debugging)."""
    for p in reuse.passages:
        if article.id == reuse.a:
            yield article.text[p.a_start:p.a_end]
        elif article.id == reuse.b:
            yield article.text[p.b_start:p.b_end]
