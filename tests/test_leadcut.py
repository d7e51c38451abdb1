"""An article's stored lead (`leadcut.lead_cut`) gives every rule that reads a lead (the
stand-in day of an undated article; the rules that weigh a pair one of which is undated)
what the article's whole facts give (issue 25: an update reads the lead instead of decoding
the lean facts of every article its stories hold)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from newsprism.model import Article, ArticleFacts, DateRef, Mention, Sentence
from newsprism.settings import Settings
from newsprism.storage.store import lean
from newsprism.stories import ahead, headnames, undated, undoing, weekdays
from newsprism.stories.frames import Frame
from newsprism.stories.leadcut import lead_cut

UNDOES = Frame(undoing.undo_families(), frozenset())


def rule_values(article: Article, facts: ArticleFacts) -> dict[str, object]:
    """What each pair rule reads of one article, on `facts`."""
    published = date(2020, 7, 8).toordinal()
    undated_twin = replace(article, published=None)
    return {
        "stated day": undated.stated_day(undated_twin, facts),
        "stated year": undated.stated_year(facts),
        "month days": undated.lead_month_days(article, facts),
        "lead end": undated.lead_end(facts),
        "weekdays": weekdays.lead_weekdays(article, facts),
        "headline names": headnames.headline_names(article, facts),
        "undoing told": undoing.undoing_told(article, facts, UNDOES),
        "speaks of undoing": undoing.speaks_of_undoing(article, facts),
        "looks ahead": ahead.looks_ahead(article, facts),
        "scheduled days": ahead.scheduled_days(article, facts, published),
        "previews far ahead": ahead.previews_far_ahead(article, facts, float(published)),
    }


def test_the_lead_gives_each_rule_what_the_whole_facts_give_on_the_demo_corpus(
        examples_dir, shared_dir) -> None:
    from newsprism.runner.local import LocalRunner
    from newsprism.service import read_articles

    settings = Settings()
    inputs = [str(examples_dir)]
    if (shared_dir / "seeds").is_dir():
        inputs.append(str(shared_dir / "seeds"))
    articles, _ = read_articles(inputs, settings)
    pairs = LocalRunner().map_articles(articles, settings, None)
    named = 0
    for article, facts in pairs:
        stored = lean(facts)  # what the store keeps, and the cut is made from
        cut = lead_cut(article, stored)
        assert rule_values(article, cut) == rule_values(article, stored), article.id
        assert len(cut.mentions) <= len(stored.mentions)
        named += bool(headnames.headline_names(article, stored))
    assert named, "no headline names a person or organisation: the mentions go untested"


def test_the_lead_keeps_its_sentences_the_dates_and_the_headline_names() -> None:
    lead = "A vote is scheduled for July 20 in Parliament, Tuesday. Smith said so. It rained."
    rest = " Later Jones spoke of the March 3 meeting and Acme Corp."
    text = lead + rest
    aid = "a"

    def span(word: str) -> tuple[int, int]:
        k = text.index(word)
        return k, k + len(word)

    article = Article(id=aid, source="t", text=text, published="2020-07-08",
                      title="Smith's vote plan for Acme")
    first, second = text.index(" Smith"), text.index(" It rained")
    facts = ArticleFacts(
        article_id=aid,
        sentences=(Sentence(aid, 0, first), Sentence(aid, first + 1, second),
                   Sentence(aid, second + 1, len(lead)), Sentence(aid, len(lead) + 1, len(text))),
        mentions=(Mention(aid, *span("Smith"), "Smith", "PERSON"),
                  Mention(aid, *span("Jones"), "Jones", "PERSON"),
                  Mention(aid, *span("Acme Corp"), "Acme Corp", "ORG"),
                  Mention(aid, *span("Parliament"), "Parliament", "ORG")),
        dates=(DateRef(aid, *span("July 20"), "July 20", "2020-07-20"),
               DateRef(aid, *span("March 3"), "March 3", "2020-03-03")))
    cut = lead_cut(article, facts)
    assert [d.text for d in cut.dates] == ["July 20", "March 3"]  # the year: of all dates
    assert len(cut.sentences) == 3
    assert [m.text for m in cut.mentions] == ["Smith"]  # "Corp" is not a headline word
    assert rule_values(article, cut) == rule_values(article, facts)
    assert rule_values(article, cut)["scheduled days"] == [date(2020, 7, 20).toordinal()] * 2
    assert rule_values(article, cut)["headline names"] == frozenset({"smith"})


@pytest.mark.parametrize("sentences", [0, 1, 5])
def test_the_lead_of_few_or_many_sentences(sentences: int) -> None:
    text = " ".join(f"On Monday {k} things happened." for k in range(sentences))
    aid = "b"
    spans, start = [], 0
    for _ in range(sentences):
        end = text.index(".", start) + 1
        spans.append(Sentence(aid, start, end))
        start = end + 1
    article = Article(id=aid, source="t", text=text, published="2020-07-08", title="Things")
    facts = ArticleFacts(article_id=aid, sentences=tuple(spans))
    cut = lead_cut(article, facts)
    assert len(cut.sentences) == min(sentences, 3)
    assert rule_values(article, cut) == rule_values(article, facts)
