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


def _tsv(name: str) -> dict[str, str]:
    """key -> value of a shipped two-column list (tab-separated; "#" lines are comments)."""
    text = resources.files("newsprism.lexicons").joinpath(name).read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        key, _, value = line.partition("\t")
        if value and not key.startswith("#"):
            out[key] = value
    return out


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """first name (folded) -> "m" or "f"; names missing here are unknown. Derived from
    nomquamgender (MIT) by scripts/build_first_names.py; see first_names.LICENSE."""
    return _tsv("first_names.tsv")


@lru_cache(maxsize=1)
def charged_words() -> dict[str, float]:
    """word -> intensity (0..1) of the words a sentiment lexicon rates clearly charged
    (charged_words.tsv, derived from VADER: see scripts/build_charged_words.py)."""
    return {word: float(value) for word, value in _tsv("charged_words.tsv").items()}
