"""Event frames (issue 21): the headline's predicate and object tell two chapters of one saga
apart when their words and people are shared. Headlines here are fictional."""

from __future__ import annotations

import importlib
from dataclasses import replace

import numpy as np
import pytest

from newsprism.settings import Settings
from newsprism.stories.frames import (
    EMPTY,
    Frame,
    frames_conflict,
    rejoin_lone,
    sentence_case,
)
from test_stories_events import article, groups, run

frames_module = importlib.import_module("newsprism.stories.frames")



def test_headline_frames_tell_the_hearing_from_the_vote(reader) -> None:
    hearing, confirmed, voted, approves, approved, empty = reader.sentences([
        "Senate panel holds hearing on judge nominee",
        "Senate confirms judge to the high court",
        "Senators vote to confirm judge",
        "Harbor authority approves new ferry terminal",
        "Ferry terminal approved by harbor authority",
        "",
    ])
    assert "hear" in hearing.predicates  # a light verb's object is the event
    assert frames_conflict(hearing, confirmed)
    assert not frames_conflict(confirmed, voted)  # "confirm" in both
    assert not frames_conflict(approves, approved)  # active and passive: one event
    assert empty == EMPTY and not frames_conflict(hearing, empty)  # no headline: no evidence


def test_a_predicate_met_as_the_other_frames_object_is_no_conflict() -> None:
    held = Frame(frozenset({"hold"}), frozenset({"hear"}))
    opens = Frame(frozenset({"hear"}), frozenset({"room"}))
    other = Frame(frozenset({"confi"}), frozenset({"judg"}))
    assert not frames_conflict(held, opens)
    assert frames_conflict(opens, other)
    assert not frames_conflict(Frame(frozenset({"confi"})), opens)  # no object: incomplete


def test_title_case_headlines_are_parsed_in_sentence_case_keeping_names() -> None:
    assert sentence_case("Harbor Authority Approves New Ferry Terminal", ["Harbor", "Authority"]) \
        == "Harbor Authority approves new ferry terminal"
    assert sentence_case("Mayor vetoes the budget", []) == "Mayor vetoes the budget"


HEAR = {"hearing": 2, "question": 2, "testimony": 2, "nominee": 1, "court": 1}
CONFIRM = {"confirm": 2, "vote": 2, "tally": 2, "nominee": 1, "court": 1}
PEOPLE = [("Dana Whitfield", "PERSON"), ("Judiciary Committee", "ORG")]


def _chapter(aid: str, words: dict[str, int], title: str):
    art, facts = article(aid, words, people=PEOPLE)
    return replace(art, title=title), replace(facts, sentences=())  # the headline decides


def _saga():
    return ([_chapter(f"h{k}", HEAR, t) for k, t in enumerate([
        "Senate panel holds hearing on judge nominee",
        "Panel questions judge nominee at hearing",
        "Senators hold hearing for nominee"])]
        + [_chapter(f"c{k}", CONFIRM, t) for k, t in enumerate([
            "Senate confirms judge to the high court",
            "Senate votes to confirm judge",
            "Judge confirmed by the Senate"])])


def test_chapters_whose_headlines_conflict_are_related_not_merged(reader, monkeypatch) -> None:
    settings = Settings(story_threshold=0.35)
    stories = run(_saga(), settings)
    assert groups(stories) == {frozenset({"h0", "h1", "h2"}), frozenset({"c0", "c1", "c2"})}
    assert all(s.related and s.related[0].relation == "same topic" for s in stories)
    # The same people and nouns: without the frames the two chapters are one story.
    monkeypatch.setattr(frames_module, "FRAME_DISCOUNT", 1.0)
    assert len(run(_saga(), settings)) == 1


def test_discounted_pairs_count_part_of_their_weight() -> None:
    frames = [Frame(frozenset({"hear"}), frozenset({"nomin"})),
              Frame(frozenset({"confi"}), frozenset({"judg"})),
              Frame(frozenset({"confi"}), frozenset({"court"}))]
    a, b = np.array([0, 0, 1]), np.array([1, 2, 2])
    weight = np.array([0.4, 0.4, 0.4])
    clash = frames_module.discount_clashes(weight, frames, a, b, np.array([0.1, 0.5, 0.1]))
    # (0, 1) conflicts and shares little besides people; (0, 2) conflicts but shares much
    # event evidence; (1, 2) agrees.
    assert clash.tolist() == [True, False, False]
    assert weight.tolist() == pytest.approx([0.4 * frames_module.FRAME_DISCOUNT, 0.4, 0.4])


def test_a_lone_article_the_discount_split_off_rejoins_its_story() -> None:
    d = frames_module.FRAME_DISCOUNT
    # Articles 0-2 are one story; 3 is tied to it by clashing pairs only (discounted below
    # the threshold); 4-5 are another story.
    edges = [(0, 1, 0.5), (0, 2, 0.5), (1, 2, 0.5), (0, 3, 0.2 * d), (1, 3, 0.2 * d),
             (2, 3, 0.2 * d), (4, 5, 0.5)]
    clashes = frozenset({(0, 3), (1, 3), (2, 3)})
    labels = [0, 0, 0, 3, 4, 4]
    assert rejoin_lone(labels, edges, clashes, 0.15, ()) == [0, 0, 0, 0, 4, 4]
    # A veto between the lone article and a member keeps it alone.
    assert rejoin_lone(labels, edges, clashes, 0.15, ((1, 3),)) == labels
    # Two groups apart are not put back together: only lone articles rejoin.
    two = [0, 0, 0, 3, 3, 5]
    edges2 = [(0, 1, 0.5), (0, 2, 0.5), (1, 2, 0.5), (3, 4, 0.5)] + [
        (i, j, 0.2 * d) for i in (0, 1, 2) for j in (3, 4)]
    clashes2 = frozenset((i, j) for i in (0, 1, 2) for j in (3, 4))
    assert rejoin_lone(two, edges2, clashes2, 0.15, ()) == two


def test_opposed_predicates_take_different_sides_of_one_axis() -> None:
    from newsprism.stories.frames import frames_opposed

    rise = Frame(frozenset({"ris"}), frozenset({"claim"}))
    fall = Frame(frozenset({"fall", "drop"}), frozenset({"claim"}))
    both = Frame(frozenset({"fall", "ris"}), frozenset({"stock"}))
    sign = Frame(frozenset({"sign"}), frozenset({"bill"}))
    veto = Frame(frozenset({"veto"}), frozenset({"bill"}))
    assert frames_opposed(rise, fall) and frames_opposed(sign, veto)
    assert not frames_opposed(fall, Frame(frozenset({"drop"})))  # the same side
    assert not frames_opposed(both, fall)  # a frame on both sides opposes nothing
    assert not frames_opposed(rise, sign)  # different axes: no evidence
    assert not frames_opposed(rise, EMPTY)


def test_undated_reports_going_opposite_ways_stay_apart(reader, monkeypatch) -> None:
    words = {"claim": 2, "benefit": 2, "worker": 1, "office": 1}
    items = ([_chapter(f"u{k}", words, "Jobless claims rise in the state") for k in range(3)]
             + [_chapter(f"d{k}", words, "Jobless claims fall in the state") for k in range(3)])
    settings = Settings(story_threshold=0.75)
    assert groups(run(items, settings)) == {frozenset({"u0", "u1", "u2"}),
                                            frozenset({"d0", "d1", "d2"})}
    monkeypatch.setattr(frames_module, "OPPOSED_DISCOUNT", 1.0)
    assert len(run(items, settings)) == 1
