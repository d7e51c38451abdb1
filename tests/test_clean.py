"""clean_article: metadata recovery from messy headers and boilerplate removal (pure)."""

from __future__ import annotations

import pytest

from newsprism.clean.article import clean_article
from newsprism.clean.lines import drop_link_cards, is_widget
from newsprism.model import Article

P1 = ("The regional water agency said on Wednesday that reservoirs had fallen to 38 percent of "
      "capacity, the lowest level recorded in July since measurements began.")
P2 = ("Farmers' groups called for emergency aid and said that limits on irrigation would hit "
      "fruit growers hardest, while the agency promised a decision within a week.")
P3 = "Officials said they would publish daily figures until the autumn rains arrive."


def clean(text: str, settings, **meta) -> Article:
    return clean_article(Article(id="t", source="t.txt", text=text, **meta), settings)


@pytest.mark.parametrize("header,want", [
    # A crawl/"today" banner above the labelled publish date.
    ("Thursday 13 August 2020\nNews ID: 123\nPublish Date: 08 July 2020 - 22:26\n"
     "Reservoirs Fall to Record Low", "2020-07-08"),
    # Same banner, publish date unlabelled but on its own line below.
    ("Monday, 17 August 2020\nReservoirs Fall to Record Low\nJuly 8, 2020", "2020-07-08"),
    # A plain "date" label.
    (" date 2020-07-10 Posted on by someblogger", "2020-07-10"),
    # Retrieved/accessed dates never count.
    ("Retrieved on 30 September 2020\nPosted on July 8, 2020 by Ana Ruiz", "2020-07-08"),
    # Updated comes second to published, wherever it stands.
    ("Last updated: 21 December 2020 09:00 | First published: 8 July 2020", "2020-07-08"),
    # Only an updated date: better than nothing.
    ("Updated 9 July 2020", "2020-07-09"),
    # Nothing labelled: a date the body supports (it mentions July 7) beats a later one.
    ("September 30, 2020\nJuly 8, 2020", "2020-07-08"),
])
def test_publish_date_rules(settings, header, want):
    body = P1.replace("on Wednesday", "on July 7") if "September 30" in header else P1
    art = clean(header + "\n" + body + "\n\n" + P2, settings)
    assert art.published_date == want
    assert art.text.startswith(body[:40])


def test_title_byline_outlet_from_header(settings):
    text = ("12 March 2021 The Valley Courier - Local news Home News Sport Opinion Weather\n"
            "Reservoirs fall to record low as drought deepens\n"
            "By VALLEY COURIER STAFF\nMARCH 12, 2021 09:10\n" + P1 + "\n" + P2)
    art = clean(text, settings)
    assert art.title == "Reservoirs fall to record low as drought deepens"
    assert art.outlet == "The Valley Courier"
    assert art.byline == "Valley Courier Staff"
    assert art.published == "2021-03-12T09:10"
    assert art.text.split("\n")[0] == P1


def test_no_title_invented_from_a_sentence(settings):
    assert clean(P1 + "\n\n" + P2, settings).title is None


def test_captions_credits_widgets_and_footer(settings):
    text = "\n".join([
        "A farmer checks a dry channel near the village, July 2020 (photo credit: JANE DOE/AGENCY)",
        "A farmer checks a dry channel near the village, July 2020",
        "(photo credit: JANE DOE/AGENCY)",
        P1,
        "Workers inspect the dam wall on Tuesday. (AP Photo/John Roe)",
        "Photo: Reuters",
        "Share this:",
        "Advertisement",
        "We use cookies to give you the best experience. Accept cookies",
        "Subscribe to our newsletter for the latest news",
        P2,
        "Home | News | Sport | Business | Contact",
        P2,
        P3,
        "* Comment:",
        "",
        "About Valley Courier",
        "Valley Courier is an independent paper covering the valley since 1901.",
    ])
    art = clean(text, settings)
    assert art.text.split("\n") == [P1, P2, P3]
    assert art.outlet == "Valley Courier"


