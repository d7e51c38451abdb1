"""HTML pages: main text and metadata with trafilatura (pinned in pyproject).

Used for `.html` files and, through `article_from_html`, for fetched pages and WARC records.
The outlet is the site's own name (OpenGraph/JSON-LD/`<title>` via trafilatura), the URL is the
page's canonical one when the page gives it; the id is `stable_id(url)` when a URL is known.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import Article, InputProblem
from ..settings import Settings
from ..text import fold, stable_id
from ._common import human_size, looks_binary, max_input_bytes, normalize_newlines, read_capped
from .jsonl import normalize_published
from .site import fix_site_as_title, site_name_from_html

# Nesting deeper than this is not a news page but an "HTML bomb": libxml2 would silently cut
# the tree and we would report "no text" for the wrong reason.
MAX_DEPTH = 400
MIN_PAGE_WORDS = 20
# `[^<>]` and not `[^>]`: an unclosed `<a` must stop the scan at the next `<`, or every
# `<` rescans to the end of the input (quadratic: 100 kB of `<a` took 49 s).
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(/?)>")
# Tags that are void or commonly left unclosed: they do not count towards depth.
_NO_DEPTH = {b"br", b"img", b"meta", b"link", b"input", b"hr", b"wbr", b"source", b"area",
             b"base", b"col", b"embed", b"param", b"track", b"p", b"li", b"td", b"tr", b"th",
             b"option", b"dt", b"dd", b"thead", b"tbody"}


def nesting_depth(data: bytes, stop_at: int = MAX_DEPTH) -> int:
    """A cheap estimate of element nesting (opens minus closes), stopping early at `stop_at`."""
    depth = deepest = 0
    for m in _TAG.finditer(data):
        name = m.group(2).lower()
        if name in _NO_DEPTH or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_at:
                    break
    return deepest


def _clean_str(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def article_from_html(data: bytes | str, source: str, settings: Settings,
                      url: str | None = None, outlet: str | None = None) -> Article | InputProblem:
    import trafilatura

    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    cap = max_input_bytes(settings)
    if len(raw) > cap:
        return InputProblem(source, f"page too large ({human_size(len(raw))}; limit "
                                    f"{human_size(cap)})")
    if not raw.strip():
        return InputProblem(source, "empty page")
    if looks_binary(raw):
        return InputProblem(source, "binary data, not an HTML page")
    if nesting_depth(raw) > MAX_DEPTH:
        return InputProblem(source, f"HTML nested more than {MAX_DEPTH} levels deep "
                                    "(an HTML bomb?); skipped")
    try:
        doc = trafilatura.bare_extraction(
            raw, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, date_extraction_params={"original_date": True,
                                                          "extensive_search": True},
        )
    except (ValueError, TypeError, LookupError, RecursionError, MemoryError) as exc:
        return InputProblem(source, f"cannot parse HTML ({type(exc).__name__}: {exc})")
    text = normalize_newlines(getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        return InputProblem(source, "no article text found in the page")
    if len(text.split()) < MIN_PAGE_WORDS:
        # Index pages, error pages and paywalls give a line or two: not an article.
        return InputProblem(source, f"too little article text in the page "
                                    f"({len(text.split())} words)")
    page_url = url or _clean_str(getattr(doc, "url", None))
    if page_url and not page_url.lower().startswith(("http://", "https://")):
        page_url = None
    published_raw = _clean_str(getattr(doc, "date", None))
    published = normalize_published(published_raw) if published_raw else None
    title = _clean_str(getattr(doc, "title", None))
    site = _clean_str(getattr(doc, "sitename", None))
    byline = _clean_str(getattr(doc, "author", None))
    root = None
    if site is None and outlet is None:
        root = _tree(raw)
        site = site_name_from_html(root, title) if root is not None else None
    first_line = text.strip().split("\n", 1)[0]
    if title and first_line and fold(first_line) != fold(title):
        root = root if root is not None else _tree(raw)
        if root is not None:
            real, site_from_title = fix_site_as_title(root, title, first_line)
            if real:
                title, site = real, site or site_from_title
    # Marks the metadata as machine-extracted, so clean may correct a date the page's own
    # "Published:" line contradicts (curated JSONL metadata is never overridden).
    metadata: list[tuple[str, str]] = [("extracted_by", json.dumps("trafilatura"))]
    host = _clean_str(getattr(doc, "hostname", None))
    if host:
        metadata.append(("hostname", json.dumps(host)))
    return Article(
        id=stable_id(page_url) if page_url else stable_id(text), source=source, text=text,
        outlet=outlet or site, title=title, byline=byline, published=published, url=page_url,
        metadata=tuple(sorted(metadata)),
    )


def _tree(raw: bytes) -> Any:
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return None


def read_html_file(path: Path, source: str, settings: Settings,
                   outlet: str | None = None) -> Iterator[Article | InputProblem]:
    data = read_capped(path, source, settings)
    if isinstance(data, InputProblem):
        yield data
        return
    if not data.strip():
        yield InputProblem(source, "empty file")
        return
    yield article_from_html(data, source, settings, outlet=outlet)
