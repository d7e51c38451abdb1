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


SELF = "I signed the order to rebuild the dam at the direction of the board on Monday."


def _quoted_in(settings, sentence: str, quoted: set[int],
               speakers: dict[int, str | None]) -> Story:
    """Three outlets carry `sentence`: the `quoted` ones inside a statement quoted over several
    sentences (the sentence itself carries no tag), the others bare; `speakers`: the quotes
    the line found, by outlet."""
    arts, claims, quotes = [], [], []
    for i in (1, 2, 3):
        text = (f"Residents met in hall {i} on Monday. The treasurer wrote: “{sentence}”"
                if i in quoted else f"Residents met in hall {i} on Monday. {sentence}")
        a = Article(id=f"a{i}", source=f"a{i}.txt", text=text, outlet=f"Outlet {i}",
                    published="2031-03-04")
        arts.append(a)
        at = text.index(sentence)
        claims.append(Claim(id=stable_id(a.id, str(at)), article_id=a.id, start=at,
                            end=at + len(sentence), text=sentence, predicate="rebuild"))
        if i in speakers:
            quotes.append(Quote(id=f"q{i}", article_id=a.id, start=at, end=at + len(sentence),
                                text=sentence, kind="direct", speaker=speakers[i]))
    story = Story(id="s", title="t", article_ids=tuple(a.id for a in arts),
                  claims=tuple(claims), quotes=tuple(quotes))
    return compare_story(StoryContext(story=story, articles=tuple(arts), facts=()), settings)


def _self_story(settings, speakers: dict[int, str | None]) -> Story:
    """Outlet 1 prints the first-person sentence bare; the others quote it with `speakers`."""
    return _quoted_in(settings, SELF, {2, 3}, speakers)


def test_first_person_words_printed_bare_are_the_speaker_others_quote(settings) -> None:
    """Seed 433: Cohen's tweet "As for the … article on poll rigging, what I did was …" was a
    consensus item with no speaker: the outlet it was taken from printed it bare."""
    story = _self_story(settings, {2: "Ana Vale", 3: "Ana Vale"})
    assert [c.text for c in story.consensus] == [f"Ana Vale: “{SELF}”"]


def test_first_person_words_given_to_two_speakers_stay_as_printed(settings) -> None:
    """(guard) The quoting outlets disagree on who said it: no speaker is picked."""
    story = _self_story(settings, {2: "Ana Vale", 3: "Rob Pike"})
    assert [c.text for c in story.consensus] == [SELF]


def _bare_story(settings, quoting: dict[int, str]) -> Story:
    """Outlet 1 prints a third-person sentence bare; the `quoting` outlets quote it."""
    return _quoted_in(settings, WORDS, set(quoting), dict(quoting))


def test_words_most_outlets_quote_are_the_speakers_though_one_prints_them_bare(settings) -> None:
    """Real text (stop 48): "Russian collusion is perhaps the greatest hoax ..." came from the
    one outlet that misprinted its marks, and read as three outlets' own claim."""
    story = _bare_story(settings, {2: "Ana Vale", 3: "Ana Vale"})
    assert [c.text for c in story.consensus] == [f"Ana Vale: “{WORDS}”"]


def test_words_one_outlet_of_three_quotes_stay_as_printed(settings) -> None:
    """(guard) Two outlets state it in their own voice, one quotes an official saying it."""
    story = _bare_story(settings, {3: "Ana Vale"})
    assert [c.text for c in story.consensus] == [WORDS]


