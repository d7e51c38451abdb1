"""The claim pairs `compare.match.cluster_claims` finds and scores in one story are bounded by
its text (`compare.claim_budget`, issue 23): under the budget the clusters are those of every
pair scored; over it, claims are paired only through their rare words, the story says so, its
date and actor conflicts are possible and its exclusives are left out. Made-up sentences."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newsprism.compare import claim_budget as limits
from newsprism.compare import match, story
from newsprism.model import Claim, Conflict, ConflictVersion

FACTS = ["harbour commission approved dredging budget Tuesday",
         "wildfire crews evacuated hillside orchards overnight",
         "regulators fined shipping consortium forty million"]


def _story(seed: int, fillers: int = 60, articles: int = 3) -> list[Claim]:
    """Each fact told in every article (one word changed by article), among `fillers` claims
    a article of common words, in random order."""
    rng = random.Random(seed)
    common = [f"common{k}" for k in range(12)]
    claims = []
    for a in range(articles):
        texts = [f"{fact} reporter{a} noted" for fact in FACTS]
        texts += [" ".join(rng.sample(common, rng.randint(4, 8))) for _ in range(fillers)]
        rng.shuffle(texts)
        claims += [Claim(id=f"a{a}c{k}", article_id=f"a{a}", start=100 * k, end=100 * k + 50,
                         text=t, predicate=rng.choice([None, "approve"]))
                   for k, t in enumerate(texts)]
    return claims


def _ids(clusters):
    return sorted(sorted(c.id for c in m) for m in clusters)


def _unbounded(monkeypatch, claims):
    with monkeypatch.context() as m:
        m.setattr(limits, "MIN_CLAIM_PAIR_BUDGET", 10 ** 15)
        return match.clustered_claims(claims, 0.45)


@pytest.mark.parametrize("seed", range(4))
def test_under_the_budget_the_clusters_are_those_of_every_pair_scored(monkeypatch, seed):
    """A story under its budget (the default, or one just at its word pairs) clusters as with
    no budget at all, and records no limit."""
    claims = _story(seed)
    words = [match.content_words(c.text) for c in claims]
    pairs = limits.word_pairs(np.diff(match.word_matrix(words).tocsc().indptr))
    want, partial = _unbounded(monkeypatch, claims)
    assert not partial
    monkeypatch.setattr(limits, "MIN_CLAIM_PAIR_BUDGET", pairs)
    monkeypatch.setattr(limits, "CLAIM_PAIRS_PER_CHARACTER", 0.0)
    with match.recorded_limits() as notes:
        got, partial = match.clustered_claims(claims, 0.45)
    assert not partial and not notes
    assert _ids(got) == _ids(want)


@pytest.mark.parametrize("seed", range(4))
def test_rare_pairs_with_every_word_rare_score_as_every_pair(seed):
    """The rare-word path scores a pair on all its words: with every word rare enough, the
    same scored pairs as the full product."""
    claims = _story(seed, fillers=30)
    words = [match.content_words(c.text) for c in claims]
    want = match.scored_pairs(claims, words, 0.45)
    got = match.scored_pairs(claims, words, 0.45, max_df=len(claims))
    for a, b in zip(want, got, strict=True):
        assert np.array_equal(a, b)


def test_a_story_over_the_budget_pairs_within_it_says_so_and_keeps_rare_facts(monkeypatch):
    """Over a lowered budget: the word pairs of the words used to pair claims fit the budget,
    the pairs found are at most the budget, one limit line names the claims and the budget,
    and each fact told in every article (rare words) is still one cluster."""
    claims = _story(7, fillers=80)
    budget = 400
    monkeypatch.setattr(limits, "MIN_CLAIM_PAIR_BUDGET", budget)
    monkeypatch.setattr(limits, "CLAIM_PAIRS_PER_CHARACTER", 0.0)
    found = []
    real = match._rare_blocks

    def spy(*args, **kwargs):
        for i, j, n in real(*args, **kwargs):
            found.append(len(i))
            yield i, j, n

    monkeypatch.setattr(match, "_rare_blocks", spy)
    with match.recorded_limits() as notes:
        clusters, partial = match.clustered_claims(claims, 0.45)
    assert partial and len(notes) == 1
    assert f"its {len(claims):,} claims, over the {budget:,}" in notes[0]
    assert found and sum(found) <= budget
    for fact in FACTS:
        holding = [m for m in clusters if any(c.text.startswith(fact) for c in m)]
        assert len(holding) == 1 and len(holding[0]) == 3


def test_conflicts_of_a_partly_clustered_story_are_possible():
    """A date conflict found in clusters over the budget loses one doubt's confidence: from
    confident to possible, with the doubt said; under the budget it is left as it was."""
    v = (ConflictVersion("1 May", ("a",)), ConflictVersion("2 May", ("b",)))
    c = Conflict(kind="date", about="when", versions=v, confidence=0.9, status="confident",
                 why="date: matched statements give different dates")
    assert story._doubted(False, [c]) == [c]
    (got,) = story._doubted(True, [c])
    assert got.status == "possible" and got.confidence == 0.675
    assert got.why.endswith("; doubts: " + match.CLAIM_PART_DOUBT)


def test_a_story_over_the_budget_through_analyze_is_reported(monkeypatch, examples_dir):
    """Through `newsprism analyze`'s path: with the default budget no example story reports
    the claim limit; with a budget of one word pair every story of two articles or more with
    shared words reports it, has no exclusive or omission, and each date or actor conflict it
    still finds is possible."""
    from newsprism.service import run_analysis
    from newsprism.settings import Settings

    plain = run_analysis([str(examples_dir)], Settings())
    assert not [p for p in plain.problems if "claim pairs sharing a word" in p.reason]
    monkeypatch.setattr(limits, "MIN_CLAIM_PAIR_BUDGET", 1)
    monkeypatch.setattr(limits, "CLAIM_PAIRS_PER_CHARACTER", 0.0)
    report = run_analysis([str(examples_dir)], Settings())
    limited = {p.source.split()[1] for p in report.problems
               if "claim pairs sharing a word" in p.reason}
    had = {s.id for s in plain.stories if s.exclusives}
    assert had and had <= limited
    for s in report.stories:
        if s.id in limited:
            assert not s.exclusives
            for c in s.conflicts:
                if c.kind in ("date", "other") and match.CLAIM_PART_DOUBT in c.why:
                    assert c.status == "possible"
