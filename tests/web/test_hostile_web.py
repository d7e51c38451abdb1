"""Issue 23 on the web side: every bad parameter is a 4xx with the security headers (SQLite
and PostgreSQL), ids holding "/" have pages, the Host allow-list, and the bound on uncached
searches."""

from __future__ import annotations

import threading
import time
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsprism.model import Article, Report, Story
from newsprism.settings import Settings
from newsprism.storage.store import open_store
from newsprism.web.app import create_app
from storecases import STORE_KINDS, make_store_url

from .factory import make_report

SLASHED = "https://example.org/2024/05/bridge"


@pytest.fixture(params=STORE_KINDS)
def any_store(request, tmp_path):
    s = open_store(make_store_url(request.param, tmp_path))
    report = make_report()
    extra = Article(SLASHED, "bridge.html", "The bridge opened to traffic on Friday morning.",
                    outlet="Example", title="Bridge opens", published="2024-05-10")
    s.save_report(Report(articles=(*report.articles, extra), reuse=report.reuse,
                         stories=(*report.stories, Story("s/slash", "Bridge opens",
                                                         (SLASHED,)))))
    yield s
    s.close()


def _client(store, **settings) -> TestClient:
    return TestClient(create_app(Settings(**settings), store), raise_server_exceptions=False)


def _has_headers(r) -> None:
    assert "default-src 'none'" in r.headers.get("content-security-policy", ""), r.headers
    assert r.headers.get("x-content-type-options") == "nosniff"


# -- item 8 --------------------------------------------------------------------------------

BAD_TARGETS = ["/?q=a%00b", "/api/v1/stories?q=a%00b", "/articles/w1%00", "/stories/s1%00x",
               "/api/v1/articles/w1%00", "/api/v1/stories/s%00", "/?q=%1b%5b2J",
               "/api/v1/stories?q=%ff%fe", "/articles/%ed%a0%80", "/?since=%00"]


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_nul_and_control_bytes_in_parameters_are_a_400_with_headers(any_store, target):
    r = _client(any_store).get(target)
    assert r.status_code == 400, (target, r.status_code, r.text[:200])
    _has_headers(r)


def test_an_unexpected_error_is_a_500_with_headers_and_one_log_line(any_store, caplog):
    client = _client(any_store)

    def broken(*args, **kwargs):
        raise RuntimeError("database went away\nsecond line")

    client.app.state.reads.rows = broken
    r = client.get("/api/v1/stories?q=x")
    assert r.status_code == 500
    _has_headers(r)
    errors = [rec for rec in caplog.records if rec.levelname == "ERROR"]
    assert len(errors) == 1 and "second line" not in errors[0].getMessage()
    assert errors[0].exc_info is None


# -- item 9 --------------------------------------------------------------------------------

def test_ids_with_slashes_have_pages_and_api_entries(any_store):
    client = _client(any_store)
    story = client.get(f"/stories/{quote('s/slash', safe='')}")
    assert story.status_code == 200
    link = f"/articles/{quote(SLASHED, safe='')}"
    assert link in story.text  # the page links the article ...
    assert client.get(link).status_code == 200  # ... and the link works
    api = client.get(f"/api/v1/articles/{quote(SLASHED, safe='')}")
    assert api.status_code == 200 and api.json()["article"]["id"] == SLASHED
    assert client.get("/api/v1/stories/s%2Fslash").json()["story"]["id"] == "s/slash"


# -- item 10: Host allow-list ------------------------------------------------------------------

def _host_client(store, bind_host=None, **settings) -> TestClient:
    return TestClient(create_app(Settings(**settings), store, bind_host=bind_host))


@pytest.mark.parametrize("host,ok", [("127.0.0.1:8000", True), ("localhost:8000", True),
                                     ("[::1]:8000", True), ("rebind.attacker.example", False),
                                     ("127.0.0.1.nip.io:8000", False), ("", False)])
def test_host_allow_list_defaults_to_the_loopback_bind_host(store, host, ok):
    client = _host_client(store, bind_host="127.0.0.1")
    r = client.get("/api/v1/health", headers={"host": host})
    assert r.status_code == (200 if ok else 400)
    _has_headers(r)


def test_host_allow_list_setting(store):
    client = _host_client(store, bind_host="0.0.0.0", allowed_hosts="news.example, other.example")
    assert client.get("/", headers={"host": "news.example"}).status_code == 200
    assert client.get("/", headers={"host": "other.example:443"}).status_code == 200
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


# -- item 10: uncached searches are bounded ------------------------------------------------------

def test_uncached_searches_beyond_the_bound_get_429_and_cached_reads_go_on(store, monkeypatch):
    from newsprism.web import cache

    monkeypatch.setattr(cache, "SEARCH_WAIT", 0.5)  # the gate reads it when made
    client = _client(store)
    reads = client.app.state.reads
    entered, release = threading.Event(), threading.Event()
    slow_rows = reads.store.stories

    def slow(*args, **kwargs):
        entered.set()
        release.wait(10)
        return slow_rows(*args, **kwargs)

    client.get("/api/v1/stories/s1")  # cached before the flood
    reads.store.stories = slow
    first: list[int] = []
    worker = threading.Thread(target=lambda: first.append(
        client.get("/api/v1/stories?q=broad").status_code))
    worker.start()
    try:
        assert entered.wait(10)
        second = client.get("/api/v1/stories?q=other")
        assert second.status_code == 429 and second.headers["retry-after"] == "1"
        _has_headers(second)
        assert client.get("/?q=third").status_code == 429
        assert client.get("/api/v1/stories/s1").status_code == 200  # cached: not held up
    finally:
        release.set()
        worker.join(10)
    assert first == [200]
    assert client.get("/api/v1/stories?q=other").status_code == 200  # slot free again


