"""Each figure's values made once per story (`conflicts._figures`, issue 23) give the same
comparable pairs and doubts as working them out for every pair (`conflicts._comparable`)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from newsprism.compare import conflicts, match
from newsprism.compare.periods import Period
from newsprism.extract.qualifiers import PERIOD, kind_tags, relative_verb, since_tag
from newsprism.model import Claim, Quantity

UNITS = [None, None, "strike", "airstrikes", "mile", "km", "acre", "people", "passenger",
         "vote", "%", "Americans"]
FIGURES = ["12", "14", "120", "400", "410", "3,000", "1.8", "300 acres", "40 miles"]
WORDS = ["after", "the", "storm", "flood", "vote", "march", "in", "Varlen", "# sign"]
QUALIFIERS = [(), (), (), ("since:curfew",), ("since:unrest",), ("who:write",), (PERIOD,),
              ("need",), ("future", PERIOD)]


def _claim(rng: random.Random, k: int, aid: str, template: list[str]) -> Claim:
    """A sentence of the template's words, a figure at each "#" (often another article's
    sentence but for its figures); now and then a figure's start is off its text."""
    text, quantities = "", []
    for word in template:
        if text:
            text += " "
        if word != "#":
            text += word
            continue
        fig = rng.choice(FIGURES)
        start = 1000 * k + len(text) + (rng.random() < 0.05)
        low = float(fig.split()[0].replace(",", ""))
        quantities.append(Quantity(
            aid, start, start + len(fig), fig, low, low if rng.random() < 0.8 else None,
            unit=rng.choice(UNITS), exact=rng.random() < 0.4,
            modifiers=tuple(rng.sample(["square", "+crew", "+staff", "local", "Syrian"],
                                       rng.randint(0, 2))),
            verb=rng.choice([None, "die", "kill", "march", "carry", "write"]),
            anchors=tuple(rng.sample(["GPE:ohio", "GPE:iowa"], rng.randint(0, 1))),
            qualifiers=rng.choice(QUALIFIERS)))
        text += fig
    text += "."
    return Claim(id=f"c{k}", article_id=aid, start=1000 * k, end=1000 * k + len(text),
                 text=text, predicate=rng.choice(["count", "say"]),
                 subject_entity=rng.choice([None, "e1", "e2"]),
                 attributed_to=rng.choice([None, "Mayor Ilse Varg", "police"]),
                 quantities=tuple(quantities))


def _items(seed: int, n: int = 60) -> list[tuple[Claim, Quantity, frozenset[str]]]:
    rng = random.Random(seed)
    templates = [["Officers", "said", *rng.sample(WORDS, 4), "#", *rng.sample(WORDS, 2)]
                 for _ in range(3)]
    templates += [t[:3] + ["#"] + t[3:] for t in templates]  # a figure more
    templates += [t[:3] + ["#"] + t[4:] for t in templates[:3]]  # one moved
    templates += [["Officers", "counted", "#"], ["Officers", "counted", "#", "#"]]  # short
    claims = [_claim(rng, k, f"a{k % 3}", rng.choice(templates)) for k in range(n)]
    return [(c, q, conflicts._context_words(c, q)) for c in claims for q in c.quantities]


def _old_qualifier_doubts(qi: Quantity, qj: Quantity) -> tuple[str, ...] | None:
    """`qualifier_doubts` as it was before its tags were split once per tag tuple."""
    since_i, since_j = since_tag(qi.qualifiers), since_tag(qj.qualifiers)
    if kind_tags(qi.qualifiers) != kind_tags(qj.qualifiers) or \
            (since_i and since_j and since_i != since_j):
        return None
    for x, y in ((qi, qj), (qj, qi)):
        rel = relative_verb(x.qualifiers)
        if rel and rel not in {y.verb, relative_verb(y.qualifiers)}:
            return None
    if bool(since_i) != bool(since_j) and PERIOD not in {*qi.qualifiers, *qj.qualifiers}:
        part, whole = (qi, qj) if since_i else (qj, qi)
        if part.low is None or whole.high is None or part.low <= whole.high:
            return None
        return ("only one side counts from a stated start "
                f"({(since_i or since_j or '').replace(':', ' ')}): a part of the other?",)
    return ()


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_figures_made_once_give_every_pairs_answer(seed):
    """`_comparable_pairs` (values made once per story) against `_comparable` on every pair
    (values made per pair), periods doubts included; the stories reach every path."""
    items = _items(seed)
    per_unit: Counter = Counter((c.article_id, match.canon(q.unit or "")) for c, q, _ in items)
    kinds = [Period("month", "march", "march"), Period("year", "2012", "2012"), None]
    periods = [kinds[k % 3] for k in range(len(items))]
    want = {}
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            doubts = conflicts._comparable(items[i], items[j], per_unit)
            if doubts is not None:
                apart = conflicts._periods_apart(items, periods, i, j)
                want[(i, j)] = (*doubts, apart) if apart else doubts
    assert conflicts._comparable_pairs(items, per_unit, periods) == want
    twins = [conflicts._twins(items[i][0], items[i][1], items[j][0], items[j][1])
             for i, j in want]
    assert True in twins and False in twins  # copies but for the figure, and others
    assert any(d for d in want.values()) and any(not d for d in want.values())


@pytest.mark.parametrize("seed", [1, 2])
def test_figure_values_equal_the_per_pair_helpers(seed):
    """Each pair's twin, same-count and far-apart tests read from `_Figure`s equal the
    per-pair helpers, on pairs the unit grouping would never try too."""
    items = _items(seed, 40)
    figures = conflicts._figures(items)
    seen = set()
    for i, (ci, qi, _) in enumerate(items):
        for j, (cj, qj, _) in enumerate(items):
            fa, fb = figures[i], figures[j]
            meet = match.units_match(qi.unit, qj.unit)
            same_but = fa.rest is not None and fa.rest == fb.rest
            assert same_but == conflicts._same_but_figure(ci, qi, cj, qj)
            twins = conflicts._twins(ci, qi, cj, qj)
            assert conflicts._known_twins(fa, fb, meet or not (qi.unit or qj.unit),
                                          same_but) == twins
            assert conflicts._known_same_counted(fa, fb, meet) == \
                conflicts.same_counted(qi, qj)
            assert conflicts._far_apart_si(fa.si, fb.si) == conflicts._far_apart(qi, qj)
            assert conflicts.qualifier_doubts(qi, qj) == _old_qualifier_doubts(qi, qj)
            seen.add(twins)
    assert seen == {None, False, True}
