"""Readers: every form news comes in, read into raw `Article`s.

`read_inputs(inputs, settings)` takes files, folders (recursive) and URLs (feeds or pages) and
yields raw Articles and, for every bad file or item, one `InputProblem(source, reason)`; it never
raises on bad input. One module per form:

    text.py   plain text as scrapers leave it (header lines kept: `clean` recovers them)
    html.py   HTML pages through trafilatura (main text and metadata)
    jsonl.py  JSON Lines / gzipped JSON Lines / .json with the CONTRACT.md keys
    feeds.py  RSS and Atom, from files or URLs; each item's page fetched politely
    warc.py   WARC archives (Common Crawl's CC-NEWS), HTML response records
    folder.py which files of a folder are read, and the `outlet/...` layout

Ids: the JSONL `id` when given, else `stable_id(url)` when a URL is known, else `stable_id` of the
raw text, so reading the same input twice gives the same ids. Duplicates across the whole call:
the same id with the same text is skipped (counted in `ReadStats.duplicates`); the same id with
different text is an `InputProblem` naming both sources, and the first one is kept.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Article, InputProblem
from ..settings import Settings
from ._common import MAX_REASON_CHARS, id_problem, not_regular, safe_line, safe_text
from .folder import FORMS, form_of, sniff_form, walk_folder
from .html import read_html_file
from .jsonl import read_json, read_jsonl
from .text import read_text_file
from .warc import read_warc

if TYPE_CHECKING:
    from .fetch import Fetcher

log = logging.getLogger(__name__)

__all__ = ["ReadStats", "at_boundary", "cut_text", "id_problem", "read_inputs", "read_path",
           "safe_line"]


@dataclass
class ReadStats:
    """Counts for one `read_inputs` call (filled as the iterator is consumed)."""

    files: int = 0
    articles: int = 0
    problems: int = 0
    duplicates: int = 0  # same id and same text as an earlier article: skipped
    skipped_files: list[str] = field(default_factory=list)  # unsupported types in folders


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


# form -> function(path, source, settings, outlet); feeds also take the fetcher. The reader
# modules import their heavy libraries (trafilatura, warcio, feedparser) on first use.
FileReader = Callable[[Path, str, Settings, "str | None"], Iterator[Article | InputProblem]]
_FILE_READERS: dict[str, FileReader] = {
    "text": read_text_file, "html": read_html_file, "jsonl": read_jsonl, "json": read_json,
    "warc": read_warc}


def read_path(path: Path, source: str, settings: Settings, outlet: str | None = None,
              form: str | None = None, fetcher: Fetcher | None = None
              ) -> Iterator[Article | InputProblem]:
    """One file, by its form (from the extension, else sniffed from the first bytes)."""
    irregular = not_regular(path, source)
    if irregular is not None:
        yield irregular
        return
    form = form or form_of(path) or sniff_form(path)
    if form is None:
        yield InputProblem(source, "cannot read file (unknown type)")
        return
    if form == "feed":
        from .feeds import read_feed_file

        yield from read_feed_file(path, source, settings, fetcher)
        return
    reader = _FILE_READERS.get(form)
    if reader is None:  # pragma: no cover - FORMS and _FILE_READERS are kept together
        yield InputProblem(source, f"no reader for form {form!r}; known: {', '.join(FORMS)}")
        return
    yield from reader(path, source, settings, outlet)


def _guarded(items: Iterator[Article | InputProblem], source: str
             ) -> Iterator[Article | InputProblem]:
    """A reader bug must not stop the run: report it as a problem with the input that hit it."""
    try:
        yield from items
    except Exception as exc:  # reported, never swallowed
        log.exception("reader failed on %s", source)
        yield InputProblem(source, f"reader error ({type(exc).__name__}: {exc}); "
                                   "the rest of this input was skipped")


def _one_input(value: str, settings: Settings, stats: ReadStats, fetcher: Fetcher | None
               ) -> Iterator[Article | InputProblem]:
    if _is_url(value):
        from .feeds import read_url

        yield from read_url(value, settings, fetcher)
        return
    path = Path(value)
    if path.is_dir():
        for file, outlet, form, skipped in walk_folder(path, stats.skipped_files):
            if skipped is not None:
                yield InputProblem(str(file), skipped)
                continue
            stats.files += 1
            yield from _guarded(read_path(file, str(file), settings, outlet, form, fetcher),
                                str(file))
        return
    if not path.exists():
        yield InputProblem(value, "no such file or folder")
        return
    stats.files += 1
    yield from read_path(path, value, settings, fetcher=fetcher)


def read_inputs(inputs: Sequence[str], settings: Settings, *, stats: ReadStats | None = None,
                fetcher: Fetcher | None = None) -> Iterator[Article | InputProblem]:
    """Raw Articles and InputProblems from files, folders and URLs, in input order (folders in
    sorted path order). Pass `stats` to get the counts; pass `fetcher` to share one polite
    fetcher (and its per-host clock) across calls. Everything yielded has passed
    `at_boundary`: safe for every sink, cut to `max_article_chars`."""
    stats = stats if stats is not None else ReadStats()
    seen: dict[str, tuple[str, bytes]] = {}  # id -> (first source, hash of its text)
    for value in inputs:
        for raw in _guarded(_one_input(value, settings, stats, fetcher), value):
            for item in at_boundary(raw, settings):
                if isinstance(item, InputProblem):
                    stats.problems += 1
                    yield item
                    continue
                yield from _unless_duplicate(item, seen, stats)


def _unless_duplicate(item: Article, seen: dict[str, tuple[str, bytes]], stats: ReadStats
                      ) -> Iterator[Article | InputProblem]:
    # 12 bytes of SHA-1 per article keep memory small on million-article archives.
    digest = hashlib.sha1(item.text.encode("utf-8")).digest()[:12]
    first = seen.get(item.id)
    if first is None:
        seen[item.id] = (item.source, digest)
        stats.articles += 1
        yield item
    elif first[1] == digest:
        stats.duplicates += 1
        log.info("%s: same article as %s (id %s); skipped", item.source, first[0], item.id)
    else:
        stats.problems += 1
        yield InputProblem(item.source, f"duplicate id {item.id} with different text "
                                        f"(first seen in {first[0]}; kept the first)")


# A cut lands on the last line or word break in this last share of the kept text, so no word
# is split; past it (one endless word) the cut is at the exact limit.
_CUT_SLACK = 0.1
_TEXT_FIELDS = ("outlet", "title", "byline", "published", "url", "language")


def at_boundary(item: Article | InputProblem, settings: Settings
                ) -> list[Article | InputProblem]:
    """The one place input text is made safe for every sink: problems become one printable
    line; an article with a bad id becomes a problem; NUL and lone surrogates are replaced in
    every field; a text over `max_article_chars` is cut here, with one problem line saying
    so, so no later step holds more than the cap per article."""
    if isinstance(item, InputProblem):
        return [InputProblem(safe_line(item.source, MAX_REASON_CHARS),
                             safe_line(item.reason, MAX_REASON_CHARS))]
    source = safe_line(item.source, MAX_REASON_CHARS)
    bad_id = id_problem(item.id)
    if bad_id:
        return [InputProblem(source, bad_id)]
    fields = {name: safe_text(v) for name in _TEXT_FIELDS
              if isinstance(v := getattr(item, name), str)}
    metadata = tuple((safe_text(k), safe_text(v)) for k, v in item.metadata)
    text = safe_text(item.text)
    out: list[Article | InputProblem] = []
    limit = settings.max_article_chars
    if len(text) > limit:
        kept = cut_text(text, limit)
        out.append(InputProblem(f"{source} (article {item.id})",
                                f"text cut to {len(kept)} of its {len(text)} characters "
                                f"(max_article_chars is {limit})"))
        text = kept
    out.insert(0, dataclasses.replace(item, source=source, text=text, metadata=metadata,
                                      **fields))
    return out


def cut_text(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a line or word break when one is near."""
    floor = int(limit * (1 - _CUT_SLACK))
    for sep in ("\n", " "):
        at = text.rfind(sep, floor, limit + 1)
        if at > 0:
            return text[:at].rstrip()
    return text[:limit]
