"""Conflicts between outlets: counts whose ranges cannot both be true, different dates or
actors for one event (one quote given to different speakers: `compare_attribution`).

Every version lists the articles that hold it, with spans, and how many independent sources
(copies of one wire count once) stand behind it.

Long because each conflict kind (counts, dates, actors) keeps its helpers beside it; to be split per
kind with the compare/ rework (issue 19).
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from ..dates import MONTHS
from ..extract.claims import MODALS, PLANNED
from ..extract.qualifiers import PERIOD, kind_tags, recipient_tag, relative_verb, since_tag
from ..model import (
    Article,
    Claim,
    Conflict,
    ConflictKind,
    ConflictVersion,
    DateRef,
    Entity,
    Quantity,
    Span,
)
from ..text import fold
from .anchors import anchor_doubt, anchors_clash
from .budget import chosen_pairs, pair_budget, pairs_to_try, share
from .match import (
    canon,
    content_words,
    dice,
    group_count,
    newsworthy,
    plural,
    record_limit,
    stem,
    units_match,
)
from .occasions import OCCASION_DOUBT, figures_differ, marks_other_occasion
from .periods import Period, figure_period, period_doubt

log = logging.getLogger(__name__)

QUANTITY_CONTEXT = 0.2
EXACT_CONTEXT = 0.5  # two exact figures must come from near-identical sentences
# Counted nouns too general to assume two outlets count the same thing with them.
GENERIC_UNITS = frozenset({
    "people", "other", "year", "month", "week", "day", "hour", "minute", "time", "percent",
    "country", "state", "member", "official", "case", "dollar", "euro", "pound", "million",
    "billion", "thousand", "hundred", "point", "place", "way", "thing", "part", "side",
    "vote", "seat", "job", "share", "unit", "item", "one", "number", "piece", "mile",
    "kilometer", "kilometre", "meter", "metre", "foot", "ton", "tonne", "round", "group",
    "area", "city", "town", "village", "store", "company", "student", "worker", "employee",
    "woman", "man", "bill", "law", "plan", "claim", "report", "dose", "test", "vaccine",
    "usd", "eur", "gbp", "jpy",
})  # Dice of the two sentences' content words, units aside
DATE_CONTEXT = 0.5
CONFIDENT_AT = 0.7  # at or above: shown by default; below: listed apart as "possible"
# Confidence of a conflict whose rule fired with nothing left to doubt, and what each doubt
# costs: one doubt alone drops a conflict below CONFIDENT_AT (shown, but as "possible").
BASE_CONFIDENCE = 0.9
DOUBT = 0.75
# Below this (three doubts or more, 0.38) a conflict is not reported at all: each doubt alone
# says the two figures or dates may be two facts; three together are no finding.
SHOWN_AT = 0.4
# Figures without a counted noun that still tell two different things apart: counts of a
# hundred or more ("rose by 3.2 million"); small bare numbers ("three", "two") are everywhere.
BARE_FIGURE_MIN = 100
BARE_CONTEXT = 2  # content words a bare figure's sentence shares with the count it may repeat
# Units of measure: (dimension, size in SI units). Two figures in units of one dimension are
# compared after conversion ("10 miles" = "16 km"); "square" before a length makes an area.
MEASURES: dict[str, tuple[str, float]] = {
    "mile": ("length", 1609.344), "kilometer": ("length", 1000.0),
    "kilometre": ("length", 1000.0), "km": ("length", 1000.0), "meter": ("length", 1.0),
    "metre": ("length", 1.0), "m": ("length", 1.0), "foot": ("length", 0.3048),
    "feet": ("length", 0.3048), "ft": ("length", 0.3048), "yard": ("length", 0.9144),
    "inch": ("length", 0.0254), "centimeter": ("length", 0.01), "centimetre": ("length", 0.01),
    "cm": ("length", 0.01), "acre": ("area", 4046.856), "hectare": ("area", 10_000.0),
    "kilogram": ("weight", 1.0), "kg": ("weight", 1.0), "gram": ("weight", 0.001),
    "pound": ("weight", 0.45359237), "lb": ("weight", 0.45359237), "ton": ("weight", 1000.0),
    "tonne": ("weight", 1000.0), "liter": ("volume", 1.0), "litre": ("volume", 1.0),
    "gallon": ("volume", 3.785411784),
}


def conflict_version(value: str, items: Sequence[tuple[str, Span]], groups: dict[str, str]
             ) -> ConflictVersion:
    ids = tuple(sorted({a for a, _ in items}))
    spans = tuple(sorted({s for _, s in items}, key=lambda s: (s.article_id, s.start, s.end)))
    return ConflictVersion(value=value, article_ids=ids, spans=spans,
                           independent_sources=group_count(ids, groups))


def make_conflict(kind: ConflictKind, about: str, versions: Sequence[ConflictVersion],
                  confidence: float, why: str) -> Conflict:
    """A conflict with its confidence, its status ("possible" below CONFIDENT_AT) and why."""
    confidence = round(max(0.0, min(1.0, confidence)), 3)
    return Conflict(kind=kind, about=about, versions=tuple(versions), confidence=confidence,
                    status="confident" if confidence >= CONFIDENT_AT else "possible", why=why)


def measure(q: Quantity) -> tuple[str, float] | None:
    """(dimension, SI size of one unit) for a unit of measure; "square" lengths are areas."""
    got = MEASURES.get(fold(q.unit or ""))
    if got is None:
        return None
    dim, size = got
    if dim == "length" and "square" in q.modifiers:
        return "area", size * size
    return dim, size


def in_si(q: Quantity) -> Quantity:
    """The figure in SI units of its dimension (unchanged when it is no measure)."""
    m = measure(q)
    if m is None:
        return q
    dim, size = m
    low, high = q.low, q.high
    # A written measure stands for half a unit of its last digit either way: "1.8 meters" is
    # 1.75-1.85, so the "6 feet" it converts (1.83 m) agrees with it.
    if q.exact and low is not None and low == high:
        digits = re.search(r"\d[\d,]*(?:\.(\d+))?", q.text)
        half = 0.5 * 10 ** -len(digits.group(1) or "") if digits else 0.0
        low, high = low - half, high + half
    return Quantity(article_id=q.article_id, start=q.start, end=q.end, text=q.text,
                    low=None if low is None else low * size,
                    high=None if high is None else high * size, unit=dim, exact=False,
                    modifiers=tuple(x for x in q.modifiers if x != "square"))


def same_counted(a: Quantity, b: Quantity) -> bool:
    """Whether two figures count or measure one kind of thing: one dimension of measure, or
    counted nouns that match (`units_match`) and whose modifiers do not set them apart
    ("U.S. troops" / "Afghan troops")."""
    ma, mb = measure(a), measure(b)
    if ma or mb:
        return bool(ma and mb and ma[0] == mb[0])
    if not units_match(a.unit, b.unit):
        return False
    na, nb = narrowing(a), narrowing(b)
    return not (na and nb and not na & nb)


def narrowing(q: Quantity) -> frozenset[str]:
    """The modifiers that name a different set when they differ (not "+crew": that is a whole)."""
    return frozenset(stem(fold(m)) for m in q.modifiers if not m.startswith("+"))


def shorten(text: str, max_words: int) -> str:
    w = " ".join(text.split()).split(" ")
    return " ".join(w[:max_words]) + (" ..." if len(w) > max_words else "")


def _bounds(q: Quantity) -> tuple[float, float]:
    lo = q.low if q.low is not None else float("-inf")
    hi = q.high if q.high is not None else float("inf")
    # Outlets round: a one-digit figure ("$2 trillion") gets 5% slack, others 3%
    # ("$2.3 trillion" for $2.25 trillion).
    if q.low is not None and q.low == q.high and q.low >= 100:
        digits = f"{q.low:.6e}".split("e")[0].rstrip("0").rstrip(".").replace(".", "")
        slack = 0.05 if len(digits.lstrip("-")) == 1 else 0.03
        lo, hi = q.low * (1 - slack), q.low * (1 + slack)
    return lo, hi


def _overlap(a: Quantity, b: Quantity) -> bool:
    a, b = in_si(a), in_si(b)
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    if lo_a <= hi_b and lo_b <= hi_a:
        return True
    # "Thousands" against "more than 10,000" is loose usage, not a contradiction: a bound
    # only contradicts a vague plural when it is off by more than a factor of two.
    for x, y in ((a, b), (b, a)):
        if not y.exact and y.low is not None and y.high is not None:
            if x.high is None and x.low is not None and x.low <= 2 * y.high:
                return True
            if x.low is None and x.high is not None and 2 * x.high >= y.low:
                return True
    return False


def _context_words(claim: Claim, q: Quantity) -> frozenset[str]:
    # The counted noun itself is matched by units_match; leave it (and other counts) out so
    # two unrelated sentences do not meet on "people" alone.
    counted = frozenset().union(*(content_words(x.text) for x in claim.quantities),
                                content_words(q.text))
    return content_words(claim.text) - counted


def _states_other(values: list[list[int]], items: list[tuple[Claim, Quantity, frozenset[str]]],
                  all_quantities: dict[str, list[tuple[Quantity, frozenset[str], str]]]
                  ) -> bool:
    """Whether an article holding one version also states a figure inside another version's
    range that could count the same thing: then it counts two things, not contradicting."""
    for a, va in enumerate(values):
        arts = {items[k][0].article_id for k in va}
        for b, vb in enumerate(values):
            if a == b:
                continue
            if any(_overlap(q, items[k][1]) and _could_count(q, words, text, items[k])
                   for art in arts for k in vb
                   for q, words, text in all_quantities.get(art, ())):
                return True
    return False


def _could_count(q: Quantity, words: frozenset[str], sentence: str,
                 item: tuple[Claim, Quantity, frozenset[str]]) -> bool:
    """A figure that may count what `item` counts, in a sentence sharing words with it: the
    same counted thing (open bounds too: "at least 40 people" killed beside "around 100
    people" wounded), or a large figure with no noun ("rose by 3.2 million"). A bare "three"
    elsewhere in a full article says nothing about "twelve soldiers"; percentages count
    nothing."""
    if canon(q.unit or "") == "percent":
        return False
    # Either way its sentence must share words with the compared one: "500 or fewer
    # employees" in a sentence about a loan rule counts no firm's furloughed employees.
    shared = words & item[2]
    if len(shared) < BARE_CONTEXT:
        return False
    if q.unit:
        return same_counted(q, item[1])
    # A bare figure names nothing it counts, so a shared name is no shared subject: "injuring
    # hundreds" beside "the MGM-owned resort" counts no claims settled by "MGM Resorts".
    if len(shared - name_words(item[0].text) - name_words(sentence)) < BARE_CONTEXT:
        return False
    return q.low is not None and q.high is not None and q.high >= BARE_FIGURE_MIN


def name_words(text: str) -> frozenset[str]:
    """Content words of the capitalised words of a sentence after its first (names)."""
    return content_words(" ".join(w for w in text.split()[1:] if w[:1].isupper()))


def _capitalised_unit(q: Quantity) -> bool:
    last = q.text.split()[-1] if q.text.split() else ""
    return last[:1].isupper() and q.unit is not None and fold(last).startswith(q.unit[:4])


def quantity_conflicts(claims: Sequence[Claim], groups: dict[str, str],  # noqa: C901
                       articles: Sequence[Article] = ()) -> list[Conflict]:
    """Count conflicts: quantities of one unit and context whose ranges cannot both be true.
    (noqa C901: unit, context and outlet tests of one comparison; split tracked in issue 19.)
    With the `articles`, two figures their texts put in periods of different spans are a doubt.
    Long because grouping the quantities (a union-find over unit and context) and judging each
    group read the same indexes built at its top; to be split with the compare/ rework (issue
    19)."""
    all_quantities: dict[str, list[tuple[Quantity, frozenset[str], str]]] = defaultdict(list)
    for c in claims:
        all_quantities[c.article_id].extend((q, content_words(c.text), c.text)
                                            for q in c.quantities)
    # Figures with no counted noun ("hundreds of thousands tried to walk home") take part
    # only as one sentence changed in its figure (`_comparable`).
    items: list[tuple[Claim, Quantity, frozenset[str]]] = [
        (c, q, _context_words(c, q)) for c in claims for q in c.quantities
        if q.unit or q.low is not None]
    per_unit: Counter[tuple[str, str]] = Counter()
    for c, q, _ in items:
        per_unit[(c.article_id, canon(q.unit or ""))] += 1
    n = len(items)
    # Imported here: scipy.cluster takes about 0.6 s to import and only grouping needs it.
    from scipy.cluster.hierarchy import DisjointSet

    sets = DisjointSet(range(n))
    comparable = _comparable_pairs(items, per_unit, _item_periods(items, articles),
                                   sum(len(c.text) for c in claims))
    if comparable is None:  # too many to hold: no count conflict is claimed (reported)
        return []
    for i, j in comparable:
        sets.merge(i, j)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        comps[sets[i]].append(i)
    out: list[Conflict] = []
    for idx in comps.values():
        if len({items[i][0].article_id for i in idx}) < 2:
            continue
        # Versions: quantities grouped by overlapping ranges (an article can hold one value).
        values: list[list[int]] = []
        for i in sorted(idx, key=lambda k: (items[k][1].low or 0, items[k][0].article_id)):
            for v in values:
                if all(_overlap(items[i][1], items[k][1]) for k in v):
                    v.append(i)
                    break
            else:
                values.append([i])
        # Only versions compared directly with another version: a chain of links through a
        # shared figure ("404 yards" in several articles) must not set "440 yards" against
        # "498 rushing yards".
        linked = [v for a, v in enumerate(values) if any(
            (min(x, y), max(x, y)) in comparable for b, w in enumerate(values) if a != b
            for x in v for y in w)]
        values = linked
        if len(values) < 2:
            continue
        # Each disjoint value must be held by articles that do not also hold another value.
        holders = [{items[k][0].article_id for k in v} for v in values]
        if any(holders[a] & holders[b] for a in range(len(values))
               for b in range(a + 1, len(values))):
            continue
        # An article that also states a figure in the other version's range (with any unit or
        # none: "rose by 3.2 million last week") is counting two things, not contradicting.
        if _states_other(values, items, all_quantities):
            continue
        # Counts dated to different times are counts of different events ("this week" vs
        # "the week ending March 28").
        dated = [items[k][0].dates for k in idx if items[k][0].dates]
        if any(not any(_same_time(x, y) for x in da for y in db)
               for i, da in enumerate(dated) for db in dated[i + 1:]):
            continue
        versions = []
        for v in values:
            label = min((items[k][1].text for k in v), key=len)
            versions.append(conflict_version(label, [(items[k][0].article_id,
                                              Span(items[k][0].article_id, items[k][1].start,
                                                   items[k][1].end)) for k in v], groups))
        units = sorted({stem(items[k][1].unit or "") for k in idx}, key=lambda u: (len(u), u))
        about = f"how many {plural(units[0])}" if units and units[0] else "a count"
        if any(measure(items[k][1]) for k in idx):
            about = f"how much ({units[0]})" if units else "a measure"
        # The best-supported pair across versions speaks for the conflict.
        doubts = min((comparable[(min(x, y), max(x, y))] for a, v in enumerate(values)
                      for w in values[a + 1:] for x in v for y in w
                      if (min(x, y), max(x, y)) in comparable), key=len)
        doubts = doubts + _close_doubt(values, items)
        figures = " vs ".join(repr(v.value) for v in versions)
        why = (f"quantity: {figures} count the same thing ({units[0] if units else '?'}) in "
               f"sentences about one fact, and their ranges cannot overlap"
               + (f"; doubts: {', '.join(doubts)}" if doubts else ""))
        out.append(make_conflict("quantity", about, versions,
                                 BASE_CONFIDENCE * DOUBT ** len(doubts), why))
    return out


CLOSE_RATIO = 0.85  # figures this close (smaller / larger) may be one count rounded or updated


def _close_doubt(values: list[list[int]], items: list[tuple[Claim, Quantity, frozenset[str]]]
                 ) -> tuple[str, ...]:
    tops = [max((in_si(items[k][1]).high or in_si(items[k][1]).low or 0) for k in v)
            for v in values]
    bottoms = [min((in_si(items[k][1]).low or 0) for k in v) for v in values]
    for a in range(len(values)):
        for b in range(len(values)):
            if a != b and 0 < tops[a] <= bottoms[b] and tops[a] / bottoms[b] >= CLOSE_RATIO:
                return ("close figures (rounding or an update?)",)
    return ()


# Verbs that only say the counted acts were done ("carried out / launched / conducted 40
# strikes"): they tell nothing about which acts, so they agree with one another.
DOING_VERBS = frozenset({"carry", "conduct", "launch", "stage", "make", "perform", "mount",
                         "execute", "do", "hold", "undertake"})


# What befell the counted things: the dead, the hurt and the held are each a part of the crowd
# and apart from each other ("dozens of demonstrators died" / "35,000 demonstrators amassed").
CASUALTY = {"die": "dead", "kill": "dead", "wound": "hurt", "injure": "hurt", "hurt": "hurt",
            "arrest": "held", "detain": "held"}


def _verb_class(verb: str) -> str:
    return "do" if verb in DOING_VERBS else verb


def _casualties_apart(qi: Quantity, qj: Quantity) -> bool:
    """Two verbs of which one says the counted things died, were hurt or were held, and the
    other says something else befell them: two sets, not two versions of one."""
    if not (qi.verb and qj.verb):
        return False
    ci, cj = CASUALTY.get(qi.verb), CASUALTY.get(qj.verb)
    return (ci is not None or cj is not None) and ci != cj


MAX_RATIO = 1000.0  # figures this far apart count different things ($1,200 each / $1 trillion)


def _far_apart(a: Quantity, b: Quantity) -> bool:
    return _far_apart_si(in_si(a), in_si(b))


def _far_apart_si(a: Quantity, b: Quantity) -> bool:
    """`_far_apart` of two figures already in SI units (`in_si`)."""
    for x, y in ((a, b), (b, a)):
        if x.high is not None and x.high > 0 and y.low is not None and \
                y.low / x.high > MAX_RATIO:
            return True
    return False


def _unit_key(q: Quantity) -> tuple[bool, str, str | None]:
    """What `_comparable` reads of a figure's unit before anything else: whether it has one,
    its canonical form and its dimension of measure."""
    m = measure(q)
    return bool(q.unit), canon(q.unit or ""), m[0] if m else None


def _units_may_meet(a: tuple[bool, str, str | None], qa: Quantity,
                    b: tuple[bool, str, str | None], qb: Quantity) -> bool:
    """False when no two figures of these unit keys can be `_comparable`: it needs both
    without a unit (one sentence changed in its figure), or both with units that match
    (`units_match` reads only their canonical forms) or measure one dimension."""
    if not a[0] or not b[0]:
        return not a[0] and not b[0]
    return units_match(qa.unit, qb.unit) or (a[2] is not None and a[2] == b[2])


# The most comparable figure pairs `quantity_conflicts` holds for one story (issue 23). Held
# as a dict, about 150 bytes a pair; their number grows with the square of a story's figures:
# a story of six 150,000-character generated articles has about a million. Over the limit
# the story's count conflicts are not judged at all (abstaining: a subset of the pairs could
# split one group of figures into two and set one against the other), and the story's
# problems say so (`match.record_limit`).
MAX_FIGURE_PAIRS = 2_000_000


def _item_periods(items: list[tuple[Claim, Quantity, frozenset[str]]],
                  articles: Sequence[Article]) -> list[Period | None]:
    """The period each figure's article text puts it in (None: no text, or none found)."""
    by_id = {a.id: a for a in articles}
    out: list[Period | None] = []
    for c, q, _ in items:
        art = by_id.get(c.article_id)
        out.append(figure_period(art.text, q.start, q.end, art.title) if art else None)
    return out


def _comparable_pairs(items: list[tuple[Claim, Quantity, frozenset[str]]],
                      per_unit: Counter[tuple[str, str]],
                      periods: Sequence[Period | None] = (), characters: int | None = None
                      ) -> dict[tuple[int, int], tuple[str, ...]] | None:
    """(i, j) with i < j -> doubts, for every pair of figures `_comparable` accepts. Only
    pairs whose units can meet are tried (units grouped first): the same pairs as trying
    every pair, without the square of a story's figures in Python calls when its figures
    count different things. With the story's `characters` (of its claims), a story that would
    try more pairs than its text allows (`budget`) tries only the likeliest pairs, says
    so, and each pair found carries `PART_DOUBT`. None (and the limit recorded) past
    `MAX_FIGURE_PAIRS` pairs."""
    by_key: dict[tuple[bool, str, str | None], list[int]] = defaultdict(list)
    for k, (_, q, _) in enumerate(items):
        by_key[_unit_key(q)].append(k)
    keys = list(by_key)
    figures = _figures(items)
    meets = {(x, y): units_match(items[by_key[ka][0]][1].unit, items[by_key[kb][0]][1].unit)
             for x, ka in enumerate(keys) for y, kb in enumerate(keys[x:], x)
             if _units_may_meet(ka, items[by_key[ka][0]][1], kb, items[by_key[kb][0]][1])}
    groups = [by_key[k] for k in keys]
    pairs: Iterable[tuple[int, int, bool]] = _all_pairs(groups, meets)
    partial = characters is not None and _over_budget(items, figures, groups, meets, characters)
    if partial and characters is not None:
        pairs = _likeliest_pairs(items, figures, groups, meets, characters)
    out: dict[tuple[int, int], tuple[str, ...]] = {}
    for lo, hi, meet in pairs:
        doubts = _comparable_known(items[lo], items[hi], figures[lo], figures[hi], meet,
                                   per_unit)
        if doubts is not None:
            apart = _periods_apart(items, periods, lo, hi, (figures[lo], figures[hi], meet))
            doubts = (*doubts, apart) if apart else doubts
            out[(lo, hi)] = (*doubts, PART_DOUBT) if partial else doubts
            if len(out) > MAX_FIGURE_PAIRS:
                _over_figure_limit(len(items))
                return None
    return out


# The doubt of a count conflict found in a story over its figure-pair budget: the pairs left
# untried could have joined other figures to its versions (an article holding both values).
PART_DOUBT = "judged on part of the story's figure pairs (compare limit)"


def _all_pairs(groups: list[list[int]], meets: dict[tuple[int, int], bool]
               ) -> Iterator[tuple[int, int, bool]]:
    """(lo, hi, units_match) for every pair of figures in unit groups that can meet."""
    for (x, y), meet in meets.items():
        for i in groups[x]:
            for j in groups[y]:
                if i < j if x == y else i != j:
                    yield min(i, j), max(i, j), meet


def _over_budget(items: list[tuple[Claim, Quantity, frozenset[str]]], figures: list[_Figure],
                 groups: list[list[int]], meets: dict[tuple[int, int], bool],
                 characters: int) -> bool:
    """Whether the story would try more figure pairs than its text allows; if so, recorded."""
    tried = pairs_to_try(groups, [f.article_id for f in figures], list(meets))
    budget = pair_budget(characters)
    if tried <= budget:
        return False
    k = share(budget, len(items), len({f.article_id for f in figures}))
    note = (f"compare limit: {tried:,} figure pairs among its {len(items):,} figures, over the "
            f"{budget:,} its text allows; each figure was compared with at most {k:,} figures "
            f"of each other article (the likeliest), and its count conflicts are possible")
    log.warning("quantity conflicts: %s", note)
    record_limit(note)
    return True


def _likeliest_pairs(items: list[tuple[Claim, Quantity, frozenset[str]]],
                     figures: list[_Figure], groups: list[list[int]],
                     meets: dict[tuple[int, int], bool], characters: int
                     ) -> list[tuple[int, int, bool]]:
    """The pairs `budget.chosen_pairs` keeps: for each figure and other article, those
    in the same sentence but for its figures (same skeleton and slot, or same rest), then
    those sharing its rarest context words."""
    group = [0] * len(items)
    for x, members in enumerate(groups):
        for f in members:
            group[f] = x
    evidence = [[key for key in (("slot", f.skeleton, f.slot) if f.skeleton is not None
                                 and f.slot is not None else None,
                                 ("rest", f.rest) if f.rest is not None else None)
                 if key is not None] for f in figures]
    k = share(pair_budget(characters), len(items), len({f.article_id for f in figures}))
    chosen = chosen_pairs([f.article_id for f in figures], evidence,
                          [w for _, _, w in items], group, set(meets), k)
    return [(i, j, meets[min(group[i], group[j]), max(group[i], group[j])])
            for i, j in chosen]


def _periods_apart(items: list[tuple[Claim, Quantity, frozenset[str]]],
                   periods: Sequence[Period | None], lo: int, hi: int,
                   known: tuple[_Figure, _Figure, bool] | None = None) -> str | None:
    """The doubt of two figures their texts put in periods of different spans. Not for one
    sentence copied but for its figure: one statement, wherever each copy stands. `known`:
    the two figures' `_Figure`s and `units_match` of their units, when made."""
    if not periods:
        return None
    apart = period_doubt(periods[lo], periods[hi])
    if apart is None:
        return None
    (_, qi, _), (_, qj, _) = items[lo], items[hi]
    if known is None:
        twins = _twins(items[lo][0], qi, items[hi][0], qj)
    else:
        fa, fb, meet = known
        twins = _known_twins(fa, fb, meet or not (qi.unit or qj.unit),
                             fa.rest is not None and fa.rest == fb.rest)
    return None if twins else apart


def _over_figure_limit(figures: int) -> None:
    note = (f"compare limit: over {MAX_FIGURE_PAIRS:,} comparable pairs among its "
            f"{figures:,} figures; no count conflict was judged for this story")
    log.warning("quantity conflicts: %s", note)
    record_limit(note)


def _comparable(a: tuple[Claim, Quantity, frozenset[str]],
                b: tuple[Claim, Quantity, frozenset[str]],
                per_unit: Counter[tuple[str, str]]) -> tuple[str, ...] | None:
    """None when two figures are not about one thing; else the doubts that remain."""
    (ci, qi, _), (cj, qj, _) = a, b
    if ci.article_id == cj.article_id:
        return None
    # Two sentences word for word the same but the figure: one statement. What the parse
    # reads around the figure (its verb, anchors, modifiers) can differ between two copies
    # of one sentence (one inside its article, one alone), so none of it is a doubt here.
    twins = _twins(ci, qi, cj, qj)
    # Else: one counted thing, and not figures hanging on different named places or actors
    # (two margins, two states' counts).
    if twins is None or not twins and not (
            qi.unit and qj.unit and same_counted(qi, qj)
            and not anchors_clash(qi.anchors, qj.anchors)):
        return None
    # A part and its whole: "246 passengers" against "420 passengers and crew".
    # (Two lists that share a listed noun are one list, whatever else the parse joined to
    # it: "11 novels, multiple children's books, two plays" / "40 novels, ..., two plays".)
    if _part_and_whole(qi, qj):
        return None
    unit = canon(qi.unit or "")
    if _far_apart(qi, qj):
        return None
    if twins:
        return ()
    return _judged(a, b, per_unit, (unit, canon(qj.unit or "")),
                   (_capitalised_unit(qi), _capitalised_unit(qj)),
                   _same_but_figure(ci, qi, cj, qj), (narrowing(qi), narrowing(qj)))


def _judged(a: tuple[Claim, Quantity, frozenset[str]],
            b: tuple[Claim, Quantity, frozenset[str]], per_unit: Counter[tuple[str, str]],
            units: tuple[str, str], capitalised: tuple[bool, bool], same_but_figure: bool,
            narrowed: tuple[frozenset[str], frozenset[str]]) -> tuple[str, ...] | None:
    """`_comparable` past its unit tests, for two figures that are no twins: None when their
    sentences do not tell one fact, else the doubts. The arguments are what `_comparable`
    reads of each figure (canonical unit, `_capitalised_unit`, `narrowing`) and of the pair
    (`_same_but_figure`), worked out per call or once per story (`_Figure`)."""
    (ci, qi, wi), (cj, qj, wj) = a, b
    unit = units[0]
    kind_doubts = qualifier_doubts(qi, qj)
    if kind_doubts is None or _casualties_apart(qi, qj):
        return None
    similarity, shared = dice(wi, wj), len(wi & wj)
    # Nationalities ("Americans") are whole populations: as broad as "people".
    broad = unit in GENERIC_UNITS or capitalised[0] or capitalised[1]
    # Two precise figures that differ are nearly always two different facts ("514
    # patients" nationally, "86 patients" in two states): only near-paraphrases count.
    if ((qi.exact and qj.exact) or unit == "percent") and similarity < EXACT_CONTEXT:
        return None  # shares of different polls and questions are the same kind
    # Broad nouns ("people", "jobs", "cases") are counted for many reasons in one
    # story: the sentences must say the same thing happened to them.
    if broad and ci.predicate != cj.predicate:
        return None
    # Same fact: the sentences share context beyond the count, or the same actor.
    same_actor = bool(ci.subject_entity and ci.subject_entity == cj.subject_entity)
    # Or: a specific counted thing each article counts once ("demonstrators") is the
    # same crowd within one story, whatever verbs surround it.
    only_one = shared >= 2 and similarity >= 0.12 and not broad and \
        per_unit[(ci.article_id, unit)] == 1 and \
        per_unit[(cj.article_id, units[1])] == 1
    strong = (similarity >= QUANTITY_CONTEXT and shared >= 2) or \
        (same_actor and shared >= 1) or same_but_figure
    if not (strong or only_one):
        return None
    doubts: list[str] = []
    if not strong:
        doubts.append("linked only as the one such count in each article")
    # Different actors ("Burr sold ..." / "Feinstein and three colleagues sold ..."): the
    # figures may be one actor's part and the group's whole.
    # (Not when the subject is the count itself: "Hundreds of students from X staged ...".)
    if ci.subject_entity and cj.subject_entity and ci.subject_entity != cj.subject_entity \
            and qi.text not in (ci.subject or "") and qj.text not in (cj.subject or ""):
        doubts.append("different actors")
    # Two named sources' counts ("435 leads, Manley said" / "more than 500 leads, Milanowski
    # said"): each official may count a different set (the local and the federal inquiry).
    if ci.attributed_to and cj.attributed_to and not \
            content_words(ci.attributed_to) & content_words(cj.attributed_to):
        doubts.append(f"given by different sources ({ci.attributed_to} / {cj.attributed_to})")
    # What happened to the counted things: "dozens of demonstrators died" is no count of
    # "35,000 demonstrators amassed", whatever the sentences share.
    if qi.verb and qj.verb and _verb_class(qi.verb) != _verb_class(qj.verb) and \
            not CASUALTY.get(qi.verb) == CASUALTY.get(qj.verb) is not None:  # died / killed
        doubts.append(f"different verbs on the counted things ({qi.verb} / {qj.verb})")
    # One side narrows the counted noun ("wounded soldiers") and the other does not: the
    # narrower may be a part of the other. Proper modifiers ("Syrian") name the story's
    # actor, which other outlets leave implicit, and do not count here.
    # Compared folded: "a Florida high school" and "West Boca Raton High School" share one.
    lower = any(m[:1].islower() for m in (*qi.modifiers, *qj.modifiers) if m[:1] != "+")
    if lower and not narrowed[0] & narrowed[1]:
        doubts.append("the counted things are qualified differently (a part of the other?)")
    doubts.extend(anchor_doubt(qi.anchors, ci.text, qj.anchors, cj.text))
    return (*doubts, *kind_doubts)


@dataclass(frozen=True, slots=True)
class _Figure:
    """What `_comparable` reads of one figure and its sentence, worked out once per story by
    `_figures` (issue 23: per pair, these were 6 million skeletons for a story of five long
    articles). Word lists are kept as ids: equal ids, equal lists."""

    article_id: str
    skeleton: int | None  # the claim's `_skeleton` words and figure count; None: too short
    slot: int | None  # where the figure's start stands among its claim's figure starts
    rest: int | None  # the `_rest` words; None: under SAME_SENTENCE_WORDS words
    length: int  # the sentence's characters less the figure's
    measure: tuple[str, float] | None
    written: str | None  # `_written_measure`
    unit: str  # canonical counted noun
    narrowed: frozenset[str]
    plus: frozenset[str]  # listed nouns ("+crew")
    si: Quantity
    capitalised: bool


def _figures(items: list[tuple[Claim, Quantity, frozenset[str]]]) -> list[_Figure]:
    """Each figure's `_Figure`, a claim's skeleton made once for all its figures."""
    ids: dict[tuple[tuple[str, ...], int], int] = {}
    rests: dict[tuple[str, ...], int] = {}
    skeletons: dict[int, tuple[int | None, list[int]]] = {}
    out = []
    for c, q, _ in items:
        if id(c) not in skeletons:
            words, starts = _skeleton(c)
            key = ids.setdefault((tuple(words), len(starts)), len(ids)) \
                if len(words) >= SAME_SENTENCE_WORDS else None
            skeletons[id(c)] = (key, starts)
        key, starts = skeletons[id(c)]
        rest = tuple(_rest(c, q))
        out.append(_Figure(
            article_id=c.article_id, skeleton=key,
            slot=starts.index(q.start) if q.start in starts else None,
            rest=rests.setdefault(rest, len(rests)) if len(rest) >= SAME_SENTENCE_WORDS
            else None, length=len(c.text) - len(q.text), measure=measure(q),
            written=_written_measure(q), unit=canon(q.unit or ""), narrowed=narrowing(q),
            plus=frozenset(m for m in q.modifiers if m.startswith("+")), si=in_si(q),
            capitalised=_capitalised_unit(q)))
    return out


def _comparable_known(a: tuple[Claim, Quantity, frozenset[str]],
                      b: tuple[Claim, Quantity, frozenset[str]], fa: _Figure, fb: _Figure,
                      units_meet: bool, per_unit: Counter[tuple[str, str]]
                      ) -> tuple[str, ...] | None:
    """`_comparable` from the figures' `_Figure`s; `units_meet` is `units_match` of their
    units (it reads only their canonical forms: one answer for two groups of `_unit_key`)."""
    if fa.article_id == fb.article_id:
        return None
    qi, qj = a[1], b[1]
    same_but = fa.rest is not None and fa.rest == fb.rest
    twins = _known_twins(fa, fb, units_meet or not (qi.unit or qj.unit), same_but)
    if twins is None or not twins and not (
            qi.unit and qj.unit and _known_same_counted(fa, fb, units_meet)
            and not anchors_clash(qi.anchors, qj.anchors)):
        return None
    if bool(fa.plus) != bool(fb.plus) or bool(fa.plus and not fa.plus & fb.plus):
        return None  # `_part_and_whole`
    if _far_apart_si(fa.si, fb.si):
        return None
    if twins:
        return ()
    return _judged(a, b, per_unit, (fa.unit, fb.unit), (fa.capitalised, fb.capitalised),
                   same_but, (fa.narrowed, fb.narrowed))


def _known_twins(fa: _Figure, fb: _Figure, units_fit: bool, same_but: bool) -> bool | None:
    """`_twins` from `_Figure`s (`units_fit`: counted nouns that match, or none on either)."""
    if fa.skeleton is None or fa.skeleton != fb.skeleton or fa.slot is None \
            or fb.slot is None:
        slot = None
    else:
        slot = fa.slot == fb.slot
    if slot is False:
        return None
    if fa.measure or fb.measure:
        twin_units = bool(fa.measure and fb.measure and fa.measure[0] == fb.measure[0])
    else:
        twin_units = units_fit and fa.written == fb.written
    return twin_units and (slot or (abs(fa.length - fb.length) <= 3 and same_but))


def _known_same_counted(fa: _Figure, fb: _Figure, units_meet: bool) -> bool:
    """`same_counted` from `_Figure`s."""
    if fa.measure or fb.measure:
        return bool(fa.measure and fb.measure and fa.measure[0] == fb.measure[0])
    if not units_meet:
        return False
    return not (fa.narrowed and fb.narrowed and not fa.narrowed & fb.narrowed)


def _part_and_whole(qi: Quantity, qj: Quantity) -> bool:
    """One figure counts a list ("passengers and crew") the other is not, or two other lists."""
    plus_i = {m for m in qi.modifiers if m.startswith("+")}
    plus_j = {m for m in qj.modifiers if m.startswith("+")}
    return bool(plus_i) != bool(plus_j) or bool(plus_i and not plus_i & plus_j)


def _twins(ci: Claim, qi: Quantity, cj: Claim, qj: Quantity) -> bool | None:
    """Whether the two figures are one statement's, copied but for the figure; None when the
    sentences are copies and the figures stand in different places ("sank in 3,000 feet of
    water 40 miles off the coast": the depth is no version of the distance)."""
    slot = _same_slot(ci, qi, cj, qj)
    if slot is False:
        return None
    return _twin_units(qi, qj) and (slot or (
        abs(len(ci.text) - len(qi.text) - len(cj.text) + len(qj.text)) <= 3
        and _same_but_figure(ci, qi, cj, qj)))


def _same_slot(ci: Claim, qi: Quantity, cj: Claim, qj: Quantity) -> bool | None:
    """For two sentences word for word the same once every figure is taken out: whether the
    two figures stand in the same place; None for sentences that differ otherwise."""
    (wi, si), (wj, sj) = _skeleton(ci), _skeleton(cj)
    if len(wi) < SAME_SENTENCE_WORDS or wi != wj or len(si) != len(sj) or \
            qi.start not in si or qj.start not in sj:
        return None
    return si.index(qi.start) == sj.index(qj.start)


def _skeleton(c: Claim) -> tuple[list[str], list[int]]:
    """The sentence's words with every figure taken out, and its figures' starts (both
    empty when a figure's text is not where its start says)."""
    text, starts, at = c.text, [], 0
    for q in sorted(c.quantities, key=lambda q: q.start):
        k = q.start - c.start
        if k < at or c.text[k:k + len(q.text)] != q.text:
            return [], []
        starts.append(q.start)
        at = k + len(q.text)
    for q in sorted(c.quantities, key=lambda q: -q.start):
        k = q.start - c.start
        text = text[:k] + " # " + text[k + len(q.text):]
    return fold(text).replace(".", " ").split(), starts


def _twin_units(qi: Quantity, qj: Quantity) -> bool:
    """Whether two figures of one sentence copied but for the figure can be compared as they
    stand: measures of one dimension (converted: "120 metres" / "393.7 feet"), or one counted
    noun or none. A unit of measure the parse left out of `unit` ("another 300 acres": an
    increment) must be the same word on both sides: 300 acres are no 121.4 acres."""
    mi, mj = measure(qi), measure(qj)
    if mi or mj:
        return bool(mi and mj and mi[0] == mj[0])
    return (units_match(qi.unit, qj.unit) or not (qi.unit or qj.unit)) and \
        _written_measure(qi) == _written_measure(qj)


def _written_measure(q: Quantity) -> str | None:
    """The unit of measure a figure's text ends in ("300 acres" -> "acre"), else None."""
    words = fold(q.text).split()
    last = words[-1] if words else ""
    for word in (last, last[:-1], last[:-2]):
        if word in MEASURES:
            return word
    return None


@functools.lru_cache(maxsize=4096)
def _qualifier_parts(tags: tuple[str, ...]) -> tuple[frozenset[str], str | None, str | None]:
    """A figure's kind tags, start and relative clause's verb: a few tag tuples recur over
    the million figure pairs of a story of long articles."""
    return kind_tags(tags), since_tag(tags), relative_verb(tags)


def qualifier_doubts(qi: Quantity, qj: Quantity) -> tuple[str, ...] | None:
    """None for figures of different kinds (a stock against a need, a forecast against a
    count, a rate against a total) or from different starts (since the curfew / since the
    unrest began): two facts (extract.qualifiers). A start stated on one side only, no period
    on the other ("10 arrests since the curfew" / "more than 200 arrests"): the count from the
    start may be a part of the other, so None when it is no larger; a doubt when it is."""
    if not qi.qualifiers and not qj.qualifiers:
        return ()  # (what the rest gives for two figures with no qualifier: most of them)
    (kind_i, since_i, rel_i), (kind_j, since_j, rel_j) = \
        _qualifier_parts(qi.qualifiers), _qualifier_parts(qj.qualifiers)
    if kind_i != kind_j or (since_i and since_j and since_i != since_j):
        return None
    # "four pupils who had written to the mayor" are not the "20 pupils" hurt: a set
    # defined by a relative clause is compared only with one whose verb is that clause's.
    for rel, y, rel_y in ((rel_i, qj, rel_j), (rel_j, qi, rel_i)):
        if rel and rel not in {y.verb, rel_y}:
            return None
    if bool(since_i) != bool(since_j) and PERIOD not in {*qi.qualifiers, *qj.qualifiers}:
        part, whole = (qi, qj) if since_i else (qj, qi)
        if part.low is None or whole.high is None or part.low <= whole.high:
            return None  # "10 arrests since the curfew" may be a part of "200 arrests"
        return ("only one side counts from a stated start "
                f"({(since_i or since_j or '').replace(':', ' ')}): a part of the other?",
                *_recipient_doubt(qi, qj))
    return _recipient_doubt(qi, qj)


def _recipient_doubt(qi: Quantity, qj: Quantity) -> tuple[str, ...]:
    """A doubt when both figures say whom the things went to and the two share no word
    ("8,018 visas to Nigerians" / "12,400 visas to people covered by the proclamation"): one
    may be a part of the other. Said on one side only, it is no doubt."""
    to_i, to_j = recipient_tag(qi.qualifiers), recipient_tag(qj.qualifiers)
    if not to_i or not to_j or to_i & to_j:
        return ()
    return ("the figures went to different recipients "
            f"({' '.join(sorted(to_i))} / {' '.join(sorted(to_j))}): a part of the other?",)


def _same_but_figure(ci: Claim, qi: Quantity, cj: Claim, qj: Quantity) -> bool:
    """Two sentences that are word for word the same but for the figure ("I had three
    assignments there" / "I had fifty assignments there"): one statement, whatever its length
    (a short one shares too few content words for the context rule)."""
    a, b = _rest(ci, qi), _rest(cj, qj)
    return len(a) >= SAME_SENTENCE_WORDS and a == b


def _rest(c: Claim, q: Quantity) -> list[str]:
    """The sentence's words with this figure taken out."""
    at = q.start - c.start
    text = c.text[:at] + " # " + c.text[at + len(q.text):] if \
        c.text[at:at + len(q.text)] == q.text else c.text.replace(q.text, " # ", 1)
    return fold(text).replace(".", " ").split()


SAME_SENTENCE_WORDS = 5  # below this, "the same words" is too little to be one statement


def _without(c: Claim, d: DateRef) -> list[str]:
    """The statement's words with its date taken out."""
    at = d.start - c.start
    text = c.text[:at] + " # " + c.text[at + len(d.text):] if \
        c.text[at:at + len(d.text)] == d.text else c.text
    return fold(text).replace(".", " ").split()


def _same_time(a: DateRef, b: DateRef) -> bool:
    """Whether two dates can name the same moment, compared at the coarser granularity."""
    grains = {a.granularity, b.granularity}
    if "year" in grains:
        return a.date[:4] == b.date[:4]
    if "month" in grains:
        return a.date[:7] == b.date[:7]
    if "week" in grains:
        da, db = date.fromisoformat(a.date), date.fromisoformat(b.date)
        return da.isocalendar()[:2] == db.isocalendar()[:2]
    return a.date == b.date


_MONTH_WORDS = frozenset(m for m in MONTHS)
_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d{2}\b")


def is_relative(d: DateRef) -> bool:
    """A date that names no month and no number ("on Tuesday", "yesterday", "last week"): its
    day comes from the article's publish date."""
    words = fold(d.text).replace(".", " ").split()
    return not any(w in _MONTH_WORDS or any(ch.isdigit() for ch in w) for w in words)


def date_doubts(versions: Sequence[Sequence[DateRef]]) -> tuple[str, ...] | None:
    """None when the versions do not really disagree (the same written date, whose year only
    the resolver guessed differently); else the doubts that remain."""
    written = {" ".join(fold(d.text).split()) for v in versions for d in v}
    if len(written) == 1:
        return None  # "April 9" and "April 9": one date, years inferred differently
    days = {d.date[5:] for v in versions for d in v}
    if len(days) == 1 and not any(_YEAR_WRITTEN.search(d.text) for v in versions for d in v):
        return None  # only the guessed year differs
    relative = [d for v in versions for d in v if is_relative(d)]
    if relative and _weekday_only(versions):
        return None  # "on Thursday" and "March 25", a Thursday: only the publish date differs
    doubts = ("a side's day is resolved against its publish date",) if relative else ()
    on_days = {date.fromisoformat(d.date[:10]) for v in versions for d in v
               if d.granularity == "day"}
    if len(on_days) == 2 and (max(on_days) - min(on_days)).days == 1:
        doubts = (*doubts, ONE_DAY_DOUBT)
    return doubts


# Two days next to each other: a night's event, time zones, or a period's last day against
# the next one's first ("expire Dec. 31" / "expire Jan. 1").
ONE_DAY_DOUBT = "the days are one apart (a night, time zones, or a day's end and the next's start)"


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_only(versions: Sequence[Sequence[DateRef]]) -> bool:
    """Whether every side names one weekday, as the word or as a date falling on it: the
    versions then differ only through the publish dates the weekdays were resolved from."""
    named = {w for v in versions for d in v for w in fold(d.text).split() if w in _WEEKDAYS}
    if len(named) != 1:
        return False
    day = _WEEKDAYS.index(next(iter(named)))
    return all(date.fromisoformat(d.date[:10]).weekday() == day
               for v in versions for d in v if d.granularity == "day" and not is_relative(d))


# Words that make a date a bound of a period, not the day something happened.
_BOUND_WORDS = frozenset({"until", "till", "through", "by", "before", "after", "since"})
# The words that open a period ("from April 19", "between May 5"), and those that close it
# after them ("... through May 31", "... and June 9"): either end dates no single event.
_RANGE_WORDS = frozenset({"from", "between"})
_RANGE_ENDS = frozenset({"to", "through", "until", "till", "and", "-", "\u2013"})


def date_bound(claim: Claim, d: DateRef) -> str | None:
    """The bound word before a date ("effective until April 29", "reopen the state by May
    1"), else None; "range" for either end of a period ("from April 19 through May 31",
    "between May 5 and June 9"). A bound is compared only with the same kind of bound: a
    deadline is no version of the day an event happened."""
    words = fold(d.text).split()
    if words and words[0] in _RANGE_WORDS:
        return "range"
    if words and words[0] in _BOUND_WORDS:
        return words[0]
    before = fold(claim.text[max(0, d.start - claim.start - 40):d.start - claim.start]).split()
    if before and (before[-1] in _RANGE_WORDS or before[-1] in _RANGE_ENDS
                   and _RANGE_WORDS & set(before[-8:])):
        return "range"
    return before[-1] if before and before[-1] in _BOUND_WORDS else None


def in_spans(d: DateRef, quoted: dict[str, list[tuple[int, int]]]) -> bool:
    return any(s <= d.start and d.end <= e for s, e in quoted.get(d.article_id, ()))


def event_date_conflicts(claims: Sequence[Claim], groups: dict[str, str],
                         quoted: dict[str, list[tuple[int, int]]] | None = None
                         ) -> list[Conflict]:
    """One event ("talk start", "agreement sign": the noun and the kind of verb the date hangs
    on, see `extract.claims`) dated differently by different articles. Dates inside quotes
    (`quoted`: article id -> spans) are the speaker's words, not the outlet's, and are left out."""
    by_event: dict[str, list[DateRef]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    quoted = quoted or {}
    for c in claims:
        for d in c.dates:
            if d.event and not d.speech and (d.article_id, d.start) not in seen and \
                    not in_spans(d, quoted):
                noun, _, verb = d.event.rpartition(" ")
                *mods, head = noun.split("_")
                if marks_other_occasion(c.text, head):
                    continue  # "a previous poll released on ...": one of several occasions
                seen.add((d.article_id, d.start))
                # Modifiers must agree exactly: "ceasefire agreement" is not "the agreement";
                # and a deadline ("signed by May 2") is no date of the event ("on May 4").
                bound = date_bound(c, d)
                if bound == "range":
                    continue  # ("separated from April 19 through May 31": a period's ends)
                by_event["_".join([*mods, canon(head)]) + " " + verb
                         + (f" ({bound})" if bound else "")].append(d)
    out: list[Conflict] = []
    for event, refs in sorted(by_event.items()):
        if len({d.article_id for d in refs}) < 2:
            continue
        values: list[list[DateRef]] = []
        for d in sorted(refs, key=lambda d: (d.date, d.article_id)):
            for v in values:
                if all(_same_time(d, o) for o in v):
                    v.append(d)
                    break
            else:
                values.append([d])
        if len(values) < 2:
            continue
        holders = [{d.article_id for d in v} for v in values]
        if any(holders[i] & holders[j] for i in range(len(values))
               for j in range(i + 1, len(values))):
            continue  # an article giving both dates is telling two events apart
        doubts = date_doubts(values)
        if doubts is None or _dates_clash(values):
            continue
        doubts = doubts + _dates_anchor_doubt(values, claims)
        versions = []
        for v in values:
            shown = v[0].date[:4] if v[0].granularity == "year" else v[0].date
            spans = [(d.article_id, Span(d.article_id, d.start, d.end)) for d in v]
            versions.append(conflict_version(shown, spans, groups))
        nouns = [d.event.rpartition(" ")[0].replace("_", " ") for d in refs if d.event]
        noun = max(sorted(set(nouns)), key=nouns.count)
        verb = event.rpartition(" ")[2]
        why = (f"date: one event ({event.replace('_', ' ')}: the noun and the kind of verb the "
               f"dates hang on) dated " + " vs ".join(v.value for v in versions)
               + (f"; doubts: {', '.join(doubts)}" if doubts else ""))
        said = f"is planned to {verb[len(PLANNED):]}" if verb.startswith(PLANNED) else \
            _VERB_WORD.get(verb, verb)
        out.append(make_conflict("date", f"when the {noun} {said}",
                                 versions, BASE_CONFIDENCE * DOUBT ** len(doubts), why))
    return out


_VERB_WORD = {"start": "began", "end": "ended", "sign": "was signed", "complete": "was completed",
              "die": "died", "arrest": "was arrested", "elect": "was elected", "win": "won",
              "found": "was founded", "pass": "was passed"}


def date_conflicts(clusters: Sequence[Sequence[Claim]], groups: dict[str, str],
                   quoted: dict[str, list[tuple[int, int]]] | None = None) -> list[Conflict]:
    """Matched claims (one event) that put it on different days, for dates whose event the
    parse could not name (`event_date_conflicts` handles the others)."""
    out: list[Conflict] = []
    quoted = quoted or {}
    for members in clusters:
        dated = _one_differing_date([(c, _fact_days(c, quoted)) for c in members])
        # Short statements are kept only when another outlet says them word for word but for
        # the date ("The vote will now move to the full Senate on Monday" / "... Thursday").
        twins = [_without(c, ds[0]) for c, ds in dated]
        dated = [m for i, m in enumerate(dated) if newsworthy(m[0]) or (
            len(twins[i]) >= SAME_SENTENCE_WORDS and any(
                twins[i] == t and o[0].article_id != m[0].article_id
                for t, o in zip(twins, dated, strict=True)))]
        twins = [_without(c, ds[0]) for c, ds in dated]
        # A date of the saying ("X said Saturday", "told reporters on Monday") is the date of
        # the statement, not of the event it reports ("the coup on Friday"): it is compared
        # only with another date of saying, never with the event's.
        speech = _speech_sides(dated, twins)
        # A statement matched on the words it quotes: its date, outside the quote, is the
        # outlet's own (when it was said, or another clause's: "…,” X wrote, adding that he
        # first raised it March 25" / "…,” X wrote in the letter dated March 27").
        speech = [s or _mostly_quoted(c, quoted) for s, (c, _) in zip(speech, dated, strict=True)]
        for side in (False, True):
            found = _cluster_date_conflict(
                [m for m, said in zip(dated, speech, strict=True) if said == side], groups, side)
            if found is not None:
                out.append(found)
    return out


def _speech_sides(dated: list[tuple[Claim, list[DateRef]]], twins: list[list[str]]
                  ) -> list[bool]:
    """Whether each member's date is a date of saying. Two copies of one sentence but for
    the date take it from either: the parse of one copy may miss the speech verb the date
    hangs on ("said on Monday it would ..."), and one sentence dates one kind of thing."""
    speech = [all(d.speech for d in ds) for _, ds in dated]
    for i, ti in enumerate(twins):
        if len(ti) >= SAME_SENTENCE_WORDS and any(
                ti == tj and speech[j] for j, tj in enumerate(twins)):
            speech[i] = True
    return speech


def _fact_days(c: Claim, quoted: dict[str, list[tuple[int, int]]]) -> list[DateRef]:
    """The claim's days outside quotes; a date of its saying only when it dates nothing else
    ("X said Saturday that the coup on Friday ...": the coup's day is the fact's)."""
    days = [d for d in c.dates if d.granularity == "day" and not in_spans(d, quoted)]
    facts = [d for d in days if not d.speech]
    return facts or days


def _cluster_date_conflict(dated: list[tuple[Claim, list[DateRef]]], groups: dict[str, str],
                           said: bool = False) -> Conflict | None:
    """The date conflict among one cluster's dated members (each with its one day), if any.
    Dates of saying (`said`) are compared on what was said: the speaker's name and the verb
    ("French President X said Thursday night that …" / "“Such a monstrosity,” French
    President X said Friday") make two statements look alike."""
    if len({c.article_id for c, _ in dated}) < 2:
        return None
    # Only members that say nearly the same as a member dating it otherwise: a loosely
    # matched third outlet must neither hide the disagreement nor join it. Two dates
    # that both name their event are `event_date_conflicts`' to compare.
    words = [_said_words(c.text) if said else content_words(c.text) for c, _ in dated]
    bounds = [date_bound(c, ds[0]) for c, ds in dated]
    # A day set for something to come ("is scheduled to hold a hearing on Friday") is no
    # version of a day something happened ("the Aug. 12 complaint"): future is not past.
    planned = [_planned(ds[0]) for _, ds in dated]
    dated = [m for i, m in enumerate(dated) if any(
        dice(words[i], words[j]) >= DATE_CONTEXT and m[1][0].date != o[1][0].date
        and not (m[1][0].event and o[1][0].event) and bounds[i] == bounds[j] != "range"
        and planned[i] == planned[j] and not anchors_clash(m[1][0].anchors, o[1][0].anchors)
        for j, o in enumerate(dated) if j != i)]
    if len({c.article_id for c, _ in dated}) < 2 \
            or any(marks_other_occasion(c.text) for c, _ in dated):
        return None  # ("a previous poll": the writer tells of another occasion)
    by_date: dict[str, list[tuple[str, Span]]] = defaultdict(list)
    refs: dict[str, list[DateRef]] = defaultdict(list)
    for c, ds in dated:
        d = ds[0]
        by_date[d.date].append((c.article_id, Span(c.article_id, d.start, d.end)))
        refs[d.date].append(d)
    if len(by_date) < 2:
        return None
    doubts = date_doubts(list(refs.values()))
    if doubts is None or _dates_clash(list(refs.values())):
        return None
    doubts = doubts + _dates_anchor_doubt(list(refs.values()), [c for c, _ in dated])
    # Two dates of saying: outlets date one statement by when they heard it, or report two
    # occasions.
    if said or any(d.speech for v in refs.values() for d in v):
        doubts = (*doubts, SPEECH_DOUBT)
    if figures_differ([c for c, _ in dated]):
        doubts = (*doubts, OCCASION_DOUBT)
    versions = tuple(conflict_version(day, v, groups) for day, v in sorted(by_date.items()))
    about = "when: " + shorten(dated[0][0].text, 10)
    why = ("date: matched statements (one fact in several articles) give different days "
           + " vs ".join(v.value for v in versions)
           + (f"; doubts: {', '.join(doubts)}" if doubts else ""))
    return make_conflict("date", about, versions, BASE_CONFIDENCE * DOUBT ** len(doubts), why)


def _planned(d: DateRef) -> bool:
    return (d.event or "").rpartition(" ")[2].startswith(PLANNED)


SPEECH_DOUBT = "the dates are when it was said, not when it happened"
_SAYING_WORDS = content_words("said says say told tells added adds stated")


def _said_words(text: str) -> frozenset[str]:
    """The content words of a sentence without its names (the first word counted too) and
    verbs of saying: what a statement says."""
    return content_words(text) - name_words(". " + text) - _SAYING_WORDS


def _dates_clash(values: Sequence[Sequence[DateRef]]) -> bool:
    """Two versions whose dates hang on different named places or actors."""
    return any(anchors_clash(x.anchors, y.anchors) for i, v in enumerate(values)
               for w in values[i + 1:] for x in v for y in w)


def _dates_anchor_doubt(values: Sequence[Sequence[DateRef]], claims: Sequence[Claim]
                        ) -> tuple[str, ...]:
    """The doubt of `compare.anchors.anchor_doubt` for the first pair of versions."""
    text = {(d.article_id, d.start): c.text for c in claims for d in c.dates}
    for i, v in enumerate(values):
        for w in values[i + 1:]:
            for x in v:
                for y in w:
                    doubt = anchor_doubt(x.anchors, text.get((x.article_id, x.start), ""),
                                         y.anchors, text.get((y.article_id, y.start), ""))
                    if doubt:
                        return doubt
    return ()


def _one_differing_date(dated: list[tuple[Claim, list[DateRef]]]
                        ) -> list[tuple[Claim, list[DateRef]]]:
    """Each member with the one day it dates the fact on. A day every dated member gives
    ("police searched the home Friday ... the June 19 incident" in all outlets) is shared
    context, not the disputed date: it is set aside, and what remains must be one day."""
    days = [{d.date for d in ds} for _, ds in dated if ds]
    # Only when every member dates two things: a member giving the shared day alone agrees
    # on it ("on March 25" / "on March 25, X said Tuesday").
    shared = set.intersection(*days) if len(days) >= 2 and min(map(len, days)) > 1 else set()
    out = []
    for c, ds in dated:
        own = [d for d in ds if d.date not in shared] if len({d.date for d in ds}) > 1 else ds
        if len({d.date for d in own}) == 1:
            out.append((c, own))
    return out


def actor_conflicts(clusters: Sequence[Sequence[Claim]], entities: dict[str, Entity],
                    groups: dict[str, str],
                    quoted: dict[str, list[tuple[int, int]]] | None = None) -> list[Conflict]:
    """Matched claims (one event, same predicate) whose actors are different story entities.
    A claim mostly inside a quote (`quoted`: article id -> spans) is the speaker's words ("'big bad
    X is winning,' he says"), not the outlet's account of who acted, and is left out."""
    out: list[Conflict] = []
    quoted = quoted or {}
    for members in clusters:
        # People only, and names that share no word: "Trump Saturday" vs "Donald Trump" is a
        # resolver slip, and groups ("Democrats") act alongside their members.
        acting = [c for c in members if c.subject_entity in entities and c.predicate
                  and entities[c.subject_entity or ""].type == "PERSON"
                  and c.predicate not in ("be", "have", "say")
                  and not _mostly_quoted(c, quoted) and not _hedged(c)]
        if len({c.article_id for c in acting}) < 2 or len({c.predicate for c in acting}) != 1:
            continue
        words = [content_words(c.text) for c in acting]
        if min(dice(words[0], w) for w in words[1:]) < DATE_CONTEXT:
            continue
        # A member dated where another is not (or otherwise) may tell another occasion: "X
        # won the caucus in 2008" is no other winner of this year's.
        if len({frozenset((d.date, d.granularity) for d in c.dates) for c in acting}) > 1:
            continue
        by_actor: dict[str, list[tuple[str, Span]]] = defaultdict(list)
        for c in acting:
            by_actor[entities[c.subject_entity or ""].name].append(
                (c.article_id, Span(c.article_id, c.start, c.end)))
        if len(by_actor) < 2:
            continue
        name_words = [set(fold(n).split()) for n in by_actor]
        if any(name_words[i] & name_words[j] for i in range(len(name_words))
               for j in range(i + 1, len(name_words))) \
                or _one_persons_names(name_words, entities):
            continue
        # If every article's sentence also names the other actors, the parse picked different
        # heads of one phrase ("Norland, Tarland's old rival,"): no disagreement about who.
        actor_ids = {c.subject_entity for c in acting}
        if any(_names_in(entities[other], c) for c in acting for other in actor_ids
               if other != c.subject_entity and other is not None):
            continue
        versions = tuple(conflict_version(name, v, groups) for name, v in sorted(by_actor.items()))
        # The parse's subject is weaker evidence than a quote's speaker: always "possible".
        why = ("other: matched statements with one verb give different people as its subject "
               "(from the parse); doubts: subjects are not checked like speakers")
        out.append(make_conflict("other", "who " + (acting[0].predicate or "acted") + ": "
                                 + shorten(acting[0].text, 8), versions,
                                 BASE_CONFIDENCE * DOUBT, why))
    return out


# A modal (as `extract.claims` reads them; not the tokens "wo", "ca" of "won't", "can't") or
# "to", maybe one adverb, then a verb.
_HEDGE_WORDS = sorted(m for m in MODALS if m.isalpha() and len(m) > 2) + ["to"]
_HEDGE = re.compile(r"\b(?:" + "|".join(_HEDGE_WORDS)
                    + r")(?:\s+(?:not|soon|also|still|yet|never|eventually|then|now))?\s+(\w+)",
                    re.IGNORECASE)


def _hedged(c: Claim) -> bool:
    """The claim's verb is only possible, intended or to come ("Joe Biden may soon join the
    race", "is expected to join"): no account of who did it, so no rival to the one who did
    ("Pete Buttigieg has joined the race"; stop 57, two BBC pages of one story)."""
    verb = fold(c.predicate or "")
    return len(verb) >= 3 and any(
        fold(m.group(1)) == verb for m in _HEDGE.finditer(c.text))


def _one_persons_names(name_words: Sequence[set[str]], entities: dict[str, Entity]) -> bool:
    """Every actor's name is made of words of one person of the story: "Donald" and "Trump"
    beside a "Donald Trump" (a first name and a surname the resolver left apart)."""
    return any(all(w <= full for w in name_words) for e in entities.values()
               if e.type == "PERSON" and len(full := set(fold(e.name).split())) > 1)


def _mostly_quoted(c: Claim, quoted: dict[str, list[tuple[int, int]]]) -> bool:
    """Half of the claim or more lies inside quotes (its marks and cue outside them)."""
    inside = sum(max(0, min(e, c.end) - max(s, c.start)) for s, e in quoted.get(c.article_id, ()))
    return 2 * inside >= c.end - c.start


def _names_in(entity: Entity, claim: Claim) -> bool:
    """Whether the claim names the entity: a mention of it, its name, or its surname ("X and
    Gates are charged" names Rick Gates)."""
    if any(m.article_id == claim.article_id and claim.start <= m.start and m.end <= claim.end
           for m in entity.mentions):
        return True
    name, words = fold(entity.name), fold(claim.text).split()
    return name in " ".join(words) or (entity.type == "PERSON" and len(name.split()) > 1
                                       and name.split()[-1] in words)
