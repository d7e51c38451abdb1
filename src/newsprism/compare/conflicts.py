"""Conflicts between outlets: counts whose ranges cannot both be true, different dates or
actors for one event (one quote given to different speakers: `compare_attribution`).

Every version lists the articles that hold it, with spans, and how many independent sources
(copies of one wire count once) stand behind it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from ..model import Claim, Conflict, ConflictVersion, DateRef, Entity, Quantity, Span
from ..text import fold
from .match import (
    canon,
    content_words,
    dice,
    group_count,
    newsworthy,
    stem,
    units_match,
)

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
})  # Dice of the two sentences' content words, units aside
DATE_CONTEXT = 0.5


def conflict_version(value: str, items: Sequence[tuple[str, Span]], groups: dict[str, str]
             ) -> ConflictVersion:
    ids = tuple(sorted({a for a, _ in items}))
    spans = tuple(sorted({s for _, s in items}, key=lambda s: (s.article_id, s.start, s.end)))
    return ConflictVersion(value=value, article_ids=ids, spans=spans,
                           independent_sources=group_count(ids, groups))


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
                  all_quantities: dict[str, list[Quantity]]) -> bool:
    for a, va in enumerate(values):
        arts = {items[k][0].article_id for k in va}
        for b, vb in enumerate(values):
            if a == b:
                continue
            for art in arts:
                # Bounded figures, whatever they count ("a $25 million payout as part of a
                # larger $47 million settlement"); open ones ("at least 40 percent") and
                # percentages say nothing about a count of thousands.
                if any(_overlap(q, items[k][1]) for q in all_quantities.get(art, ())
                       if q.low is not None and q.high is not None
                       and canon(q.unit or "") != "percent" for k in vb):
                    return True
    return False


def _capitalised_unit(q: Quantity) -> bool:
    last = q.text.split()[-1] if q.text.split() else ""
    return last[:1].isupper() and q.unit is not None and fold(last).startswith(q.unit[:4])


def quantity_conflicts(claims: Sequence[Claim], groups: dict[str, str]) -> list[Conflict]:
    all_quantities: dict[str, list[Quantity]] = defaultdict(list)
    for c in claims:
        all_quantities[c.article_id].extend(c.quantities)
    items: list[tuple[Claim, Quantity, frozenset[str]]] = [
        (c, q, _context_words(c, q)) for c in claims for q in c.quantities if q.unit]
    per_unit: Counter[tuple[str, str]] = Counter()
    for c, q, _ in items:
        per_unit[(c.article_id, canon(q.unit or ""))] += 1
    n = len(items)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    comparable: set[tuple[int, int]] = set()
    for i in range(n):
        ci, qi, wi = items[i]
        for j in range(i + 1, n):
            cj, qj, wj = items[j]
            if ci.article_id == cj.article_id or not units_match(qi.unit, qj.unit):
                continue
            unit = canon(qi.unit or "")
            similarity, shared = dice(wi, wj), len(wi & wj)
            # Nationalities ("Americans") are whole populations: as broad as "people".
            broad = unit in GENERIC_UNITS or _capitalised_unit(qi) or _capitalised_unit(qj)
            # Two precise figures that differ are nearly always two different facts ("514
            # patients" nationally, "86 patients" in two states): only near-paraphrases count.
            if ((qi.exact and qj.exact) or unit == "percent") and similarity < EXACT_CONTEXT:
                continue  # shares of different polls and questions are the same kind
            # Broad nouns ("people", "jobs", "cases") are counted for many reasons in one
            # story: the sentences must say the same thing happened to them.
            if broad and ci.predicate != cj.predicate:
                continue
            # Same fact: the sentences share context beyond the count, or the same actor.
            same_actor = bool(ci.subject_entity and ci.subject_entity == cj.subject_entity)
            # Or: a specific counted thing each article counts once ("demonstrators") is the
            # same crowd within one story, whatever verbs surround it.
            only_one = shared >= 2 and similarity >= 0.12 and not broad and \
                per_unit[(ci.article_id, unit)] == 1 and \
                per_unit[(cj.article_id, canon(qj.unit or ""))] == 1
            if (similarity >= QUANTITY_CONTEXT and shared >= 2) or (same_actor and shared >= 1) \
                    or only_one:
                comparable.add((i, j))
                parent[find(j)] = find(i)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        comps[find(i)].append(i)
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
        about = f"how many {units[0]}s" if units and units[0] else "a count"
        out.append(Conflict(kind="quantity", about=about, versions=tuple(versions)))
    return out


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


def event_date_conflicts(claims: Sequence[Claim], groups: dict[str, str]) -> list[Conflict]:
    """One event ("talk start", "agreement sign": the noun and the kind of verb the date hangs
    on, see `extract.claims`) dated differently by different articles."""
    by_event: dict[str, list[DateRef]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    for c in claims:
        for d in c.dates:
            if d.event and (d.article_id, d.start) not in seen:
                seen.add((d.article_id, d.start))
                noun, _, verb = d.event.rpartition(" ")
                *mods, head = noun.split("_")
                # Modifiers must agree exactly: "ceasefire agreement" is not "the agreement".
                by_event["_".join([*mods, canon(head)]) + " " + verb].append(d)
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
        versions = []
        for v in values:
            shown = v[0].date[:4] if v[0].granularity == "year" else v[0].date
            spans = [(d.article_id, Span(d.article_id, d.start, d.end)) for d in v]
            versions.append(conflict_version(shown, spans, groups))
        nouns = [d.event.rpartition(" ")[0].replace("_", " ") for d in refs if d.event]
        noun = max(sorted(set(nouns)), key=nouns.count)
        verb = event.rpartition(" ")[2]
        out.append(Conflict(kind="date", about=f"when the {noun} {_VERB_WORD.get(verb, verb)}",
                            versions=tuple(versions)))
    return out


_VERB_WORD = {"start": "began", "end": "ended", "sign": "was signed", "complete": "was completed",
              "die": "died", "arrest": "was arrested", "elect": "was elected", "win": "won",
              "found": "was founded"}


def date_conflicts(clusters: Sequence[Sequence[Claim]], groups: dict[str, str]) -> list[Conflict]:
    """Matched claims (one event) that put it on different days, for dates whose event the
    parse could not name (`event_date_conflicts` handles the others)."""
    out: list[Conflict] = []
    for members in clusters:
        dated = [(c, [d for d in c.dates if d.granularity == "day" and not d.event])
                 for c in members]
        dated = [(c, ds) for c, ds in dated if len({d.date for d in ds}) == 1 and newsworthy(c)]
        if len({c.article_id for c, _ in dated}) < 2:
            continue
        words = [content_words(c.text) for c, _ in dated]
        if min(dice(words[0], w) for w in words[1:]) < DATE_CONTEXT:
            continue
        by_date: dict[str, list[tuple[str, Span]]] = defaultdict(list)
        for c, ds in dated:
            d = ds[0]
            by_date[d.date].append((c.article_id, Span(c.article_id, d.start, d.end)))
        if len(by_date) < 2:
            continue
        versions = tuple(conflict_version(day, v, groups) for day, v in sorted(by_date.items()))
        about = "when: " + shorten(dated[0][0].text, 10)
        out.append(Conflict(kind="date", about=about, versions=versions))
    return out


def actor_conflicts(clusters: Sequence[Sequence[Claim]], entities: dict[str, Entity],
                    groups: dict[str, str]) -> list[Conflict]:
    """Matched claims (one event, same predicate) whose actors are different story entities."""
    out: list[Conflict] = []
    for members in clusters:
        # People only, and names that share no word: "Trump Saturday" vs "Donald Trump" is a
        # resolver slip, and groups ("Democrats") act alongside their members.
        acting = [c for c in members if c.subject_entity in entities and c.predicate
                  and entities[c.subject_entity or ""].type == "PERSON"
                  and c.predicate not in ("be", "have", "say")]
        if len({c.article_id for c in acting}) < 2 or len({c.predicate for c in acting}) != 1:
            continue
        words = [content_words(c.text) for c in acting]
        if min(dice(words[0], w) for w in words[1:]) < DATE_CONTEXT:
            continue
        by_actor: dict[str, list[tuple[str, Span]]] = defaultdict(list)
        for c in acting:
            by_actor[entities[c.subject_entity or ""].name].append(
                (c.article_id, Span(c.article_id, c.start, c.end)))
        if len(by_actor) < 2:
            continue
        name_words = [set(fold(n).split()) for n in by_actor]
        if any(name_words[i] & name_words[j] for i in range(len(name_words))
               for j in range(i + 1, len(name_words))):
            continue
        # If every article's sentence also names the other actors, the parse picked different
        # heads of one phrase ("Norland, Tarland's old rival,"): no disagreement about who.
        actor_ids = {c.subject_entity for c in acting}
        if any(_names_in(entities[other], c) for c in acting for other in actor_ids
               if other != c.subject_entity and other is not None):
            continue
        versions = tuple(conflict_version(name, v, groups) for name, v in sorted(by_actor.items()))
        out.append(Conflict(kind="other", about="who " + (acting[0].predicate or "acted") + ": "
                            + shorten(acting[0].text, 8), versions=versions))
    return out


def _names_in(entity: Entity, claim: Claim) -> bool:
    return any(m.article_id == claim.article_id and claim.start <= m.start and m.end <= claim.end
               for m in entity.mentions) or fold(entity.name) in fold(claim.text)
