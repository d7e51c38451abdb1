"""First names that only lean one way (round 16, issue 20): the table left "Hillary" (0.922
female in nomquamgender's pooled data) and "Bernie" (0.151) out as unknown, so a "she" after a
Hillary mentioned, not a subject, stayed unresolved. A leaning first name is now evidence for a
pronoun of its gender, never against the other. Made-up surnames."""

from newsprism.extract.names import name_gender, name_leaning


def _with(quotes, words):
    return [q for q in quotes if words in q.text]


def test_she_after_a_hillary_mentioned_is_her(quotes_of):
    quotes = quotes_of("Voters lined up for hours to hear Hillary Dunmore at the fairground in "
                       "Ohio. Mayor Tom Reyes introduced her to the crowd.\n\n“We cannot afford "
                       "to wait another year for this,” she said.")
    q = _with(quotes, "another year")
    assert q and q[0].speaker == "Hillary Dunmore"


def test_he_after_a_bernie_mentioned_is_him(quotes_of):
    quotes = quotes_of("Hundreds waited to see Bernie Kowal at the fairground in Iowa. Mayor Ann "
                       "Reyes introduced him to the crowd.\n\n“We cannot afford to wait another "
                       "year for this,” he said.")
    q = _with(quotes, "another year")
    assert q and q[0].speaker == "Bernie Kowal"


def test_a_leaning_first_name_never_rules_the_other_pronoun_out(quotes_of):
    """(guard) "Lindsey" leans female in the pooled data; a man named Lindsey keeps his "he"."""
    quotes = quotes_of("Sen. Lindsey Marsh toured the plant on Monday.\n\n“We cannot afford to "
                       "wait another year for this,” he said.")
    q = _with(quotes, "another year")
    assert q and q[0].speaker == "Lindsey Marsh"


def test_a_leaning_name_is_not_a_one_sided_gender():
    """The one-sided reading (which also decides who is a person, `mentions`) is unchanged."""
    assert name_gender("Hillary Dunmore") is None and name_leaning("Hillary Dunmore") == "f"
    assert name_gender("Karen Dunmore") is None and name_leaning("Bernie Kowal") == "m"
    assert name_gender("Nancy Dunmore") == "f" and name_leaning("Nancy Dunmore") is None
