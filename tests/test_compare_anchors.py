"""Like compared with like (issue 20, round 4): a figure or date is compared only with one
about the same named place or actor, and a date of the act of saying dates no fact. Short
fictional articles run through the real line."""

from __future__ import annotations

import pytest

from newsprism.compare.anchors import anchor_doubt, anchors_clash
from newsprism.model import Article

FILLER = ("The council met for two hours on the plan. Officials gave no further details "
          "about the roads.\n\n")


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


def _kinds(story, kind):
    return [c for c in story.conflicts if c.kind == kind]


def test_anchor_names_match_across_spellings():
    assert not anchors_clash(("PERSON:miller",), ("PERSON:miller", "GPE:ohio"))
    assert not anchors_clash(("ORG:associated press",), ("ORG:ap",))
    assert not anchors_clash(("ORG:state health department",), ("ORG:health department",))
    assert anchors_clash(("GPE:ohio",), ("GPE:texas",))
    assert anchors_clash(("PERSON:miller", "GPE:ohio"), ("PERSON:lopez",))
    # A person the model typed ORG is still an actor.
    assert anchors_clash(("ORG:northam",), ("PERSON:guadagno", "GPE:virginia"))
    # Different kinds only: nothing to compare, no clash.
    assert not anchors_clash(("GPE:ohio",), ("PERSON:lopez",))
    assert not anchors_clash((), ("GPE:ohio",))


def test_a_place_and_its_abbreviation_are_one_anchor():
    # "Fla." folds to "fla": one state with "Florida", not two places.
    assert not anchors_clash(("GPE:florida",), ("GPE:fla", "GPE:lakeview high school"))
    assert not anchors_clash(("GPE:calif",), ("GPE:california",))
    assert anchors_clash(("GPE:georgia",), ("GPE:fla",))
    assert anchors_clash(("GPE:ohio",), ("GPE:oklahoma",))


def test_only_a_known_state_abbreviation_is_one_anchor_with_its_name():
    # Letters in order are not enough: "Ga." is Georgia, not Guatemala; Cuba is not Columbia,
    # Niger not Nigeria, Mali not Malaysia.
    assert anchors_clash(("GPE:guatemala",), ("GPE:ga",))
    assert anchors_clash(("GPE:columbia",), ("GPE:cuba",))
    assert anchors_clash(("GPE:nigeria",), ("GPE:niger",))
    assert anchors_clash(("GPE:malaysia",), ("GPE:mali",))
    # The state abbreviations of US news copy (AP style and postal) still match.
    assert not anchors_clash(("GPE:georgia",), ("GPE:ga",))
    assert not anchors_clash(("GPE:pennsylvania",), ("GPE:pa",))
    assert not anchors_clash(("GPE:tennessee",), ("GPE:tenn",))
    assert not anchors_clash(("GPE:west virginia",), ("GPE:wva",))
    assert not anchors_clash(("GPE:texas",), ("GPE:tx",))


def test_a_figure_in_a_place_written_short_is_compared(line):
    a = "Hundreds of students from a Florida high school staged a walkout on Tuesday over guns."
    b = ("About 20 students from Lakeview High School in Ocala, Fla., staged a walkout on "
         "Tuesday over guns.")
    (conflict,) = _kinds(line(a, b), "quantity")
    assert {v.value for v in conflict.versions} == {"Hundreds of students", "About 20 students"}


def test_a_name_only_one_side_gives_is_a_doubt_unless_the_other_sentence_names_it():
    assert anchor_doubt(("GPE:ohio",), "Crowds marched in Ohio.", (), "Crowds marched.")
    assert anchor_doubt(("GPE:ohio",), "Crowds marched in Ohio.", (),
                        "Crowds marched, police in Ohio said.") == ()
    assert anchor_doubt((), "a", (), "b") == ()


def test_figures_about_two_places_are_no_conflict(line):
    a = FILLER + ("In Ohio, voters approved the school levy by 13 points on Tuesday, "
                  "officials said.")
    b = FILLER + ("In Texas, voters approved the school levy by nearly 9 points on Tuesday, "
                  "officials said.")
    assert _kinds(line(a, b), "quantity") == []
    # The same place on both sides is still compared.
    c = FILLER + ("In Ohio, voters approved the school levy by nearly 9 points on Tuesday, "
                  "officials said.")
    (conflict,) = _kinds(line(a, c), "quantity")
    assert {v.value for v in conflict.versions} == {"13 points", "nearly 9 points"}


