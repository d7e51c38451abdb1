"""A read cache for the app: list rows, rendered pages and encoded JSON.

Decoding a stored story (hundreds of findings) and rendering its page take tens of
milliseconds, and the store is read far more often than it is written. Entries are dropped
whenever the store's row counts change, checked at most once per `check_every` seconds (every
write path of the service adds or clears rows: new articles, pending marks, stories); uploads
through the app clear the cache at once. So a page is at most `check_every` seconds stale
after a write made by another process (`newsprism analyze --db` on the same store).
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Busy(Exception):
    """Too many uncached searches at once, or from one client: answered 429 with
    Retry-After (`retry_after` seconds)."""

    def __init__(self, message: str, retry_after: int = 1, hold: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.hold = hold  # seconds the answer is held back (a client over its limit)


# Uncached story lists (a search or a page never asked before) decode up to `limit` stories
# each: one at a time, so broad searches from a few clients cannot take the CPU from the
# cached pages everyone else reads (issue 23: 10 such clients cut 40 others from 212 to 73
# requests/s). A search waits this long for its turn (long enough for the cold searches
# of 50 clients starting together to queue, not fail), then is refused with 429.
SEARCH_SLOTS = 1
SEARCH_WAIT = 10.0
# Cached search results kept at most: searches no one repeats must not push the pages
# everyone reads out of the LRU.
SEARCH_ENTRIES = 256
# How long a request waits for the same search another request is computing.
SAME_SEARCH_WAIT = 30.0
# Uncached searches one client (one address) may start: a burst of CLIENT_BURST, then
# CLIENT_RATE a second (15 a minute); beyond that 429 with Retry-After. A person paging and
# refining a search stays below it; a client asking a new search as fast as it is answered
# does not. Searches found in the cache, or being computed for another request, cost no token.
CLIENT_BURST = 20
CLIENT_RATE = 0.25
# A token pays for one page of rows (the pages' 50); a search that gives more costs one more
# token per page, charged when it is known: the work of an uncached search grows with the rows
# it decodes and resolves, so a client asking `limit=500` pages spends its budget ten times as
# fast as a person paging through 50 at a time (issue 23, h-big4). The debt is at most one
# burst, so a refused client waits at most (1 + CLIENT_BURST) / CLIENT_RATE seconds.
ROWS_PER_TOKEN = 50
# A refused client's 429 is held back this long at most (an asyncio sleep: no thread, no
# CPU), so a client that ignores Retry-After and asks again at once is slowed to about one
# request per hold instead of costing the server a request's work in a tight loop.
CLIENT_HOLD = 2.0
CLIENTS_KEPT = 10_000  # clients remembered (least recently seen forgotten first)


class ClientLimit:
    """A token bucket per client for uncached searches."""

    def __init__(self, burst: int | None = None, rate: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.burst = CLIENT_BURST if burst is None else burst
        self.rate = CLIENT_RATE if rate is None else rate
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self.refused = 0

    def take(self, client: str | None) -> None:
        """Spend one token of `client` (None: not limited), or raise Busy."""
        if client is None:
            return
        now = self._clock()
        with self._lock:
            tokens, then = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - then) * self.rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                self.refused += 1
                wait = max(1, math.ceil((1.0 - tokens) / self.rate))
                raise Busy("too many new searches from this client; retry later", wait,
                           min(float(wait), CLIENT_HOLD))
            self._buckets[client] = (tokens - 1.0, now)
            while len(self._buckets) > CLIENTS_KEPT:
                self._buckets.popitem(last=False)

    def charge(self, client: str | None, tokens: float) -> None:
        """Spend `tokens` more of `client` for work already done (a search that gave more
        rows than a token pays for): the next `take` waits for them. Never raises."""
        if client is None or tokens <= 0:
            return
        now = self._clock()
        with self._lock:
            left, then = self._buckets.pop(client, (float(self.burst), now))
            left = min(float(self.burst), left + (now - then) * self.rate)
            self._buckets[client] = (max(-float(self.burst), left - tokens), now)


class SearchGate:
    def __init__(self, slots: int = SEARCH_SLOTS, wait: float | None = None) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._wait = SEARCH_WAIT if wait is None else wait
        self.refused = 0

    def run(self, compute: Callable[[], T]) -> T:
        if not self._slots.acquire(timeout=self._wait):
            self.refused += 1
            raise Busy("too many uncached searches at once; retry in a second")
        try:
            return compute()
        finally:
            self._slots.release()


class ReadCache:
    """LRU, bounded by entry count and by the size of the cached pages."""

    def __init__(self, fingerprint: Callable[[], Hashable], max_entries: int = 4096,
                 max_bytes: int = 128_000_000, check_every: float = 1.0) -> None:
        self._fingerprint = fingerprint
        self._max = max_entries
        self._max_bytes = max_bytes
        self._bytes = 0
        self._every = check_every
        self._lock = threading.Lock()
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._seen: Hashable = None
        self._checked = float("-inf")
        self.hits = 0
        self.misses = 0
        self.searches = SearchGate()
        self.clients = ClientLimit()
        self._search_keys: OrderedDict[Hashable, None] = OrderedDict()
        self._flight: dict[Hashable, threading.Event] = {}

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._search_keys.clear()
            self._bytes = 0
            self._checked = float("-inf")

    def _check(self) -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._checked < self._every:
                return
            self._checked = now
        current = self._fingerprint()
        with self._lock:
            if current != self._seen:
                self._data.clear()
                self._search_keys.clear()
                self._bytes = 0
                self._seen = current

    def get(self, key: Hashable, compute: Callable[[], T], search: bool = False) -> T:
        """The cached value of `key`, computed on a miss. `search`: the entry is one of the
        at most SEARCH_ENTRIES search results, which evict each other, not other entries."""
        self._check()
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                # A search asked again is kept like a page: one-off searches (a client
                # sweeping offsets) then evict only each other, never what people read.
                self._search_keys.pop(key, None)
                self.hits += 1
                return self._data[key][0]  # type: ignore[no-any-return]
        # Computed outside the lock: two threads may both compute a missing entry once; that
        # costs a little work, never a wrong answer.
        value = compute()
        size = _size(value)
        with self._lock:
            self.misses += 1
            if key in self._data:
                self._bytes -= self._data[key][1]
            self._data[key] = (value, size)
            self._bytes += size
            if search:
                self._search_keys[key] = None
                self._search_keys.move_to_end(key)
                while len(self._search_keys) > SEARCH_ENTRIES:
                    old, _ = self._search_keys.popitem(last=False)
                    if old in self._data:
                        self._bytes -= self._data.pop(old)[1]
            while len(self._data) > self._max or self._bytes > self._max_bytes:
                old, (_, dropped) = self._data.popitem(last=False)
                self._search_keys.pop(old, None)
                self._bytes -= dropped
        return value

    def get_bounded(self, key: Hashable, compute: Callable[[], T],
                    client: str | None = None, cost: Callable[[T], float] | None = None
                    ) -> T:
        """`get` for a search: a miss is computed through the search gate (may raise `Busy`),
        once: requests for a search being computed wait for it instead of queueing at the
        gate (fifty clients opening the same cold page are one computation). A miss this
        request computes costs `client` one token of its `ClientLimit` (may raise `Busy`),
        or `cost(value)` tokens when that is more (charged once the value is made)."""
        with self._lock:
            cached = key in self._data
            running = None if cached else self._flight.get(key)
            mine = None
            if not cached and running is None:
                self._flight[key] = mine = threading.Event()
        gated = lambda: self.searches.run(compute)  # noqa: E731
        if mine is None:  # cached, or computed by another request: wait for it
            if running is not None:
                running.wait(SAME_SEARCH_WAIT)
            return self.get(key, gated, search=True)
        try:
            self.clients.take(client)
            value = self.get(key, gated, search=True)
            if cost is not None:
                self.clients.charge(client, cost(value) - 1.0)
            return value
        finally:
            with self._lock:
                self._flight.pop(key, None)
            mine.set()


def _size(value: Any) -> int:
    """Pages and JSON are measured; other values are small rows, counted as 1 kB."""
    return len(value) if isinstance(value, (bytes, str)) else 1000
