"""Watch feeds and folders, and keep a store's stories current.

    every poll:  feeds (URLs) ─> conditional GET (ETag / Last-Modified): unchanged ─> nothing
                                 changed ─> items not seen before, their pages fetched politely
                 folders/files ─> files new or changed since the last poll (size, mtime)
              ─> service.analyze_into_store: new articles through the line, batch by batch,
                 then reuse and the stories they touch updated (one transaction)

A poll is the unit of work: a stop asked for (SIGINT or SIGTERM) is honoured between polls
and between the sleeps of a wait, so a stop never leaves half a poll behind; the store's own
checkpoints make even a killed process resume cleanly on the next run. Fetching keeps the
fetcher's per-host delay and robots.txt rules, and one fetcher (one clock per host) serves
every poll.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FetchError
from .model import Article, InputProblem
from .readers import read_inputs
from .readers.feeds import is_feed, read_feed_bytes
from .readers.fetch import Fetcher
from .readers.html import article_from_html
from .service import UpdateStats, analyze_into_store
from .settings import Settings
from .storage.store import Store
from .text import stable_id

log = logging.getLogger(__name__)

MIN_EVERY = 1.0  # seconds between polls at the least: a watched server is not hammered
STOP_CHECK = 0.2  # how often a wait looks at the stop flag (seconds)


@dataclass
class PollResult:
    """What one poll did."""

    started: float  # time.time() when it started
    seconds: float = 0.0
    new_articles: int = 0
    stories_touched: int = 0
    stories: int = 0
    unchanged: int = 0  # sources that answered "not modified" (or had no new files)
    problems: list[InputProblem] = field(default_factory=list)


@dataclass
class _FeedState:
    etag: str = ""
    last_modified: str = ""
    seen: set[str] = field(default_factory=set)  # item links already taken


class Watcher:
    """Polls `sources` (feed or page URLs, folders, files) into the store at `store`."""

    def __init__(self, sources: Sequence[str], store: Store, settings: Settings,
                 fetcher: Fetcher | None = None) -> None:
        self.sources = list(sources)
        self.store = store
        self.settings = settings
        self._own_fetcher = fetcher is None
        self.fetcher = fetcher or Fetcher(settings)
        self._feeds: dict[str, _FeedState] = {}
        self._files: dict[str, tuple[int, int]] = {}  # path -> (size, mtime_ns) when read

    def close(self) -> None:
        if self._own_fetcher:
            self.fetcher.close()

    # -- one poll -------------------------------------------------------------------------

    def poll(self) -> PollResult:
        result = PollResult(started=time.time())
        t0 = time.perf_counter()
        articles: list[Article] = []
        for source in self.sources:
            if source.lower().startswith(("http://", "https://")):
                got = self._poll_url(source, result)
            else:
                got = self._poll_path(source, result)
            for item in got:
                if isinstance(item, InputProblem):
                    result.problems.append(item)
                else:
                    articles.append(item)
        if articles or self.store.pending_ids():
            stats = UpdateStats()
            analyze_into_store(self.store, articles, self.settings,
                               on_problem=result.problems.append, stats=stats)
            result.new_articles = stats.processed
            result.stories_touched = stats.stories_changed + stats.stories_removed
            result.stories = stats.stories
        result.seconds = time.perf_counter() - t0
        return result

    def _poll_url(self, url: str, result: PollResult) -> list[Article | InputProblem]:
        state = self._feeds.setdefault(url, _FeedState())
        try:
            got = self.fetcher.get(url, etag=state.etag, last_modified=state.last_modified)
        except FetchError as exc:
            return [InputProblem(url, exc.reason)]
        if got.status == 304:
            result.unchanged += 1
            return []
        state.etag, state.last_modified = got.etag, got.last_modified
        if not is_feed(got.content, got.content_type):
            page = article_from_html(got.content, url, self.settings, url=url)
            return [] if isinstance(page, Article) and self._stored(page.id) else [page]
        def skip(link: str) -> bool:  # taken by this watcher, or stored by an earlier run
            return link in state.seen or self._stored(stable_id(link))

        items = list(read_feed_bytes(got.content, url, self.settings, self.fetcher, skip=skip))
        for item in items:  # an item whose page failed is tried again next poll
            if isinstance(item, Article) and item.url:
                state.seen.add(item.url)
        return [i for i in items if not (isinstance(i, Article) and self._stored(i.id))]

    def _stored(self, article_id: str) -> bool:
        return bool(self.store.processed_ids([article_id]))

    def _poll_path(self, source: str, result: PollResult) -> list[Article | InputProblem]:
        path = Path(source)
        if not path.exists():
            return [InputProblem(source, "no such file or folder")]
        changed = [p for p in self._files_under(path) if self._changed(p)]
        if not changed:
            result.unchanged += 1
            return []
        items = list(read_inputs([str(p) for p in changed], self.settings))
        for p in changed:
            try:
                self._files[str(p)] = _signature(p)
            except OSError:
                self._files.pop(str(p), None)
        return items

    @staticmethod
    def _files_under(path: Path) -> list[Path]:
        if path.is_file():
            return [path]
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))

    def _changed(self, path: Path) -> bool:
        try:
            return self._files.get(str(path)) != _signature(path)
        except OSError:  # gone since it was listed: nothing to read
            return False

    # -- the loop -------------------------------------------------------------------------

    def run(self, every: float, stop: threading.Event,
            on_poll: Callable[[PollResult], None] | None = None,
            max_polls: int | None = None) -> int:
        """Poll every `every` seconds until `stop` is set (or `max_polls` polls); returns
        the number of polls made."""
        every = max(every, MIN_EVERY)
        polls = 0
        while not stop.is_set():
            result = self.poll()
            polls += 1
            if on_poll is not None:
                on_poll(result)
            if max_polls is not None and polls >= max_polls:
                break
            deadline = time.monotonic() + max(0.0, every - result.seconds)
            while not stop.is_set() and time.monotonic() < deadline:
                stop.wait(min(STOP_CHECK, max(0.0, deadline - time.monotonic())))
        return polls


def _signature(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns
