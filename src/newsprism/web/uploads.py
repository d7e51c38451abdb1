"""Writes from the web: the token check and adding uploaded articles to the store.

Uploaded bytes go to a private temporary folder under names we make, are read by the normal
readers (so an upload behaves exactly like `newsprism analyze FILE`), and are joined to the
store by the incremental service: only the affected stories are analysed again. Feeds are
refused: reading one fetches every item's page, and an upload must not make the server fetch
URLs chosen by whoever uploads.
"""

from __future__ import annotations

import dataclasses
import hmac
import re
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import InputProblem
from ..service import analyze_into_store, changed_known, read_articles
from ..settings import Settings
from ..storage.store import Store

ALLOWED_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".warc.gz", ".jsonl", ".ndjson", ".json", ".warc",
                    ".html", ".htm", ".txt", ".text")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# One analysis at a time: it is CPU-bound, and two at once would race on the same stories.
WRITE_LOCK = threading.Lock()


class TokenError(Exception):
    """A write without the right token. `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_token(settings: Settings, given: str | None) -> None:
    """No token configured: writes are off. Otherwise the given token must match
    (constant-time comparison, so timing does not leak how much of it was right)."""
    if not settings.token:
        raise TokenError(403, "writes are disabled: set NEWSPRISM_TOKEN to allow uploads")
    if not given or not hmac.compare_digest(given.encode("utf-8", "replace"),
                                            settings.token.encode("utf-8")):
        raise TokenError(401, "a valid bearer token is required for this request")


def bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def safe_name(name: str, index: int) -> str | None:
    """A file name we choose from the uploaded one: its suffix kept (the readers go by it),
    never a path. None when the form cannot be uploaded."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].lower()
    for suffix in ALLOWED_SUFFIXES:
        if base.endswith(suffix):
            stem = _UNSAFE.sub("_", base[: -len(suffix)])[:60].strip("._") or "upload"
            return f"{index:03d}-{stem}{suffix}"
    return None


@dataclass(slots=True)
class UploadResult:
    files: int = 0
    articles_read: int = 0
    articles_added: int = 0
    already_stored: int = 0
    stories: int = 0
    stories_changed: int = 0
    problems: list[dict[str, str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def ingest(store: Store, settings: Settings, files: Sequence[tuple[str, bytes]]) -> UploadResult:
    """Read the uploaded files and bring the store's stories up to date with them."""
    result = UploadResult(files=len(files))
    problems: list[InputProblem] = []
    with tempfile.TemporaryDirectory(prefix="newsprism-upload-") as tmp:
        paths: list[str] = []
        shown: dict[str, str] = {}
        for i, (name, data) in enumerate(files):
            safe = safe_name(name, i)
            label = (name or "unnamed")[:120]
            if safe is None:
                problems.append(InputProblem(label, "not an accepted form; upload .txt, .html, "
                                                    ".jsonl(.gz), .json or .warc(.gz)"))
                continue
            path = Path(tmp) / safe
            path.write_bytes(data)
            paths.append(str(path))
            shown[str(path)] = label
        articles, read_problems = read_articles(paths, settings) if paths else ([], [])
        # The temporary path means nothing once the folder is gone: name the upload instead.
        articles = [dataclasses.replace(a, source="upload:" + _shown(a.source, shown))
                    for a in articles]
        problems += [InputProblem("upload:" + _shown(p.source, shown), p.reason)
                     for p in read_problems]
        result.articles_read = len(articles)
        if articles:
            with WRITE_LOCK:
                problems += changed_known(store, articles, settings)
                stats = analyze_into_store(store, articles, settings,
                                           on_problem=problems.append)
            result.articles_added = stats.processed
            result.already_stored = stats.skipped
            result.stories = stats.stories
            result.stories_changed = stats.stories_changed
    result.problems = [{"source": p.source, "reason": p.reason} for p in problems]
    return result


def _shown(source: str, shown: dict[str, str]) -> str:
    for path, label in shown.items():
        if source.startswith(path):
            return label + source[len(path):]
    return Path(source).name
