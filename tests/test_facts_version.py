"""facts_version (src/newsprism/facts_version.py): the hash that keys cached facts changes
with the fact-making code and the model settings, and with nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.eval import stories_facts
from newsprism.facts_version import FACT_MAKERS, code_hash, facts_version
from newsprism.model import Article
from newsprism.settings import Settings


def _tree(root: Path) -> Path:
    (root / "extract").mkdir(parents=True)
    (root / "extract" / "cues.py").write_text("SAY = {'said'}\n")
    (root / "lexicons").mkdir()
    (root / "lexicons" / "names.tsv").write_text("anna\tf\n")
    (root / "stories").mkdir()
    (root / "stories" / "link.py").write_text("T = 0.5\n")
    (root / "dates.py").write_text("X = 1\n")
    return root


NAMES = ("extract", "lexicons", "dates.py")


def test_a_changed_extractor_or_word_list_changes_the_hash(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    before = code_hash(root, NAMES)
    assert code_hash(root, NAMES) == before  # a pure function of the files
    (root / "extract" / "cues.py").write_text("SAY = {'said', 'told'}\n")
    after_code = code_hash(root, NAMES)
    assert after_code != before
    (root / "lexicons" / "names.tsv").write_text("anna\tf\nbert\tm\n")
    assert code_hash(root, NAMES) not in (before, after_code)


def test_code_outside_the_fact_makers_leaves_the_hash(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    before = code_hash(root, NAMES)
    (root / "stories" / "link.py").write_text("T = 0.6\n")
    (root / "extract" / "__pycache__").mkdir()
    (root / "extract" / "__pycache__" / "cues.cpython-312.pyc").write_bytes(b"\x00\x01")
    assert code_hash(root, NAMES) == before


def test_a_missing_fact_maker_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nlp"):
        code_hash(_tree(tmp_path), ("extract", "nlp"))


def test_the_package_names_only_existing_fact_makers() -> None:
    assert len(code_hash()) == 16  # every name of FACT_MAKERS exists in the package
    assert {"extract", "clean", "nlp"} <= set(FACT_MAKERS)


def test_the_model_and_parse_mode_are_part_of_the_version() -> None:
    base = Settings()
    assert facts_version(base) == facts_version(Settings())
    assert facts_version(Settings(spacy_model="other_model")) != facts_version(base)
    assert facts_version(Settings(spacy_parse="selective")) != facts_version(base)


def test_the_stories_cache_key_follows_the_facts_version(monkeypatch: pytest.MonkeyPatch) -> None:
    arts = [Article(id="a1", source="t", text="The Kelby council met on Monday.")]
    key = stories_facts.cache_key(arts, Settings(), "analyze")
    monkeypatch.setattr(stories_facts, "facts_version", lambda s: "another-code/m/full")
    assert stories_facts.cache_key(arts, Settings(), "analyze") != key
