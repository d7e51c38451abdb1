"""A noun the parser reads as standing in apposition before a name is no description of it when
a bracket or a sentence's end parts them (read on a real Baly sample: the Kremlin framed as
"adoption" from "to discuss adoption (the Kremlin, characteristically, ..."). Made-up
sentences."""

from __future__ import annotations

import pytest

from newsprism.extract.descriptors import mention_descriptors
from newsprism.model import Mention


@pytest.mark.parametrize(("text", "name", "label", "expected"), [
    ("Vale said the meeting was to discuss adoption (the Kremlin, characteristically, "
     "prohibits such adoptions).", "Kremlin", "ORG", []),
    ("The deal was a matter for the governor (Ivo Brandt, who signed it, was away).",
     "Ivo Brandt", "PERSON", []),
    # an apposition with no bracket between stays a description
    ("The envoy met Tarland's old rival, Norland, on Monday.", "Norland", "GPE",
     ["Tarland's old rival"]),
])
def test_a_bracket_parts_a_noun_from_the_name(nlp, text, name, label, expected) -> None:
    at = text.index(name)
    found = mention_descriptors(nlp(text), [Mention("a", at, at + len(name), name, label)])
    assert [d.text for d in found] == expected


def test_abbreviation_stops_do_not_part(nlp) -> None:
    text = "An Orrin army spokesman, Lt. Col. Piet Dorn, said on Tuesday that the dam held."
    at = text.index("Piet Dorn")
    found = mention_descriptors(nlp(text), [Mention("a", at, at + 9, "Piet Dorn", "PERSON")])
    assert "Orrin army spokesman" in " ".join(d.text for d in found)
