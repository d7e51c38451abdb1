"""A publication's name is no person's: in "told Foreign Policy" the model reads "Foreign" as a
title and "Policy" as a surname, and a later "she added" went to "Policy" (read on a real Baly
article). Made-up text."""

from __future__ import annotations

from newsprism.extract.mentions import find_mentions
from newsprism.extract.quotes import find_quotes
from newsprism.model import Article

TEXT = ("“There are only 60 intensive care beds in the hospitals,” Ana Vale, the director of "
        "the Kelby clinic, told Foreign Policy. “If there is a full outbreak the hospitals "
        "won’t cope.”\n\nThe crisis, she added, has inspired a bit of dark humor among the "
        "residents of Kelby.")


def test_a_publication_after_told_is_no_person(nlp) -> None:
    article = Article(id="a", source="a.txt", text=TEXT, outlet="Coast Wire")
    doc = nlp(TEXT)
    mentions = find_mentions(article, doc)
    assert not [m.text for m in mentions if m.label == "PERSON" and "Policy" in m.text]
    speakers = {q.speaker for q in find_quotes(article, doc, mentions)}
    assert "Policy" not in speakers and "Foreign Policy" not in speakers, speakers


def test_a_paper_named_for_a_first_name_or_a_city_is_no_person(nlp) -> None:
    """(stop 57, a Baly article) "according to the San Francisco Chronicle" was read as a
    group swallowing a person, "Francisco Chronicle"; "the Charlotte Observer" is one name too.
    A group followed by a person's name is still cut ("Fox News Sean Hannity")."""
    text = ("Smoke from the fires reached San Francisco, about 60 miles away.\n\n"
            "The fires come in a year of record heat, according to the San Francisco Chronicle. "
            "The blaze was the worst in decades, the Charlotte Observer reported.\n\n"
            "The network's Fox News Sean Hannity said the smoke was everywhere.")
    article = Article(id="a", source="a.txt", text=text)
    doc = nlp(text)
    mentions = find_mentions(article, doc)
    people = {m.text for m in mentions if m.label == "PERSON"}
    assert not {p for p in people if "Chronicle" in p or "Observer" in p}, people
    speakers = {q.speaker for q in find_quotes(article, doc, mentions)}
    assert "Francisco Chronicle" not in speakers and "Charlotte Observer" not in speakers


def test_a_name_after_a_dash_is_still_cut_from_a_group_before_it(nlp) -> None:
    """(stop 57, PolNeAR train, the guard above) `the term used by Kingson - Deacon fought
    back`, typed one ORG: "Deacon" is the person, though "Deacon" alone is typed ORG elsewhere
    (a dash and a name are no place's two words)."""
    text = ("Colleen Marlow spoke first. Marlow talked to the Marlow campaign.\n\n"
            "But when asked how she would define the \"establishment\" - the term used by "
            "Hinson - Marlow fought back. She had campaigned for paid leave.")
    mentions = find_mentions(Article(id="a", source="a.txt", text=text), nlp(text))
    assert [m for m in mentions if m.text == "Marlow" and m.label == "PERSON"
            and m.start > text.index("Hinson")], mentions