def _outlets(settings, outlets: list[tuple[str, list[str], list[tuple[str, str, str]]]]
             ) -> Story:
    """A story of one article per outlet: (its text, its claims (sentences of the text), its
    quotes (words of the text, speaker, kind))."""
    arts, claims, quotes = [], [], []
    for i, (text, sentences, said) in enumerate(outlets, 1):
        a = Article(id=f"a{i}", source=f"a{i}.txt", text=text, outlet=f"Outlet {i}",
                    published="2031-03-04")
        arts.append(a)
        for sent in sentences:
            at = text.index(sent)
            claims.append(Claim(id=stable_id(a.id, str(at)), article_id=a.id, start=at,
                                end=at + len(sent), text=sent, predicate="rebuild"))
        for words, speaker, kind in said:
            at = text.index(words)
            quotes.append(Quote(id=f"q{i}{at}", article_id=a.id, start=at, end=at + len(words),
                                text=words, kind=kind, speaker=speaker))
    story = Story(id="s", title="t", article_ids=tuple(a.id for a in arts),
                  claims=tuple(claims), quotes=tuple(quotes))
    return compare_story(StoryContext(story=story, articles=tuple(arts), facts=()), settings)


def test_the_writers_words_around_a_quoted_phrase_stay_the_writers(settings) -> None:
    """(guard) Real text (stop 48): `It went on to call 2017 “a year of unrelenting bias ...”`
    was given to the speaker of the quoted phrase, which filled most of the sentence."""
    phrase = ("a year of broken promises, of empty budgets, of closed schools and of long "
              "queues at every clinic in Kelby")
    sent = f"It called 2017 “{phrase}.”"
    assert len(phrase) > 0.8 * len(sent)  # the quoted phrase is most of the sentence
    story = _outlets(settings, [(f"Residents met in hall {i} on Monday. {sent}", [sent],
                                 [(phrase, "Ana Vale", "partial")]) for i in (1, 2)])
    assert [c.text for c in story.consensus] == [sent]


def test_a_paraphrase_of_words_others_quote_is_never_put_in_quote_marks(settings) -> None:
    """(guard) Real text (stop 48): one outlet's "The concern is that it could spread ..."
    was shown as the WHO chief's words because another outlet quoted him saying it otherwise."""
    said = "Our greatest concern is that the flood could reach the towns with the weakest dams."
    told = "The greatest concern is that the flood could reach the towns with the weakest dams."
    story = _outlets(settings, [
        (f"Residents met on Monday. {told}", [told], []),
        (f"Residents met on Monday. Ana Vale wrote: “{said}”", [said],
         [(said, "Ana Vale", "direct")])])
    assert [c.text for c in story.consensus] == [told], story.consensus


def test_words_another_outlet_quotes_after_its_tag_in_another_spelling_are_the_speakers(
        settings) -> None:
    """Real text (stop 48): The Hill printed WikiLeaks' tweet bare as an embed, USA Today as
    `Wikileaks said in a Thursday tweet that "Powerful actors ... dehumanize ..."`."""
    bare = ("Powerful actors in the city, including the water board and two of its lawyers, are "
            "engaged in a sophisticated effort to dehumanise, delegitimize and silence the "
            "council.")
    quoted = bare.replace("dehumanise", "dehumanize")
    tagged = f'The union said in a tweet that "{quoted}"'
    # A third outlet's own sentences, so the story's word weights are not two texts' alone.
    other = ["The council met in the old hall on Monday evening.",
             "Two lawyers for the water board spoke first.",
             "The mayor left before the vote was taken.",
             "A crowd waited outside in the rain for hours."]
    story = _outlets(settings, [
        (f"Residents met on Monday. {bare}", [bare], []),
        (f"Residents met on Monday. {tagged}", [tagged], [(quoted[:-1], "Kelby Union", "direct")]),
        (" ".join(other), other, [])])
    assert [c.text for c in story.consensus] == [f"Kelby Union: “{bare}”"], story.consensus


def test_a_sentence_ending_a_quote_with_its_tag_is_not_quoted_again(settings) -> None:
    """Real text, stop 49: `As editor-in-chief, I routinely have off-the-record conversations
    ... practices," he said.` (the quote opened a sentence before) was shown as `John Harris:
    “As editor-in-chief, ... practices," he said.”`, the tag inside the speaker's words."""
    tagged = SELF[:-1] + ",” she said."
    story = _quoted_in(settings, tagged, set(), {1: "Ana Vale", 2: "Ana Vale", 3: "Ana Vale"})
    assert [c.text for c in story.consensus] == [tagged]
