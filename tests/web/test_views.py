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
