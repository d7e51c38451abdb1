"""The one date parser: absolute dates in headers and text, and relative expressions
("on Wednesday", "yesterday", "last week") resolved against a publish date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Literal, NamedTuple

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "feburary": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8,
    "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary|urary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|" \
         r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# A month and a day with or without a year ("June 18", "Sept. 3rd"): the day's number, for
# readers that must not take it for a count (`compare.agreement`).
MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b", re.I)
_TIME = r"(?:[ ,T\-–]+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?" \
        r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}))?)?"
_PATTERNS = [
    # 2020-07-08, 2020/07/08, with optional time
    re.compile(r"(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})" + _TIME,
               re.I),
    # July 8, 2020 / Jul. 8 2020 / JULY 8, 2020 14:47
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})" + _TIME,
               re.I),
    # 08 July 2020 / 8th of July, 2020
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
               + r",?\s+(?P<year>(?:19|20)\d{2})" + _TIME, re.I),
    # 08/07/2020 is ambiguous; we read it day-first only when the first number is > 12
    re.compile(r"(?P<day>(?:1[3-9]|2\d|3[01]))/(?P<mnum>\d{1,2})/(?P<year>(?:19|20)\d{2})" + _TIME),
]


class DateMatch(NamedTuple):
    start: int
    end: int
    value: datetime
    has_time: bool


def find_dates(text: str) -> list[DateMatch]:
    """Every absolute date in `text`, in order of position, without overlaps."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _build(m)
            if value is None:
                continue
            found.append(DateMatch(m.start(), m.end(), value, m.group("hour") is not None))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def _build(m: re.Match[str]) -> datetime | None:
    g = m.groupdict()
    try:
        year = int(g["year"])
        month = int(g["mnum"]) if g.get("mnum") else MONTHS[g["month"].lower().rstrip(".")]
        day = int(g["day"])
        hour = int(g["hour"]) if g.get("hour") else 0
        minute = int(g["minute"]) if g.get("minute") else 0
        second = int(g["second"]) if g.get("second") else 0
        if g.get("ampm"):
            pm = g["ampm"].lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        return datetime(year, month, day, hour, minute, second)
    except (KeyError, ValueError):
        return None


def parse_date(text: str) -> datetime | None:
    """The first absolute date in `text`, or None."""
    matches = find_dates(text)
    return matches[0].value if matches else None


def iso(value: datetime, with_time: bool = False) -> str:
    """YYYY-MM-DD, or YYYY-MM-DDTHH:MM when `with_time`."""
    return value.strftime("%Y-%m-%dT%H:%M") if with_time else value.strftime("%Y-%m-%d")


