"""Plain-text files, the form scrapers leave behind: header lines, body, footer, all in one.

The reader keeps the raw text as it is (header included): recovering title, outlet, byline and
date from the header is `clean.clean_article`'s job, so it can be tested without files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import Article, InputProblem
from ..settings import Settings
from ..text import stable_id
from ._common import decode_text, normalize_newlines, read_capped


def article_from_text(raw: str, source: str, outlet: str | None = None) -> Article | InputProblem:
    text = normalize_newlines(raw)
    if not text.strip():
        return InputProblem(source, "empty file")
    return Article(id=stable_id(text), source=source, text=text, outlet=outlet)


def read_text_file(path: Path, source: str, settings: Settings,
                   outlet: str | None = None) -> Iterator[Article | InputProblem]:
    data = read_capped(path, source, settings)
    if isinstance(data, InputProblem):
        yield data
        return
    text = decode_text(data, source)
    if isinstance(text, InputProblem):
        yield text
        return
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        # Saved pages often end up as .txt: read them as the HTML they are.
        from .html import article_from_html

        yield article_from_html(data, source, settings, outlet=outlet)
        return
    yield article_from_text(text, source, outlet)
