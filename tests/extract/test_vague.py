"""A crowd's belief has no speaker (issue 20, round 14 real samples). Each text is made up;
the shape of each comes from a wrong speaker read on real news."""


def test_few_people_believe_has_no_speaker(quotes_of, quote_with):
    """`But few people believe she has made that decision` was given to "few people"."""
    quotes = quotes_of("The usual answer is that she will not run again. But few people believe "
                       "she has made that decision.")
    q = quote_with(quotes, "made that decision")
    assert q.speaker is None and q.speaker_text == "few people"


def test_people_often_assume_has_no_speaker(quotes_of, quote_with):
    """`People often assume I'm a Rubio fan` was given to "People"."""
    quotes = quotes_of("People often assume I am a fan of the senator because of the cover, "
                       "but I have never shared his views.")
    assert quote_with(quotes, "a fan of the senator").speaker is None


def test_a_share_of_a_poll_believing_has_no_speaker(quotes_of, quote_with):
    """`Seventy-two percent now believe he could win`: a poll's share, no one's words."""
    quotes = quotes_of("Voters like him more, according to a new poll. Seventy percent now "
                       "believe he could win the election.")
    assert quote_with(quotes, "he could win").speaker is None


def test_a_crowd_of_sources_keeps_its_phrase(quotes_of, quote_with):
    """(guard) `People close to the Clintons felt her anger was over the top`: sources the
    writer spoke to, kept as written."""
    quotes = quotes_of("People close to the mayor felt her anger in the debate was over the "
                       "top.")
    assert quote_with(quotes, "over the top").speaker == "People close to the mayor"


def test_a_crowd_saying_keeps_its_phrase(quotes_of, quote_with):
    """(guard) A crowd that says something ("many people said") is kept as written."""
    quotes = quotes_of("Many people said the plan would fail.")
    assert quote_with(quotes, "plan would fail").speaker == "Many people"


def test_a_counted_crowd_believing_has_no_speaker(quotes_of, quote_with):
    """`most founding-era Americans “undoubtedly” thought ...`, `millions of citizens who
    feel that ...`: crowds too (read in a second draw of the round 14 samples)."""
    quotes = quotes_of("Now he has to win back millions of voters who feel that for too long he "
                       "sought too many deals. Most farmers believe the tax is too high.")
    assert quote_with(quotes, "too many deals").speaker is None
    assert quote_with(quotes, "tax is too high").speaker is None


def test_a_poll_share_parsed_onto_a_name_is_a_crowd(nlp):
    """Stop 44, real text: "... can beat Trump -- and more (68 percent) think he can do that"
    was parsed with the name heading "more (68 percent)" as the subject of "think", and the
    poll's share of belief went to the candidate. A head with a percent appositive is a
    share of a poll. (The parse is set by hand: made-up names parse otherwise.)"""
    from spacy.tokens import Doc

    from newsprism.extract.vague import crowd_belief

    words = ["Harlan", "--", "and", "more", "(", "68", "percent", ")", "think", "he", "can",
             "win"]
    heads = [8, 0, 0, 0, 6, 6, 0, 0, 8, 11, 11, 8]
    deps = ["nsubj", "punct", "cc", "conj", "punct", "nummod", "appos", "punct", "ROOT",
            "nsubj", "aux", "ccomp"]
    pos = ["PROPN", "PUNCT", "CCONJ", "ADJ", "PUNCT", "NUM", "NOUN", "PUNCT", "VERB", "PRON",
           "AUX", "VERB"]
    lemmas = ["Harlan", "--", "and", "more", "(", "68", "percent", ")", "think", "he", "can",
              "win"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert crowd_belief(doc[0], doc[8])
    # The same name without the share still speaks for himself.
    plain = Doc(nlp.vocab, words=["Harlan", "thinks", "he", "can", "win"],
                heads=[1, 1, 4, 4, 1], deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp"],
                pos=["PROPN", "VERB", "PRON", "AUX", "VERB"],
                lemmas=["Harlan", "think", "he", "can", "win"])
    assert not crowd_belief(plain[0], plain[1])
