"""Untrusted text shown as text, writes only with the token, and size limits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from .conftest import TOKEN
from .factory import EVIL


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.scripts: list[list[tuple[str, str | None]]] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        if tag == "script":
            self.scripts.append(attrs)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


PAGES = ["/", "/stories/s1", "/articles/w1", "/articles/o1", "/stories/s2", "/?q=bridge"]


@pytest.mark.parametrize("path", PAGES)
def test_hostile_text_is_rendered_as_text(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    html = r.text
    assert EVIL not in html
    assert "<script>alert" not in html and "<img" not in html
    # Parsed as a browser would: the only element tags are ours, no inline handler anywhere.
    tags = Tags()
    tags.feed(html)
    assert tags.scripts == [[("src", "/static/app.js"), ("defer", None)]]
    assert tags.handlers == []
    assert "img" not in tags.names and "iframe" not in tags.names


def test_hostile_text_is_escaped_where_it_appears(client: TestClient) -> None:
    story = client.get("/stories/s1").text
    # Title, outlet name and speaker name all carry the payload in the fixture.
    assert story.count("&lt;script&gt;alert(") >= 3
    article = client.get("/articles/w1").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in article


def test_pages_forbid_inline_script_and_framing(client: TestClient) -> None:
    r = client.get("/stories/s1")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_no_external_assets(client: TestClient) -> None:
    for path in PAGES + ["/upload", "/api"]:
        html = client.get(path).text
        assert not re.search(r'(src|href)="(https?:)?//', html), path


ARTICLE = {"articles": [{"id": "new-1", "text": "A new article about the bridge.",
                         "outlet": "New Outlet"}]}


def test_writes_refused_without_token(client: TestClient, store) -> None:  # noqa: ANN001
    before = store.counts()
    assert client.post("/api/v1/articles", json=ARTICLE).status_code == 401
    bad = {"Authorization": "Bearer wrong"}
    assert client.post("/api/v1/articles", json=ARTICLE, headers=bad).status_code == 401
    basic = {"Authorization": f"Basic {TOKEN}"}
    assert client.post("/api/v1/articles", json=ARTICLE, headers=basic).status_code == 401
    r = client.post("/api/v1/uploads", files={"files": ("a.txt", b"text")})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    page = client.post("/upload", files={"files": ("a.txt", b"text")}, data={"token": "no"})
    assert page.status_code == 401 and "valid bearer token" in page.text
    assert store.counts() == before


def test_writes_refused_when_no_token_is_configured(readonly: TestClient, store) -> None:  # noqa: ANN001
    before = store.counts()
    for token in ("", TOKEN, "None"):
        headers = {"Authorization": f"Bearer {token}"}
        r = readonly.post("/api/v1/articles", json=ARTICLE, headers=headers)
        assert r.status_code == 403
        assert "disabled" in r.json()["detail"]
    page = readonly.post("/upload", files={"files": ("a.txt", b"x")}, data={"token": "None"})
    assert page.status_code == 403
    assert "disabled" in readonly.get("/upload").text
    assert store.counts() == before


def test_declared_size_over_limit_is_refused(client: TestClient) -> None:
    big = b"x" * 100_000  # the client fixture allows 20,000 bytes (+ 64 KiB of framing)
    r = client.post("/api/v1/uploads", files={"files": ("a.txt", big)},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413
    r = client.post("/upload", files={"files": ("a.txt", big)}, data={"token": TOKEN})
    assert r.status_code == 413


def test_streamed_size_over_limit_is_refused(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"articles": [{"text": "'
        for _ in range(200):
            yield b"y" * 1000
        yield b'"}]}'

    r = client.post("/api/v1/articles", content=chunks(),
                    headers={"Authorization": f"Bearer {TOKEN}",
                             "Content-Type": "application/json"})
    assert r.status_code == 413


def test_upload_of_a_refused_form_reports_it(client: TestClient, store) -> None:  # noqa: ANN001
    before = store.counts()
    r = client.post("/api/v1/uploads", headers={"Authorization": f"Bearer {TOKEN}"},
                    files=[("files", ("feed.xml", b"<rss/>")),
                           ("files", ("../../etc/passwd", b"root:x:0:0"))])
    assert r.status_code == 201
    body = r.json()
    assert body["articles_added"] == 0
    assert [p["source"] for p in body["problems"]] == ["feed.xml", "../../etc/passwd"]
    assert store.counts() == before


@pytest.mark.slow
def test_upload_with_token_adds_and_reanalyses(client: TestClient, store) -> None:  # noqa: ANN001
    text = ("The council approved the bridge on Monday after a long debate. "
            "\"We will build it by 2026,\" the mayor Ana Lind said.")
    r = client.post("/api/v1/uploads", headers={"Authorization": f"Bearer {TOKEN}"},
                    files={"files": ("bridge <b>.txt", text.encode())})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["articles_added"] == 1 and body["problems"] == []
    ids = set(store.article_ids())
    assert len(ids) == 5
    new = next(a for a in store.articles() if a.id not in {"w1", "c1", "o1", "t1"})
    assert new.source.startswith("upload:")
    # The same file again is already stored: nothing added.
    again = client.post("/api/v1/uploads", headers={"Authorization": f"Bearer {TOKEN}"},
                        files={"files": ("copy.txt", text.encode())})
    assert again.json()["already_stored"] == 1 and len(store.article_ids()) == 5