def parse_iso(text: str | None) -> date | None:
    """The calendar day of an ISO date or date-time string, or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


Granularity = Literal["day", "week", "month", "year"]


class Resolved(NamedTuple):
    start: int
    end: int
    text: str
    day: date
    granularity: Granularity


# A year as written ("2016", "1998"): one pattern for every rule that tells a year from a count.
YEAR_NUMBER = re.compile(r"(?:1[89]|20)\d\d")
_REL = re.compile(
    r"\b(?:(?P<prep>on|last|this|next|since|by|until)\s+)?(?P<wd>monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b"
    r"|\b(?P<simple>yesterday|today|tomorrow|tonight)\b"
    r"|\b(?P<span>last|this|next)\s+(?P<unit>week|month|year)\b"
    r"|\b(?P<month2>" + _MONTH[len("(?P<month>"):-len(r")\.?")] + r")\.?\s+(?P<day2>\d{1,2})"
    r"(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d{2})"
    r"|\b(?P<day3>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month3>" +
    _MONTH[len("(?P<month>"):-len(r")\.?")] + r")\b(?!\.?,?\s+(?:19|20)\d{2})",
    re.I,
)


_YEAR = re.compile(r"\b(?:in|since|from|until|by|during|of|early|late|mid)\s+(?:early\s+|late\s+)?"
                   r"(?P<year>(?:19|20)\d{2})\b(?!\s*[-/]\d)", re.I)


def resolve_dates(text: str, anchor: date | None, years: bool = False) -> list[Resolved]:
    """Every date expression in `text` resolved to a calendar day.

    With `years`, a bare year after a preposition ("in 2019", "since 2011") is also returned,
    as its 1 January with granularity "year" (it needs no anchor).

    Absolute dates resolve on their own; relative ones ("on Wednesday", "yesterday",
    "July 8" without a year) need `anchor`, the publish date, and are skipped without it.
    A bare weekday is taken as the most recent such day on or before the anchor, the way
    news uses it ("said on Wednesday" in a Thursday paper), and a month-day without a year as
    this year's, or last year's when that is far ahead. In a sentence that looks ahead
    (`looks_ahead`: "are set to ... on Thursday", "a Friday deadline", "the fiscal year, which
    ends 30 September") both are the coming ones.
    """
    out: list[Resolved] = []
    taken: list[tuple[int, int]] = []
    for m in find_dates(text):
        out.append(Resolved(m.start, m.end, text[m.start:m.end], m.value.date(), "day"))
        taken.append((m.start, m.end))
    if anchor is not None:
        for rel in _REL.finditer(text):
            if any(rel.start() < e and s < rel.end() for s, e in taken):
                continue
            if rel.group("wd") and any(s >= rel.end() and not text[rel.end():s].strip(" ,")
                                       for s, _ in taken):
                continue  # "on Wednesday, April 1, 2020": the full date that follows says it
            ahead = looks_ahead(text, rel.start(), rel.end()) or \
                _EARLIEST.search(text, max(0, rel.start() - 24), rel.start()) is not None
            r = _resolve_relative(rel, anchor, ahead)
            if r is not None:
                out.append(Resolved(rel.start(), rel.end(), rel.group(), r[0], r[1]))
                taken.append((rel.start(), rel.end()))
    if years:
        for y in _YEAR.finditer(text):
            s, e = y.start("year"), y.end("year")
            if any(s < b and a < e for a, b in taken):
                continue
            out.append(Resolved(s, e, y.group("year"), date(int(y.group("year")), 1, 1), "year"))
    out.sort(key=lambda r: r.start)
    return out


# A sentence about what is still to come: a future auxiliary or "is set to", "a deadline", a
# present-tense verb of a term running out ("the fiscal year ends 30 September"). Not one that
# reports speech in the past ("said on Monday that he will resign": Monday is when he said it).
_AHEAD = re.compile(r"\b(?:will|shall|won[’']t|(?:is|are|isn[’']t|aren[’']t)(?:\s+not)?\s+"
                    r"(?:set|expected|scheduled|due|slated|poised|likely)\s+to|plans?\s+to|"
                    r"upcoming|deadline|takes\s+effect|expires|ends|begins|starts)\b", re.I)
_PAST_REPORT = re.compile(r"\b(?:said|told|announced|wrote|added|tweeted|stated|reported|"
                          r"confirmed|declared|noted|explained|argued|insisted|warned|predicted|"
                          r"promised|vowed|pledged|threatened|suggested|claimed|urged|asked|was|"
                          r"were|had|did|met|held|passed|voted|signed|began|ended|expired)\b",
                          re.I)
_SENTENCE_END = re.compile(r"[.!?\n]")
# "A vote could come as early as Thursday, aides said": the earliest day something may
# happen is ahead of the writing even in a sentence that reports speech (stop 55: in the
# 12,000 Baly articles, 29 of 78 such days were read as past). "As late as Monday"
# looks back and is not here.
_EARLIEST = re.compile(r"\bas\s+(?:soon|early)\s+as\s+$", re.I)
# Someone's words: what they foresee ("I am confident ... will") is theirs, not the writer's.
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


def looks_ahead(text: str, start: int, end: int) -> bool:
    """Whether the sentence holding `text[start:end]` (a date expression) speaks of what is to
    come and not, in the past tense, of what was said or done (`_AHEAD`, `_PAST_REPORT`)."""
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)),
             default=max(0, start - 300))
    hi_m = _SENTENCE_END.search(text, end, end + 300)
    sentence = text[lo:hi_m.start() if hi_m else min(len(text), end + 300)]
    own = _QUOTED.sub(" ", sentence)
    return _AHEAD.search(own) is not None and _PAST_REPORT.search(sentence) is None


def _resolve_relative(m: re.Match[str], anchor: date, ahead: bool = False
                      ) -> tuple[date, Granularity] | None:
    g = m.groupdict()
    if g["wd"]:
        target = WEEKDAYS[g["wd"].lower()]
        prep = (g["prep"] or "").lower()
        delta = (anchor.weekday() - target) % 7
        if prep == "next":
            return anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7), "day"
        if prep == "this":
            # The day of the anchor's own week, Sunday first as US news counts it: on a
            # Wednesday "this Thursday" is tomorrow and "this Monday" two days ago; on a
            # Monday "this Sunday" is yesterday (stop 46: every "this <weekday>" was read as
            # the past one, and in the 12,000 Baly articles most after the publish day look
            # ahead: "a debate in Detroit this Thursday evening").
            day = anchor + timedelta(days=(target + 1) % 7 - (anchor.weekday() + 1) % 7)
            return (day + timedelta(days=7) if ahead and day < anchor else day), "day"
        if ahead and prep in ("", "on", "by", "until"):
            return anchor + timedelta(days=(target - anchor.weekday()) % 7), "day"
        if prep == "last" and delta == 0:
            delta = 7
        return anchor - timedelta(days=delta), "day"
    if g["simple"]:
        word = g["simple"].lower()
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return anchor + timedelta(days=shift), "day"
    if g["span"]:
        sign = {"last": -1, "this": 0, "next": 1}[g["span"].lower()]
        unit = g["unit"].lower()
        if unit == "week":
            monday = anchor - timedelta(days=anchor.weekday())
            return monday + timedelta(weeks=sign), "week"
        if unit == "month":
            month = anchor.month + sign
            year = anchor.year + (month - 1) // 12
            return date(year, (month - 1) % 12 + 1, 1), "month"
        return date(anchor.year + sign, 1, 1), "year"
    month_name = g["month2"] or g["month3"]
    day_s = g["day2"] or g["day3"]
    if month_name and day_s:
        try:
            month = MONTHS[month_name.lower().rstrip(".")]
            candidate = date(anchor.year, month, int(day_s))
        except (KeyError, ValueError):
            return None
        # "July 8" in a January paper means last July; "Jan. 1" in a late-November paper, the
        # coming one (as near ahead as a date of this year may be).
        if ahead and candidate < anchor and (nxt := _next_year(candidate)) is not None:
            return nxt, "day"  # "expires Jan. 1" in a November paper
        if (candidate - anchor).days > 60 and not ahead:
            candidate = candidate.replace(year=anchor.year - 1)
        elif month < anchor.month and (coming := _next_year(candidate)) is not None \
                and 0 < (coming - anchor).days <= 60:
            candidate = coming
        return candidate, "day"
    return None


def _next_year(day: date) -> date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return None
