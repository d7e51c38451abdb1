"""Issue 23 on the store side, SQLite and PostgreSQL: bad ids cost one problem line each (not
the run), memory is bounded by characters in flight, a known id with other text is reported,
and a report always describes a consistent store."""

from __future__ import annotations

import json

import pytest

from newsprism.model import Article, ArticleFacts
from newsprism.runner import LocalRunner
from newsprism.runner.base import BATCH_CHARS, split, split_tapered
from newsprism.service import changed_known, run_analysis
from newsprism.settings import Settings
from newsprism.storage.store import Store, open_store
from storecases import STORE_KINDS, make_store_url

WORDS = " ".join(f"word{i}" for i in range(40))


@pytest.fixture(params=STORE_KINDS)
def store_url(request, tmp_path) -> str:
    return make_store_url(request.param, tmp_path)


def no_nlp(articles, settings):
    """Per-article work without spaCy: the store, not the parse, is under test."""
    return [(a, ArticleFacts(article_id=a.id)) for a in articles]


def _jsonl(path, records) -> str:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(path)


def _run(paths, url, settings=None):
    return run_analysis(paths, settings or Settings(), db_url=url,
                        runner=LocalRunner(work=no_nlp))


# -- item 7 (and item 3's lone surrogate in an id) ---------------------------------------

def test_bad_ids_cost_one_line_each_and_the_good_lines_are_stored(store_url, tmp_path):
    records = [{"id": "good-1", "text": f"First {WORDS}"},
               {"id": "x" * 129, "text": f"Second {WORDS}"},
               {"id": "nul\u0000id", "text": f"Third {WORDS}"},
               {"id": "sur\ud800id", "text": f"Fourth {WORDS}"},
               {"id": "good-2", "text": f"Fifth {WORDS}"}]
    report = _run([_jsonl(tmp_path / "a.jsonl", records)], store_url)
    assert sorted(a.id for a in report.articles) == ["good-1", "good-2"]
    assert sorted(p.source.rsplit(":", 1)[1] for p in report.problems) == ["2", "3", "4"]
    store = open_store(store_url)
    try:
        assert store.article_ids() == ["good-1", "good-2"]
    finally:
        store.close()


def test_nul_and_surrogates_in_text_fields_are_stored_replaced(store_url, tmp_path):
    records = [{"id": "a1", "text": f"Text with \u0000 NUL and \udc80 {WORDS}",
                "title": "T\u0000\ud800", "byline": "B\udfff", "extra": "m\ud800"}]
    _run([_jsonl(tmp_path / "a.jsonl", records)], store_url)
    store = open_store(store_url)
    try:
        (a,) = store.articles()
        assert "\x00" not in a.text and "\ud800" not in a.text and "and \ufffd" in a.text
        assert a.title == "T\ufffd\ufffd" and a.byline == "B\ufffd"
    finally:
        store.close()


# -- item 2: memory bounded by characters in flight, not by article count ---------------------

def _big(i: int, chars: int) -> Article:
    return Article(id=f"b{i}", source="big.jsonl", text=("w " * (chars // 2))[:chars])


@pytest.mark.parametrize("make", [lambda arts: split(arts, 32),
                                  lambda arts: split_tapered(arts, 32, 2)])
def test_batches_are_bounded_by_characters(make):
    articles = [_big(i, 200_000) for i in range(10)] + [_big(10 + i, 1_000) for i in range(100)]
    batches = make(articles)
    assert [a.id for b in batches for a in b] == [a.id for a in articles]  # order kept
    for batch in batches:
        assert len(batch) == 1 or sum(len(a.text) for a in batch) <= BATCH_CHARS
    assert max(len(b) for b in batches) > 10  # small articles still share batches


# -- item 10: a known id with different text is reported, on every path -----------------------

def test_known_id_with_different_text_is_one_problem(store_url, tmp_path):
    _run([_jsonl(tmp_path / "a.jsonl", [{"id": "same", "text": f"One {WORDS}"}])], store_url)
    store = open_store(store_url)
    try:
        problems = changed_known(store, [Article("same", "b.jsonl", f"Other {WORDS}"),
                                         Article("same2", "b.jsonl", f"New {WORDS}"),
                                         Article("same", "c.jsonl", f"One {WORDS}")],
                                 Settings())
    finally:
        store.close()
    (problem,) = problems
    assert problem.source == "b.jsonl" and "different text" in problem.reason


# -- item 10: a report describes a consistent store, whatever another run does ------------------

def test_report_ignores_articles_another_run_has_stored_but_not_joined(store_url, tmp_path,
                                                                       monkeypatch):
    """Another run stores a checkpoint between our commit and our report: the report must not
    show its articles outside any story."""
    other = open_store(store_url)
    original = Store.commit_analysis

    def commit_then_other_run_stores(self, *args, **kwargs):
        original(self, *args, **kwargs)
        other.add_processed([(Article("other-run", "o.txt", f"Else {WORDS}"),
                              ArticleFacts(article_id="other-run"))])

    monkeypatch.setattr(Store, "commit_analysis", commit_then_other_run_stores)
    try:
        report = _run([_jsonl(tmp_path / "a.jsonl", [{"id": "mine", "text": f"Mine {WORDS}"}])],
                      store_url)
    finally:
        monkeypatch.undo()
        other.close()
    in_stories = {i for s in report.stories for i in s.article_ids}
    assert {a.id for a in report.articles} == in_stories == {"mine"}
    assert all(r.a in in_stories and r.b in in_stories for r in report.reuse)


# -- the store refuses a bad id itself (a caller that skipped the readers' check) ------------

def test_add_processed_refuses_bad_ids_with_one_line_each(store_url):
    ids = ["ok-1", "x" * 129, "nul\u0000id", "sur\ud800id", "", "ok-2"]
    pairs = [(Article(i, "direct.jsonl", f"Text {n} {WORDS}"), ArticleFacts(article_id=i))
             for n, i in enumerate(ids)]
    problems = []
    store = open_store(store_url)
    try:
        new = store.add_processed(pairs, problems.append)
        assert new == ["ok-1", "ok-2"]
        assert store.article_ids() == ["ok-1", "ok-2"]
        assert sorted(store.pending_ids()) == ["ok-1", "ok-2"]
    finally:
        store.close()
    assert len(problems) == 4
    for p in problems:
        assert p.reason.startswith("not stored: 'id' ")
        assert "\x00" not in str(p) and "\n" not in str(p)
        assert all(not ("\ud800" <= ch <= "\udfff") for ch in str(p))