def test_distances_from_two_places_are_no_conflict(line):
    """"The school is located 60 miles south of Boston" / "... 65 miles south of Cambridge"
    (stop 56, a real possible conflict): a distance hangs on the place it is measured from."""
    a = FILLER + "The college is located 60 miles south of Denver, near the lake."
    b = FILLER + "The college is located 65 miles south of Boulder, near the lake."
    assert _kinds(line(a, b), "quantity") == []
    # (guard) from the same place, the two distances still differ
    c = FILLER + "The college is located 65 miles south of Denver, near the lake."
    (conflict,) = _kinds(line(a, c), "quantity")
    assert {v.value for v in conflict.versions} == {"60 miles", "65 miles"}


def test_its_figure_is_about_the_subject_of_the_reporting_clause(line):
    """"The Ohio department said that its 200 tracers ...": the figure is Ohio's, so it is
    no version of Texas's figure for the same noun (real coverage compared two states)."""
    a = FILLER + ("The Ohio health department confirmed that just five of its roughly 200 "
                  "contact tracers speak Spanish.")
    b = FILLER + ("In Texas, the state health department has about 1,600 contact tracers, "
                  "officials said.")
    assert _kinds(line(a, b), "quantity") == []


def test_a_deadline_is_no_version_of_the_day_something_happened(line):
    """"in effect until April 29" bounds a period; "took effect on April 14" dates an event:
    not two versions of one date (real coverage showed such pairs). Two deadlines are."""
    a = FILLER + ("Governor Lena Varga issued a stay-at-home order for the state effective "
                  "until April 29.")
    b = FILLER + ("In Harbourton on Tuesday, about 100 people protested Governor Lena Varga's "
                  "stay-at-home order for the state.")
    assert _kinds(line(a, b, published="2020-04-15"), "date") == []
    a = FILLER + ("Governor Lena Varga issued a stay-at-home order for the whole state that "
                  "stays in effect until April 29, officials said.")
    c = FILLER + ("Governor Lena Varga issued a stay-at-home order for the whole state that "
                  "stays in effect until May 8, officials said.")
    (conflict,) = _kinds(line(a, c), "date")
    assert {v.value for v in conflict.versions} == {"2020-04-29", "2020-05-08"}


def test_a_date_of_saying_is_never_a_confident_conflict(line):
    a = FILLER + "The mayor said on March 2 that the old bridge over the river would close."
    b = FILLER + "The mayor said on March 4 that the old bridge over the river would close."
    (c,) = _kinds(line(a, b), "date")
    assert c.status == "possible" and "when it was said" in c.why
    a = FILLER + "In a statement on March 2, the mayor said the old bridge was shut."
    b = FILLER + "In a statement on March 4, the mayor said the old bridge was shut."
    assert [c.status for c in _kinds(line(a, b), "date")] in ([], ["possible"])
    # The date of the event itself is still a confident conflict.
    a = FILLER + "The old bridge over the river closed on March 2, the mayor said."
    b = FILLER + "The old bridge over the river closed on March 4, the mayor said."
    (c,) = _kinds(line(a, b), "date")
    assert c.status == "confident"


def test_a_date_of_saying_is_never_compared_with_the_events_date(line):
    # "said Saturday" dates the statement; "on Friday afternoon" the attempt it is about.
    a = FILLER + ("President Arkan Vell said on March 5 that soldiers had tried to seize power "
                  "in the capital overnight.")
    b = FILLER + ("Soldiers tried to seize power in the capital overnight on March 4, officials "
                  "said.")
    assert _kinds(line(a, b), "date") == []
    a = FILLER + ("Rebel soldiers tried to seize power in the capital, President Arkan Vell told "
                  "reporters on March 5.")
    b = FILLER + "Rebel soldiers tried to seize power in the capital on March 4, officials said."
    assert _kinds(line(a, b), "date") == []


def test_a_planned_date_is_no_version_of_the_day_it_happened(line):
    # The plan was for Wednesday; the vote came on Thursday: two facts, no disagreement.
    a = FILLER + ("At first, council members planned to take quick action and pass a resolution "
                  "on the matter on March 6.")
    b = FILLER + "The council passed a resolution on March 7 condemning the attack on the mayor."
    assert _kinds(line(a, b), "date") == []
    # Two dates of the thing done still disagree.
    c = FILLER + "The council passed a resolution on March 9 condemning the attack on the mayor."
    (conflict,) = _kinds(line(b, c), "date")
    assert conflict.about == "when the resolution was passed"  # not "died"


