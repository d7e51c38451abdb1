"""Corrections: the stored table (SQLite and PostgreSQL), and what each kind does to clusters,
facts and the report's story form (fictional data, no parsing)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsprism.corrections import (
    annotate,
    apply_to_facts,
    apply_to_stories,
    key_of_conflict,
    quote_key,
    statuses,
    text_hash,
)
from newsprism.model import Article, ArticleFacts, Correction, Quote, Story
from newsprism.storage.corrections import (
    add_correction,
    corrections_version,
    get_correction,
    list_corrections,
    undo_correction,
)
from newsprism.storage.report import story_json
from newsprism.storage.store import open_store
from storecases import STORE_KINDS, make_store_url
from web.factory import make_report


@pytest.fixture(params=STORE_KINDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return make_store_url(request.param, tmp_path)


def test_store_round_trip_and_undo(store_url: str) -> None:
    store = open_store(store_url)
    try:
        assert list_corrections(store) == [] and corrections_version(store) == (0, 0)
        a = add_correction(store, "quote.speaker", "a1:10:40",
                           {"speaker": "Mara Olsen ✓", "text_hash": "x"}, made="2025-01-01T00:00Z")
        b = add_correction(store, "conflict.wrong", "k1", {"about": "how many"},
                           made="2025-01-02T00:00Z")
        assert [c.id for c in list_corrections(store)] == [a.id, b.id]
        assert get_correction(store, a.id) == a and a.value["speaker"] == "Mara Olsen ✓"
        assert corrections_version(store) == (2, 0)
        undone = undo_correction(store, a.id)
        assert undone is not None and undone.undone and undone.id == a.id
        assert [c.id for c in list_corrections(store, include_undone=False)] == [b.id]
        assert corrections_version(store) == (2, 1)
        assert undo_correction(store, "no-such-id") is None
    finally:
        store.close()
    again = open_store(store_url)  # kept across openings
    try:
        assert [(c.id, c.undone) for c in list_corrections(again)] == [(a.id, True),
                                                                       (b.id, False)]
    finally:
        again.close()


def _art(i: str, published: str) -> Article:
    return Article(id=i, source=f"{i}.txt", text=f"Text of {i}.", title=f"Lakeside vote {i}",
                   published=published)


def _c(kind: str, value: dict, made: str, target: str = "t", undone: bool = False) -> Correction:
    return Correction(id=f"c{made}", kind=kind, target=target, value=value, made=made,
                      undone=undone)


ARTS = [_art("a", "2025-03-01"), _art("b", "2025-03-02"), _art("c", "2025-03-03"),
        _art("d", "2025-03-04")]
CLUSTERS = (Story("s1", "one", ("a", "b")), Story("s2", "two", ("c",)),
            Story("s3", "three", ("d",)))


def test_merge_joins_every_story_holding_either_side_and_split_takes_articles_out() -> None:
    merge = _c("story.merge", {"article_ids": ["a", "b"], "merge_article_ids": ["c"]}, "1")
    out = apply_to_stories(CLUSTERS, ARTS, [merge])
    assert sorted(s.article_ids for s in out) == [("a", "b", "c"), ("d",)]
    merged = next(s for s in out if len(s.article_ids) == 3)
    assert merged.id != "s1" and merged.title  # the id and title clustering would give
    # A later run put a new article "e" with "c": the merge still joins the lot.
    later = (Story("s1", "one", ("a", "b")), Story("s2", "two", ("c", "e")))
    arts = [*ARTS, _art("e", "2025-03-05")]
    assert sorted(s.article_ids for s in apply_to_stories(later, arts, [merge])) == \
        [("a", "b", "c", "e")]
    split = _c("story.split", {"article_ids": ["b"]}, "2")
    out = apply_to_stories(CLUSTERS, ARTS, [merge, split])
    assert sorted(s.article_ids for s in out) == [("a", "c"), ("b",), ("d",)]
    # Undone: no effect; untouched stories come back as they were.
    assert apply_to_stories(CLUSTERS, ARTS, [dataclasses.replace(merge, undone=True)]) == CLUSTERS
    # Articles that are gone: nothing changes.
    gone = _c("story.split", {"article_ids": ["zz"]}, "3")
    assert apply_to_stories(CLUSTERS, ARTS, [gone]) == CLUSTERS


def _quote(article: str, start: int, end: int, text: str, speaker: str | None) -> Quote:
    return Quote(id=f"q{start}", article_id=article, start=start, end=end, text=text,
                 kind="direct", speaker=speaker, speaker_text="he", speaker_start=0,
                 speaker_end=2, speaker_confidence=0.4)


def test_speaker_set_and_cleared_in_the_facts_by_offsets_or_text() -> None:
    q1 = _quote("a", 10, 30, "We will open the bridge", "Tom Reyes")
    q2 = _quote("a", 40, 60, "The budget is fixed", None)
    facts = {"a": ArticleFacts(article_id="a", quotes=(q1, q2))}
    set_ = _c("quote.speaker", {"speaker": "Mara Olsen", "text_hash": text_hash(q2.text)}, "1",
              target=quote_key("a", 40, 60))
    clear = _c("quote.speaker", {"speaker": None, "text_hash": text_hash(q1.text)}, "2",
               target=quote_key("a", 10, 30))
    out = apply_to_facts(facts, [set_, clear])["a"].quotes
    assert out[1].speaker == "Mara Olsen" and out[1].speaker_confidence == 1.0
    assert out[0].speaker is None and out[0].speaker_text is None
    assert facts["a"].quotes == (q1, q2)  # the input is not changed
    # Offsets moved (the text was cleaned differently): found by its text.
    moved = {"a": ArticleFacts(article_id="a", quotes=(dataclasses.replace(q2, start=41,
                                                                           end=61),))}
    assert apply_to_facts(moved, [set_])["a"].quotes[0].speaker == "Mara Olsen"
    assert apply_to_facts({"b": facts["a"]}, [set_]) == {"b": facts["a"]}  # not there: as is


def test_annotate_marks_wrong_findings_and_reports_stale_ones() -> None:
    story = make_report().stories[0]
    data = story_json(story)
    conflict = story.conflicts[1]
    wrong = _c("conflict.wrong", {"kind": "quantity", "spans": []}, "1",
               target=key_of_conflict(conflict))
    stale = _c("conflict.wrong", {"kind": "quantity", "spans": []}, "2", target="no-such-key")
    found = annotate(data, [wrong, stale])
    assert found == {wrong.id}
    assert [c["wrong"] for c in data["conflicts"]] == [False, True]  # kept, marked, not dropped
    assert data["conflicts"][1]["corrections"] == [wrong.id]
    assert len(data["conflicts"]) == len(story.conflicts)
    assert statuses([wrong, stale, dataclasses.replace(stale, id="u", undone=True)], found) == \
        {wrong.id: "applied", stale.id: "stale", "u": "undone"}


def test_a_reworded_conflict_keeps_its_mark_by_its_evidence() -> None:
    story = make_report().stories[0]
    data = story_json(story)
    spans = sorted((sp["article_id"], sp["start"], sp["end"])
                   for v in data["conflicts"][1]["versions"] for sp in v["spans"])
    mark = _c("conflict.wrong", {"kind": "quantity", "spans": [list(s) for s in spans]}, "1",
              target=key_of_conflict(story.conflicts[1]))
    reworded = dataclasses.replace(story.conflicts[1], about="how many people")
    later = story_json(dataclasses.replace(story, conflicts=(story.conflicts[0], reworded)))
    assert annotate(later, [mark]) == {mark.id}
    assert [c["wrong"] for c in later["conflicts"]] == [False, True]
    other_kind = _c("conflict.wrong", {"kind": "date", "spans": [list(s) for s in spans]}, "2",
                    target="gone")
    assert annotate(story_json(story), [other_kind]) == set()


def test_entity_merge_and_split_in_the_story_form() -> None:
    story = make_report().stories[0]
    data = story_json(story)
    merge = _c("entity.merge", {"article_ids": ["w1"], "names": ["Ana Lind", "City Council"]},
               "1")
    assert annotate(data, [merge]) == {merge.id}
    assert [e["name"] for e in data["entities"]] == ["Ana Lind"]
    assert "City Council" in data["entities"][0]["aliases"]
    assert data["corrections"] == [merge.id]
    assert all(f["entity"] == "e1" for f in data["framing"])
    split = _c("entity.split", {"article_ids": ["w1"], "name": "Ana Lind",
                                "aliases": ["City Council"]}, "2")
    data = story_json(story)
    assert annotate(data, [merge, split]) == {merge.id, split.id}
    names = sorted(e["name"] for e in data["entities"])
    assert names == ["Ana Lind", "City Council"]
    # Another story's articles: not this story's correction.
    elsewhere = _c("entity.merge", {"article_ids": ["zz"], "names": ["Ana Lind", "City Council"]},
                   "3")
    assert annotate(story_json(story), [elsewhere]) == set()
