"""The PolNeAR loader and the quote scorer (newsprism.eval.quotes)."""

import pytest

from newsprism.eval.polnear import GoldAttribution, load_polnear, parse_ann
from newsprism.eval.quotes import Scorer, command, format_table

TEXT = 'Smith said that taxes would rise. "We will win," Jones said.'
ANN = ("T1\tSource 0 5\tSmith\n"
       "T2\tCue 6 10\tsaid\n"
       "T3\tContent 11 32\tthat taxes would rise\n"
       "T4\tAttribution 6 10\tsaid\n"
       "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
       "T5\tContent 34 46;47 48\tWe will win,\" x\n"
       "T6\tCue 55 59\tsaid\n"
       "T7\tAttribution-no-source 55 59\tsaid\n"
       "E2\tAttribution-no-source:T7 Content:T5 Cue:T6\n"
       "T8\tDiscard 0 1\tS\n")


def test_parse_ann_reads_events_and_discontinuous_spans():
    atts = parse_ann(ANN)
    assert atts[0] == GoldAttribution(((11, 32),), ((6, 10),), ((0, 5),))
    assert atts[1].content == ((34, 46), (47, 48)) and atts[1].source == ()


def test_scorer_exact_and_overlap():
    gold = parse_ann(ANN)
    s = Scorer()
    # Content without "that" and without the quote marks still matches exactly.
    s.add(TEXT, gold, [(((16, 32),), ((0, 5),)), (((35, 45),), ((49, 54),)),
                       (((0, 3),), ())])
    r = s.result()
    assert r["gold"] == 2 and r["predicted"] == 3
    assert r["content_exact"]["r"] == 50.0  # the second prediction is one character short
    assert r["content_overlap"]["r"] == 100.0
    assert r["source_exact"] == {"p": 50.0, "r": 100.0, "f1": 66.7}
    assert r["speaker_accuracy"] == 100.0


def test_polnear_layout(tmp_path):
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "doc-a.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "doc-a_ab12.ann").write_text(ANN, encoding="utf-8")
    (split / "attributions" / "doc-a_cd34.ann").write_text("", encoding="utf-8")
    problems: list[str] = []
    (split / "attributions" / "missing_ef56.ann").write_text(ANN, encoding="utf-8")
    docs = load_polnear(tmp_path, "dev", problems=problems)
    assert [d.name for d in docs] == ["doc-a"] and docs[0].annotator == "ab12"
    assert len(docs[0].attributions) == 2
    assert problems and "missing" in problems[0]
    with pytest.raises(FileNotFoundError):
        load_polnear(tmp_path, "test")


def test_command_on_real_polnear(data_dir):
    report = command(data_dir / "polnear", "dev", limit=3, baseline=False)
    assert report["documents"] == 3
    r = report["newsprism"]["all"]
    assert r["gold"] > 0 and r["predicted"] > 0
    assert 0 < r["content_overlap"]["f1"] <= 100
    assert "newsprism" in format_table(report)


def test_nested_attribution_scored_as_polnear_annotates_it(nlp):
    from newsprism.eval.quotes import newsprism_predict

    text = "“It is over,” Lee said, according to the Valley Gazette."
    gazette = (text.index("the Valley"), text.index("."))
    lee = (text.index("Lee"), text.index("Lee") + 3)
    mapped = newsprism_predict(nlp)("d", text)
    plain = newsprism_predict(nlp, nested=False)("d", text)
    assert [p[1] for p in mapped] == [(gazette,)] and [p[1] for p in plain] == [(lee,)]
    # The mapped content holds the inner quote with its cue and speaker, like PolNeAR's.
    assert mapped[0][0][0] == (1, text.index(" said") + 5)
    gold = parse_ann(f"T1\tSource {gazette[0]} {gazette[1]}\tx\n"
                     f"T2\tContent 0 {text.index(',', 14)}\tx\n"
                     "E1\tAttribution:T1 Content:T2 Source:T1\n")
    for preds, hit in ((mapped, 1), (plain, 0)):
        s = Scorer()
        s.add(text, gold, preds)
        assert s.result()["source_exact"]["f1"] == 100.0 * hit


def test_parts_split_the_texts_by_name(data_dir):
    """`--part`: the tune and blind halves are fixed by the file name and share no text."""
    from newsprism.eval.quotes import part_of

    names = ["doc-a", "doc-b", "doc-c", "doc-d", "doc-e", "doc-f"]
    assert [part_of(n) for n in names] == [part_of(n) for n in names]
    assert {part_of(n) for n in names} == {"tune", "blind"}
    with pytest.raises(ValueError):
        command(data_dir / "polnear", "dev", limit=1, baseline=False, part="half")
    tune = command(data_dir / "polnear", "dev", limit=4, baseline=False, part="tune")
    assert tune["part"] == "tune" and tune["documents"] <= 4
