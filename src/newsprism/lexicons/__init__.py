"""Our word lists (loaded terms, neutral replacements) and their loaders."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..text import fold


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, float]:
    """term (folded) -> polarity (-1 pejorative .. +1 favourable; 0 loaded but two-sided)."""
    text = resources.files("newsprism.lexicons").joinpath("loaded_terms.txt").read_text(
        encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        term, _, pol = line.partition("\t")
        out[fold(term)] = float(pol.strip() or 0)
    return out
