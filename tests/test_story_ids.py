"""Story identity across re-clusters: where a retired story id now lives (pure)."""

from __future__ import annotations

from newsprism.model import Story
from newsprism.stories.ids import successors


def s(sid: str, *ids: str) -> Story:
    return Story(id=sid, title=sid, article_ids=ids)


def test_an_id_still_made_is_not_redirected() -> None:
    assert successors({"A": ("a", "b")}, [s("A", "a", "b", "c")]) == {}


def test_a_retired_id_goes_where_most_of_its_articles_went() -> None:
    before = {"A": ("a", "b", "c"), "B": ("d",)}
    after = [s("X", "a"), s("Y", "b", "c", "d")]
    assert successors(before, after) == {"A": "Y", "B": "Y"}


def test_a_tie_goes_to_the_smaller_id_and_lost_articles_are_ignored() -> None:
    before = {"A": ("a", "b", "gone")}
    assert successors(before, [s("Z", "a"), s("Y", "b")]) == {"A": "Y"}
    assert successors({"A": ("gone",)}, [s("Z", "a")]) == {}
