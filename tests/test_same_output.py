"""A change made for speed leaves every report as it was: the reports of the example corpus
and the seeds (no store, SQLite store, Dask runner; `benchmarks/same_output.py`) are
byte-identical to a reference made the same way by the tree before the change.

The reference is a directory made by `benchmarks/same_output.py run DIR` on the older tree,
named by `NEWSPRISM_SAME_OUTPUT_REF`; without it the comparison skips (it needs two trees).
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location("same_output",
                                                  REPO / "benchmarks" / "same_output.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_strip_timing_drops_only_timing_keys() -> None:
    same = _module()
    data = {"stories": [{"id": "s1", "seconds": 1.5, "title": "t"}],
            "took_ms": 3, "timeline": [1], "elapsed": 2}
    assert same.strip_timing(data) == {"stories": [{"id": "s1", "title": "t"}],
                                       "timeline": [1]}


def test_compare_names_the_reports_that_differ(tmp_path: Path) -> None:
    same = _module()
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for d in (a, b):
        (d / "demo_plain.json").write_text(json.dumps({"x": 1}))
    (a / "seeds_plain.json").write_text("1")
    (b / "seeds_plain.json").write_text("2")
    (a / "demo_dask.json").write_text("3")
    assert same.compare(a, b) == ["demo_dask.json", "seeds_plain.json"]


def test_reports_match_the_reference(tmp_path: Path) -> None:
    ref = os.environ.get("NEWSPRISM_SAME_OUTPUT_REF")
    if not ref or not Path(ref).is_dir():
        pytest.skip("NEWSPRISM_SAME_OUTPUT_REF names no reference directory "
                    "(benchmarks/same_output.py run DIR on the tree before)")
    same = _module()
    same.run(tmp_path)
    assert same.compare(Path(ref), tmp_path) == []
