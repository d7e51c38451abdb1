"""A comma inside the closing mark does not make a quoted fragment a label of the noun after
it (issue 20, round 14): the parser hangs the comma on the next clause's subject, and the
fragment was dropped as `a big “Star Wars” fan`. Made-up texts in the shapes of the PolNeAR
train tune half."""


def test_a_fragment_ending_in_a_comma_before_a_name_is_words_said(quotes_of, quote_with):
    """`After he blasted the film … for being too “pro-gay,” Pastor X has now set his sights
    on …`: found, and the fronted clause's "he" is the pastor."""
    quotes = quotes_of("Pastor Wants Scout Leaders To Quit. After he blasted the hit film "
                       "“Frozen“ and the fantasy books for being too “pro-gay,” Pastor Tom Reid "
                       "has now set his sights on the Scouts.")
    assert quote_with(quotes, "pro-gay").speaker == "Tom Reid"


def test_proclaims_a_fragment_before_a_title_and_name(quotes_of, quote_with):
    quotes = quotes_of("Aide Tom Sills sent the article. While Sills proclaims the article a "
                       "“terrific piece and well worth the trip,” Mayor Anne Keller fixates on "
                       "one line.")
    assert quote_with(quotes, "terrific piece").speaker == "Tom Sills"


def test_a_label_on_the_noun_after_it_is_still_no_quote(quotes_of):
    """(guard) `waved “Hispanics for X” signs`."""
    assert not quotes_of("The fans waved “Hispanics for Reid” signs at the rally.")
