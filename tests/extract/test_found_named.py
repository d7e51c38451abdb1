"""Clauses of "find", "call" and "according to" that report nothing said (stop 54, read on real
articles): a search, a state one finds oneself in, a discovery of someone, a name given in the
passive, a criterion ("ordered according to their scores"). What a study found, someone's
judgement ("finds the mayor amusing"), what someone called something or himself, and what
officials say stay quotes."""

from __future__ import annotations

import pytest

NOTHING_SAID = [
    ("Officials in Dalby will find out who the leakers are.", "who the leakers"),
    ("Shoppers find themselves recoiling when they turn into a new aisle in Dalby.",
     "recoiling"),
    ("In the end Velmar will find itself isolated and censured by its neighbours.",
     "isolated"),
    ("Police found the 64-year-old former accountant dead in a room on the top floor.",
     "dead"),
    ("Dalby police found the 11-year-old in her home with a wound to her head.", "her home"),
    ("A month later, officers found Kerstin Mallow shot to death in the school's parking lot.",
     "shot to death"),
    ("As part of what's called sequestration, the river agency could lose funds.",
     "sequestration"),
    ("Rather than by time, the posts are ordered according to their ranking scores.",
     "the posts are ordered"),
    # An attempt is not a statement: "has tried to show how far he's come" (real text).
    ("As the vote nears, Holt has tried to show how far she has come since her council days.",
     "how far"),
    ("The mayor sought to reassure residents that the barrier would hold.", "barrier would"),
]

SAID = [
    ("A 2019 report by the Dalby council found that people released under the new rules "
     "were no more likely to be arrested again.", "people released", "report"),
    ("The council's review found he leaked information and misled investigators.",
     "he leaked", "review"),
    ("Union officials called the move an effort to weaken the river workers' unions.",
     "the move an effort", "Union officials"),
    # Judgements and self-descriptions stay (PolNeAR train counts them, stop 54).
    ("Anna Holt said she wanted change in Dalby, but found Mayor Kerrow too objectionable "
     "to support.", "too objectionable", "Anna Holt"),
    ("Jimmy Dalton finds the mayor mostly amusing.", "mostly amusing", "Jimmy Dalton"),
    ("The mayor's critics, who are trying to say that the barrier was a waste, met on "
     "Monday.", "the barrier was a waste", "who"),
    ("Mayor Kerrow calls himself a democratic socialist.", "democratic socialist", "Kerrow"),
    # PolNeAR dev (stop 54): findings without "that" whose subject is a name.
    ("An arbitration panel in 2001 found Velmar was in breach of the river agreement.",
     "Velmar was in breach", "panel"),
    ("Research by the Dalby institute found Velmar News consistently rated councillors "
     "higher.", "consistently rated", "Research"),
    ("The barrier cost 40 million dollars, according to officials in Dalby.",
     "The barrier cost", "officials"),
]


@pytest.mark.parametrize("text, fragment", NOTHING_SAID)
def test_no_quote_where_nothing_is_said(quotes_of, text, fragment):
    assert not [q for q in quotes_of(text) if fragment in q.text], text


@pytest.mark.parametrize("text, fragment, speaker", SAID)
def test_findings_and_labels_stay_quotes(quotes_of, quote_with, text, fragment, speaker):
    quote = quote_with(quotes_of(text), fragment)
    assert speaker in (quote.speaker_text or "")


def test_a_call_for_something_in_the_perfect_stays_a_quote(quotes_of, quote_with):
    # "who's called for big tax hikes": the "'s" is "has", not a passive naming.
    text = "Mayor Anna Holt, who's called for big tax hikes on the rich, spoke in Dalby."
    assert quote_with(quotes_of(text), "big tax hikes").cue.startswith("call")
