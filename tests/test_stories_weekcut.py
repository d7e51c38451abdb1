"""The story-level weekday cut (stories/weekcut.py): a story whose undated members' leads
fall into two groups naming different weekdays, with no member bridging them, is cut there.
Made-up articles only."""

from __future__ import annotations

from newsprism.settings import Settings
from newsprism.stories import weekcut
from newsprism.stories.cluster import cluster
from newsprism.stories.incremental import local_update
from newsprism.stories.weekcut import day_groups, place_rest, share_day, weekday_parts
from test_stories_events import groups, run
from test_stories_weekdays import _report


def _days(*names: str) -> frozenset[str]:
    return frozenset(names)


def test_day_groups_join_members_sharing_a_day_and_through_a_bridge() -> None:
    leads = {0: _days("monday"), 1: _days("monday"), 2: _days("wednesday"),
             3: _days("wednesday"), 4: _days()}
    assert day_groups(leads, share_day) == [[0, 1], [2, 3]]
    bridged = {**leads, 5: _days("monday", "wednesday")}
    assert day_groups(bridged, share_day) == [[0, 1, 2, 3, 5]]


def test_weekday_parts_need_two_groups_of_two_naming_days_in_half_the_story() -> None:
    leads = {0: _days("monday"), 1: _days("monday"), 2: _days("friday"), 3: _days("friday")}
    assert weekday_parts([0, 1, 2, 3, 4], leads, share_day) == [[0, 1], [2, 3]]
    lone = {0: _days("monday"), 1: _days("monday"), 2: _days("friday")}
    assert weekday_parts([0, 1, 2, 3], lone, share_day) == []  # one report alone on Friday
    # Four of ten name a day: the six others hold the story together.
    assert weekday_parts(list(range(10)), leads, share_day) == []


def test_the_rest_joins_the_part_it_is_most_alike() -> None:
    nbr = {4: {0: 0.2, 2: 0.5}, 5: {1: 0.6, 3: 0.1}}
    assert place_rest([0, 1, 2, 3, 4, 5, 6], [[0, 1], [2, 3]], nbr) == [[0, 1, 5, 6],
                                                                        [2, 3, 4]]


def _saga():
    """Two Monday reports, two Wednesday reports, three comment pieces naming no day: the
    comment pieces hold both days' reports together pair by pair."""
    return ([_report(f"m{k}", "The Portville board on Monday raised its rate.")
             for k in range(2)]
            + [_report(f"w{k}", "The Portville board raised its rate again on Wednesday.")
               for k in range(2)]
            + [_report(f"n{k}", "The Portville board and its rate, a comment.")
               for k in range(3)])


def test_two_day_groups_held_by_members_naming_no_day_are_cut(monkeypatch) -> None:
    settings = Settings(story_threshold=0.6)
    stories = run(_saga(), settings)
    assert not any({"m0", "w0"} <= set(s.article_ids) for s in stories)
    assert {"m0", "m1"} in [set(s.article_ids) & {"m0", "m1"} for s in stories]
    assert {"w0", "w1"} in [set(s.article_ids) & {"w0", "w1"} for s in stories]
    monkeypatch.setattr(weekcut, "STORY_CUT", False)  # before: the pair rule alone
    assert len(run(_saga(), settings)) == 1


def test_month_days_a_week_apart_cut_when_no_weekday_does(monkeypatch) -> None:
    items = ([_report(f"m{k}", "The Portville board raised its rate on March 3.")
              for k in range(2)]
             + [_report(f"w{k}", "The Portville board raised its rate again on March 20.")
                for k in range(2)]
             + [_report(f"n{k}", "The Portville board and its rate, a comment.")
                for k in range(3)])
    settings = Settings(story_threshold=0.6)
    assert not any({"m0", "w0"} <= set(s.article_ids) for s in run(items, settings))
    monkeypatch.setattr(weekcut, "MONTH_DAYS", 0)
    assert len(run(items, settings)) == 1


def test_a_member_naming_both_days_keeps_the_story_whole() -> None:
    bridge = [_report("b0", "The Portville board met on Monday and raised its rate Wednesday.")]
    assert len(run(_saga() + bridge, Settings(story_threshold=0.6))) == 1


def test_an_update_cuts_at_weekdays_like_the_batch() -> None:
    settings = Settings(story_threshold=0.6)
    items = _saga()
    old = [x for x in items if not x[0].id.startswith("w")]
    new = [x for x in items if x[0].id.startswith("w")]
    before = {s.id: s.article_ids for s in cluster([a for a, _ in old], [f for _, f in old],
                                                     (), settings)}
    local = local_update([a for a, _ in items], [f for _, f in items], (), settings, before,
                         {a.id for a, _ in new})
    batch = cluster([a for a, _ in items], [f for _, f in items], (), settings)
    assert groups(local.stories) == groups(batch)
    assert not any({"m0", "w0"} <= set(s.article_ids) for s in batch)
