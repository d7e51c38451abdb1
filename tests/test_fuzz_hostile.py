"""The hostile-input fuzz harness (issue 23), short runs; benchmarks/fuzz.py runs it longer
and on big files.

For each reader, hypothesis builds files that mix good items with hostile ones (bad ids,
lone surrogates, NUL and escape sequences, rich markup, over-long texts, broken JSON, tag
soup, truncation) and runs them through `run_analysis`, the path `newsprism analyze` takes
(with the per-article NLP replaced by a stub: the readers and the report are under test).
Each example asserts that the report is written and is valid UTF-8 JSON, that each bad item
costs exactly one problem line, and that peak traced memory stays under `PEAK_BYTES`. For
each web endpoint, hypothesis sends hostile bytes in the path and the query (GET) or hostile
JSON and files (the two writes) and asserts a non-5xx answer carrying the security
headers. Time growth is checked by the benchmark, not here.
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
import tracemalloc
from pathlib import Path
from urllib.parse import quote_from_bytes

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsprism.cli import _write_outputs
from newsprism.model import ArticleFacts
from newsprism.runner import LocalRunner
from newsprism.service import run_analysis
from newsprism.settings import Settings

MAX_CHARS = 3_000  # small cap, so over-long texts are cheap to make
SETTINGS = Settings(max_article_chars=MAX_CHARS)
PEAK_BYTES = 200_000_000  # traced Python memory for one example of a few hundred kB
FUZZ = hsettings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WORDS = "The council approved the new bridge after a long debate on Monday evening."


def no_nlp(articles, settings):
    return [(a, ArticleFacts(article_id=a.id)) for a in articles]


def run_and_write(paths: list[str], settings: Settings = SETTINGS):
    """run_analysis + the CLI's report writer, under tracemalloc; the report as read back."""
    tracemalloc.start()
    try:
        report = run_analysis(paths, settings, runner=LocalRunner(work=no_nlp))
        with tempfile.TemporaryDirectory() as d:
            out = Path(d) / "report.json"
            _write_outputs(report, out, None)
            written = json.loads(out.read_bytes().decode("utf-8"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < PEAK_BYTES, f"peak {peak} bytes"
    for p in written["problems"]:
        assert not any(ord(c) < 32 for c in p["source"] + p["reason"]), p
    return written


# -- JSON Lines: a good or bad item per line ------------------------------------------------

hostile_text = st.text(st.characters(codec=None, categories=None), max_size=30)
good_id = st.one_of(st.none(), st.text(st.characters(exclude_categories=("Cc", "Cs")),
                                       min_size=1, max_size=40).filter(lambda s: s.strip()))
BAD_KINDS = ["long id", "nul id", "surrogate id", "control id", "not json", "not object",
             "text missing", "text not string", "too long"]


@st.composite
def jsonl_line(draw):
    """(line, problems it must cost): a good record has hostile text in its fields."""
    kind = draw(st.sampled_from(["good", "good", "good", *BAD_KINDS]))
    n = draw(st.integers(0, 10**9))
    record = {"id": draw(good_id), "text": f"{WORDS} {n} {draw(hostile_text)}",
              "title": draw(hostile_text), "outlet": draw(hostile_text) + "[/]"}
    if record["id"] is not None:
        record["id"] = f"{record['id']}-{n}"
    cost = 1
    if kind == "good":
        cost = 0
    elif kind == "long id":
        record["id"] = "i" * 129
    elif kind == "nul id":
        record["id"] = f"a\x00{n}"
    elif kind == "surrogate id":
        record["id"] = f"a\udc80{n}"
    elif kind == "control id":
        record["id"] = f"a\x1b[2J{n}"
    elif kind == "not json":
        return "{broken " + str(n), 1
    elif kind == "not object":
        return json.dumps([record]), 1
    elif kind == "text missing":
        del record["text"]
    elif kind == "text not string":
        record["text"] = n
    elif kind == "too long":  # kept, cut, and the cut is one line
        record["text"] = f"{n} " + WORDS * (MAX_CHARS // len(WORDS) + 2)
    return json.dumps(record), cost


@FUZZ
@given(lines=st.lists(jsonl_line(), min_size=1, max_size=12),
       gz=st.booleans())
def test_hostile_jsonl_costs_one_line_per_bad_item(lines, gz):
    texts = [json.loads(line)["text"] for line, cost in lines
             if cost == 0 and line.startswith("{")]
    good_kept = len({t for t in texts})  # the same text under one id is a duplicate
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / ("in.jsonl.gz" if gz else "in.jsonl")
        data = ("\n".join(line for line, _ in lines) + "\n").encode("utf-8", "surrogatepass")
        path.write_bytes(gzip.compress(data) if gz else data)
        written = run_and_write([str(path)])
    expected = sum(cost for _, cost in lines)
    dup = [p for p in written["problems"] if "duplicate id" in p["reason"]]
    assert len(written["problems"]) - len(dup) == expected, written["problems"]
    assert len(written["articles"]) >= min(1, good_kept) or expected


# -- one file = one item: text, HTML, feeds, WARC -------------------------------------------------

tag = st.sampled_from(["<a", "<div>", "</div>", "<p>", "<a href='x'>", "<!--", "-->", "<![CDATA[",
                       "<script>", "&amp;", "&#0;", "<", ">", "[/]", "\x1b[31m", "\x00",
                       "<!ENTITY x 'y'>", WORDS])


@st.composite
def hostile_page(draw) -> bytes:
    parts = draw(st.lists(tag, max_size=200))
    depth = draw(st.sampled_from([0, 10, 600]))
    body = "<div>" * depth + "".join(parts) + f"<p>{WORDS * 3}</p>" + "</div>" * depth
    return f"<html><head><title>T[/]</title></head><body>{body}</body></html>".encode(
        "utf-8", "surrogatepass")


@FUZZ
@given(page=hostile_page(), suffix=st.sampled_from([".html", ".txt"]))
def test_hostile_page_is_one_article_or_one_problem(page, suffix):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"page{suffix}"
        path.write_bytes(page)
        written = run_and_write([str(path)])
    assert len(written["articles"]) + len(written["problems"]) >= 1
    assert len(written["problems"]) <= 1 or written["articles"]


@hsettings(FUZZ, max_examples=150)
@given(cut=st.integers(0, 2000), gz=st.booleans(), n=st.integers(1, 3))
def test_cut_warc_reads_what_is_whole_and_costs_at_most_one_line(cut, gz, n):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    ends = []  # where each record ends: a cut there leaves a whole, shorter archive
    for i in range(n):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = f"<html><body><article><p>{WORDS * 4} {i}</p></article></body></html>".encode()
        writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                      payload=io.BytesIO(body),
                                                      http_headers=http))
        ends.append(buf.tell())
    whole = buf.getvalue()
    data = whole[:max(0, len(whole) - cut)]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / ("a.warc.gz" if gz else "a.warc")
        path.write_bytes(data)
        written = run_and_write([str(path)])
    problems = written["problems"]
    if cut == 0:
        assert not problems and len(written["articles"]) == n
    elif any(0 <= end - len(data) <= (0 if gz else len(b"\r\n\r\n")) for end in ends):
        assert len(problems) <= 1  # cut at a record's end (or in its separator): whole
    else:
        assert len(problems) == 1, problems  # the cut, said once
        assert len(written["articles"]) <= n
    assert all(len(a["text"]) > 200 for a in written["articles"])  # no stub of a cut record


# -- web: every endpoint, hostile bytes in path and query -------------------------------------

ENDPOINTS = ["/", "/stories/{}", "/articles/{}", "/api/v1/stories", "/api/v1/stories/{}",
             "/api/v1/articles/{}", "/api/v1/health", "/upload", "/api"]
PARAMS = ["q", "since", "until", "limit", "offset", "page"]


@pytest.fixture(scope="module")
def web_client(tmp_path_factory):
    from newsprism.storage.store import open_store
    from newsprism.web.app import create_app
    from web.factory import make_report

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('fuzzweb') / 'w.db'}")
    store.save_report(make_report(evil=True))
    yield TestClient(create_app(Settings(), store), raise_server_exceptions=False)
    store.close()


