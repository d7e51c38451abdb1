"""A quoted fragment whose own verb has a subject of its own and is joined by "and" to an earlier
clause is not the earlier clause's subject's words (issue 20, round 14: `the Federal Reserve had
cut interest rates …, and trade tensions had “returned to a simmer”` was given to the Fed through
"had cut"). Made-up texts."""


def test_a_conjunct_with_its_own_subject_is_not_the_first_clauses(quotes_of):
    quotes = quotes_of("Markets rallied in the spring. The Central Bank of Norland had cut "
                       "interest rates twice by June, and trade tensions had “returned to a "
                       "simmer” by the end of the summer.")
    assert not [q for q in quotes if "returned to a simmer" in q.text
                and q.speaker == "The Central Bank of Norland"]


def test_a_verb_of_no_speech_does_not_reach_into_the_next_clause(quotes_of):
    quotes = quotes_of("Governor Anne Keller had cut the budget in May, and the council had "
                       "“acted with courage.”")
    assert not [q for q in quotes if q.text.startswith("acted with courage")
                and q.speaker == "Anne Keller"]


def test_a_conjunct_hung_on_a_cue_still_climbs(quotes_of, quote_with):
    """(guard) the parser hangs the second half of a reported clause on the cue before it
    (real text, round 14: a president's tweet lost its speaker in the first version)."""
    quotes = quotes_of('Mayor Ben Cole responded to the fire, tweeting Friday morning that it '
                       'was a blaze "by a careless driver" and they "must be dealt with in a '
                       'much tougher manner."')
    assert quote_with(quotes, "must be dealt with").speaker == "Ben Cole"


def test_a_shared_subject_still_climbs(quotes_of, quote_with):
    """(guard) `She praised the plan and called it “a bold step”`: one subject for both."""
    quotes = quotes_of("Governor Anne Keller praised the plan and called it “a bold step.”")
    assert quote_with(quotes, "a bold step").speaker == "Anne Keller"


def test_an_as_clause_still_names_the_speaker(quotes_of, quote_with):
    """(guard) the same conjunct with `as X noted` after it is X's."""
    quotes = quotes_of("The Central Bank of Norland had cut interest rates twice by June, and "
                       "trade tensions had “returned to a simmer”, as Erik Dahl, the bank’s "
                       "governor, noted.")
    assert quote_with(quotes, "returned to a simmer").speaker == "Erik Dahl"
