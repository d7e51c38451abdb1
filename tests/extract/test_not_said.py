"""Words nobody said given a speaker (issue 20, round 15: wrong speakers of fresh real Baly
samples). Every text is made up, in the shape of the real one."""


def _with(quotes, words):
    return [q for q in quotes if words in q.text]


def test_a_show_title_after_an_outlets_possessive_is_no_quote(quotes_of):
    """`told CBS’ “Face the Nation” that …`: the show's title was given to the senator."""
    quotes = quotes_of("Sen. Mark Hollis told CBS’ “Face the Nation” that any new taxes were "
                       "unacceptable.")
    assert not _with(quotes, "Face the Nation")


def test_a_title_with_a_possessive_s_is_no_quote(quotes_of):
    """(guard: "NBC’s" was read before)"""
    quotes = quotes_of("Ann Reed, who hosts NBC’s “Meet the Press,” said the race was close.")
    assert not _with(quotes, "Meet the Press")
    assert quotes and _with(quotes, "the race was close")[0].speaker == "Ann Reed"


def test_a_date_is_no_speaker(quotes_of):
    """`a poll released on Monday, which showed …`: "which" was resolved to "Monday"."""
    quotes = quotes_of("The new polls contradict a Gallup poll released on Monday, which showed "
                       "that 56 percent saw tracking of “millions of voters” as acceptable.")
    q = _with(quotes, "millions of voters")
    assert q and all(x.speaker is None for x in q)


def test_a_question_gives_its_clause_no_speaker(quotes_of):
    """`A few questions: …, did you even have to ask whether …?`: given to "A few questions"."""
    quotes = quotes_of("A few questions: When you read a few weeks ago that a candidate for mayor "
                       "was running ads that were being suppressed by Facebook, did you even "
                       "have to ask whether the candidate was a Republican? No, of course not.")
    assert all(q.speaker is None for q in _with(quotes, "was a Republican"))


def test_a_statement_with_an_emphatic_did_keeps_its_speaker(quotes_of):
    """(guard) the auxiliary after the subject is no question."""
    quotes = quotes_of("Mayor Ann Reed did say that the budget was “balanced.” Why did Ann "
                       "Reed say that the deficit was “gone”?")
    assert _with(quotes, "balanced")[0].speaker == "Ann Reed"
    assert all(q.speaker is None for q in _with(quotes, "gone"))


def test_a_forecast_in_a_comparison_reports_nothing(quotes_of):
    """`claims were lower than economists had predicted`: the main clause went to economists."""
    quotes = quotes_of("Retail sales for the month were higher than economists had predicted as "
                       "shoppers returned to stores, according to the data.")
    assert not [q for q in quotes if q.speaker == "economists" or "Retail sales" in q.text]


def test_a_plain_prediction_keeps_its_speaker(quotes_of):
    """(guard)"""
    quotes = quotes_of("Economists had predicted that sales would rise.")
    assert _with(quotes, "sales would rise")[0].speaker == "Economists"


def test_a_scare_quote_under_a_refused_act_is_nobodys(quotes_of):
    """`both candidates have declined traveling with a “protective pool”`."""
    quotes = quotes_of("Both candidates have declined traveling with a “protective pool” of "
                       "reporters, which is customary.")
    assert not [q for q in _with(quotes, "protective pool") if q.speaker]


def test_a_claim_in_a_comparison_keeps_its_speaker(quotes_of):
    """(guard) `less credit than aides say he deserves` is what the aides say."""
    quotes = quotes_of("Mayor Tom Hale has gotten less credit than the city's auditors say the "
                       "new budget rules deserve.")
    assert [q for q in quotes if q.speaker == "auditors" or "rules deserve" in q.text]


def test_a_colon_line_about_someone_is_not_theirs(quotes_of):
    """`Fauci with a subtle rebuke of Trump: “…”` in the body went to Trump (real text) or
    stood as a speaker named "… of Trump"."""
    quotes = quotes_of("President Donald Trump said the virus would go away. Fauci said it would "
                       "not.\n\nFauci with a subtle rebuke of Trump: \"When you talk about the "
                       "virus just going away, that is just not going to happen because it "
                       "spreads so fast.\" pic.twitter.com/abc123 — Jane Doe (@janedoe) May 12, "
                       "2020")
    q = _with(quotes, "spreads so fast")
    assert q and all(x.speaker is None for x in q)


def test_a_speaker_with_an_affiliation_keeps_the_name(quotes_of):
    """(guard) "of" naming an affiliation before the name is no "about"."""
    quotes = quotes_of("Director of National Intelligence James Clapper said the threat was "
                       "“very real.”")
    assert _with(quotes, "very real")[0].speaker == "James Clapper"


def test_words_of_a_question_put_by_a_named_asker_are_not_the_answerers(quotes_of):
    """`Asked Wednesday by NBC whether he is “almost alone” now, Akin said, …`: the fragment
    went to the answerer (round 12's rule left out a question with its asker named)."""
    quotes = quotes_of("Asked Wednesday by NBC whether he is “almost alone” now, Tom Hale said, "
                       "“I don't believe that's true.”")
    assert not [q for q in _with(quotes, "almost alone") if q.speaker]
    assert _with(quotes, "believe that")[0].speaker == "Tom Hale"


def test_a_question_put_by_a_named_asker_is_not_the_answerers_claim(quotes_of):
    quotes = quotes_of("Asked by NBC whether he would run again, Tom Hale said no.")
    assert not [q for q in _with(quotes, "run again") if q.speaker]
