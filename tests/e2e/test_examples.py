"""The demo corpus end to end, through the CLI; its answer key is examples/README.md."""

from __future__ import annotations

import pytest

from .helpers import by_file, conflicts, entity_named, story_of

pytestmark = pytest.mark.slow


def test_two_stories(examples_report):
    sizes = sorted(len(s["article_ids"]) for s in examples_report["stories"])
    assert sizes == [1, 6]
    tram = [a for a in examples_report["articles"] if "tram" in (a["title"] or "").lower()]
    assert len(story_of(examples_report, tram[0]["id"])["article_ids"]) == 1


def test_metadata_and_cleaning(examples_report):
    nw = by_file(examples_report, "northwind")
    assert nw["published"][:10] == "2024-03-13"
    herald = by_file(examples_report, "harbour_herald")
    assert herald["outlet"] == "The Harbour Herald"
    assert herald["title"] == "Silva River deal signed in Port Selin"
    for a in examples_report["articles"]:
        low = a["text"].lower()
        for junk in ("cookie", "* comment:", "subscribe", "share this", "photo credit"):
            assert junk not in low, (a["source"], junk)


def test_wire_copies_and_their_origin(examples_report):
    wire = by_file(examples_report, "meridian_press")["id"]
    copies = {by_file(examples_report, f)["id"] for f in ("harbour_herald", "marovia_today")}
    pairs = [r for r in examples_report["reuse"] if wire in (r["a"], r["b"])]
    assert {r["a"] if r["b"] == wire else r["b"] for r in pairs} == copies
    assert all(r["origin"] == wire for r in pairs)
    mt = by_file(examples_report, "marovia_today")["id"]
    (pair,) = [r for r in pairs if mt in (r["a"], r["b"])]
    edits = " | ".join(e["a"] + " -> " + e["b"] for p in pair["passages"] for e in p["edits"])
    assert "baseless" in edits and "Western-backed" in edits


def test_conflicts(examples_report):
    story = story_of(examples_report, by_file(examples_report, "meridian_press")["id"])
    (attr,) = [c for c in conflicts(story, "attribution") if "water" in c["about"].lower()]
    sizes = sorted(len(v["article_ids"]) for v in attr["versions"])
    assert sizes == [1, 4]
    quantity = " ".join(v["value"].lower() for c in conflicts(story, "quantity")
                        for v in c["versions"])
    assert "thousands" in quantity and "200" in quantity


def test_entities_merge_spellings(examples_report):
    story = story_of(examples_report, by_file(examples_report, "meridian_press")["id"])
    assert len(entity_named(story, "Qasimov", "Qassimov", "Kasimov", "Rustam Qasimov",
                            "Rustam Kasimov", "Rustam Qassimov")) == 1
    assert len(entity_named(story, "Vodanova", "Vodanowa", "Elena Vodanova",
                            "Yelena Vodanova", "Elena Vodanowa")) == 1


def test_summary_cites_existing_articles(examples_report):
    story = story_of(examples_report, by_file(examples_report, "meridian_press")["id"])
    assert 5 <= len(story["summary"]) <= 8
    ids = set(story["article_ids"])
    for sentence in story["summary"]:
        assert sentence["article_ids"] and set(sentence["article_ids"]) <= ids


def test_html_page_written(examples_report, tmp_path_factory):
    # the fixture wrote report.html next to report.json
    pages = list(tmp_path_factory.getbasetemp().glob("examples*/report.html"))
    assert pages and "<html" in pages[0].read_text(encoding="utf-8").lower()
