"""A subhead, a chart label or a lead-in ending in a colon is no finding: it states nothing
for outlets to agree on or to leave out (read on a real Baly sample, stop 46: "It has
previously declared five global public health emergencies:" and "$3.5bn reallocated from
military construction projects" as consensus items). The same words closing their own
paragraph, or ending a text the page cut off, still count. Made-up sentences."""

from __future__ import annotations

import pytest

from newsprism.compare.story import compare_story
from newsprism.model import Article, Claim, Story, StoryContext
from newsprism.text import stable_id

LINE = "The council has approved five repairs of the Orrin dam since the flood"
AFTER = "\n\nEngineers inspected the wall on Monday."


def _story(settings, text: str, line: str) -> Story:
    arts = [Article(id=f"a{i}", source=f"a{i}.txt", text=text, outlet=f"Outlet {i}",
                    published="2031-03-04") for i in (1, 2, 3)]
    arts.append(Article(id="a4", source="a4.txt", outlet="Outlet 4", published="2031-03-04",
                        text="Shoppers crowded the Kelby market ahead of the holiday weekend."))
    claims = tuple(Claim(id=stable_id(a.id, "0"), article_id=a.id, start=0,
                         end=len(line) if a.id != "a4" else len(a.text),
                         text=line if a.id != "a4" else a.text,
                         predicate="approve" if a.id != "a4" else "crowd")
                   for a in arts)
    story = Story(id="s", title="t", article_ids=tuple(a.id for a in arts), claims=claims)
    ctx = StoryContext(story=story, articles=tuple(arts), facts=())
    return compare_story(ctx, settings)


@pytest.mark.parametrize("line", [LINE, LINE + ":"])
def test_an_unclosed_line_followed_by_text_is_no_consensus_and_no_omission(settings,
                                                                           line) -> None:
    story = _story(settings, line + AFTER, line)
    assert story.consensus == ()
    assert not [e for e in story.exclusives if e.kind == "omission"]


@pytest.mark.parametrize(("text", "line"), [(LINE + "." + AFTER, LINE + "."),
                                            (LINE + ".", LINE + "."),
                                            (LINE, LINE)])  # a text cut off at its end
def test_a_closed_line_or_a_cut_off_end_still_counts(settings, text, line) -> None:
    story = _story(settings, text, line)
    assert [c.text for c in story.consensus] == [line]
    assert [e.article_id for e in story.exclusives if e.kind == "omission"] == ["a4"]
