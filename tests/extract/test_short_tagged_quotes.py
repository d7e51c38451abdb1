"""Round 12: short quoted sentences and their tags that earlier passes dropped or misread.
Made-up sentences."""

from __future__ import annotations


def test_a_comma_inside_the_mark_ends_a_quoted_sentence_before_a_lower_case_title(
        quotes_of, quote_with):
    # "councilmember" is a noun right after the closing mark, as "fan" is in `a big “Star
    # Wars” fan`; the comma inside the mark says the quote is a sentence, not a label.
    for said in ("“It’s settled,” councilmember Rosa Delgado said of the council’s support for "
                 "ending the contracts.",
                 "“That’s final,” councilmember Dana Whitlock said of the council’s support "
                 "for ending the contracts."):
        q = quote_with(quotes_of(said), "’s")
        assert q.speaker in ("Rosa Delgado", "Dana Whitlock")
        assert q.speaker_text is not None and q.speaker_text.startswith("councilmember")


def test_an_adverb_opening_a_sentence_is_no_person_for_a_pronoun(quotes_of, quote_with):
    # The model tagged "Nationally" PERSON, and the "he" after it took it as its antecedent.
    text = ("Mark Kantrowitz studies student debt. The amount of debt an average student has "
            "is affordable, he said.\n\n"
            "Nationally, about a quarter of students graduate with excessive debt, he said.")
    q = quote_with(quotes_of(text), "about a quarter")
    assert q.speaker == "Mark Kantrowitz"


def test_a_ministry_portfolio_is_no_person_name(quotes_of, quote_with):
    # "Foreign" is a title word ("Foreign Minister X"), so "Affairs" after it read as a
    # surname and "Foreign Affairs" was cut from the ministry as a person.
    text = ("“Such hasty and accusatory articles have spurred unnecessary fears among the "
            "public,” Cambodia’s Ministry of Foreign Affairs and International Cooperation "
            "said in a statement last week.")
    q = quote_with(quotes_of(text), "unnecessary fears")
    assert q.speaker is not None and q.speaker.startswith("Cambodia’s Ministry of Foreign")


def test_a_fronted_topic_is_not_the_speaker(quotes_of, quote_with):
    # The parser made "Of" the subject of "said" and the speaker its object's apposition.
    text = ("Eric Lindqvist attended the dinner. Of Carson, Lindqvist, who has given money to "
            "another candidate, said, “He’s flat-out scary. I think he’s a wonderful man.”")
    assert quote_with(quotes_of(text), "flat-out scary").speaker == "Eric Lindqvist"


def test_a_cue_under_might_or_may_reports_nothing_said(quotes_of):
    text = ("The speaker might say he is not interested in the nomination. But the video "
            "might convince people otherwise.")
    assert not quotes_of(text)
    text = "Halvorsen may say the bill is unfair, but the votes are not there."
    assert not quotes_of(text)
    # a statement reported as made still is one
    text = "Halvorsen said on Monday that the bill is unfair to farmers."
    assert quotes_of(text)[0].speaker == "Halvorsen"


def test_a_cue_coordinated_with_a_verb_under_may_reports_nothing_said(quotes_of):
    """(stop 59, a Baly opinion piece) "A person who is trapped in an elevator ... may panic
    and think she is going to die" gave the person a quote."""
    text = ("A person who is trapped in a lift during a power cut may panic and think she is "
            "going to die.")
    assert not [q for q in quotes_of(text) if "going to die" in q.text]
    # (guard) a past cue coordinated with a verb is a statement
    text = "Halvorsen panicked and said she was going to die."
    assert [q.speaker for q in quotes_of(text) if "going to die" in q.text] == ["Halvorsen"]


def test_a_clause_with_no_verb_is_no_reported_clause(quotes_of):
    """(stop 59, a Baly opinion piece) "the context was a group of adolescents trying to use
    the worst words and say the most insane things imaginable": the parser hung
    "imaginable" on "say" as its clause, and "the context" was given the quote."""
    text = ("I bore no animus whatsoever: the context was a group of adolescents trying to use "
            "the worst words and say the most insane things imaginable.")
    assert not [q for q in quotes_of(text) if "insane" in q.text]


def test_a_reported_clause_does_not_end_on_a_conjunction(quotes_of, quote_with):
    text = ("The Department of Homeland Security has warned border security could be affected, "
            "and Immigration and Customs Enforcement has already started releasing detainees "
            "from local jails in Arizona.")
    q = quote_with(quotes_of(text), "border security")
    assert q.text == "border security could be affected"


def test_the_report_is_not_the_issuer_of_another_kind_of_document(quotes_of, quote_with):
    # "the report" took the issuer of the latest document of any kind: the inmates' lawsuit.
    text = ("At least 4,893 detained people have contracted the virus, according to a report "
            "released Wednesday by the health agency.\n\n"
            "The inmates filed a class action lawsuit against the warden, seeking temporary "
            "release.\n\n"
            "\"Approximately one half of facilities with cases reported them among staff "
            "members but not among incarcerated persons,\" the report said.")
    q = quote_with(quotes_of(text), "Approximately one half")
    assert q.speaker != "inmates"
    assert q.speaker_text == "the report"
