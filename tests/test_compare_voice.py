"""A consensus item that is wholly someone's quoted words is shown as theirs (read on a real
Baly sample: three outlets' "Despite some very corrupt and dishonest media coverage, ..." was a
consensus item with no speaker, reading as the outlets' own claim). Made-up texts."""

from __future__ import annotations

from newsprism.compare.story import compare_story
from newsprism.model import Article, Claim, Quote, Story, StoryContext
from newsprism.text import stable_id

WORDS = "The dam will be rebuilt by the spring and no family will pay for it."
PLAIN = "The council approved the money for the new dam on Tuesday evening."


def _story(settings, sentence_of, speaker: str | None) -> Story:
    arts, claims, quotes = [], [], []
    for i in (1, 2, 3):
        text = sentence_of(i)
        a = Article(id=f"a{i}", source=f"a{i}.txt", text=text, outlet=f"Outlet {i}",
                    published="2031-03-04")
        arts.append(a)
        at = text.index(WORDS) if WORDS in text else text.index(PLAIN)
        sent = WORDS if WORDS in text else PLAIN
        claims.append(Claim(id=stable_id(a.id, str(at)), article_id=a.id, start=at,
                            end=at + len(sent), text=sent, predicate="rebuild"))
        if WORDS in text:
            quotes.append(Quote(id=f"q{i}", article_id=a.id, start=at, end=at + len(WORDS),
                                text=WORDS, kind="direct", speaker=speaker))
    story = Story(id="s", title="t", article_ids=tuple(a.id for a in arts),
                  claims=tuple(claims), quotes=tuple(quotes))
    return compare_story(StoryContext(story=story, articles=tuple(arts), facts=()), settings)


def _quoted(i: int) -> str:
    return f"Residents met in hall {i} on Monday. The mayor spoke first: “{WORDS}”"


def test_quoted_words_are_given_to_their_speaker(settings) -> None:
    story = _story(settings, _quoted, "Ana Vale")
    assert [c.text for c in story.consensus] == [f"Ana Vale: “{WORDS}”"]
    assert story.consensus[0].independent_sources == 3  # the sources are unchanged


def test_quoted_words_with_no_known_speaker_keep_their_marks(settings) -> None:
    story = _story(settings, _quoted, None)
    assert [c.text for c in story.consensus] == [f"“{WORDS}”"]


def test_the_outlets_own_sentence_is_unchanged(settings) -> None:
    story = _story(settings, lambda i: f"Residents met in hall {i} on Monday. {PLAIN}", "Ana Vale")
    assert [c.text for c in story.consensus] == [PLAIN]
