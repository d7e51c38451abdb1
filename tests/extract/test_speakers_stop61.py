"""Quotes read wrong on fresh real articles at stop 61 (Baly draws 6028-6031), each rule with
the case it mends and a guard that keeps what was right. All texts here are made up."""

from __future__ import annotations

import pytest


def _with(quotes, fragment: str) -> list:
    return [q for q in quotes if fragment in q.text]


def test_a_verdict_after_as_is_said_with_its_object(quotes_of):
    """`the US has described such a tax as arbitrary and threatened the UK with ...` had
    reported "such a tax" alone: the parser hangs "as arbitrary" on the verb as a clause of
    its own, and the next verb ("threatened") on "arbitrary"."""
    quotes = quotes_of("But Norland has described such a tax as arbitrary and threatened "
                       "Tarland with a reciprocal levy on its car sales.")
    assert [q.text for q in quotes if q.kind == "indirect"] == ["such a tax as arbitrary"]


def test_a_praised_object_is_not_what_was_said_when_the_verdict_is_quoted(quotes_of):
    """`Karl Marx praised worker cooperatives as “great social experiments”`: the quoted
    verdict is his; "worker cooperatives" alone was reported as his words too."""
    quotes = quotes_of("That is why the economist Ada Brenner praised village banks as "
                       "“great social experiments” that proved the idea could work.")
    assert not _with(quotes, "village banks")
    assert [q.speaker for q in _with(quotes, "great social experiments")] == ["Ada Brenner"]


def test_the_object_praised_for_something_stays_as_before(quotes_of):
    # (guard) a praise with a "for" phrase and no "as" is read as before: a named object is
    # whom it is about, nothing said
    quotes = quotes_of("Mayor Ruth Gale praised Tom Ridley for his courage on Friday.")
    assert not [q for q in quotes if q.kind == "indirect"]


@pytest.mark.parametrize("text", [
    "The media would rather tell you why you need to fear your neighbour.",
    "The papers would sooner report that the plan failed.",
])
def test_what_someone_would_rather_say_is_no_statement(quotes_of, text):
    assert not quotes_of(text)


def test_a_cue_under_no_longer_or_joined_by_or_to_one_is_negated(quotes_of):
    """`national Democrats no longer treat them with respect or believe they are capable of
    living dignified lives` had given the Democrats the words "they are capable ..."."""
    text = ("It became obvious to these voters that the party no longer treats them with "
            "respect or believes they are capable of running their own towns.")
    assert not quotes_of(text)
    assert not quotes_of("Officials no longer say the river is safe.")


def test_a_cue_joined_by_and_to_a_negated_verb_still_speaks(quotes_of):
    # (guard) "did not deny it and said ...": the second verb is a statement
    quotes = quotes_of("Mayor Ruth Gale did not deny the report and said it was accurate.")
    assert [q.text for q in quotes] == ["it was accurate"]


def test_a_gerund_after_when_it_comes_to_has_no_speaker(quotes_of):
    """`The actress said that when it comes to showing mom how thankful you are, it's the
    thought that counts`: "how thankful you are" had been reported, its "it" the speaker."""
    quotes = quotes_of("The singer said that when it comes to showing your mother how "
                       "grateful you are, it's the thought that counts.")
    assert [q.text for q in quotes if q.text.startswith("how")] == []


def test_what_someone_should_expect_is_advice_not_their_words(quotes_of):
    """`Huawei and other Chinese companies should still expect the pressure on them to
    continue`: the writer's counsel was reported as the companies' words."""
    assert not quotes_of("Tarland's exporters should still expect the pressure on them to "
                         "continue.")
    # (guard) "should" inside what was said leaves the cue alone
    quotes = quotes_of("The senator said the bill should pass this week.")
    assert [q.text for q in quotes] == ["the bill should pass this week"]


