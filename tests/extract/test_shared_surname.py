"""A bare surname two people of the article share, both referred to in the paragraphs before
it: the one of them the text has as a subject or speaker there (stop 39: the planted
attribution swap of NeuS tune line 836 was lost once round 16 told Joe and Jill Biden apart,
as the bare "Biden said" went to the most recent, Jill). Made-up text."""


def test_a_shared_surname_is_the_one_the_paragraph_is_about(quotes_of, quote_with):
    quotes = quotes_of("Mayor Tom Vale toured the dam on Monday. “There is nothing to fear,” "
                       "he said. Mr. Vale then met the engineers. He was joined by his wife, "
                       "Ana Vale, who spoke to residents earlier in the day. “We will rebuild "
                       "the dam before the rains come,” Vale said.")
    assert quote_with(quotes, "rebuild the dam").speaker == "Tom Vale"


def test_a_shared_surname_with_both_as_subjects_goes_to_the_most_recent(quotes_of, quote_with):
    """(guard) Both named as subjects near it: the earlier rule (most recent, less sure)."""
    quotes = quotes_of("Mayor Tom Vale toured the dam on Monday. Ana Vale spoke to residents. "
                       "“We will rebuild the dam before the rains come,” Vale said.")
    speaker = quote_with(quotes, "rebuild the dam").speaker
    assert speaker in (None, "Ana Vale")
