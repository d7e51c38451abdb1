"""JSON Lines (`.jsonl`, `.ndjson`, gzipped or not) and plain JSON (`.json`: one object or an
array of them), with the CONTRACT.md keys: `id`, `text`, and when known `outlet`, `title`,
`published`, `byline`, `url`. Other keys are kept in `Article.metadata` as (key, JSON) pairs.

Each bad line is one `InputProblem` naming the file and line number; the rest are read. Lines are
read with a length cap so a 50 MB single-line file costs a bounded amount of memory.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, cast

from ..dates import find_dates, iso
from ..model import Article, InputProblem
from ..settings import Settings
from ..text import stable_id
from ._common import (
    expansion_cap,
    expansion_problem,
    human_size,
    id_problem,
    max_input_bytes,
    normalize_newlines,
    open_regular,
    os_problem,
)

STRING_KEYS = ("outlet", "title", "byline", "url", "published")
KNOWN_KEYS = ("id", "text", *STRING_KEYS)
_JSON_FILE_FACTOR = 20  # a whole .json file may hold this many articles' worth of bytes


def normalize_published(value: str) -> str | None:
    """An ISO date or date-time kept to the CONTRACT form; other spellings through `dates`."""
    text = value.strip()
    if not text:
        return None
    from datetime import datetime

    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        dt = None
    if dt is not None:
        has_time = "T" in text or " " in text.strip()
        if not has_time:
            return iso(dt)
        out = dt.strftime("%Y-%m-%dT%H:%M")
        if dt.second:
            out += dt.strftime(":%S")
        if dt.utcoffset() is not None:
            off = dt.strftime("%z")
            out += f"{off[:3]}:{off[3:]}"
        return out
    found = find_dates(text)
    return iso(found[0].value, with_time=found[0].has_time) if found else None


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def article_from_record(record: Any, source: str, where: str,
                        outlet: str | None = None) -> Article | InputProblem:
    """One decoded JSON value into an Article; `where` names the item in problem lines."""
    if not isinstance(record, dict):
        return InputProblem(where, f"expected a JSON object, got {_type_name(record)}")
    text = record.get("text")
    if not isinstance(text, str):
        return InputProblem(where, f"'text' must be a string, got {_type_name(text)}")
    text = normalize_newlines(text)
    if not text.strip():
        return InputProblem(where, "'text' is empty")
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, type(None))):
        return InputProblem(where, f"'id' must be a string or integer, got {_type_name(raw_id)}")
    fields: dict[str, str | None] = {}
    for key in STRING_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return InputProblem(where, f"'{key}' must be a string or null, "
                                       f"got {_type_name(value)}")
        fields[key] = value.strip() or None if isinstance(value, str) else None
    extra = {k: v for k, v in record.items() if k not in KNOWN_KEYS}
    published = fields["published"]
    if published is not None:
        normalized = normalize_published(published)
        if normalized is None:
            extra["published_raw"] = published  # kept so nothing is lost; clean may recover
        published = normalized
    if raw_id is not None and str(raw_id).strip():
        article_id = str(raw_id).strip()
    elif fields["url"]:
        article_id = stable_id(fields["url"])
    else:
        article_id = stable_id(text)
    bad_id = id_problem(article_id)
    if bad_id:
        return InputProblem(where, bad_id)
    metadata = tuple(sorted((str(k), json.dumps(v, ensure_ascii=False, sort_keys=True))
                            for k, v in extra.items()))
    return Article(id=article_id, source=source, text=text,
                   outlet=fields["outlet"] or outlet, title=fields["title"],
                   byline=fields["byline"], published=published, url=fields["url"],
                   metadata=metadata)


def _decode(raw: bytes, where_bad: str, broken: str, with_line: bool) -> tuple[Any, str]:
    """(value, "") or (None, the one-line reason): not UTF-8, broken JSON, nested too deep.
    `where_bad` and `broken` are the message forms ("offset {} in the line"; "broken JSON
    line ({})"); `with_line`: name the line inside the text (a whole .json file)."""
    try:
        return json.loads(raw.decode("utf-8-sig")), ""
    except UnicodeDecodeError as exc:
        return None, f"not valid UTF-8 ({where_bad.format(exc.start)})"
    except (json.JSONDecodeError, RecursionError) as exc:
        if isinstance(exc, json.JSONDecodeError):
            reason = f"line {exc.lineno}: {exc.msg}" if with_line else exc.msg
        else:
            reason = "nested too deep"
        return None, broken.format(reason)


def _open(path: Path) -> IO[bytes]:
    raw = open_regular(path)
    if path.name.lower().endswith(".gz"):
        # gzip does not close a file object it was given: closing it closes `raw` here.
        return cast(IO[bytes], _ClosingGzip(raw))
    return raw


class _ClosingGzip(gzip.GzipFile):
    """A GzipFile over an opened file that closes that file too."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def read_jsonl(path: Path, source: str, settings: Settings,
               outlet: str | None = None) -> Iterator[Article | InputProblem]:
    cap = max_input_bytes(settings)
    total_cap = expansion_cap(path, settings)
    line_no = 0
    try:
        with _open(path) as f:
            while True:
                raw = f.readline(cap + 1)
                if not raw:
                    break
                if f.tell() > total_cap:
                    yield expansion_problem(source, total_cap, line_no)
                    return
                line_no += 1
                where = f"{source}:{line_no}"
                if len(raw) > cap and not raw.endswith(b"\n"):
                    skipped = len(raw)
                    while raw and not raw.endswith(b"\n"):  # drain the rest of the line
                        raw = f.readline(1 << 20)
                        skipped += len(raw)
                    yield InputProblem(where, f"line longer than {human_size(cap)} "
                                              f"({human_size(skipped)}); skipped")
                    continue
                if not raw.strip():
                    continue
                record, reason = _decode(raw, "offset {} in the line", "broken JSON line ({})",
                                         with_line=False)
                if reason:
                    yield InputProblem(where, reason)
                    continue
                yield article_from_record(record, source, where, outlet)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        what = "truncated gzip" if isinstance(exc, EOFError) else f"bad gzip data ({exc})"
        before = "; the lines before were read" if line_no else ""
        yield InputProblem(source, f"{what} after line {line_no}{before}")
        return
    except OSError as exc:
        yield os_problem(source, exc)
        return
    if line_no == 0:
        yield InputProblem(source, "empty file")


def read_json(path: Path, source: str, settings: Settings,
              outlet: str | None = None) -> Iterator[Article | InputProblem]:
    """A `.json` file: one article object, or an array of them."""
    cap = max_input_bytes(settings) * _JSON_FILE_FACTOR
    try:
        if path.stat().st_size > cap:
            yield InputProblem(source, f"file too large for .json (over {human_size(cap)}); "
                                       "use JSON Lines for big corpora")
            return
        with open_regular(path) as f:
            data = f.read(cap + 1)
    except OSError as exc:
        yield os_problem(source, exc)
        return
    if len(data) > cap:  # grew after the size check
        yield InputProblem(source, f"file too large for .json (over {human_size(cap)}); "
                                   "use JSON Lines for big corpora")
        return
    if not data.strip():
        yield InputProblem(source, "empty file")
        return
    value, reason = _decode(data, "byte offset {}", "broken JSON ({})", with_line=True)
    if reason:
        yield InputProblem(source, reason)
        return
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records, start=1):
        yield article_from_record(record, source, f"{source}#{i}", outlet)
