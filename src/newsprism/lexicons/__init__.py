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


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """first name (folded) -> "m" or "f"; names missing here are unknown. Derived from
    nomquamgender (MIT) by scripts/build_first_names.py; see first_names.LICENSE."""
    text = resources.files("newsprism.lexicons").joinpath("first_names.tsv").read_text(
        encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        name, _, gender = line.partition("\t")
        if gender and not name.startswith("#"):
            out[name] = gender
    return out
