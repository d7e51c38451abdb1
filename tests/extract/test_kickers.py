"""Round 11: a newsletter's all-capitals headline right before a quote is the quote's source as
written and names no speaker; a capitalised label that names a person still signs its quote.
Made-up sentences."""

from __future__ import annotations

from newsprism.extract.turns import caps_kicker

NEWSLETTER = (
    "The Morning Letter: the week ahead.\n\n"
    "TOP STORIES.\n\n"
    "FARMERS BRACE FOR A LONG DROUGHT “The reservoirs are at their lowest level in forty "
    "years, and the rains are not coming.” [Tribune.]\n\n"
    "MORE FROM THE MAYOR: ‘We Will Rebuild The Dam’: Mayor Lena Ortiz Speaks On The Flood\n\n"
    "ASK YOURSELF ONE QUESTION: ‘DO I NEED A NEW CAR?’ WELL, DO YA? - Drivers should "
    "slow down.\n\n"
    "Mayor Lena Ortiz said the city would rebuild the dam within two years.")


def test_a_capitals_headline_before_a_quote_is_its_source_and_no_speaker(quotes_of, quote_with):
    q = quote_with(quotes_of(NEWSLETTER), "reservoirs")
    assert q.speaker_text == "FARMERS BRACE FOR A LONG DROUGHT"
    assert q.speaker is None


def test_a_capitals_headline_with_a_colon_names_no_speaker(quotes_of):
    quotes = quotes_of(NEWSLETTER)
    assert all(q.speaker is None for q in quotes if "NEW CAR" in q.text)
    assert all(q.speaker is None for q in quotes if "Rebuild The Dam" in q.text)


def test_a_capitals_name_label_still_signs_its_quote(quotes_of, quote_with):
    text = ("Mayor Lena Ortiz spoke at the town hall on Tuesday night.\n\n"
            "MAYOR LENA ORTIZ: “We will rebuild the dam, and we will do it within two years.”")
    assert quote_with(quotes_of(text), "rebuild the dam").speaker == "Lena Ortiz"


def test_caps_kicker_needs_two_capital_words_right_before_the_mark():
    text = "ROLL TIDE “What a game.”\nRoll Tide “What a game.”\nTIDE “Game.”\nART BEAT—“A”"
    assert caps_kicker(text, text.index("What")) == (0, 9)
    assert caps_kicker(text, text.index("What", 20)) is None
    assert caps_kicker(text, text.index("Game.")) is None
    assert caps_kicker(text, text.index("A”")) is None
