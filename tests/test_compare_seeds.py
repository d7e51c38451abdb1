"""The two findings the seeds must show, through whatever pieces of the line exist."""

from __future__ import annotations

import pytest

from newsprism.eval.compare import run_story, seed_articles


@pytest.fixture(scope="module")
def seed_story(seeds_dir, settings):
    pytest.importorskip("newsprism.extract.quotes")
    story, ctx = run_story(seed_articles(seeds_dir), settings)
    return story, ctx


def _num(aid: str) -> str:
    return aid[:3]


def test_attribution_conflict_three_against_one(seed_story):
    story, ctx = seed_story
    found = []
    for c in story.conflicts:
        if c.kind != "attribution":
            continue
        for v in c.versions:
            for span in v.spans:
                assert span.article_id in v.article_ids
        texts = [ctx.article(v.spans[0].article_id).text[v.spans[0].start:v.spans[0].end]
                 for v in c.versions]
        if any("subjugate" in t for t in texts):
            found.append(sorted(len(v.article_ids) for v in c.versions))
            # The defining finding is shown by default: the outlet that wrote two days later
            # (a republished wire story) is no second occasion (stop 41's days-apart doubt).
            assert c.status == "confident", c.why
    assert [1, 3] in found


def test_quantity_conflict_wire_copy_counts_once(seed_story):
    story, ctx = seed_story
    quantity = [c for c in story.conflicts if c.kind == "quantity"]
    by_sets = [{tuple(sorted(_num(a) for a in v.article_ids)): v for v in c.versions}
               for c in quantity]
    match = [s for s in by_sets if ("002", "004") in s and ("003",) in s]
    assert match, [[(v.value, v.article_ids) for v in c.versions] for c in quantity]
    versions = match[0]
    wire = [r for r in ctx.reuse if {_num(r.a), _num(r.b)} == {"002", "004"}]
    if wire:  # the reuse stage found the copy: the two outlets are one source
        assert versions[("002", "004")].independent_sources == 1
    assert versions[("003",)].independent_sources == 1
