"""The seed story: who said the shared quote, and one entity per person across spellings."""

import pytest

from newsprism.entities import resolve_entities
from newsprism.extract.mentions import find_mentions
from newsprism.extract.quotes import find_quotes
from newsprism.model import Article, ArticleFacts, Story, StoryContext
from newsprism.text import fold


@pytest.fixture(scope="module")
def story(seeds_dir, nlp, settings):
    articles, facts = [], []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.stem[:3], source=str(path), text=text)
        doc = nlp(text)
        mentions = find_mentions(article, doc)
        articles.append(article)
        facts.append(ArticleFacts(article.id, mentions=mentions,
                                  quotes=find_quotes(article, doc, mentions)))
    if len(articles) < 5:
        pytest.skip("the five seed articles are not all present")
    ctx = StoryContext(Story("seed", "seed", tuple(a.id for a in articles)), tuple(articles),
                       tuple(facts))
    return resolve_entities(ctx, settings)


def _names(entity) -> str:
    return " ".join(fold(n) for n in (entity.name, *entity.aliases))


def test_shared_quote_speakers(story):
    by_id = {e.id: e for e in story.entities}
    hits = {q.article_id: q for q in story.quotes
            if q.text.startswith("If the American administrations")}
    assert set(hits) == {"000", "001", "003", "004"}
    assert all(q.kind == "direct" for q in hits.values())
    minister = {hits[a].speaker_entity for a in ("001", "003", "004")}
    assert len(minister) == 1 and None not in minister
    assert "ayoub" in _names(by_id[minister.pop()])
    assert hits["001"].speaker_text == "the Syrian commander"
    assert hits["004"].speaker_text == "he"
    chief = by_id[hits["000"].speaker_entity]
    assert "baqeri" in _names(chief) and "bagheri" in _names(chief)


def test_one_entity_per_person_across_spellings(story):
    people = [e for e in story.entities if e.type == "PERSON"]
    baqeri = [e for e in people if "baqeri" in _names(e) or "bagheri" in _names(e)]
    ayoub = [e for e in people if "ayoub" in _names(e) or "ayyoub" in _names(e)]
    assert len(baqeri) == 1 and len(ayoub) == 1
    assert "muhammad baqeri" in _names(baqeri[0]) and "mohammad bagheri" in _names(baqeri[0])
    assert len(baqeri[0].article_ids) == 5
    us = [e for e in story.entities if "united states" in _names(e)]
    assert len(us) == 1 and {"us", "u s", "america"} <= {fold(a) for a in us[0].aliases}


def test_every_quote_span_matches_its_text(story, seeds_dir):
    texts = {p.stem[:3]: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    for q in story.quotes:
        assert texts[q.article_id][q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert texts[q.article_id][q.speaker_start:q.speaker_end] == q.speaker_text
