"""A number or a share of a group counts it and says nothing of what it is (real text, stop 48:
Republicans were framed as "54 percent", "87 percent" and "Sixteen", Ford as "about a
quarter"). Made-up sentences."""

from __future__ import annotations

import pytest

from newsprism.extract.descriptors import mention_descriptors
from newsprism.model import Mention


def _descriptors(nlp, text: str, name: str, label: str) -> list[str]:
    at = text.index(name)
    return [d.text for d in mention_descriptors(
        nlp(text), [Mention("a", at, at + len(name), name, label)])]


@pytest.mark.parametrize(("text", "name", "label"), [
    ("Sixteen Republicans voted with the council on Thursday.", "Republicans", "NORP"),
    ("A poll found 54 percent of Republicans back the bridge.", "Republicans", "NORP"),
    ("About a quarter of Democrats disagreed with the plan.", "Democrats", "NORP"),
    ("A majority of Democrats disagreed with the plan.", "Democrats", "NORP"),
])
def test_a_count_of_a_group_is_no_descriptor(nlp, text, name, label) -> None:
    assert _descriptors(nlp, text, name, label) == []


@pytest.mark.parametrize(("text", "name", "label", "expected"), [
    ("The three-term governor Ann Fox spoke on Monday.", "Ann Fox", "PERSON",
     ["three-term governor"]),
    ("The 2016 Republican nominee Donald Trump spoke on Monday.", "Donald Trump", "PERSON",
     ["2016 Republican nominee"]),
    ("The rogue regime of Norland protested on Monday.", "Norland", "GPE", ["rogue regime"]),
    ("A possible 2032 candidate, Ann Fox, spoke on Monday.", "Ann Fox", "PERSON",
     ["possible 2032 candidate"]),
])
def test_a_number_inside_a_description_keeps_it(nlp, text, name, label, expected) -> None:
    assert _descriptors(nlp, text, name, label) == expected


@pytest.mark.parametrize(("text", "name", "label"), [
    # stop 56, real story pages: Congress framed as "complete stonewalling", the FBI as
    # "acting director", Democrats as "outrage", Mexico as "so-called family units"
    ("The chair accused the mayor of a complete stonewalling of Congress.", "Congress", "ORG"),
    ("He took over as acting director of the FBI in 2017.", "FBI", "ORG"),
    ("The plans prompted outrage from Democrats on Monday.", "Democrats", "NORP"),
    ("Officials counted the so-called family units from Norland at the border.", "Norland",
     "GPE"),
])
def test_what_is_done_to_a_body_is_no_name_for_it(nlp, text, name, label) -> None:
    assert _descriptors(nlp, text, name, label) == []


@pytest.mark.parametrize(("text", "name", "expected"), [
    # (guard) stop 56: what a place is, with "of", still names it
    ("Troops landed on the US Pacific territory of Norland on Monday.", "Norland",
     ["US Pacific territory"]),
    ("Aid reached the African nation of Norland on Monday.", "Norland", ["African nation"]),
])
def test_what_a_place_is_names_it(nlp, text, name, expected) -> None:
    assert _descriptors(nlp, text, name, "GPE") == expected
