"""The analyze-path facts of a long list are cached in chunks (eval/stories_facts.py): a run
stopped part way keeps its finished chunks, and a run over a prefix reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.eval import stories_facts
from newsprism.model import Article, ArticleFacts
from newsprism.settings import Settings


def _fake_analyze(articles, settings):  # noqa: ANN001, ANN202  (a stand-in for the line)
    return [(a, ArticleFacts(article_id=a.id)) for a in articles]


def _refuse(articles, settings):  # noqa: ANN001, ANN202
    raise AssertionError("the facts should have come from the cache")


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{k}", source="made-up", text=f"The Velmora ferry ran {k} times.")
            for k in range(n)]


def test_chunks_are_cached_and_a_prefix_reads_them(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories_facts, "CHUNK", 2)
    monkeypatch.setattr(stories_facts, "_analyze_part", _fake_analyze)
    arts = _articles(5)
    pairs = stories_facts.analyzed_for(arts, Settings(), cache_dir=tmp_path)
    assert [a.id for a, _ in pairs] == [a.id for a in arts]
    assert [f.article_id for _, f in pairs] == [a.id for a in arts]
    assert len(list(tmp_path.glob("*.jsonl.gz"))) == 3  # 2 + 2 + 1
    monkeypatch.setattr(stories_facts, "_analyze_part", _refuse)
    prefix = stories_facts.analyzed_for(arts[:4], Settings(), cache_dir=tmp_path)
    assert [a.id for a, _ in prefix] == ["a0", "a1", "a2", "a3"]
    with pytest.raises(AssertionError):  # a list whose chunks differ is analyzed again
        stories_facts.analyzed_for(arts[1:], Settings(), cache_dir=tmp_path)
