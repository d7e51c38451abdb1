"""The CLI edge: one line per bad input, the run goes on, our errors never show a traceback."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

GOOD = ("Harbourtown, May 3 - The council of Harbourtown voted on Monday to build a new sea "
        "wall after two winters of flooding, the mayor said. The wall will cost about 12 "
        "million euros and should be finished by 2027, according to the council.\n")


@pytest.mark.slow
def test_bad_inputs_get_one_line_each_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me, a story.".encode("latin-1") * 3)
    (folder / "broken.jsonl").write_text('{"id": "x", "text": "fine words here"}\n{not json\n')
    (folder / "cut.jsonl.gz").write_bytes(gzip.compress(b'{"id": "y", "text": "z"}\n' * 50)[:40])
    out = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["analyze", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    texts = " ".join(a["text"] for a in report["articles"])
    assert "sea wall" in texts
    problems = {p["source"].rsplit("/", 1)[-1].split(":")[0]: p["reason"]
                for p in report["problems"]}
    for name in ("empty.txt", "binary.txt", "broken.jsonl", "cut.jsonl.gz"):
        assert name in problems, (name, problems)
        assert name in result.output
    # the line number travels in the source: "…/broken.jsonl:2: broken JSON line (…)"
    assert any(p["source"].endswith("broken.jsonl:2") for p in report["problems"])
    assert "broken.jsonl:2" in result.output


def test_nothing_readable_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    proc = subprocess.run([sys.executable, "-m", "newsprism.cli", "analyze", str(tmp_path),
                           "--out", str(tmp_path / "r.json")], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "no article could be read" in proc.stderr
    # the report is still written: no articles, and the one problem (issue 23)
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["articles"] == [] and len(report["problems"]) == 1


def test_bad_settings_file_is_one_line(tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("story_threshold = 7\n")
    proc = subprocess.run([sys.executable, "-m", "newsprism.cli", "analyze", str(tmp_path),
                           "--out", str(tmp_path / "r.json"), "--config", str(cfg)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert "story_threshold" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_runner_is_refused(tmp_path):
    result = CliRunner().invoke(app, ["analyze", str(tmp_path), "--out", "x.json",
                                      "--runner", "spark"])
    assert result.exit_code != 0
    assert "runner" in result.output.lower()


def test_version_prints_the_package_version() -> None:
    from newsprism import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"newsprism {__version__}"


@pytest.mark.slow
def test_a_store_run_says_what_it_did_and_logs_skipped_duplicates(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    again = tmp_path / "again.txt"
    again.write_text(GOOD, encoding="utf-8")  # same text: same id, an exact duplicate
    db = f"sqlite:///{tmp_path / 'n.db'}"
    args = ["-v", "analyze", str(folder), str(again), "--db", db, "--out", str(tmp_path / "r.json")]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "skipped 1 exact duplicate" in first.output
    assert "store: 1 read, 1 new, 0 already stored" in first.output
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 0, second.output
    assert "store: 1 read, 0 new, 1 already stored" in second.output


@pytest.mark.slow
def test_eval_metadata_is_a_cli_command_with_json(tmp_path):
    """The metadata eval runs under `newsprism eval` (no module main) and --json gives
    the numbers alone; the pages are the project's own fixtures."""
    result = CliRunner().invoke(app, ["eval", "metadata", "--json", "--seeds", str(tmp_path)])
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.output)
    assert numbers["pages"]["pages"] >= 30
    assert set(numbers["pages"]) == {"pages", "title", "published", "outlet"}
    assert all(0.0 <= numbers["pages"][f] <= 1.0 for f in ("title", "published", "outlet"))
    assert "seeds" not in numbers  # an empty folder is skipped, and said so in text mode
    text = CliRunner().invoke(app, ["eval", "metadata", "--seeds", str(tmp_path)])
    assert "| set | pages | title | date | outlet |" in text.output
    assert "skipped" in text.output


@pytest.mark.parametrize("args", [
    ["eval", "stories", "--gold", "{missing}"],
    ["eval", "quotes", "--gold", "{missing}"],
    ["eval", "conflicts", "bogus", "{missing}"],
])
def test_eval_commands_report_bad_gold_in_one_line(tmp_path, args):
    """The eval commands (the only eval command line: the module mains are gone) answer a
    bad gold path or kind with one error line and exit code 2."""
    missing = str(tmp_path / "nope")
    result = CliRunner().invoke(app, [a.format(missing=missing) for a in args])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert "error:" in result.output and "Traceback" not in result.output


def test_eval_options_of_the_old_module_mains_are_on_the_cli():
    """Every option the argparse mains had is on the typer commands."""
    from typer.main import get_command

    group = get_command(app).commands["eval"]  # type: ignore[attr-defined]
    wanted = {"stories": {"--json", "--start", "--sweep", "--facts", "--limit", "--threshold",
                          "--distractors", "--distractor-limit", "--same-actor-pairs",
                          "--format", "--no-baseline"},
              "quotes": {"--json", "--split", "--limit", "--no-baseline"},
              "summary": {"--json", "--start", "--limit", "--sentences", "--max-words",
                          "--no-baselines", "--stories"}}
    for name, options in wanted.items():
        have = {o for p in group.commands[name].params for o in (*p.opts, *p.secondary_opts)}
        assert options <= have, (name, options - have)
    assert "conflicts" in group.commands
