"""The period a figure is counted over, read from its text and the context before it.

"Governments shed 13,000 jobs" under a heading "For The Year:" and "Governments shed 13,000
jobs" in paragraphs about December's report count over different periods (issue 20): the
period is often stated not in the figure's sentence but before it. `figure_period` looks in
the figure's own sentence (the expression nearest the figure), then earlier in its paragraph,
then in the paragraph before it (for an item of a list: the list's heading line), and last in
the article's title and lead. `period_doubt` names two periods of different spans.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import dates

# Full month names from the date reader's table; "May" only after "in"/"of"/"for" (a verb too).
MONTHS = tuple(sorted((m for m in dates.MONTHS if len(m) > 3 and m not in ("sept", "feburary")),
                      key=dates.MONTHS.__getitem__))
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MONTH = "(?:" + "|".join(m.capitalize() for m in MONTHS) + "|(?<=in )May|(?<=of )May|(?<=for )May)"
_NUM = r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + ")"
_UNIT = r"(?:week|month|quarter|year)"
# One alternative per kind of expression; the group name says which.
PERIOD = re.compile(
    rf"(?P<month>\b{_MONTH}\b(?!\.? \d{{1,2}}\b)(?: (?P<month_year>(?:19|20)\d\d)\b)?)"
    r"|(?P<ytd>\byear[- ]to[- ]date\b|\bso far (?:this|in the) year\b)"
    rf"|(?P<quarter>\b(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b)"
    rf"|(?P<span>\b(?:past|last|previous|next|first|recent) (?P<count>{_NUM}) (?P<unit>{_UNIT})s\b)"
    rf"|(?P<counted>\b(?<!most in )(?<!after )(?P<count2>{_NUM}) (?P<unit2>{_UNIT})s\b"
    r"(?! (?:ago|earlier|before|later|of)\b))"
    r"|(?P<year>\b(?:in|for|of|during|since|throughout) (?P<year_no>(?:19|20)\d\d)\b(?![-/]))"
    rf"|(?P<relative>\b(?:this|last|the|that|each|per|a|every) (?P<unit3>{_UNIT})\b"
    r"(?! (?:earlier|ago|before|later|after|old)\b)(?![- ](?:on|over)[- ]))"
    r"|(?P<adverb>\b(?P<unit4>week|month|quarter|year)ly\b|\bannual(?:ly)?\b|\bdaily\b)",
    re.IGNORECASE)
# A day the figure's own sentence dates it to ("rallied on Monday"); not the day it was said
# ("the department said Friday"). Only read in the figure's sentence: elsewhere in the
# paragraph a weekday is mostly when something was said or done, not the figure's span.
DAY = re.compile(r"(?<!said )(?<!says )(?<!reported )(?<!announced )\b(?:Monday|Tuesday|"
                 r"Wednesday|Thursday|Friday|Saturday|Sunday|[Tt]oday|[Yy]esterday|[Tt]onight)\b")
LIST_ITEM = re.compile(r"^\s*(?:--?|[•*·–—]|\d{1,2}[.)])\s")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“'(]?[A-Z0-9-])")


class Period(NamedTuple):
    kind: str  # "week", "month", "quarter", "year", "months:3", "day"
    label: str  # what the text says, folded: "december", "the year", "2012"
    named: str | None  # a named month / year / quarter, when the text names one


def _period(m: re.Match[str]) -> Period | None:
    text = " ".join(m.group(0).lower().split())
    if m.group("month"):
        year = m.group("month_year")
        return Period("month", text, text if year else text.split()[0])
    if m.group("ytd"):
        return Period("year", "the year to date", None)
    if m.group("quarter"):
        return Period("quarter", text, m.group("ordinal").lower()[:1])
    if m.group("year"):
        return Period("year", m.group("year_no"), m.group("year_no"))
    for count, unit in (("count", "unit"), ("count2", "unit2")):
        if m.group(count):
            n = m.group(count).lower()
            number = NUMBER_WORDS.get(n) or int(n)
            u = m.group(unit).lower()
            if u == "month" and number == 12:
                return Period("year", text, None)
            return Period(f"{u}s:{number}" if number > 1 else u, text, None)
    if m.group("relative"):
        return Period(m.group("unit3").lower(), text, None)
    unit = (m.group("unit4") or "").lower()
    return Period(unit or ("day" if text == "daily" else "year"), text, None)


def _periods(text: str) -> list[tuple[int, Period]]:
    """(middle offset, period) of every period expression in `text`."""
    out = []
    for m in PERIOD.finditer(text):
        p = _period(m)
        if p is not None:
            out.append(((m.start() + m.end()) // 2, p))
    return out


def _paragraph_bounds(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _previous_paragraph(text: str, start: int) -> tuple[int, int] | None:
    """The nearest non-empty line before the one starting at `start`."""
    end = start - 1
    while end > 0:
        s = text.rfind("\n", 0, end) + 1
        if text[s:end].strip():
            return s, end
        end = s - 1
    return None


def _context_before(text: str, p_start: int) -> tuple[int, int] | None:
    """The paragraph before; for a list item, the line that heads the list."""
    prev = _previous_paragraph(text, p_start)
    if not LIST_ITEM.match(text[p_start:p_start + 6]):
        return prev
    while prev is not None and LIST_ITEM.match(text[prev[0]:prev[0] + 6]):
        prev = _previous_paragraph(text, prev[0])
    return prev


def figure_period(text: str, start: int, end: int, title: str | None = None) -> Period | None:
    """The period the article puts the figure at text[start:end] in, or None."""
    if not 0 <= start <= len(text):
        return None
    p_start, p_end = _paragraph_bounds(text, start)
    paragraph = text[p_start:p_end]
    s_start = 0
    for m in SENTENCE_END.finditer(paragraph):
        if p_start + m.end() > start:
            break
        s_start = m.end()
    following = SENTENCE_END.search(paragraph, max(end - p_start, s_start))
    s_end = following.start() if following else len(paragraph)
    middle = (start + end) // 2 - p_start
    sentence = paragraph[s_start:s_end]
    days = [((m.start() + m.end()) // 2, Period("day", m.group(0).lower(), None))
            for m in DAY.finditer(sentence)]
    own = [(abs(at + s_start - middle), p) for at, p in (*_periods(sentence), *days)]
    if own:
        return min(own, key=lambda x: x[0])[1]
    before = _periods(paragraph[:s_start])
    if before:
        return before[-1][1]
    context = _context_before(text, p_start)
    if context is not None:
        found = _periods(text[context[0]:context[1]])
        if found:
            return found[-1][1]
    # Last, the article's own period, when its title (else its lead) names one ("jobs
    # added in December"): a span there ("for 26 years") is mostly about something else.
    for head in (title or "", text[:_lead_end(text)]):
        named = [p for _, p in _periods(head) if p.named]
        if named:
            return named[0]
    return None


def _lead_end(text: str) -> int:
    """End of the article's first paragraph of at least 12 words (at most 600 characters)."""
    at = 0
    while at < len(text):
        s, e = _paragraph_bounds(text, at)
        if len(text[s:e].split()) >= 12:
            return min(e, s + 600)
        at = e + 1
    return 0


def period_doubt(a: Period | None, b: Period | None) -> str | None:
    """A doubt when both figures have a period and the two differ in span: a month against
    a year, a week against a month, two different named months or years; or when only one
    has a period, and a long one (a year, a quarter, several weeks or months): a count over
    it ("burned more than 2.3 million acres this year") holds one with none ("hundreds of
    thousands of acres are burning") as its part."""
    if a is None or b is None:
        given = a or b
        if given is not None and (given.kind in ("year", "quarter") or ":" in given.kind):
            return f"only one side gives the period it counts over ({given.label})"
        return None
    # A day dates an event ("fought with police on Monday") inside any longer period the
    # other text names; its sentence may also be cut short elsewhere ("at 7 p.m. Monday").
    if "day" in (a.kind, b.kind):
        return None
    if a.kind == b.kind and not (a.named and b.named and a.named != b.named):
        return None
    return f"measured over different periods ({a.label} / {b.label})"