# -- item 10: the API reports a known id with different text -----------------------------------

@pytest.mark.slow
def test_api_reports_a_known_id_with_different_text(store):
    client = TestClient(create_app(Settings(token="t0k3n-for-tests"), store))
    auth = {"authorization": "Bearer t0k3n-for-tests"}
    words = "The harbour board approved a new pier on Tuesday after a long public debate."
    first = client.post("/api/v1/articles", headers=auth,
                        json={"articles": [{"id": "pier-1", "text": words}]})
    assert first.status_code == 201 and first.json()["articles_added"] == 1
    same = client.post("/api/v1/articles", headers=auth,
                       json={"articles": [{"id": "pier-1", "text": words}]}).json()
    assert same["already_stored"] == 1 and same["problems"] == []
    other = client.post("/api/v1/articles", headers=auth, json={"articles": [
        {"id": "pier-1", "text": words.replace("Tuesday", "Sunday")}]}).json()
    assert other["already_stored"] == 1
    assert [p["source"] for p in other["problems"]] == ["upload:api.jsonl"]
    assert "pier-1" in other["problems"][0]["reason"]
    assert "different text" in other["problems"][0]["reason"]


def test_a_client_sweeping_new_searches_gets_429_and_others_are_served(store, monkeypatch):
    from newsprism.web import cache

    monkeypatch.setattr(cache, "CLIENT_BURST", 3)  # the limit reads them when made
    monkeypatch.setattr(cache, "CLIENT_RATE", 0.01)
    monkeypatch.setattr(cache, "CLIENT_HOLD", 0.3)
    hostile = TestClient(create_app(Settings(), store), client=("192.0.2.7", 5000))
    reads = hostile.app.state.reads
    normal = TestClient(hostile.app, client=("192.0.2.8", 5000))
    assert normal.get("/api/v1/stories?q=bridge").status_code == 200  # asked before
    codes = [hostile.get(f"/api/v1/stories?q=bridge&offset={n}").status_code
             for n in range(1, 6)]
    assert codes == [200, 200, 200, 429, 429]
    started = time.monotonic()
    refused = hostile.get("/?q=tram&page=2")
    # Held back before it is sent: a client that asks again at once is slowed down.
    assert time.monotonic() - started >= 0.3
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    _has_headers(refused)
    # Cached searches cost no token: the sweeping client still gets what others read, and
    # another client's new searches are its own.
    assert hostile.get("/api/v1/stories?q=bridge").status_code == 200
    assert normal.get("/api/v1/stories?q=tram").status_code == 200
    assert reads.cache.clients.refused == 3


def test_one_off_searches_evict_each_other_not_a_search_asked_again():
    from newsprism.web.cache import SEARCH_ENTRIES, ReadCache

    cache = ReadCache(lambda: 1)
    cache.get(("popular",), lambda: "rows", search=True)
    cache.get(("popular",), lambda: "rows", search=True)  # asked again: kept like a page
    for n in range(SEARCH_ENTRIES + 10):
        cache.get(("sweep", n), lambda: "x", search=True)
    calls: list[int] = []
    cache.get(("popular",), lambda: calls.append(1) or "rows", search=True)
    assert calls == []  # still cached
    cache.get(("sweep", 0), lambda: calls.append(1) or "x", search=True)
    assert calls == [1]  # the oldest one-off was evicted


def test_a_search_costs_its_client_tokens_by_the_rows_it_gives(tmp_path, monkeypatch):
    """h-big4: a token pays for one page of rows, so `limit=500` sweeps spend a client's
    budget by the work they cause, while a person paging 50 at a time is not slowed."""
    from newsprism.web import cache, data

    s = open_store(f"sqlite:///{tmp_path / 'rows.db'}")
    s.save_report(make_report(n_filler=10))  # 12 stories
    monkeypatch.setattr(cache, "CLIENT_BURST", 5)
    monkeypatch.setattr(cache, "CLIENT_RATE", 0.001)
    monkeypatch.setattr(cache, "CLIENT_HOLD", 0.0)
    monkeypatch.setattr(data, "ROWS_PER_TOKEN", 4)
    wide = TestClient(create_app(Settings(), s), client=("192.0.2.20", 5000))
    narrow = TestClient(wide.app, client=("192.0.2.21", 5000))
    # 12 rows: 3 tokens; 11 rows: 2.75 tokens; then less than one token is left.
    codes = [wide.get(f"/api/v1/stories?limit=500&offset={k}").status_code for k in range(3)]
    assert codes == [200, 200, 429]
    assert len(wide.get("/api/v1/stories?limit=500&offset=0").json()["stories"]) == 12  # cached
    # 4 rows a search: one token each, the whole burst.
    codes = [narrow.get(f"/api/v1/stories?limit=4&offset={k}").status_code for k in range(6)]
    assert codes == [200] * 5 + [429]
    s.close()


def test_corrections_table_is_made_before_the_server_threads_race_for_it(tmp_path):
    import sqlalchemy as sa

    s = open_store(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert not sa.inspect(s.engine).has_table("corrections")
    create_app(Settings(), s)
    assert sa.inspect(s.engine).has_table("corrections")
    s.close()
