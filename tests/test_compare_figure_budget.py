"""The figure pairs count conflicts try in one story are bounded by its text (issue 23,
`compare.budget`): a story under the budget gives the same pairs and conflicts as
trying every pair; a story over it tries at most the budget, keeps the likeliest pairs (the
same sentence but for its figures first), reports the limit, and marks what it finds as
judged on part of the pairs."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from newsprism.compare import budget as limits
from newsprism.compare import conflicts, match
from newsprism.model import Claim, Quantity

WORDS = ["council", "harbour", "wall", "tram", "budget", "vote", "storm", "Varlen", "spring",
         "meeting", "road", "depot", "letters", "crowns", "residents", "plan"]


def _claim(k: int, aid: str, words: list[str], figure: str, unit: str | None) -> Claim:
    """A sentence of `words` with `figure` (and `unit`) after its second word."""
    head = " ".join(words[:2]) + " "
    text = head + figure + " " + " ".join(words[2:]) + "."
    start = 1000 * k
    q = Quantity(aid, start + len(head), start + len(head) + len(figure), figure,
                 float(figure), float(figure), unit=unit, exact=True)
    return Claim(id=f"c{k}", article_id=aid, start=start, end=start + len(text), text=text,
                 predicate="count", quantities=(q,))


def _story(seed: int, articles: int = 4, per_article: int = 25) -> list[Claim]:
    """Made-up sentences of several articles: some one sentence copied but for its figure,
    others of random words; figures of a few units, often the same unit."""
    rng = random.Random(seed)
    copied = [rng.sample(WORDS, 7) for _ in range(4)]
    claims = []
    for k in range(articles * per_article):
        words = rng.choice(copied) if rng.random() < 0.4 else rng.sample(WORDS, 7)
        claims.append(_claim(k, f"a{k % articles}", words, str(rng.choice([12, 40, 90, 400])),
                             rng.choice(["households", "households", "trams", None])))
    return claims


def _items(claims: list[Claim]) -> list[tuple[Claim, Quantity, frozenset[str]]]:
    return [(c, q, conflicts._context_words(c, q)) for c in claims for q in c.quantities]


def _per_unit(items):
    return Counter((c.article_id, match.canon(q.unit or "")) for c, q, _ in items)


@pytest.mark.parametrize("seed", range(5))
def test_pairs_to_try_counts_the_pairs_of_different_articles_the_full_loop_tries(
        monkeypatch, seed):
    items = _items(_story(seed))
    tried: list[tuple[str, str]] = []
    counted: list[int] = []
    real, real_over = conflicts._comparable_known, conflicts._over_budget

    def spy(a, b, fa, fb, meet, per_unit):
        tried.append((fa.article_id, fb.article_id))
        return real(a, b, fa, fb, meet, per_unit)

    def over(items_, figures, groups, meets, characters):
        counted.append(limits.pairs_to_try(
            groups, [f.article_id for f in figures], list(meets)))
        return real_over(items_, figures, groups, meets, characters)

    monkeypatch.setattr(conflicts, "_comparable_known", spy)
    monkeypatch.setattr(conflicts, "_over_budget", over)
    with match.recorded_limits() as notes:
        conflicts._comparable_pairs(items, _per_unit(items), characters=0)
    assert not notes  # under the minimum budget: every pair tried
    cross = sum(a != b for a, b in tried)
    assert cross > 500 and counted == [cross]


@pytest.mark.parametrize("seed", range(6))
def test_under_the_budget_the_pairs_are_those_of_every_pair_tried(monkeypatch, seed):
    """A story under its budget: the same comparable pairs and doubts as with no bound, and
    the same count conflicts through `quantity_conflicts`, with no limit recorded."""
    claims = _story(seed)
    items = _items(claims)
    with match.recorded_limits() as notes:
        bounded = conflicts._comparable_pairs(items, _per_unit(items), characters=10**6)
        found = conflicts.quantity_conflicts(claims, {})
    assert not notes
    assert bounded and bounded == conflicts._comparable_pairs(items, _per_unit(items))
    real = conflicts._comparable_pairs

    def unbounded(items, per_unit, periods=(), characters=None):
        return real(items, per_unit, periods)

    monkeypatch.setattr(conflicts, "_comparable_pairs", unbounded)
    assert found == conflicts.quantity_conflicts(claims, {})


def _conflict_story(fillers: int) -> list[Claim]:
    """Two articles giving one count differently in one sentence copied but for its figure,
    and `fillers` figures each of the same unit in sentences of unrelated words."""
    rng = random.Random(fillers)
    claims = [_claim(0, "a0", ["Officers", "said", "strikes", "were", "counted", "in",
                               "Varlen", "on", "Monday"], "40", "strikes"),
              _claim(1, "a1", ["Officers", "said", "strikes", "were", "counted", "in",
                               "Varlen", "on", "Monday"], "90", "strikes")]
    vocab = [f"word{k}" for k in range(400)]
    for k in range(fillers):
        claims.append(_claim(2 + k, f"a{k % 2}", ["Elsewhere", "listed",
                                                  *rng.sample(vocab, 5)],
                             str(100 + k), "strikes"))
    return claims


def test_a_story_over_the_budget_tries_at_most_it_reports_it_and_keeps_the_likeliest(
        monkeypatch):
    """Over the budget: at most the budget of pairs is tried, the limit is recorded with the
    story, the copied sentence's two figures are still compared (its evidence key first), and
    their conflict, found on part of the pairs, is "possible" and says why."""
    claims = _conflict_story(60)
    plain = conflicts.quantity_conflicts(claims, {})
    assert [c.kind for c in plain] == ["quantity"] and plain[0].status == "confident"
    monkeypatch.setattr(limits, "MIN_FIGURE_PAIR_BUDGET", 0)
    monkeypatch.setattr(limits, "FIGURE_PAIRS_PER_CHARACTER", 0.1)
    characters = sum(len(c.text) for c in claims)
    budget = limits.pair_budget(characters)
    assert budget < 31 * 31  # the pairs of figures of different articles
    tried: list[int] = []
    real = conflicts._comparable_known

    def spy(a, b, fa, fb, meet, per_unit):
        tried.append(1)
        return real(a, b, fa, fb, meet, per_unit)

    monkeypatch.setattr(conflicts, "_comparable_known", spy)
    with match.recorded_limits() as notes:
        found = conflicts.quantity_conflicts(claims, {})
    assert 0 < len(tried) <= budget
    assert len(notes) == 1 and "compare limit" in notes[0] and "62 figures" in notes[0]
    assert f"{budget:,} its text allows" in notes[0]
    assert [c.kind for c in found] == ["quantity"]
    assert found[0].versions == plain[0].versions
    assert found[0].status == "possible" and conflicts.PART_DOUBT in found[0].why


def test_chosen_pairs_take_the_evidence_key_first_and_at_most_k_per_article():
    """Each figure takes at most k figures of each other article whose unit group meets its
    own: first those sharing an evidence key, then those sharing its rarest words."""
    article_of = ["a", "b", "b", "b", "b", "c", "c"]
    evidence = [["s1"], [], [], ["s1"], [], [], []]
    words = [frozenset({"x", "y"}), frozenset({"x"}), frozenset({"x", "y"}), frozenset({"x"}),
             frozenset({"y"}), frozenset({"x"}), frozenset({"z"})]
    group = [0, 0, 0, 0, 1, 0, 0]
    meets = {(0, 0)}
    posted = {b: {} for b in "abc"}
    for f, art in enumerate(article_of):
        for key in evidence[f]:
            posted[art].setdefault((0, key), []).append(f)
        for w in words[f]:
            posted[art].setdefault((1, w), []).append(f)
    assert limits._picks(0, posted["b"], evidence[0], words[0], group, meets, 1) == [3]
    # then the rarest shared word in b: "y" (figures 2 and 4; 4 cannot meet), then "x"
    assert limits._picks(0, posted["b"], evidence[0], words[0], group, meets, 2) \
        == [3, 2]
    assert limits._picks(0, posted["b"], evidence[0], words[0], group, meets, 9) \
        == [3, 2, 1]
    assert limits._picks(6, posted["a"], evidence[6], words[6], group, meets, 9) == []
    chosen = limits.chosen_pairs(article_of, evidence, words, group, meets, 1)
    assert (0, 3) in chosen and (0, 4) not in chosen and (4, 6) not in chosen
    assert all(i < j for i, j in chosen) and chosen == sorted(set(chosen))
    assert all(group[i] == group[j] and article_of[i] != article_of[j] for i, j in chosen)
    every = limits.chosen_pairs(article_of, evidence, words, group, meets, 9)
    assert set(chosen) <= set(every)


def test_share_keeps_a_story_within_its_budget():
    for figures, articles, budget in ((5000, 5, 700_000), (900, 9, 500_000), (10, 2, 3)):
        k = limits.share(budget, figures, articles)
        assert k >= 1
        assert k == 1 or figures * (articles - 1) * k <= budget


def test_a_story_over_the_budget_through_analyze_is_reported(monkeypatch, examples_dir):
    """Through `newsprism analyze`'s path, every story of two articles or more with figures
    reports the limit when the budget is one pair, and each count conflict it still finds is
    "possible" and says it was judged on part of the pairs; with the default budget, no
    example story reports it."""
    from newsprism.service import run_analysis
    from newsprism.settings import Settings

    plain = run_analysis([str(examples_dir)], Settings())
    assert not [p for p in plain.problems if "its text allows" in p.reason]
    monkeypatch.setattr(limits, "MIN_FIGURE_PAIR_BUDGET", 0)
    monkeypatch.setattr(limits, "FIGURE_PAIRS_PER_CHARACTER", 1e-9)
    report = run_analysis([str(examples_dir)], Settings())
    limited = {p.source.split()[1] for p in report.problems if "its text allows" in p.reason}
    counted = {s.id for s in plain.stories if any(c.kind == "quantity" for c in s.conflicts)}
    assert counted and counted <= limited
    for s in report.stories:
        for c in s.conflicts:
            if c.kind == "quantity":
                assert c.status == "possible" and conflicts.PART_DOUBT in c.why


def _quotes(fillers: int) -> tuple[list, dict]:
    """One quote given to two people in two articles, and `fillers` other quotes of random
    words in each article."""
    from newsprism.model import Entity, Quote

    rivers = Entity(id="e1", name="Sam Rivers", type="PERSON")
    stone = Entity(id="e2", name="Alex Stone", type="PERSON")
    said = "If our enemies could break us, they would not wait a moment."
    quotes = [Quote(id="q0", article_id="a", start=0, end=len(said), text=said, kind="direct",
                    speaker="Sam Rivers", speaker_entity="e1"),
              Quote(id="q1", article_id="b", start=0, end=len(said), text=said, kind="direct",
                    speaker="Alex Stone", speaker_entity="e2")]
    rng = random.Random(fillers)
    vocab = [f"word{k}" for k in range(300)]
    for k in range(fillers):
        text = " ".join(rng.sample(vocab, 8)) + "."
        quotes.append(Quote(id=f"f{k}", article_id="ab"[k % 2], start=100 * (k + 1),
                            end=100 * (k + 1) + len(text), text=text, kind="direct"))
    return quotes, {"e1": rivers, "e2": stone}


def test_quote_pairs_over_the_budget_are_bounded_reported_and_possible(monkeypatch):
    """Attribution conflicts match every pair of quotes of different articles while the
    story's text allows them; over it, at most the budget is matched (the likeliest: rarest
    words shared), the limit is recorded, and the conflict still found is possible."""
    from newsprism.compare import attribution

    quotes, entities = _quotes(80)
    with match.recorded_limits() as notes:
        (plain,) = attribution.attribution_conflicts(quotes, entities, {})
    assert not notes and plain.status == "confident"
    monkeypatch.setattr(limits, "MIN_FIGURE_PAIR_BUDGET", 0)
    monkeypatch.setattr(limits, "FIGURE_PAIRS_PER_CHARACTER", 0.25)
    allowed = limits.pair_budget(sum(len(q.text) for q in quotes))
    assert allowed < 41 * 41  # the pairs of quotes of different articles
    matched: list[int] = []
    real = attribution._same_folded

    def spy(fa, fb, wa, wb):
        matched.append(1)
        return real(fa, fb, wa, wb)

    monkeypatch.setattr(attribution, "_same_folded", spy)
    with match.recorded_limits() as notes:
        (found,) = attribution.attribution_conflicts(quotes, entities, {})
    assert 0 < len(matched) <= allowed
    assert len(notes) == 1 and "82 quotes" in notes[0] and f"{allowed:,} its text" in notes[0]
    assert found.versions == plain.versions
    assert found.status == "possible" and attribution.PART_DOUBT in found.why
