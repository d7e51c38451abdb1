"""Round 12: short quoted sentences and their tags that earlier passes dropped or misread.
Made-up sentences."""

from __future__ import annotations


def _one(quotes, fragment: str):
    (q,) = [q for q in quotes if fragment in q.text]
    return q


def test_a_comma_inside_the_mark_ends_a_quoted_sentence_before_a_lower_case_title(quotes_of):
    # "councilmember" is a noun right after the closing mark, as "fan" is in `a big “Star
    # Wars” fan`; the comma inside the mark says the quote is a sentence, not a label.
    for said in ("“It’s settled,” councilmember Rosa Delgado said of the council’s support for "
                 "ending the contracts.",
                 "“That’s final,” councilmember Dana Whitlock said of the council’s support "
                 "for ending the contracts."):
        q = _one(quotes_of(said), "’s")
        assert q.speaker in ("Rosa Delgado", "Dana Whitlock")
        assert q.speaker_text is not None and q.speaker_text.startswith("councilmember")

