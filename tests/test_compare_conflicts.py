"""Conflicts an analyst can trust (issue 20): like compared with like, a confidence and a why
on every conflict, abstention when in doubt. Short articles run through the real line."""

from __future__ import annotations

import pytest

from newsprism.compare.conflicts import CONFIDENT_AT, make_conflict
from newsprism.compare.story import mark_disputed
from newsprism.model import Article, Conflict, ConflictVersion, Consensus, Span


@pytest.fixture(scope="module")
def line(settings):
    pytest.importorskip("newsprism.extract.quotes")
    from newsprism.eval.compare import run_story

    def run(*texts: str, published: str = "2020-07-08"):
        arts = [Article(id=f"a{i}", source=f"a{i}.txt", text=t, outlet=f"o{i}",
                        published=published) for i, t in enumerate(texts)]
        story, _ = run_story(arts, settings)
        return story
    return run


FILLER = ("The town council met for two hours on the plan. One resident said three roads were "
          "closed and two bridges needed repair. Officials gave no further details.\n\n")


def _kinds(story, kind):
    return [c for c in story.conflicts if c.kind == kind]


def test_status_follows_confidence():
    v = (ConflictVersion("1", ("a",)), ConflictVersion("2", ("b",)))
    assert make_conflict("quantity", "x", v, CONFIDENT_AT, "rule").status == "confident"
    low = make_conflict("quantity", "x", v, CONFIDENT_AT - 0.01, "rule")
    assert low.status == "possible" and low.why == "rule"


def test_word_figures_change_found_inside_full_articles(line):
    # Bare small numbers elsewhere in the article ("two hours", "three roads") once hid it.
    a = FILLER + "Officials said three soldiers were killed in the attack on the northern base."
    b = FILLER + "Officials said twelve soldiers were killed in the attack on the northern base."
    (c,) = _kinds(line(a, b), "quantity")
    assert {v.value for v in c.versions} == {"three soldiers", "twelve soldiers"}
    assert c.status == "confident" and c.why.startswith("quantity:")


def test_per_item_and_far_apart_figures_are_no_conflict(line):
    a = "The four senators each sold hundreds of thousands of dollars in stocks last month."
    b = "The four senators sold millions of dollars in stocks last month, records show."
    assert _kinds(line(a, b), "quantity") == []
    a = "Congress approved payments of up to $1,200 for most adults in the relief bill."
    b = "Congress approved payments of $1 trillion for most adults in the relief bill."
    assert _kinds(line(a, b), "quantity") == []


def test_same_words_no_conflict_and_vague_ranges(line):
    same = "Officials said three soldiers were killed in the attack on the northern base."
    assert _kinds(line(FILLER + same, FILLER + same), "quantity") == []
    a = "Hundreds of protesters marched through the capital on Sunday against the new law."
    b = "Thousands of protesters marched through the capital on Sunday against the new law."
    (c,) = _kinds(line(a, b), "quantity")
    assert len(c.versions) == 2


def test_part_and_whole_are_no_conflict(line):
    a = "The plane carried 246 passengers when it crashed into the sea off the coast."
    b = "The plane carried some 420 passengers and crew when it crashed into the sea."
    assert _kinds(line(a, b), "quantity") == []


def test_units_are_converted(line):
    a = "The rebels marched 10 miles from the border to the provincial capital overnight."
    same = "The rebels marched 16 kilometers from the border to the provincial capital overnight."
    far = "The rebels marched 50 kilometers from the border to the provincial capital overnight."
    assert _kinds(line(a, same), "quantity") == []
    # A converted figure is rounded: "1.8 meters" is the "6 feet" it stands for.
    six = "Visitors must stand 6 feet apart from each other inside the city hall building."
    metres = "Visitors must stand 1.8 meters apart from each other inside the city hall building."
    assert _kinds(line(six, metres), "quantity") == []
    (c,) = _kinds(line(a, far), "quantity")
    assert {v.value for v in c.versions} == {"10 miles", "50 kilometers"}


def test_cents_are_not_percent_and_increments_are_not_totals(line):
    a = "Gas prices rose 16 cents in a month to the highest level in seven years, AAA said."
    b = "Gas prices rose 58% in a year to the highest level in seven years, AAA said."
    assert _kinds(line(a, b), "quantity") == []
    a = "The storm could bring 15 more inches of rain to the coast of North Carolina."
    b = "The storm brought more than 35 inches of rain to the coast of North Carolina."
    assert _kinds(line(a, b), "quantity") == []


def test_future_weekday_is_the_coming_one(settings, nlp):
    from newsprism.extract.claims import find_dates

    text = "The company will deliver the vaccine on Monday. It delivered masks on Monday."
    art = Article(id="a", source="a", text=text, published="2020-07-08")  # a Wednesday
    got = [d.date for d in find_dates(art, nlp(text))]
    assert got == ["2020-07-13", "2020-07-06"]


