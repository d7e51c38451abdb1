"""`… complicated. Said Ellis: “...”`: a speech verb written before its speaker at a sentence
start, mid-paragraph, signs the quote after the colon (round 16: one on the PolNeAR dev
blind half, and a few in 12,000 Baly articles). Every text is made up."""

from __future__ import annotations


def test_said_name_colon_after_a_sentence_gives_the_name(quotes_of, quote_with):
    quotes = quotes_of(
        "“It is hard to avoid,” said Ryan Hale, a Republican tax consultant. “Any cut is "
        "good for the rich.”\n\n"
        "Neither candidate has said much about tax reform. If anything, experts say her plans "
        "would make the code more complicated. Said Hale: “I don’t get the sense she’s the "
        "least bit interested in tax reform.”\n")
    assert quote_with(quotes, "least bit interested").speaker == "Ryan Hale"


def test_a_speech_verb_is_no_part_of_the_name(quotes_of, quote_with):
    """The tagger read `Wrote Blair` as one name; the verb is not a part of it."""
    quotes = quotes_of("The company grew fast in the 1980s, and its founder took every "
                       "decision alone. Wrote Blair: “There was no formal business plan, no "
                       "development strategy.”\n")
    assert quote_with(quotes, "formal business plan").speaker == "Blair"


def test_said_at_a_line_start_still_reads_through_its_cue(quotes_of, quote_with):
    """(guard) `Said Mr. Barr:` opening its line was read before; it stays Barr's."""
    quotes = quotes_of("The inspector general released his report on Monday.\n\n"
                       "Said Mr. Barr: “The activities were undertaken by a small group at "
                       "the top, which is one of the problems.”\n")
    assert quote_with(quotes, "small group").speaker.endswith("Barr")
