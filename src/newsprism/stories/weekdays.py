"""Weekdays in the lead: two reports whose opening sentences put their events on different
days of the week tell of two events, whatever people and words they share.

A report says when its event happened in its first sentence, and without a publish day it
often says it with a weekday only: "President X on Monday announced ...", "The Senate voted
Wednesday to ...". Two reports of one event, written the same day or the next, name the same
weekday there; two chapters of one saga (the announcement on Monday, the vote on Wednesday;
a meeting on Sunday, the next one on Tuesday) name different ones. A weekday needs a publish
day to become a date (`undated.stated_day` never resolves it), but two different weekday
names are two different days in any week, so no date is needed to see that they differ.

A pair, one of them without a publish day, whose first `WEEKDAY_SENTENCES` lead sentences
both name weekdays and share none weighs `WEEKDAY_DISCOUNT` of its edge when the nearest two
are a day apart (one event and its telling the next day, often), `WEEKDAY_FAR_DISCOUNT` when
they are further apart, round the week (`weekday_factors`). "last Monday",
"next Friday", "this Sunday", "every Tuesday" name no day of the event and are not read.
Sentences looking ahead are read (unlike `undated.lead_month_days`): "the President on
Monday will ask for ..." names the day he announced it, and skipping them cost NeuS
precision (docs/stories.md, round 9). Evidence, not a veto: one event's coverage may open
on its aftermath a day later (an earthquake on Sunday, the aftershock on Wednesday, one gold
event of ECB+), so a lone article it splits off may rejoin its story (`frames.rejoin_lone`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..model import Article, ArticleFacts

# Chosen on NeuS lines 1-1226 and ECB+ odd topics (docs/stories.md, round 9). 1: off.
WEEKDAY_DISCOUNT = 0.4
# Leads a day apart (Monday / Tuesday) are often one event and its next-day telling; two or
# more days apart they are other days of a saga: those weigh WEEKDAY_FAR_DISCOUNT.
WEEKDAY_FAR_DISCOUNT = 0.3
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_SENTENCES = 3  # the lead: where a report states its own event's day
_WEEKDAY = re.compile(
    r"(?<![\w-])(?<!last )(?<!next )(?<!this )(?<!every )(?<!past )(?<!coming )"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b", re.I)


def lead_weekdays(article: Article, facts: ArticleFacts) -> frozenset[str]:
    """The weekdays named in the first `WEEKDAY_SENTENCES` sentences."""
    out: set[str] = set()
    for s in facts.sentences[:WEEKDAY_SENTENCES]:
        out.update(m.lower() for m in _WEEKDAY.findall(article.text[s.start:s.end]))
    return frozenset(out)


def weekday_gap(x: frozenset[str], y: frozenset[str]) -> int:
    """The fewest days between a weekday of `x` and one of `y`, round the week (0 when
    either is empty or they share one)."""
    if not (x and y):
        return 0
    return min(min((_DAYS.index(u) - _DAYS.index(v)) % 7, (_DAYS.index(v) - _DAYS.index(u)) % 7)
               for u in x for v in y)


def weekday_factors(articles: Sequence[Article], facts: Sequence[ArticleFacts],
                    days: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per scored pair (a, b), the factor its edge weighs for leads naming other weekdays:
    `WEEKDAY_DISCOUNT` a day apart, `WEEKDAY_FAR_DISCOUNT` further; 1 where they share one
    or either names none, or both articles have a publish day."""
    out = np.ones(len(a))
    if not len(a):
        return out
    pick = np.flatnonzero(np.isnan(days[a]) | np.isnan(days[b]))
    memo: dict[int, frozenset[str]] = {}
    for k in pick.tolist():
        i, j = int(a[k]), int(b[k])
        for t in (i, j):
            if t not in memo:
                memo[t] = lead_weekdays(articles[t], facts[t])
        gap = weekday_gap(memo[i], memo[j])
        if gap:
            out[k] = WEEKDAY_DISCOUNT if gap == 1 else WEEKDAY_FAR_DISCOUNT
    return out
