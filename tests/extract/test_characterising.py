"""Verbs of characterising tie a fragment after "as being" to their subject (issue 20, round
14: `Trump later defended his comments as being "sarcastic."` had no attribution on the
PolNeAR train tune half). Made-up texts."""


def test_defended_as_being_is_the_subjects_word(quotes_of, quote_with):
    quotes = quotes_of('The mayor spoke on Monday. Later, Mayor Anne Keller defended her '
                       'remarks as being "sarcastic."')
    assert quote_with(quotes, "sarcastic").speaker == "Anne Keller"


def test_being_under_a_verb_of_no_judging_is_still_no_quote(quotes_of):
    """(guard) `to put on a show of being “strong”`: no one said it."""
    quotes = quotes_of("Mayor Anne Keller tried to put on a show of being “strong” at the "
                       "meeting.")
    assert not [q for q in quotes if q.text == "strong"]
