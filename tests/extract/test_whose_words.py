"""Whose words a cue reports when its subject did not say them (stop 45, wrong speakers read on
fresh Baly draws). Every text is made up."""

from __future__ import annotations


def test_blamed_for_saying_is_the_objects(quotes_of, quote_with):
    """`X criticized Y for calling …`: Y called them that; X only criticized it."""
    quotes = quotes_of("Senator Maria Cole criticized President Dan Harlow on Monday for "
                       "calling the protesters “a mob of thugs.”")
    assert quote_with(quotes, "mob of thugs").speaker == "Dan Harlow"
    quotes = quotes_of("Mayor Tim Reyes praised Governor Lisa Park for saying the state would "
                       "“never abandon” its cities.")
    assert quote_with(quotes, "never abandon").speaker == "Lisa Park"


def test_blamed_by_pronoun_is_no_one_rather_than_the_blamer(quotes_of):
    """`His rivals have blasted him for saying …`: him, whom the resolver does not read as an
    object; the rivals never said it."""
    quotes = quotes_of("Joe Biden spoke in Iowa on Friday. His rivals have blasted him for "
                       "saying that his work with segregationists had “got things done”.")
    assert all(q.speaker != "His rivals" for q in quotes if "things done" in q.text)


def test_one_who_apologized_for_saying_still_said_it(quotes_of, quote_with):
    """(guard) no object: the subject's own words."""
    quotes = quotes_of("Mayor Tim Reyes apologized on Monday for saying the state would "
                       "“never abandon” its cities.")
    assert quote_with(quotes, "never abandon").speaker == "Tim Reyes"


def test_what_a_verb_praises_is_its_object_not_an_inverted_speaker(quotes_of):
    quotes = quotes_of("Mr. Cohen asked Mr. Gauger to create an account. The account, created "
                       "in May 2016 and run by a friend, described Mr. Cohen as a “sex symbol,” "
                       "praised his looks and character, and promoted his appearances.")
    assert all(q.speaker != "his looks and character" for q in quotes)


def test_a_name_after_such_a_verb_still_inverts(quotes_of, quote_with):
    """(guard) `“…,” praised Senator X`."""
    quotes = quotes_of("“We will win this fight,” praised Senator Ann Holt on Monday.")
    assert quote_with(quotes, "win this fight").speaker == "Ann Holt"


def test_words_are_their_owners_not_a_speaker_named_quotes(quotes_of, quote_with):
    quotes = quotes_of("The manager became famous overnight. His quotes are uninspiring: “She "
                       "got great food.” But somehow, Charles Wright is now famous.")
    assert quote_with(quotes, "great food").speaker is None


def test_a_crowd_in_the_future_is_the_writers_guess(quotes_of, quote_with):
    """`90 percent of them will assure you …`, `X's defenders will say …`: nobody said it."""
    quotes = quotes_of("Ask any group of registered Republicans in Arizona about that and 90 "
                       "percent of them will assure you that “it is not true.”")
    assert quote_with(quotes, "not true").speaker is None
    quotes = quotes_of("“This evidence is all circumstantial,” Trump’s defenders will say.")
    assert quote_with(quotes, "circumstantial").speaker is None


def test_one_person_in_the_future_and_a_crowd_in_the_past_keep_their_words(quotes_of,
                                                                          quote_with):
    """(guard) prepared remarks (`X will say …, according to excerpts`) and what critics said."""
    quotes = quotes_of("Senator Ann Holt will say on Tuesday that the plan is “dead on "
                       "arrival,” according to excerpts.")
    assert quote_with(quotes, "dead on arrival").speaker == "Ann Holt"
    quotes = quotes_of("Critics said the plan was “dead on arrival.”")
    assert quote_with(quotes, "dead on arrival").speaker == "Critics"


def test_a_writers_label_is_no_transcript_turn(quotes_of):
    quotes = quotes_of("Living in a free country means allowing people to believe odd things."
                       "\n\nADDENDUM: “Without going into the numbers, I can now say that the "
                       "piece is the most-read I have written.”")
    assert all(q.speaker != "Addendum" for q in quotes)


