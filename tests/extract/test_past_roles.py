"""A role held once names no one now (real Baly text, stop 41): "Former Governor X" is not
"the governor" who speaks later, and "its senior vice president" is not the president named
before. A description that says "former" still finds them. Made-up texts."""


def test_a_former_governor_is_not_the_governor(quotes_of, quote_with):
    quotes = quotes_of("Mayor Dana Whitlow opened the fair on Monday. Former Governor Paul "
                       "Renner criticized the plan in a speech. \"We will win,\" the governor "
                       "said.")
    assert quote_with(quotes, "We will win").speaker is None


def test_the_former_governor_is_still_found(quotes_of, quote_with):
    """(guard) a description that says so finds the role held once."""
    quotes = quotes_of("Mayor Dana Whitlow opened the fair on Monday. Former Governor Paul "
                       "Renner criticized the plan in a speech. \"We will win,\" the former "
                       "governor said.")
    assert quote_with(quotes, "We will win").speaker == "Paul Renner"


def test_a_vice_president_is_not_the_president(quotes_of, quote_with):
    """Real text gave "its senior vice president" the words to a president named before."""
    quotes = quotes_of("President Ana Ruiz of Delmar Steel opened the plant on Monday. Its "
                       "senior vice president said the plant \"will run all year.\"")
    assert quote_with(quotes, "run all year").speaker is None


def test_the_president_is_still_the_president(quotes_of, quote_with):
    """(guard) the plain title still resolves."""
    quotes = quotes_of("President Ana Ruiz of Delmar Steel opened the plant on Monday. The "
                       "president said the plant \"will run all year.\"")
    assert quote_with(quotes, "run all year").speaker == "Ana Ruiz"
