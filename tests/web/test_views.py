"""View data: highlighting cuts text without losing a character; tables say what the
findings say."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism.storage.report import report_json
from newsprism.web.views import Mark, StoryView, segments

from .factory import make_report

marks = st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60),
                           st.sampled_from(["quote", "contested", "consensus"])), max_size=8)


@given(st.text(max_size=50), marks)
def test_segments_keep_the_text_and_cover_each_mark(text: str, raw: list) -> None:
    ms = [Mark(s, e, k, f"k{i}") for i, (s, e, k) in enumerate(raw)]
    segs = segments(text, ms)
    assert "".join(s.text for s in segs) == text
    for m in ms:
        s, e = max(0, min(m.start, len(text))), max(0, min(m.end, len(text)))
        covered = "".join(seg.text for seg in segs if m.key in seg.keys)
        assert covered == (text[s:e] if s < e else "")
        anchors = [seg for seg in segs if m.key in seg.anchors]
        assert len(anchors) == (1 if s < e else 0)


def _view() -> StoryView:
    data = report_json(make_report())
    story = next(s for s in data["stories"] if s["id"] == "s1")
    return StoryView(story, data["articles"], data["reuse"])


def test_coverage_matrix_rows() -> None:
    v = _view()
    rows = v.matrix()
    consensus = next(r for r in rows if r["kind"] == "consensus")
    assert sum(c is not None for c in consensus["cells"]) == 3
    contested = [r for r in rows if r["kind"] == "contested"]
    assert {r["text"] for r in contested} >= {"Ana Lind", "Omar Ruiz"}
    lind = next(r for r in contested if r["text"] == "Ana Lind")
    carried = [o for o, c in zip(v.outlets, lind["cells"], strict=True) if c]
    assert carried == ["Wire Agency"]
    excl = next(r for r in rows if r["kind"] == "exclusive")
    assert [o for o, c in zip(v.outlets, excl["cells"], strict=True) if c] == ["Own Voice"]


def test_quotes_flag_disputed_attribution() -> None:
    rows = _view().quotes()
    assert len(rows) == 2
    assert all(r["flag"] and "Attribution disputed" in r["flag"] for r in rows)
    assert {r["speaker"] for r in rows} == {"Ana Lind", "Omar Ruiz"}


def test_copies_run_from_origin_with_edits() -> None:
    v = _view()
    (c,) = v.copies()
    assert c["from"].endswith("Wire Agency") and c["to"].endswith("Daily Copy")
    assert c["share"] == 0.6  # share of the copier's (c1 = a) words
    assert {"from": "the mayor", "to": "the deputy"}.items() <= c["edits"][0].items()
    graph = v.graph()
    assert len(graph["edges"]) == 1 and graph["edges"][0]["directed"]


def test_every_citation_key_exists_as_a_mark() -> None:
    v = _view()
    keys = {k for a in v.sources() for seg in a["segments"] for k in seg.anchors}
    for x in v.summary() + v.timeline():
        for c in x["cites"]:
            assert c["key"] in keys


def test_disputed_or_contested_wording_is_never_marked_as_consensus() -> None:
    data = report_json(make_report())
    story = next(s for s in data["stories"] if s["id"] == "s1")
    quote = story["conflicts"][0]["versions"][0]["spans"][0]  # a contested quote in w1
    agreed = dict(story["consensus"][0])
    # The same words listed as agreed (as a consensus finder may do for a disputed quote).
    story["consensus"] = [agreed | {"spans": agreed["spans"] + [quote]},
                          agreed | {"text": "other", "disputed": True}]
    v = StoryView(story, data["articles"], data["reuse"])
    w1 = v.marks["w1"]
    consensus = [(m.start, m.end) for m in w1 if m.kind == "consensus"]
    assert consensus, "the undisputed agreed sentence is still marked"
    assert all(e <= quote["start"] or s >= quote["end"] for s, e in consensus)
    assert len(consensus) == sum(1 for sp in agreed["spans"] if sp["article_id"] == "w1")


def test_pages_open_quiet_with_conflicts_and_edits_on() -> None:
    from newsprism.web.render import render
    from newsprism.web.views import LOUD, QUIET

    data = report_json(make_report())
    story = next(s for s in data["stories"] if s["id"] == "s1")
    html = render("story.html", v=StoryView(story, data["articles"], data["reuse"]).context(),
                  sid="story")
    assert f'class="story {QUIET}"' in html
    assert "hide-contested" not in QUIET and "hide-edit" not in QUIET
    assert "hide-consensus" in QUIET and "hide-quote" in QUIET
    for kind in ("contested", "edit"):
        assert f'checked data-kind="{kind}"' in html
    assert 'checked data-kind="consensus"' not in html and set(LOUD) == {"contested", "edit"}


def test_story_list_and_saved_report_show_coverage_by_lean() -> None:
    from newsprism.model import Outlet
    from newsprism.outlets import outlet_id
    from newsprism.web.render import render_report_html
    from newsprism.web.views import story_row

    profiles = tuple(Outlet(outlet_id(n), n, lean=lean) for n, lean in
                     (("Wire Agency", "center"), ("Daily Copy", "right"), ("Own Voice", "left")))
    data = report_json(make_report(), profiles)
    story = next(s for s in data["stories"] if s["id"] == "s1")
    # The copy of the wire counts once, under the wire (published first).
    assert story["lean_coverage"]["center"] + story["lean_coverage"]["right"] == 1
    assert story["lean_coverage"]["left"] == 1 and story["blindspot"] is None
    row = story_row(story, data["articles"], data["outlets"])
    assert [p["n"] for p in row["lean"]["parts"]] == [1, 1]
    assert sum(p["pct"] for p in row["lean"]["parts"]) == 100
    html = render_report_html(data)
    assert html.count('class="lean-bar mini"') == 2  # both stories have a rated outlet
    assert 'class="lean-bar"' in html
    plain = render_report_html(report_json(make_report()))
    assert 'class="lean-bar' not in plain
