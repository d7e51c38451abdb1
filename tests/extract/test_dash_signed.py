"""A list of quotes, each signed after its closing mark by a dash and a name (`“...” ― Jane
Doe`), the shape of reader reactions and pull quotes (round 16, read on the PolNeAR dev
blind half, where one such list held a tenth of the half's quoted attributions). Every text
is made up."""

from __future__ import annotations

import pytest

LIST = ("Voters shared their views on the debate.\n\n"
        "“He did not answer a single question about the economy, and that worries me a "
        "lot.”{d}Maria Lopez\n"
        "“The whole evening felt like a show put on for television instead of a "
        "discussion.”{d}Daniel Reyes\n"
        "“I want a president who listens to working families and keeps his promises.”{d}Ana "
        "Torres.\n")


@pytest.mark.parametrize("dash", [" ― ", "\u00a0―\u00a0", " — "])
def test_each_quote_of_a_signed_list_has_its_own_signer(quotes_of, quote_with, dash):
    """U+2015 (the "quotation dash") signs as an em dash does, also between no-break spaces;
    a name that ends its line signs too (before, only a name followed by a mark did)."""
    quotes = quotes_of(LIST.format(d=dash))
    assert quote_with(quotes, "single question").speaker == "Maria Lopez"
    assert quote_with(quotes, "whole evening").speaker == "Daniel Reyes"
    assert quote_with(quotes, "working families").speaker == "Ana Torres"


def test_a_dash_glued_to_the_closing_mark_signs_with_the_name_alone(quotes_of, quote_with):
    quotes = quotes_of(LIST.format(d="― "))
    assert quote_with(quotes, "working families").speaker == "Ana Torres"
    assert quote_with(quotes, "single question").speaker == "Maria Lopez"


def test_an_unsigned_quote_after_a_signed_one_is_no_follow_on(quotes_of, quote_with):
    """(guard) The signature closes its quote: the next line's quote, whose own signature
    the reader cannot read, is not the signer's."""
    quotes = quotes_of("Voters shared their views on the debate.\n\n"
                       "“He did not answer a single question about the economy, and that "
                       "worries me a lot.” ― Maria Lopez\n"
                       "“The whole evening felt like a show put on for television instead of "
                       "a discussion.” ― 44, from Ohio\n")
    assert quote_with(quotes, "single question").speaker == "Maria Lopez"
    assert quote_with(quotes, "whole evening").speaker != "Maria Lopez"


def test_a_byline_on_its_own_line_after_a_quote_signs_nothing(quotes_of, quote_with):
    """(guard) A live blog's entry ends with its writer's byline on a line of its own; the
    quote inside the entry is its speaker's, not the writer's."""
    quotes = quotes_of("Officials met again on Friday.\n\n"
                       "“We will keep the schools open as long as it is safe to do so,” the "
                       "mayor said. “Parents should watch for our updates.”\n\n"
                       "– Jayme Carter\n\n"
                       "The state reported new figures later in the day.")
    assert quote_with(quotes, "Parents should").speaker != "Jayme Carter"

