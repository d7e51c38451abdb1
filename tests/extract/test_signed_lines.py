"""Two speaker shapes read on real news (lead, stop 35): a list line `-- Name, description:
"..."` is signed by the name, never by a place inside its description; and in `X did Y, with
Z saying ...` the noun after "with" speaks, not the clause's subject. Made-up sentences."""

from __future__ import annotations

import pytest


def test_a_list_line_is_signed_by_its_name_not_by_a_place_in_its_description(quotes_of, quote_with):
    quotes = quotes_of(
        "Delegates gave their views.\n\n"
        "-- Tom Welland, 44, an alternate delegate from Kent County (Ohio) who backs Ron "
        "Paul: \"Mitt Romney. I do not see a lot of difference.\"\n\n"
        "-- Mary Hollis, 60, a delegate from Iowa: \"Energetic.\"")
    assert quote_with(quotes, "Energetic").speaker == "Mary Hollis"
    assert quote_with(quotes, "Mitt Romney").speaker == "Tom Welland"


def test_a_place_alone_before_the_colon_signs_nothing(quotes_of, quote_with):
    quotes = quotes_of("Reactions came from every county.\n\n"
                       "-- A farmer from Iowa: \"We are worried about the price.\"")
    assert quote_with(quotes, "worried").speaker != "Iowa"


def test_a_dated_place_line_is_no_signature(quotes_of, quote_with):
    quotes = quotes_of("Kelby, June 5: \"We will rebuild the dam,\" the mayor said.")
    assert quote_with(quotes, "rebuild").speaker != "Kelby"


def test_with_x_saying_gives_the_words_to_x(quotes_of, quote_with):
    quotes = quotes_of(
        "The union clearly rejected the plan, with Chris Dalton, who heads the union's legal "
        "office, saying in a letter to the council that it \"would unfairly harm the rights "
        "of workers.\"")
    assert quote_with(quotes, "unfairly harm").speaker == "Chris Dalton"


def test_with_a_described_speaker_saying(quotes_of, quote_with):
    quotes = quotes_of(
        "The council approved the budget on Monday, with the mayor, Anna Berg, saying the "
        "vote was \"a good day for the harbour.\"")
    assert quote_with(quotes, "good day").speaker in ("Anna Berg", "the mayor")


def test_the_clause_subject_still_speaks_without_with(quotes_of, quote_with):
    quotes = quotes_of(
        "Chris Dalton rejected the plan on Monday, saying in a letter to the council that it "
        "\"would unfairly harm the rights of workers.\"")
    assert quote_with(quotes, "unfairly harm").speaker == "Chris Dalton"


def test_with_the_people_spoken_to_is_no_absolute(quotes_of, quote_with):
    quotes = quotes_of(
        "Mayor Anna Berg met with reporters at the town hall, saying the dam would be "
        "\"rebuilt within the year.\"")
    assert quote_with(quotes, "rebuilt").speaker == "Anna Berg"


def test_a_quote_closed_by_two_right_single_marks_has_its_speaker(quotes_of, quote_with):
    quotes = quotes_of(
        "Republicans lost the seat on Saturday.\n\n"
        "“I believe the party has to be rebuilt. And I think Tuesday night was a big step,’’ "
        "says veteran political consultant Mike Madrid.\n\n"
        "“That’s the question: how do you start over?,’’ said Joel Fox, a longtime strategist.")
    assert quote_with(quotes, "big step").speaker == "Mike Madrid"
    assert quote_with(quotes, "start over").speaker == "Joel Fox"
    assert all(q.speaker is None or any(ch.isalpha() for ch in q.speaker) for q in quotes)


def test_according_to_after_a_verb_that_says_nothing_names_the_source(quotes_of, quote_with):
    # seed 157 (real): "Former rival X didn't say much there, other than a joke, according to
    # a senator in the room" was given to X through his negated "say"
    quotes = quotes_of(
        "After the meeting, party leaders briefed their members. Former rival Tom Welland "
        "didn't say much there, other than a joke, according to a senator in the room.")
    assert quote_with(quotes, "say much").speaker == "a senator in the room"


