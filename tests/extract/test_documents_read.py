"""`“…,” the article read`: "read" is a cue when a text reads, and articles, reports,
petitions, filings, orders and rulings are texts as emails and editorials are (round 16: one
such quote on the PolNeAR dev blind half, and some forty on real news of the Baly set with
a document noun the list lacked). Every text is made up."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("noun", ["article", "report", "petition", "court filing", "ruling"])
def test_a_document_that_reads_is_the_source(quotes_of, quote_with, noun):
    quotes = quotes_of("The harbour board met on Monday.\n\n"
                       "“The board has failed to maintain the pier for a decade and must now "
                       f"answer for it,” the {noun} read.\n")
    quote = quote_with(quotes, "maintain the pier")
    # The text that reads is the quote's source as written; a document the article names no
    # issuer of speaks for no one (round 16, h-real16: `extract.documents`), the others are
    # shown as written.
    assert noun.split()[-1] in (quote.speaker_text or "")
    assert quote.speaker is None or noun.split()[-1] in quote.speaker


def test_a_person_who_reads_a_report_aloud_is_still_the_reader(quotes_of, quote_with):
    """(guard) A person who reads speaks as with "said"; the noun list only adds texts."""
    quotes = quotes_of("“The board has failed to maintain the pier,” Lena Rowan said, reading "
                       "from the report.")
    assert quote_with(quotes, "maintain the pier").speaker == "Lena Rowan"