def test_dates_about_two_places_are_no_conflict(line):
    a = FILLER + "Ohio will begin reopening its restaurants and shops on May 1, the governor said."
    b = FILLER + "Texas will begin reopening its restaurants and shops on May 4, the governor said."
    assert _kinds(line(a, b), "date") == []


def _claim(aid: str, text: str, who: str, dates=()):
    from newsprism.model import Claim
    return Claim(id=f"{aid}-c", article_id=aid, start=0, end=len(text), text=text,
                 subject="x", predicate="win", subject_entity=who, dates=dates)


def _actors():
    from newsprism.model import Entity
    return {"e1": Entity("e1", "John Harlow", "PERSON"),
            "e2": Entity("e2", "Mary Pellin", "PERSON"),
            "e3": Entity("e3", "Rick Gantry", "PERSON")}


def test_an_actor_dated_to_another_occasion_is_no_other_actor():
    from newsprism.compare.conflicts import actor_conflicts
    from newsprism.model import DateRef
    then = (DateRef("b", 30, 37, "in 2008", "2008-01-01", "year"),)
    a = _claim("a", "John Harlow has won the state caucus vote this week.", "e1")
    b = _claim("b", "Mary Pellin has won the state caucus vote in 2008.", "e2", then)
    assert actor_conflicts([[a, b]], _actors(), {}) == []
    # Undated on both sides, the rule still fires (it is strict, not dead).
    b = _claim("b", "Mary Pellin has won the state caucus vote this week.", "e2")
    assert len(actor_conflicts([[a, b]], _actors(), {})) == 1


def test_an_actor_named_by_surname_in_the_other_sentence_is_no_other_actor():
    from newsprism.compare.conflicts import actor_conflicts
    a = _claim("a", "John Harlow and Gantry won the state caucus vote this week.", "e1")
    b = _claim("b", "Harlow, Gantry won the state caucus vote this week.", "e3")
    assert actor_conflicts([[a, b]], _actors(), {}) == []


def test_a_first_name_and_a_surname_of_one_story_person_are_no_two_actors():
    # seed 157 (real): "Donald looks at the Statue of Liberty ..." vs "Trump looks at ...",
    # the story also holding "Donald Trump": one person the resolver left in three entities
    from newsprism.compare.conflicts import actor_conflicts
    from newsprism.model import Entity
    ents = {"e1": Entity("e1", "John", "PERSON"), "e2": Entity("e2", "Harlow", "PERSON"),
            "e3": Entity("e3", "John Harlow", "PERSON")}
    a = _claim("a", "John has won the state caucus vote this week.", "e1")
    b = _claim("b", "Harlow has won the state caucus vote this week.", "e2")
    assert actor_conflicts([[a, b]], ents, {}) == []
    ents["e3"] = Entity("e3", "Mary Pellin", "PERSON")  # no person holds both: still compared
    assert len(actor_conflicts([[a, b]], ents, {})) == 1

def test_copies_of_one_sentence_share_whether_their_date_is_one_of_saying():
    # The parse of one copy missed the speech verb ("said on Monday it would ..."): the two
    # copies still date one kind of thing, so they are compared (as dates of saying).
    from newsprism.compare.conflicts import SPEECH_DOUBT, date_conflicts
    from newsprism.model import Claim, DateRef

    def claim(aid, day, date, speech):
        text = (f"The health ministry said on {day} it would allow the regions to test new "
                "rules for hospital visits during the outbreak.")
        at = text.index("on ")
        d = DateRef(aid, at, at + 3 + len(day), f"on {day}", date, "day", speech=speech)
        return Claim(id=f"{aid}-c", article_id=aid, start=0, end=len(text), text=text,
                     subject="ministry", predicate="allow", dates=(d,))

    a = claim("a", "Thursday", "2020-07-02", True)
    b = claim("b", "Monday", "2020-07-06", False)
    (c,) = date_conflicts([[a, b]], {"a": "a", "b": "b"})
    assert c.status == "possible" and SPEECH_DOUBT in c.why


