"""Undated articles: the day their own text gives them, and what decides when neither
article of a pair has a day.

A reader of an undated report dates it from its lead: "WASHINGTON, March 3 -" or "on March 3"
in a report that states the year 2019 elsewhere is 3 March 2019. A weekday or "yesterday"
needs the publish day and is left unresolved; so is a month-day in an article that states
no year or several (which one would be a guess).

With no day on either side, the issue asks trigger and specifics to decide: two undated
articles whose headlines share no word family, whose event frames conflict
(`frames.frames_conflict`: what happened differs) and that share no specific (no figure, no
stated day, no named place or object besides their people, held by at most
`SPECIFIC_MAX_DF` articles of the corpus) weigh `UNDATED_DISCOUNT` of their edge.

Two more kinds of evidence weigh a pair down when one of it has no publish day
(`evidence_against`, the one call `cluster.similarity_graph` makes): leads stating month-days
more than `MONTH_DAYS_APART` days apart on the calendar (`month_day_clashes`), and predicates
on opposite sides of one axis, "claims rise" against "claims fall" (`frames.frames_opposed`),
leads naming different weekdays (`weekdays.weekday_factors`), and headlines each naming
someone the other report never mentions (`headnames.headname_factors`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

import numpy as np

from ..dates import MONTHS
from ..model import Article, ArticleFacts
from . import frames as frames_module
from . import headnames, weekdays
from .features import RawFeatures
from .frames import Frame, frames_conflict

LEAD_SENTENCES = 3  # the lead: where a report states its own event's date (later: background)

# "March 3", "Sept. 14th", "3 March" not followed by a year (those are full dates already).
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_NO_YEAR = r"(?!\.?,?\s*(?:19|20)\d\d)"
_MONTH_DAY = re.compile(
    r"\b(?P<m1>" + _MONTH + r")\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b" + _NO_YEAR
    + r"|\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTH + r")\b" + _NO_YEAR,
    re.I)


def lead_end(facts: ArticleFacts) -> int:
    """Where the lead (its first `LEAD_SENTENCES` sentences) ends in the text."""
    if not facts.sentences:
        return 0
    return facts.sentences[min(LEAD_SENTENCES, len(facts.sentences)) - 1].end


def stated_year(facts: ArticleFacts) -> int | None:
    """The one year an article states (its full dates and "in 2019"), or None when it
    states none or several."""
    years = {d.date[:4] for d in facts.dates}
    return int(years.pop()) if len(years) == 1 else None


def month_days(text: str, year: int) -> list[date]:
    """The month-days without a year in `text` ("March 3", "3 March"), in `year`."""
    out = []
    for m in _MONTH_DAY.finditer(text):
        month = MONTHS.get((m.group("m1") or m.group("m2")).lower().rstrip("."))
        try:
            out.append(date(year, month or 0, int(m.group("d1") or m.group("d2"))))
        except ValueError:
            continue
    return out


def stated_day(article: Article, facts: ArticleFacts) -> date | None:
    """An undated article's event day from its lead: the latest full date stated there, or a
    month-day there put in the one year the article states; None when neither."""
    end = lead_end(facts)
    days = []
    for d in facts.dates:
        if d.granularity == "day" and d.start < end:
            try:
                days.append(date.fromisoformat(d.date))
            except ValueError:
                continue
    year = stated_year(facts)
    if year is not None and end:
        days.extend(month_days(article.text[:end], year))
    return max(days) if days else None


# With no day on either side, trigger and specifics decide: two undated articles whose
# headlines share no word family (`cluster.triggers_agree`), whose frames conflict and that
# share no specific held by at most SPECIFIC_MAX_DF articles weigh UNDATED_DISCOUNT of their
# edge (after the other discounts). A lone article this splits off rejoins its story
# (`frames.rejoin_lone`), as for the frame discount. Chosen on NeuS lines 1-1226 and ECB+
# (docs/stories.md, 2026-12-03, sixth session): without the headline condition, a veto or a
# lower discount splits ECB+ events (0.77-0.93); 1 turns the rule off.
UNDATED_DISCOUNT = 0.5
# A specific of an event is held by its few reports; one held by more is the saga's (a
# country, a court) and keeps no link.
SPECIFIC_MAX_DF = 30
_SPECIFIC = ("q:", "d:", "e:")


def specifics(raw: RawFeatures) -> frozenset[str]:
    """An article's specifics: figures (`q:`), stated days (`d:`) and names (`e:`) that are
    not its actors."""
    actors = set(raw.actors)
    return frozenset(f for f, c in raw.counts
                     if c > 0 and f.startswith(_SPECIFIC) and f not in actors)


def undated_clashes(raws: Sequence[RawFeatures], frames: Sequence[Frame], when: np.ndarray,
                    a: np.ndarray, b: np.ndarray, headlines_differ: np.ndarray) -> np.ndarray:
    """Per scored pair (a, b): both without an event day (`when` nan), headlines sharing no
    word family (`headlines_differ`), frames in conflict, and no specific held by both that
    at most `SPECIFIC_MAX_DF` articles hold."""
    out = np.zeros(len(a), dtype=bool)
    if not len(a):
        return out
    undated = np.isnan(when)
    pick = np.flatnonzero(undated[a] & undated[b] & headlines_differ)
    if not len(pick):
        return out
    spec = [specifics(r) for r in raws]
    df = Counter(f for s in spec for f in s)
    rare = [frozenset(f for f in s if df[f] <= SPECIFIC_MAX_DF) for s in spec]
    for k in pick.tolist():
        i, j = int(a[k]), int(b[k])
        out[k] = not (rare[i] & rare[j]) and frames_conflict(frames[i], frames[j])
    return out


def undone(a: np.ndarray, b: np.ndarray, clash: np.ndarray, against: np.ndarray
           ) -> dict[tuple[int, int], float]:
    """The discounted pairs `frames.rejoin_lone` may undo, with the factor each was weighed:
    frame clashes (`clash`) and the factors of `evidence_against`."""
    factor = np.where(clash, frames_module.FRAME_DISCOUNT, 1.0) * against
    k = np.flatnonzero((factor < 1.0) & (factor > 0.0))  # 0: a veto, never undone
    return dict(zip(zip(a[k].tolist(), b[k].tolist(), strict=True), factor[k].tolist(),
                    strict=True))


# Two leads that state month-days without a year more than MONTH_DAYS_APART days apart on
# the calendar (circularly: December 20 and January 10 are 21 days apart) tell of events that
# far apart in any year: the week ending March 20 against the week ending August 14. Such a
# pair, one of them without a publish day, weighs MONTH_DAY_DISCOUNT of its edge (1: off). A
# lead sentence looking back ("a year ago", "anniversary", "last year") or ahead ("set for",
# "will", "until") states no event day. A full date with its year is not read here: it
# dates the article already (`stated_day`). Chosen on NeuS lines 1-1226 and ECB+
# (docs/stories.md, seventh session): a veto, or full dates and sentences looking ahead
# counted, cut ECB+ events (whose gold clusters hold a trial's plea and its verdict).
MONTH_DAY_DISCOUNT = 0.3
MONTH_DAYS_APART = 30
_LOOKING_BACK = re.compile(r"\banniversar|\b(?:last|previous|a|one) year\b|\byears? ago\b|"
                           r"\byears? earlier\b|\bsince\b", re.I)
_LOOKING_AHEAD = re.compile(r"\b(?:will|set for|scheduled|due|until|deadline|expected)\b", re.I)
_LEAP = 2000  # a leap year, so February 29 has a place


def looks_away(text: str) -> bool:
    """Whether a sentence looks back or ahead (its dates are not its event's)."""
    return bool(_LOOKING_BACK.search(text) or _LOOKING_AHEAD.search(text))


def lead_month_days(article: Article, facts: ArticleFacts) -> frozenset[int]:
    """The days of the (leap) year of the month-days without a year the lead states, outside
    sentences looking back or ahead."""
    out: set[int] = set()
    for s in facts.sentences[:LEAD_SENTENCES]:
        text = article.text[s.start:s.end]
        if not looks_away(text):
            out.update(d.timetuple().tm_yday for d in month_days(text, _LEAP))
    return frozenset(out)


def calendar_gap(x: frozenset[int], y: frozenset[int]) -> int:
    """The fewest days between a day of `x` and a day of `y`, round the calendar."""
    return min(min(abs(u - v), 366 - abs(u - v)) for u in x for v in y)


def month_day_clashes(articles: Sequence[Article], facts: Sequence[ArticleFacts],
                      days: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per scored pair (a, b), one of them without a publish day (`days` nan): both leads
    state month-days and none of one's is within `MONTH_DAYS_APART` of one of the other's."""
    out = np.zeros(len(a), dtype=bool)
    if not len(a):
        return out
    pick = np.flatnonzero(np.isnan(days[a]) | np.isnan(days[b]))
    memo: dict[int, frozenset[int]] = {}

    def lead(i: int) -> frozenset[int]:
        if i not in memo:
            memo[i] = lead_month_days(articles[i], facts[i])
        return memo[i]

    for k in pick.tolist():
        i, j = int(a[k]), int(b[k])
        x, y = lead(i), lead(j)
        out[k] = bool(x and y) and calendar_gap(x, y) > MONTH_DAYS_APART
    return out


OPPOSED_UNDATED_ONLY = True  # opposed frames count only when one of the pair has no day

# An article without a day beside one with a day, headlines sharing no word family, and a
# cosine below TOPIC_ONLY_COSINE: nothing but the topic links them (on real coverage, a
# piece of another year beside a report: an old summit beside a new threat, a campaign
# piece beside the election night). Weight 0, so `frames.rejoin_lone` does not undo it
# (0: the rule is off). Chosen on ECB+ odd topics and real Baly samples (docs/stories.md,
# eighth session); both undated (NeuS), the headline discount and `undated_clashes` decide.
TOPIC_ONLY_COSINE = 0.25


def topic_only(when: np.ndarray, a: np.ndarray, b: np.ndarray, headlines_differ: np.ndarray,
               sims: np.ndarray) -> np.ndarray:
    """Per scored pair (a, b): one with an event day (`when`), the other without, headlines
    sharing no word family and a cosine (`sims`) below `TOPIC_ONLY_COSINE`."""
    undated = np.isnan(when)
    return (undated[a] != undated[b]) & headlines_differ & (sims < TOPIC_ONLY_COSINE)


def evidence_against(articles: Sequence[Article], facts: Sequence[ArticleFacts] | None,
                     raws: Sequence[RawFeatures], frames: Sequence[Frame] | None,
                     days: np.ndarray,
                     when: np.ndarray, a: np.ndarray, b: np.ndarray,
                     headlines_differ: np.ndarray, sims: np.ndarray | None = None
                     ) -> np.ndarray:
    """Per scored pair (a, b), the factor its edge weighs for evidence of two events found
    beyond the words: `undated_clashes` (`UNDATED_DISCOUNT`), `month_day_clashes`
    (`MONTH_DAY_DISCOUNT`), `weekdays.weekday_factors`, `headnames.headname_factors` and
    opposed frames (`frames.frames_opposed`,
    `frames.OPPOSED_DISCOUNT`); 1 where there is none; 0 for a `topic_only` pair (with
    `sims`, the pairs' cosines). Without frames (no pipeline) only the month-days count."""
    factor = np.ones(len(a))
    if not len(a):
        return factor
    if TOPIC_ONLY_COSINE > 0 and sims is not None:
        factor[topic_only(when, a, b, headlines_differ, sims)] = 0.0
    if UNDATED_DISCOUNT < 1.0 and frames is not None:
        factor[undated_clashes(raws, frames, when, a, b, headlines_differ)] *= UNDATED_DISCOUNT
    if MONTH_DAY_DISCOUNT < 1.0 and facts is not None:
        factor[month_day_clashes(articles, facts, days, a, b)] *= MONTH_DAY_DISCOUNT
    if facts is not None:
        factor *= weekdays.weekday_factors(articles, facts, days, a, b)
        factor *= headnames.headname_factors(articles, facts, days, a, b)
    if frames_module.OPPOSED_DISCOUNT < 1.0 and frames is not None:
        pick = (np.flatnonzero(np.isnan(days[a]) | np.isnan(days[b])) if OPPOSED_UNDATED_ONLY
                else np.arange(len(a)))
        for k in pick.tolist():
            if frames_module.frames_opposed(frames[int(a[k])], frames[int(b[k])]):
                factor[k] *= frames_module.OPPOSED_DISCOUNT
    return factor