def test_about_in_prose_is_not_a_footer(settings):
    text = "\n\n".join([P1, P2, "About two hours later, the rain began.", P3])
    assert "About two hours later" in clean(text, settings).text


def test_metadata_from_html_or_jsonl_is_trusted(settings):
    art = clean("Reservoirs fall\n" + P1, settings, title="Reservoirs fall | Valley Courier",
                outlet="Valley Courier", published="2020-07-08", byline="Ana Ruiz")
    assert art.title == "Reservoirs fall"  # the site suffix is not part of the headline
    assert (art.outlet, art.published, art.byline) == ("Valley Courier", "2020-07-08",
                                                       "Ana Ruiz")
    assert art.text == P1  # the headline repeated as the first line is dropped


def test_wrong_metadata_is_replaced(settings):
    text = "Drought deepens in the valley\nPublished: 8 July 2020\n" + P1
    extracted = (("extracted_by", '"trafilatura"'),)
    art = clean(text, settings, title="Valley Courier", outlet="Valley Courier",
                published="2020-08-20", metadata=extracted)  # title = site, date = an update
    assert art.title == "Drought deepens in the valley"
    assert art.published == "2020-07-08"
    # Curated metadata (JSONL, no extractor) keeps its date even against the page's label.
    assert clean(text, settings, published="2020-08-20").published == "2020-08-20"


def test_language_is_set_and_other_languages_kept(settings):
    assert clean(P1 + "\n" + P2, settings).language == "en"
    es = ("El Gobierno aprobó el miércoles un plan de ayudas para los agricultores afectados por "
          "la sequía, que ha reducido las reservas de agua a mínimos históricos.")
    art = clean(es, settings)
    assert art.language == "es" and art.text == es
    assert clean("Ok.", settings).language is None


def test_idempotent_and_pure(settings):
    raw = Article(id="t", source="s", text="Monday 3 August 2020\nPosted on July 8, 2020\n"
                  "A Headline Here\n" + P1 + "\n\nShare this:\n" + P2)
    once = clean_article(raw, settings)
    assert clean_article(once, settings) == once
    assert raw.text.startswith("Monday")  # the input is untouched


def test_repeated_lines_kept_once(settings):
    art = clean("\n\n".join([P1, P2, P1, P3, P2]), settings)
    assert art.text.split("\n\n") == [P1, P2, P3]


def test_wire_credit_line_and_outlet_address_footer(settings):
    text = "\n".join([P1, P2, "(Reporting by Ana Ruiz; Editing by Sam Roe)",
                      "Valley Courier, 12 Mill Lane"])
    art = clean(text, settings, outlet="Valley Courier")
    assert art.text.split("\n") == [P1, P2]


@pytest.mark.parametrize("header,title,outlet,byline", [
    ("Harbor Wire | World Desk\n12 March 2024 09:15 GMT\nCouncil approves the harbour budget",
     "Council approves the harbour budget", "Harbor Wire", None),
    ("Home > World > Europe\nCOUNCIL APPROVES THE HARBOUR BUDGET\n"
     "By Jane Doe | Harbor Wire | Updated: 12 March 2024 12:30\n5 min read",
     "COUNCIL APPROVES THE HARBOUR BUDGET", None, "Jane Doe"),
    ("Listen to this article\nCouncil approves the harbour budget\nPosted on 12 March 2024",
     "Council approves the harbour budget", None, None),
])
def test_header_variants(settings, header, title, outlet, byline):
    art = clean(header + "\n\n" + P1 + "\n\nShare: Facebook | Telegram | Email\n\n" + P2,
                settings)
    assert (art.title, art.outlet, art.byline) == (title, outlet, byline)
    assert art.published_date == "2024-03-12"
    assert art.text.split("\n\n") == [P1, P2]


def test_a_short_opening_sentence_is_not_taken_for_a_title(settings):
    art = clean("It's official.\n\n" + P1 + "\n\n" + P2, settings)
    assert art.title is None and art.text.startswith("It's official.")


