"""Verbs of implying and speculating report a clause (issue 20, round 14: PolNeAR annotates
`X has intimated that …`, `experts have speculated that …` as attributions, and we had none).

Every text is made up; the shapes come from the PolNeAR train tune half."""


def test_intimated_reports_its_clause(quotes_of, quote_with):
    quotes = quotes_of('Senator Ann Cole has intimated that Mr. Hale\'s "diagnoses" of the '
                       "economy are the big draw.")
    q = quote_with(quotes, "of the economy are the big draw")
    assert q.speaker == "Ann Cole"


def test_a_second_verb_of_speculating_shares_the_first_ones_subject(quotes_of, quote_with):
    """`experts have discounted the claims, but have speculated that the regime might boost
    its “explosive yield”`: the fragment went to "the regime", the reported clause's subject."""
    quotes = quotes_of("Arms experts have discounted the claims, but have speculated that the "
                       'regime might boost its "explosive yield" through other means.')
    assert quote_with(quotes, "explosive yield").speaker == "Arms experts"


def test_a_pronoun_that_implied_keeps_its_span_and_no_speaker(quotes_of, quote_with):
    """On PolNeAR train tune half of the pronouns of this verb went to the wrong person named
    before: the span is kept, the speaker left unresolved."""
    quotes = quotes_of("Mayor Tom Reid spoke first. He implied that the judge was “hostile” to "
                       "the town because of his past.")
    q = quote_with(quotes, "the judge was")
    assert q.speaker is None and q.speaker_text == "He"


def test_a_participle_of_implying_reports_nothing(quotes_of):
    """(guard) `…, implying that …` takes its subject from a clause the parse guesses."""
    quotes = quotes_of("The mayor warned that the river could flood the town, implying that "
                       "some houses might already be lost.")
    assert not [q for q in quotes if q.text.startswith("some houses")]
