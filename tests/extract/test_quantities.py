"""extract/quantities.py: an "m" glued to a figure is million only where the text counts
things or money; elsewhere it stays metres."""

from __future__ import annotations

import pytest

from newsprism.extract.quantities import find_quantities
from newsprism.model import Article


def _quantities(nlp, text: str):
    return {q.text: q for q in find_quantities(Article(id="a", source="t", text=text), nlp(text))}


@pytest.mark.parametrize(("text", "phrase", "low", "high", "unit"), [
    ("The hotline took more than 1.4m phone calls in a week.", "more than 1.4m phone calls",
     1_400_000, None, "call"),
    ("About 2.5m people live along the northern coast.", "About 2.5m people", 2_250_000,
     2_750_000, "people"),
    ("The club paid £30m for the young striker.", "£30m", 30_000_000, 30_000_000, "gbp"),
    ("Some 3m fully vaccinated adults got a letter.", "Some 3m fully vaccinated adults",
     2_700_000, 3_300_000, "adult"),
])
def test_m_after_a_figure_is_million_when_things_or_money_are_counted(nlp, text, phrase, low,
                                                                      high, unit):
    q = _quantities(nlp, text)[phrase]
    assert (q.low, q.high, q.unit) == (low, high, unit)
    assert text[q.start:q.end] == phrase


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The road runs 300m from the river bank.", "300m", 300),
    ("She won the 100m hurdles at the county games.", "100m hurdles", 100),
])
def test_m_after_a_figure_stays_metres_elsewhere(nlp, text, phrase, value):
    q = _quantities(nlp, text)[phrase]
    assert q.low == q.high == value


def test_a_quote_mark_inside_tens_of_thousands_keeps_the_figure_whole(nlp):
    """Real Baly text quoted a document from inside the figure ("tens “of thousands of …"): the
    figure was read as "thousands", a confident conflict against another outlet's "tens of
    thousands" of the same words."""
    (q,) = _quantities(nlp, "The files list tens “of thousands of radar sites across the "
                            "region.”").values()
    assert (q.low, q.high, q.unit) == (20000.0, 99999.0, "site")


def test_several_million_is_a_vague_multiple(nlp):
    """Real Baly text: "several million undocumented immigrants" was read as one million,
    exactly, and set against another outlet's "millions of undocumented immigrants"."""
    (q,) = _quantities(nlp, "The order lifted the threat for several million tenants.").values()
    assert (q.low, q.high, q.exact, q.text) == (2e6, 9e6, False, "several million tenants")
    (q,) = _quantities(nlp, "A few thousand people marched on Sunday.").values()
    assert (q.low, q.high) == (2000, 5000)
