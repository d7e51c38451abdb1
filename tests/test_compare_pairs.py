"""`compare.match.candidate_pairs` works through the claims in row blocks (memory bounded by a
block, not by the square of a story's claims) and finds exactly the pairs a loop over every
pair finds."""

from __future__ import annotations

import random

import pytest

from newsprism.compare import match
from newsprism.model import Claim


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
