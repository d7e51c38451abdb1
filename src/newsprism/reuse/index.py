"""Who copied whom: candidate pairs by local MinHash, shared passages, edits, origin, groups.

    articles ─> word shingles ─> fingerprints (winnowing: the minimum hash of each window
             of shingles) ─> inverted index ─> candidate pairs
             ─> word alignment (reuse_align) ─> passages, shares, edits
             ─> origin (reuse_origin) ─> Reuse, sorted by (a, b)

Never all pairs: only pairs that share `reuse_min_shared` fingerprints are aligned. A candidate
becomes a `Reuse` when its passages pass the alignment rules (reuse_align: quotations and site
template alone do not count) and the pair rule (`_enough`). `independent_groups` then folds
articles linked by substantial reuse into one independent source each. See docs/reuse.md.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..model import Article, Reuse
from ..settings import Settings
from ..text import word_norms, word_spans
from .align import Alignment, Tokens, align, tokenize
from .best import best_per_article
from .budget import align_budget, limit_note, pairs_in_budget, record_limit
from .order import local_order
from .origin import decide_origin
from .template import (  # noqa: F401  (the template rule's names, as they were imported here)
    BOILERPLATE_FRACTION,
    BOILERPLATE_MIN_DF,
    TEMPLATE_MIN_DF,
    TEMPLATE_OUTLET_SHARE,
    boilerplate_cap,
    in_sorted,
    template_shingles,
    updated_template,
)

NEAR_DUPLICATE_SHARE = 0.9  # both articles this much inside shared passages
GROUP_SHARE = 0.3  # substantial reuse: this much of either article is shared
PAIR_MIN_FACTOR = 2  # a pair shares at least this many times reuse_min_passage_words
PAIR_MIN_SHARE = 0.5  # ... or this much of either article
# Fingerprints in more documents than this make no pairs: bounded work per fingerprint, so
# candidates grow with the corpus, not with its square. The template floor: up to 10k
# documents, a fingerprint in more documents is template anyway.
PAIR_DF_CAP = BOILERPLATE_MIN_DF
# Stored prints, templates and pairs carry this in their key: change it with any change to
# word norms, shingle hashing, winnowing, the template rule or the alignment rules, and a store
# computes them again instead of reusing the old ones.
REUSE_VERSION = 1
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


def position_hashes(norms: Sequence[str], k: int, hasher: WordHasher) -> np.ndarray:
    """64-bit hash of the k-word shingle starting at each position (one shingle, the whole
    text, when it is shorter than k words)."""
    if not norms:
        return np.zeros(0, dtype=np.uint64)
    wh = hasher(norms)
    k = min(k, len(wh))
    n = len(wh) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(k):
            h = (h * _PRIME) ^ wh[offset:offset + n]
    return h


def without_template(hashes: np.ndarray, template: np.ndarray) -> np.ndarray:
    """`hashes` (sorted, distinct) without the template's, unless that would drop more than 90%
    of them: a repost of a much-copied text keeps them all and stays findable."""
    kept = _outside_template(hashes, template)
    return hashes if kept is None else kept


def _outside_template(hashes: np.ndarray, template: np.ndarray) -> np.ndarray | None:
    """The 90% rule of `without_template`: `hashes` outside the template, or None where the
    template is not taken out (no template, or less than a tenth of `hashes` would remain)."""
    if not len(template):
        return None
    kept = hashes[~in_sorted(hashes, template)]
    return kept if len(kept) * 10 >= len(hashes) and len(kept) else None


def template_words(norms: Sequence[str], k: int, hasher: WordHasher, template: np.ndarray
                   ) -> list[bool] | None:
    """Per word: is it covered by a template shingle?"""
    if len(template) == 0 or not norms:
        return None
    hit = in_sorted(position_hashes(norms, k, hasher), template)
    flags = np.zeros(len(norms) + 1, dtype=np.int64)
    width = min(k, len(norms))
    for start in np.flatnonzero(hit):
        flags[start] += 1
        flags[start + width] -= 1
    return (np.cumsum(flags[:-1]) > 0).tolist()


@dataclass(frozen=True, slots=True, eq=False)
class Prints:
    """What the candidate step reads of one text: its distinct shingle hashes (for the
    corpus's site template) and its winnowed fingerprints, both sorted uint64 arrays. A pure
    function of the text and two settings (`prints_key`), so a store keeps them and a later
    run does not split and hash the stored texts again."""

    shingles: np.ndarray
    prints: np.ndarray


def article_prints(norms: Sequence[str], settings: Settings, hasher: WordHasher) -> Prints:
    positions = position_hashes(norms, settings.reuse_shingle, hasher)
    return Prints(np.unique(positions), winnow(positions, settings.reuse_window))


def prints_key(settings: Settings) -> str:
    """What stored `Prints` depend on: the code and the two settings that shape them."""
    return f"v{REUSE_VERSION}/shingle{settings.reuse_shingle}/window{settings.reuse_window}"


def results_key(settings: Settings) -> str:
    """What stored reuse pairs depend on besides the texts and the template."""
    return (f"{prints_key(settings)}/shared{settings.reuse_min_shared}"
            f"/passage{settings.reuse_min_passage_words}"
            f"/best{settings.reuse_candidates_per_article}")


def candidate_pairs(norms: Iterable[Sequence[str]], settings: Settings,
                    outlets: Sequence[str] | None = None
                    ) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Index pairs (i < j) that share enough fingerprints (sorted), and the corpus's
    template shingles (see `template_shingles`)."""
    hasher = WordHasher()
    return pairs_of([article_prints(ns, settings, hasher) for ns in norms], settings, outlets)


def pairs_of(prints: Sequence[Prints], settings: Settings,
             outlets: Sequence[str] | None = None
             ) -> tuple[list[tuple[int, int]], np.ndarray]:
    """`candidate_pairs` from the texts' `Prints`."""
    template = template_shingles([p.shingles for p in prints], outlets)
    return (fingerprint_pairs([p.prints for p in prints], template, settings.reuse_min_shared,
                              settings.reuse_candidates_per_article), template)


def winnow(positions: np.ndarray, window: int) -> np.ndarray:
    """Fingerprints of a text: the smallest shingle hash of every run of `window` consecutive
    shingles, distinct and sorted (winnowing, Schleimer et al. 2003). A local MinHash: two
    texts that share a run of `window` shingles (`window + k - 1` words) share that run's
    minimum, so every shared passage of that length yields a common fingerprint, whatever the
    rest of the two texts holds."""
    if len(positions) <= window:
        return positions.min(keepdims=True) if len(positions) else positions
    return np.unique(sliding_window_view(positions, window).min(axis=1))


def fingerprint_pairs(fingerprints: Sequence[np.ndarray], template: np.ndarray,
                      min_shared: int, per_article: int = 0) -> list[tuple[int, int]]:
    """Index pairs (i < j, sorted) that share at least `min_shared` fingerprints outside the
    site template (or all the fingerprints of the smaller text, for a short text).

    An inverted index (sort by fingerprint) gives the documents of each fingerprint; only
    fingerprints in at most `PAIR_DF_CAP` documents make pairs, so the pairs made per
    fingerprint are bounded whatever the corpus size: the work grows with the corpus, not
    with its square (a phrase in more documents is furniture or a stock phrase, not evidence
    of copying). A document that would lose more than 90% of its fingerprints to the template
    keeps them all, so a repost of a much-copied text stays findable.

    `per_article` (0: no bound): a pair is kept only when it is among the `per_article` best
    of either of its articles (`best_per_article`), so the pairs aligned are at most
    `per_article` x N whatever the corpus holds (issues 23 and 25)."""
    first, second, _, _ = scored_pairs(fingerprints, template, min_shared, per_article)
    return list(zip(first.tolist(), second.tolist(), strict=True))


def scored_pairs(fingerprints: Sequence[np.ndarray], template: np.ndarray, min_shared: int,
                 per_article: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`fingerprint_pairs` as arrays: (first, second, fingerprints each pair shares, each
    text's fingerprints outside the template), the pairs sorted."""
    n = len(fingerprints)
    none = np.zeros(0, dtype=np.int64)
    kept = [without_template(fp, template) for fp in fingerprints]
    sizes = np.array([len(f) for f in kept], dtype=np.int64)
    if not sizes.sum():
        return none, none, none, sizes
    hashes = np.concatenate(kept)
    owner = np.repeat(np.arange(n, dtype=np.int64), sizes)
    del kept
    order = np.argsort(hashes, kind="stable")
    hashes, owner = hashes[order], owner[order]
    del order
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    df = np.diff(np.r_[starts, len(hashes)])
    keys: list[np.ndarray] = []
    for d in np.unique(df[(df >= 2) & (df <= PAIR_DF_CAP)]).tolist():
        members = owner[starts[df == d][:, None] + np.arange(d)]  # a row per fingerprint
        a, b = np.triu_indices(d, 1)
        keys.append((members[:, a] * n + members[:, b]).ravel())
    if not keys:
        return none, none, none, sizes
    key, count = np.unique(np.concatenate(keys), return_counts=True)
    first, second = key // n, key % n
    need = np.minimum(min_shared, np.minimum(sizes[first], sizes[second]))
    hit = count >= need
    first, second, count = first[hit], second[hit], count[hit]
    if per_article:
        best = best_per_article(first, second, count, sizes, per_article)
        first, second, count = first[best], second[best], count[best]
    return first, second, count, sizes



@dataclass(frozen=True, slots=True, eq=False)
class Previous:
    """What the last reuse computation over a store left: its pairs, its template shingles,
    the articles it covered, and the `results_key` of the settings it ran with."""

    pairs: Mapping[tuple[str, str], Reuse]
    template: np.ndarray
    covered: frozenset[str]
    key: str


@dataclass(frozen=True, slots=True, eq=False)
class ReuseUpdate:
    reuse: tuple[Reuse, ...]
    template: np.ndarray  # this corpus's template shingles (sorted)
    computed: dict[str, Prints]  # the prints this call made (those not given)
    aligned: int  # candidate pairs aligned; the others were taken from `Previous`
    candidates: int


def find_reuse(articles: Sequence[Article], settings: Settings) -> tuple[Reuse, ...]:
    """Pairs of articles that share passages, with edits and origin. Deterministic: the same
    articles in any order give the same tuple, sorted by (a, b) with a < b by id."""
    return update_reuse(articles, settings, keep=False).reuse


def update_reuse(articles: Sequence[Article], settings: Settings,
                 prints: Mapping[str, Prints] | None = None,
                 previous: Previous | None = None, keep: bool = True) -> ReuseUpdate:
    """`find_reuse`, for a store: `prints` are stored `Prints` by article id (the others are
    computed and returned), and with `previous` only the candidate pairs whose inputs changed
    are aligned again. The result equals `find_reuse` over the same articles, because a pair's
    alignment reads only the two texts, their metadata and which of their shingles are
    template: a candidate pair of two articles the previous run covered, neither holding a
    shingle that entered or left the template since, was a candidate then too (a fingerprint's
    document count only grows, which only removes pairs) with the same inputs, so its stored
    result (or its absence) stands (see `_stale`). With `previous` the template is brought up
    to date from the previous one (`template.updated_template`), not counted again over every
    article's shingles. `keep=False`: the prints made are not returned (nor held while pairs
    are aligned)."""
    by_id: dict[str, Article] = {}
    for art in articles:
        # The same id twice: keep one version deterministically (readers report duplicates).
        if art.id not in by_id or art.text < by_id[art.id].text:
            by_id[art.id] = art
    ordered = [by_id[k] for k in sorted(by_id)]
    given = prints or {}
    hasher = WordHasher()

    def norms(idx: int) -> list[str]:
        return word_norms(ordered[idx].text)

    # Word lists are made one article at a time and dropped once shingled (at 100k articles
    # they would be most of the memory); the few articles in candidate pairs are re-split.
    computed: dict[str, Prints] = {}
    all_prints: list[Prints] = []
    for i, art in enumerate(ordered):
        got = given.get(art.id)
        if got is None:
            got = article_prints(norms(i), settings, hasher)
            if keep:
                computed[art.id] = got
        all_prints.append(got)
    outlets = [a.outlet_label for a in ordered]
    shingles = [p.shingles for p in all_prints]
    if previous is not None and previous.key == results_key(settings):
        added = np.array([a.id not in previous.covered for a in ordered], dtype=bool)
        template = updated_template(shingles, outlets, previous.template, added)
    else:
        template = template_shingles(shingles, outlets)
    del shingles
    pairs = _budgeted_pairs(ordered, scored_pairs(
        [p.prints for p in all_prints], template, settings.reuse_min_shared,
        settings.reuse_candidates_per_article))
    stale = _stale(ordered, all_prints, template, previous, settings)
    del all_prints

    def make_tokens(idx: int) -> Tokens:
        text = ordered[idx].text
        split = word_spans(text)  # once, for the template flags and the tokens
        flags = template_words(split[2], settings.reuse_shingle, hasher, template)
        return tokenize(text, flags, split)

    both = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    redo = stale[both[:, 0]] | stale[both[:, 1]]
    todo = both[redo]  # the pairs aligned here
    cache = TokenCache(make_tokens, np.bincount(todo.ravel(), minlength=len(ordered)))
    found: dict[int, Reuse] = {}
    for k in np.flatnonzero(redo)[local_order(todo, len(ordered))].tolist():
        i, j = pairs[k]
        reuse = _pair(ordered[i], ordered[j], cache.get(i), cache.get(j), settings)
        cache.used(i, j)
        if reuse is not None:
            found[k] = reuse
    out: list[Reuse] = []
    for k, (i, j) in enumerate(pairs):
        if redo[k]:
            if k in found:
                out.append(found[k])
            continue
        assert previous is not None
        kept = previous.pairs.get((ordered[i].id, ordered[j].id))
        if kept is not None:
            out.append(kept)
    return ReuseUpdate(tuple(out), template, computed, len(todo), len(pairs))


def _budgeted_pairs(ordered: Sequence[Article],
                    scored: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
                    ) -> list[tuple[int, int]]:
    """The candidate pairs to align: all of them within the corpus's alignment budget, else
    the most alike that fit it, the limit recorded (`budget`)."""
    first, second, shared, sizes = scored
    lengths = np.array([len(a.text) for a in ordered], dtype=np.int64)
    corpus = int(lengths.sum())
    budget = align_budget(corpus)
    kept = pairs_in_budget(first, second, shared, sizes, lengths, budget)
    if not kept.all():
        record_limit(limit_note(len(first), int(kept.sum()),
                                int((lengths[first] + lengths[second]).sum()), corpus, budget))
        first, second = first[kept], second[kept]
    return list(zip(first.tolist(), second.tolist(), strict=True))


# Characters of text whose alignment tokens (`align.Tokens`: words, norms, seed table; about
# 60 bytes of objects per character) the reuse stage holds between candidate pairs: about
# 120 MB. Candidate pairs link articles all over a corpus, so a cache without a bound held
# nearly every article's tokens at once (issue 23: 525 of 552 made-up articles, 100 kB
# each; 6 GB for the 100 MB of text a 5 MB .jsonl.gz may expand to). Ten full-size articles
# at the default max_article_chars; a smaller budget only makes tokens more often (the
# budget is applied between pairs, never to the pair being aligned).
TOKEN_CACHE_CHARS = 2_000_000


class TokenCache:
    """Alignment tokens by article index, for the candidate pairs in order. `uses[i]`: how
    many pairs will ask for article i; its tokens are dropped after the last, and while the
    tokens held cover more than `budget` characters the least recently used are dropped
    (and made again if asked: tokens are a pure function of the text and its template
    flags, so the pairs come out the same whatever the budget)."""

    def __init__(self, make: Callable[[int], Tokens], uses: np.ndarray,
                 budget: int | None = None) -> None:
        self._make = make
        self._left = uses
        self._held: OrderedDict[int, Tokens] = OrderedDict()
        self.budget = TOKEN_CACHE_CHARS if budget is None else budget
        self.chars = 0  # characters of the texts whose tokens are held
        self.peak_chars = 0
        self.made = 0

    def get(self, idx: int) -> Tokens:
        tokens = self._held.get(idx)
        if tokens is None:
            tokens = self._held[idx] = self._make(idx)
            self.made += 1
            self.chars += len(tokens.text)
            self.peak_chars = max(self.peak_chars, self.chars)
        else:
            self._held.move_to_end(idx)
        return tokens

    def used(self, *indices: int) -> None:
        """One pair of `indices` is done: drop what no later pair asks for, then the least
        recently used beyond the budget."""
        for idx in indices:
            self._left[idx] -= 1
            if self._left[idx] <= 0:
                self._drop(idx)
        while self.chars > self.budget and self._held:
            self._drop(next(iter(self._held)))

    def _drop(self, idx: int) -> None:
        tokens = self._held.pop(idx, None)
        if tokens is not None:
            self.chars -= len(tokens.text)


def _stale(ordered: Sequence[Article], prints: Sequence[Prints], template: np.ndarray,
           previous: Previous | None, settings: Settings) -> np.ndarray:
    """Per article (in `ordered`): must its candidate pairs be aligned again?

    Yes for articles the previous run did not cover (new, or left pending by a crash), and
    for those holding a shingle that entered or left the template (their template words, so
    their alignments, may differ). The rest keep their previous results, which is exact:
    - their alignment inputs (texts, metadata, template words) are unchanged;
    - a pair of them is a candidate now only if it was one then. Their own fingerprints
      outside the template are unchanged, and a fingerprint's document count (over the
      fingerprints each article keeps) only grows, which only takes pairs away (a count
      above `PAIR_DF_CAP` makes none), with one exception: an old article whose 90% rule
      flipped (`without_template` now keeps all its fingerprints where it dropped the
      template ones, or the reverse) keeps a different set of template fingerprints, so
      the articles sharing one of its fingerprints are stale too. (A fingerprint that
      entered or left the template is a moved shingle of every article holding it.)

    With the per-article bound (`reuse_candidates_per_article`) one more case is not exact:
    a pair of two old articles that was outside both their best k, and enters one of them
    because a rival pair lost fingerprints to the document-count cap or a rival article
    became stale, is taken as aligned before without a result, so it is missed until one of
    the two is stale (a batch run over the same articles finds it). New articles only push
    old pairs out of a best k, which is exact: those pairs are no longer candidates. The
    alignment budget (`budget`) is the same case: a pair of two old articles the budget left
    out, inside it now that the corpus has grown, is missed until one of the two is stale."""
    n = len(ordered)
    if previous is None or previous.key != results_key(settings):
        return np.ones(n, dtype=bool)
    moved = np.setxor1d(previous.template, template, assume_unique=True)
    covered = np.array([a.id in previous.covered for a in ordered], dtype=bool)
    holds = np.array([bool(in_sorted(p.shingles, moved).any()) if len(moved) else False
                      for p in prints], dtype=bool)

    def filtered(p: Prints, tmpl: np.ndarray) -> bool:
        return _outside_template(p.prints, tmpl) is not None

    flipped = [i for i in map(int, np.flatnonzero(covered & holds))
               if filtered(prints[i], previous.template) != filtered(prints[i], template)]
    if flipped:
        dropped = np.unique(np.concatenate([prints[i].prints for i in flipped]))
        holds |= np.array([bool(in_sorted(p.prints, dropped).any()) for p in prints],
                          dtype=bool)
    return ~covered | holds


def _pair(a: Article, b: Article, ta: Tokens, tb: Tokens, settings: Settings) -> Reuse | None:
    al = align(ta, tb, min_words=settings.reuse_min_passage_words, anchor=settings.reuse_shingle)
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
    return (al.counted_words >= PAIR_MIN_FACTOR * settings.reuse_min_passage_words
            or max(al.share_a, al.share_b) >= PAIR_MIN_SHARE)


def substantial(reuse: Reuse) -> bool:
    """The rule for one independent source: near-duplicates, or at least GROUP_SHARE of either
    article inside shared passages."""
    return reuse.near_duplicate or max(reuse.share_a, reuse.share_b) >= GROUP_SHARE


def independent_groups(article_ids: Iterable[str], reuse: Iterable[Reuse]) -> dict[str, str]:
    """Every article id -> its group id (the smallest id in the group). Articles connected by
    substantial reuse (`substantial`), directly or through others, form one group: one
    independent source for every count the compare stage makes."""
    # Imported here: scipy.cluster takes about 0.6 s to import and only grouping needs it.
    from scipy.cluster.hierarchy import DisjointSet

    ids = sorted(set(article_ids))
    sets = DisjointSet(ids)
    for r in reuse:
        if r.a in sets and r.b in sets and substantial(r):
            sets.merge(r.a, r.b)
    smallest = {i: min(group) for group in sets.subsets() for i in group}
    return {i: smallest[i] for i in ids}
