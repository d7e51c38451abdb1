"""The story stages' fast paths give exactly what the plain computations give (made-up texts
and names; no timing)."""

from __future__ import annotations

import random
import re

from newsprism.compare.framing import terms_pattern
from newsprism.lexicons import load_lexicon


def _plain(terms: list[str]) -> re.Pattern[str]:
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(t) for t in ordered) + r")\b")


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[str, int, int]]:
    return [(m.group(1), m.start(), m.end()) for m in pattern.finditer(text)]


def test_terms_pattern_matches_the_plain_alternation_on_nested_terms():
    terms = ["alt", "alt right", "alt rights", "alter", "al", "so called", "so",
             "regime", "regimes", "re", "thug", "thugs", "a.b", "x+y"]
    texts = ["the alt right and the alt rights, alter egos, an al, so called so",
             "regimes regime reg re regime's thugs thug thugged", "a.b x+y a.bc alt-right",
             "alt righteous alternate also so calledx", ""]
    fast = re.compile(terms_pattern(terms))
    plain = _plain(terms)
    for text in texts:
        assert _matches(fast, text) == _matches(plain, text)
    assert _matches(fast, texts[0])[:3] == [("alt right", 4, 13), ("alt rights", 22, 32),
                                            ("alter", 34, 39)]


def test_terms_pattern_matches_the_plain_alternation_on_the_shipped_lexicon():
    terms = list(load_lexicon())
    rng = random.Random(7)
    fillers = ["the", "report", "said", "s", "ed", "un", "-", ",", "'s", "ly", "x"]
    pieces = terms + fillers
    fast = re.compile(terms_pattern(terms))
    plain = _plain(terms)
    for _ in range(200):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", ". "])
                       for _ in range(40))
        assert _matches(fast, text) == _matches(plain, text)