@pytest.mark.parametrize(("text", "expected"), [
    # stop 55, real text: a present simple with the day as its adverbial is scheduled
    ("Democrats gather for their national convention on Tuesday.", "2020-07-14"),
    ("The council member, who has a bail hearing Friday, declined to comment.", "2020-07-10"),
    # (guards) a day naming a thing, "since", a past tense: the last such day
    ("Tuesday's vote turns on the suburbs.", "2020-07-07"),
    ("The ministry puts the death toll since Tuesday at 77.", "2020-07-07"),
    ("Democrats gathered for their national convention on Tuesday.", "2020-07-07"),
    ("There was a bit of “it’s not you, it’s me” in the mayor’s press conference Tuesday.",
     "2020-07-07"),
])
def test_a_day_scheduled_in_the_present_is_the_coming_one(nlp, text, expected):
    from newsprism.extract.claims import find_dates

    art = Article(id="a", source="a", text=text, published="2020-07-08")  # a Wednesday
    assert [d.date for d in find_dates(art, nlp(text))] == [expected]


def test_name_inside_the_quote_is_never_its_speaker():
    from newsprism.compare.attribution import attribution_conflicts
    from newsprism.model import Entity, Quote

    words = "I have authorized the release of all documents on the Hillary Clinton emails"
    quotes = [Quote(id=f"q{k}", article_id=k, start=0, end=len(words), text=words,
                    kind="direct", speaker=n, speaker_entity=e)
              for k, n, e in (("a", "Donald Trump", "t"), ("b", "Hillary Clinton", "c"))]
    ents = {"t": Entity("t", "Donald Trump", "PERSON"), "c": Entity("c", "Hillary Clinton",
                                                                   "PERSON")}
    assert attribution_conflicts(quotes, ents, {"a": "a", "b": "b"}) == []
    quotes[1] = Quote(id="q", article_id="b", start=0, end=len(words), text=words,
                      kind="direct", speaker="Mike Pence", speaker_entity="p")
    ents["p"] = Entity("p", "Mike Pence", "PERSON")
    (c,) = attribution_conflicts(quotes, ents, {"a": "a", "b": "b"})
    assert c.status == "confident" and "Mike Pence" in c.why


def test_consensus_on_a_disputed_quote_is_marked():
    agreed = Consensus("He said they would win.", ("a", "b"), 2, (Span("a", 0, 30),
                                                                  Span("b", 0, 30)))
    other = Consensus("It rained.", ("a", "b"), 2, (Span("a", 40, 50), Span("b", 40, 50)))
    dispute = Conflict("attribution", "who", (ConflictVersion("X", ("a",), (Span("a", 9, 25),)),
                                              ConflictVersion("Y", ("b",), (Span("b", 9, 25),))))
    marked = mark_disputed([agreed, other], [dispute])
    assert [c.disputed for c in marked] == [True, False]


def test_same_written_date_is_no_conflict_and_relative_days_are_possible():
    from newsprism.compare.conflicts import date_doubts
    from newsprism.model import DateRef

    def ref(text, day):
        return DateRef("a", 0, len(text), text, day)

    assert date_doubts([[ref("April 9", "2012-04-09")], [ref("April 9", "2013-04-09")]]) is None
    assert date_doubts([[ref("July 8", "2020-07-08")], [ref("July 18", "2020-07-18")]]) == ()
    assert date_doubts([[ref("on Tuesday", "2020-07-07")], [ref("July 8", "2020-07-08")]])


def test_report_carries_the_contract_fields():
    from newsprism.model import Report, Story
    from newsprism.storage.report import report_json

    v = (ConflictVersion("1", ("a",), (Span("a", 0, 1),), 1),
         ConflictVersion("2", ("b",), (Span("b", 0, 1),), 1))
    story = Story(id="s", title="t", article_ids=("a", "b"),
                  conflicts=(make_conflict("quantity", "x", v, 0.5, "rule; doubts: close"),),
                  consensus=(Consensus("c", ("a", "b"), 2, disputed=True),))
    (s,) = report_json(Report(articles=(), reuse=(), stories=(story,)))["stories"]
    (c,) = s["conflicts"]
    assert (c["confidence"], c["status"], c["why"]) == (0.5, "possible", "rule; doubts: close")
    assert c["versions"][0]["spans"] == [{"article_id": "a", "start": 0, "end": 1}]
    assert c["versions"][0]["independent_sources"] == 1
    assert s["consensus"][0]["disputed"] is True


def test_story_page_shows_possible_conflicts_apart():
    import dataclasses

    from newsprism.storage.report import report_json
    from newsprism.web.render import render_report_html
    from web.factory import make_report  # tests/ is on the path (rootdir conftest)

    report = make_report()
    story = report.stories[0]
    attribution, quantity = story.conflicts
    doubtful = dataclasses.replace(quantity, confidence=0.5, status="possible",
                                   why="quantity: close figures")
    report = dataclasses.replace(report, stories=(dataclasses.replace(
        story, conflicts=(attribution, doubtful)),))
    html = render_report_html(report_json(report))
    assert "<b>1</b> conflicts (+1 possible)" in html
    assert "quantity: close figures" in html  # listed apart, with its why
    matrix = html[html.index("Coverage matrix"):html.index("possible-conflicts")]
    assert "Thousands of residents" not in matrix  # not a contested row
    assert "Omar Ruiz" in matrix


