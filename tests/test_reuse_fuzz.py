"""Hypothesis fuzz of the aligner and find_reuse: never crashes, offsets inside the texts,
shares in [0, 1], and symmetric (swapping the two inputs mirrors the result)."""

from __future__ import annotations

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsprism.model import Article
from newsprism.reuse.align import Alignment, align, mirror, quote_regions, tokenize
from newsprism.reuse.index import find_reuse
from newsprism.settings import Settings

# A small vocabulary makes shared runs frequent, so chains, gaps and edits are exercised.
VOCAB = ["the", "army", "said", "on", "Monday", "strikes", "in", "Syria", "U.S.", "al-Sham",
         "380,000", "Iran’s", "“", "”", '"', "'", "‘", "’", ",", ".", "\n", "\n\n", "—", "(AFP)",
         "ğüş", "東京", "\u00a0", "\t", "...", "…"]
tokens = st.lists(st.sampled_from(VOCAB) | st.text(max_size=6), max_size=120)
texts = tokens.map(" ".join)


@st.composite
def related(draw: st.DrawFn) -> tuple[str, str]:
    """A text and an edited copy: words replaced, inserted, deleted, paragraphs swapped."""
    base = draw(st.lists(st.sampled_from(VOCAB), min_size=10, max_size=150))
    copy = list(base)
    for _ in range(draw(st.integers(0, 8))):
        if not copy:
            break
        i = draw(st.integers(0, len(copy) - 1))
        op = draw(st.sampled_from(["replace", "insert", "delete"]))
        if op == "replace":
            copy[i] = draw(st.sampled_from(VOCAB))
        elif op == "insert":
            copy.insert(i, draw(st.sampled_from(VOCAB)))
        else:
            del copy[i]
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(copy)))
        copy = copy[cut:] + ["\n\n"] + copy[:cut]
    return " ".join(base), " ".join(copy)


def _check(al: Alignment, a: str, b: str) -> None:
    assert 0.0 <= al.share_a <= 1.0 and 0.0 <= al.share_b <= 1.0
    for p in al.passages:
        assert 0 <= p.a_start < p.a_end <= len(a)
        assert 0 <= p.b_start < p.b_end <= len(b)
        for e in p.edits:
            assert p.a_start <= e.a_start <= e.a_end <= p.a_end
            assert p.b_start <= e.b_start <= e.b_end <= p.b_end
            assert a[e.a_start:e.a_end] == e.a and b[e.b_start:e.b_end] == e.b
            assert e.a or e.b


def _pairs(al: Alignment) -> tuple[tuple[float, float], int]:
    return (round(al.share_a, 9), round(al.share_b, 9)), len(al.passages)


FUZZ = hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(texts, texts, st.integers(1, 15), st.integers(1, 6))
def test_align_random_texts(a: str, b: str, min_words: int, anchor: int) -> None:
    ta, tb = tokenize(a), tokenize(b)
    al = align(ta, tb, min_words, anchor)
    _check(al, a, b)
    assert mirror(align(tb, ta, min_words, anchor)) == al


@FUZZ
@given(related(), st.integers(1, 12))
def test_align_edited_copies(pair: tuple[str, str], min_words: int) -> None:
    a, b = pair
    ta, tb = tokenize(a), tokenize(b)
    al = align(ta, tb, min_words, 3)
    _check(al, a, b)
    back = align(tb, ta, min_words, 3)
    _check(back, b, a)
    assert _pairs(mirror(back)) == _pairs(al)


@FUZZ
@given(texts)
def test_quote_regions_are_ordered_and_inside(text: str) -> None:
    last = 0
    for start, end in quote_regions(text):
        assert last <= start < end <= len(text)
        last = end


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(related(), st.sampled_from([1, 3]))
def test_find_reuse_is_symmetric(pair: tuple[str, str], min_shared: int) -> None:
    a, b = pair
    cfg = Settings(reuse_min_passage_words=3, reuse_shingle=3, reuse_min_shared=min_shared)
    one = find_reuse([Article("x", "x", a), Article("y", "y", b)], cfg)
    two = find_reuse([Article("y", "y", a), Article("x", "x", b)], cfg)
    assert [(r.a, r.b) for r in one] == [(r.a, r.b) for r in two]
    for r1, r2 in zip(one, two, strict=True):
        assert (r1.share_a, r1.share_b) == (r2.share_b, r2.share_a)
        assert 0.0 <= r1.share_a <= 1.0 and 0.0 <= r1.share_b <= 1.0
        for p in r1.passages:
            assert 0 <= p.a_start < p.a_end <= len(a) and 0 <= p.b_start < p.b_end <= len(b)
