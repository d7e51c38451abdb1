"""Which kept stories an update analyses again (regrouping.py, issue 25): the story stages
read only the reuse pairs between a story's own articles, so a pair that changed between a
story and another leaves the story's row as stored."""

from __future__ import annotations

from newsprism.regrouping import _inputs_changed


def test_only_a_changed_pair_inside_a_story_or_a_loose_article_reruns_it() -> None:
    pairs = {("a1", "b1"), ("c1", "c2")}  # a1 and b1 in two stories; c1, c2 in one
    touched = {"a1", "b1", "c1", "c2"}
    inputs = _inputs_changed(touched, {"d1"}, pairs)
    assert not inputs(("a1", "a2"))  # its pair goes out of the story
    assert not inputs(("b1",))
    assert inputs(("c1", "c2", "c3"))
    assert inputs(("d1", "d2"))  # a correction names it
    assert not inputs(("e1",))
    # Without the pairs (the rule before): every story holding a touched article.
    before = _inputs_changed(touched, set(), None)
    assert before(("a1", "a2")) and before(("b1",)) and not before(("e1",))
