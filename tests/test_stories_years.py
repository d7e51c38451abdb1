"""Years an undated article states (issue 21): a piece of another time stays out of a story.
Texts here are fictional."""

from __future__ import annotations

import importlib
from dataclasses import replace

import numpy as np

from newsprism.model import Sentence
from newsprism.stories.years import latest_year, written_later, year_vetoes
from test_stories_events import HIKE, article, groups, run

years_module = importlib.import_module("newsprism.stories.years")


def test_the_latest_year_skips_plans_deadlines_figures_and_decades() -> None:
    assert latest_year("The harbor opened in 2027. It was rebuilt in 2029") == 2029
    assert latest_year("The harbor opened in 2027. It will close in 2035") == 2027
    assert latest_year("The harbor opened in 2027 and must be paid off by 2036") == 2027
    assert latest_year("It carried 2,041 cars and $2046 in 2027") == 2027
    assert latest_year("A harbor of the 2040s, up 2044% since 2027") == 2027
    assert latest_year("The harbor board voted on Tuesday") is None


def test_written_later_needs_a_year_two_years_on() -> None:
    assert written_later(2033, 2031)  # written two years after
    assert not written_later(2032, 2031)  # January about December, or "the 2032 race"
    assert not written_later(2027, 2031)  # recalling an old event is no evidence
    assert not written_later(None, 2031)  # no year stated: no evidence


def _report(aid: str, stated: str, published: str | None = None):
    """A rate-hike report; undated ones say when the board first met, in a later sentence."""
    art, facts = article(aid, HIKE, published=published)
    text = art.text + f". The board first met in {stated}"
    return (replace(art, text=text),
            replace(facts, sentences=(Sentence(aid, 0, len(art.text)),
                                      Sentence(aid, len(art.text) + 2, len(text)))))


def test_year_vetoes_need_one_dated_and_one_undated_article() -> None:
    items = [_report("d", "2029", published="2029-10-15"), _report("u1", "2027"),
             _report("u2", "2031"), _report("u3", "2030"), _report("p", "2027",
                                                                  published="2029-10-16")]
    arts = [x for x, _ in items]
    days = np.array([741_000.0, np.nan, np.nan, np.nan, 741_001.0])  # 2029-10-15, -16
    a, b = np.array([0, 0, 0, 1, 0]), np.array([1, 2, 3, 2, 4])
    # d/u1: 2027, before (no evidence); d/u2: 2031, two years on; d/u3: 2030, one; u1/u2:
    # both undated (neither is known to be the later); d/p: both published.
    assert year_vetoes(arts, days, a, b) == ((0, 2),)


def test_an_undated_piece_of_another_time_stays_out_of_the_story(monkeypatch) -> None:
    dated = [_report(f"d{k}", "2030", published="2031-05-02") for k in range(3)]
    same_time = _report("now", "2031")
    later = _report("later", "2034")
    assert groups(run(dated + [same_time, later])) == {
        frozenset({"d0", "d1", "d2", "now"}), frozenset({"later"})}
    monkeypatch.setattr(years_module, "YEARS_ON", False)
    assert groups(run(dated + [same_time, later])) == {
        frozenset({"d0", "d1", "d2", "now", "later"})}  # the same words: one story without it


def test_topic_only_needs_one_day_other_headlines_and_a_low_cosine() -> None:
    from newsprism.stories.undated import topic_only

    when = np.array([741_000.0, np.nan, np.nan, 741_001.0])
    a, b = np.array([0, 0, 0, 1, 0]), np.array([1, 1, 3, 2, 1])
    differ = np.array([True, True, True, True, False])
    sims = np.array([0.2, 0.3, 0.1, 0.1, 0.1])
    # (0, 1) low and other headlines; (0, 1) again at 0.3: strong enough; (0, 3) both with
    # a day; (1, 2) both without; last: headlines share a word family.
    assert topic_only(when, a, b, differ, sims).tolist() == [True, False, False, False, False]


def test_an_undated_piece_linked_by_its_topic_only_stays_out(monkeypatch) -> None:
    undated_module = importlib.import_module("newsprism.stories.undated")
    dated = [(replace(x, title="Board raises rates again"), f) for x, f in
             (article(f"d{k}", HIKE, published="2031-05-02") for k in range(3))]
    same = [(replace(x, title="Rates raised by the board"), f) for x, f in [article("s", HIKE)]]
    other = [(replace(x, title="Harbor pilots look back on a long career"), f)
             for x, f in [article("o", HIKE)]]
    monkeypatch.setattr(undated_module, "TOPIC_ONLY_COSINE", 1.01)  # every cosine is "low"
    assert groups(run(dated + same + other)) == {
        frozenset({"d0", "d1", "d2", "s"}), frozenset({"o"})}
    monkeypatch.setattr(undated_module, "TOPIC_ONLY_COSINE", 0.0)  # off
    assert groups(run(dated + same + other)) == {frozenset({"d0", "d1", "d2", "s", "o"})}
