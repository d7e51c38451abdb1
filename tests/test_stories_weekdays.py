"""Weekdays in the lead (stories/weekdays.py): two undated reports whose first sentences put
their events on different weekdays are weighed apart. Made-up articles only."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsprism.model import Sentence
from newsprism.settings import Settings
from newsprism.stories import weekcut, weekdays
from newsprism.stories.weekdays import lead_weekdays, weekday_factors, weekday_gap
from test_stories_events import HIKE, article, groups, run


def _report(aid: str, opening: str, published: str | None = None, later: str = ""):
    """A made-up rate-hike report whose first sentence is `opening`, its next three the
    event words, and then `later`."""
    art, facts = article(aid, HIKE, published=published)
    parts = [opening, art.text + ".", "The vote was close.", "Markets were calm."] + (
        [later] if later else [])
    spans, pos = [], 0
    for part in parts:
        spans.append(Sentence(aid, pos, pos + len(part)))
        pos += len(part) + 1
    return replace(art, text=" ".join(parts)), replace(facts, sentences=tuple(spans))


def test_lead_weekdays_read_the_lead_only_and_skip_other_days() -> None:
    art, facts = _report("a", "The Portville board on Monday voted to raise its rate.")
    assert lead_weekdays(art, facts) == frozenset({"monday"})
    art, facts = _report("b", "Sunday's vote by the Portville board raised its rate.")
    assert lead_weekdays(art, facts) == frozenset({"sunday"})
    # "last", "next", "this" name no event day.
    art, facts = _report("c", "After last Friday's talks and before next Tuesday's, this "
                              "Wednesday, the board raised its rate.")
    assert lead_weekdays(art, facts) == frozenset()
    # The day a plan was announced is read with the plan's day.
    art, facts = _report("d", "The Portville board on Monday said it will vote Thursday.")
    assert lead_weekdays(art, facts) == frozenset({"monday", "thursday"})
    # A weekday after the lead is background, not the event's day.
    art, facts = _report("e", "The Portville board raised its rate.", later="It met Tuesday.")
    assert lead_weekdays(art, facts) == frozenset()


def test_weekday_gaps_go_round_the_week() -> None:
    assert weekday_gap(frozenset({"sunday"}), frozenset({"monday"})) == 1
    assert weekday_gap(frozenset({"monday"}), frozenset({"thursday"})) == 3
    assert weekday_gap(frozenset({"monday", "friday"}), frozenset({"saturday"})) == 1
    assert weekday_gap(frozenset({"monday"}), frozenset({"monday", "friday"})) == 0  # shared
    assert weekday_gap(frozenset(), frozenset({"monday"})) == 0  # no evidence


def test_weekday_factors_need_two_leads_with_weekdays_none_shared_and_an_undated_one() -> None:
    items = [_report("a", "The board on Monday raised its rate."),
             _report("b", "The board raised its rate on Wednesday."),
             _report("c", "On Monday, the board raised its rate."),
             _report("d", "The board raised its rate."),
             _report("e", "The board on Monday raised its rate.", published="2031-03-03"),
             _report("f", "The board raised its rate on Friday.", published="2031-03-07"),
             _report("g", "The board raised its rate on Tuesday.")]
    arts, facts = [x for x, _ in items], [f for _, f in items]
    days = np.array([np.nan, np.nan, np.nan, np.nan, 1.0, 5.0, np.nan])
    a, b = np.array([0, 0, 0, 4, 1, 0]), np.array([1, 2, 3, 5, 4, 6])
    # (0, 1) Monday / Wednesday; (0, 2) the same day; (0, 3) no weekday: no evidence;
    # (4, 5) both published: the publish days decide; (1, 4) Wednesday / Monday, one
    # undated; (0, 6) Monday / Tuesday, a day apart.
    assert weekday_factors(arts, facts, days, a, b).tolist() == [
        weekdays.WEEKDAY_FAR_DISCOUNT, 1.0, 1.0, 1.0, weekdays.WEEKDAY_FAR_DISCOUNT,
        weekdays.WEEKDAY_DISCOUNT]
    assert weekdays.WEEKDAY_FAR_DISCOUNT < weekdays.WEEKDAY_DISCOUNT < 1.0


def test_undated_reports_of_different_weekdays_stay_apart(monkeypatch) -> None:
    monday = [_report(f"m{k}", "The Portville board on Monday raised its rate.")
              for k in range(3)]
    wednesday = [_report(f"w{k}", "The Portville board raised its rate again on Wednesday.")
                 for k in range(3)]
    settings = Settings(story_threshold=0.6)  # the same words: a cosine near 1 across
    assert groups(run(monday + wednesday, settings)) == {
        frozenset({"m0", "m1", "m2"}), frozenset({"w0", "w1", "w2"})}
    monkeypatch.setattr(weekcut, "STORY_CUT", False)  # the pair rule alone (weekcut.py)
    assert groups(run(monday + wednesday, settings)) == {
        frozenset({"m0", "m1", "m2"}), frozenset({"w0", "w1", "w2"})}
    monkeypatch.setattr(weekdays, "WEEKDAY_DISCOUNT", 1.0)
    monkeypatch.setattr(weekdays, "WEEKDAY_FAR_DISCOUNT", 1.0)
    assert len(run(monday + wednesday, settings)) == 1  # the same words: one story without it


def test_leads_days_apart_weigh_less_than_leads_a_day_apart(monkeypatch) -> None:
    monkeypatch.setattr(weekcut, "STORY_CUT", False)  # the pair weights alone (weekcut.py)
    def reports(prefix: str, day: str):
        return [_report(f"{prefix}{k}", f"The Portville board on {day} raised its rate.")
                for k in range(3)]
    # Cosines near 1 across: a day apart weighs 0.4 (above 0.35), further 0.3 (below).
    settings = Settings(story_threshold=0.35)
    assert len(run(reports("m", "Monday") + reports("t", "Tuesday"), settings)) == 1
    assert groups(run(reports("m", "Monday") + reports("h", "Thursday"), settings)) == {
        frozenset({"m0", "m1", "m2"}), frozenset({"h0", "h1", "h2"})}
