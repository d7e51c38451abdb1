"""Matched statements that tell of two occasions make no date conflict (compare/occasions.py).
Made-up articles; the shape was read on real news (two polls of one pollster, stop 35)."""

from __future__ import annotations

from newsprism.compare.occasions import figures_differ, marks_other_occasion
from newsprism.model import Article, Claim, Quantity
from newsprism.pipeline import analyze

_A = ("Support for removing the governor grows\n\n"
      "Support for removing Governor Tom Baxter from office rose this week as the state "
      "assembly opened its inquiry into the harbour contracts. A Kelby Tribune/Norvane poll "
      "conducted Oct. 3-7 found that 45% of voters in the state believed Baxter should be "
      "removed from office, up from 38% a week earlier. The assembly's inquiry committee will "
      "question the harbour director on Monday. Baxter has denied any wrongdoing.")
_B = ("Poll: voters split over Baxter inquiry\n\n"
      "Governor Tom Baxter faces growing pressure as the state assembly's inquiry into the "
      "harbour contracts gathers pace. {det} Kelby Tribune/Norvane poll released on Sept. 30 "
      "found that 38% of voters in the state believed Baxter should be removed from office. "
      "The assembly's inquiry committee will question the harbour director on Monday. Baxter "
      "has denied any wrongdoing.")


def _date_conflicts(det: str, settings) -> list:
    arts = [Article(id="a", source="t", outlet="Kelby Tribune", published="2019-10-09",
                    text=_A),
            Article(id="b", source="t", outlet="Norvane Post", published="2019-10-09",
                    text=_B.format(det=det))]
    report = analyze(arts, settings)
    (story,) = [s for s in report.stories if set(s.article_ids) == {"a", "b"}]
    return [c for c in story.conflicts if c.kind == "date"]


def test_a_previous_poll_is_another_occasion_not_a_misdated_one(settings):
    assert _date_conflicts("A previous", settings) == []


def test_the_same_statement_without_the_marker_is_still_compared(settings):
    # the control: the two polls match as one statement dated two ways (the rule above is
    # what keeps them apart; this article gives the writer's word alone)
    assert [c.kind for c in _date_conflicts("A", settings)] == ["date"]


def test_markers_of_another_occasion():
    assert marks_other_occasion("A previous Kelby poll released on Sept. 30 found ...")
    assert marks_other_occasion("the council held another vote on Monday")
    assert marks_other_occasion("An earlier attack on the depot killed two")
    assert not marks_other_occasion("The vote was held earlier on Monday")
    assert not marks_other_occasion("Previously, the council met on Monday")


def _claim(aid: str, values: list[float], unit: str = "percent") -> Claim:
    qs = tuple(Quantity(aid, 0, 2, str(v), v, v, unit) for v in values)
    return Claim(id=aid, article_id=aid, start=0, end=10, text="x", quantities=qs)


def test_figures_differ_only_with_no_value_in_common():
    assert figures_differ([_claim("a", [45]), _claim("b", [38])])
    assert not figures_differ([_claim("a", [45, 38]), _claim("b", [38])])
    assert not figures_differ([_claim("a", [45]), _claim("b", [38], unit="vote")])
    assert not figures_differ([_claim("a", [45]), _claim("a", [38])])  # one article


def test_the_marker_must_mark_the_dated_noun():
    text = "A separate trade agreement was signed in 2015. Talks opened in 2016."
    assert marks_other_occasion(text, "agreement")
    assert not marks_other_occasion(text, "talk")
    assert marks_other_occasion("A previous Kelby poll found", "poll")
