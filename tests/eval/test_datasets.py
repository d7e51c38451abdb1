from newsprism.eval.datasets import load_neus


def test_load_neus_synthetic(tmp_path):
    (tmp_path / "train.source").write_text(
        "TITLE=> A. ARTICLE=> One two. [SEP] TITLE=> B. ARTICLE=> Three. [SEP] Bare text\n"
        "TITLE=> C. ARTICLE=> x [SEP] TITLE=> D. ARTICLE=> y [SEP] TITLE=> E. ARTICLE=> z\n")
    (tmp_path / "train.target").write_text(
        "TITLE=> N. ARTICLE=> Neutral.\nTITLE=> M. ARTICLE=> m\n")
    stories = load_neus(tmp_path)
    assert [s.line for s in stories] == [1, 2]
    first = stories[0]
    assert [a.title for a in first.sources] == ["A.", "B.", None]
    assert [a.text for a in first.sources] == ["One two.", "Three.", "Bare text"]
    assert (first.target_title, first.target_text) == ("N.", "Neutral.")
    assert len({a.id for s in stories for a in s.sources}) == 6
    assert [s.line for s in load_neus(tmp_path, limit=1, start=2)] == [2]


def test_load_neus_real(data_dir):
    stories = load_neus(data_dir / "neus", limit=5)
    assert len(stories) == 5
    assert all(len(s.sources) == 3 and s.target_text for s in stories)
