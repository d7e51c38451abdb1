"""What compare holds at once for a story of many long articles is bounded by constants, not
by the story's claims (issue 23): a row block of the sparse product spans at most
`compare.match.PAIR_CELLS` claim pairs, and the scored pairs kept while the blocks come are at
most `MAX_SCORED_PAIRS` and a quarter. Both exact: the same pairs, scores and order."""

from __future__ import annotations

import random

import numpy as np
import pytest

from newsprism.compare import match
from newsprism.model import Claim


def _claims(seed: int, n: int = 90) -> tuple[list[Claim], list[frozenset[str]]]:
    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(25)]
    claims = [Claim(id=f"c{k}", article_id=f"a{k % 5}", start=k, end=k + 1,
                    text=" ".join(rng.sample(vocab, rng.randint(2, 8))),
                    predicate=rng.choice([None, "approve", "reject"]),
                    subject_entity=rng.choice([None, "e1"]))
              for k in range(n)]
    return claims, [match.content_words(c.text) for c in claims]


@pytest.mark.parametrize("cells", [1, 90, 400, 5_000])
def test_a_block_spans_at_most_pair_cells_pairs(monkeypatch, cells):
    """Each block of the product holds the rows of at most PAIR_CELLS / claims claims (one at
    least), and the pairs found are those of one block over every claim."""
    claims, words = _claims(cells)
    whole = match.candidate_pairs(claims, words, 0.2)
    monkeypatch.setattr(match, "PAIR_CELLS", cells)
    rows = max(1, cells // len(claims))
    spans = []
    for i, _, _ in match._candidate_blocks(claims, words, 0.2):
        if len(i):
            spans.append(int(i.max()) - int(i.min()) + 1)
    assert spans and max(spans) <= rows
    assert match.candidate_pairs(claims, words, 0.2) == whole
    assert len(whole) > 100


def _sorted_cut(score, i, j, cap):
    order = sorted(range(len(score)), key=lambda k: (-score[k], i[k], j[k]))[:cap]
    return [(score[k], i[k], j[k]) for k in order]


@pytest.mark.parametrize("seed,cap", [(1, 1), (2, 7), (3, 40), (4, 300), (5, 5_000)])
def test_best_pairs_kept_block_by_block_equal_the_whole_list_cut(seed, cap):
    """Pairs added block by block (rows in order, many equal scores): the best `cap`, best
    first, ties by i then j, as cutting the whole list; never more than cap + cap / 4 held
    after an add (and the blocks' own pairs, while they are added)."""
    rng = random.Random(seed)
    score, first, second = [], [], []
    best = match.BestPairs(cap)
    row = 0
    for _ in range(60):
        k = rng.randint(0, 25)
        s = [rng.choice([0.5, 0.55, 0.6, 0.75, 1.0]) for _ in range(k)]
        i = [row + rng.randint(0, 2) for _ in range(k)]
        j = [a + rng.randint(1, 50) for a in i]
        row += 3
        score += s
        first += i
        second += j
        best.add(np.array(s), np.array(i, dtype=np.int32), np.array(j, dtype=np.int32))
        assert best.held <= cap + max(cap // 4, 1)
        assert best.total == len(score)
    got_s, got_i, got_j = best.result()
    got = list(zip(got_s.tolist(), got_i.tolist(), got_j.tolist(), strict=True))
    assert got == _sorted_cut(score, first, second, cap)
    assert len(got) == min(cap, len(score)) and len(score) > 300


def test_scored_pairs_over_the_cap_hold_a_bounded_number(monkeypatch):
    """Through `scored_pairs`: with a cap of 10 and small blocks, no more than 12 pairs are
    held between blocks, and the result is the whole list's best 10."""
    claims, words = _claims(5)
    want = match.scored_pairs(claims, words, 0.45)
    assert len(want[0]) > 100
    held: list[int] = []
    real_add = match.BestPairs.add

    def add(self, score, i, j):
        real_add(self, score, i, j)
        held.append(self.held)

    monkeypatch.setattr(match.BestPairs, "add", add)
    monkeypatch.setattr(match, "PAIR_BLOCK", 3)
    monkeypatch.setattr(match, "MAX_SCORED_PAIRS", 10)
    score, i, j = match.scored_pairs(claims, words, 0.45)
    assert len(held) > 5 and max(held) <= 12
    assert score.tolist() == want[0][:10].tolist()
    assert i.tolist() == want[1][:10].tolist() and j.tolist() == want[2][:10].tolist()


def _figure_items(n: int = 30):
    """Figures of three articles in sentences that differ only in their figure: every
    cross-article pair is comparable."""
    from newsprism.compare import conflicts
    from newsprism.model import Quantity

    out = []
    for k in range(n):
        aid = f"a{k % 3}"
        low = float(10 + k)
        q = Quantity(aid, 14, 16, f"{int(low)}", low, low, unit="strikes")
        text = f"Officers said {int(low)} strikes were counted in Varlen on Monday"
        claim = Claim(id=f"c{k}", article_id=aid, start=k, end=k + 1, text=text,
                      predicate="count", quantities=(q,))
        out.append((claim, q, conflicts._context_words(claim, q)))
    return out


def test_figure_pairs_over_the_limit_abstain_and_say_so(monkeypatch):
    """Past MAX_FIGURE_PAIRS comparable figure pairs, none are held: `_comparable_pairs` gives
    None and records the limit for the story; under it, every pair."""
    from collections import Counter

    from newsprism.compare import conflicts

    items = _figure_items()
    per_unit = Counter((c.article_id, match.canon(q.unit or "")) for c, q, _ in items)
    with match.recorded_limits() as notes:
        full = conflicts._comparable_pairs(items, per_unit)
    assert full is not None and len(full) > 100 and not notes
    monkeypatch.setattr(conflicts, "MAX_FIGURE_PAIRS", 50)
    with match.recorded_limits() as notes:
        assert conflicts._comparable_pairs(items, per_unit) is None
    assert len(notes) == 1 and "no count conflict was judged" in notes[0]
    assert f"{len(items):,} figures" in notes[0]


def test_a_story_over_the_figure_limit_has_no_count_conflict_and_is_reported(monkeypatch,
                                                                             examples_dir):
    """Through `newsprism analyze`'s path: with the limit at 0, the stories that had count
    conflicts have none (abstain), each is named in the report's problems, and the other
    findings stay."""
    from newsprism.compare import conflicts
    from newsprism.service import run_analysis
    from newsprism.settings import Settings

    plain = run_analysis([str(examples_dir)], Settings())
    counted = {s.id for s in plain.stories if any(c.kind == "quantity" for c in s.conflicts)}
    assert counted and not [p for p in plain.problems if "figures" in p.reason]
    monkeypatch.setattr(conflicts, "MAX_FIGURE_PAIRS", 0)
    report = run_analysis([str(examples_dir)], Settings())
    assert not [c for s in report.stories for c in s.conflicts if c.kind == "quantity"]
    limited = {p.source.split()[1] for p in report.problems
               if "no count conflict was judged" in p.reason}
    assert counted <= limited
    by_id = {s.id: s for s in plain.stories}
    for s in report.stories:
        assert s.consensus == by_id[s.id].consensus