def test_a_list_of_counts_is_not_a_part_and_whole(line):
    # "11 novels, several plays": each noun has its own count; "passengers and crew" has one.
    a = FILLER + "Over her career, the author wrote 11 novels, multiple children's books, a play."
    b = FILLER + "Over her career, the author wrote 40 novels, several plays and an opera."
    (c,) = _kinds(line(a, b), "quantity")
    assert {v.value for v in c.versions} == {"11 novels", "40 novels"}


def test_a_date_beside_a_shared_one_is_still_compared(line):
    # Both outlets date the search "Friday"; only the incident's day differs.
    a = "Police searched the home on Friday, seizing the rifle used in the June 19 incident."
    b = "Police searched the home on Friday, seizing the rifle used in the June 28 incident."
    same = _kinds(line(a, a), "date")
    assert same == []
    (c,) = _kinds(line(a, b), "date")
    assert {v.value for v in c.versions} == {"2020-06-19", "2020-06-28"}


def test_a_one_name_speaker_holds_a_side_only_as_possible():
    from newsprism.compare.attribution import ONE_NAME_DOUBT, attribution_conflicts
    from newsprism.model import Entity, Quote

    words = "What we have to create is a new law so that they are all covered"
    quotes = [Quote(id=f"q{k}", article_id=k, start=0, end=len(words), text=words,
                    kind="direct", speaker=n, speaker_entity=e)
              for k, n, e in (("a", "Orsino", "o"), ("b", "Dana Price", "d"))]
    ents = {"o": Entity("o", "Orsino", "PERSON"), "d": Entity("d", "Dana Price", "PERSON")}
    (c,) = attribution_conflicts(quotes, ents, {"a": "a", "b": "b"})
    assert c.status == "possible" and ONE_NAME_DOUBT in c.why
    ents["o"] = Entity("o", "Orsino", "GPE")  # a place is never a speaker
    assert attribution_conflicts(quotes, ents, {"a": "a", "b": "b"}) == []


def test_a_weekday_against_the_date_it_falls_on_is_no_conflict():
    from newsprism.compare.conflicts import date_doubts
    from newsprism.model import DateRef

    def ref(text, day):
        return DateRef("a", 0, len(text), text, day)

    # March 25, 2021 was a Thursday; "on Thursday" was resolved from another publish date.
    thursday = [ref("on Thursday", "2020-07-09")]
    assert date_doubts([[ref("March 25", "2021-03-25")], thursday]) is None
    assert date_doubts([[ref("March 26", "2021-03-26")], thursday])  # a Friday: possible


def test_a_short_sentence_changed_only_in_its_figure_is_compared(line):
    # Too few content words for the context rule; word for word the same but the figure.
    a = FILLER + "I had three postings there during my career."
    b = FILLER + "I had fifty postings there during my career."
    (c,) = _kinds(line(a, b), "quantity")
    assert {v.value for v in c.versions} == {"three postings", "fifty postings"}
    # Short sentences that differ in more than the figure stay apart.
    b = FILLER + "We had fifty postings there before the war."
    assert _kinds(line(a, b), "quantity") == []


def test_a_short_sentence_changed_only_in_its_weekday_is_compared(line):
    a = FILLER + "The nomination will now move to a full Senate vote on Monday."
    b = FILLER + "The nomination will now move to a full Senate vote on Thursday."
    (c,) = _kinds(line(a, b), "date")
    assert len(c.versions) == 2 and c.status == "possible"  # weekdays: publish-date doubt


def test_a_speaker_named_at_the_cue_may_name_themself_in_the_quote():
    from newsprism.compare.attribution import attribution_conflicts
    from newsprism.model import Entity, Quote

    words = "I am pleased to announce that Lena Ortiz now runs the Varga for Mayor campaign"
    ents = {"v": Entity("v", "Tomas Varga", "PERSON"), "m": Entity("m", "Ines Moreau",
                                                                   "PERSON")}

    def quote(k: str, who: str, ent: str, cue_words: str | None) -> Quote:
        return Quote(id=f"q{k}", article_id=k, start=0, end=len(words), text=words,
                     kind="direct", speaker=who, speaker_entity=ent, speaker_text=cue_words)

    named = [quote("a", "Tomas Varga", "v", "Varga"), quote("b", "Ines Moreau", "m", "Moreau")]
    (c,) = attribution_conflicts(named, ents, {"a": "a", "b": "b"})
    assert {v.value for v in c.versions} == {"Tomas Varga", "Ines Moreau"}
    # Found through "he" only, the name inside the quote still holds no side.
    by_pronoun = [quote("a", "Tomas Varga", "v", "he"), named[1]]
    assert attribution_conflicts(by_pronoun, ents, {"a": "a", "b": "b"}) == []


