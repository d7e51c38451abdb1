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
both name weekdays and share none weighs `WEEKDAY_DISCOUNT` of its edge. "last Monday",
"next Friday", "this Sunday", "every Tuesday" name no day of the event and are not read.
Sentences looking ahead are read (unlike `undated.lead_month_days`): "the President on
Monday will ask for ..." names the day he announced it, and skipping them cost NeuS
precision (docs/stories.md, round 9). Evidence, not a veto: one event's coverage may open
on its aftermath a day later (an earthquake on Sunday, the aftershock on Wednesday, one gold
event of ECB+), so a lone article it splits off may rejoin its story (`frames.rejoin_lone`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from ..model import Article, ArticleFacts

# Chosen on NeuS lines 1-1226 and ECB+ odd topics (docs/stories.md, round 9). 1: off.
WEEKDAY_DISCOUNT = 0.4
WEEKDAY_SENTENCES = 3  # the lead: where a report states its own event's day
_WEEKDAY = re.compile(
    r"(?<![\w-])(?<!last )(?<!next )(?<!this )(?<!every )(?<!past )(?<!coming )"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b", re.I)


def lead_weekdays(article: Article, facts: ArticleFacts,
                  skip: Callable[[str], bool] | None = None) -> frozenset[str]:
    """The weekdays named in the first `WEEKDAY_SENTENCES` sentences, outside sentences
    `skip` rejects (looking back or ahead)."""
    out: set[str] = set()
    for s in facts.sentences[:WEEKDAY_SENTENCES]:
        text = article.text[s.start:s.end]
        if skip is None or not skip(text):
            out.update(m.lower() for m in _WEEKDAY.findall(text))
    return frozenset(out)


def weekday_clashes(articles: Sequence[Article], facts: Sequence[ArticleFacts],
                    days: np.ndarray, a: np.ndarray, b: np.ndarray,
                    skip: Callable[[str], bool] | None = None) -> np.ndarray:
    """Per scored pair (a, b), one of them without a publish day (`days` nan): both leads
    name weekdays and none of one's is among the other's."""
    out = np.zeros(len(a), dtype=bool)
    if not len(a):
        return out
    pick = np.flatnonzero(np.isnan(days[a]) | np.isnan(days[b]))
    memo: dict[int, frozenset[str]] = {}

    def lead(i: int) -> frozenset[str]:
        if i not in memo:
            memo[i] = lead_weekdays(articles[i], facts[i], skip)
        return memo[i]

    for k in pick.tolist():
        x, y = lead(int(a[k])), lead(int(b[k]))
        out[k] = bool(x and y) and not (x & y)
    return out
