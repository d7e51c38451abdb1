"""What clustering reads of a *dated* article's facts, stored beside its feature row so an
update need not decode its whole lean facts (issue 25).

An update reads a stored dated article's raw features and frame from its stored rows
(regrouping.py). Its facts matter only to the rules that weigh a pair one of which has no
publish day (`undated.evidence_against`: month-days, weekdays, headline names; `ahead` and
`undoing`: previews and undoings), and those read the lead alone: its first sentences, the
dates inside them, and the mentions whose name the headline holds. Once an undated article
was among the stories an update reached, the update decoded the whole lean facts of every
dated article there (about 1,100-1,500 a +100 at 10k, 2-4 s), to use that much of them.

`dated_lead` keeps exactly that much, so each of those rules gives on it what it gives on
the whole facts (tests/test_leadcut.py checks each on real-shaped facts); its code is part of
`features_stored.FEATURES_KEY`, so stored cuts of other code are made again with the rows.
"""

from __future__ import annotations

from ..model import Article, ArticleFacts
from .headnames import headline_mentions
from .undated import LEAD_SENTENCES
from .weekdays import WEEKDAY_SENTENCES

# The sentences the lead rules read: `undated` (month-days, the lead's end for undoings),
# `ahead` (scheduled days, looking ahead), `weekdays` and `undoing` (the first sentence).
KEPT_SENTENCES = max(LEAD_SENTENCES, WEEKDAY_SENTENCES, 1)


def dated_lead(article: Article, facts: ArticleFacts) -> ArticleFacts:
    """`facts` cut to the lead the pair rules read: the first `KEPT_SENTENCES` sentences, the
    dates that start inside them and the headline's name mentions (`headline_mentions`)."""
    sentences = facts.sentences[:KEPT_SENTENCES]
    end = sentences[-1].end if sentences else 0
    return ArticleFacts(article_id=facts.article_id, sentences=sentences,
                        dates=tuple(d for d in facts.dates if d.start < end),
                        mentions=headline_mentions(article, facts))
