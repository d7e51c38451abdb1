"""extract/qualifiers.py: what kind of figure a count is (need, future, capacity, stock, rate,
part), its start ("since ..."), its relative clause and a stated period; a plain count has no
tag. Made-up sentences."""

from __future__ import annotations

import pytest

from newsprism.extract.quantities import find_quantities
from newsprism.model import Article


def _tags(nlp, text: str, phrase: str) -> tuple[str, ...]:
    found = {q.text: q for q in find_quantities(Article(id="a", source="t", text=text),
                                                 nlp(text))}
    return found[phrase].qualifiers


@pytest.mark.parametrize(("text", "phrase", "tags"), [
    ("The state has 10,000 ventilators in its stockpile.", "10,000 ventilators", ("stock",)),
    ("The country is projected to need 31,000 ventilators at the peak.", "31,000 ventilators",
     ("future", "need")),
    ("The arena can hold 20,000 fans on match days.", "20,000 fans", ("capacity",)),
    ("Officials reported 500 new cases a day across the province.", "500 new cases",
     ("rate",)),
    ("Police made 10 arrests since the curfew took effect.", "10 arrests", ("since:curfew",)),
    ("Israel carried out dozens of airstrikes in recent years.", "dozens of airstrikes",
     ("period",)),
    ("She met four pupils who had written to the mayor.", "four pupils", ("who:write",)),
    ("Reyes won 18 delegates statewide and another 18 in the districts.", "18 delegates",
     ("part",)),
    ("The storm killed 12 people on the island.", "12 people", ()),
])
def test_qualifiers_of_a_figure(nlp, text, phrase, tags):
    assert _tags(nlp, text, phrase) == tags