@hsettings(max_examples=150, deadline=None,
           suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(endpoint=st.sampled_from(ENDPOINTS), ident=st.binary(max_size=300),
       query=st.lists(st.tuples(st.sampled_from(PARAMS), st.binary(max_size=300)), max_size=4))
def test_hostile_requests_get_no_5xx_and_keep_the_headers(web_client, endpoint, ident, query):
    path = endpoint.format(quote_from_bytes(ident, safe=b"") or "x")
    qs = "&".join(f"{k}={quote_from_bytes(v, safe=b'')}" for k, v in query)
    r = web_client.get(f"{path}?{qs}" if qs else path)
    assert r.status_code < 500, (path, qs, r.status_code, r.text[:200])
    assert "default-src 'none'" in r.headers.get("content-security-policy", "")
    assert r.headers.get("x-frame-options") == "DENY"


@pytest.fixture(scope="module")
def write_client(tmp_path_factory):
    from newsprism.storage.store import open_store
    from newsprism.web.app import create_app

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('fuzzwrite') / 'w.db'}")
    yield TestClient(create_app(Settings(token="fuzz-token-123456"), store),
                     raise_server_exceptions=False)
    store.close()


AUTH = {"authorization": "Bearer fuzz-token-123456"}
field = st.one_of(st.none(), hostile_text, st.integers(), st.just("x" * 129),
                  st.just("a\x00b"), st.just("[/]"))


