"""Each dated member of a story needs one strong tie (issue 21, round 12).

Average linkage judges a cluster by its mean edge, so an article can hang on a story through
one or two ordinary edges (cosine 0.15-0.3) to the story's members: on real dated coverage
of one topic and day (docs/stories.md, "Real news precision, round 12"), that is how a poll,
a profile or a column of the same day joined an event's story, and how two events of the
same day paired. Here, after the split steps, a dated member is peeled off to its own story
while its strongest edge inside the story is below `TIE_FLOOR` and at most
`TIE_MAX_ORDINARY` members are tied to it at the story threshold or above; the weakest such
member goes first, and the test is repeated on the rest (a story of two whose one edge is
below the floor comes apart).

Undated members are never peeled: on the undated sets with event labels (NeuS excerpts, the
undated ECB+ reports), the members this would peel belong to their story more often than
not (NeuS lines 1-1226: 207 right against 104 wrong at a floor of 0.2), and peeling them
cost F1 there. So the rule applies where it was measured to help: articles with a publish
day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["TIE_FLOOR", "TIE_MAX_ORDINARY", "held_links", "peel_weak"]

# Swept on three judged real samples (seeds 201/211/221) with ECB+ and NeuS lines 1-1226
# (docs/stories.md, round 12): 0.22 / 0.25 / 0.3 / 0.35 left 22 / 16 / 13 / 10 of 36 wrong
# stories and kept 242 / 236 / 234 / 223 of 289 right pairs; ECB+ and NeuS unchanged.
TIE_FLOOR = 0.3
TIE_MAX_ORDINARY = 1


def peel_weak(members: Sequence[int], nbr: Mapping[int, Mapping[int, float]],
              dated: Sequence[bool], threshold: float) -> list[list[int]]:
    """The parts of one story (`members`, indices): the members kept, then each peeled
    member alone (module doc). `nbr`: edge weights by end (`weekcut.neighbours`); `dated`:
    whether each article has a publish day; `threshold`: the story threshold. One part when
    nothing is peeled."""
    keep = list(members)
    inside = set(keep)
    peeled: list[list[int]] = []
    while len(keep) >= 2:
        weak = []
        for i in keep:
            if not dated[i]:
                continue
            ties = [w for j, w in nbr.get(i, {}).items() if j in inside and j != i]
            best = max(ties, default=0.0)
            if best < TIE_FLOOR and sum(w >= threshold for w in ties) <= TIE_MAX_ORDINARY:
                weak.append((best, i))
        if not weak:
            break
        _, i = min(weak)
        keep.remove(i)
        inside.discard(i)
        peeled.append([i])
    return [keep, *peeled]


def held_links(parts: Sequence[Sequence[int]], nbr: Mapping[int, Mapping[int, float]],
               threshold: float) -> list[tuple[int, int, float]]:
    """The edges at the story threshold or above that join two of `parts` (the parts of one
    story, `peel_weak`): what held a peeled member in its story. The stories they join are
    related (`cluster.related_stories`): the split-off member stays in view of the story it
    left, although its tie was too weak to keep it inside."""
    part_of = {i: k for k, part in enumerate(parts) for i in part}
    return [(i, j, w) for i, k in part_of.items() for j, w in nbr.get(i, {}).items()
            if i < j and part_of.get(j, k) != k and w >= threshold]
