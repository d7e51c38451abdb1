"""A tiny local HTTP server on 127.0.0.1 for feeds and pages: tests never touch the internet."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fail_first: int = 0  # answer 503 this many times before succeeding


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    log: list[tuple[float, str, str]]  # (time, path, user-agent)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for _, p, _ in self.log if p == path)


@contextmanager
def serve() -> Iterator[LocalServer]:
    routes: dict[str, Route] = {}
    log: list[tuple[float, str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            log.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            route = routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.delay:
                time.sleep(route.delay)
            status = route.status
            if route.fail_first > 0:
                route.fail_first -= 1
                status = 503
            self.send_response(status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            for k, v in route.headers.items():
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{server.server_address[1]}", routes, log)
    finally:
        server.shutdown()
        server.server_close()
