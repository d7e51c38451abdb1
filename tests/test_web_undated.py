"""The story page says when members have no publish date: they were grouped by their wording
alone and may report different events on one topic (on real news with the dates hidden, most
such groupings spanned weeks: docs/stories.md, stop 43). Made-up articles."""

from __future__ import annotations

import pytest

from newsprism.web.render import render
from newsprism.web.views import StoryView

CAUTION = "grouped by their wording alone"


def _page(published: list[str | None]) -> str:
    articles = [{"id": f"a{k}", "source": f"a{k}.txt", "outlet": f"Outlet {k}",
                 "title": "Dam repaired", "byline": None, "published": day,
                 "text": "The Orrin dam was repaired on Monday.", "word_count": 7}
                for k, day in enumerate(published)]
    story = {"id": "s1", "title": "Dam repaired", "article_ids": [a["id"] for a in articles],
             "entities": [], "quotes": [], "conflicts": [], "consensus": [], "exclusives": [],
             "framing": [], "summary": [], "timeline": [], "related": []}
    return render("story.html", v=StoryView(story, articles, []).context(), sid="story")


@pytest.mark.parametrize(("published", "said"), [
    ([None, "2031-03-04", None], "2 of 3 articles have no publish date"),
    ([None, None], "2 of 2 articles have no publish date"),
])
def test_undated_members_are_named_on_the_story_page(published, said) -> None:
    page = _page(published)
    assert said in page and CAUTION in page


@pytest.mark.parametrize("published", [["2031-03-04", "2031-03-05"], [None]])
def test_dated_stories_and_single_articles_carry_no_caution(published) -> None:
    assert CAUTION not in _page(published)
