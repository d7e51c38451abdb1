"""Shared fixtures. Data under ../shared is optional: tests that need it skip cleanly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", REPO.parent / "shared"))


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not present (shared data is optional)")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return _need(SHARED)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SHARED / "seeds")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return _need(SHARED / "data")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return REPO / "examples" / "corpus"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings):
    from newsprism.nlp.loader import load_pipeline

    return load_pipeline(settings.spacy_model)


@pytest.fixture
def quotes_of(nlp):
    """text (and an article id) -> the quotes `find_quotes` finds in it."""
    from newsprism.extract.mentions import find_mentions
    from newsprism.extract.quotes import find_quotes
    from newsprism.model import Article

    def run(text: str, aid: str = "a1"):
        article = Article(id=aid, source="test", text=text)
        doc = nlp(text)
        return find_quotes(article, doc, find_mentions(article, doc))
    return run


@pytest.fixture
def quote_with():
    """(quotes, fragment) -> the one quote whose text holds `fragment` (fails on none or two)."""
    def pick(quotes, fragment: str):
        hits = [q for q in quotes if fragment in q.text]
        assert len(hits) == 1, [(q.kind, q.text, q.speaker) for q in hits]
        return hits[0]
    return pick


@pytest.fixture
def speakers_with():
    """(quotes, fragment) -> the speakers of the quotes whose text holds `fragment` (fails on
    none): a fragment may be read by two passes, and each reading must name the speaker."""
    def pick(quotes, fragment: str) -> set:
        hits = [q for q in quotes if fragment in q.text]
        assert hits, [(q.kind, q.text, q.speaker) for q in quotes]
        return {q.speaker for q in hits}
    return pick


@pytest.fixture(scope="module")
def reader(settings):
    """The event-frame reader (stories/frames.py) of the configured spaCy pipeline."""
    from newsprism.stories.frames import reader_for

    r = reader_for(settings.spacy_model, settings.spacy_fast_rules)
    if r is None:
        pytest.skip("spaCy pipeline not installed")
    return r
