"""WARC archives (`.warc`, `.warc.gz`), e.g. Common Crawl's CC-NEWS, through warcio.

Every `response` (and `resource`) record holding an HTML page with HTTP status 200 becomes one
article, read like any page, with the record's target URI as its URL (so its id is
`stable_id(url)`). Other records (requests, metadata, redirects, images) are skipped. A
corrupt or truncated archive yields one problem and keeps what was read before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import Article, InputProblem
from ..settings import Settings
from ._common import (
    expansion_cap,
    expansion_problem,
    human_size,
    max_input_bytes,
    open_regular,
    os_problem,
)
from .html import article_from_html


def read_warc(path: Path, source: str, settings: Settings, outlet: str | None = None
              ) -> Iterator[Article | InputProblem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    seen_records = 0
    total_cap = expansion_cap(path, settings)
    expanded = 0  # declared record lengths so far: the bytes the archive decompresses to
    end = 0  # where the last whole record ended
    try:
        opened = open_regular(path)
    except OSError as exc:
        yield os_problem(source, exc)
        return
    try:
        with opened as stream:
            it = ArchiveIterator(stream)
            for record in it:
                seen_records += 1
                expanded += record.length or 0
                if expanded > total_cap:
                    yield expansion_problem(source, total_cap, seen_records - 1)
                    return
                item = _record_item(record, source, seen_records, settings, outlet)
                if _ends_early(record):
                    # warcio hands a cut record over as if whole: it would be a stub article.
                    yield InputProblem(source, f"truncated WARC: record {seen_records} is cut "
                                               f"(shorter than its declared length, or cut in "
                                               f"its headers); the {seen_records - 1} "
                                               f"record(s) before were read")
                    return
                if item is not None:
                    yield item
            end = it.offset
    except ArchiveLoadFailed as exc:
        yield InputProblem(source, f"not a readable WARC archive ({_short(exc)}) after "
                                   f"{seen_records} record(s)")
        return  # one line for one bad file
    except Exception as exc:  # warcio raises many kinds on corrupt input
        yield InputProblem(source, f"corrupt or truncated WARC after {seen_records} record(s) "
                                   f"(warcio: {type(exc).__name__}: {_short(exc)})")
        return
    if seen_records == 0:
        yield InputProblem(source, "no records in the WARC file")
    elif _has_tail(path, end):
        # warcio stops quietly at a record cut inside its headers: say so.
        yield InputProblem(source, f"truncated WARC: it ends inside a record after "
                                   f"{seen_records} whole record(s), which were read")
    elif path.name.lower().endswith(".gz") and not gzip_complete(path):
        # warcio stops quietly at a cut gzip member: say so, or a cut download looks whole.
        yield InputProblem(source, f"truncated gzip: the archive ends inside a record; "
                                   f"{seen_records} record(s) before the cut were read")


_REASON_CHARS = 120  # warcio quotes the raw bytes it choked on: a hint is enough


def _short(exc: Exception) -> str:
    """warcio's message, first line, cut short (raw bytes are made printable at the boundary)."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return text[:_REASON_CHARS]


def _has_tail(path: Path, end: int) -> bool:
    """True when bytes other than padding follow the last whole record."""
    try:
        with open_regular(path) as f:
            f.seek(end)
            while chunk := f.read(1 << 16):
                if chunk.strip(b"\x00\r\n\t "):
                    return True
    except OSError:
        return False
    return False


def _ends_early(record: object) -> bool:
    """True when the record's block is shorter than its Content-Length (the file was cut), or
    it has none (every WARC record must: the file was cut inside the record's headers)."""
    rec: Any = record
    if rec.format.startswith("warc") and not (
            rec.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        return True
    raw = getattr(record, "raw_stream", None)
    if raw is None:
        return False
    while raw.read(1 << 16):  # what the reader did not need, read to the end of the record
        pass
    return getattr(raw, "limit", 0) > 0


def _record_item(record: object, source: str, n: int, settings: Settings,
                 outlet: str | None) -> Article | InputProblem | None:
    """The article a response or resource record holds (None: not an HTML page)."""
    rec: Any = record
    if rec.rec_type not in ("response", "resource"):
        return None
    uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
    where = uri or f"{source}#record{n}"
    if rec.rec_type == "response":
        status = rec.http_headers.get_statuscode() if rec.http_headers else None
        if status != "200":
            return None
        ctype = rec.http_headers.get_header("Content-Type") or ""
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    cap = max_input_bytes(settings)
    body = rec.content_stream().read(cap + 1)
    if len(body) > cap:
        return InputProblem(where, f"page larger than {human_size(cap)}; skipped")
    url = uri if uri.lower().startswith(("http://", "https://")) else None
    return article_from_html(body, url or where, settings, url=url, outlet=outlet)


def gzip_complete(path: Path, chunk: int = 1 << 20) -> bool:
    """True when every gzip member of the file ends properly (streamed, bounded memory)."""
    import zlib

    decomp = zlib.decompressobj(31)
    pending = False  # bytes fed to a member that has not ended yet
    try:
        with open_regular(path) as f:
            while data := f.read(chunk):
                while data:
                    if not pending and not data.strip(b"\x00"):
                        break  # zero padding after the last member, as gzip allows
                    pending = True
                    decomp.decompress(data, chunk)
                    while decomp.unconsumed_tail and not decomp.eof:
                        decomp.decompress(decomp.unconsumed_tail, chunk)
                    if decomp.eof:
                        data = decomp.unused_data
                        decomp = zlib.decompressobj(31)
                        pending = False
                    else:
                        data = b""
    except (OSError, zlib.error):
        return False
    return not pending
