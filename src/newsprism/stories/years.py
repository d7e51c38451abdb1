"""Years an undated article states: a piece written after another article's time.

An article cannot state a year that has not come yet, save as a plan ("will vote in 2031",
"by 2031"): the latest year it states, outside sentences looking ahead, is a floor under the
year it was written. A piece without a publish day that states 2034 was not written in
2031, so it tells of another event than a report published in 2031 (on real coverage: a
piece on one election's interference, stating the next campaign's year, beside a summit two
years before it).

`year_vetoes` keeps such pairs apart (`cluster.similarity_graph`, as `cluster.figure_vetoes`):
a veto, so no third article chains them either and `frames.rejoin_lone` does not put the
undated one back. The other way round (a piece whose latest year lies years before the
report) is no evidence: pieces recall old events and state nothing newer, and as a veto it
cut ECB+ events (F1 0.949 -> 0.898; docs/stories.md, eighth session); so is a gap between
two undated pieces' years (-> 0.871), since neither is known to be the later.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import numpy as np

from ..model import Article

# The undated piece's latest stated year at least LATER_YEARS after the other's publish
# year: written after it. One year of slack for a piece written in January about December,
# and for plans stated without a verb ("the 2031 race").
LATER_YEARS = 2
YEARS_ON = True  # False: the rule is off

# A year, not a figure ("2,031", "$2031", "2031%") nor a decade ("the 2030s"); one after
# "by", "until", "through" or "before" is a deadline, not a time of the piece.
_YEAR = re.compile(r"(?<![\d$.,])(?<!\bby )(?<!until )(?<!through )(?<!before )"
                   r"\b(?P<y>19[5-9]\d|20[0-4]\d)\b(?![.,]?\d)(?!s\b|\s*%)", re.I)
# A sentence looking ahead states plans, not its own time.
_AHEAD = re.compile(r"\b(?:will|would|set for|scheduled|due|deadline|expected|plans?|next|"
                    r"upcoming|future|projected|forecast|goal|target)\b", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+")


def latest_year(text: str) -> int | None:
    """The latest year `text` states outside sentences looking ahead, or None."""
    best: int | None = None
    for s in _SENTENCE.finditer(text):
        sentence = s.group()
        found = [int(m.group("y")) for m in _YEAR.finditer(sentence)]
        if found and not _AHEAD.search(sentence):
            best = max(found) if best is None else max(best, *found)
    return best


def written_later(undated_year: int | None, published_year: int) -> bool:
    """Whether an undated piece whose latest stated year is `undated_year` was written at
    least `LATER_YEARS` after `published_year`. No year stated is no evidence."""
    return undated_year is not None and undated_year - published_year >= LATER_YEARS


def year_vetoes(articles: Sequence[Article], days: np.ndarray, a: np.ndarray,
                b: np.ndarray) -> tuple[tuple[int, int], ...]:
    """Scored pairs (a, b), one with a publish day (`days`, ordinal) and one without (nan),
    the undated one `written_later` than the other's publish year."""
    if not YEARS_ON or not len(a):
        return ()
    undated = np.isnan(days)
    memo: dict[int, int | None] = {}
    out = []
    for k in np.flatnonzero(undated[a] != undated[b]).tolist():
        i, j = int(a[k]), int(b[k])
        u, d = (i, j) if undated[i] else (j, i)
        if u not in memo:
            memo[u] = latest_year(articles[u].text)
        if written_later(memo[u], date.fromordinal(int(days[d])).year):
            out.append((i, j))
    return tuple(out)
