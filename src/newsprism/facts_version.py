"""Which code made an article's facts: a hash of the per-article stages' source files.

Facts are made per article by `clean`, `nlp` and `extract` (with the `lexicons`, their word
lists included, and the small modules they read: `dates`, `text`, `model`, and `pipeline`,
which runs them). The settings that change facts without a code change, the model and the parse
mode, are part of the version too; `settings.py` itself is not hashed, so that a story
threshold's edit does not throw away every cached parse.

Facts kept from another version of those files may differ from what this code makes, so
a cache of facts must not be read across versions: `newsprism eval stories` keys its cache on
`facts_version` (eval/stories_facts.py), so a changed extractor never reads facts of the code
before it. The hash covers the source text, comments included: a change that only edits a
comment costs one re-computation, never a stale figure.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from .settings import Settings

_PACKAGE = Path(__file__).resolve().parent
# What `pipeline.process_articles` runs, and the modules those packages import.
FACT_MAKERS = ("clean", "extract", "lexicons", "nlp", "dates.py", "model.py", "pipeline.py",
               "text.py")
_KINDS = {".py", ".tsv", ".txt", ".json"}  # files of a package that can change its output


def _sources(root: Path, names: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for name in names:
        path = root / name
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*")
                                if p.suffix in _KINDS and "__pycache__" not in p.parts))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"facts_version: {path} is missing")
    return files


def code_hash(root: Path = _PACKAGE, names: tuple[str, ...] = FACT_MAKERS) -> str:
    """A short hash of the fact-making source files under `root` (their paths relative to
    it, and their bytes)."""
    h = hashlib.sha256()
    for path in _sources(root, names):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


@cache
def _package_hash() -> str:
    return code_hash()


def facts_version(settings: Settings) -> str:
    """The code and the model settings that decide an article's facts."""
    parts = [_package_hash(), settings.spacy_model, settings.spacy_parse]
    return "/".join(parts)
