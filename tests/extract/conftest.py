"""Fixtures shared by the extractor tests."""

from __future__ import annotations

import pytest

from newsprism.extract.mentions import find_mentions
from newsprism.extract.quotes import find_quotes
from newsprism.model import Article


@pytest.fixture
def quotes_of(nlp):
    """text (and an article id) -> the quotes `find_quotes` finds in it."""
    def run(text: str, aid: str = "a1"):
        article = Article(id=aid, source="test", text=text)
        doc = nlp(text)
        return find_quotes(article, doc, find_mentions(article, doc))
    return run
