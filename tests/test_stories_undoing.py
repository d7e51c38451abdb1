"""An act and its undoing are two events (issue 21, round 9): "council issues parking rules"
and, later, "council overturns parking rules" share their people and words. Headlines here
are fictional."""

from __future__ import annotations

import importlib
from dataclasses import replace

import numpy as np

from newsprism.model import Article, ArticleFacts, Sentence
from newsprism.settings import Settings
from newsprism.stories.frames import EMPTY, Frame
from newsprism.stories.undoing import (
    speaks_of_undoing,
    states_undoing,
    undo_factor,
    undoing_told,
)
from test_stories_events import article, groups, run

undoing = importlib.import_module("newsprism.stories.undoing")

PEOPLE = [("Marta Quill", "PERSON"), ("Harbor City Council", "ORG")]
WORDS = {"parking": 2, "rule": 2, "shop": 1, "downtown": 1, "meter": 1}
OVERTURN = Frame(frozenset({"overt"}), frozenset({"rul"}))
ISSUE = Frame(frozenset({"issu"}), frozenset({"rul"}))


def test_an_undoing_is_told_as_done_not_as_a_threat_or_a_plan() -> None:
    assert states_undoing("Council overturns parking rules")
    assert states_undoing("Judge reinstated the permit on Monday")
    assert states_undoing("Residents call on council to overturn parking rules")  # a request
    assert not states_undoing("Mayor threatens to revoke the vendor's license")
    assert not states_undoing("Council will repeal the parking rules")
    assert not states_undoing("Council vows to reverse the fee")
    assert not states_undoing("Council issues parking rules")
    assert not states_undoing("The rule was undoubtedly popular")  # "undo" only as a word


def test_a_frame_undoes_when_a_predicate_is_a_verb_of_undoing() -> None:
    assert undoing.undoes(OVERTURN) and not undoing.undoes(ISSUE)
    assert undoing.undoes(Frame(frozenset({"resci", "annou"})))
    assert not undoing.undoes(EMPTY)


def _plain(aid: str, title: str, lead: str = "the parking rules for shops") -> tuple[
        Article, ArticleFacts]:
    art = Article(id=aid, source=f"test:{aid}", text=lead, title=title)
    return art, ArticleFacts(article_id=aid, sentences=(Sentence(aid, 0, len(lead)),))


def test_the_factor_needs_an_undoing_done_and_another_that_never_speaks_of_one() -> None:
    items = [_plain("u", "Council overturns parking rules"),
             _plain("a", "Council issues parking rules"),
             _plain("s", "Council issues rules", "It could take years to reverse them."),
             _plain("t", "Mayor threatens to overturn parking rules")]
    arts = [a for a, _ in items]
    facts = [f for _, f in items]
    frames = [OVERTURN, ISSUE, ISSUE, OVERTURN]
    a, b = np.array([0, 0, 1, 3]), np.array([1, 2, 2, 1])
    assert undo_factor(arts, facts, [OVERTURN, EMPTY, ISSUE, OVERTURN], np.full(4, np.nan),
                       a[:1], b[:1]).tolist() == [1.0]  # no predicate: no evidence
    undated = np.full(4, np.nan)
    d = undoing.UNDO_DISCOUNT
    # (u, a): an undoing and an act; (u, s): s speaks of undoing in its lead; (a, s): no
    # undoing; (t, a): a threat is no undoing done.
    assert undo_factor(arts, facts, frames, undated, a, b).tolist() == [d, 1.0, 1.0, 1.0]
    assert speaks_of_undoing(arts[2], facts[2]) and not speaks_of_undoing(arts[1], facts[1])
    assert undoing_told(arts[0], facts[0], OVERTURN)
    assert not undoing_told(arts[3], facts[3], OVERTURN)
    dated = np.array([738000.0, 738001.0, 738001.0, 738000.0])
    assert undo_factor(arts, facts, frames, dated, a, b).tolist() == [1.0] * 4  # both dated
    assert undo_factor(arts, facts, None, undated, a, b).tolist() == [1.0] * 4  # no frames


def _titled(aid: str, title: str):
    art, facts = article(aid, WORDS, people=PEOPLE)
    return replace(art, title=title), replace(facts, sentences=())  # the headline decides


def _act_and_undoing(undo_title: str):
    return ([_titled(f"a{k}", t) for k, t in enumerate([
        "Harbor City Council issues parking rules for downtown shops",
        "Council issues new parking rules downtown",
        "Downtown shops get parking rules from council"])]
        + [_titled(f"u{k}", undo_title) for k in range(3)])


def test_undated_reports_of_an_act_and_of_its_undoing_stay_apart(reader, monkeypatch) -> None:
    settings = Settings(story_threshold=0.5)
    items = _act_and_undoing("Harbor City Council overturns parking rules for downtown shops")
    assert groups(run(items, settings)) == {frozenset({"a0", "a1", "a2"}),
                                            frozenset({"u0", "u1", "u2"})}
    # The same people and words: without the rule, one story (fails before the rule).
    monkeypatch.setattr(undoing, "UNDO_DISCOUNT", 1.0)
    assert len(run(items, settings)) == 1


def test_a_threat_to_undo_is_not_told_apart_from_the_act(reader) -> None:
    items = _act_and_undoing("Harbor City Council threatens to overturn parking rules downtown")
    assert len(run(items, Settings(story_threshold=0.5))) == 1