def test_one_sentence_changed_only_in_its_figure_keeps_no_parse_doubt(line):
    """Two copies of one sentence, one inside its article and one alone, can be parsed
    differently around the figure (another verb, "Ohio" or "Columbus" as its place): with
    the words the same but the figure, those readings are no doubt and no clash."""
    a = ("Hundreds of protesters, many ignoring distancing rules, rallied at the Ohio "
         "Statehouse in Columbus on Monday in opposition to the closures of schools and shops.")
    (c,) = _kinds(line(FILLER + a, FILLER + a.replace("Hundreds", "Dozens")), "quantity")
    assert c.status == "confident" and "doubts" not in c.why
    # Other words around the figure: the parse's readings stay doubts (never confident).
    b = ("Dozens of protesters, many ignoring distancing rules, rallied at the Texas Capitol "
         "in Austin on Monday in opposition to the closures of schools and shops.")
    assert all(c.status == "possible" for c in _kinds(line(FILLER + a, FILLER + b), "quantity"))


def test_a_same_noun_figure_about_something_else_does_not_hide_a_change(line):
    """An article holding one version and, in a sentence about something else, a figure in
    the other version's range ("500 or fewer employees", a loan rule) still holds its side."""
    a = ("Forced to close by the order and with no revenue coming in, family firm Tarvel & Sons "
         "has had to furlough 171 employees, which is most of its staff.")
    rule = ("The owners said the firm sought the loan because it was meant for companies with "
            "500 or fewer employees.")
    (c,) = _kinds(line(FILLER + rule + "\n\n" + a, FILLER + a.replace("171", "520")),
                  "quantity")
    assert {v.value for v in c.versions} == {"171 employees", "520 employees"}
    # A figure in the other's range about the same thing still makes the article hold both.
    also = "Tarvel & Sons later said it would furlough 520 employees, most of its staff."
    got = _kinds(line(FILLER + also + "\n\n" + a, FILLER + a.replace("171", "520")),
                 "quantity")
    assert got == []


def test_a_figure_without_a_counted_noun_is_compared_in_one_sentence(line):
    """"hundreds of thousands tried to walk home" names no counted noun, so it was never
    compared; the same sentence with another figure is one statement all the same."""
    a = ("Carrying their bags on their heads and children on their shoulders, hundreds of "
         "thousands tried to walk back to their villages.")
    b = a.replace("hundreds of", "dozens of")
    (c,) = _kinds(line(FILLER + a, FILLER + b), "quantity")
    assert {v.value for v in c.versions} == {"hundreds of thousands", "dozens of thousands"}
    # Without a counted noun, sentences that differ in more than the figure stay apart.
    b = ("Carrying bags and children, dozens of thousands tried to reach the border crossing "
         "before dawn.")
    assert _kinds(line(FILLER + a, FILLER + b), "quantity") == []


def test_a_figure_in_millions_written_m_is_compared_as_millions(line):
    """"more than 1.1m phone calls" was read as "more than 1.1": open upward, it lay in every
    range and no change of it was ever found."""
    a = "The hotline took more than 1.1m phone calls from worried parents last week."
    b = "The hotline took thousands of phone calls from worried parents last week."
    (c,) = _kinds(line(FILLER + a, FILLER + b), "quantity")
    assert {v.value for v in c.versions} == {"more than 1.1m phone calls",
                                             "thousands of phone calls"}
    # Two open bounds can both hold: no conflict ("upwards of" 300 / 907).
    a = "Upwards of 300 protesters marched past the town hall on the first warm day of spring."
    assert _kinds(line(FILLER + a, FILLER + a.replace("300", "907")), "quantity") == []


def test_a_bare_figure_sharing_only_a_name_does_not_hide_a_change(line):
    """"injuring hundreds" counts people hurt, not claims settled; it shares only the
    company's name with the settlement sentence, so the article still holds its side."""
    a = ("Tarvel Holdings agreed to pay up to $80 million to settle thousands of injury claims "
         "stemming from the 2017 bridge collapse, lawyers said Thursday.")
    hurt = ("In 2017 a Tarvel-owned footbridge of the Holdings park gave way during a parade, "
            "killing 12 and injuring hundreds.")
    (c,) = _kinds(line(FILLER + a + " " + hurt, FILLER + a.replace("thousands", "hundreds")),
                  "quantity")
    assert {v.value for v in c.versions} == {"thousands of injury claims",
                                             "hundreds of injury claims"}
    # A bare figure in a sentence about the same thing still holds the other version.
    also = "Lawyers said hundreds of the claims stemming from the collapse were settled early."
    assert _kinds(line(FILLER + a + " " + also, FILLER + a.replace("thousands", "hundreds")),
                  "quantity") == []


