"""A he/she in a subordinate clause written before its main clause names the main clause's
subject (issue 20, round 14). Every text is made up; the shapes come from the PolNeAR train
tune half, where the pronoun went to someone named before it."""


def test_a_fronted_clause_pronoun_is_the_main_subject(quotes_of, quote_with):
    """`Even as he accused the Justice Department of …, Giuliani wouldn't …` went to an
    expert quoted in the paragraph before."""
    quotes = quotes_of("Analyst Mark Dunn said the case was weak. Even as he accused the "
                       "department of giving the senator “special treatment,” Rudy Vance would "
                       "not speculate about motives.")
    assert quote_with(quotes, "special treatment").speaker == "Rudy Vance"


def test_though_she_said_is_the_woman_named_after(quotes_of, quote_with):
    quotes = quotes_of("Ana Ruiz met the press. Though she said the plan brought in a “handful "
                       "of people” who were new, Ruiz said none joined.")
    speaker = quote_with(quotes, "handful of people").speaker
    assert speaker is not None and speaker.endswith("Ruiz")


def test_a_main_subject_of_the_other_gender_leaves_the_pronoun_unresolved(quotes_of,
                                                                          quote_with):
    """(guard) `While her husband could draw on …, when he devoted his campaign to the
    “forgotten middle class,” Mrs. Hale has struggled`: the "he" is the husband."""
    quotes = quotes_of("Governor Paul Marsh spoke on Tuesday. While her husband could draw on "
                       "the ideas of the 1990s, when he devoted his campaign to the “forgotten "
                       "middle class,” Mrs. Hale has struggled to find a message.")
    assert quote_with(quotes, "forgotten middle class").speaker is None
