"""A passage two pages of one outlet share while their headlines share nothing is the site's
furniture (stop 61: eleven undated newsletter pages on eleven topics, each ending in the same
rail of quoted columns, were one story on their reuse links alone)."""

from __future__ import annotations

import dataclasses

import pytest

from newsprism.model import Reuse
from newsprism.settings import Settings
from newsprism.stories.cluster import cluster
from test_stories import make


def _pages(outlets: tuple[str | None, str | None], titles: tuple[str, str]):
    a = make("p1", {"budget": 2, "deficit": 1, "tax": 1}, title=titles[0])
    b = make("p2", {"weather": 2, "storm": 1, "rain": 1}, title=titles[1])
    arts = [dataclasses.replace(a[0], outlet=outlets[0]),
            dataclasses.replace(b[0], outlet=outlets[1])]
    return arts, [a[1], b[1]]


RAIL = Reuse(a="p1", b="p2", share_a=0.2, share_b=0.18, origin=None)


def test_a_rail_shared_by_two_pages_of_one_outlet_links_no_story() -> None:
    arts, facts = _pages(("The Weekly Side", "The Weekly Side"),
                         ("Budget deficit grows again", "Storm floods the valley"))
    assert len(cluster(arts, facts, (RAIL,), Settings())) == 2


@pytest.mark.parametrize(("outlets", "titles", "reuse"), [
    # text reprinted across outlets under other headlines: one story, as before
    (("Daily Post", "Evening Star"), ("Budget deficit grows again", "Storm floods the valley"),
     RAIL),
    # one outlet's update whose headline keeps a word family
    (("Daily Post", "Daily Post"), ("Storm floods the valley", "Storm damage mounts"), RAIL),
    # one page reprinted whole
    (("Daily Post", "Daily Post"), ("Budget deficit grows again", "Storm floods the valley"),
     dataclasses.replace(RAIL, share_a=0.97, share_b=0.97, near_duplicate=True)),
    # no outlet known: nothing to tell furniture by
    ((None, None), ("Budget deficit grows again", "Storm floods the valley"), RAIL),
])
def test_other_reuse_still_links_its_pages(outlets, titles, reuse) -> None:
    arts, facts = _pages(outlets, titles)
    assert len(cluster(arts, facts, (), Settings())) == 2  # (the words alone do not)
    assert len(cluster(arts, facts, (reuse,), Settings())) == 1
