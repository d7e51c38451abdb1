"""A he/she inside a turn of a chat or transcript ("Maria: He knows ...") is neither the one
whose turn it is nor the others taking turns: they are "I", "you" or named (stop 55, real
text: a reporters' chat gave the White House correspondent, then her colleague, the
president's "He knows", and her name his gender)."""

from __future__ import annotations

CHAT = ("Our reporters on the week in Dalby.\n\n"
        "Tom Reed: The council meets again on Monday. Maria, what is the mood at city hall?\n\n"
        "Maria Lopez: Tense. The staff barely talk to us now.\n\n"
        "Tom: One wildcard is the mayor's reaction.\n\n"
        "Maria: He knows the vote will fire up his base, but he also knows that a recall "
        "looks bad in the history books.\n")


def test_a_pronoun_in_a_turn_is_none_of_those_taking_turns(quotes_of, quote_with):
    quote = quote_with(quotes_of(CHAT), "fire up his base")
    assert quote.speaker not in ("Maria Lopez", "Tom Reed")


def test_a_pronoun_outside_any_turn_still_finds_its_antecedent(quotes_of, quote_with):
    # (guard) the same words as plain paragraphs: "he" is the last man named
    text = ("Tom Reed spoke to the council on Monday.\n\n"
            "He said the vote would fire up the mayor's base.\n")
    assert quote_with(quotes_of(text), "fire up").speaker == "Tom Reed"


def test_a_turn_asking_someone_to_tell_is_no_quote_of_theirs(quotes_of):
    # "Jess, tell us what ...": Jess is addressed, and asked; she has said nothing yet
    text = ("Maria Lopez: We should hear from the judges soon. Jess, tell us what it has "
            "been like on the Hill covering all this.\n")
    assert not [q for q in quotes_of(text) if "like on the Hill" in q.text
                and q.speaker == "Jess"]


def test_a_named_subject_set_off_by_commas_still_speaks(quotes_of, quote_with):
    # (guard) an apposition between commas, a past-tense cue: her words
    text = "Jess Doe, the council's spokeswoman, told reporters the vote would be close.\n"
    assert quote_with(quotes_of(text), "vote would be close").speaker == "Jess Doe"

