"""Speakers read wrong on fresh real articles at stop 60 (Baly draws 6025-6027, and the 65
"in the words of" of the 12,000 Baly texts), each rule with the case it mends and a guard that
keeps what was right. All texts here are made up."""

from __future__ import annotations

import pytest


def _by(quotes, fragment: str) -> list[str | None]:
    return [q.speaker for q in quotes if fragment in q.text]


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ("The square has stood since 1886. In the words of poet Emma Lazar, the square welcomes "
     "\"the tired and the poor of every harbour.\"", "tired and the poor", "Emma Lazar"),
    ("In the words of Mayor Ruth Gale, \"We will rebuild this town brick by brick.\"",
     "rebuild this town", "Ruth Gale"),
    ("The plan is, in Governor Ann Petty's words, \"a disaster waiting to happen.\"",
     "disaster waiting", "Ann Petty"),
    ("The plan is, in the immortal words of Governor Ann Petty, \"a disaster waiting to "
     "happen.\"", "disaster waiting", "Ann Petty"),
    ("Councillors were furious about the vote, calling it a “sham” — or “rubbish,” in the "
     "words of Councillor Val Demer at a Friday meeting.", "rubbish", "Val Demer"),
])
def test_in_the_words_of_x_gives_the_words_to_x(quotes_of, text, fragment, speaker):
    """`In the words of poet Emma Lazarus, the statue welcomes “…”` had given the poem to the
    statue, and `"crap," in the words of Rep. X` to the sentence's subject."""
    assert _by(quotes_of(text), fragment) == [speaker]


def test_a_short_fragment_in_the_words_of_someone_unnamed_is_kept_as_theirs(quotes_of):
    """A fragment of one or two words without a resolved speaker is a scare quote, unless
    "in the words of" says whose words they are: kept, with the phrase and no name."""
    quotes = quotes_of("Ms. Petty is, in the words of a senior adviser, “the torchbearer” of "
                       "the party.")
    (q,) = [q for q in quotes if "torchbearer" in q.text]
    assert q.speaker == "a senior adviser" or q.speaker is None
    assert q.speaker_text == "a senior adviser"


def test_words_that_are_no_in_the_words_of_idiom_name_no_source(quotes_of):
    # (guards) "in other words" names no one; nor does a possessor before other nouns
    quotes = quotes_of("In other words, the plan is \"a disaster waiting to happen,\" Petty "
                       "said on Monday.")
    assert _by(quotes, "disaster waiting") == ["Petty"]
    quotes = quotes_of("Columnist Joan Marsh imagined the mayor was thinking: “My God, what "
                       "have I done?” Others saw the same thing in Hale's blank stare and "
                       "robotic words of praise.")
    assert "Hale" not in str(_by(quotes, "what have I done"))


def test_the_subject_of_a_clause_opener_read_as_a_preposition_speaks(quotes_of):
    """`Trump has issued an angry response after a TV interview on Sunday alleged that ...`:
    the parser read "after a TV interview" as a phrase, leaving "alleged" without a subject,
    and the allegation went to Trump."""
    quotes = quotes_of("Governor Ann Petty has issued an angry response after a radio "
                       "interview on Sunday alleged that aides had plotted to remove her.")
    (q,) = [q for q in quotes if "plotted to remove" in q.text]
    assert q.speaker != "Ann Petty" and q.speaker_text == "a radio interview"
    # (guard) a subject of the clause's own still speaks
    quotes = quotes_of("The mayor resigned after the Harbour Gazette reported that she had "
                       "taken bribes.")
    (speaker,) = _by(quotes, "taken bribes")
    assert "Gazette" in str(speaker)


def test_a_plea_in_court_is_no_cue(quotes_of):
    """`Trump named “Awan,” as in Imran Awan, a former staffer who pleaded guilty to ...`: the
    quoted name had gone to the staffer through "pleaded"."""
    quotes = quotes_of("For starters, Mayor Hale named “Dorsey,” as in Ian Dorsey, a former "
                       "city clerk who pleaded guilty to one count of lying on a loan form.")
    assert _by(quotes, "Dorsey") == ["Hale"]  # who named it, not who pleaded
    # (guard) pleading as begging still quotes the one who pleads
    quotes = quotes_of("“Please let my son go,” pleaded his mother, Ann Petty.")
    assert _by(quotes, "let my son go") == ["Ann Petty"]


def test_a_participle_after_a_speaking_clause_continues_it(quotes_of):
    """`Marines arrived ... to bolster security as President Trump denounced the actions of
    protesters, vowing the situation “will not be a Benghazi.”`: the vow had gone to the
    Marines, through the parse's hanging the participle on the arriving."""
    quotes = quotes_of("During the protests, more than 100 sailors arrived at the harbour to "
                       "bolster security as Governor Ann Petty denounced the protesters, "
                       "vowing the harbour “will not be another Belmar.”")
    assert _by(quotes, "another Belmar") == ["Ann Petty"]
    # (guard) after a speaking top verb the participle stays its subject's
    quotes = quotes_of("Senator Mark Hollis said the plan failed because officials ignored "
                       "the warnings, adding that it was “a disaster for the harbour.”")
    assert _by(quotes, "disaster for the harbour") == ["Mark Hollis"]


@pytest.mark.parametrize("text", [
    "Grab any group of registered voters in Kelby and ask about that, and 90 percent of them "
    "will assure you the plan is not true.",
    "Ask any ferry captain in Belmar and they will tell you the harbour is closing.",
    "Call the mayor and she'll tell you the harbour is closing.",
])
def test_what_someone_would_say_if_asked_is_no_ones_words(quotes_of, text):
    """`Grab any group of random registered Republicans in Arizona and ask about that and 90
    percent of them will assure it's not true` had made "90 percent of them" a speaker: a
    future cue joined to an imperative that opens the sentence is hypothetical."""
    assert not [q for q in quotes_of(text) if "is not true" in q.text or "closing" in q.text]


def test_a_future_cue_after_a_statement_still_reports(quotes_of):
    # (guard) no imperative before it: a plan to speak is still reported as before
    quotes = quotes_of("Mayor Ann Petty met the workers on Friday and will tell the council "
                       "on Monday that the harbour is closing.")
    assert _by(quotes, "harbour is closing") == ["Ann Petty"]
