"""Titles of local and legislative office are stripped from the speaker's name like "Sen." and
"Gov." (stop 45: "Councilor Yang Jiechi" and "Councilwoman Dana Whitfield" were speakers, so
the same person under a title and without one were two). Every text is made up."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("title", ["Councilwoman", "Councilman", "State Councilor",
                                   "Assemblywoman", "Alderman", "Comptroller"])
def test_a_title_of_office_is_not_part_of_the_name(quotes_of, quote_with, title):
    quotes = quotes_of(f"The mayor promised a balanced budget. {title} Dana Whitfield said on "
                       "Monday, “the city is spending money it does not have.”")
    assert quote_with(quotes, "spending money").speaker == "Dana Whitfield"
    quotes = quotes_of(f"But a city official, {title} Dana Whitfield, accused the mayor of "
                       "“spending money the city does not have.”")
    assert quote_with(quotes, "spending money").speaker == "Dana Whitfield"


def test_a_councilwoman_is_a_she(quotes_of, quote_with):
    """The title tells the gender: the "she" after it is hers, not the man named between."""
    quotes = quotes_of("Councilwoman Lee Whitfield met Mayor Tom Vale on Monday. “We cannot pay "
                       "for this,” she said.")
    assert quote_with(quotes, "cannot pay").speaker == "Lee Whitfield"
