"""Relative clauses the passes misread (issue 20, stop 39: a fresh real sample, seed 433).
Every text is made up in the shape of what was read there."""


def test_a_pronoun_inside_a_who_clause_is_the_clause_s_person(quotes_of, quote_with):
    """`… candidates like Gov. Scott Walker, who bailed … when he realized …` went to the
    previous sentence's subject (Ben Carson) because Walker is a verb's object."""
    quotes = quotes_of("Dan Pryor will campaign in Ohio every day until the state votes. "
                       "That Pryor can hold out that long stands in contrast to former "
                       "candidates like Gov. Scott Welles, who quit the race before a single "
                       "ballot when he realized his finances were upside-down.")
    assert quote_with(quotes, "finances were upside-down").speaker == "Scott Welles"


def test_a_pronoun_of_the_other_gender_in_a_who_clause_is_left_unresolved(quotes_of,
                                                                          quote_with):
    """(guard) The clause's person is a woman; "he" is someone else, not the last subject."""
    quotes = quotes_of("Dan Pryor will campaign in Ohio every day. That stands in contrast "
                       "to Gov. Mary Welles, who quit the race when he realized the money "
                       "was gone.")
    assert quote_with(quotes, "the money was gone").speaker is None


def test_an_object_noun_s_relative_clause_is_not_reported(quotes_of):
    """`proposed new rules Tuesday that more specifically define …`: the parser hangs the
    noun's relative clause on the verb; nothing was said."""
    for text in ("The Treasury Department proposed new rules Tuesday that more specifically "
                 "define the political activity allowed for charities.",
                 "Historians have begun to propose alternative terms, eviction and expulsion, "
                 "that more forcefully convey the policy's brutality."):
        assert not any("define" in q.text or "convey" in q.text for q in quotes_of(text))


def test_a_reported_clause_with_its_own_subject_stays(quotes_of, quote_with):
    """(guard) The same verbs with a clause that has a subject of its own report it."""
    quotes = quotes_of("The Treasury Department said Tuesday that the rules more specifically "
                       "define the political activity allowed for charities.")
    assert quote_with(quotes, "define the political activity").speaker \
        == "The Treasury Department"


def test_a_with_participle_s_subject_set_off_by_dashes_speaks(quotes_of, quote_with):
    """`…, with Sen. X — Democrats’ chief negotiator — saying …` went to the clause's subject
    ("President Trump’s proposal"); with commas it already went to X."""
    quotes = quotes_of("The plan, sent Friday to the Hill, instantly roiled the debate, with "
                       "Sen. Ron Dalby — the chief negotiator in the talks — saying his party "
                       "was prepared to risk a shutdown.")
    assert quote_with(quotes, "prepared to risk a shutdown").speaker == "Ron Dalby"


def test_a_name_tied_to_a_body_by_a_preposition_is_the_speaker(quotes_of, quote_with):
    """`“…,” added Democratic pollster Jeff X of Y Research Associates` went to the firm."""
    quotes = quotes_of("“As voters are coping with the virus, there is a great deal of sorting "
                       "going on,” added Democratic pollster Jeff Horn of Hale Research "
                       "Associates.")
    assert quote_with(quotes, "sorting going on").speaker == "Jeff Horn"


def test_a_lone_relative_word_is_no_quote(quotes_of):
    """Seed 439: `prepare for what he said would be difficult days ahead` gave two quotes,
    "what" and the clause after the cue; "what" alone says nothing."""
    quotes = quotes_of("With deaths rising, President Dan Pryor warned residents on Tuesday to "
                       "prepare for what he said would be difficult days ahead.")
    assert [q.text for q in quotes] == ["would be difficult days ahead"]
    assert quotes[0].speaker == "Dan Pryor"


def test_who_right_after_a_participles_object_is_that_object(quotes_of):
    """(stop 59, a Baly article) `a story surfaced on the tech website Gizmodo quoting an
    anonymous ex-staffer who alleged that …`: the parser hung "who" on "website", and the
    website (with all its phrase) was given the ex-staffer's allegation."""
    text = ("Two weeks after a story surfaced on the tech website Harbourline quoting an "
            "anonymous ex-staffer who alleged that members of the agency's review team had a "
            "bias against farmers, the agency's counsel said the inquiry found no evidence.")
    (q,) = [q for q in quotes_of(text) if "had a bias" in q.text]
    assert q.speaker is not None and "Harbourline" not in q.speaker and "website" not in q.speaker
    # (guards) a coordination's "who" is all of it; a prepositional phrase's noun is passed
    quotes = quotes_of("The law drew fire from gay rights groups, entertainers and business "
                       "leaders who said the law unfairly targets farmers.")
    (q,) = [q for q in quotes if "unfairly targets" in q.text]
    assert q.speaker != "business leaders"
    quotes = quotes_of("The reporter spoke to a man in the crowd who said the rally was calm.")
    (q,) = [q for q in quotes if "rally was calm" in q.text]
    assert q.speaker == "a man in the crowd"