@example(body={"articles": [{"id": "\ud800", "text": "a lone surrogate in an id"}]})
@hsettings(max_examples=25, deadline=None,
           suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=st.one_of(
    st.fixed_dictionaries({"articles": st.lists(st.dictionaries(
        st.sampled_from(["id", "text", "title", "outlet", "url", "x"]), field, max_size=5),
        max_size=3)}),
    st.recursive(st.none() | st.integers() | hostile_text,
                 lambda inner: st.lists(inner, max_size=3), max_leaves=5)))
def test_hostile_article_posts_get_no_5xx_and_keep_the_headers(write_client, body):
    # Encoded here, not by the client: json.dumps escapes a lone surrogate ("\\ud800"), which
    # is valid JSON an attacker can send, where the client's own encoder would refuse it.
    r = write_client.post("/api/v1/articles", content=json.dumps(body),
                          headers={**AUTH, "content-type": "application/json"})
    assert r.status_code in (201, 400, 422), (body, r.status_code, r.text[:300])
    assert "default-src 'none'" in r.headers.get("content-security-policy", "")
    if r.status_code == 201:
        for p in r.json()["problems"]:
            assert not any(ord(c) < 32 for c in p["source"] + p["reason"]), p


@hsettings(max_examples=25, deadline=None,
           suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=st.text(max_size=40), suffix=st.sampled_from([".txt", ".jsonl", ".html", ".warc",
                                                           ".jsonl.gz", ".rss", ""]),
       data=st.binary(max_size=2000))
def test_hostile_uploads_get_no_5xx_and_keep_the_headers(write_client, name, suffix, data):
    files = {"files": ((name + suffix).encode("utf-8", "replace").decode("utf-8"), data,
                       "application/octet-stream")}
    r = write_client.post("/api/v1/uploads", headers=AUTH, files=files)
    assert r.status_code in (201, 400, 422), (name, suffix, r.status_code, r.text[:300])
    assert "default-src 'none'" in r.headers.get("content-security-policy", "")