@pytest.mark.parametrize("furniture", [
    "Image copyright Valley Images Image caption Reservoir levels seen from the air on Tuesday",
    "Image copyright Getty Images",
    "Media playback is unsupported on your device Media caption What the drought means for farms",
    "Enlarge this image toggle caption Jane Roe/AP Jane Roe/AP",
    "Story Continued Below",
    "Farmers gather near the dry channel on Friday. Jane Roe/Getty Images",
    # The wire's credit, agency first, and a credit chain after "Photograph:" (round 11).
    "Farmers gather near the dry channel in Fresno, U.S. May 2, 2024. Picture taken May 2, "
    "2024. REUTERS/ Jane Roe",
    "Facebook Twitter Pinterest Farmers gather near the channel. Photograph: Jane Roe/AFP/Getty "
    "Images",
    # A video player's text: labels, the clip's title twice and its duration.
    "JUST WATCHED Farmers count the cost of drought Replay More Videos ... MUST WATCH Farmers "
    "count the cost of drought 02:09",
    # A link to another story: its headline and "Read more".
    "Reservoir levels: what the drought means for your water bill Read more",
    "( PHOTOS: Ten dry reservoirs seen from the air)",
    # Stop 43, real text: a site's "More:" links under the story, a space after the colon or
    # not (468 such lines in the 12,000 Baly articles); one made a false consensus item.
    "More: What the drought means for your water bill",
    "More:Farmers to get relief payments once the drought order is lifted",
    "MORE:Reservoirs fall to record low as drought deepens",
    # An archive page's age banner (stop 43, real text: it became a story's title).
    "This article is more than 7 months old",
    "This article is more than 1 year old",
    # A promo for another story (caption | credit headline), and a bare "Photo:" credit.
    "The mayor speaks on Friday. | Jane Roe/AP Photo Council delays vote on water limits",
    "Farmers gather near the dry channel on Friday. Photo: Getty Images",
])
def test_media_player_and_photo_furniture_is_not_article_text(settings, furniture):
    art = clean("\n\n".join([P1, furniture, P2]), settings)
    assert art.text.split("\n\n") == [P1, P2]


def test_a_furniture_line_at_the_top_is_not_the_title(settings):
    text = "\n\n".join(["Image copyright Valley Images Image caption Farmers at a dry channel",
                        "Reservoirs fall to record low as drought deepens", P1, P2])
    assert clean(text, settings).title == "Reservoirs fall to record low as drought deepens"


def test_a_video_player_run_into_a_paragraph_is_cut_from_it(settings):
    player = ("JUST WATCHED Agency: 'Reservoirs at record low' Replay More Videos ... MUST WATCH "
              "Agency: 'Reservoirs at record low' 01:55")
    art = clean("\n\n".join([P1, f"{P2} {player} {P3}"]), settings)
    assert art.text.split("\n\n") == [P1, f"{P2} {P3}"]


def test_a_story_highlights_label_is_cut_and_its_bullet_kept(settings):
    bullet = "Farm groups say the limits on irrigation hit fruit growers hardest"
    art = clean("\n\n".join([f"Story highlights {bullet}", P1, P2]), settings,
                title="Reservoirs fall to record low")
    assert art.text.split("\n\n")[0] == bullet


@pytest.mark.parametrize("prose", [
    # Prose that mentions images, captions or a slash is kept.
    "Image rights were at the centre of the dispute, the agency said in a statement on Monday.",
    "The caption on the poster read that the water was safe, officials told reporters.",
    "The report was filed jointly by the two wire services, AP/Reuters said.",
    "The data came from a poll published on Monday by the FBI/Justice Department.",
    "The clip was titled Just Watched and shared widely, officials said on Monday.",
    "Story highlights of the season were shown again at the meeting, the agency said.",
    "Officials urged farmers who wanted the details to visit the agency's website and read more",
    "The agency's chief said the photos would be shown at the meeting | Reuters reported.",
    "The exhibit, titled Photo: A Century of Farms, ran for a year, the agency said.",
])
def test_prose_mentioning_images_is_kept(settings, prose):
    assert prose in clean("\n\n".join([P1, prose, P2]), settings).text


