"""The "How accurate is this?" page and its JSON: rendered from eval result files, never
typed by hand; a changed file changes the page; missing or broken files are said, not a 500."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.eval.record import KINDS, Slice, make_run, numbers, write_run
from newsprism.settings import Settings
from newsprism.storage.store import Store
from newsprism.web.app import create_app
from newsprism.web.render import render_report_html

WHEN = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def _summary_result(rouge1: float, unsupported: int = 0) -> dict:
    """The shape `eval summary` returns, with made-up numbers and a string that must not be
    kept (an example sentence)."""
    return {"dataset": "somewhere", "first_line": 7, "stories": 20, "scored": 19,
            "results": {"newsprism (3 sent, <=70 words)": {
                "rouge1": rouge1, "rouge2": 11.11, "rougeL": 22.22,
                "arousal_proxy_per_100_words": 1.234},
                "whole source1": {"rouge1": 30.0, "arousal_proxy_per_100_words": 2.5},
                "whole source2": {"rouge1": 31.0, "arousal_proxy_per_100_words": 1.75}},
            "support": {"sentences": 57, "unsupported_sentences": unsupported,
                        "names_not_in_sources": 0, "numbers_not_in_sources": 0,
                        "unsupported_examples": ["The Orrin dam broke in a made-up town."]}}


def _write(folder: Path, rouge1: float, role: str = "blind") -> Path:
    path = folder / "summary.json"
    run = make_run("summary", _summary_result(rouge1), Slice("NeuS", "train", "lines 7-26",
                                                             role),
                   "newsprism eval summary --gold data/neus --start 7 --limit 20", 12.34, WHEN)
    write_run(path, run)
    return path


def _app(store: Store, folder: Path | None) -> TestClient:
    settings = Settings(accuracy_dir=str(folder) if folder is not None else None)
    return TestClient(create_app(settings, store))


def test_page_shows_the_numbers_of_the_file_and_follows_a_change(store: Store,
                                                                tmp_path: Path) -> None:
    folder = tmp_path / "eval"
    _write(folder, 41.37)
    client = _app(store, folder)
    html = client.get("/accuracy").text
    assert "41.4%" in html and "11.1%" in html and "22.2%" in html
    assert "newsprism eval summary --gold data/neus --start 7 --limit 20" in html
    assert "2026-01-02" in html and "NeuS · train · lines 7-26" in html
    assert "1.234" in html and "1.750" in html  # ours, and the calmest source
    assert "made-up town" not in html  # strings of the result are not kept
    _write(folder, 29.06)  # the same slice again: replaced
    html = client.get("/accuracy").text
    assert "29.1%" in html and "41.4%" not in html
    assert html.count("lines 7-26") == 1


def test_api_returns_the_same_data(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "eval"
    _write(folder, 41.37)
    body = _app(store, folder).get("/api/v1/accuracy").json()
    assert [k["kind"] for k in body["kinds"]] == list(KINDS)
    summary = next(k for k in body["kinds"] if k["kind"] == "summary")
    (run,) = summary["runs"]
    rouge = next(m for m in run["metrics"] if m["name"] == "ROUGE-1")
    assert rouge["value"] == 41.37 and rouge["n"] == 19
    assert run["numbers"]["results.newsprism (3 sent, <=70 words).rouge1"] == 41.37
    assert run["command"].startswith("newsprism eval summary") and run["date"].endswith("Z")
    assert {"commit", "version", "role", "dataset", "split"} <= set(run)
    others = [k for k in body["kinds"] if k["kind"] != "summary"]
    assert all(k["runs"] == [] and k["problem"] for k in others)


@pytest.mark.parametrize("content", ["{not json", json.dumps({"format": "other"}),
                                     json.dumps([1, 2]), "\udc80"])
def test_a_broken_file_is_said_not_a_500(store: Store, tmp_path: Path, content: str) -> None:
    (tmp_path / "quotes.json").write_text(content, encoding="utf-8", errors="surrogateescape")
    client = _app(store, tmp_path)
    r = client.get("/accuracy")
    assert r.status_code == 200
    section = re.search(r'id="acc-quotes">(.*?)</section>', r.text, re.S)
    assert section and "Not shown:" in section.group(1)
    assert client.get("/api/v1/accuracy").status_code == 200


def test_no_folder_is_said(store: Store, tmp_path: Path) -> None:
    client = _app(store, tmp_path / "absent")
    r = client.get("/accuracy")
    assert r.status_code == 200 and "No eval result files were found" in r.text
    assert "absent" not in r.text  # no server path on the page
    assert client.get("/api/v1/accuracy").json()["found"] is False


def test_every_page_and_each_finding_kind_link_to_it(store: Store, tmp_path: Path) -> None:
    client = _app(store, tmp_path)
    sid = client.get("/api/v1/stories").json()["stories"][0]["id"]
    story = client.get(f"/stories/{sid}").text
    for kind in ("summary", "conflicts", "quotes", "stories"):
        assert f'href="/accuracy#acc-{kind}"' in story
    page = client.get("/accuracy").text
    for kind in KINDS:  # every anchor the story page links to is on the page
        assert f'id="acc-{kind}"' in page
    for path in ("/", "/upload", "/api", f"/stories/{sid}", "/stories/none", "/accuracy"):
        html = client.get(path).text
        assert 'href="/accuracy"' in html, path


def test_the_saved_report_does_not_link_to_the_server(store: Store) -> None:
    from newsprism.storage.report import report_json

    html = render_report_html(report_json(store.report()))
    assert "accuracy\"" not in html and "acc-link" not in html.split("</style>")[-1]


def test_numbers_keeps_numbers_only() -> None:
    kept = numbers({"a": {"b": 1, "c": "text", "d": [1, 2]}, "e": 0.5, "f": None, "g": True})
    assert kept == {"a.b": 1, "e": 0.5, "f": None, "g": True}


def test_write_run_keeps_other_slices_and_refuses_another_kind(tmp_path: Path) -> None:
    path = _write(tmp_path, 40.0, role="tune")
    other = make_run("summary", _summary_result(38.5), Slice("NeuS", "train", "lines 99-118",
                                                             "blind"), "cmd", 1.0, WHEN)
    write_run(path, other)
    runs = json.loads(path.read_text())["runs"]
    assert [r["role"] for r in runs] == ["tune", "blind"]
    wrong = make_run("quotes", {}, Slice("PolNeAR", "dev", "all 3 texts"), "cmd", 1.0, WHEN)
    with pytest.raises(ValueError, match="holds 'summary' runs"):
        write_run(path, wrong)
    with pytest.raises(ValueError, match="unknown finding kind"):
        make_run("framing", {}, Slice("x", "y", "z"), "cmd", 1.0, WHEN)


def test_odd_runs_in_a_file_are_shown_not_a_500(store: Store, tmp_path: Path) -> None:
    odd = {"format": "newsprism-eval/1", "kind": "stories",
           "runs": ["a string", {"dataset": 5, "metrics": ["x", {"name": "F1", "value": "y"},
                                                          {"name": "Recall", "value": 0.5}]}]}
    (tmp_path / "stories.json").write_text(json.dumps(odd), encoding="utf-8")
    client = _app(store, tmp_path)
    r = client.get("/accuracy")
    assert r.status_code == 200
    assert "not measured" in r.text and "0.500" in r.text
    (run,) = next(k for k in client.get("/api/v1/accuracy").json()["kinds"]
                  if k["kind"] == "stories")["runs"]
    assert run["dataset"] == "" and [m["name"] for m in run["metrics"]] == ["F1", "Recall"]
