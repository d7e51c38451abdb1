"""What clustering reads of the facts of an article whose feature row and frame are stored:
its lead, stored beside the row so an update need not decode the whole lean facts (issue 25).

An update reads a stored article's raw features from its row and its event frame from the
stored frames (regrouping.py). Its facts matter then only to the rules that read the lead:
the stand-in event day of an article without a publish day (`undated.stated_day`: the
lead's dates and month-days, in the one year all its dates state), and the rules that weigh
a pair one of which has no publish day (`undated.evidence_against`: month-days, weekdays,
headline names; `ahead` and `undoing`: previews and undoings; `weekcut`: the weekday cut).
Those read the first sentences, the dates and the mentions whose name the headline holds.
Before, an update decoded the whole lean facts of every undated article its stories
reached and, once one stood there, of every dated one too (about 1,500-2,000 articles a
+100 at 10k: 2-4 s).

`lead_cut` keeps exactly that much, so each of those rules gives on it what it gives on the
whole facts (tests/test_leadcut.py checks each on the demo corpus and the seeds); its code
is part of `features_stored.FEATURES_KEY`, so stored cuts of other code are made again with
the rows.
"""

from __future__ import annotations

from ..model import Article, ArticleFacts
from .headnames import headline_mentions
from .undated import LEAD_SENTENCES
from .weekdays import WEEKDAY_SENTENCES

# The sentences the lead rules read: `undated` (month-days, the lead's end), `ahead`
# (scheduled days, looking ahead), `weekdays` and `undoing` (the first sentence).
KEPT_SENTENCES = max(LEAD_SENTENCES, WEEKDAY_SENTENCES, 1)


def lead_cut(article: Article, facts: ArticleFacts) -> ArticleFacts:
    """`facts` cut to what the lead rules read: the first `KEPT_SENTENCES` sentences, every
    date (`undated.stated_year` reads the years of all) and the headline's name mentions
    (`headnames.headline_mentions`)."""
    return ArticleFacts(article_id=facts.article_id, sentences=facts.sentences[:KEPT_SENTENCES],
                        dates=facts.dates, mentions=headline_mentions(article, facts))
