"""`newsprism eval ... --out`: the command writes a result file that the /accuracy page reads,
with the command line, date, commit and version; on a tiny NeuS-shaped folder of our own
(fictional) text, so no public data is needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprism import __version__
from newsprism.cli import app
from newsprism.settings import Settings
from newsprism.storage.store import open_store
from newsprism.web.accuracy import shown_value
from newsprism.web.app import create_app

pytest.importorskip("vaderSentiment")


def _neus_line(parts: list[tuple[str, str]]) -> str:
    return " [SEP] ".join(f"TITLE=> {t}. ARTICLE=> {a}" for t, a in parts)


def _folder(tmp_path: Path) -> Path:
    gold = tmp_path / "neus"
    gold.mkdir()
    src = [[("Ferry halted", "The Larsk ferry stopped running on Tuesday after a storm. "
             "About 40 travellers waited at the pier, the operator said."),
            ("Storm stops ferry", "A storm stopped the Larsk ferry on Tuesday. Forty "
             "travellers were left at the pier."),
            ("Ferry", "The operator said the Larsk ferry was halted on Tuesday by a storm.")],
           [("Library opens", "The new Ostby library opened on Saturday with 12,000 books. "
             "The mayor cut the ribbon."),
            ("Books", "Ostby opened its library on Saturday; it holds 12,000 books."),
            ("Ribbon cut", "The mayor of Ostby opened the library on Saturday.")]]
    tgt = [[("Ferry halted", "A storm halted the Larsk ferry on Tuesday, leaving 40 "
             "travellers at the pier.")],
           [("Library opens", "Ostby opened a library with 12,000 books on Saturday.")]]
    (gold / "train.source").write_text("\n".join(_neus_line(p) for p in src) + "\n")
    (gold / "train.target").write_text("\n".join(_neus_line(t) for t in tgt) + "\n")
    return gold


@pytest.mark.slow
def test_eval_summary_writes_a_file_the_page_reads(tmp_path: Path, nlp) -> None:  # noqa: ARG001
    gold = _folder(tmp_path)
    out = tmp_path / "eval" / "summary.json"
    args = ["eval", "summary", "--gold", str(gold), "--limit", "0", "--no-baselines",
            "--role", "tune", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    (run,) = data["runs"]
    printed = json.loads(result.stdout[:result.stdout.rindex("}") + 1])
    ours = next(v for k, v in printed["results"].items() if k.startswith("newsprism ("))
    rouge1 = next(m for m in run["metrics"] if m["name"] == "ROUGE-1")
    assert rouge1["value"] == ours["rouge1"] and rouge1["n"] == 2
    # The command as typed (defaults left out), to run again; the slice it read.
    assert run["command"] == ("newsprism eval summary --gold " + str(gold) +
                              " --limit 0 --no-baselines --out " + str(out) + " --role tune")
    assert (run["dataset"], run["split"], run["part"], run["role"]) == \
        ("NeuS", "train", "lines 1-2", "tune")
    assert run["version"] == __version__ and run["date"].endswith("Z")
    assert run["commit"] is None or len(run["commit"]) == 40
    store = open_store(f"sqlite:///{tmp_path / 'web.db'}")
    try:
        client = TestClient(create_app(Settings(accuracy_dir=str(out.parent)), store))
        html = client.get("/accuracy").text
    finally:
        store.close()
    assert shown_value(rouge1) in html and run["command"].replace("'", "&#39;") in html


@pytest.mark.slow
def test_eval_stories_keeps_its_slice(tmp_path: Path, nlp) -> None:  # noqa: ARG001
    gold = _folder(tmp_path)
    out = tmp_path / "stories.json"
    args = ["eval", "stories", "--gold", str(gold), "--start", "2", "--no-baseline",
            "--sweep", "0.2", "--sweep", "0.3", "--role", "blind", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    (run,) = json.loads(out.read_text(encoding="utf-8"))["runs"]
    assert (run["dataset"], run["split"], run["part"]) == ("NeuS", "train", "lines 2-2")
    assert run["command"] == (f"newsprism eval stories --gold {gold} --start 2 --no-baseline "
                              f"--sweep 0.2 --sweep 0.3 --out {out} --role blind")
    f1 = next(m for m in run["metrics"] if m["name"] == "BCubed F1")
    assert f1["value"] == run["numbers"]["ours.f1"] and f1["n"] == 3


def test_headlines_read_each_commands_result() -> None:
    from newsprism.eval.record import conflicts_metrics, quotes_metrics, stories_metrics

    quotes = {"newsprism": {"quoted": {"gold": 9, "source_overlap": {"f1": 71.5},
                                       "content_overlap": {"f1": 90.5}},
                            "all": {"gold": 20, "source_overlap": {"f1": 60.25}}},
              "resolved_speaker": {"quoted": {"all": {"accuracy": 0.75, "resolved": 8}}}}
    assert [(m["value"], m.get("n")) for m in quotes_metrics(quotes)] == \
        [(71.5, 9), (90.5, 9), (0.75, 8), (60.25, 20)]
    compare = {"part": "blind", "stories": 10,
               "digits": {"n": 5, "recall": 0.8, "recall_confident": 0.6},
               "control-digits": {"n": 5, "false_alarms": 1, "confident_false_alarms": 0},
               "control-date": {"n": 4, "false_alarms": 2, "confident_false_alarms": 1}}
    got = {m["name"]: (m["value"], m.get("n")) for m in conflicts_metrics(compare)}
    assert got == {"Recall: digits": (0.8, 5), "False alarms on controls": (3, 9)}
    stories = {"articles": 12, "ours": {"f1": 0.5, "precision": 0.25, "recall": 1.0},
               "same_actor_pairs": {"pairs": 0, "merged_rate": 0.0}}
    assert [m["value"] for m in stories_metrics(stories)] == [0.5, 0.25, 1.0]  # no pairs
    assert quotes_metrics({})[0]["value"] is None  # a missing number is said, not invented


def test_git_commit_counts_only_the_package(tmp_path: Path) -> None:
    import subprocess

    from newsprism.eval.record import git_commit

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "code.py").write_text("x = 1\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "result.json").write_text("{}\n")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "one")
    (tmp_path / "docs" / "result.json").write_text('{"a": 1}\n')  # what an eval run writes
    commit, dirty = git_commit(tmp_path / "pkg")
    assert commit is not None and len(commit) == 40 and dirty is False
    (tmp_path / "pkg" / "code.py").write_text("x = 2\n")
    assert git_commit(tmp_path / "pkg") == (commit, True)
    assert git_commit(tmp_path.parent / "nowhere") == (None, False)
