"""Loaders for the public evaluation datasets (read from disk, never copied into the project).

NeuS (Lee et al. 2022, from AllSides): `train.source` holds one story per line, three outlets'
excerpts separated by `[SEP]`, each `TITLE=> ... ARTICLE=> ...`; `train.target` holds the
neutral human summary of the same line in the same form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Article
from ..text import stable_id

_PART = re.compile(r"^\s*TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<text>.*)$", re.S)


@dataclass(frozen=True, slots=True)
class NeusStory:
    line: int  # 1-based line number in the files
    sources: tuple[Article, ...]  # the three outlets' excerpts
    target_title: str
    target_text: str


def _split(part: str) -> tuple[str, str]:
    m = _PART.match(part)
    if m is None:
        return "", part.strip()
    return m.group("title").strip(), m.group("text").strip()


def neus_files(path: Path) -> tuple[Path, Path]:
    """`path` is the NeuS folder or the `train` prefix; returns (source, target) files."""
    path = Path(path)
    base = path / "train" if path.is_dir() else path
    source, target = base.with_suffix(".source"), base.with_suffix(".target")
    for f in (source, target):
        if not f.exists():
            raise FileNotFoundError(f"{f}: NeuS file not found (expected {base}.source/.target)")
    return source, target


def load_neus(path: Path, limit: int | None = None, start: int = 1) -> list[NeusStory]:
    source, target = neus_files(path)
    out: list[NeusStory] = []
    with source.open(encoding="utf-8") as src, target.open(encoding="utf-8") as tgt:
        for line_no, (s_line, t_line) in enumerate(zip(src, tgt, strict=True), start=1):
            if line_no < start:
                continue
            if limit is not None and len(out) >= limit:
                break
            arts = []
            for i, part in enumerate(s_line.rstrip("\n").split("[SEP]")):
                title, text = _split(part)
                outlet = f"source{i + 1}"
                arts.append(Article(id=stable_id("neus", str(line_no), str(i)), source=
                                    f"{source}:{line_no}#{i + 1}", text=text, title=title or None,
                                    outlet=outlet))
            t_title, t_text = _split(t_line.rstrip("\n"))
            out.append(NeusStory(line_no, tuple(arts), t_title, t_text))
    return out
