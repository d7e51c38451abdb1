"""Each reader on small inputs written in tmp: the forms, ids, outlets from folders, dedup."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsprism.model import Article, InputProblem
from newsprism.readers import ReadStats, read_inputs
from newsprism.text import stable_id

BODY = ("The harbour council voted on Tuesday to close the old pier for repairs, the mayor "
        "said, after engineers found cracks in three of its supporting pillars.\n\n"
        "Work is expected to take six weeks and cost about 2 million euros, officials said.")


def _read(paths, settings, **kw) -> tuple[list[Article], list[InputProblem]]:
    items = list(read_inputs([str(p) for p in paths], settings, **kw))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, InputProblem)])


def test_text_file_keeps_raw_text_and_hashes_it(tmp_path, settings):
    f = tmp_path / "a.txt"
    f.write_text("Pier closes\n" + BODY, encoding="utf-8")
    arts, probs = _read([f], settings)
    assert not probs and len(arts) == 1
    assert arts[0].text.startswith("Pier closes\n")
    assert arts[0].id == stable_id(arts[0].text)
    assert arts[0].source == str(f)


def test_jsonl_keys_metadata_and_ids(tmp_path, settings):
    f = tmp_path / "a.jsonl.gz"
    rows = [
        {"id": "x1", "text": BODY, "outlet": "Harbour Herald", "title": "Pier closes",
         "published": "2024-03-05", "topic": "local", "slant": ["c", 1]},
        {"text": BODY + " More.", "url": "https://herald.example/pier"},
        {"text": BODY + " Other."},
    ]
    with gzip.open(f, "wt", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r) + "\n")
    arts, probs = _read([f], settings)
    assert not probs
    assert [a.id for a in arts] == ["x1", stable_id("https://herald.example/pier"),
                                    stable_id(BODY + " Other.")]
    first = arts[0]
    assert (first.outlet, first.title, first.published) == ("Harbour Herald", "Pier closes",
                                                            "2024-03-05")
    assert dict(first.metadata) == {"slant": '["c", 1]', "topic": '"local"'}


def test_jsonl_published_spellings_normalised(tmp_path, settings):
    f = tmp_path / "d.jsonl"
    f.write_text("\n".join(json.dumps({"id": str(i), "text": BODY, "published": p}) for i, p in
                           enumerate(["2024-03-05T10:20:00Z", "March 5, 2024", "soon"])),
                 encoding="utf-8")
    arts, _ = _read([f], settings)
    assert [a.published for a in arts] == ["2024-03-05T10:20+00:00", "2024-03-05", None]
    assert ("published_raw", '"soon"') in arts[2].metadata


def test_folder_recursive_with_outlet_layout(tmp_path, settings):
    (tmp_path / "harbour-herald").mkdir()
    (tmp_path / "harbour-herald" / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "2024" / "03").mkdir(parents=True)
    (tmp_path / "2024" / "03" / "two.txt").write_text(BODY + " Two.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not news", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY + " Hidden.", encoding="utf-8")
    stats = ReadStats()
    arts, probs = _read([tmp_path], settings, stats=stats)
    assert [(p.source, p.reason.split(";")[0]) for p in probs] == [
        (str(tmp_path / "notes.md"), "not a supported type (.txt, .html, .jsonl, .jsonl.gz, "
                                     ".json, .xml/.rss/.atom, .warc, .warc.gz)")]
    assert {a.source.rsplit("/", 1)[-1]: a.outlet for a in arts} == {"one.txt": "harbour-herald",
                                                                      "two.txt": None}
    assert stats.skipped_files == [str(tmp_path / "notes.md")] and stats.files == 2


def test_duplicates_identical_skipped_conflicting_reported(tmp_path, settings):
    a = tmp_path / "a.jsonl"
    a.write_text(json.dumps({"id": "7", "text": BODY}) + "\n", encoding="utf-8")
    b = tmp_path / "b.jsonl"
    b.write_text(json.dumps({"id": "7", "text": BODY}) + "\n" +
                 json.dumps({"id": 7, "text": "Something else entirely."}) + "\n",
                 encoding="utf-8")
    stats = ReadStats()
    arts, probs = _read([a, b], settings, stats=stats)
    assert len(arts) == 1 and arts[0].source == str(a)
    assert stats.duplicates == 1
    assert len(probs) == 1 and "duplicate id 7" in probs[0].reason and str(a) in probs[0].reason
    assert probs[0].source == str(b)


def test_html_file_metadata(tmp_path, settings):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Pier closes for repairs | Harbour Herald</title>"
        '<meta property="og:site_name" content="Harbour Herald">'
        '<link rel="canonical" href="https://herald.example/pier">'
        '<meta property="article:published_time" content="2024-03-05T09:00:00+01:00">'
        "</head><body><nav><a>Home</a> <a>News</a></nav><article><h1>Pier closes for repairs"
        "</h1>" + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) +
        "</article><footer>© 2024 Harbour Herald</footer></body></html>", encoding="utf-8")
    arts, probs = _read([page], settings)
    assert not probs
    art = arts[0]
    assert art.outlet == "Harbour Herald" and art.url == "https://herald.example/pier"
    assert art.id == stable_id("https://herald.example/pier")
    assert art.published_date == "2024-03-05"
    assert "harbour council voted" in art.text


def test_missing_path_is_a_problem_not_a_crash(tmp_path, settings):
    arts, probs = _read([tmp_path / "nope.txt"], settings)
    assert not arts and probs[0].reason == "no such file or folder"


@pytest.mark.parametrize("name", ["x.unknown", "noext"])
def test_unknown_extension_is_sniffed(tmp_path, settings, name):
    f: Path = tmp_path / name
    f.write_text(json.dumps({"id": "s", "text": BODY}) + "\n", encoding="utf-8")
    arts, probs = _read([f], settings)
    assert not probs and arts[0].id == "s"


def test_html_saved_as_txt_is_read_as_html(tmp_path, settings):
    f = tmp_path / "saved.txt"
    f.write_text("<!DOCTYPE html><html><head><title>Pier closes</title></head><body><article>"
                 + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n")) + "</article></body></html>",
                 encoding="utf-8")
    arts, probs = _read([f], settings)
    assert not probs and "<p>" not in arts[0].text and "harbour council" in arts[0].text


def test_html_page_with_almost_no_text_is_a_problem(tmp_path, settings):
    f = tmp_path / "index.html"
    f.write_text("<html><body><nav>Home News</nav><p>Page not found.</p></body></html>",
                 encoding="utf-8")
    arts, probs = _read([f], settings)
    assert not arts and ("too little article text" in probs[0].reason or
                         "no article text" in probs[0].reason)