def test_a_fragment_asked_about_is_not_the_words_of_a_later_cue(quotes_of):
    """`was asked if it was "mission accomplished", and he said: "No, not at all."`: the
    asker's phrase was given to the one who answered."""
    quotes = quotes_of(
        "Mayor Ruth Gale toured the plant on Monday. The mayor was asked if it was "
        "\"mission accomplished\", and she said: \"No, not at all. The work is not over.\"")
    assert not [q for q in quotes if q.text == "mission accomplished"]
    assert [q.speaker for q in _with(quotes, "not at all")] == ["Ruth Gale"]


def test_a_fragment_of_the_speakers_own_verb_before_and_she_said_stays_hers(quotes_of):
    # (guard) the fragment hangs on her own verb, not on the cue after "and"
    quotes = quotes_of("Mayor Ruth Gale called the plan “a sham”, and she said it would fail.")
    assert [q.speaker for q in _with(quotes, "a sham")] == ["Ruth Gale"]


def test_an_as_clause_with_its_own_subject_is_no_verdict(quotes_of):
    # (guard) "as" of time: what was condemned is the object alone
    quotes = quotes_of("Three days earlier the council condemned Norland's latest missile "
                       "launch as Tarland fired three rockets into the sea.")
    assert [q.text for q in quotes if q.kind == "indirect"] == [
        "Norland's latest missile launch"]


def test_a_passive_verdict_alone_reports_no_clause(quotes_of):
    """`those guidelines were criticized by President Trump as “very tough,” and
    “expensive”` made an indirect quote of `as “very tough` (stop 61)."""
    quotes = quotes_of("The rules were swiftly criticized by Mayor Ruth Gale as harsh and "
                       "costly, leading the board to back down.")
    assert not [q for q in quotes if q.text.startswith("as ")]


def test_a_writers_own_i_should_say_still_says_it(quotes_of):
    # (guard) "I should say that ..." is the writer saying it
    quotes = quotes_of("Lest anyone think my parents were idle, I should say that my father "
                       "began his studies at sixteen.")
    assert [q.text for q in quotes] == ["my father began his studies at sixteen"]


def test_a_noun_prompted_to_remark_speaks(quotes_of):
    """`Kaplan said she did in fact disagree, prompting the chief justice to remark in
    disbelief: “…”`: the remark had gone to Kaplan (stop 61; the consensus then carried her
    name on the chief justice's words)."""
    quotes = quotes_of("Ms. Ada Brenner said she did in fact disagree, prompting the chief "
                       "justice to remark in disbelief: \"Really. As far as I can tell, the "
                       "whole city is on your side.\"")
    (q,) = _with(quotes, "whole city")
    assert q.speaker != "Ada Brenner" and q.speaker_text == "the chief justice"


def test_an_object_of_the_sentence_before_outranks_an_earlier_speaker(quotes_of):
    """`House Speaker John Boehner said ... / After a meeting where Boehner spoke, reporters
    asked Rep. Walter Jones about the talks. He had to answer that he didn't know`: "he" had
    gone to Boehner; Jones is likelier, and the two are too close to call."""
    quotes = quotes_of(
        "Mayor Tom Ridley said on Monday that there were still \"serious differences\" on the "
        "budget.\n\nAfter a council meeting where Ridley spoke to his allies, reporters asked "
        "Councillor Sam Cole about the talks. He had to answer that he did not know.")
    (q,) = _with(quotes, "did not know")
    assert q.speaker is None


def test_a_subject_of_the_sentence_before_keeps_the_pronoun(quotes_of):
    # (guard) the name chosen is in the sentence right before: the rule does not apply
    quotes = quotes_of("Mayor Tom Ridley praised Councillor Sam Cole on Monday. He said the "
                       "deal was fair to every district.")
    (q,) = _with(quotes, "deal was fair")
    assert q.speaker == "Tom Ridley"


def test_what_we_should_do_is_advice_even_in_the_first_person(quotes_of):
    # "We should instead condemn their use": the writer's counsel, not a statement
    assert not quotes_of("His toughness is nothing to applaud. We should instead condemn the "
                         "tariffs as a tax on families.")


