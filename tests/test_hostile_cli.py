"""Issue 23, items 3 and 4 end to end: one bad byte or one markup bracket in an input never
costs the report. Each bad item is one problem line; the good ones are analysed."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

GOOD = ("Harbourtown, May 3 - The council of Harbourtown voted on Monday to build a new sea "
        "wall after two winters of flooding, the mayor said. The wall will cost about 12 "
        "million euros and should be finished by 2027, according to the council.\n")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    folder = tmp / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/bad\xff name [b].txt", "wb") as f:
        f.write(GOOD.encode())
    lines = [{"id": "ok-1", "text": GOOD.replace("Monday", "Tuesday"),
              "title": "A title \ud800 with a lone surrogate"},
             {"id": "markup [/] [bold]id", "text": GOOD.replace("Monday", "Friday")},
             {"id": "sur\udc80", "text": GOOD}]
    (folder / "x[").mkdir()  # the path reads ".../x[/]items.jsonl": a rich closing tag
    (folder / "x[" / "]items.jsonl").write_text(
        "\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = tmp / "report.json"
    result = CliRunner().invoke(app, ["analyze", str(folder), "--out", str(out)])
    return result, out


@pytest.mark.slow
def test_undecodable_name_and_surrogate_title_leave_a_full_report(run):
    result, out = run
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    titles = [a["title"] for a in report["articles"] if a["id"] == "ok-1"]
    assert titles == ["A title \ufffd with a lone surrogate"]
    assert any("bad\ufffd" in a["source"] for a in report["articles"])


@pytest.mark.slow
def test_markup_in_ids_and_paths_is_printed_as_text(run):
    result, out = run
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert "markup [/] [bold]id" in {a["id"] for a in report["articles"]}
    (bad,) = [p for p in report["problems"] if "'id'" in p["reason"]]
    assert bad["source"].endswith("x[/]items.jsonl:3")
    assert "x[/]items.jsonl:3" in result.output.replace("\n", "")  # the brackets shown, not parsed


def test_problem_line_with_escape_sequences_prints_no_control_bytes(capsys):
    from newsprism import cli
    from newsprism.model import InputProblem

    cli._report_problem(InputProblem("a[/]b\x1b[2J.warc", "raw \x07\x1b]0;title\x07 bytes [/]"))
    printed = capsys.readouterr().err
    assert "a[/]b" in printed and "\x1b[2J" not in printed and "\x07" not in printed
