"""Polite, bounded HTTP fetching for feeds and pages (httpx).

`Fetcher(settings).get(url)` returns the body of a 200 response or raises:

    FetchError              timeout, refused, HTTP error after retries, disallowed by
    │                       robots.txt, larger than `fetch_max_bytes`, too many redirects
    └── BlockedAddressError the host resolves to a private, loopback, link-local or otherwise
                            non-public address and `allow_private_fetch` is off (no SSRF
                            through a feed); checked again on every redirect and at
                            connect time on the very addresses connected to (see
                            `PinnedTransport`: no DNS rebinding between check and connect)

Politeness: a User-Agent naming us, robots.txt read once per host and obeyed (its
Crawl-delay too, up to 30 s), at least `fetch_host_delay` seconds between two requests to one
host, `fetch_retries` retries with
exponential back-off on timeouts, 429 and 5xx (honouring a short Retry-After). Tests inject an
`httpx` transport, a resolver and a clock instead of monkeypatching.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..errors import BlockedAddressError, FetchError
from ..settings import Settings

MAX_REDIRECTS = 5
BACKOFF_BASE = 0.5  # seconds; doubled on each retry
MAX_RETRY_AFTER = 30.0
MAX_CRAWL_DELAY = 30.0  # a robots.txt asking for more is obeyed only up to this
_RETRY_STATUS = {429, 500, 502, 503, 504}
Resolver = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL after redirects
    status: int
    content_type: str
    content: bytes
    location: str = ""  # the Location header of a redirect
    etag: str = ""  # validators for a later conditional request (see `get`)
    last_modified: str = ""


def system_resolver(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(host, f"cannot resolve host ({exc.strerror})") from exc
    return sorted({str(info[4][0]) for info in infos})


# IPv6 prefixes that carry an IPv4 address inside: the embedded address is the one reached.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052 well-known prefix
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: local use, never global


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv4-mapped, NAT64 or 6to4 address leads to (None: none)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def is_public(address: str) -> bool:
    """Globally routable, and so is every IPv4 address it carries (mapped, NAT64, 6to4,
    Teredo): `64:ff9b::7f00:1` is loopback reached through a NAT64 gateway."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL:
            return False
        inner = embedded_ipv4(ip)
        if inner is not None:
            return inner.is_global and not inner.is_multicast
    return ip.is_global and not ip.is_multicast


class _PinnedBackend(httpcore.SyncBackend):
    """Resolves the host itself, checks every address, then connects to those addresses only.

    `Fetcher.check_address` runs before each request, but a host can answer a public address to
    that lookup and a private one to the connection's own (DNS rebinding). Here the addresses
    checked are the addresses connected to. TLS still verifies the certificate against the host
    name (httpcore passes it as `server_hostname`).
    """

    def __init__(self, resolver: Resolver, allow_private: bool) -> None:
        self._resolver = resolver
        self._allow_private = allow_private

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        addresses = [host.strip("[]")] if _is_ip(host) else self._resolver(host)
        if not self._allow_private:
            blocked = [a for a in addresses if not is_public(a)]
            if blocked or not addresses:
                raise BlockedAddressError(host, f"host {host} resolves to a non-public address "
                                                f"at connect time ({', '.join(blocked) or 'none'})")
        error: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:  # try the next address, like create_connection
                error = exc
        raise error


def pinned_transport(resolver: Resolver, allow_private: bool) -> httpx.HTTPTransport:
    """An httpx transport whose connections go only to checked addresses (`_PinnedBackend`).

    httpx does not take a network backend, so the transport's connection pool is rebuilt with
    one (same TLS context and limits as httpx's defaults). Proxies from the environment are
    mounted by `httpx.Client` apart and are not pinned: the proxy resolves the host.
    """
    transport = httpx.HTTPTransport()
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(), max_connections=100,
        max_keepalive_connections=20, keepalive_expiry=5.0,
        network_backend=_PinnedBackend(resolver, allow_private))
    return transport