def test_a_he_subject_of_the_sentence_before_keeps_the_pronoun(quotes_of):
    # (guard) "Asked ..., he said Ryan. “I would say Paul ...,” he said": the sentence before
    # has a he as its subject, so its object is no rival (PolNeAR train, stop 61)
    quotes = quotes_of("Councillor Sam Ryan met the press on Monday. On the eve of the "
                       "meetings, Mayor Tom Ridley eased his defiant tone of recent days. Asked "
                       "on a radio show who leads the party in his view, he said Ryan. “I would "
                       "say Sam for the time being and maybe for a long time,” he said.")
    (q,) = _with(quotes, "for the time being")
    assert q.speaker == "Tom Ridley"


def test_a_quoted_verdict_is_never_cut_inside_its_marks(quotes_of):
    # (guard) `He called it “shameful” and called on leaders “not to ...”`: no indirect quote
    # ending inside the marks
    quotes = quotes_of("Mayor Tom Ridley brought it up himself. He called it \"shameful\" and "
                       "called on leaders \"not to feed that dark impulse inside of us.\"")
    assert not [q for q in quotes if q.text.count('"') % 2]
    assert [q.speaker for q in _with(quotes, "dark impulse")] == ["Tom Ridley"]


def test_what_someone_knew_inside_anothers_statement_is_not_their_words(quotes_of):
    """`Republicans ... blame the White House for failing ..., and that the administration
    quickly knew the violence was a terrorist attack`: "the administration" was given the
    words "the violence was a terrorist attack" (stop 61, a real article)."""
    quotes = quotes_of("Councillor Sam Cole said officials knew the bridge was unsafe.")
    assert [q.speaker_text for q in quotes] == ["Councillor Sam Cole"]
    # (guard) a knower with no one reporting it is as before
    assert [q.speaker_text for q in quotes_of("He knew the bridge was unsafe.")] == ["He"]


def test_a_day_parsed_as_the_object_is_not_what_was_called_for(quotes_of):
    """`Amnesty International called Friday for new assistance from ...` reported "Friday for
    new assistance ..." (stop 61, a real article)."""
    quotes = quotes_of("The Tarland Red Cross called Friday for new assistance from "
                       "neighbouring countries to share the burden.")
    assert [q.text for q in quotes] and not [q for q in quotes if q.text.startswith("Friday")]


def test_a_speaker_saying_he_knew_keeps_his_own_view(quotes_of):
    # (guard) "Mr. Clarke said he realized that ...": the speaker's own view, as PolNeAR reads it
    quotes = quotes_of("Mr. Tom Clarke said he realized that many of the floods were caused by "
                       "the new dam.")
    assert [q.speaker for q in _with(quotes, "many of the floods")] == ["Tom Clarke"] * len(
        _with(quotes, "many of the floods"))
    assert any(q.text.startswith("many of the floods") for q in quotes)


def test_a_joined_knowing_verb_shares_its_pronoun_subject(quotes_of):
    # (guard) "said she could not support Trump but understood why people did": the "she"
    # of the joined verb is the speaker's (PolNeAR train, stop 61)
    quotes = quotes_of("Ann Petty, attending the rally, said she could not support the mayor "
                       "but understood why people did.")
    assert any(q.text == "why people did" for q in quotes)


def test_a_weekday_right_after_the_cue_is_when_it_was_said(quotes_of):
    """`A senior U.S. official said Thursday the elder Kouachi had traveled to Yemen`: the
    clause began with "Thursday" (stop 61, a real article)."""
    quotes = quotes_of("A senior official said Thursday the elder brother had traveled to "
                       "Tarland.")
    assert [q.text for q in quotes] == ["the elder brother had traveled to Tarland"]
    # (guards) a possessive day and a day as the subject stay
    assert [q.text for q in quotes_of("Officials said Thursday's shooting was a crime.")] == [
        "Thursday's shooting was a crime"]
    assert [q.text for q in quotes_of("A source said Wednesday was the likely day.")] == [
        "Wednesday was the likely day"]
