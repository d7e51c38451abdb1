"""Neutral story titles: a backed, unloaded member headline, else a "who did what" from the
most shared lead; never a quote fragment or a dateline."""

from __future__ import annotations

from pathlib import Path

from newsprism.model import Article
from newsprism.stories.title import headline_shape, is_loaded, story_title, who_did_what

LEAD = ("The river authority opened the new Dalby flood barrier on Tuesday after four years of "
        "building, officials said. The barrier protects some 9,000 homes.")


def art(aid: str, text: str, title: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, title=title)


def test_backed_headline_wins_over_a_loaded_or_unbacked_one() -> None:
    members = [art("a", LEAD, "Officials slam shocking flood barrier fiasco"),
               art("b", LEAD.replace("Tuesday", "Tuesday morning"),
                   "River authority opens Dalby flood barrier"),
               art("c", LEAD, "Local football club wins the regional cup final")]
    assert story_title(members, {}) == "River authority opens Dalby flood barrier"


def test_quote_fragment_and_dateline_are_never_titles() -> None:
    quote_title = "The deal will \u201cfurther our will\u2026\u201d he added"
    assert not headline_shape(quote_title)
    assert not headline_shape("`` They have the right . ''")
    assert not headline_shape("WASHINGTON \u2014 Representative Jane Roe said on Monday")
    members = [art("a", "WASHINGTON \u2014 " + LEAD, quote_title),
               art("b", "\u201cWe are safe now,\u201d a resident said.\n\n" + LEAD)]
    title = story_title(members, {})
    assert title == "The river authority opened the new Dalby flood barrier on Tuesday"
    assert "\u201c" not in title and "WASHINGTON" not in title


def test_who_did_what_drops_attribution_and_side_clauses() -> None:
    s = ("DAMASCUS (Agency) -- Norland plans to strengthen the border posts as part of a wider "
         "agreement between the allies, the defence chief said here on Wednesday.")
    assert who_did_what(s.split("-- ", 1)[1]) == "Norland plans to strengthen the border posts"
    long = ("The Senate on Wednesday passed a major conservation bill that would permanently "
            "direct hundreds of millions of dollars to parks")
    assert who_did_what(long) == "The Senate on Wednesday passed a major conservation bill"


def test_loaded_terms_come_from_the_lexicon() -> None:
    assert is_loaded("The regime cracked down on protesters")
    assert not is_loaded("The government closed the border")


def test_seed_story_title_is_a_headline(seeds_dir: Path, settings) -> None:  # noqa: ANN001
    from newsprism.clean.article import clean_article
    from newsprism.readers import read_inputs

    arts = [clean_article(a, settings) for a in read_inputs([str(seeds_dir)], settings)
            if isinstance(a, Article)]
    title = story_title(arts, {})
    assert title in {a.title for a in arts if a.title}
    assert headline_shape(title) and not is_loaded(title)


def test_a_kicker_before_a_colon_is_part_of_the_headline_an_opinion_label_is_not() -> None:
    kicker = "Dalby floods: River authority opens new flood barrier"
    assert headline_shape(kicker)
    members = [art("a", LEAD, kicker), art("b", LEAD.replace("Tuesday", "Tuesday morning"))]
    assert story_title(members, {}) == kicker
    for label in ("OPINION: River authority opens new flood barrier",
                  "FACT CHECK: River authority opens new flood barrier",
                  "Analysis - River authority opens new flood barrier"):
        assert not headline_shape(label)


def test_titled_articles_never_make_an_untitled_story() -> None:
    # Every lead carries a loaded term and no headline reads as a plain one (a quote, a
    # question): the outlet's own headline, not "Untitled story".
    loaded = "Officials said the shocking flood barrier fiasco cost millions. It opened Tuesday."
    members = [art("b", loaded, "Will the \u2018new\u2019 barrier hold?"),
               art("a", loaded, "Mayor: barrier is \u2018a fine day\u2019 for Dalby")]
    assert story_title(members, {}) == "Mayor: barrier is \u2018a fine day\u2019 for Dalby"
    assert story_title([art("c", loaded)], {}) == "Untitled story"


