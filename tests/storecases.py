"""Factories and store URLs shared by the store, runner and crash tests.

`make_store_url` gives, per `STORE_KINDS`, a SQLite file or a fresh PostgreSQL database on
the server tests/pgserver.py starts once per test process. The PostgreSQL case is marked
`integration` and skips, saying why, only when no server can be started.
"""

from __future__ import annotations

import gc
import io
import tracemalloc
from pathlib import Path

import pytest

from newsprism.model import Article, ArticleFacts, DateRef, Mention, Story
from pgserver import PgUnavailable, fresh_database_url


def article(i: str, published: str | None, text: str | None = None) -> Article:
    return Article(id=i, source=f"/in/{i}.txt", text=text or f"Words of article {i}. More.",
                   outlet=f"Outlet {i}", title=f"Title {i}", published=published,
                   metadata=(("section", '"world"'),))


def facts(i: str) -> ArticleFacts:
    return ArticleFacts(article_id=i,
                        mentions=(Mention(i, 0, 5, "Words", "ORG"),),
                        dates=(DateRef(i, 0, 5, "today", "2024-01-01"),),
                        terms=(("article", 1), ("word", 2)))


def story(i: str, ids: tuple[str, ...], title: str) -> Story:
    return Story(id=i, title=title, article_ids=ids)


def postgres_url(prefix: str = "t") -> str:
    try:
        return fresh_database_url(prefix)
    except PgUnavailable as exc:
        pytest.skip(f"PostgreSQL: {exc}")


# Parameters for a `store_url` fixture: each test module declares its own, three lines long,
# because pytest shares fixtures across modules only through conftest.py.
STORE_KINDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)]


def make_store_url(kind: str, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return postgres_url()


class Discard(io.TextIOBase):
    """A text stream that keeps nothing (what a report write holds, not its text)."""

    def write(self, text: str) -> int:
        return len(text)


def write_peak(report) -> int:
    """The most memory `write_report_json(report)` held at once (tracemalloc), its text
    thrown away as written."""
    from newsprism.storage.report import write_report_json

    gc.collect()
    tracemalloc.start()
    try:
        write_report_json(report, Discard())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
