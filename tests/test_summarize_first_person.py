"""The summary never speaks in the first person: "I"/"we" left outside quote marks belong to a
statement the page printed without them (a resignation letter pasted after "said in his
statement:", a tweet) or to the outlet's own voice. The extractive candidates were filtered so
(`select.own_voice`); consensus items and exclusives reached the summary by another path and
were not (read on a real Baly sample: "... I have tendered my resignation." as a consensus
sentence). Also: a name put in for a pronoun is written once, without the mention's own
possessive. Made-up texts.
"""

from __future__ import annotations

import pytest

from newsprism.model import (
    Article,
    ArticleFacts,
    Consensus,
    Exclusive,
    Mention,
    Sentence,
    Span,
    Story,
    StoryContext,
)
from newsprism.settings import Settings
from newsprism.summarize.select import split_sentences
from newsprism.summarize.standalone import Resolver
from newsprism.summarize.story import summarize_story

LETTER = ("Mayor Lena Ortiz said in her own statement:After the vote, I asked for time away "
          "from City Hall.Upon further reflection, and after meeting with the council, I have "
          "tendered my resignation. We thank the voters of Kelby for eight good years. The council "
          "will name an acting mayor on Friday.")
OTHER = ("Lena Ortiz left office on Tuesday.Upon further reflection, and after meeting with the "
         "council, I have tendered my resignation. The council will name an acting mayor on "
         "Friday.")
SHARED = "Upon further reflection, and after meeting with the council, I have tendered my " \
    "resignation."


def _context(story_extra: dict) -> StoryContext:
    texts = {"p1": ("Harbor Post", LETTER), "p2": ("Valley Times", OTHER)}
    arts = tuple(Article(id=k, source=f"/in/{k}.txt", text=t, outlet=o,
                         published="2031-05-14") for k, (o, t) in texts.items())
    facts = tuple(ArticleFacts(a.id, sentences=tuple(
        Sentence(a.id, s, e) for s, e in split_sentences(a.text))) for a in arts)
    story = Story(id="s", title="Ortiz resigns", article_ids=("p1", "p2"), **story_extra)
    return StoryContext(story, arts, facts)


def _span(article_text: str, aid: str, phrase: str) -> Span:
    at = article_text.index(phrase)
    return Span(aid, at, at + len(phrase))


@pytest.mark.parametrize(("text", "kept"), [
    (SHARED, False),
    ("We asked the council for the letter on Monday.", False),
    ("The council will name an acting mayor on Friday.", True),
    ("Ortiz said: \u201cI have tendered my resignation.\u201d", True),
    ("The U.S. council of mayors met in Kelby.", True),
])
def test_the_resolver_leaves_out_unquoted_first_person(text: str, kept: bool) -> None:
    ctx = _context({})
    doc = ctx.article("p1").text
    start = doc.find(text) if text in doc else 0
    resolved = Resolver(ctx).resolve(text, "p1" if text in doc else None, start,
                                     start + len(text))
    assert (resolved is not None) is kept


def test_a_first_person_consensus_item_is_not_a_summary_sentence() -> None:
    consensus = Consensus(SHARED, ("p1", "p2"), 2, spans=(
        _span(LETTER, "p1", SHARED), _span(OTHER, "p2", SHARED)))
    acting = "The council will name an acting mayor on Friday."
    agreed = Consensus(acting, ("p1", "p2"), 2, spans=(
        _span(LETTER, "p1", acting), _span(OTHER, "p2", acting)))
    ctx = _context({"consensus": (consensus, agreed)})
    texts = [s.text for s in summarize_story(ctx, Settings()).summary]
    assert any("acting mayor" in t for t in texts)  # the plain consensus is stated
    assert not any("resignation" in t for t in texts), texts


def test_a_first_person_exclusive_is_not_a_summary_sentence() -> None:
    thanks = "We thank the voters of Kelby for eight good years."
    ex = Exclusive(thanks, "p1", LETTER.index(thanks), LETTER.index(thanks) + len(thanks))
    ctx = _context({"exclusives": (ex,)})
    texts = [s.text for s in summarize_story(ctx, Settings()).summary]
    assert not any("voters" in t for t in texts), texts
    # a plain exclusive in its place is stated
    plain = "Lena Ortiz left office on Tuesday."
    ex2 = Exclusive(plain, "p2", OTHER.index(plain), OTHER.index(plain) + len(plain))
    texts = [s.text for s in summarize_story(_context({"exclusives": (ex2,)}),
                                              Settings()).summary]
    assert any("left office" in t for t in texts), texts


def test_a_possessive_mention_is_put_in_once() -> None:
    # The mention the antecedent comes from is written "Dorn’s": the pronoun "His" becomes
    # "Dorn’s", not "Dorn’s’s" (read in a real timeline: "Trump’s’s performance yesterday").
    text = ("Critics faulted Piet Dorn’s speech on the dam.\n\nHis visit to Kelby on Monday "
            "was cut short by the flood.")
    arts = (Article(id="d1", source="/in/d1.txt", text=text, outlet="Harbor Post"),)
    at = text.index("Piet Dorn’s")
    facts = (ArticleFacts("d1", sentences=tuple(Sentence("d1", s, e)
                                                for s, e in split_sentences(text)),
                          mentions=(Mention("d1", at, at + len("Piet Dorn’s"), "Piet Dorn’s",
                                            "PERSON"),)),)
    ctx = StoryContext(Story(id="s", title="t", article_ids=("d1",)), arts, facts)
    start = text.index("His visit")
    st = Resolver(ctx).resolve(text[start:], "d1", start, len(text))
    assert st is not None and st.text.startswith("Piet Dorn’s visit to Kelby"), st
    assert [text[sp.start:sp.end] for sp in st.spans] == ["Piet Dorn"]