def test_an_agency_in_brackets_opening_the_lead_is_a_dateline() -> None:
    # Real text (stop 48): "(CNN) Republicans aren't waiting for ..." was a story's title.
    loaded = "Officials slam shocking flood barrier fiasco"
    members = [art("a", "(Kelby Wire) " + LEAD, loaded), art("b", "(KNN) - " + LEAD, loaded)]
    title = story_title(members, {})
    assert title.startswith("The river authority opened"), title
    # Real text (stop 54): "Washington (CNN) - President Obama continues ...": a place in
    # normal case before the agency.
    for opening in ("Dalby (KNN) - ", "New Dalby (Kelby Wire) -- ", "St. Dalby (KNN) \u2014 "):
        title = story_title([art("a", opening + LEAD, loaded)], {})
        assert title.startswith("The river authority opened"), title


def test_a_weakly_backed_headline_beats_a_lead_sentence() -> None:
    # Real text (stop 53): a story of loosely related members whose headlines share few words
    # with the others' leads was titled with one member's opening sentence, "That's more or
    # less what Hinton, 25, had been hoping for". The best backed headline is the title now.
    members = [
        art("a", "That was more or less what Kerrow, 25, had been hoping for when the Dalby "
                 "hall opened its doors on Friday night after the floods.",
            "Kerrow's long wait ends as concert doors open"),
        art("b", "The river authority says the new barrier kept the Dalby hall dry through "
                 "the spring floods, and repairs to the old roof are done.",
            "Barrier held through spring, river authority says")]
    assert story_title(members, {}) in {"Kerrow's long wait ends as concert doors open",
                                        "Barrier held through spring, river authority says"}


def test_an_editors_note_is_never_a_title() -> None:
    note = ("Editor's Note: A photo collage which originally accompanied this story included "
            "an image that was not taken at the scene.")
    members = [art("a", note + "\n\n" + LEAD),
               art("b", "Editor\u2019s note: an earlier version of this story misnamed the "
                        "barrier's builder and has been corrected.\n\n" + LEAD)]
    title = story_title(members, {})
    assert title == "The river authority opened the new Dalby flood barrier on Tuesday"


def test_a_story_of_one_takes_its_own_quoting_or_asking_headline() -> None:
    # Real text (stop 54): single-article stories whose headline quoted or asked were titled
    # with a cut lead ("The murder trial of a former Dallas cop who shot", "ProPublica is a
    # nonprofit newsroom that investigates abuses of power"). Their own headline is the title.
    quoting = "Mayor calls Dalby barrier 'a fine day' for the valley"
    asking = "Will the new Dalby barrier hold next spring?"
    for headline in (quoting, asking):
        assert not headline_shape(headline) and headline_shape(headline, own=True)
        assert story_title([art("a", LEAD, headline)], {}) == headline
        # With a second outlet the title stands for both: no quotation, no question.
        pair = [art("a", LEAD, headline), art("b", LEAD.replace("Tuesday", "Tuesday morning"))]
        assert story_title(pair, {}) != headline
    # A loaded headline or an opinion label still gives way to the lead.
    for headline in ("Mayor slams 'shocking' Dalby barrier delay", "OPINION: Will it hold?"):
        title = story_title([art("a", LEAD, headline)], {})
        assert title.startswith("The river authority opened"), title


def test_an_apostrophe_inside_a_word_is_no_quotation() -> None:
    # Real text (stop 54): "Obama's foolish proposals won't fix ..." was refused as a quote
    # pair, the "'s" and the "n't" taken for quotation marks.
    assert headline_shape("Velmar's mayor won't back the new barrier plan")
    assert headline_shape("Farmers' union can't stop Dalby barrier")
    assert not headline_shape("Velmar's mayor calls barrier 'a fine day' for Dalby")
    assert not headline_shape("Mayor says barrier plan \u2018won\u2019t hold\u2019")
