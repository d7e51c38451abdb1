"""ASGI middleware: request size limit, early token check on API writes, safe headers.

Pure ASGI (not BaseHTTPMiddleware) so the body is counted as it streams in: a request larger
than the limit is refused with 413 whether or not it says its length, before anything parses
it. API writes without a valid token are refused before their body is read at all.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

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
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.limit = settings.max_upload_bytes + OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
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
