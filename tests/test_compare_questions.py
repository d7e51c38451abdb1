"""A question the outlet asks is no finding: it asserts nothing for outlets to agree on, for
one to carry alone or to leave out (read on a real Baly sample: "Quick: What did X say in
last year's address?" as a consensus item and an omission). A question inside quote marks is
someone's, reported, and stays. Made-up sentences."""

from __future__ import annotations

from newsprism.compare.story import compare_story
from newsprism.model import Article, Claim, Story, StoryContext
from newsprism.text import stable_id

ASKED = "Quick: What did the mayor promise the port workers in last year's city address?"
SAID = "\u201cWhat did the mayor promise the port workers last year?\u201d the union leader asked."
FACT = "The mayor promised the port workers a new contract in last year's city address."


def _story(settings, sentence: str) -> Story:
    arts = [Article(id=f"a{i}", source=f"a{i}.txt", text=sentence, outlet=f"Outlet {i}",
                    published="2031-03-04") for i in (1, 2, 3)]
    arts.append(Article(id="a4", source="a4.txt", outlet="Outlet 4", published="2031-03-04",
                        text="Shoppers crowded the Kelby market ahead of the holiday weekend."))
    claims = tuple(Claim(id=stable_id(a.id, "0"), article_id=a.id, start=0, end=len(a.text),
                         text=a.text, predicate="promise" if a.id != "a4" else "crowd")
                   for a in arts)
    story = Story(id="s", title="t", article_ids=tuple(a.id for a in arts), claims=claims)
    ctx = StoryContext(story=story, articles=tuple(arts), facts=())
    return compare_story(ctx, settings)


def test_an_outlets_question_is_no_consensus_and_no_omission(settings) -> None:
    story = _story(settings, ASKED)
    assert story.consensus == ()
    assert not [e for e in story.exclusives if e.kind == "omission"]


def test_statements_and_quoted_questions_still_count(settings) -> None:
    for sentence in (FACT, SAID):
        story = _story(settings, sentence)
        assert [c.text for c in story.consensus] == [sentence]
        assert [e.article_id for e in story.exclusives if e.kind == "omission"] == ["a4"]
