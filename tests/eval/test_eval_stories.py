"""Stories evaluation: BCubed, the ECB+ and distractor loaders, the command end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.eval.ecbplus import detokenize, load_ecbplus
from newsprism.eval.stories import bcubed, command, detect_format, load_distractors, load_gold


@pytest.mark.parametrize(("pred", "gold", "expected"), [
    ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}, (1.0, 1.0)),
    ({"a": 1, "b": 1, "c": 1}, {"a": "x", "b": "x", "c": "y"}, ((2 / 3 * 2 + 1 / 3) / 3, 1.0)),
    ({"a": 1, "b": 2, "c": 3}, {"a": "x", "b": "x", "c": "y"}, (1.0, (0.5 + 0.5 + 1) / 3)),
    # a distractor in a gold item's cluster lowers that item's precision only
    ({"a": 1, "b": 1, "d": 1}, {"a": "x", "b": "x"}, (2 / 3, 1.0)),
])
def test_bcubed(pred, gold, expected) -> None:
    scores = bcubed(pred, gold)
    assert scores["precision"] == pytest.approx(expected[0], abs=1e-4)
    assert scores["recall"] == pytest.approx(expected[1], abs=1e-4)


def _doc(path: Path, sentences: list[list[str]]) -> None:
    toks = []
    t = 1
    for s, sent in enumerate(sentences):
        for k, tok in enumerate(sent):
            toks.append(f'<token t_id="{t}" sentence="{s}" number="{k}">{tok}</token>')
            t += 1
    path.write_text(f'<Document doc_name="{path.name}">' + "".join(toks) +
                    "<Markables/></Document>", encoding="utf-8")


def test_detokenize() -> None:
    assert detokenize([["He", "said", "``", "no", "''", "."], ["It", "'s", "(", "ok", ")"]]) == \
        'He said "no".\nIt\'s (ok)'


def test_load_ecbplus_synthetic(tmp_path: Path) -> None:
    (tmp_path / "2").mkdir()
    (tmp_path / "10").mkdir()
    _doc(tmp_path / "2" / "2_1ecb.xml", [["A", "storm", "hit", "."]])
    _doc(tmp_path / "2" / "2_3ecbplus.xml", [["http", ":", "/", "/", "x", ".", "org"],
                                             ["Another", "storm", "."]])
    _doc(tmp_path / "10" / "10_2ecb.xml", [["A", "trial", "began", "."]])
    (tmp_path / "10" / "notes.xml").write_text("<x/>", encoding="utf-8")
    (tmp_path / "10" / "10_4ecb.xml").write_text("<Document><token", encoding="utf-8")
    docs, problems = load_ecbplus(tmp_path)
    assert [d.cluster for d in docs] == ["2/ecb", "2/ecbplus", "10/ecb"]
    assert docs[1].article.text == "Another storm."
    assert docs[1].article.url == "http://x.org"
    assert len(problems) == 2 and all(str(p).count(":") >= 1 for p in problems)
    assert detect_format(tmp_path) == "ecbplus"


def test_load_distractors_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "Some text", "published": "2019-01-02"}) +
                    "\nnot json\n" + json.dumps({"id": "3", "text": ""}) + "\n", encoding="utf-8")
    arts, problems = load_distractors(path)
    assert len(arts) == 1 and arts[0].published == "2019-01-02"
    assert len(problems) == 2


def test_unknown_format_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot tell the gold format"):
        detect_format(tmp_path)


def test_load_ecbplus_real(data_dir: Path) -> None:
    arts, gold, problems = load_gold(data_dir / "ecbplus", "ecbplus")
    assert not problems
    topics = {g.split("/")[0] for g in gold.values()}
    assert len(topics) == 21 and len(set(gold.values())) == 42
    assert not any(a.text.startswith("http") for a in arts)


@pytest.mark.slow
def test_command_on_a_small_ecbplus_sample(tmp_path: Path, data_dir: Path) -> None:
    src = data_dir / "ecbplus"
    for topic in ("1", "3"):
        (tmp_path / topic).mkdir()
        for f in sorted((src / topic).glob("*.xml"))[:8]:
            (tmp_path / topic / f.name).write_bytes(f.read_bytes())
    result = command(tmp_path, limit=None, baseline=True)
    assert result["articles"] == 16
    assert 0.0 < result["ours"]["f1"] <= 1.0
    assert "best" in result["baseline"]


def test_load_gold_neus_start_reads_a_later_part(tmp_path: Path) -> None:
    lines = [f"TITLE=> T{n}a. ARTICLE=> Text {n} a. [SEP] TITLE=> T{n}b. ARTICLE=> Text {n} b."
             for n in range(1, 5)]
    (tmp_path / "train.source").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "train.target").write_text("TITLE=> t. ARTICLE=> s.\n" * 4, encoding="utf-8")
    arts, gold, problems = load_gold(tmp_path, "neus", limit=2, start=3)
    assert not problems
    assert sorted(set(gold.values())) == ["line3", "line4"]
    assert [a.title for a in arts] == ["T3a.", "T3b.", "T4a.", "T4b."]
    with pytest.raises(ValueError, match="NeuS lines only"):
        load_gold(tmp_path, "ecbplus", start=3)


def _facts(aid: str, *people: str):
    from newsprism.model import ArticleFacts, Mention

    return ArticleFacts(article_id=aid, mentions=tuple(Mention(aid, 0, len(p), p, "PERSON")
                                                       for p in people))


def test_same_actor_pairs_follow_the_recipe() -> None:
    from newsprism.eval.stories import same_actor_pairs

    # line1..line4: Jane Roe is a main actor (2+ excerpts) of lines 1, 2 and 4; in line 3
    # she is named once only. "Roe" alone is no full name.
    labels = {f"{ln}{k}": f"line{ln}" for ln in range(1, 5) for k in "abc"}
    facts = [_facts("1a", "Jane Roe"), _facts("1b", "Jane Roe", "Roe"), _facts("1c"),
             _facts("2a", "Jane Roe"), _facts("2b", "Jane Roe"), _facts("2c", "Roe"),
             _facts("3a", "Jane Roe"), _facts("3b"), _facts("3c"),
             _facts("4a", "Jane Roe"), _facts("4b", "Jane Roe"), _facts("4c")]
    titles = {"line1": "Roe wins primary", "line2": "Roe sworn in as senator",
              "line4": "Roe sworn in as senator again"}
    pairs = same_actor_pairs(labels, facts, titles)
    # 1-2 kept; 2-4 dropped: their gold titles share most words (maybe one event twice).
    assert pairs == [("line1", "line2", "jane roe")]


def test_merged_pairs_counts_any_shared_story() -> None:
    from newsprism.eval.stories import merged_pairs

    labels = {"a1": "line1", "a2": "line1", "b1": "line2", "c1": "line3"}
    pred = {"a1": "s1", "a2": "s2", "b1": "s2", "c1": "s3"}
    out = merged_pairs([("line1", "line2", "x"), ("line1", "line3", "x")], pred, labels)
    assert (out["pairs"], out["merged"], out["merged_rate"]) == (2, 1, 0.5)


def test_worst_errors_name_the_mixed_story_and_the_split_cluster() -> None:
    from newsprism.eval.stories import worst_errors
    from newsprism.model import Article

    arts = [Article(id=i, source="x", text=f"text {i}", title=f"title {i}")
            for i in ("a1", "a2", "b1", "b2", "d")]
    gold = {"a1": "A", "a2": "A", "b1": "B", "b2": "B"}
    pred = {"a1": "s1", "b1": "s1", "d": "s1", "a2": "s2", "b2": "s3"}
    out = worst_errors(pred, gold, arts)
    (merge,) = out["worst_merges"]
    assert merge["story"] == "s1" and merge["wrong"] == 2 and len(merge["parts"]) == 3
    assert [s["gold"] for s in out["worst_splits"]] == ["A", "B"]
    assert out["worst_splits"][0]["parts"] == [[1, "title a1"], [1, "title a2"]]
