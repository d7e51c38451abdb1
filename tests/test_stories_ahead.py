"""A preview far ahead of its event and an undated report of the event held are two times
(issue 21, round 9): "the vote, scheduled for December 15", published in September, against
an undated "the vote is over". Texts here are made up."""

from __future__ import annotations

import importlib
from dataclasses import replace
from datetime import date

import numpy as np

from newsprism.model import DateRef, Sentence
from newsprism.settings import Settings
from newsprism.stories.ahead import ahead_factor, looks_ahead, previews_far_ahead
from test_stories_events import article, groups, run

ahead = importlib.import_module("newsprism.stories.ahead")

PEOPLE = [("Velmora Electoral Board", "ORG"), ("Ostrand", "GPE")]
WORDS = {"parliament": 2, "vote": 2, "seat": 1, "candidate": 1, "ballot": 1}
SEPT = "2020-09-20"


def _with_lead(aid: str, lead: str, day: str | None = None, published: str | None = None):
    """An article whose lead is `lead` (one sentence), before the event words; `day` the ISO
    day of "December 15" in the lead."""
    art, facts = article(aid, WORDS, people=PEOPLE, published=published)
    text = lead + " " + art.text
    dates = ()
    if day:
        at = text.index("December 15")
        dates = (DateRef(aid, at, at + 11, "December 15", day, "day"),)
    return (replace(art, text=text),
            replace(facts, sentences=(Sentence(aid, 0, len(lead)),
                                      Sentence(aid, len(lead) + 1, len(text))), dates=dates))


def _preview(aid: str, published: str = SEPT, day: str = "2020-12-15"):
    return _with_lead(aid, "The vote is scheduled for December 15.", day, published)


def test_a_preview_is_far_ahead_when_its_scheduled_day_is_a_month_away() -> None:
    art, facts = _preview("p")
    published = float(date.fromisoformat(SEPT).toordinal())
    assert previews_far_ahead(art, facts, published)
    near, near_facts = _preview("n", published="2020-12-10")
    assert not previews_far_ahead(near, near_facts, published + 81)  # five days ahead
    assert not previews_far_ahead(art, facts, float("nan"))  # no publish day
    said, said_facts = _with_lead("s", "The vote was held on December 15.", "2020-12-15")
    assert not previews_far_ahead(said, said_facts, published)  # no word of scheduling
    assert not ahead.SCHEDULED.search("Turnout fell due to the storm on December 15.")
    # A month-day without a year: its next time after the publish day (no date resolved).
    bare, bare_facts = _with_lead("b", "The vote is scheduled for December 15 of this year.")
    assert previews_far_ahead(bare, bare_facts, published)
    late, late_facts = _with_lead("l", "The vote is scheduled for September 25.")
    assert not previews_far_ahead(late, late_facts, published)  # five days ahead
    done, done_facts = _with_lead("d", "The parliament vote is over.")
    assert not looks_ahead(done, done_facts)
    assert looks_ahead(art, facts)


def test_the_factor_parts_a_far_preview_from_an_undated_report_not_from_a_preview() -> None:
    items = [_preview("p"), _with_lead("d", "The parliament vote is over."),
             _with_lead("q", "Parties will name candidates for the vote."),
             _with_lead("e", "The parliament vote is over.", published="2020-12-16")]
    arts, facts = [a for a, _ in items], [f for _, f in items]
    sept = float(date.fromisoformat(SEPT).toordinal())
    days = np.array([sept, np.nan, np.nan, sept + 87])
    a, b = np.array([0, 0, 0, 1]), np.array([1, 2, 3, 2])
    # (p, d): far preview and undated report; (p, q): q previews too; (p, e): e is dated
    # (the window decides); (d, q): no preview far ahead.
    assert ahead_factor(arts, facts, days, a, b).tolist() == [ahead.AHEAD_FACTOR, 1, 1, 1]
    assert ahead_factor(arts, None, days, a, b).tolist() == [1.0] * 4


def test_undated_reports_of_a_vote_held_stay_apart_from_previews_months_ahead(
        reader, monkeypatch) -> None:
    settings = Settings(story_threshold=0.5)
    items = ([_preview(f"p{k}") for k in range(3)]
             + [_with_lead(f"d{k}", "The parliament vote is over.") for k in range(3)])
    assert groups(run(items, settings)) == {frozenset({"p0", "p1", "p2"}),
                                            frozenset({"d0", "d1", "d2"})}
    # The same people and words: without the rule, one story (fails before the rule).
    monkeypatch.setattr(ahead, "AHEAD_FACTOR", 1.0)
    assert len(run(items, settings)) == 1
