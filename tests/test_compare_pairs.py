"""`compare.match.candidate_pairs` works through the claims in row blocks (memory bounded by a
block, not by the square of a story's claims) and finds exactly the pairs a loop over every
pair finds."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from newsprism.compare import conflicts, match
from newsprism.model import Claim, DateRef, Quantity


def _brute(claims, words, min_dice):
    out = []
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            shared = len(words[i] & words[j])
            if claims[i].article_id != claims[j].article_id and shared \
                    and 2 * shared / (len(words[i]) + len(words[j])) >= min_dice:
                out.append((i, j))
    return out


@pytest.mark.parametrize("block", [1, 3, 7, 512])
def test_blocked_pairs_equal_every_pair_checked(monkeypatch, block):
    rng = random.Random(block)
    vocab = [f"w{k}" for k in range(30)]
    claims, words = [], []
    for n in range(60):
        aid = f"a{n % 4}"
        claims.append(Claim(id=f"c{n}", article_id=aid, start=0, end=1, text="x"))
        words.append(frozenset(rng.sample(vocab, rng.randint(1, 8))))
    monkeypatch.setattr(match, "PAIR_BLOCK", block)
    found = {}
    for min_dice in (0.2, 0.5, 0.8):
        found[min_dice] = match.candidate_pairs(claims, words, min_dice)
        assert found[min_dice] == _brute(claims, words, min_dice)
    assert len(found[0.2]) > len(found[0.5]) > 0  # the random claims do share words


def _claims_with_facts(seed: int, n: int = 80) -> list[Claim]:
    """Random claims of four articles that share words, predicates, subjects, counted nouns
    and dates, so every term of `claim_similarity` takes part."""
    rng = random.Random(seed)
    vocab = [f"word{k}" for k in range(18)]
    out = []
    for k in range(n):
        aid = f"a{k % 4}"
        qs = tuple(Quantity(aid, 0, 1, "x", 1.0, 1.0, unit=rng.choice(["strike", "airstrike",
                                                                     "vote", None]))
                   for _ in range(rng.randint(0, 2)))
        ds = tuple(DateRef(aid, 0, 1, "x", rng.choice(["2031-01-02", "2031-01-03"]))
                   for _ in range(rng.randint(0, 1)))
        out.append(Claim(id=f"c{k}", article_id=aid, start=k, end=k + 1,
                         text=" ".join(rng.sample(vocab, rng.randint(2, 7))),
                         predicate=rng.choice([None, "be", "say", "approve", "reject"]),
                         subject_entity=rng.choice([None, "e1", "e2"]),
                         quantities=qs, dates=ds))
    return out


def _every_pair_scored(claims, threshold):
    """`cluster_claims` as it was: every cross-article pair scored in Python, held as one
    list of tuples."""
    words = [match.content_words(c.text) for c in claims]
    pairs = []
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if claims[i].article_id == claims[j].article_id:
                continue
            s = match.claim_similarity(claims[i], claims[j], words[i], words[j])
            if s >= threshold:
                pairs.append((s, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def _old_clusters(claims, threshold):
    words = [match.content_words(c.text) for c in claims]
    cluster_of = list(range(len(claims)))
    members = {i: [i] for i in range(len(claims))}
    for _, i, j in _every_pair_scored(claims, threshold):
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or {claims[k].article_id for k in members[ci]} & \
                {claims[k].article_id for k in members[cj]}:
            continue
        links = [match.claim_similarity(claims[a], claims[b], words[a], words[b])
                 for a in members[ci] for b in members[cj]]
        if sum(links) / len(links) < threshold * match.LINK_FACTOR:
            continue
        for k in members[cj]:
            cluster_of[k] = ci
        members[ci].extend(members.pop(cj))
    return [[claims[k].id for k in sorted(m)] for m in members.values()]


@pytest.mark.parametrize("seed,block", [(1, 512), (2, 5), (3, 1), (4, 64)])
def test_scored_pairs_and_clusters_equal_every_pair_scored(monkeypatch, seed, block):
    """The numpy scoring (Dice, predicate and subject terms vectorised, quantity and date
    terms in Python) gives the same scores, order and clusters as scoring every pair."""
    monkeypatch.setattr(match, "PAIR_BLOCK", block)
    claims = _claims_with_facts(seed)
    words = [match.content_words(c.text) for c in claims]
    for threshold in (0.45, 0.6):
        want = _every_pair_scored(claims, threshold)
        score, i, j = match.scored_pairs(claims, words, threshold)
        assert list(zip(score.tolist(), i.tolist(), j.tolist(), strict=True)) == want
        got = [[c.id for c in m] for m in match.cluster_claims(claims, threshold)]
        assert got == _old_clusters(claims, threshold)
    assert sum(len(m) > 1 for m in got) > 3  # the claims do cluster
    bonus = [s - match.dice(words[a], words[b]) for s, a, b in want]
    assert any(abs(b - 0.05) < 1e-9 for b in bonus)  # a quantity or date term counted


@pytest.mark.parametrize("block", [2, 512])
def test_pairs_over_the_cap_keep_the_best_and_say_so(monkeypatch, caplog, block):
    """Over `MAX_SCORED_PAIRS`, the best pairs are kept (the same as cutting the full list,
    also when the cut happens block by block) and a warning records the limit."""
    claims = _claims_with_facts(7)
    words = [match.content_words(c.text) for c in claims]
    want = _every_pair_scored(claims, 0.45)
    assert len(want) > 40
    monkeypatch.setattr(match, "PAIR_BLOCK", block)
    monkeypatch.setattr(match, "MAX_SCORED_PAIRS", 15)
    with caplog.at_level("WARNING", logger="newsprism.compare.match"):
        score, i, j = match.scored_pairs(claims, words, 0.45)
    assert list(zip(score.tolist(), i.tolist(), j.tolist(), strict=True)) == want[:15]
    assert "only the best 15 are clustered" in caplog.text


def _figures(seed: int, n: int = 70):
    """Random figures of three articles: counted nouns that match as compounds, units of
    measure of one dimension under different names, "square" lengths, bare numbers; sentences
    that differ only in their figure, so every path of `_comparable` is taken."""
    rng = random.Random(seed)
    units = [None, None, "strike", "airstrikes", "strikes", "mile", "km", "kilometre",
             "acre", "people", "person", "vote", "%"]
    out = []
    for k in range(n):
        aid = f"a{k % 3}"
        low = float(rng.choice([12, 14, 120, 400, 410]))
        unit = rng.choice(units)
        q = Quantity(aid, 5, 8, f"{int(low)}", low, low, unit=unit, exact=rng.random() < 0.3,
                     modifiers=tuple(rng.sample(["square", "+crew", "local"],
                                                rng.randint(0, 1))))
        text = f"Officers said {int(low)} {unit or ''} were counted in Varlen on Monday " + \
            " ".join(rng.sample(["after", "the", "storm", "flood", "vote", "march"], 3))
        out.append((Claim(id=f"c{k}", article_id=aid, start=k, end=k + 1, text=text,
                          predicate=rng.choice(["count", "say"]),
                          subject_entity=rng.choice([None, "e1"]), quantities=(q,)), q,
                    conflicts._context_words(Claim(id="x", article_id=aid, start=0, end=1,
                                                   text=text, quantities=(q,)), q)))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_comparable_figures_grouped_by_unit_equal_every_pair_tried(seed):
    """Trying only figures whose units can meet finds the same pairs, with the same doubts,
    as trying every pair."""
    items = _figures(seed)
    per_unit: Counter = Counter((c.article_id, match.canon(q.unit or "")) for c, q, _ in items)
    want = {}
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            doubts = conflicts._comparable(items[i], items[j], per_unit)
            if doubts is not None:
                want[(i, j)] = doubts
    got = conflicts._comparable_pairs(items, per_unit)
    assert got == want
    units = {(items[i][1].unit, items[j][1].unit) for i, j in want}
    assert len(want) > 20 and len(units) > 3  # pairs of several unit kinds, measures included


def test_a_story_over_the_pair_cap_is_reported_with_the_story(monkeypatch, examples_dir):
    """The cap is a limit the analyst must see: `newsprism analyze`'s report names each story
    whose claims were grouped on their best pairs only (and, under the cap, names none)."""
    from newsprism.service import run_analysis
    from newsprism.settings import Settings

    plain = run_analysis([str(examples_dir)], Settings())
    assert not [p for p in plain.problems if "compare limit" in p.reason]
    monkeypatch.setattr(match, "MAX_SCORED_PAIRS", 2)
    report = run_analysis([str(examples_dir)], Settings())
    limited = [p for p in report.problems if "compare limit" in p.reason]
    multi = {s.id for s in report.stories if len(s.article_ids) > 1}
    assert limited and {p.source.split()[1] for p in limited} <= multi
    assert all("only the best 2 of" in p.reason for p in limited)
    assert [s.id for s in report.stories] == [s.id for s in plain.stories]  # the run went on
