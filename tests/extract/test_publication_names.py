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