class Fetcher:
    """One polite client: per-host clocks and robots.txt rules live as long as it does."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None,
                 resolver: Resolver = system_resolver,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self._resolver = resolver
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        if transport is None:
            transport = pinned_transport(resolver, settings.allow_private_fetch)
        self._client = httpx.Client(
            transport=transport, timeout=settings.fetch_timeout, follow_redirects=False,
            headers={"User-Agent": settings.user_agent,
                     "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                               "application/atom+xml,application/xml;q=0.9,*/*;q=0.5"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- checks -------------------------------------------------------------------------------

    def check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "only http and https URLs can be fetched")
        if self.settings.allow_private_fetch:
            return
        host = parts.hostname
        try:
            addresses = [host] if _is_ip(host) else self._resolver(host)
        except FetchError as exc:
            raise FetchError(url, exc.reason) from exc
        blocked = [a for a in addresses if not is_public(a)]
        if blocked or not addresses:
            raise BlockedAddressError(url, f"host {host} resolves to a non-public address "
                                           f"({', '.join(blocked) or 'none'}); set "
                                           "allow_private_fetch to fetch it")

    def allowed_by_robots(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        return True if rules is None else rules.can_fetch(self.settings.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser()
        try:
            got = self._request(origin + "/robots.txt", max_bytes=500_000, retries=0)
        except BlockedAddressError:
            raise
        except FetchError as exc:
            status = getattr(exc, "status", None)
            if status in (401, 403):  # the site forbids robots: fetch nothing there
                parser.parse(["User-agent: *", "Disallow: /"])
                return parser
            return None  # no robots.txt (404) or unreachable: no rules to obey
        parser.parse(got.content.decode("utf-8", "replace").splitlines())
        return parser

    # -- fetching -----------------------------------------------------------------------------

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Fetched:
        """The body of `url` after redirects, politely; raises FetchError (see module doc).
        With the `etag` / `last_modified` of an earlier answer, the request is conditional:
        an unchanged resource answers status 304 with no content."""
        if not self.allowed_by_robots(url):
            raise FetchError(url, "disallowed by the site's robots.txt")
        headers = {k: v for k, v in (("If-None-Match", etag),
                                     ("If-Modified-Since", last_modified)) if v}
        return self._request(url, self.settings.fetch_max_bytes, self.settings.fetch_retries,
                             headers)

    def _host_delay(self, host: str) -> float:
        """Our delay, or the site's robots.txt Crawl-delay when it asks for more (capped)."""
        delay = self.settings.fetch_host_delay
        for origin, rules in self._robots.items():
            if rules is not None and urlsplit(origin).netloc.lower() == host:
                asked = rules.crawl_delay(self.settings.user_agent)
                if asked:
                    delay = max(delay, min(float(asked), MAX_CRAWL_DELAY))
        return delay

    def _wait_turn(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self._host_delay(host) - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _request(self, url: str, max_bytes: int, retries: int,
                 headers: dict[str, str] | None = None) -> Fetched:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self.check_address(current)
            response = self._with_retries(current, max_bytes, retries, headers)
            if response.status in (301, 302, 303, 307, 308):
                location = response.location
                if not location:
                    raise FetchError(current, f"redirect ({response.status}) without Location")
                current = urljoin(current, location)
                if current != url and urlsplit(current).netloc != urlsplit(url).netloc and \
                        not self.allowed_by_robots(current):
                    raise FetchError(current, "redirect target disallowed by robots.txt")
                continue
            return response
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _with_retries(self, url: str, max_bytes: int, retries: int,
                      headers: dict[str, str] | None = None) -> Fetched:
        host = urlsplit(url).netloc.lower()
        attempt = 0
        while True:
            self._wait_turn(host)
            try:
                result = self._once(url, max_bytes, headers)
            except FetchError as exc:  # from the pinned connection: name the URL, not the host
                raise type(exc)(url, exc.reason) from exc
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                if attempt >= retries:
                    kind = "timed out" if isinstance(exc, httpx.TimeoutException) else \
                        f"connection failed ({type(exc).__name__})"
                    raise FetchError(url, f"{kind} after {attempt + 1} attempt(s)") from exc
                self._sleep(BACKOFF_BASE * 2 ** attempt)
                attempt += 1
                continue
            status, retry_after = result[0].status, result[1]
            if status in _RETRY_STATUS and attempt < retries:
                self._sleep(min(MAX_RETRY_AFTER, retry_after or BACKOFF_BASE * 2 ** attempt))
                attempt += 1
                continue
            if status >= 400:
                error = FetchError(url, f"HTTP {status} after {attempt + 1} attempt(s)")
                error.status = status  # type: ignore[attr-defined]
                raise error
            return result[0]

    def _once(self, url: str, max_bytes: int, headers: dict[str, str] | None = None
              ) -> tuple[Fetched, float | None]:
        with self._client.stream("GET", url, headers=headers) as response:
            if response.is_redirect:
                return Fetched(url, response.status_code, "", b"",
                               response.headers.get("location", "")), None
            retry_after = _retry_after(response.headers.get("retry-after"))
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(url, f"response larger than {max_bytes} bytes "
                                      f"(fetch_max_bytes; it declares {int(declared)})")
            chunks: list[bytes] = []
            size = 0
            if response.status_code < 400:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(url, f"response larger than {max_bytes} bytes "
                                              "(fetch_max_bytes)")
                    chunks.append(chunk)
            return Fetched(str(response.url), response.status_code,
                           response.headers.get("content-type", ""), b"".join(chunks),
                           etag=response.headers.get("etag", ""),
                           last_modified=response.headers.get("last-modified", "")), \
                retry_after


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
