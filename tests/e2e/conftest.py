"""One analysis per corpus per session: the end-to-end tests share it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app


def _analyze(tmp: Path, inputs: list[str]) -> dict:
    out = tmp / "report.json"
    result = CliRunner().invoke(app, ["analyze", *inputs, "--out", str(out),
                                      "--html", str(tmp / "report.html")])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_report(seeds_dir, tmp_path_factory) -> dict:
    return _analyze(tmp_path_factory.mktemp("seeds"), [str(seeds_dir)])


@pytest.fixture(scope="session")
def examples_report(examples_dir, tmp_path_factory) -> dict:
    return _analyze(tmp_path_factory.mktemp("examples"), [str(examples_dir)])