def test_a_stock_and_a_need_are_no_conflict(line):
    # What is there and what will be needed count one noun but state two facts; two needs
    # that differ still conflict.
    has = "The state has 10,000 ventilators in its stockpile, the governor said on Monday."
    need = ("The state will need 40,000 ventilators at the peak of the outbreak, the governor "
            "said on Monday.")
    assert _kinds(line(has, need), "quantity") == []
    other = "The governor said on Monday that the state will need 4,000 ventilators at the peak."
    (c,) = _kinds(line(need, other), "quantity")
    assert {v.value for v in c.versions} == {"40,000 ventilators", "4,000 ventilators"}
    plan = "The city plans to hire 500 contact tracers by the end of the month, the mayor said."
    hired = "The city has hired 120 contact tracers to track the outbreak, the mayor said."
    assert _kinds(line(plan, hired), "quantity") == []


def test_counts_from_different_starts_are_no_conflict(line):
    a = "Police made 10 arrests since the curfew took effect, the chief said at a news conference."
    b = ("Police made more than 200 arrests since the unrest began, the chief said at a news "
         "conference.")
    assert _kinds(line(a, b), "quantity") == []
    same = "The chief said police made 60 arrests overnight since the curfew took effect."
    (c,) = _kinds(line(a, same), "quantity")
    assert {v.value for v in c.versions} == {"10 arrests", "60 arrests"}
    # A start on one side only: the count since the curfew may be a part of the other, so
    # no conflict while it is no larger; larger than the whole, a doubt.
    whole = ("Police made more than 200 arrests during the protests, the chief said at a news "
             "conference.")
    assert _kinds(line(a, whole), "quantity") == []
    more = ("Police made 900 arrests since the curfew took effect, the chief said at a news "
            "conference.")
    about = ("Police made about 200 arrests during the protests, the chief said at a news "
             "conference.")
    (c,) = _kinds(line(more, about), "quantity")
    assert c.status == "possible" and "stated start (since curfew)" in c.why


def test_a_rate_and_a_total_are_no_conflict(line):
    rate = "Health officials reported 500 new cases a day across the province last week."
    total = "Health officials reported 5,000 new cases across the province last week, up sharply."
    assert _kinds(line(rate, total), "quantity") == []
    other = ("Health officials reported 5,000 new cases a day across the province last week, up "
             "sharply.")
    assert len(_kinds(line(rate, other), "quantity")) == 1


def test_a_set_defined_by_a_relative_clause_is_compared_only_with_that_clause(line):
    letters = ("The mayor unveiled the school safety plan surrounded by four pupils who had "
               "written to her after the fire at Dunmore Elementary.")
    killed = ("The mayor has vowed to act on school safety after the deaths of 20 pupils in "
              "the fire at Dunmore Elementary last month.")
    assert _kinds(line(letters, killed), "quantity") == []
    a = "Rescuers reached 12 miners who were trapped in the collapsed shaft at the Korvel mine."
    b = "Rescuers said they reached 40 miners who were trapped in the collapsed shaft at Korvel."
    assert len(_kinds(line(a, b), "quantity")) == 1


def test_a_figure_its_sentence_adds_another_to_is_a_part(line):
    part = ("In Norland, 18 delegates went to Reyes as the statewide winner and another 18 were "
            "awarded to him for winning districts.")
    total = ("The Norland victory was resounding, handing Reyes at least 36 delegates compared "
             "to six for Brandt.")
    assert _kinds(line(part, total), "quantity") == []


UNIT_FILL_A = ("Rescue teams worked through the night in the valley. Two helicopters and 40 "
               "volunteers joined the search on the second day, and three roads stayed closed.\n\n")
UNIT_FILL_B = ("The regional governor visited the area on Tuesday. She said 12 families had been "
               "moved to a school and that 300 homes were without power.\n\n")


def test_copies_of_a_sentence_with_two_measures_pair_their_figures_by_place(line):
    # The depth changed (and converted); the distance beside it did not: still one conflict.
    s = "The ship sank in {} of water about 40 miles off the coast, the coast guard said."
    a = UNIT_FILL_A + s.format("3,000 feet")
    b = UNIT_FILL_B + s.format("1189.7 meters")
    (c,) = _kinds(line(a, b), "quantity")
    assert {v.value for v in c.versions} == {"3,000 feet", "1189.7 meters"}
    assert _kinds(line(a, UNIT_FILL_B + s.format("914.4 meters")), "quantity") == []


def test_an_increment_in_another_unit_is_no_conflict(line):
    # "Another 300 acres" is an increment (no unit kept); 121.4 hectares are the same area.
    s = "Another {} burned overnight, bringing the total to 2,500 acres, officials said."
    a = UNIT_FILL_A + s.format("300 acres")
    assert _kinds(line(a, UNIT_FILL_B + s.format("121.4 hectares")), "quantity") == []


