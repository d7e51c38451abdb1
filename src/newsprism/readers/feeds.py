"""RSS and Atom feeds (feedparser), from files or URLs, and single pages by URL.

Each feed item's page is fetched politely through `newsprism.readers.fetch` and read like any HTML
page; the feed's own title, date and author are preferred (they are structured), the page
supplies the text. When a page cannot be fetched but the feed carries the text itself
(`content:encoded`, a long summary), that text is used; otherwise the item is one
`InputProblem`. Feeds that declare XML entities are refused before parsing: entity expansion
("billion laughs") is the classic way a feed blows up a reader.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import FetchError
from ..model import Article, InputProblem
from ..settings import Settings
from ..text import stable_id
from ._common import looks_binary, normalize_newlines, read_capped
from .fetch import Fetcher
from .html import article_from_html
from .jsonl import normalize_published

MIN_FEED_TEXT_WORDS = 40  # a feed summary shorter than this is a teaser, not the article
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)


def is_feed(data: bytes, content_type: str = "") -> bool:
    ctype = content_type.lower()
    if "rss" in ctype or "atom" in ctype:
        return True
    return bool(_FEED_ROOT.search(data[:4096]))


def _entry_published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if isinstance(value, str) and re.match(r"\s*\d{4}-\d{2}-\d{2}", value):
            normalized = normalize_published(value)  # ISO keeps its own offset
            if normalized:
                return normalized
        parsed = entry.get(f"{key}_parsed")
        if parsed:  # feedparser gives RFC 822 dates as UTC
            try:
                return datetime(*parsed[:6]).strftime("%Y-%m-%dT%H:%M+00:00")
            except (TypeError, ValueError):
                continue
        if isinstance(value, str) and value.strip():
            normalized = normalize_published(value)
            if normalized:
                return normalized
    return None


def _feed_outlet(feed: Any) -> str | None:
    title = feed.get("title") if feed else None
    if not isinstance(title, str) or not title.strip():
        return None
    # "The Daily Harbor - World news" / "World | The Daily Harbor": the site is the first part
    return re.split(r"\s[-|–—:]\s", title.strip())[0].strip() or None


def _html_to_text(fragment: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except (ValueError, lxml.etree.ParserError):
        return ""
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "li", "h2", "h3")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _entry_text(entry: Any) -> str:
    parts = entry.get("content") or []
    values = [p.get("value", "") for p in parts if isinstance(p, dict)]
    best = max(values, key=len, default="") or entry.get("summary", "") or ""
    return normalize_newlines(_html_to_text(best) if "<" in best else best).strip()


# Byte order marks of the wide encodings, longest first (UTF-32 LE starts with UTF-16 LE's).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
              (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _wide_as_utf8(data: bytes) -> bytes:
    """A UTF-16/32 document re-encoded as UTF-8, so its markup can be searched as bytes
    (b"" for any other): `<!ENTITY` in UTF-16 is not the bytes b"<!ENTITY"."""
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace").encode("utf-8")
    return b""


def read_feed_bytes(data: bytes, source: str, settings: Settings, fetcher: Fetcher | None,
                    skip: Callable[[str], bool] | None = None
                    ) -> Iterator[Article | InputProblem]:
    """Every item of a feed, each item's page fetched politely. `skip(link)`: items whose
    link the caller has already (a watched feed's earlier items) are passed over unfetched."""
    import feedparser

    if not data.strip():
        yield InputProblem(source, "empty feed")
        return
    if looks_binary(data):
        yield InputProblem(source, "binary data, not an RSS/Atom feed")
        return
    if _ENTITY_DECL.search(data) or _ENTITY_DECL.search(_wide_as_utf8(data)):
        yield InputProblem(source, "feed declares XML entities (entity expansion refused)")
        return
    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # feedparser's own errors are many; all reported
        yield InputProblem(source, f"cannot parse feed ({type(exc).__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        reason = "no items in the feed"
        if parsed.get("bozo"):
            reason = f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})"
        yield InputProblem(source, reason)
        return
    outlet = _feed_outlet(parsed.get("feed"))
    own = fetcher is None
    client = fetcher
    try:
        for n, entry in enumerate(entries, start=1):
            link = entry.get("link")
            where = link if isinstance(link, str) and link else f"{source}#item{n}"
            if skip is not None and isinstance(link, str) and link and skip(link):
                continue
            if isinstance(link, str) and link.lower().startswith(("http://", "https://")):
                if client is None:
                    client = Fetcher(settings)
                yield _item_from_page(entry, link, client, settings, outlet)
            else:
                yield _item_from_feed(entry, where, outlet, "item has no http(s) link")
    finally:
        if own and client is not None:
            client.close()


def _item_from_feed(entry: Any, where: str, outlet: str | None, why: str
                    ) -> Article | InputProblem:
    text = _entry_text(entry)
    if len(text.split()) < MIN_FEED_TEXT_WORDS:
        return InputProblem(where, f"{why}, and the feed carries no article text")
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    return Article(id=stable_id(link) if link else stable_id(text), source=where, text=text,
                   outlet=outlet, title=_str(entry.get("title")), byline=_str(entry.get("author")),
                   published=_entry_published(entry), url=link)


def _str(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _item_from_page(entry: Any, link: str, fetcher: Fetcher, settings: Settings,
                    outlet: str | None) -> Article | InputProblem:
    try:
        got = fetcher.get(link)
    except FetchError as exc:
        return _item_from_feed(entry, link, outlet, f"cannot fetch the page ({exc.reason})")
    page = article_from_html(got.content, link, settings, url=link)
    if isinstance(page, InputProblem):
        return _item_from_feed(entry, link, outlet, page.reason)
    from dataclasses import replace

    return replace(page, title=_str(entry.get("title")) or page.title,
                   published=_entry_published(entry) or page.published,
                   byline=page.byline or _str(entry.get("author")),
                   outlet=page.outlet or outlet)


def read_feed_file(path: Path, source: str, settings: Settings, fetcher: Fetcher | None
                   ) -> Iterator[Article | InputProblem]:
    data = read_capped(path, source, settings)
    if isinstance(data, InputProblem):
        yield data
        return
    yield from read_feed_bytes(data, source, settings, fetcher)


def read_url(url: str, settings: Settings, fetcher: Fetcher | None
             ) -> Iterator[Article | InputProblem]:
    """A feed URL (every item read) or a page URL (one article)."""
    own = fetcher is None
    client = fetcher or Fetcher(settings)
    try:
        try:
            got = client.get(url)
        except FetchError as exc:
            yield InputProblem(url, exc.reason)
            return
        if is_feed(got.content, got.content_type):
            yield from read_feed_bytes(got.content, url, settings, client)
        else:
            yield article_from_html(got.content, url, settings, url=url)
    finally:
        if own:
            client.close()
