"""Word-level alignment of two texts: the passages they share and the edits inside them.

How it works (see docs/reuse.md):
1. Seeds: every 3-word sequence (on `newsprism.text.words` norms) that occurs in both texts.
   Sequences frequent in either text (> `MAX_SEED_OCCURRENCES`) are skipped: repeated
   boilerplate would otherwise make the seed count quadratic.
2. Blocks: seeds on the same diagonal (i - j) with consecutive positions merge into maximal
   exact matches.
3. Chains: blocks in reading order join a passage when both texts continue within
   `MAX_GAP_WORDS` words; what lies between two blocks of one chain is an edit. Because
   chaining is local, passages survive paragraph reordering (each paragraph is its own chain)
   and small insertions/deletions (a gap inside a chain).
4. A passage is kept when it holds an exact run of at least `reuse_shingle` words and at least
   `reuse_min_passage_words` matched words that count, in both texts. Words inside quotation
   marks do not count (outlets quote the same speaker independently, so a quote alone is not
   reuse), nor do words the caller flags as site template (newsletter boxes, footers).
The result is symmetric: aligning (b, a) gives the mirror image of aligning (a, b).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Edit, Passage
from ..text import word_spans

SEED_WORDS = 3
MAX_SEED_OCCURRENCES = 8
MAX_GAP_WORDS = 10

_DOUBLE_QUOTES = frozenset('"“”„«»‟″')
_SINGLE_OPEN = frozenset("'‘‚‹")
_SINGLE_CLOSE = frozenset("'’›")
_MARKS = re.compile(
    "[\n" + re.escape("".join(sorted(_DOUBLE_QUOTES | _SINGLE_OPEN | _SINGLE_CLOSE))) + "]")


@dataclass(frozen=True, slots=True)
class Tokens:
    """One text prepared for alignment: words, their norms, and which are inside quotes."""

    text: str
    starts: tuple[int, ...]  # each word's offsets in `text`
    ends: tuple[int, ...]
    norms: tuple[str, ...]
    quoted: tuple[bool, ...]  # inside quotation marks
    # uncounted_before[i]: how many of the first i words are quoted or site template text
    # (those never make a passage count, see `align`)
    uncounted_before: tuple[int, ...]
    seeds: dict[str, list[int]]  # SEED_WORDS-word sequence -> where it starts (built once)

    def __len__(self) -> int:
        return len(self.norms)


@dataclass(frozen=True, slots=True)
class Alignment:
    passages: tuple[Passage, ...]
    share_a: float
    share_b: float
    # Matched words that count (not quoted, not template) over all passages, smaller side.
    counted_words: int = 0


@dataclass(slots=True)
class _Chain:
    blocks: list[tuple[int, int, int]]  # (i in a, j in b, length)

    @property
    def a_end(self) -> int:
        i, _, n = self.blocks[-1]
        return i + n

    @property
    def b_end(self) -> int:
        _, j, n = self.blocks[-1]
        return j + n


def tokenize(text: str, template: Sequence[bool] | None = None,
             split: tuple[list[int], list[int], list[str]] | None = None) -> Tokens:
    """`template` flags words of the site's own furniture (one per word, from the corpus).
    `split`: `word_spans(text)` when the caller has made it already."""
    starts, ends, norms = word_spans(text) if split is None else split
    regions = quote_regions(text)
    quoted: list[bool] = []
    r = 0
    for start in starts:
        while r < len(regions) and regions[r][1] <= start:
            r += 1
        quoted.append(r < len(regions) and regions[r][0] <= start < regions[r][1])
    seeds: dict[str, list[int]] = {}
    grams = zip(*(norms[k:] for k in range(SEED_WORDS)), strict=False)  # the shortest ends
    for i, gram in enumerate(map(" ".join, grams)):
        at = seeds.get(gram)
        if at is None:
            seeds[gram] = [i]
        else:
            at.append(i)
    uncounted = quoted if template is None else [q or bool(t) for q, t in zip(quoted, template,
                                                                                strict=True)]
    return Tokens(text, tuple(starts), tuple(ends), tuple(norms), tuple(quoted),
                  (0, *itertools.accumulate(uncounted)), seeds)


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, in order and disjoint.

    Double quote marks of any style toggle (outlets mix “…” with "…” freely). A quote left open
    at the end of a paragraph runs to the paragraph's end: news style reopens a quote that
    continues over paragraphs instead of closing it. Single marks count only where they cannot
    be an apostrophe: an opener after a non-letter and before a letter, a closer after a
    letter or punctuation and before a non-letter.
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    single = False
    n = len(text)
    for m in _MARKS.finditer(text):
        k = m.start()
        ch = text[k]
        if ch == "\n":
            if open_at is not None and not single:
                regions.append((open_at, k))
            open_at = None
            continue
        if ch in _DOUBLE_QUOTES:
            if open_at is None:
                open_at, single = k, False
            elif not single:
                regions.append((open_at, k + 1))
                open_at = None
            continue
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < n else " "
        if (open_at is not None and single and ch in _SINGLE_CLOSE
                and not before.isspace() and not after.isalnum()):
            regions.append((open_at, k + 1))
            open_at = None
        elif open_at is None and ch in _SINGLE_OPEN and not before.isalnum() and after.isalnum():
            open_at, single = k, True
    if open_at is not None and not single:
        regions.append((open_at, n))
    return regions


def _blocks(a: Tokens, b: Tokens) -> list[tuple[int, int, int]]:
    """Maximal exact matches of at least SEED_WORDS words, as (i, j, length)."""
    k = SEED_WORDS
    small, large = (a.seeds, b.seeds) if len(a.seeds) <= len(b.seeds) else (b.seeds, a.seeds)
    diagonals: dict[int, list[int]] = defaultdict(list)
    for gram, here in small.items():
        there = large.get(gram)
        if not there or len(here) > MAX_SEED_OCCURRENCES or len(there) > MAX_SEED_OCCURRENCES:
            continue
        for i in a.seeds[gram]:
            for j in b.seeds[gram]:
                diagonals[i - j].append(i)
    for starts in diagonals.values():
        starts.sort()
    out: list[tuple[int, int, int]] = []
    for d, starts in diagonals.items():
        first = prev = starts[0]
        for i in starts[1:]:
            if i != prev + 1:
                out.append((first, first - d, prev - first + k))
                first = i
            prev = i
        out.append((first, first - d, prev - first + k))
    out.sort(key=lambda blk: (blk[0], blk[1], -blk[2]))
    return out


def _chain(blocks: list[tuple[int, int, int]]) -> list[_Chain]:
    chains: list[_Chain] = []
    active: list[_Chain] = []
    for i, j, n in blocks:
        active = [c for c in active if c.a_end >= i - MAX_GAP_WORDS]
        best: tuple[int, int, _Chain] | None = None
        swallowed = False
        for idx, c in enumerate(active):
            ga, gb = i - c.a_end, j - c.b_end
            overlap = max(0, -ga, -gb)
            if overlap >= n:
                # Entirely behind the chain's end: a repeat already covered, or a backward jump.
                ci, cj, _ = c.blocks[0]
                if ci <= i and cj <= j and i + n <= c.a_end and j + n <= c.b_end:
                    swallowed = True
                continue
            ga, gb = ga + overlap, gb + overlap
            if ga <= MAX_GAP_WORDS and gb <= MAX_GAP_WORDS:
                cost = ga + gb + abs(ga - gb)
                if best is None or (cost, idx) < best[:2]:
                    best = (cost, idx, c)
        if best is not None:
            c = best[2]
            overlap = max(0, c.a_end - i, c.b_end - j)
            c.blocks.append((i + overlap, j + overlap, n - overlap))
        elif not swallowed:
            c = _Chain([(i, j, n)])
            chains.append(c)
            active.append(c)
    return chains


def _edit(a: Tokens, b: Tokens, ai: int, aj: int, bi: int, bj: int) -> Edit | None:
    """The edit turning words [ai, aj) of a into words [bi, bj) of b, shared words at both
    ends trimmed."""
    while ai < aj and bi < bj and a.norms[ai] == b.norms[bi]:
        ai, bi = ai + 1, bi + 1
    while ai < aj and bi < bj and a.norms[aj - 1] == b.norms[bj - 1]:
        aj, bj = aj - 1, bj - 1
    if ai == aj and bi == bj:
        return None
    a_start, a_end = _span(a, ai, aj)
    b_start, b_end = _span(b, bi, bj)
    return Edit(a=a.text[a_start:a_end], b=b.text[b_start:b_end], a_start=a_start, a_end=a_end,
                b_start=b_start, b_end=b_end)


def _span(t: Tokens, i: int, j: int) -> tuple[int, int]:
    """Character span of words [i, j); an empty range sits where the next word starts."""
    if i < j:
        end = t.ends[j - 1]
        # "U.S." ends with a dot the tokenizer leaves out; an edit reads wrong without it.
        if t.text[end:end + 1] == "." and "." in t.text[t.starts[j - 1]:end]:
            end += 1
        return t.starts[i], end
    at = t.starts[i] if i < len(t) else len(t.text)
    return at, at


def _passage(a: Tokens, b: Tokens, c: _Chain) -> Passage:
    edits: list[Edit] = []
    for (pi, pj, pn), (i, j, _) in zip(c.blocks, c.blocks[1:], strict=False):
        e = _edit(a, b, pi + pn, i, pj + pn, j)
        if e is not None:
            edits.append(e)
    i0, j0, _ = c.blocks[0]
    return Passage(a_start=a.starts[i0], a_end=a.ends[c.a_end - 1],
                   b_start=b.starts[j0], b_end=b.ends[c.b_end - 1], edits=tuple(edits))


def _counted(a: Tokens, b: Tokens, c: _Chain) -> int:
    qa, qb = a.uncounted_before, b.uncounted_before
    counted_a = sum(n - (qa[i + n] - qa[i]) for i, _, n in c.blocks)
    counted_b = sum(n - (qb[j + n] - qb[j]) for _, j, n in c.blocks)
    return min(counted_a, counted_b)


def _keep(a: Tokens, b: Tokens, c: _Chain, min_words: int, anchor: int) -> bool:
    return max(n for _, _, n in c.blocks) >= anchor and _counted(a, b, c) >= min_words


def align(a: Tokens, b: Tokens, min_words: int = 12, anchor: int = 5) -> Alignment:
    """Shared passages of `a` and `b` (offsets into their texts) and the share of each text's
    words that lies inside them."""
    if b.norms < a.norms:
        return mirror(_align(b, a, min_words, anchor))
    return _align(a, b, min_words, anchor)


def _align(a: Tokens, b: Tokens, min_words: int, anchor: int) -> Alignment:
    kept = [c for c in _chain(_blocks(a, b)) if _keep(a, b, c, min_words, anchor)]
    ranges = [(c.blocks[0][0], c.a_end, c.blocks[0][1], c.b_end) for c in kept]
    # A passage inside another in both texts adds nothing (a repeated paragraph).
    unique = [r for r in ranges
              if not any(o != r and o[0] <= r[0] and r[1] <= o[1] and o[2] <= r[2]
                         and r[3] <= o[3] for o in ranges)]
    chosen = [c for c, r in zip(kept, ranges, strict=True) if r in unique]
    passages = sorted((_passage(a, b, c) for c in chosen),
                      key=lambda p: (p.a_start, p.b_start, p.a_end, p.b_end))
    cover_a: set[int] = set()
    cover_b: set[int] = set()
    for i0, i1, j0, j1 in unique:
        cover_a.update(range(i0, i1))
        cover_b.update(range(j0, j1))
    return Alignment(tuple(dict.fromkeys(passages)),
                     len(cover_a) / len(a) if len(a) else 0.0,
                     len(cover_b) / len(b) if len(b) else 0.0,
                     sum(_counted(a, b, c) for c in chosen))


def mirror(al: Alignment) -> Alignment:
    """The same alignment seen from the other text."""
    passages = tuple(sorted(
        (Passage(p.b_start, p.b_end, p.a_start, p.a_end,
                 tuple(Edit(e.b, e.a, e.b_start, e.b_end, e.a_start, e.a_end) for e in p.edits))
         for p in al.passages),
        key=lambda p: (p.a_start, p.b_start, p.a_end, p.b_end)))
    return Alignment(passages, al.share_b, al.share_a, al.counted_words)
