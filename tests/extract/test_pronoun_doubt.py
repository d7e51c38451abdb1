"""A he/she speaker whose antecedent's gender the article never tells stays unresolved when that
antecedent is only mentioned (not a subject or speaker) or another person who may be meant comes
between them (issue 20, round 14: right in about 24 of 44 such cases on the PolNeAR train tune
half, read by hand). Made-up texts."""


def test_a_name_only_mentioned_is_not_the_pronoun(quotes_of, quote_with):
    quotes = quotes_of("The crowd at the rally cheered loudly for Tavi Orn. “It was a grand day "
                       "for the town,” she said.")
    quote = quote_with(quotes, "grand day")
    assert quote.speaker is None and quote.speaker_text == "she"


def test_another_person_between_leaves_it_unresolved(quotes_of, quote_with):
    quotes = quotes_of("Tavi Orn opened the meeting on Monday. The mayor thanked Sen. Jo Brask "
                       "for her help. “We are ready for the winter,” she said.")
    assert quote_with(quotes, "ready for the winter").speaker is None


def test_the_last_subject_with_no_one_between_still_speaks(quotes_of, quote_with):
    """(guard) gender unknown, but the most recent subject and no one between: resolved."""
    quotes = quotes_of("Kim Tarrow, the league's chair, opened the meeting on Monday. Later, "
                       "Robin Delk answered questions. “We are ready for the winter,” she said.")
    assert quote_with(quotes, "ready for the winter").speaker == "Robin Delk"


def test_a_known_gender_is_kept(quotes_of, quote_with):
    """(guard) a gendered title tells the gender: a person between does not unsettle it."""
    quotes = quotes_of("Ms. Dana Orr spoke on Monday. The crowd cheered for Tavi Orn. “It was a "
                       "grand day for the town,” she said.")
    assert quote_with(quotes, "grand day").speaker == "Dana Orr"


def test_no_reaching_past_an_unresolved_pronoun():
    """`“…,” he said` left unresolved: a later "he" of the same person is not someone named
    before it; one of the other gender, or with its antecedent after it, is unaffected."""
    from newsprism.extract.pronoun_doubt import CONF_UNSURE, Doubts

    doubts = Doubts(0.6)
    assert doubts.judge(100, "m", 0.5, 40) == 0.5  # unresolved: remembered
    assert doubts.judge(200, "m", 0.95, 40) == CONF_UNSURE  # reaches past it
    assert doubts.judge(300, "f", 0.95, 40) == 0.95  # the other gender
    assert doubts.judge(400, "m", 0.95, 250) == 0.95  # named again after both
