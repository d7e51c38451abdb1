"""Each dated member of a story needs one strong tie (stories/ties.py). Made-up articles only."""

from __future__ import annotations

from newsprism.settings import Settings
from newsprism.stories import ties
from newsprism.stories.cluster import RELATED_COSINE, cluster, ordered_graph
from newsprism.stories.incremental import local_update
from newsprism.stories.ties import TIE_FLOOR, peel_weak
from test_stories_events import article, groups, run

DAY = "2024-05-06T10:00:00"
FED = [("Federal Reserve", "ORG")]


def _nbr(edges):
    out: dict[int, dict[int, float]] = {}
    for i, j, w in edges:
        out.setdefault(i, {})[j] = w
        out.setdefault(j, {})[i] = w
    return out


def test_a_dated_member_with_one_ordinary_tie_is_peeled() -> None:
    nbr = _nbr([(0, 1, 0.5), (1, 2, 0.4), (0, 2, 0.35), (2, 3, 0.2)])
    assert peel_weak([0, 1, 2, 3], nbr, [True] * 4, 0.15) == [[0, 1, 2], [3]]
    # Undated, it stays: the rule is only applied where it was measured to help.
    assert peel_weak([0, 1, 2, 3], nbr, [True, True, True, False], 0.15) == [[0, 1, 2, 3]]
    # Two ordinary ties, or one strong one, keep it.
    two = _nbr([(0, 1, 0.5), (1, 2, 0.4), (0, 2, 0.35), (2, 3, 0.2), (0, 3, 0.2)])
    assert peel_weak([0, 1, 2, 3], two, [True] * 4, 0.15) == [[0, 1, 2, 3]]
    strong = _nbr([(0, 1, 0.5), (1, 2, 0.4), (0, 2, 0.35), (2, 3, TIE_FLOOR)])
    assert peel_weak([0, 1, 2, 3], strong, [True] * 4, 0.15) == [[0, 1, 2, 3]]


def test_peeling_repeats_on_the_rest_weakest_first() -> None:
    # 3 hangs on 2 only; once 3 is gone, 2's best tie left is ordinary: it goes too.
    nbr = _nbr([(0, 1, 0.5), (1, 2, 0.2), (2, 3, 0.25)])
    assert peel_weak([0, 1, 2, 3], nbr, [True] * 4, 0.15) == [[0, 1], [3], [2]]
    assert peel_weak([0, 1], _nbr([(0, 1, 0.2)]), [True, True], 0.15) == [[1], [0]]


def _pair(published: str | None, own: int = 2):
    """Two reports of one day on the same bank, one on its rate hike and one on mortgages:
    one ordinary edge (0.15-0.3) between them, and five unrelated weather reports. `own`:
    how often the mortgage report repeats its own words."""
    a = article("a", {"hike": 2, "rate": 2, "inflation": 1, "basis": 1, "bank": 1,
                      "markets": 2}, people=[("Jerome Powell", "PERSON"), *FED],
                published=published)
    b = article("b", {"hike": 1, "rate": 1, "mortgage": own, "housing": own, "buyers": own,
                      "loans": own}, people=[("Janet Yellen", "PERSON"), *FED],
                published=published)
    rest = [article(f"z{i}", {w: 2, "weather": 1}, people=[(f"Person{i} Name", "PERSON")],
                    published=published)
            for i, w in enumerate("storm flood wind rain snow".split())]
    return [a, b, *rest]


def _edge(items) -> float:
    _, _, (edges, *_) = ordered_graph([a for a, _ in items], [f for _, f in items], (),
                                      Settings(), None)
    return next(w for i, j, w in edges if (i, j) == (0, 1))


def test_two_dated_articles_tied_by_one_ordinary_edge_are_two_stories(monkeypatch) -> None:
    items = _pair(DAY)
    assert Settings().story_threshold <= _edge(items) < TIE_FLOOR
    assert frozenset({"a", "b"}) not in groups(run(items))
    monkeypatch.setattr(ties, "TIE_FLOOR", 0.0)  # before: linkage alone pairs them
    assert frozenset({"a", "b"}) in groups(run(items))


def test_undated_articles_are_not_peeled() -> None:
    assert frozenset({"a", "b"}) in groups(run(_pair(None)))


def _update_adding_b(items):
    """The stories of an update that adds article "b" to a store holding the others."""
    old = [x for x in items if x[0].id != "b"]
    settings = Settings()
    before = {s.id: s.article_ids for s in cluster([a for a, _ in old], [f for _, f in old],
                                                     (), settings)}
    return local_update([a for a, _ in items], [f for _, f in items], (), settings, before,
                        {"b"})


def test_an_update_peels_a_new_article_as_the_batch_does() -> None:
    items = _pair(DAY)
    local = _update_adding_b(items)
    batch = cluster([a for a, _ in items], [f for _, f in items], (), Settings())
    def reached(stories):
        return {g for g in groups(stories) if g & {"a", "b"}}
    assert reached(local.stories) == reached(batch) == {frozenset({"a"}), frozenset({"b"})}


def _related(stories) -> dict[frozenset[str], set[frozenset[str]]]:
    """Each story (as its article ids) with the stories it lists as related."""
    by_id = {s.id: frozenset(s.article_ids) for s in stories}
    return {by_id[s.id]: {by_id[r.story_id] for r in s.related} for s in stories}


def _whole_cosine(items) -> float:
    _, _, (*_, near) = ordered_graph([a for a, _ in items], [f for _, f in items], (),
                                     Settings(), None)
    return next(w for i, j, w in zip(near.a, near.b, near.sims, strict=True) if (i, j) == (0, 1))


def test_a_pair_split_by_the_floor_lists_each_other_as_related() -> None:
    # The whole vectors are too far apart for the related rule of shared names alone.
    items = _pair(DAY, own=6)
    assert Settings().story_threshold <= _edge(items) < TIE_FLOOR
    assert _whole_cosine(items) < RELATED_COSINE
    stories = run(items)
    assert frozenset({"a", "b"}) not in groups(stories)
    related = _related(stories)
    assert related[frozenset({"a"})] == {frozenset({"b"})}
    assert related[frozenset({"b"})] == {frozenset({"a"})}
    # Same day: "same topic".
    assert {r.relation for s in stories for r in s.related} == {"same topic"}


def test_an_update_that_splits_a_new_article_off_keeps_it_related() -> None:
    related = _related(_update_adding_b(_pair(DAY, own=6)).stories)
    assert related[frozenset({"a"})] == {frozenset({"b"})}
    assert related[frozenset({"b"})] == {frozenset({"a"})}