@pytest.mark.parametrize("line, widget", [
    ("The Harbour Ledger has reporters up and down the coast bringing you trustworthy stories "
     "about the storm and its damage. To help keep this news free, become a member .", True),
    ("Readers like you keep us going. Support our reporting today.", True),
    ("The island has long sought to become a member of the trade bloc.", False),
    ("Volunteers help keep the shelter free of charge for every family.", False),
])
def test_membership_appeals_are_boilerplate(line, widget):
    assert is_widget(line) is widget


@pytest.mark.parametrize("line, widget", [
    ("CLOSE Claims by the former adviser are casting a shadow over the harbour inquiry. "
     "(Jan. 27) Coast Wire", True),
    ("Close to 100 people marched to the harbour on Monday.", False),
    # a staff credit line: two outlets' "X contributed to this report" made a consensus item
    ("- Coast Wire Political Producer Ana Lind contributed to this report", True),
    ("Tom Hale and Rita Vance contributed reporting from Varlen.", True),
    ("The harbour board contributed to this report's findings, the mayor said on Monday.",
     False),
])
def test_a_video_players_caption_block_is_not_text(line, widget):
    """Stop 36, real text: a video player's block ("CLOSE" button, clip caption, credit) opened
    many network pages, and its caption became a summary sentence ("According to X, CLOSE
    Claims by ...")."""
    assert is_widget(line) is widget


@pytest.mark.parametrize("line, widget", [
    ("( Also on HARBOUR DAILY: Mayor sells water deal to council)", True),
    ("ALSO ON The Coast Post: Ferry strike ends", True),
    ("Also on Saturday, the ferry company struck a deal with the union: pay rises of 4%.",
     False),
    ("Also on the agenda were the harbour tolls.", False),
])
def test_cross_links_to_other_stories_are_not_text(line, widget):
    """A cross-link line read as text put "Mayor sells water deal" beside the story's own
    statements, and compare matched it as one with another subject."""
    assert is_widget(line) is widget


def test_all_capital_promo_lines_are_not_article_text(settings):
    """Inline promo headlines and app plugs in capitals sit between paragraphs of many sites'
    pages; one read as text gave a quote to "MAYOR SLAMS" as its speaker."""
    promo = "MAYOR SLAMS WATER AGENCY OVER 'RECKLESS' LIMITS, SAYS FARMERS WILL PAY"
    plug = "CLICK HERE TO GET OUR NEWS APP"
    art = clean("\n\n".join([P1, promo, P2, plug, P3]), settings)
    assert art.text.split("\n\n") == [P1, P2, P3]


def test_capitals_kept_where_they_are_the_text_or_a_quote(settings):
    shouted = [p.upper() for p in (P1, P2, P3)]
    assert clean("\n\n".join(shouted), settings).text.split("\n\n") == shouted
    quoted = "\u201cWE WILL NOT PAY FOR THEIR MISTAKES AGAIN\u201d"
    art = clean("\n\n".join([P1, quoted, P2]), settings)
    assert quoted in art.text


def test_a_promo_line_opening_with_a_quoted_name_is_not_text(settings):
    """Stop 59, real text: "'THE VIEW' GETS TESTY: MEGHAN MCCAIN ASKS ..." between two
    paragraphs kept its quoted show name as a quote of the speaker before it. A line quoted
    whole, with an apostrophe inside ("DON’T"), stays."""
    promo = "\u2018HARBOUR HOUR\u2019 GETS TESTY: MAYOR ASKS AGENCY CHIEF WHY HE STAYS"
    whole = "\u2018WE DON\u2019T WANT A NEW WATER WAR\u2019"
    art = clean("\n\n".join([P1, promo, P2, whole, P3]), settings)
    assert art.text.split("\n\n") == [P1, P2, whole, P3]


