"""Fuzzing (hypothesis): random bytes into each reader give Articles or InputProblems, never an
exception and never a reader bug ("reader error"); clean_article never raises either."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsprism.clean.article import clean_article
from newsprism.model import Article, InputProblem
from newsprism.readers import read_inputs
from newsprism.settings import Settings

SETTINGS = Settings()
SUFFIXES = [".txt", ".html", ".jsonl", ".jsonl.gz", ".json", ".rss", ".atom", ".xml", ".warc",
            ".warc.gz", ""]
FUZZ = hsettings(max_examples=60, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _read_bytes(data: bytes, suffix: str) -> list[Article | InputProblem]:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"fuzz{suffix}"
        path.write_bytes(data)
        items = list(read_inputs([str(path)], SETTINGS))
    for item in items:
        assert isinstance(item, (Article, InputProblem))
        if isinstance(item, InputProblem):
            assert not item.reason.startswith("reader error"), item
            assert "\n" not in item.reason
        else:
            assert item.text.strip() and item.id
    return items


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_into_every_reader(data, suffix):
    _read_bytes(data, suffix)


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".jsonl.gz", ".warc.gz"]))
def test_random_bytes_inside_valid_gzip(data, suffix):
    _read_bytes(gzip.compress(data), suffix)


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) |
                     st.text(max_size=40),
                     lambda inner: st.lists(inner, max_size=4) |
                     st.dictionaries(st.sampled_from(["id", "text", "title", "url", "outlet",
                                                      "published", "byline", "x"]), inner,
                                     max_size=6), max_leaves=12)


@FUZZ
@given(records=st.lists(_json, min_size=1, max_size=8))
def test_random_json_values_as_lines(records):
    data = "\n".join(json.dumps(r) for r in records).encode()
    items = _read_bytes(data, ".jsonl")
    assert len(items) >= 1


_markup = st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<article>", "<h1>",
                                    "</h1>", "<title>", "</title>", "<meta ", "property=",
                                    '"og:title"', "content=", ">", "<", "&amp;", "&#0;", "<!--",
                                    "-->", "<script>", "</script>", "<![CDATA[", "]]>",
                                    "<rss>", "<item>", "<link>", "http://127.0.0.1/",
                                    "Words of a story. ", "2020-07-08", "\x00", "\u202e",
                                    "é", "<!ENTITY"]), max_size=80).map("".join)


@FUZZ
@given(doc=_markup, suffix=st.sampled_from([".html", ".rss", ".xml", ".txt"]))
def test_markup_soup(doc, suffix):
    _read_bytes(doc.encode("utf-8", "surrogatepass"), suffix)


_lines = st.lists(st.one_of(
    st.text(max_size=120),
    st.sampled_from(["By STAFF", "Publish Date: 08 July 2020 - 22:26", "Thursday 13 August 2020",
                     "* Comment:", "About The Paper", "Home News World Sport Opinion Video",
                     "(photo credit: A/B)", " date 2020-07-08 Site - Tagline News World",
                     "July 8, 2020", "Share this:", "We use cookies.", "", "Headline Here Now"]),
), max_size=30).map("\n".join)


@hsettings(max_examples=150, deadline=None)
@given(text=_lines, title=st.none() | st.text(max_size=30),
       published=st.none() | st.text(max_size=25))
def test_clean_article_never_raises(text, title, published):
    art = Article(id="f", source="fuzz", text=text, title=title, published=published)
    out = clean_article(art, SETTINGS.replace(max_article_chars=500))
    assert len(out.text) <= 500
    assert out.published is None or out.published[:4].isdigit()
