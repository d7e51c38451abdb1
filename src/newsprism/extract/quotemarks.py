"""Pairing quote marks in scraped text, in one linear pass.

Scraped news mixes straight and curly marks, opens with one kind and closes with another
(`"We will ...”`), uses ’ as an apostrophe and as a closing single quote, and sometimes loses a
mark. So a mark's role comes from its neighbours (space before and a letter after: opening;
a letter or punctuation before and a space, punctuation or end after: closing), with the curly
shape as a tie-breaker. Unbalanced marks are dropped, a quote never spans a blank line (unless
the next paragraph re-opens it, the convention for multi-paragraph quotes) and never runs past
`MAX_QUOTE_CHARS`, so one bad mark cannot swallow an article.
"""

from __future__ import annotations

from typing import NamedTuple

DOUBLE = frozenset('"“”„«»‟')
SINGLE = frozenset("'‘’‹›‚`")
OPENERS = frozenset("“„«‘‹‚‟`")
CLOSERS = frozenset("”»’›")
MAX_QUOTE_CHARS = 4000
MAX_SINGLE_CHARS = 400  # single-quoted stretches are short in news (headlines, scare quotes)
_OPEN_BEFORE = frozenset("([{—–-/:;,")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-…")
_DOUBLED = "'’‘"  # a mark written twice for a double one: '' ’’ ‘‘
DOUBLED_MARKS = frozenset(c * 2 for c in _DOUBLED)


class QuotePair(NamedTuple):
    open: int  # index of the opening mark
    close: int  # index of the closing mark (== content end); for a run-on paragraph: its end
    single: bool


def _can_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in _OPEN_BEFORE or prev in DOUBLE or prev in SINGLE) \
        and not nxt.isspace()


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER or nxt in DOUBLE
                                   or nxt in SINGLE)


def _glued(text: str, i: int) -> bool:
    """A mark between a sentence's end and a capital, with no space on either side."""
    return 0 < i < len(text) - 1 and text[i - 1] in ".!?," and text[i + 1].isupper()


def _spaced_close(text: str, i: int) -> bool:
    """A mark after one space that follows a sentence's end (`… mean? " Clinton asked`).

    Spaces on both sides make a mark neither opening nor closing; with a quote open and the
    space right after the punctuation that ends quoted words, it closes that quote.
    """
    return i >= 2 and text[i - 1] == " " and text[i - 2] in ".,!?;'’" \
        and (i + 1 >= len(text) or text[i + 1].isspace())


def inner(text: str, pair: QuotePair) -> tuple[int, int]:
    """The characters between a pair's marks (both marks of a doubled `''`)."""
    start, end = pair.open + 1, pair.close
    if text[pair.open:pair.open + 2] in DOUBLED_MARKS:
        start += 1
    if text[end - 1:end + 1] in DOUBLED_MARKS and end - 1 > pair.open:
        end -= 1
    return start, max(start, end)


def pair_quotes(text: str) -> list[QuotePair]:  # noqa: C901  (a linear scanner: one case per quote-mark form)
    """All balanced quote pairs, in text order. Linear in len(text)."""
    out: list[QuotePair] = []
    d_open: int | None = None  # pending double open
    s_open: int | None = None  # pending single open (only outside double quotes)
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c == "\n":
            # A paragraph break ends any open quote; a multi-paragraph quote re-opens the next
            # paragraph, so keep the part so far when that happens.
            if d_open is not None:
                j = i
                while j < n and text[j].isspace():
                    j += 1
                if j < n and text[j] in DOUBLE and j > i + 0 and _can_open(text, j) \
                        and i - d_open > 20:
                    out.append(QuotePair(d_open, i, False))
                d_open = None
            s_open = None
        elif c in _DOUBLED and text[i + 1:i + 2] == c and s_open is None:
            # `''Like this,''`: two apostrophes are one double mark in some archives (curly
            # too: `“Like this,’’ says X`). The pair runs from the first mark of the opening
            # to the second of the closing (callers take the content with `inner`).
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 2] if i + 2 < n else " "
            if d_open is None:
                if (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace():
                    d_open = i
            elif not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER):
                if i - d_open > 2:
                    out.append(QuotePair(d_open, i + 1, False))
                d_open = None
            i += 2
            continue
        elif c in DOUBLE:
            opening, closing = _can_open(text, i), _can_close(text, i)
            if opening and closing:  # between two marks or odd spacing: trust the shape
                opening, closing = c in OPENERS or c == '"' and d_open is None, c in CLOSERS
            elif not (opening or closing) and _glued(text, i):
                # `...in public."Politico said` / `...with him."As editor, ...`: a space lost
                # in scraping. An open quote ends here; with none open, one starts.
                opening, closing = d_open is None, d_open is not None
            elif not (opening or closing) and d_open is not None and _spaced_close(text, i):
                closing = True
            if d_open is None:
                if opening or (c in OPENERS and not closing):
                    d_open = i
                    s_open = None
            elif closing or (c in CLOSERS and not opening):
                if i - d_open > 1:
                    out.append(QuotePair(d_open, i, False))
                d_open = None
            elif opening:
                d_open = i  # the previous opening was never closed
        elif c in SINGLE and d_open is None:
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if not (prev.isalnum() and nxt.isalnum()):  # not an apostrophe (don’t, Iran’s)
                if s_open is None:
                    if _can_open(text, i) and c != "’" or (c == "’" and _can_open(text, i)
                                                           and nxt.isupper()):
                        s_open = i
                elif _can_close(text, i):
                    if i - s_open > 1:
                        out.append(QuotePair(s_open, i, True))
                    s_open = None
        if d_open is not None and i - d_open > MAX_QUOTE_CHARS:
            d_open = None
        if s_open is not None and i - s_open > MAX_SINGLE_CHARS:
            s_open = None
        i += 1
    out.sort()
    return out