def test_a_fold_buttons_label_before_the_headline_is_cut(settings):
    """Stop 59, real text: seven pages of one outlet open with their fold button's "Collapse"
    glued to the headline, and "Collapse Trump" became a person. A headline about a collapse,
    or "Collapse" further down, stays."""
    head = "Reservoirs fall to record low as drought deepens"
    art = clean("\n\n".join([f"Collapse {head}", P1, P2]), settings)
    assert art.title == head and "Collapse" not in art.text
    for first in ("Collapse of the old dam leaves farmers without water", head):
        rest = "Collapse Risk Grows, the engineers wrote in a short note to the agency."
        art = clean("\n\n".join([first, P1, rest, P2]), settings)
        assert art.title == first and rest in art.text


CARD = ("Gov. Ana Ruiz Ana (Annie) Maria RuizCity council delays vote on the dam | Farm bill "
        "advances Ruiz says the reservoir plan 'will not wait' MORE")


def test_inline_link_cards_are_cut_from_the_sentence(settings):
    """Some sites print a card after a linked name: the full name glued to a few headlines,
    closed by "MORE". Read as text, its headlines became sentences and its "says" a quote."""
    line = (CARD.replace("Gov. ", "") + " (D-Ore.) said the agency must publish daily figures, "
            "and Rep. Bo Chen Bo Wei ChenBudget talks stall 2020 hopefuls meet MORE agreed.")
    art = clean("\n\n".join([P1, "Gov. " + line, P2]), settings)
    assert art.text.split("\n\n") == [
        P1, "Gov. Ana Ruiz (D-Ore.) said the agency must publish daily figures, and Rep. Bo "
        "Chen agreed.", P2]
    # A card at the end of its line, and one whose glue became a space.
    assert drop_link_cards("Asked about it, " + CARD) == "Asked about it, Gov. Ana Ruiz"
    assert drop_link_cards("Speaker Paul Ruiz Paul Davis Ruiz Retirees say no to the plan MORE "
                           "(R-Wis.) left.") == "Speaker Paul Ruiz (R-Wis.) left."
    # A card with no headline ends in "MORE" glued to the name: the cut stops there and
    # never runs on through the prose to a later card.
    assert drop_link_cards("Some fear that manager Ana Ruiz Ana (Annie) Maria RuizMORE is in "
                           "over her head. And Joe Lee Joe Li LeeFox poll out MORE.") == \
        "Some fear that manager Ana Ruiz is in over her head. And Joe Lee."


@pytest.mark.parametrize("line", [
    "She posts YouTube videos daily and says the city needs MORE THAN promises.",
    "Funds went to two groups, OBS and MORE, the foundation said.",
    "Ana Ruiz met Ana Ruiz Lopez in May; the council wants MORE.",
    "Joe Ruiz Joe Ruiz Says Yes to the plan MORE",  # a one-word card name and a space: unsure
])
def test_lines_that_only_look_like_link_cards_are_kept(line):
    assert drop_link_cards(line) == line


def test_a_credit_through_getty_images_closes_a_caption():
    """Real Baly text: "Robert Mueller Photographer: Saul Loeb/AFP via Getty Images" was read
    as prose, and as a quote of "Robert Mueller Photographer"."""
    from newsprism.clean.lines import is_caption

    assert is_caption("Mayor Dana Whitlow Photographer: Jane Roe/AFP via Getty Images")
    assert not is_caption("The mayor said the photos would be sold via Getty Images and others.")


