"""A preview far ahead of its event and an undated report of the event held are two times:
"the election, scheduled for December 15", published in September, against "the parliament
election is over" with no publish day. Had the second reported the previewed event held, it
would have been published on or after the scheduled day, beyond the window an undated
article is given (`cluster.STAND_IN_WINDOW`); words cannot tell the two apart (a country's
elections share their nouns every time), the calendar can.

An article *previews far ahead* when it has a publish day and a sentence of its lead states
a day with a word of scheduling (`SCHEDULED`: "scheduled for", "planned for", "will be held
on", "set for") at least `AHEAD_DAYS` after that publish day. A pair of such a preview and an
article without a publish day whose lead looks ahead nowhere (no `LOOKING_AHEAD` word: it is
no preview itself) weighs `AHEAD_FACTOR` of its edge (`cluster.similarity_graph` multiplies
it, with `undoing.undo_factor`, into the factors of `undated.evidence_against`, through
`apart_factor`). Two previews of one vote stay together;
dated reports are kept within their window by the window already.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import numpy as np

from ..model import Article, ArticleFacts
from .frames import Frame
from .undated import LEAD_SENTENCES, month_days
from .undoing import undo_factor

AHEAD_FACTOR = 0.3  # 1: off
AHEAD_DAYS = 30  # as cluster.STAND_IN_WINDOW, the window of an undated article
SCHEDULED = re.compile(r"\b(?:scheduled|planned|slated|set|due)\s+(?:for|on)\b|"
                       r"\bwill\s+(?:be\s+)?(?:held|take\s+place)\b", re.I)
LOOKING_AHEAD = re.compile(r"\b(?:will|would|set for|scheduled|planned|slated|due|upcoming|"
                           r"expected|next)\b", re.I)


def previews_far_ahead(article: Article, facts: ArticleFacts, published: float) -> bool:
    """Whether a lead sentence states a day with a word of scheduling, `AHEAD_DAYS` or more
    after the publish day (an ordinal; nan: never)."""
    if np.isnan(published):
        return False
    return any(day - published >= AHEAD_DAYS for day in scheduled_days(article, facts,
                                                                       int(published)))


def scheduled_days(article: Article, facts: ArticleFacts, published: int) -> list[int]:
    """The days (ordinals) the lead's sentences with a word of scheduling state: full dates,
    and month-days without a year at their next time on or after the publish day."""
    out: list[int] = []
    year = date.fromordinal(published).year
    for s in facts.sentences[:LEAD_SENTENCES]:
        text = article.text[s.start:s.end]
        if not SCHEDULED.search(text):
            continue
        for d in facts.dates:
            if d.granularity == "day" and s.start <= d.start < s.end:
                try:
                    out.append(date.fromisoformat(d.date).toordinal())
                except ValueError:
                    continue
        for day in month_days(text, year):  # the next time the month-day comes
            if day.toordinal() < published and (day.month, day.day) != (2, 29):
                day = day.replace(year=year + 1)
            out.append(day.toordinal())
    return out


def looks_ahead(article: Article, facts: ArticleFacts) -> bool:
    """Whether the headline or a lead sentence looks ahead (`LOOKING_AHEAD`)."""
    texts = [article.title or ""] + [article.text[s.start:s.end]
                                     for s in facts.sentences[:LEAD_SENTENCES]]
    return any(LOOKING_AHEAD.search(t) for t in texts)


def ahead_factor(articles: Sequence[Article], facts: Sequence[ArticleFacts] | None,
                 days: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per scored pair (a, b), the factor its edge weighs: `AHEAD_FACTOR` when one article
    previews far ahead (`previews_far_ahead`) and the other has no publish day (`days` nan)
    and does not look ahead (`looks_ahead`); 1 elsewhere."""
    factor = np.ones(len(a))
    if facts is None or AHEAD_FACTOR >= 1.0 or not len(a):
        return factor
    far = np.array([previews_far_ahead(art, f, float(d))
                    for art, f, d in zip(articles, facts, days.tolist(), strict=True)],
                   dtype=bool)
    undated = np.isnan(days)
    pick = (far[a] & undated[b]) | (far[b] & undated[a])
    memo: dict[int, bool] = {}

    def ahead(i: int) -> bool:
        if i not in memo:
            memo[i] = looks_ahead(articles[i], facts[i])
        return memo[i]

    for k in np.flatnonzero(pick).tolist():
        i, j = int(a[k]), int(b[k])
        other = j if far[i] else i
        if not ahead(other):
            factor[k] = AHEAD_FACTOR
    return factor


def apart_factor(articles: Sequence[Article], facts: Sequence[ArticleFacts] | None,
                 frames: Sequence[Frame] | None, days: np.ndarray, a: np.ndarray,
                 b: np.ndarray) -> np.ndarray:
    """Per scored pair, the factor of two times beyond the words: an act and its undoing
    (`undoing.undo_factor`) times a preview far ahead and an undated report (`ahead_factor`)."""
    return undo_factor(articles, facts, frames, days, a, b) * ahead_factor(articles, facts,
                                                                           days, a, b)
