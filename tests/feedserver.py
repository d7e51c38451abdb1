"""A local news site on 127.0.0.1 that publishes articles over time: an RSS feed with ETag and
Last-Modified (answering 304 to a conditional request when nothing changed) and one HTML page
per article. Used by the watch tests and `benchmarks/watch_latency.py`; the articles are
generated, fictional text."""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

TOWNS = ["Harbourtown", "Millbrook", "Eastvale", "Stonebridge", "Westmoor", "Fairhaven"]
EVENTS = [("flood", "the river burst its banks after three days of rain"),
          ("fire", "a warehouse fire spread to two neighbouring buildings"),
          ("strike", "bus drivers walked out over a pay offer"),
          ("election", "the council elected a new mayor by a narrow margin"),
          ("bridge", "the old bridge was closed after engineers found cracks"),
          ("festival", "the harvest festival drew record crowds")]


@dataclass
class Item:
    n: int
    title: str
    body: str
    published: float  # time.time() when it was published


@dataclass
class NewsSite:
    base: str = ""
    items: list[Item] = field(default_factory=list)
    feed_hits: int = 0
    not_modified: int = 0
    page_hits: dict[int, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def publish(self, seed: int | None = None) -> Item:
        """A new article: a town and an event, told in a few generated sentences."""
        with self.lock:
            n = len(self.items) + 1
            rng = random.Random(seed if seed is not None else n)
            town, (event, what) = rng.choice(TOWNS), rng.choice(EVENTS)
            count = rng.randint(3, 400)
            body = (f"{town} — In {town}, {what}, officials said on Tuesday. "
                    f"About {count} residents were affected, according to the town council. "
                    f"The {event} in {town} was the first of its kind in {rng.randint(5, 40)} "
                    f"years, said Mayor Ada Finch, who visited the scene. "
                    f"\"We will rebuild what was lost,\" Finch told reporters. "
                    f"Emergency services remained at the site late into the evening.")
            item = Item(n, f"{event.capitalize()} in {town} affects {count} residents", body,
                        time.time())
            self.items.append(item)
            return item

    def feed(self) -> tuple[bytes, str, str]:
        with self.lock:
            entries = "".join(
                f"<item><title>{escape(i.title)}</title><link>{self.base}/a/{i.n}.html</link>"
                f"<pubDate>{formatdate(i.published, usegmt=True)}</pubDate></item>"
                for i in reversed(self.items[-50:]))
            last = self.items[-1].published if self.items else 0.0
        body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier'
                f"</title><link>{self.base}/</link>{entries}</channel></rss>").encode()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        return body, etag, formatdate(last, usegmt=True)

    def page(self, n: int) -> bytes | None:
        with self.lock:
            item = next((i for i in self.items if i.n == n), None)
        if item is None:
            return None
        return (f"<html><head><title>{escape(item.title)}</title>"
                f'<meta property="og:site_name" content="Valley Courier">'
                f'<meta property="article:published_time" content="'
                f'{time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(item.published))}">'
                f"</head><body><article><h1>{escape(item.title)}</h1><p>{escape(item.body)}</p>"
                f"</article></body></html>").encode()


@contextmanager
def news_site() -> Iterator[NewsSite]:
    site = NewsSite()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            if self.path == "/feed.xml":
                body, etag, modified = site.feed()
                site.feed_hits += 1
                if self.headers.get("If-None-Match") == etag:
                    site.not_modified += 1
                    self._send(304, b"", {"ETag": etag})
                    return
                self._send(200, body, {"ETag": etag, "Last-Modified": modified,
                                       "Content-Type": "application/rss+xml"})
                return
            if self.path.startswith("/a/") and self.path.endswith(".html"):
                n = int(self.path[3:-5]) if self.path[3:-5].isdigit() else -1
                page = site.page(n)
                site.page_hits[n] = site.page_hits.get(n, 0) + 1
                if page is not None:
                    self._send(200, page, {"Content-Type": "text/html; charset=utf-8"})
                    return
            self._send(404, b"", {})

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
