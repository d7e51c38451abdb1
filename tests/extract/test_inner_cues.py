"""Round 12: `“…,” X reports that Y wrote`: the quote is Y's words, X reports them
(`extract/inner_cues.py`). Made-up sentences."""

from __future__ import annotations


def test_the_inner_writer_of_a_reported_quote_speaks(quotes_of, quote_with):
    text = ("“The impact of the virus is more significant than any of us could have "
            "expected,” Rios reports that officials wrote in a letter to furloughed employees.")
    q = quote_with(quotes_of(text), "impact of the virus")
    assert q.speaker_text == "officials"
    assert q.cue == "wrote"


def test_an_inner_verb_with_its_own_words_leaves_the_tag_alone(quotes_of, quote_with):
    # "wrote that the cuts would end" has its own content: the quote is not what it reports.
    text = ("“We will not stop until the budget is fixed,” Rios said, and the officials wrote "
            "that the cuts would end in May.")
    assert quote_with(quotes_of(text), "budget is fixed").speaker == "Rios"