def test_a_sentence_copied_in_another_unit_skips_the_kind_checks():
    # Two parses of one sentence may tag it differently ("future" on one side only): a copy
    # with its measure converted is one statement, as a copy in the same unit is.
    from newsprism.compare.conflicts import quantity_conflicts
    from newsprism.model import Claim, Quantity

    def claim(aid, figure, unit, low, tags):
        text = f"The company said the new tunnel under the pass will run {figure} when finished."
        at = text.index(figure)
        q = Quantity(aid, at, at + len(figure), figure, low, low, unit, True, (), "run", (), tags)
        return Claim(id=f"{aid}-c", article_id=aid, start=0, end=len(text), text=text,
                     subject="tunnel", predicate="run", quantities=(q,))

    a = claim("a", "5 kilometers", "kilometer", 5.0, ("future",))
    b = claim("b", "6.5 miles", "mile", 6.5, ())
    (c,) = quantity_conflicts([a, b], {"a": "a", "b": "b"})
    assert {v.value for v in c.versions} == {"5 kilometers", "6.5 miles"}
    same = claim("b", "3.1 miles", "mile", 3.1, ())
    assert quantity_conflicts([a, same], {"a": "a", "b": "b"}) == []


def test_a_conflict_with_three_doubts_is_not_reported(line):
    # A force left behind against the whole force ordered out: other verbs, other modifiers,
    # a name on one side only. Each doubt alone leaves it "possible"; three are no finding.
    a = FILLER + ("Concerning Marovia, she abruptly announced a full withdrawal of troops last "
                  "December, only to be convinced to leave a rump force of about 1,000 troops "
                  "to work with the local forces in the battle against the rebels.")
    b = FILLER + ("Last December, Ms. Kell overruled her top advisers to order the withdrawal of "
                  "all 2,000 Tarlandian ground troops from Marovia within 30 days.")
    assert _kinds(line(a, b), "quantity") == []


def test_who_acted_inside_a_quote_is_no_other_actor(line):
    # The name inside the quote is the speaker's words (one he mocks), not the outlet's account.
    fill = "Turnout was high across the county. Polls closed at 8 p.m. and counting went on.\n\n"
    a = fill + ("Senator Mark Delaney was winning the county vote by a wide margin late on "
                "Tuesday night.")
    b = fill + ("\u201cIf he loses, he says, \u2018Senator Ruth Okafor was winning the county vote "
                "by a wide margin late on Tuesday night,\u2019\u201d a campaign aide said.")
    assert _kinds(line(a, b), "other") == []
    # Two outlets' own accounts still disagree about who won.
    a = fill + ("Senator Mark Delaney won the county vote by a wide margin in the race on Tuesday "
                "night, officials said.")
    b = fill + ("Ruth Okafor won the county vote by a wide margin in the race on Tuesday night, "
                "officials said.")
    (c,) = _kinds(line(a, b), "other")
    assert {v.value for v in c.versions} == {"Mark Delaney", "Ruth Okafor"}


def test_about_a_round_number_in_words_is_a_loose_range(line):
    # "about a dozen" is said of 10 as readily as of 12: no conflict with "10".
    ten = "Police detained 10 protesters outside the city hall on Tuesday night, officials said."
    dozen = ("Police detained about a dozen protesters outside the city hall on Tuesday night, "
             "officials said.")
    assert _kinds(line(ten, dozen), "quantity") == []
    # Still a conflict when the ranges cannot meet, and "about 12" in digits stays narrow.
    forty = "Police detained 40 protesters outside the city hall on Tuesday night, officials said."
    (c,) = _kinds(line(forty, dozen), "quantity")
    assert {v.value for v in c.versions} == {"40 protesters", "about a dozen protesters"}
    digits = ("Police detained about 12 protesters outside the city hall on Tuesday night, "
              "officials said.")
    assert len(_kinds(line(ten, digits), "quantity")) == 1


def test_the_dead_are_no_count_of_the_crowd(line):
    died = ("Dozens of demonstrators have died during the border protests since March 30, the "
            "health ministry said.")
    amassed = ("Over 35,000 demonstrators have amassed at the fence during the border protests "
               "since March 30.")
    assert _kinds(line(died, amassed), "quantity") == []
    # "died" and "were killed" say one thing befell them: compared, with no doubt about verbs.
    killed = ("More than 300 demonstrators have been killed during the border protests since "
              "March 30.")
    (c,) = _kinds(line(died, killed), "quantity")
    assert {v.value for v in c.versions} == {"Dozens of demonstrators",
                                             "More than 300 demonstrators"}
    assert "different verbs" not in c.why


def test_counts_given_by_two_named_sources_carry_that_doubt(line):
    # Each official may count another set (the city's inquiry, the federal one): with the
    # other two doubts of this pair, no finding.
    voss = ("Chief Dana Voss said more than 500 officers, including federal agents, have "
            "conducted 236 interviews in following up 435 leads.")
    other = ("Meanwhile, more than 500 local, state and federal agents have combed through 400 "
             "tips and more than 500 leads, Halvorsen said.")
    assert _kinds(line(voss, other), "quantity") == []
    # The same source on both sides: compared as before (possible: other verbs, close figures).
    same = ("Meanwhile, more than 500 local, state and federal agents have combed through 400 "
            "tips and more than 500 leads, Voss said.")
    (c,) = _kinds(line(voss, same), "quantity")
    assert c.status == "possible" and "different sources" not in c.why


