"""A bound on the text the reuse stage aligns (issue 23): work in proportion to the corpus.

Candidate pairs are the pairs sharing `reuse_min_shared` fingerprints; the per-article bound
(`best.best_per_article`) keeps at most k pairs per article. Each pair aligned costs work in
proportion to its two texts (tokens, seeds, blocks; `align`), so the stage's work is the sum,
over the pairs aligned, of their two texts' characters. On normal news the pairs are few
(0.36 characters aligned per character of the corpus on 1,000 real articles, docs/faults.md
round 16), but long articles written from few words share fingerprints by chance with most
others: 25 characters aligned per character on the generated few-long-articles file, one to
two CPU minutes a megabyte, and every pair aligned for nothing (no reuse found).

A corpus may align `ALIGN_CHARS_PER_CHARACTER` characters per character of its text, never
fewer than `MIN_ALIGN_CHARS` (the one rule of every budget of the line: in proportion to the
text, with a floor; `compare.budget.text_budget`). Under it every candidate pair is aligned, as
before: the same pairs, the same output. Over it the pairs most alike by fingerprints (their
Jaccard, then fingerprints shared, then by index: the order of `best_per_article`) are aligned
until the budget is spent, and the rest are not: a copy shares most of its fingerprints, so
it comes first, while a chance pair of long texts shares a few among thousands. The run
reports the limit as one problem line (`reported_to`), naming its doubt: the pairs left
out may hold reuse, whose articles then count as independent sources.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np

from ..model import InputProblem

# Real corpora align under 0.4 characters per character (1,000 Baly articles: 0.36); a
# group of m copies of one wire story aligns about min(m - 1, 20) per character of it.
ALIGN_CHARS_PER_CHARACTER = 4
# No corpus is bounded under this many characters aligned (some CPU seconds): a small corpus
# of many copies keeps every pair.
MIN_ALIGN_CHARS = 20_000_000
LIMIT_DOUBT = ("so reuse between the articles of the pairs left out may be missing, and such "
               "articles may count as independent sources")

# Where the limits the reuse stage hits go while `reported_to` runs (None outside it).
_SINK: ContextVar[Callable[[InputProblem], None] | None] = ContextVar("reuse_limit_sink",
                                                                       default=None)


def align_budget(characters: int) -> int:
    """The characters of candidate pairs a corpus of `characters` characters may align."""
    return max(MIN_ALIGN_CHARS, int(ALIGN_CHARS_PER_CHARACTER * characters))


def pairs_in_budget(first: np.ndarray, second: np.ndarray, shared: np.ndarray,
                    sizes: np.ndarray, lengths: np.ndarray, budget: int) -> np.ndarray:
    """Per candidate pair (first[m], second[m], sharing shared[m] fingerprints; `sizes`:
    each article's fingerprints, `lengths`: its characters): is it aligned? All of them when
    their characters (both texts per pair) fit `budget`; else the most alike first, as long
    as the characters aligned so far fit."""
    cost = lengths[first] + lengths[second]
    if int(cost.sum()) <= budget:
        return np.ones(len(first), dtype=bool)
    agreement = shared / np.maximum(sizes[first] + sizes[second] - shared, 1)
    order = np.lexsort((second, first, -shared, -agreement))
    kept = np.zeros(len(first), dtype=bool)
    kept[order[np.cumsum(cost[order]) <= budget]] = True
    return kept


def limit_note(pairs: int, kept: int, characters: int, corpus: int, budget: int) -> str:
    """The problem line of a corpus over its budget."""
    return (f"reuse limit: {pairs:,} candidate pairs holding {characters:,} characters, over "
            f"the {budget:,} its {corpus:,} characters allow; the {kept:,} pairs most alike by "
            f"fingerprints were aligned and the other {pairs - kept:,} were not, {LIMIT_DOUBT}")


def record_limit(note: str) -> None:
    """Report a limit the reuse stage hit to the sink `reported_to` set (else drop it)."""
    sink = _SINK.get()
    if sink is not None:
        sink(InputProblem("reuse stage", note))


@contextmanager
def reported_to(sink: Callable[[InputProblem], None] | None) -> Iterator[None]:
    """Each limit the reuse stage hits inside the block goes to `sink` as one problem line,
    when it is hit (before the caller builds its report)."""
    token = _SINK.set(sink)
    try:
        yield
    finally:
        _SINK.reset(token)
