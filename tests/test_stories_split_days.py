"""The split step does not cut a story whose two sides state one day (issue 21): two angles
on one event (a check-in at one clinic, then another clinic hours later) share the day,
while two similar events are told apart in time."""

from __future__ import annotations

from newsprism.stories.features import RawFeatures
from newsprism.stories.split import same_day, split_story


def _raw(aid: str, words: list[str], days: list[str]) -> RawFeatures:
    counts = {f"t:{w}": 1.0 for w in ["rehab", "court", "judge", "actress", "lawyer"] + words}
    counts.update({f"d:{d}": 1.5 for d in days})
    return RawFeatures(aid, tuple(sorted(counts.items())))


def _two_angles(day_a: str, day_b: str, stating: int = 4) -> list[RawFeatures]:
    """Two groups of 5 articles, one vocabulary each beside the shared one; `stating` of
    each group's articles state its day."""
    a = [_raw(f"a{k}", ["harbourview", "clinic", "morning", f"x{k}"],
              [day_a] if k < stating else []) for k in range(5)]
    b = [_raw(f"b{k}", ["pinecrest", "centre", "night", f"y{k}"],
              [day_b] if k < stating else []) for k in range(5)]
    return a + b


def test_a_cut_between_two_angles_of_one_day_is_not_taken() -> None:
    raws = _two_angles("2031-03-06", "2031-03-06")
    assert split_story(raws) == [list(range(10))]


def test_the_same_cut_is_taken_when_the_sides_state_other_days_or_none() -> None:
    assert split_story(_two_angles("2031-03-06", "2032-09-14")) == [[0, 1, 2, 3, 4],
                                                                   [5, 6, 7, 8, 9]]
    assert split_story(_two_angles("2031-03-06", "2031-03-06", stating=0)) == [
        [0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]


def test_one_article_stating_the_day_on_a_side_is_not_enough() -> None:
    raws = _two_angles("2031-03-06", "2031-03-06", stating=1)
    assert not same_day(raws, range(5), range(5, 10))
    assert len(split_story(raws)) == 2
    # Two of five (at least a third, and two articles) is.
    assert same_day(_two_angles("2031-03-06", "2031-03-06", stating=2), range(5), range(5, 10))
