"""A bound on the pairs of figures (count conflicts) and of quotes (attribution conflicts)
compare tries in one story (issue 23). Written for figures; quotes use it as one unit group
with no evidence key (`attribution._quote_pairs`).

`conflicts.quantity_conflicts` tries every pair of figures of different articles whose units
can meet: their number grows with the square of a story's figures (3.1 million for a story of
five 150,000-character articles, one Python call each). The pairs a story may try are bounded
by its text: `FIGURE_PAIRS_PER_CHARACTER` per character of its claims, and never fewer than
`MIN_FIGURE_PAIR_BUDGET`. A story under the budget tries every pair, as before. A story over
it (`pairs_to_try`, counted from group sizes before any pair is tried) compares each figure
with at most `share` figures of each other article, the likeliest to be comparable first
(`chosen_pairs`): those in the same sentence copied but for its figures (the evidence keys),
then those sharing its rarest context words. The caller records the limit and marks what it
finds as judged on part of the pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

# Stories of normal news articles try under 0.01 figure pair per character of their claims
# (docs/faults.md, round 14: the stories of 1,000 real articles, the example corpus and the
# seeds); stories of long generated articles with many figures try several.
FIGURE_PAIRS_PER_CHARACTER = 0.25
# No story is bounded under this many pairs (a few CPU seconds): short articles dense with
# figures (results tables) or quotes keep every pair.
MIN_FIGURE_PAIR_BUDGET = 500_000
# Candidates looked at per pick, at most: past them a figure stops looking in that article,
# so the work is bounded by the budget even when few candidates have units that can meet.
LOOK_PER_PICK = 4


def text_budget(characters: int, per_character: float, floor: int) -> int:
    """The pairs a story of `characters` characters of claims may try: in proportion to its
    text, never under `floor` (the one rule of every compare budget: figure, quote and claim
    pairs, `claim_budget`)."""
    return max(floor, int(per_character * characters))


def pair_budget(characters: int) -> int:
    """The figure pairs a story of `characters` characters of claims may try."""
    return text_budget(characters, FIGURE_PAIRS_PER_CHARACTER, MIN_FIGURE_PAIR_BUDGET)


def pairs_to_try(groups: Sequence[Sequence[int]], article_of: Sequence[str],
                 meets: Sequence[tuple[int, int]]) -> int:
    """The pairs of figures of different articles the full comparison tries: for each pair of
    unit groups (x, y), x <= y, in `meets`, those with one figure in each (both in x when
    x == y). Counted from how many figures each article has in each group."""
    per_article: list[dict[str, int]] = []
    for group in groups:
        counts: dict[str, int] = defaultdict(int)
        for f in group:
            counts[article_of[f]] += 1
        per_article.append(counts)
    total = 0
    for x, y in meets:
        cx, cy = per_article[x], per_article[y]
        same = sum(n * cy.get(a, 0) for a, n in cx.items())
        if x == y:
            total += (len(groups[x]) ** 2 - same) // 2
        else:
            total += len(groups[x]) * len(groups[y]) - same
    return total


def share(budget: int, figures: int, articles: int) -> int:
    """Figures of each other article one figure is compared with, at most, so that a story
    tries no more than `budget` pairs (one at least)."""
    return max(1, budget // max(1, figures * max(1, articles - 1)))


def chosen_pairs(article_of: Sequence[str], evidence: Sequence[Sequence[Hashable]],
                 words: Sequence[frozenset[str]], group: Sequence[int],
                 meets: set[tuple[int, int]], k: int) -> list[tuple[int, int]]:
    """(i, j), i < j, sorted: for each figure and each other article, at most `k` of its
    figures whose unit group meets the figure's (`group`: each figure's unit group; `meets`:
    the (x, y), x <= y, that can meet), taken first from those sharing one of the figure's
    `evidence` keys (in order), then from those sharing its context `words`, rarest in that
    article first (ties by word). Looks at no more than `LOOK_PER_PICK` * k candidates each."""
    index: dict[str, dict[tuple[int, Hashable], list[int]]] = defaultdict(
        lambda: defaultdict(list))
    for f, art in enumerate(article_of):
        for key in evidence[f]:
            index[art][(0, key)].append(f)
        for w in words[f]:
            index[art][(1, w)].append(f)
    others = sorted(index)
    out: set[tuple[int, int]] = set()
    for f, art in enumerate(article_of):
        for b in others:
            if b != art:
                out.update((min(f, g), max(f, g)) for g in _picks(
                    f, index[b], evidence[f], words[f], group, meets, k))
    return sorted(out)


def _picks(f: int, posted: dict[tuple[int, Hashable], list[int]],
           evidence: Sequence[Hashable], words: frozenset[str], group: Sequence[int],
           meets: set[tuple[int, int]], k: int) -> list[int]:
    """Up to `k` figures of one other article (`posted`: its figures by key) for figure f."""
    lists = [posted.get((0, key), []) for key in evidence]
    shared = [(len(posted[(1, w)]), w) for w in words if (1, w) in posted]
    lists += [posted[(1, w)] for _, w in sorted(shared)]
    picked: list[int] = []
    seen: set[int] = set()
    looked = 0
    for lst in lists:
        for g in lst:
            looked += 1
            if looked > LOOK_PER_PICK * k:
                return picked
            gx, gy = sorted((group[f], group[g]))
            if g not in seen and (gx, gy) in meets:
                seen.add(g)
                picked.append(g)
                if len(picked) >= k:
                    return picked
    return picked
