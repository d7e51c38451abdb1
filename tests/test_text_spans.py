"""`text.word_spans`, the reuse stage's fast split, gives exactly `text.words`: the same
offsets and norms, on any text (issue 25: alignment splits the texts of every pair it
aligns, and an update at 10k aligns a few hundred)."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsprism.text import _CONTEXT_CASE, word_spans, words


def as_words(text: str) -> tuple[list[int], list[int], list[str]]:
    split = words(text)
    return [w.start for w in split], [w.end for w in split], [w.norm for w in split]


def test_lowering_a_whole_text_lowers_each_character_in_place_but_two() -> None:
    """Why slicing the lower-cased text gives each word's norm: every character's lower case
    is one character (but "İ"), and only "Σ" looks at its neighbours."""
    odd = [chr(c) for c in range(sys.maxunicode + 1)
           if not 0xD800 <= c <= 0xDFFF and len(chr(c).lower()) != 1]
    assert odd == ["\u0130"]
    assert "\u0130" in _CONTEXT_CASE and "\u03a3" in _CONTEXT_CASE
    # A sigma before ":" and a letter is final in its word, not in the whole text.
    assert "ΟΔΟΣ:Α".lower()[:4] != words("ΟΔΟΣ:Α")[0].norm


_PIECES = st.sampled_from(["Smith", "U.S.", "380,000", "al-Sham", "it’s", "‘quoted’",
                           "“Hello”", "«non»", "ÉCOLE", "İstanbul", "ΟΔΟΣ", "Σ", "straße",
                           "ǅemal", "ﬁne", "x_y", "--", " ", "\n", ".", "Ⅻ", "𝔄bc"])


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30))
def test_word_spans_are_words(parts: list[str]) -> None:
    text = "".join(parts)
    assert word_spans(text) == as_words(text)


def test_word_spans_on_plain_and_sigma_texts() -> None:
    for text in ["The U.S. said “No” to 380,000 people’s plan.", "ΟΔΟΣ Σ ΟΔΟΣ:Α", "İzmir İ", ""]:
        assert word_spans(text) == as_words(text)
    starts, ends, norms = word_spans("Big “Deal” today")
    assert norms == ["big", "deal", "today"] and (starts[1], ends[1]) == (5, 9)