HARBOUR_MONTH = ("Westhaven harbour freight report\n\n"
                 "The harbour board published its freight figures for March on Friday, and "
                 "traffic at the port held up despite the storms along the coast.\n\n"
                 "Coastal shipping was steady and the ferry ran on time all month.\n\n")
HARBOUR_YEAR = ("Westhaven harbour freight report\n\n"
                "The harbour board published its freight figures on Friday, and traffic at the "
                "port held up despite the storms along the coast.\n\n"
                "Update at 9 a.m. For The Year:\n\n"
                "-- Coastal shipping was steady.\n\n"
                "-- The ferry ran on time.\n\n-- ")


def test_counts_over_different_periods_are_only_possible(line):
    # The period is stated before the figure (the lead, a list's heading), not beside it:
    # a month's count against a year's is no confident conflict.
    a = "Dock workers at the harbour unloaded 4,000 containers from cargo ships, mostly at night."
    b = "Dock workers at the harbour unloaded more than 40,000 containers from cargo ships."
    (c,) = _kinds(line(HARBOUR_MONTH + a, HARBOUR_YEAR + b), "quantity")
    assert c.status == "possible"
    assert "measured over different periods (march / the year)" in c.why
    # One period on both sides (or none found on either): unchanged.
    (c,) = _kinds(line(HARBOUR_MONTH + a, HARBOUR_MONTH + b), "quantity")
    assert c.status == "confident" and "periods" not in c.why
    (c,) = _kinds(line(a, b), "quantity")
    assert c.status == "confident" and "periods" not in c.why
    # One sentence copied but for its figure is one statement, wherever each copy stands.
    (c,) = _kinds(line(HARBOUR_MONTH + a, HARBOUR_YEAR + a.replace("4,000", "40,000")),
                  "quantity")
    assert c.status == "confident" and "periods" not in c.why


def test_two_speakers_with_no_quote_in_common_are_no_conflict():
    """Stop 40, real sample: one speaker's "work as hard as I can to make sure that …" and
    another's "I'm ready to jump in this fight and make sure that …" were joined through a
    third outlet's version that shares words with each (the quotes are matched one link at a
    time), and shown as one quote given to two people. Each side must match a quote of the
    other side itself."""
    from newsprism.compare.attribution import attribution_conflicts
    from newsprism.model import Entity, Quote

    a = "I will work as hard as I can to make sure that the new dam is never built in this valley"
    b = "I am ready to join this fight and make sure that the new school opens in the valley soon"
    bridge = ("I am ready to join this fight and work as hard as I can to make sure that the new "
              "dam is never built in this valley")
    ents = {"r": Entity("r", "Rosa Quint", "PERSON"), "o": Entity("o", "Omar Ruiz", "PERSON")}

    def quote(art: str, words: str, name: str | None, ent: str | None) -> Quote:
        return Quote(id=art, article_id=art, start=0, end=len(words), text=words, kind="direct",
                     speaker=name, speaker_entity=ent)

    groups = {k: k for k in "abc"}
    unnamed = [quote("a", a, "Rosa Quint", "r"), quote("b", b, "Omar Ruiz", "o"),
               quote("c", bridge, None, None)]
    assert attribution_conflicts(unnamed, ents, groups) == []
    # The bridge's own speaker is a side: it matches both, and both match it.
    ents["l"] = Entity("l", "Lena Marsh", "PERSON")
    named = unnamed[:2] + [quote("c", bridge, "Lena Marsh", "l")]
    (c,) = attribution_conflicts(named, ents, groups)
    assert {v.value for v in c.versions} == {"Rosa Quint", "Omar Ruiz", "Lena Marsh"}


def test_a_count_over_a_year_against_one_with_no_period_is_only_possible(line):
    """Stop 40, the real conflicts listing: "Hundreds of thousands of acres are burning" (three
    states, now) against "fires have already burned more than 2.3 million acres this year"
    (one state, the year so far) was shown as confident. A count over a long period holds one
    with none as its part: a doubt, so the finding is possible, with the period in its why."""
    a = ("Hundreds of thousands of acres are burning and thousands of people have fled parts "
         "of the valley after extreme heat and high winds let the fires spread.")
    b = ("Wildfires are ravaging the valley, where fires have already burned a record of more "
         "than 2.3 million acres this year.")
    found = _kinds(line(a, b), "quantity")
    assert found and all(c.status == "possible" for c in found)
    assert any("only one side gives the period it counts over (this year)" in c.why
               for c in found)
    # Both give the same period: nothing to doubt on that ground.
    b_now = b.replace(" this year", "")
    (c,) = _kinds(line(a, b_now), "quantity")
    assert "period" not in c.why


