"""A country named in capitals ("The US said ...") speaks; the pronoun "us" never does."""

from __future__ import annotations


def test_the_us_in_capitals_is_a_speaker_and_it_added_follows_it(quotes_of, quote_with):
    # Real text (stop 48): "US" was read as the pronoun "us", so "The US said ..." had no
    # speaker and the next paragraph's "it added" went to a news site named two paragraphs up.
    text = ("The embassy was closed and the envoy was expelled, news website Kelby Today said.\n\n"
            "The US said the militia had carried out repeated attacks on bases that host "
            "coalition forces.\n\n"
            'In response, it added, its forces conducted "precision defensive strikes" on '
            "Sunday against five facilities.")
    quotes = quotes_of(text)
    said = quote_with(quotes, "the militia had carried out")
    assert said.speaker == "The US"
    assert quote_with(quotes, "precision defensive strikes").speaker == "The US"


def test_an_object_pronoun_still_never_speaks(quotes_of):
    quotes = quotes_of("Let us know what you think about the new bridge, the editor wrote.")
    assert all(q.speaker != "us" for q in quotes)
    assert all((q.speaker_text or "").lower() != "us" for q in quotes)
