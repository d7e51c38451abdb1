"""A consensus sentence that one outlet prints bare and others print inside someone's quotation
is stated as their words, never in the summary's own voice (real Baly sample, stop 48: "Russian
collusion is perhaps the greatest hoax perpetrated on the American people." opened a summary
bare, taken from the one outlet whose quote marks were misprinted). Made-up texts."""

from __future__ import annotations

from newsprism.model import Article, ArticleFacts, Consensus, Sentence, Span, Story, StoryContext
from newsprism.settings import Settings
from newsprism.summarize.select import split_sentences
from newsprism.summarize.story import summarize_story

WORDS = "The bridge plan is the worst deal this town has ever seen."
TEXTS = {
    "p1": ("Harbor Post", f"The council met on Monday to vote on the bridge. {WORDS} The vote "
                          "was put off to Friday."),
    "p2": ("Valley Times", f"The council met on Monday. The mayor read from her letter: “I "
                           f"will not sign it. {WORDS} We can do better.” The vote was put off "
                           "to Friday."),
    "p3": ("Kelby News", f"“{WORDS}” the mayor, Lena Ortiz, said on Monday. The vote was put "
                         "off to Friday."),
}


def _ctx() -> StoryContext:
    arts = tuple(Article(id=k, source=f"/in/{k}.txt", text=t, outlet=o, published="2031-05-14")
                 for k, (o, t) in TEXTS.items())
    facts = tuple(ArticleFacts(a.id, sentences=tuple(
        Sentence(a.id, s, e) for s, e in split_sentences(a.text))) for a in arts)
    spans = []
    for a in arts:
        at = a.text.index(WORDS)
        spans.append(Span(a.id, at, at + len(WORDS)))
    item = Consensus(WORDS, ("p1", "p2", "p3"), 3, spans=tuple(spans))
    story = Story(id="s", title="Bridge vote put off", article_ids=tuple(TEXTS),
                  consensus=(item,))
    return StoryContext(story, arts, facts)


def test_words_quoted_elsewhere_are_never_the_summarys_own() -> None:
    texts = [s.text for s in summarize_story(_ctx(), Settings()).summary]
    assert texts, texts
    assert not any(t.strip() == WORDS for t in texts), texts
    stated = [t for t in texts if "worst deal" in t]
    assert stated and all("“" in t for t in stated), stated
