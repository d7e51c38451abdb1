"""ASGI middleware: Host allow-list, parameter check, request size limit, early token check
on API writes, safe headers on every answer (errors included).

Pure ASGI (not BaseHTTPMiddleware) so the body is counted as it streams in: a request larger
than the limit is refused with 413 whether or not it says its length, before anything parses
it. API writes without a valid token are refused before their body is read at all. A path or
query holding a control character, NUL or bytes that are not UTF-8 is refused with 400 before
any handler (PostgreSQL refuses NUL in a bound parameter: it used to be a bare 500). An
unexpected error is one log line and a 500 that still carries the security headers.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.exceptions import HTTPException

from ..settings import Settings
from .uploads import TokenError, bearer, check_token

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Pages and API answers: scripts and styles only from us; nothing framed, nothing embedded.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
# Multipart framing and form fields around the files: allowed on top of the upload limit.
OVERHEAD = 64 * 1024
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD_BINDS = frozenset({"", "0.0.0.0", "::"})
_CONTROL_BYTES = re.compile(rb"[\x00-\x1f\x7f]")

log = logging.getLogger(__name__)


def allowed_hosts(setting: str, bind_host: str | None) -> frozenset[str] | None:
    """Host names to answer to (None: any). The setting when given, else the bind host (a
    loopback bind answers to every loopback name); a wildcard bind or an app built without
    one (tests, embedding) cannot know its names and answers to any."""
    names = {n.strip().lower().strip("[]") for n in setting.split(",") if n.strip()}
    if "*" in names:
        return None
    if names:
        return frozenset(names)
    if bind_host is None or bind_host.strip("[]") in WILDCARD_BINDS:
        return None
    host = bind_host.strip().lower().strip("[]")
    return LOOPBACK_NAMES if host in LOOPBACK_NAMES else frozenset({host})


def host_name(header: str) -> str:
    """The name in a Host header, without its port (`[::1]:8000` -> `::1`)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def bad_target(scope: Scope) -> str | None:
    """Why the request's path or query cannot be served (None: it can)."""
    raw_path = scope.get("raw_path") or str(scope.get("path", "")).encode("utf-8",
                                                                          "surrogatepass")
    for part, raw in (("path", raw_path), ("query", scope.get("query_string", b""))):
        decoded = unquote_to_bytes(raw.replace(b"+", b" ") if part == "query" else raw)
        if _CONTROL_BYTES.search(decoded):
            return f"the {part} holds a control character or NUL"
        try:
            decoded.decode("utf-8")
        except UnicodeDecodeError:
            return f"the {part} is not valid UTF-8 once decoded"
    return None


class _TooLarge(HTTPException):
    """An HTTPException, so that FastAPI's body parsing passes it on as a 413 instead of
    turning it into a 400 'error parsing the body'."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request larger than {limit} bytes")


async def _answer(send: Send, status: int, detail: str,
                  extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *HEADERS,
                            *(extra or [])]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    def __init__(self, app: ASGIApp, settings: Settings, bind_host: str | None = None) -> None:
        self.app = app
        self.settings = settings
        self.limit = settings.max_upload_bytes + OVERHEAD
        self.hosts = allowed_hosts(settings.allowed_hosts, bind_host)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # noqa: C901  (one early answer per refused request kind)
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        if self.hosts is not None and host_name(headers.get("host", "")) not in self.hosts:
            await _answer(send, 400, "unknown Host header (see the allowed_hosts setting)")
            return
        bad = bad_target(scope)
        if bad:
            await _answer(send, 400, bad)
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            await _answer(send, 413, f"request larger than {self.limit} bytes")
            return
        if (scope.get("method") in WRITE_METHODS
                and str(scope.get("path", "")).startswith("/api/")):
            try:
                check_token(self.settings, bearer(headers.get("authorization")))
            except TokenError as exc:
                await _answer(send, exc.status, str(exc), [(b"www-authenticate", b"Bearer")])
                return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge(self.limit)
            return message

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in HEADERS if h[0] not in names]
            await send(message)

        try:
            await self.app(scope, limited, with_headers)
        except _TooLarge:
            if not started:
                await _answer(send, 413, f"request larger than {self.limit} bytes")
        except Exception as exc:  # a bug: one log line, and an answer that keeps the headers
            log.error("%s %s failed: %s: %s", scope.get("method"), scope.get("path"),
                      type(exc).__name__, str(exc).splitlines()[0][:200] if str(exc) else "")
            log.debug("traceback", exc_info=True)
            if not started:
                await _answer(send, 500, "internal error (logged)")
