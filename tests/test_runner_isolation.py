"""One article whose analysis raises is one reported problem, whatever the size of its batch
(a batch of one article re-raised, and a one-article input, or the last batch of one, stopped
the whole run)."""

from __future__ import annotations

import pytest

from newsprism.model import Article, ArticleFacts
from newsprism.runner.base import process_batch
from newsprism.settings import Settings


def _work(articles, settings):
    out = []
    for a in articles:
        if a.id == "bad":
            raise RecursionError("maximum recursion depth exceeded")
        out.append((a, ArticleFacts(article_id=a.id)))
    return out


def _art(aid: str) -> Article:
    return Article(id=aid, source=f"in/{aid}.txt", text="Some text.")


@pytest.mark.parametrize("ids", [["bad"], ["good", "bad"], ["bad", "good", "other"]])
def test_a_failing_article_is_one_problem_in_any_batch(ids: list[str]) -> None:
    batch = process_batch(3, [_art(i) for i in ids], Settings(), work=_work)
    assert batch.index == 3
    assert [a.id for a, _ in batch.pairs] == [i for i in ids if i != "bad"]
    (problem,) = batch.problems
    assert problem.source == "in/bad.txt (article bad)"
    assert problem.reason == "analysis failed: RecursionError: maximum recursion depth exceeded"