def test_text_read_back_as_windows_1252_is_repaired(settings):
    """100 of the 12,000 Baly titles read "WeÃ¢â‚¬â„¢re Talking" (UTF-8 read back as
    Windows-1252, twice), and showed so in the story table. Real accented text is left alone."""
    from newsprism.clean import clean_article
    from newsprism.text import repair_mojibake

    assert repair_mojibake("Now WeÃ¢â‚¬â„¢re Talking") == "Now We’re Talking"
    assert repair_mojibake("The councilâ€™s vote") == "The council’s vote"
    for fine in ("Café au lait in São Paulo", "ÂGE D'OR", "naïve résumé", "日本 Ãx"):
        assert repair_mojibake(fine) == fine
    a = clean_article(Article(id="m", source="m.txt", title="The mayorÃ¢â‚¬â„¢s plan",
                              text="The councilâ€™s vote was close, officials said on Monday."),
                      settings)
    assert a.title == "The mayor’s plan" and a.text.startswith("The council’s vote")


@pytest.mark.parametrize("line, widget", [
    ("Interested in Harbour Politics? Add Harbour Politics as an interest to stay up to date on "
     "the latest Harbour Politics news, video, and analysis from Coast Wire. Add Interest", True),
    ("Officials urged residents to stay up to date on the latest forecasts.", False),
    # "©" after a space: the word boundary the other markers start with never falls there
    ("Copyright © 2020 The Harbour Ledger, LLC. Click here for reprint permission.", True),
    ("© 2019 Coast Wire. All Rights Reserved.", True),
])
def test_a_follow_this_topic_box_is_not_text(line, widget):
    """Stop 45, real text: a network's "Add X as an interest" box (29 of the 12,000 Baly texts)
    and a newspaper's copyright line became summary sentences ("According to X, Add Donald
    Trump as an interest ...", "According to X, copyright © 2020 ...")."""
    assert is_widget(line) is widget


@pytest.mark.parametrize("line, widget", [
    # promo cards with their label and no colon, headline and teaser run on (stop 47, real
    # text: a teaser's "… Mothers Should Know The experience …" was read as a quote)
    ("Read More Harbour Towns Brace for the Dry Summer Our reporting found that three "
     "reservoirs fell below their winter levels. Officials say the worst is still ahead.", True),
    ("Related Coverage Council delays vote on water limits", True),
    ("Related Video The drought has cut river traffic in half. Photo: Getty Images", True),
    ("see also Mayor defends water limits The mayor defended the limits on Tuesday...", True),
    ("Read more about the water limits here.", True),
    # prose that opens with such words, and a long paragraph after a stray label, stays
    ("Related to that, the board asked how the limits would be enforced.", False),
    ("Read more" + " and more of the report, the council said," * 30 + " it is all there.",
     False),
])
def test_promo_cards_without_a_colon_are_not_text(line, widget):
    assert is_widget(line) is widget


DATELINED = ("VARLEN, Coastland — The regional water agency said on Wednesday that reservoirs had "
             "fallen to 38 percent of capacity.")


@pytest.mark.parametrize("furniture", [
    ["Kevin Jones and Erin Kell", "COAST WIRE TODAY"],  # writers and the outlet, no "By"
    ["Rita Vance, Tom Hale and Ana Lind", "Special for Coast Wire"],
    ["Photo"],
])
def test_names_and_labels_above_a_dateline_are_not_text(settings, furniture):
    """Stop 47, real text: a wire page's writers and outlet printed as lines above the
    paragraph that opens on the dateline (the names became people of the story)."""
    art = clean("\n\n".join([*furniture, DATELINED, P2]), settings)
    assert art.text.split("\n\n") == [DATELINED, P2]


@pytest.mark.parametrize("before", [
    # a sentence above the dateline (a caption, a standfirst) stays
    "Farmers inspect a dry channel near Varlen on Tuesday.",
    # a short line below the dateline is the text's own
    None,
])
def test_only_furniture_above_a_dateline_goes(settings, before):
    if before is None:
        art = clean("\n\n".join([DATELINED, "Water limits begin Monday", P2]), settings)
        assert art.text.split("\n\n") == [DATELINED, "Water limits begin Monday", P2]
    else:
        art = clean("\n\n".join([before, DATELINED, P2]), settings)
        assert art.text.split("\n\n") == [before, DATELINED, P2]
