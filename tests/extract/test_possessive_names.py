"""Round 12: a name the model tagged with its possessive ending ("X's campaign") is shown
without it as the speaker; who is grouped with whom does not change. Made-up sentences."""

from __future__ import annotations


def test_a_speaker_is_not_shown_with_a_possessive_ending(quotes_of, quote_with):
    text = ("She wanted men to sign up for mobile updates from Bernie Sanders's presidential "
            "campaign.\n\n"
            "\"We will win this state, and then we will win the next one,\" Senator Sanders said.")
    assert quote_with(quotes_of(text), "win this state").speaker == "Bernie Sanders"
    text = ("Volunteers knocked on doors for Ted Cruz’s campaign all weekend.\n\n"
            "“We are going to win Iowa, and it will not be close,” Cruz said on Sunday.")
    assert quote_with(quotes_of(text), "win Iowa").speaker == "Ted Cruz"


def test_only_a_possessive_ending_is_cut():
    from newsprism.extract.persons import without_possessive

    assert without_possessive("Bernie Sanders's") == "Bernie Sanders"
    assert without_possessive("James Chambers’") == "James Chambers"
    assert without_possessive("Ted Cruz’s") == "Ted Cruz"
    assert without_possessive("he’s") == "he’s"  # a pronoun and "is", not a name
    assert without_possessive("Ann O'Neil") == "Ann O'Neil"
    assert without_possessive("Jim Hart'") == "Jim Hart'"  # a lone mark after no "s"


def test_an_editors_brackets_are_not_part_of_the_name(quotes_of, quote_with):
    """(stop 57, a Baly article) `Gov. [Jerry] Brown` was tagged "Jerry] Brown" and shown so."""
    from newsprism.extract.persons import without_possessive

    assert without_possessive("Jerry] Brown") == "Jerry Brown"
    assert without_possessive("[Ana] Vale’s") == "Ana Vale"
    text = ("“This bill is clearly unconstitutional and Gov. Lamont should have listened to the "
            "concerns of his predecessor, Gov. [Gerald] Marsh, who vetoed it two years ago,” said "
            "Ina Dorr, chairwoman of the state party, in a statement.\n\n"
            "Mr. Marsh in his 2017 veto message said that he worried the law might be "
            "unconstitutional.")
    q = quote_with(quotes_of(text), "worried the law")
    assert q.speaker == "Gerald Marsh"