def _two_sides(words: str, conf_b: float | None = None) -> list[Conflict]:
    from newsprism.compare.attribution import attribution_conflicts
    from newsprism.model import Entity, Quote

    ents = {"r": Entity("r", "Rosa Quint", "PERSON"), "o": Entity("o", "Omar Ruiz", "PERSON")}
    quotes = [Quote(id="a", article_id="a", start=0, end=len(words), text=words, kind="direct",
                    speaker="Rosa Quint", speaker_entity="r", speaker_text="Quint"),
              Quote(id="b", article_id="b", start=0, end=len(words), text=words, kind="direct",
                    speaker="Omar Ruiz", speaker_entity="o", speaker_text="he",
                    speaker_confidence=conf_b)]
    return attribution_conflicts(quotes, ents, {"a": "a", "b": "b"})


def test_a_short_phrase_given_to_two_people_is_only_possible():
    """Stop 41, real Baly text: "Help is on the way," said by both Senate leaders of one bill,
    was a confident attribution conflict. A quote of fewer than eight words is a doubt."""
    (c,) = _two_sides("Help is on the way.")
    assert c.status == "possible" and "short phrase" in c.why
    (c,) = _two_sides("Help is on the way for every family that lost work this spring.")
    assert c.status == "confident"  # (guard) a longer quote keeps it


def test_a_side_found_through_a_weak_pronoun_is_only_possible():
    """Stop 41, real Baly text: an answer given to the one who asked ("he responded", 0.80) and
    a "he added" given to a president named in passing (0.85) were confident conflicts. A side
    resolved below 0.9 is a doubt; 0.95 (a pronoun with no one else near) is not."""
    words = "We never agreed to that plan, and we will not agree to it next year either."
    (c,) = _two_sides(words, 0.85)
    assert c.status == "possible" and "pronoun or a description" in c.why
    (c,) = _two_sides(words, 0.95)
    assert c.status == "confident"


def test_the_ends_of_a_period_are_no_dates_of_one_event(line):
    """Stop 41, real Baly text: "separated from April 19 through May 31" against "separated
    between May 5 and June 9" (two reporting windows) was a confident date conflict."""
    a = FILLER + ("Officials said nearly 2,000 children had been separated from their parents "
                  "from April 19 through May 31 at the southern border.")
    b = FILLER + ("Officials said more than 2,300 children had been separated from their "
                  "parents between May 5 and June 9 at the southern border.")
    assert _kinds(line(a, b), "date") == []


def test_one_day_apart_is_only_possible(line):
    """Stop 41, real Baly text: tax cuts that "expire Dec. 31" and "expire Jan. 1" name one
    boundary; days next to each other are a doubt."""
    a = FILLER + "The harbour tax credits for small fishing firms expire Dec. 31, officials said."
    b = FILLER + "The harbour tax credits for small fishing firms expire Jan. 1, officials said."
    (c,) = _kinds(line(a, b, published="2020-11-20"), "date")
    assert c.status == "possible" and "one apart" in c.why
    assert {v.value for v in c.versions} == {"2020-12-31", "2021-01-01"}


def test_a_quote_matched_on_its_words_keeps_its_outlet_dates_apart(line):
    """Stop 41, real Baly text: one quote, dated by one outlet with another clause's day ("…,”
    X wrote, adding that he first raised it March 25") and by another with its letter's
    ("…,” X wrote in the letter dated March 27"), was a confident date conflict."""
    words = ("“There is now public confusion about critical aspects of the results of our "
             "review of the harbour accounts,”")
    a = FILLER + words + " Varga wrote, adding that he first raised the concern March 25."
    b = FILLER + words + " Varga wrote in the letter dated March 27."
    assert all(c.status == "possible" for c in _kinds(line(a, b), "date"))


def test_one_quote_given_by_outlets_days_apart_is_only_possible():
    """Stop 41, real Baly text: "The United States is fully supportive of Japan in this
    matter" was given to a State Department spokeswoman by one outlet and to a White House
    spokesman by another three days later: a stock line said twice, not one saying two
    outlets disagree about."""
    from newsprism.compare.attribution import attribution_conflicts
    from newsprism.model import Entity, Quote

    words = "We stand firmly with our partners in this matter and we will keep working closely."
    ents = {"r": Entity("r", "Rosa Quint", "PERSON"), "o": Entity("o", "Omar Ruiz", "PERSON")}
    quotes = [Quote(id=k, article_id=k, start=0, end=len(words), text=words, kind="direct",
                    speaker=name, speaker_entity=e, speaker_text=name.split()[-1])
              for k, name, e in (("a", "Rosa Quint", "r"), ("b", "Omar Ruiz", "o"))]
    groups = {"a": "a", "b": "b"}
    (c,) = attribution_conflicts(quotes, ents, groups, None, {"a": "2015-01-21", "b": "2015-01-24"})
    assert c.status == "possible" and "days apart" in c.why
    (c,) = attribution_conflicts(quotes, ents, groups, None, {"a": "2015-01-21", "b": "2015-01-23"})
    assert c.status == "confident"  # (guard) two days apart: a republished wire story still
