"""Polite fetching, feeds by file and URL, pages by URL and WARC, against a local server."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator

import httpx
import pytest
from local_http import LocalServer, Route, serve

from newsprism.errors import BlockedAddressError, FetchError
from newsprism.model import Article, InputProblem
from newsprism.readers import read_inputs
from newsprism.readers.fetch import Fetcher, is_public
from newsprism.text import stable_id


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    with serve() as server:
        yield server


PARA = ("Volunteers cleared four tonnes of rubbish from the river banks on Saturday, the "
        "organisers said, in the largest clean-up the town has held in a decade. ")


def page(title: str, site: str = "River Gazette", date: str = "2024-05-04") -> bytes:
    return (f"<html><head><title>{title} - {site}</title>"
            f'<meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{date}T08:00:00Z">'
            f"</head><body><article><h1>{title}</h1><p>{PARA * 3}</p><p>{PARA}</p>"
            "</article></body></html>").encode()


def rss(base: str, items: list[tuple[str, str]], extra: str = "") -> bytes:
    body = "".join(f"<item><title>{t}</title><link>{base}{p}</link>"
                   "<pubDate>Sat, 04 May 2024 09:30:00 +0000</pubDate>"
                   "<author>desk@gazette.example (Ana Ruiz)</author></item>"
                   for t, p in items)
    return (f'<?xml version="1.0"?>{extra}<rss version="2.0"><channel>'
            f"<title>River Gazette - Local news</title>{body}</channel></rss>").encode()


@pytest.fixture
def polite(settings):
    return settings.replace(allow_private_fetch=True, fetch_host_delay=0.2, fetch_retries=2,
                            fetch_timeout=2.0)


def test_feed_url_fetches_each_item_politely(local_server, polite):
    s = local_server
    s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    s.routes["/feed.xml"] = Route(rss(s.base, [("Clean-up day", "/a"), ("Hidden", "/private/b"),
                                               ("Flaky page", "/c")]), "application/rss+xml")
    s.routes["/a"] = Route(page("Clean-up day"))
    s.routes["/private/b"] = Route(page("Hidden"))
    s.routes["/c"] = Route(page("Flaky page"), fail_first=1)
    items = list(read_inputs([s.url("/feed.xml")], polite))
    arts = [i for i in items if isinstance(i, Article)]
    probs = [i for i in items if isinstance(i, InputProblem)]
    assert [a.title for a in arts] == ["Clean-up day", "Flaky page"]
    assert arts[0].id == stable_id(s.url("/a")) and arts[0].url == s.url("/a")
    assert arts[0].published == "2024-05-04T09:30+00:00"  # the feed's date wins
    assert arts[0].outlet == "River Gazette"
    assert len(probs) == 1 and "robots.txt" in probs[0].reason
    assert s.hits("/private/b") == 0 and s.hits("/robots.txt") == 1 and s.hits("/c") == 2
    assert all(ua == polite.user_agent for _, _, ua in s.log)
    times = [t for t, p, _ in s.log]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.15  # per-host delay held between every two requests


def test_page_url_and_size_cap_and_errors(local_server, polite):
    s = local_server
    s.routes["/page"] = Route(page("One page"))
    s.routes["/big"] = Route(b"<html>" + b"x" * 5000 + b"</html>")
    s.routes["/gone"] = Route(b"", status=410)
    items = list(read_inputs([s.url("/page"), s.url("/big"), s.url("/gone")],
                             polite.replace(fetch_max_bytes=4000, fetch_host_delay=0.0)))
    assert isinstance(items[0], Article) and items[0].title == "One page"
    assert isinstance(items[1], InputProblem) and "larger than 4000" in items[1].reason
    assert isinstance(items[2], InputProblem) and "HTTP 410" in items[2].reason


def test_timeout_is_reported_after_retries(local_server, polite):
    s = local_server
    s.routes["/slow"] = Route(page("Slow"), delay=1.0)
    sleeps: list[float] = []
    with Fetcher(polite.replace(fetch_timeout=0.2, fetch_retries=1), sleep=sleeps.append) as f:
        with pytest.raises(FetchError, match="timed out after 2 attempt"):
            f.get(s.url("/slow"))
    assert 0.5 in sleeps  # back-off before the retry


def test_private_addresses_refused_unless_allowed(settings):
    def transport_fail(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request may be sent to a blocked address")

    t = httpx.MockTransport(transport_fail)
    f = Fetcher(settings, transport=t, resolver=lambda host: ["10.1.2.3"])
    with pytest.raises(BlockedAddressError, match="non-public"):
        f.get("http://intranet.example/feed")
    with pytest.raises(BlockedAddressError):
        Fetcher(settings, transport=t).get("http://127.0.0.1:9/x")
    with pytest.raises(FetchError, match="only http"):
        Fetcher(settings, transport=t).get("file:///etc/passwd")
    items = list(read_inputs(["http://127.0.0.1:9/feed"], settings))
    assert isinstance(items[0], InputProblem) and "allow_private_fetch" in items[0].reason


def test_redirect_to_private_address_is_refused(settings):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/meta"})

    resolve = {"news.example": ["93.184.216.34"]}
    f = Fetcher(settings, transport=httpx.MockTransport(handler),
                resolver=lambda h: resolve.get(h, ["169.254.169.254"]), sleep=lambda s: None)
    with pytest.raises(BlockedAddressError):
        f.get("http://news.example/story")


@pytest.mark.parametrize("address,public", [("8.8.8.8", True), ("127.0.0.1", False),
                                            ("10.0.0.1", False), ("192.168.1.1", False),
                                            ("169.254.169.254", False), ("::1", False),
                                            ("::ffff:127.0.0.1", False), ("fd00::1", False),
                                            ("0.0.0.0", False), ("2606:4700::1111", True)])
def test_is_public(address, public):
    assert is_public(address) is public


def test_per_host_delay_uses_the_clock(settings):
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    t = httpx.MockTransport(lambda r: httpx.Response(200, text="ok"))
    f = Fetcher(settings.replace(fetch_host_delay=1.0), transport=t,
                resolver=lambda h: ["93.184.216.34"], clock=lambda: now[0], sleep=sleep)
    f.get("http://a.example/1")
    f.get("http://a.example/2")
    f.get("http://b.example/1")  # another host: its own clock
    # robots.txt counts as a request: waits before a/1, a/2 and b/1 (after b's robots.txt)
    assert slept == [1.0, 1.0, 1.0]


def test_feed_file_with_entity_expansion_is_refused(tmp_path, settings):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "lol"}">'
                      for i in range(1, 10))
            + ']><rss version="2.0"><channel><title>&lol9;</title></channel></rss>')
    f = tmp_path / "bomb.rss"
    f.write_text(bomb, encoding="utf-8")
    start = time.monotonic()
    items = list(read_inputs([str(f)], settings))
    assert time.monotonic() - start < 2
    assert len(items) == 1 and "entity expansion refused" in items[0].reason


def test_feed_file_uses_feed_text_when_pages_unreachable(tmp_path, settings):
    text = " ".join([PARA] * 4)
    f = tmp_path / "full.atom"
    f.write_text('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
                 "<title>Valley Post</title><entry><title>River day</title>"
                 "<link href='http://127.0.0.1:9/river'/><updated>2024-05-04T10:00:00Z</updated>"
                 f"<content type='html'>&lt;p&gt;{text}&lt;/p&gt;</content></entry>"
                 "<entry><title>Teaser</title><link href='http://127.0.0.1:9/t'/>"
                 "<summary>Short.</summary></entry></feed>", encoding="utf-8")
    items = list(read_inputs([str(f)], settings))  # private fetch off: pages are refused
    assert isinstance(items[0], Article) and items[0].title == "River day"
    assert items[0].outlet == "Valley Post" and items[0].text.startswith("Volunteers")
    assert items[0].published == "2024-05-04T10:00+00:00"
    assert isinstance(items[1], InputProblem) and "no article text" in items[1].reason


def test_warc_file(tmp_path, settings):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "news.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, body, ctype, status in [
            ("https://gazette.example/a", page("Archived story"), "text/html", "200 OK"),
            ("https://gazette.example/logo.png", b"\x89PNG....", "image/png", "200 OK"),
            ("https://gazette.example/moved", b"", "text/html", "301 Moved"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    items = list(read_inputs([str(path)], settings))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert items[0].url == "https://gazette.example/a"
    assert items[0].id == stable_id("https://gazette.example/a")
    # Truncated archive: what was read is kept, then one problem line.
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) // 2])
    got = list(read_inputs([str(cut)], settings))
    assert got and isinstance(got[-1], InputProblem)


def test_robots_crawl_delay_is_obeyed(settings):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nCrawl-delay: 5\n")
        return httpx.Response(200, text="<html><body><p>x</p></body></html>")

    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    f = Fetcher(settings.replace(fetch_host_delay=1.0), transport=httpx.MockTransport(handler),
                resolver=lambda h: ["93.184.216.34"], clock=lambda: now[0], sleep=sleep)
    f.get("http://slow.example/a")
    f.get("http://slow.example/b")
    assert slept == [5.0, 5.0]


def test_dns_rebinding_between_check_and_connect_is_refused(local_server, settings):
    """The host answers a public address to the check, then loopback to the connection: the
    real transport (no mock) connects only to addresses it has checked, so nothing is sent."""
    local_server.routes["/feed"] = Route(body=b"secret", content_type="text/plain")
    port = local_server.base.rsplit(":", 1)[1]
    answers = iter([["93.184.216.34"]])  # the check says public; every later lookup, loopback

    def rebinding(host: str) -> list[str]:
        return next(answers, ["127.0.0.1"])

    f = Fetcher(settings.replace(fetch_retries=0), resolver=rebinding, sleep=lambda s: None)
    with pytest.raises(BlockedAddressError, match="at connect time") as info:
        f.get(f"http://rebind.example:{port}/feed")
    assert info.value.url.startswith(f"http://rebind.example:{port}/")  # the URL, not the host
    assert local_server.log == []  # not even robots.txt reached the loopback server


def test_connections_go_to_the_resolved_address(local_server, settings):
    """With private fetching allowed, the pinned transport connects to what our resolver says
    (here a made-up name for the loopback server), not to a second system lookup."""
    local_server.routes["/p"] = Route(body=b"hello", content_type="text/plain")
    port = local_server.base.rsplit(":", 1)[1]
    asked: list[str] = []

    def resolver(host: str) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    f = Fetcher(settings.replace(allow_private_fetch=True), resolver=resolver,
                sleep=lambda s: None)
    got = f.get(f"http://no-such-host.invalid:{port}/p")
    assert got.content == b"hello" and got.status == 200
    assert "no-such-host.invalid" in asked
    assert [path for _, path, _ in local_server.log] == ["/robots.txt", "/p"]
