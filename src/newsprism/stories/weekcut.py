"""Cut a story where its undated members' leads name different weekdays, with no member
bridging them (issue 21, round 10).

`weekdays.weekday_factors` weighs single pairs: two undated reports whose leads name other
weekdays count less. A story of two events still holds together when members naming no
weekday (an opinion piece, an excerpt opening on background) are close to both groups: the
pairs naming other days are too few among the pairs across to undo the link. Seen on NeuS
(docs/stories.md, round 10): three reports of one step "on Tuesday" and three of the next
"on Thursday", with a comment piece naming no day linking them.

At the level of the story the evidence adds up. `weekday_split` reads the lead weekdays
(`weekdays.lead_weekdays`) of the story's undated members and joins two members when they
share a weekday (`day_groups`): a member naming Monday and Wednesday joins both days, so a
saga told day by day stays whole wherever one report bridges it. When two or more of these
day groups hold at least `MIN_GROUP` members each, and together at least `MIN_NAMED_SHARE`
of the story (one event told by many, of which a few name the check-in day and a few the
day it was announced, stays whole: an ECB+ story), the story is cut into them; every other
member (dated, naming no weekday, or alone on its day) joins the part it has the most edge
weight with (the first part on a tie), as in `cluster.split_at_date_gaps`. When no weekday
cuts, the month-days the leads state without a year (`undated.lead_month_days`) are read the
same way, two joined when within `MONTH_DAY_NEAR` days. Dated members are not read: their
publish days tell their time better (the date rules of `undated` and `cluster`). Runs after
the other splits, in `cluster.cluster` and, for the stories taking new articles,
`attach.attach` (incremental = batch). `StoryIndex` (streaming.py) weighs no pairs and
reads no leads: unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import numpy as np

from ..model import Article, ArticleFacts
from .undated import calendar_gap, lead_month_days
from .weekdays import lead_weekdays

T = TypeVar("T")

# False: no story is cut here (the pair rules of `weekdays` and `undated` act alone).
STORY_CUT = True

# A day group must hold this many members to be cut off: one stray report naming another
# day is weighed by the pair rule (`weekdays.weekday_factors`) and may rejoin, not cut here.
MIN_GROUP = 2
# The members naming a weekday in a group of `MIN_GROUP` or more must make up this share of
# the story: a big story with a few day-naming reports is held by its other members.
MIN_NAMED_SHARE = 0.5
# Leads stating month-days without a year ("on March 3") more than `MONTH_DAY_NEAR` days
# apart cut too, when no weekday does. 0: off.
MONTH_DAYS = 1
MONTH_DAY_NEAR = 7  # a week: one event's reports state days this close


def day_groups(leads: Mapping[int, frozenset[T]],
               near: Callable[[frozenset[T], frozenset[T]], bool]) -> list[list[int]]:
    """Members joined when their stated days are `near` (directly or through other members),
    as sorted lists, sorted by their first member; members stating no day are left out."""
    named = sorted(i for i in leads if leads[i])
    parent = {i: i for i in named}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for k, i in enumerate(named):
        for j in named[k + 1:]:
            if find(i) != find(j) and near(leads[i], leads[j]):
                parent[find(j)] = find(i)
    out: dict[int, list[int]] = {}
    for i in named:
        out.setdefault(find(i), []).append(i)
    return sorted(out.values(), key=lambda g: g[0])


def share_day(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two leads name a weekday in common."""
    return bool(x & y)


def near_month_day(x: frozenset[int], y: frozenset[int]) -> bool:
    """Whether two leads state month-days within `MONTH_DAY_NEAR` days of each other."""
    return calendar_gap(x, y) <= MONTH_DAY_NEAR


def weekday_parts(members: Sequence[int], leads: Mapping[int, frozenset[T]],
                  near: Callable[[frozenset[T], frozenset[T]], bool]) -> list[list[int]]:
    """The day groups of `members` (`day_groups` over their `leads`) big enough to cut the
    story at, or [] when fewer than two are."""
    groups = [g for g in day_groups({i: leads[i] for i in members if leads.get(i)}, near)
              if len(g) >= MIN_GROUP]
    if len(groups) < 2 or sum(map(len, groups)) < MIN_NAMED_SHARE * len(members):
        return []
    return groups


def place_rest(members: Sequence[int], anchors: list[list[int]],
               nbr: Mapping[int, Mapping[int, float]]) -> list[list[int]]:
    """`anchors` with every other member added to the anchor part it has the most edge
    weight with (`nbr`: index -> neighbour -> weight; the first part on a tie)."""
    part_of = {i: k for k, g in enumerate(anchors) for i in g}
    parts = [list(g) for g in anchors]
    for i in members:
        if i in part_of:
            continue
        pull = [0.0] * len(anchors)
        for j, w in nbr.get(i, {}).items():
            if j in part_of:
                pull[part_of[j]] += w
        parts[max(range(len(anchors)), key=lambda k: (pull[k], -k))].append(i)
    return [sorted(p) for p in parts]


def neighbours(edges: Iterable[tuple[int, int, float]], keep: set[int]
               ) -> dict[int, dict[int, float]]:
    """Edge weights by end, for the ends in `keep` only."""
    out: dict[int, dict[int, float]] = {}
    for i, j, w in edges:
        if i in keep and j in keep:
            out.setdefault(i, {})[j] = w
            out.setdefault(j, {})[i] = w
    return out


def weekday_split(stories: Sequence[list[int]], articles: Sequence[Article],
                  facts: Sequence[ArticleFacts], days: np.ndarray,
                  edges: Sequence[tuple[int, int, float]]) -> list[list[list[int]]]:
    """Per story of `stories` (lists of indices into `articles`, whose facts are `facts` by
    article id), its parts: its day groups with the other members placed (module doc), or
    [story] when it is left whole. `days`: publish days (nan: undated)."""
    if not STORY_CUT:
        return [[members] for members in stories]
    by_id = {f.article_id: f for f in facts}
    anchors_of: dict[int, list[list[int]]] = {}
    for k, members in enumerate(stories):
        undated_members = [i for i in members if np.isnan(days[i])]
        if len(undated_members) < 2 * MIN_GROUP:
            continue
        read = [(i, by_id[articles[i].id]) for i in undated_members if articles[i].id in by_id]
        anchors = weekday_parts(members, {i: lead_weekdays(articles[i], f) for i, f in read},
                                share_day)
        if not anchors and MONTH_DAYS:
            anchors = weekday_parts(
                members, {i: lead_month_days(articles[i], f) for i, f in read}, near_month_day)
        if anchors:
            anchors_of[k] = anchors
    nbr = neighbours(edges, {i for k in anchors_of for i in stories[k]}) if anchors_of else {}
    return [place_rest(members, anchors_of[k], nbr) if k in anchors_of else [members]
            for k, members in enumerate(stories)]
