"""Full-text search over stories and their articles (storage/search.py), on SQLite (FTS5) and
a real PostgreSQL server (tsvector/GIN). Synthetic, fictional texts only."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from newsprism.model import Article, Entity, Story
from newsprism.storage import search
from newsprism.storage.store import open_store
from storecases import STORE_KINDS, facts, make_store_url


@pytest.fixture(params=STORE_KINDS)
def store_url(request, tmp_path) -> str:
    return make_store_url(request.param, tmp_path)


def art(i: str, day: str, text: str, outlet: str | None = None, title: str | None = None,
        url: str | None = None) -> Article:
    return Article(id=i, source=f"/in/{i}.txt", text=text, outlet=outlet, title=title,
                   published=day, url=url)


ARTICLES = [
    art("a1", "2024-04-01", "The harbour council met on Monday. Tram fares rise in May.",
        "Daily Lantern", "Council meets"),
    art("a2", "2024-04-02", "Councillors argued about the quayside for hours; a marmalade "
        "vendor spoke last.", "Evening Kite", "Quayside row", "https://www.eveningkite.example/x"),
    art("b1", "2024-03-01", "A river barge ran aground near the weir.", "Daily Lantern",
        "Barge aground"),
]
STORIES = [
    Story(id="s1", title="Harbour council meets", article_ids=("a1", "a2"),
          entities=(Entity(id="e1", name="Orla Quennell", type="PERSON"),)),
    Story(id="s2", title="Barge runs aground", article_ids=("b1",)),
]


def filled(url: str):
    store = open_store(url)
    store.add_processed([(a, facts(a.id)) for a in ARTICLES])
    store.commit_analysis([], STORIES, removed=[], done=[a.id for a in ARTICLES])
    return store


def ids(rows) -> list[str]:
    return [r.id for r in rows]


def test_a_word_only_in_an_article_body_finds_its_story(store_url):
    store = filled(store_url)
    # "marmalade" is in a2's text only: not in any title, entity name or outlet.
    assert ids(store.stories("marmalade")) == ["s1"]
    assert store.count_stories("marmalade") == 1
    assert ids(store.stories("Marmalade vendor")) == ["s1"]  # every word, any case
    assert ids(store.stories("marmalade barge")) == []  # words in two different stories
    assert ids(store.stories("quennell")) == ["s1"]  # an entity name
    assert ids(store.stories("aground")) == ["s2"]
    assert ids(store.stories("barges")) == ["s2"]  # stemmed on both databases
    store.close()


@pytest.mark.parametrize("query", ["the", "%", "_", "  ", "'\"*:^()", "NEAR(a b)", "-x OR"])
def test_queries_without_searchable_words_or_with_operators_find_nothing_and_never_fail(
        store_url, query):
    store = filled(store_url)
    found = store.stories(query)
    assert ids(found) == ([] if query.strip() else ["s1", "s2"])
    store.close()


def test_reanalysis_indexes_each_article_and_story_once(store_url):
    store = filled(store_url)
    store.commit_analysis([], STORIES, removed=[], done=[])
    store.commit_analysis([], [STORIES[0]], removed=[], done=[])
    assert ids(store.stories("marmalade")) == ["s1"]
    with store.engine.connect() as conn:
        docs = conn.execute(sa.select(sa.func.count()).select_from(search.article_docs_t))
        rows = conn.execute(sa.select(sa.func.count()).select_from(search.story_list_t))
        assert (docs.scalar_one(), rows.scalar_one()) == (3, 2)
    # A story merged away leaves the index; its article is found under the new story.
    store.commit_analysis([], [Story(id="s3", title="Harbour and barge",
                                     article_ids=("a1", "a2", "b1"))], removed=["s1", "s2"],
                          done=[])
    assert ids(store.stories("marmalade")) == ["s3"] and ids(store.stories("weir")) == ["s3"]
    store.close()


def test_save_report_replaces_an_articles_text_in_the_index(store_url):
    from newsprism.model import Report

    store = filled(store_url)
    changed = art("a2", "2024-04-02", "Councillors argued about a lighthouse instead.",
                  "Evening Kite", "Quayside row")
    store.save_report(Report(articles=(changed,), reuse=(), stories=(STORIES[0],)))
    assert ids(store.stories("marmalade")) == []
    assert ids(store.stories("lighthouse")) == ["s1"]
    assert store.stories("lighthouse")[0].n_outlets == 2  # a1 read from the store
    store.close()


def test_an_existing_store_is_indexed_when_opened(store_url):
    store = filled(store_url)
    with store.engine.begin() as conn:  # a store written before the search tables existed
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("DROP TABLE article_fts")
            conn.exec_driver_sql("DROP TABLE story_fts")
        conn.execute(search.story_list_t.delete())
        conn.execute(search.article_docs_t.delete())
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE article_docs DROP COLUMN tsv")
            conn.exec_driver_sql("ALTER TABLE story_list DROP COLUMN tsv")
    store.close()
    store = open_store(store_url)
    assert ids(store.stories("marmalade")) == ["s1"]
    rows = {r.id: r for r in store.stories()}
    assert rows["s1"].n_outlets == 2 and rows["s1"].outlets == ("Daily Lantern", "Evening Kite")
    store.close()


def test_outlet_filters_sorts_and_count(store_url):
    store = filled(store_url)
    assert ids(store.stories(any_of=[{"eveningkite"}])) == ["s1"]  # by the URL's domain
    assert ids(store.stories(any_of=[{"dailylantern"}])) == ["s1", "s2"]
    assert ids(store.stories(any_of=[{"dailylantern"}, {"nosuch"}])) == []
    assert ids(store.stories(any_of=[set()])) == []
    assert store.count_stories(any_of=[{"dailylantern"}]) == 2
    assert ids(store.stories(sort="outlets")) == ["s1", "s2"]
    assert ids(store.stories(sort="newest")) == ["s1", "s2"]
    # Relevance: "aground" in s2's title and text beats nothing; "council" in s1's title
    # ranks s1 first although s2 is newer.
    store.add_processed([(art("c1", "2024-05-01", "A council clerk retired."), facts("c1"))])
    store.commit_analysis([], [Story(id="s4", title="Clerk retires", article_ids=("c1",))],
                          removed=[], done=["c1"])
    assert ids(store.stories("council", sort="newest")) == ["s4", "s1"]
    assert ids(store.stories("council", sort="relevance")) == ["s1", "s4"]
    assert store.count_stories("council") == 2
    store.close()


@pytest.mark.parametrize("bad", ["2019-13-45", "2024-02-30", "0000", "2024-1-1", "x"])
def test_impossible_dates_are_refused(store_url, bad):
    store = filled(store_url)
    with pytest.raises(ValueError, match="since must be a date"):
        store.stories(since=bad)
    assert search.valid_date("2024-02-29") and not search.valid_date(bad)
    store.close()
