"""Things that do not speak (issue 20, round 16, second task): a speaker phrase headed by an
abstract or inanimate common noun ("The sensitivity of …", "anger over …") is no speaker;
"X confirms what Y has stated about “…”" is Y's. Every text is made up, in the shape of the
real one."""

from newsprism.extract.cues import SPEAKING_GROUP_NOUNS
from newsprism.extract.things import inanimate_head


def _with(quotes, words):
    return [q for q in quotes if words in q.text]


def test_a_free_relative_of_saying_under_a_thing_is_its_own_subjects(quotes_of):
    """`The sensitivity of … confirms what Dr. X has stated about “…”`: the quote had gone to
    "The sensitivity of the model's projections to new data" as written."""
    quotes = quotes_of("The sensitivity of the model’s projections to new data confirms what "
                       "Dr. Lena Ortiz has stated about the “second wave” of infections.")
    q = _with(quotes, "second wave")
    assert q and q[0].speaker == "Lena Ortiz"


def test_the_same_under_a_verb_of_showing(quotes_of):
    """With "shows" the thing already had no speaker; now the relative clause's subject."""
    quotes = quotes_of("The resilience of the harbour economy shows what Governor Mara Velez "
                       "has said about “steady growth” all year.")
    q = _with(quotes, "steady growth")
    assert q and q[0].speaker == "Mara Velez"


def test_an_abstract_noun_is_no_speaker_but_stays_written(quotes_of):
    quotes = quotes_of("The popularity of the plan confirms that the council was “on the "
                       "right track” all along.")
    q = _with(quotes, "right track")
    assert q and q[0].speaker is None
    assert q[0].speaker_text == "The popularity of the plan"


def test_a_feeling_noun_is_no_speaker(quotes_of):
    quotes = quotes_of("Public anger over the closures explains that the port is “a lost "
                       "cause” for now.")
    q = _with(quotes, "lost cause")
    assert q and q[0].speaker is None


def test_hopes_are_no_speaker_of_a_participle(quotes_of):
    """Real text (Baly draw 467): the participle hung on a subordinate clause climbed to the
    main verb, whose subject was "those lofty hopes". A hope says nothing: no speaker."""
    quotes = quotes_of("Whether the rally turnout meets those lofty hopes will provide a key "
                       "test for Ramos, amid frustration among some backers that Velez remained "
                       "in office more than three months after Ramos - who leads the "
                       "opposition-run National Assembly - invoked the charter to assume an "
                       "interim presidency, arguing Velez's May 2018 reelection was "
                       "illegitimate.")
    q = _with(quotes, "reelection was illegitimate")
    assert q and q[0].speaker is None


def test_institutions_and_groups_still_speak(quotes_of):
    """Guards: an institution with an abstract ending, and a share "of voters"."""
    quotes = quotes_of("The administration confirmed that the plan was “dead on arrival.”")
    q = _with(quotes, "dead on arrival")
    assert q and q[0].speaker == "The administration"
    quotes = quotes_of("The proportion of voters saying they want “a clean break” is high.")
    q = _with(quotes, "clean break")
    assert q and q[0].speaker_text == "The proportion of voters"


def test_a_possessed_noun_of_mind_is_its_owners(nlp):
    """Guard: "His assumption … was that …" stays his (PolNeAR's gold reads it so)."""
    doc = nlp("His assumption was that voters would come around.")
    assert not inanimate_head(doc[1], SPEAKING_GROUP_NOUNS)
    doc = nlp("The assumption was that voters would come around.")
    assert inanimate_head(doc[1], SPEAKING_GROUP_NOUNS)


def test_a_capitalised_word_is_never_a_thing(nlp):
    """Guard: the tagger calls some surnames nouns ("Hannity interjected"); "-ity" on a
    capitalised word is no abstract ending."""
    doc = nlp("Then Hannity interjected.")
    tok = doc[1]
    tok.pos_ = "NOUN"
    tok.ent_type_ = ""
    assert not inanimate_head(tok, SPEAKING_GROUP_NOUNS)
    tok2 = nlp("Then sensitivity mattered.")[1]
    tok2.pos_ = "NOUN"
    assert inanimate_head(tok2, SPEAKING_GROUP_NOUNS)


def test_according_to_inside_a_dash_aside_reaches_only_the_aside(quotes_of):
    """`Despite the fact that A's “B” had little use — he was pinned down according to the
    defense … — critics …`: the name in quote marks had gone to "the defense"."""
    quotes = quotes_of("Although the harbour’s “open berth” had little use in the case — the "
                       "captain was boxed in and could not leave according to the crew and "
                       "was never at risk according to the port — critics attacked the rule "
                       "anyway.")
    assert all(q.speaker is None for q in _with(quotes, "open berth"))
    assert any(q.speaker == "the crew" and q.text.startswith("the captain") for q in quotes)


def test_the_claim_of_according_to_in_an_aside_starts_at_the_dash(quotes_of):
    quotes = quotes_of("Although the harbour’s “open berth” rule had little use in the case — "
                       "the captain was boxed in and could not leave according to the crew — "
                       "critics attacked the rule anyway.")
    crew = [q for q in quotes if q.speaker == "the crew"]
    assert crew and all(q.text.startswith("the captain") for q in crew)


def test_a_dash_never_closed_sets_off_no_aside(quotes_of):
    """Guard: "… at year's end -- nearly $38 million, according to X." is one claim."""
    quotes = quotes_of("The port had a bigger cash balance at year's end -- nearly $38 million, "
                       "according to the harbour board.")
    q = [x for x in quotes if x.speaker == "the harbour board"]
    assert q and q[0].text.startswith("The port")


def test_people_and_groups_named_by_such_words_are_not_things(nlp):
    """Guards from PolNeAR's gold sources: "the former model", "law enforcement", "a
    collection of papers", "Her comments" were sources there."""
    doc = nlp("The former model said so, and law enforcement agreed.")
    assert not inanimate_head(doc[2], SPEAKING_GROUP_NOUNS)
    assert not inanimate_head(doc[8], SPEAKING_GROUP_NOUNS)
    doc = nlp("Her comments were clear.")
    assert not inanimate_head(doc[1], SPEAKING_GROUP_NOUNS)


def test_an_unresolved_pronoun_keeps_its_clause(quotes_of):
    """Guard (draw 421, seen in the diff): `they said that X "…" and his supporters "say they
    don't care."` stays with the outer speaker; the first version gave it to X."""
    quotes = quotes_of("Mara Velez spoke first. Later they said that Velez “invents his "
                       "positions” and his supporters “say they don't care.”")
    q = _with(quotes, "don't care")
    assert q and q[0].speaker != "Mara Velez"


def test_a_share_of_those_polled_speaks(quotes_of):
    """Guard: "a plurality of those polled said …" stays as written."""
    quotes = quotes_of("In both parties, a plurality of those polled said they thought trade "
                       "deals cost jobs.")
    assert any(q.speaker == "a plurality of those polled" for q in quotes)
