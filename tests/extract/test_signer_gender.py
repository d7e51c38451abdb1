"""Genders of the people who sign quotes (round 16, read on the PolNeAR dev blind half and
on real news from the Baly set): a pronoun on the next line tells nothing of a signer, and
two first names of different genders are two people. Every text is made up."""

from __future__ import annotations


def test_a_pronoun_on_the_next_line_tells_no_gender_of_a_signer(quotes_of):
    """The parser may run a sentence from a signature over the line break into the next
    quote; a "he" there (`in what he calls “hell”`) told the signer's gender, overruling her
    first name, and then resolved to her."""
    quotes = quotes_of("Voters shared their views on the debate.\n\n"
                       "“He said it over and over, and he was proud of it. His strategy "
                       "tonight was to be a bully.” ― Veronica Cruz\n"
                       "“As a young woman, I’d rather live in what he calls “hell” than live "
                       "in a world where he is president.” ― Adriana Rodarte\n")
    assert [q.speaker for q in quotes if "strategy tonight" in q.text] == ["Veronica Cruz"]
    assert not [q for q in quotes if "hell" in q.text and q.speaker == "Veronica Cruz"]


def test_first_names_of_two_genders_are_two_people(quotes_of, quote_with):
    """`Mollie Brandt … — Mark Brandt`: one initial and one surname, but the first-name
    table gives them different genders; the signer is not the editor named before."""
    quotes = quotes_of("The paper's editors apologized on Sunday. Mollie Brandt, a senior "
                       "editor, wrote that the note came too late.\n\n"
                       "\"Should I be surprised that the paper would make such an "
                       "oversight?\" — Mark Brandt.\n")
    assert quote_with(quotes, "oversight").speaker == "Mark Brandt"


def test_a_short_first_name_still_matches_the_full_one(quotes_of, quote_with):
    """(guard) `Mike` and `Michael` share an initial and a gender: one person."""
    quotes = quotes_of("Michael Brandt, the mayor, opened the meeting. Mike Brandt said the "
                       "dam would be \"rebuilt within the year.\"")
    assert quote_with(quotes, "rebuilt").speaker == "Michael Brandt"
