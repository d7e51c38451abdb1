"""The summary evaluation: the arousal score, the LexRank baseline and the command end to end
on a tiny NeuS-shaped folder of our own (fictional) text."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.eval import summary as ev

pytest.importorskip("vaderSentiment")


def test_arousal_counts_charged_words_not_in_the_reference() -> None:
    pos, neg = ev.arousal("The terrible disaster killed many.", "A flood hit the town.")
    assert neg > 0 and pos == 0
    # Calibration: a charged word the reference also uses does not count.
    pos2, neg2 = ev.arousal("The terrible disaster killed many.", "A terrible disaster.")
    assert neg2 < neg
    assert ev.arousal("The council met on Monday.", "") == (0.0, 0.0)


def test_lexrank_keeps_the_sentence_budget() -> None:
    texts = ["The dam broke on Monday. Water covered the valley. Farms were lost.",
             "Water from the broken dam covered the valley on Monday. Schools closed.",
             "The valley flooded after the dam broke. Officials counted the damage."]
    out = ev.lexrank(texts, 2)
    assert 1 <= len([s for s in out.split(". ") if s]) <= 2
    assert all(part.strip() in " ".join(texts) for part in out.split(". ") if part.strip())


def test_lead_takes_first_sentences() -> None:
    assert ev.lead("One two three four. Five six seven eight. Nine ten eleven. End here now.",
                   2) == "One two three four. Five six seven eight."


def _line(parts: list[tuple[str, str]]) -> str:
    return " [SEP] ".join(f"TITLE=> {t}. ARTICLE=> {a}" for t, a in parts)


@pytest.mark.slow
def test_command_on_a_small_folder(tmp_path: Path, nlp) -> None:
    src = [
        [("Dam breaks", "The Orrin dam broke on Monday and flooded the valley. Hundreds of "
          "farms were lost, officials said."),
         ("Valley flood", "The valley flooded on Monday after the Orrin dam broke. A shocking "
          "number of farms were destroyed."),
         ("Flood", "Officials said the Orrin dam broke on Monday. The valley flooded.")],
        [("Vote delayed", "The council delayed its budget vote to Friday. Members asked for "
          "more time."),
         ("Budget", "The budget vote was delayed until Friday by the council."),
         ("Council", "Council members slammed the budget and delayed the vote to Friday.")],
    ]
    tgt = [("Dam breaks", "The Orrin dam broke on Monday, flooding the valley and farms."),
           ("Vote delayed", "The council delayed its budget vote until Friday.")]
    (tmp_path / "train.source").write_text("\n".join(_line(p) for p in src) + "\n")
    (tmp_path / "train.target").write_text("\n".join(_line([t]) for t in tgt) + "\n")
    out = ev.command(tmp_path, limit=0, baselines=True, sentences=2)  # 0: every line
    assert out["stories"] == 2 and out["scored"] == 2
    assert out["support"]["unsupported_sentences"] == 0 and out["support"]["sentences"] >= 2
    res = out["results"]
    assert {"newsprism (2 sent, <=70 words)", "lexrank (2 sent)", "lead3 source1",
            "whole source3"} <= set(res)
    for r in res.values():
        assert 0 <= r["rouge1"] <= 100 and r["arousal_proxy_sum"] >= 0
    assert res["newsprism (2 sent, <=70 words)"]["rouge1"] > 20
    assert "| newsprism (2 sent, <=70 words) |" in ev.format_table(out)


def test_cli_reports_a_missing_folder_in_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsprism.cli import app

    result = CliRunner().invoke(app, ["eval", "summary", "--gold", str(tmp_path / "nope"),
                                      "--limit", "0"])
    # A clean exit with code 2 (typer.Exit), not an exception escaping with a traceback.
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "not found" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_support_figures_on_own_stories(tmp_path: Path, nlp) -> None:
    texts = {
        "001_aa11bb22cc.txt": "WASHINGTON — The Orrin dam broke on Monday and flooded the "
                              "valley, officials said. Hundreds of farms were lost.",
        "002_dd33ee44ff.txt": "The Orrin dam broke on Monday and flooded the valley, officials "
                              "said. Dozens of farms were lost. She said repairs would start.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    out = ev.command(None, stories=[str(tmp_path)])
    assert "results" not in out  # no NeuS asked for
    own = out["own_stories"]
    assert own["support"]["unsupported_sentences"] == 0
    assert own["support"]["names_not_in_sources"] == 0
    for story in own["per_story"]:
        assert story["articles"] == 2 and story["sentences"] >= 1