def test_an_effort_says_nothing(quotes_of):
    quotes = quotes_of("Senate Democrats are open to Sanders. And there’s no whiff of an effort "
                       "to deny him the nomination, according to interviews with senators.")
    assert all(q.speaker is None or "effort" not in q.speaker for q in quotes)


def test_a_blamed_object_is_no_subject_a_later_she_leans_on(quotes_of, quote_with):
    """(guard) The object who spoke (`X slammed Y for suggesting …`) is not the salient
    subject: the next "she" is not given to Y, whose gender the article does not tell."""
    quotes = quotes_of(
        "And in 2008, Hillary Marsh slammed Jomo Kamau as elitist and out-of-touch for "
        "suggesting that rural voters “cling to their guns,” and bragged about her father "
        "teaching her how to shoot when she was a young girl. “Americans who believe in the "
        "Second Amendment believe it is a right,” she said at the time.")
    assert quote_with(quotes, "cling to their guns").speaker == "Jomo Kamau"
    assert quote_with(quotes, "Second Amendment").speaker != "Jomo Kamau"


def test_the_owner_of_words_someone_else_answers_is_not_the_speaker(quotes_of, quote_with):
    """(guard) `X challenged Y's comments, tweeting: “…”`: X tweeted; the parse hangs the cue
    on Y's comments, and Y must not get the words."""
    quotes = quotes_of("“To be honest, it is not a wall,” Mr. John Kelly said in an interview. "
                       "Mr. Trump appeared to challenge Mr. Kelly’s comments, tweeting Monday "
                       "morning: “An all concrete Wall was NEVER ABANDONED, as has been reported "
                       "by the media.”")
    assert quote_with(quotes, "NEVER ABANDONED").speaker not in ("John Kelly", "Kelly")


def test_a_cue_in_a_when_clause_does_not_introduce_the_main_clauses_quote(quotes_of,
                                                                         quote_with):
    """`When X tried to interrupt, Y cut her off: “…”`: Y's words (stop 45, real text: a
    debate's "Excuse me, I'm talking!" given to the one who tried to interrupt)."""
    quotes = quotes_of("Vera Lind and Tomas Berg met for a debate on Monday. When Lind tried to "
                       "interrupt, Berg cut her off: “Excuse me, I am talking!”")
    assert quote_with(quotes, "I am talking").speaker == "Tomas Berg"


def test_the_scene_clause_before_a_speech_verb_leaves_it_the_cue(quotes_of, quote_with):
    """(guard) `When reporters asked about the deal, X said: “…”`: X's."""
    quotes = quotes_of("When reporters asked about the deal, Senator Ann Holt said: “We will not "
                       "support it.”")
    assert quote_with(quotes, "not support it").speaker == "Ann Holt"



def test_a_speaker_after_an_exclamation_still_tags_it(quotes_of, quote_with):
    """(guard) `“Get out!” Smith yelled`, `“Are you ready?” Ann Holt asked` (a rule tried at
    stop 45 that read a capitalised subject after "!" or "?" as a new sentence unless its verb
    was one of speaking lost "Trump went on", "Maddow repeated", "Hannity pressed" on PolNeAR
    train: dropped)."""
    assert quote_with(quotes_of("“Get out now!” Tom Smith yelled at the crowd."),
                      "Get out").speaker == "Tom Smith"
    assert quote_with(quotes_of("“Are you ready for this?” Ann Holt asked the crowd."),
                      "ready").speaker == "Ann Holt"


def test_a_scene_clause_that_reports_keeps_its_quote(quotes_of, quote_with):
    """(guard) `… days after Trump told the Post he was “not quite there yet”`: the parse hangs
    "told" on its own complement; with no colon before the quote there is no main clause to
    give it to (PolNeAR train, stop 45)."""
    quotes = quotes_of("The endorsement comes just three days after Tom Vale told the Harbor Post "
                       "he was “not quite there yet” on supporting Ryan.")
    assert quote_with(quotes, "not quite there").speaker == "Tom Vale"
