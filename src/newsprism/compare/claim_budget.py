"""A bound on the claim pairs `match.cluster_claims` scores in one story (issue 23).

`cluster_claims` finds the claim pairs of a story that share content words with a sparse
product, then scores them: both grow with the pairs of claims sharing a word, which grows with
the square of a story's claims when its articles are long and written from few words (a story
of twelve 150,000-character generated articles: 17,600 claims, ten million pairs kept). The
work is counted before any pair is tried, from each word's document frequency among the
story's claims: `word_pairs`, the pairs the product adds up (a pair once for each word the two
share). A story may do `CLAIM_PAIRS_PER_CHARACTER` of them per character of its claims, and
never fewer than `MIN_CLAIM_PAIR_BUDGET`. Under the budget every pair is found and scored as
before (the same clusters). Over it, claims are paired only through their rare words: the
words held by at most `rare_limit` claims, the largest limit whose word pairs fit the budget
(so the story's candidate pairs are at most its budget); a pair found so is still scored on
all its words. The caller records the limit and marks what rests on the clusters.
"""

from __future__ import annotations

import numpy as np

from .budget import text_budget

# Stories of normal news articles do under one word pair per character of their claims
# (docs/faults.md, round 15: the stories of 1,000 real articles); stories of long generated
# articles written from few words do hundreds.
CLAIM_PAIRS_PER_CHARACTER = 8.0
# No story is bounded under this many word pairs (about a CPU second of sparse product and
# scoring): short stories of many claims keep every pair.
MIN_CLAIM_PAIR_BUDGET = 4_000_000


def claim_pair_budget(characters: int) -> int:
    """The word pairs a story of `characters` characters of claims may add up."""
    return text_budget(characters, CLAIM_PAIRS_PER_CHARACTER, MIN_CLAIM_PAIR_BUDGET)


def word_pairs(df: np.ndarray) -> int:
    """Pairs of claims sharing a word, a pair once per word shared, from each word's document
    frequency (`df`): what the sparse product of all the claims adds up."""
    d = df.astype(np.int64)
    return int((d * (d - 1) // 2).sum())


def rare_limit(df: np.ndarray, budget: int) -> int:
    """The largest document frequency f such that the words held by at most f claims make at
    most `budget` word pairs (1 at least: words of one claim make no pair)."""
    values, counts = np.unique(df.astype(np.int64), return_counts=True)
    cost = np.cumsum(values * (values - 1) // 2 * counts)
    fits = values[cost <= budget]
    return int(fits[-1]) if len(fits) else 1