def test_two_statements_of_one_speaker_on_two_days_are_no_date_conflict():
    """Seed 439: "French President X said Thursday night that it “can't be denied” …" and
    "“Such a monstrosity,” French President X said Friday" were one fact dated two ways
    (possible): the name and the verb made them alike; what was said differs."""
    from newsprism.compare.conflicts import date_conflicts
    from newsprism.model import Claim, DateRef

    def claim(aid, text, day, date):
        at = text.index(day)
        d = DateRef(aid, at, at + len(day), day, date, "day", speech=True)
        return Claim(id=f"{aid}-c", article_id=aid, start=0, end=len(text), text=text,
                     subject="Lena Varga", predicate="say", dates=(d,))

    a = claim("a", "Prime Minister Lena Varga said Thursday night that it could not be denied "
                   "the blast at the harbour was an attack.", "Thursday", "2031-07-14")
    b = claim("b", "“Such a monstrosity,” Prime Minister Lena Varga said Friday.", "Friday",
              "2031-07-15")
    assert date_conflicts([[a, b]], {"a": "a", "b": "b"}) == []
    c = claim("c", "Prime Minister Lena Varga said Friday night that it could not be denied "
                   "the blast at the harbour was an attack.", "Friday", "2031-07-15")
    (found,) = date_conflicts([[a, c]], {"a": "a", "c": "c"})  # (guard) one statement
    assert found.status == "possible"


def test_a_day_set_for_something_to_come_is_no_version_of_a_past_day():
    """Stop 40, real sample (seed 461): "The committee is scheduled to hold a closed-door
    hearing on Friday with the inspector general, who has concluded that the complaint ... was
    credible" against "The inspector general deemed the Aug. 12 complaint credible" was shown
    as one fact dated two ways. A planned day (future) is never compared with a past one."""
    from newsprism.compare.conflicts import date_conflicts
    from newsprism.extract.claims import PLANNED
    from newsprism.model import Claim, DateRef

    def claim(aid, text, day, date, event):
        at = text.index(day)
        d = DateRef(aid, at, at + len(day), day, date, "day", event=event)
        return Claim(id=f"{aid}-c", article_id=aid, start=0, end=len(text), text=text,
                     subject="inspector", predicate="deem", dates=(d,))

    a = claim("a", "The inspector general deemed the whistleblower complaint of Aug. 12 credible "
                   "and of urgent concern.", "Aug. 12", "2031-08-12", None)
    b = claim("b", "The panel will hear the inspector general, who deemed the whistleblower "
                   "complaint credible and of urgent concern, on Friday.", "Friday",
              "2031-10-04", "panel " + PLANNED + "hear")
    assert date_conflicts([[a, b]], {"a": "a", "b": "b"}) == []
    done = claim("c", b.text, "Friday", "2031-10-04", "panel hear")  # (guard) both past
    assert len(date_conflicts([[a, done]], {"a": "a", "c": "c"})) == 1



def test_counts_that_went_to_different_recipients_are_at_most_possible(line):
    """Stop 42, real Baly text: "issued 8,018 immigrant visas to Nigerians" against "issued
    about 12,400 immigrant visas to people covered by the new proclamation" was a confident
    conflict: the first is a part of the second. Two different recipients are a doubt; the
    same recipient, or one named on one side only, is none."""
    a = FILLER + ("According to government statistics, the State Department issued 8,018 "
                  "immigrant visas to Nigerians in the fiscal year 2018.")
    b = FILLER + ("In the 2018 fiscal year, the State Department issued about 12,400 immigrant "
                  "visas to people covered by the new proclamation.")
    (c,) = _kinds(line(a, b), "quantity")
    assert c.status == "possible" and "different recipients" in c.why
    same = FILLER + ("In the 2018 fiscal year, the State Department issued about 12,400 "
                     "immigrant visas to Nigerians.")
    (c,) = _kinds(line(a, same), "quantity")
    assert c.status == "confident" and "recipients" not in c.why
    bare = FILLER + ("In the 2018 fiscal year, the State Department issued about 12,400 "
                     "immigrant visas.")
    (c,) = _kinds(line(a, bare), "quantity")
    assert "recipients" not in c.why


def test_one_who_may_act_is_no_rival_to_one_who_did():
    # stop 57 (real, BBC): "Joe Biden may soon join the race to stop Donald Trump" against
    # "Pete Buttigieg has joined the race to stop Donald Trump": an actor conflict
    from newsprism.compare.conflicts import actor_conflicts
    a = _claim("a", "John Harlow has won the state caucus vote this week.", "e1")
    for hedged in ("Mary Pellin may soon win the state caucus vote this week.",
                   "Mary Pellin is expected to win the state caucus vote this week."):
        assert actor_conflicts([[a, _claim("b", hedged, "e2")]], _actors(), {}) == []
    b = _claim("b", "Mary Pellin will win the state caucus vote this week.", "e2")
    assert actor_conflicts([[a, b]], _actors(), {}) == []
    b = _claim("b", "Mary Pellin won the state caucus vote this week.", "e2")
    assert len(actor_conflicts([[a, b]], _actors(), {})) == 1
