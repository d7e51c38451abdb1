"""Text utilities shared by every stage: the one word tokenizer (for shingles, alignment and
terms), name normalisation, and content-hash ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Set
from functools import lru_cache
from typing import NamedTuple

# spaCy's list is the standard English stop list; importing it loads no model.
from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP

_FOLD_WORD = re.compile(r"[^\W_]+")
# Letters/digits with inner apostrophes, hyphens, dots or commas ("U.S.", "380,000", "al-Sham").
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-.,][^\W_]+)*", re.UNICODE)
_QUOTE_TRANS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                              "»": '"', "‹": "'", "›": "'", "`": "'", "´": "'"})


# Stop words for content-word matching: spaCy's list plus reporting verbs and title abbreviations.
STOP = frozenset(_SPACY_STOP) | {"said", "says", "told", "according", "also", "would", "could",
                                  "mr", "mrs", "ms", "gen", "maj", "dr", "st"}

# A copyright line and the name it gives: "© 2024 Harbour Gazette. All rights reserved",
# "Copyright 2019-2024 The Valley Post |". The name stops before punctuation, "all rights" or
# the end (the readers read it from a page's footer, the clean stage from a text's last lines).
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
                       r"(?P<name>[^\W\d_][\w .&'’-]{1,60}?)\s*(?:[.,|]|\ball rights|$)", re.I)


def dice(a: Set[str], b: Set[str]) -> float:
    """The Dice coefficient of two word sets: 2 |a & b| / (|a| + |b|); 0 when either is empty."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


class Word(NamedTuple):
    start: int
    end: int
    norm: str  # lower-cased, quote marks unified, accents kept


def words(text: str) -> list[Word]:
    """The one tokenizer for shingles, alignment and counting: word tokens with offsets."""
    return [Word(m.start(), m.end(), normalize_token(m.group())) for m in _WORD_RE.finditer(text)]


_SPAN = re.Match.span
# Where lower-casing a whole text is not lower-casing each of its words: "İ", whose lower
# case is two characters (every other character's is one, in place), and "Σ", whose lower
# case depends on the letters around it (CPython's `str.lower` reads no other context).
_CONTEXT_CASE = ("\u0130", "\u03a3")


def word_spans(text: str) -> tuple[list[int], list[int], list[str]]:
    """`words(text)` as three lists, starts, ends and norms, without a `Word` per token: the
    text's quote marks unified and lower-cased at once and each norm sliced from it (as
    `normalize_token` per word where `_CONTEXT_CASE` forbids). About a third faster with
    `reuse.align.tokenize`; the reuse stage splits the texts of every pair it aligns."""
    spans = list(map(_SPAN, _WORD_RE.finditer(text)))
    if any(c in text for c in _CONTEXT_CASE):
        norms = [normalize_token(text[s:e]) for s, e in spans]
    else:
        folded = text.translate(_QUOTE_TRANS).lower()
        norms = [folded[s:e] for s, e in spans]
    return [s for s, _ in spans], [e for _, e in spans], norms


def word_norms(text: str) -> list[str]:
    """`[w.norm for w in words(text)]` without building offsets (the reuse stage splits
    every stored text; this is about twice as fast)."""
    return [normalize_token(t) for t in _WORD_RE.findall(text)]


def word_count(text: str) -> int:
    """`len(words(text))`."""
    return sum(1 for _ in _WORD_RE.finditer(text))


def normalize_token(token: str) -> str:
    return token.translate(_QUOTE_TRANS).lower()


def unify_quotes(text: str) -> str:
    """Curly and angled quote marks become straight ones (same length: offsets survive)."""
    return text.translate(_QUOTE_TRANS)


_MAYBE_MARK = re.compile("[^\x00-\u02ff]+")


def _unless_mark(m: re.Match[str]) -> str:
    return "".join(c for c in m.group() if not unicodedata.combining(c))


def closing_mark_end(text: str, start: int, end: int) -> int:
    """`end` of the sentence `text[start:end]`, moved past a closing quote mark that follows it
    at once and closes a quotation the sentence opened: the parser leaves the mark of
    `... nobody can question."` before a paragraph break to the next sentence, and the
    sentence would read with its quotation never closed (real text, stop 48: 3% of a real
    sample's claims)."""
    if end >= len(text) or text[end] not in "\"”":
        return end
    body = text[start:end]
    if text[end] == "”":
        opened = body.rfind("“") > body.rfind("”")
    else:
        opened = body.count('"') % 2 == 1
    return end + 1 if opened else end


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation: for comparing names and phrases.
    Cached: entity resolution folds the same few names many thousand times."""
    if text.isascii():  # nothing to decompose (most names and sentences)
        return " ".join(_FOLD_WORD.findall(text.lower()))
    decomposed = unicodedata.normalize("NFKD", text)
    # Only characters from U+0300 on can combine: the rest are kept without a look-up.
    no_marks = _MAYBE_MARK.sub(_unless_mark, decomposed)
    return " ".join(_FOLD_WORD.findall(no_marks.lower()))


def stable_id(*parts: str | None, length: int = 16) -> str:
    """A content hash: the same parts always give the same id."""
    h = hashlib.sha1()
    for part in parts:
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


# Marks of UTF-8 read back as Windows-1252: "Ã¢â‚¬â„¢" for "’", "Â£" for "£".
_MOJIBAKE = ("\u00c3", "\u00e2\u20ac", "\u00c2")


def repair_mojibake(text: str) -> str:
    """Text encoded as UTF-8 and read back as Windows-1252, once or twice ("WeÃ¢â‚¬â„¢re"
    for "We’re", 100 of the 12,000 Baly titles): decoded back while it decodes cleanly. Text
    that does not round-trip (real accented capitals, other scripts) is left as it is."""
    for _ in range(3):
        if not any(m in text for m in _MOJIBAKE):
            return text
        try:
            fixed = text.encode("cp1252").decode("utf-8")
        except UnicodeError:
            return text
        if fixed == text:
            return text
        text = fixed
    return text