@pytest.mark.parametrize("surname", ["Sessions", "Woods"])
def test_a_known_surname_tagged_a_plural_noun_still_refers(quotes_of, surname, quote_with):
    # seed 145 (real, h-conf10's sample): "Sessions emphasized that Congress has outlawed it
    # since it was used in the George W. Bush administration. ... he said" went to Bush: the
    # tagger read the sentence-opening surname as a plural noun, so the person was not there
    quotes = quotes_of(
        f"Attorney General Tom {surname} faced questions from the committee on Monday.\n\n"
        f"{surname} emphasized that Congress has outlawed the practice since it was used in the "
        "Harold Wren administration during the war.\n\n"
        "\"Congress has taken an action now that makes it absolutely improper to use it,\" he "
        "said.")
    assert quote_with(quotes, "improper").speaker == f"Tom {surname}"


def test_with_x_characterizing_gives_the_fragment_to_x(quotes_of, quote_with):
    """Stop 36, real text: `Leading lawmakers, including A and B, called for C to resign, with
    A characterizing his comments as "apparent perjury."` was given to the lawmakers through
    "called": "characterize" (like "describe") is a verb of saying, and its subject speaks."""
    quotes = quotes_of(
        "Leading Democratic lawmakers, including Ana Lind and Sen. Rita Vance, called for the "
        "minister to resign after the news broke, with Lind characterizing his comments in the "
        "hearing as \u201capparent perjury.\u201d")
    assert quote_with(quotes, "apparent perjury").speaker == "Ana Lind"


def test_a_quoted_name_on_the_noun_after_it_is_no_quote(quotes_of, quote_with):
    """Stop 36, real text: `Mr. X calls himself a big "Star Trek" fan` made the title a
    partial quote of X's. Quoted words that modify the noun right after the closing mark are
    a name, not words said; a quoted phrase that ends its clause still is."""
    quotes = quotes_of(
        "Mayor Tom Hale met voters in Varlen on Monday. Mr. Hale, after all, calls himself a "
        "big \u201cStar Wars\u201d fan but stops short of dressing up. Hale said the port is "
        "\u201cnot for sale to anyone.\u201d")
    assert not [q for q in quotes if q.text.strip(". ") == "Star Wars"]
    assert quote_with(quotes, "not for sale").speaker == "Tom Hale"


def test_a_subject_that_stands_for_anyone_reports_nothing(quotes_of, quote_with):
    """Stop 36, real text: `Any reasonable person contemplating X knows that chaos may
    result` became an indirect quote of "Any reasonable person …". Such a subject is the
    writer's own argument; a described source ("a senior official … said") still speaks."""
    quotes = quotes_of(
        "Hamas rules the strip. Any reasonable person contemplating the consequences of a "
        "breach knows that chaos and bloodshed may result. Everyone knows that the wall is "
        "old. A senior official familiar with the talks said that the deal is close.")
    assert not [q for q in quotes if "chaos" in q.text or "wall is old" in q.text]
    assert quote_with(quotes, "deal is close").speaker_text == \
        "A senior official familiar with the talks"


def test_a_broadcast_credit_is_no_one_a_pronoun_points_at(quotes_of, quote_with):
    """Stop 36, real text (seed 281): "NRA chief X defended his call ... NBC's Y reports." then
    "He said, “…”" gave X's words to the reporter Y, and a possible attribution conflict came
    of it. A sentence of an outlet's reporter and "reports" alone is a credit."""
    quotes = quotes_of(
        "Union chief Tom Hale defended his call for guards at every dock. Coast TV's Rob Vance "
        "reports.\n\nHe said, \u201cIf you want to stop the thieves, lock the gates.\u201d")
    assert quote_with(quotes, "lock the gates").speaker == "Tom Hale"
    # a reporter who reports something is a speaker as before
    said = quotes_of("Coast TV's Rob Vance reports that the docks are closed.")
    assert quote_with(said, "docks are closed").speaker == "Rob Vance"


def test_whose_words_were_before_a_colon_is_not_the_first_subjects(quotes_of, quote_with):
    """Stop 36, real text (seed 281): "He was followed by House Majority Leader X whose first
    words were:" then a quote: it went to "He" (the speaker before X) through "followed", and a
    possible attribution conflict came of it. The words are X's; the parse does not say whom
    "whose" stands for, so the quote keeps no speaker rather than a wrong one."""
    quotes = quotes_of(
        "Republicans were quick to pounce.\n\nAt a briefing, the first words out of House "
        "Speaker Tom Hale's mouth were:\n\n\"Mr. Mayor, take it from me, the harbour is not "
        "doing well.\"\n\nHe was followed by House Majority Leader Ana Lind whose first words "
        "were:\n\n\"As the speaker said, we just listened to the mayor say the harbour is doing "
        "fine.\"")
    assert quote_with(quotes, "As the speaker said").speaker in (None, "Ana Lind")
