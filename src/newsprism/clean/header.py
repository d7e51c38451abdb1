"""Reading the header of a scraped page: which top lines are dates, bylines, labels, menus and
captions, which is the title, and which date is the publish date.

Pure functions over lines; `clean.clean_article` calls `read_header`. The rules are general
(labels, position, agreement with the body), never keyed to particular sites.

Publish date, in order of trust: a date labelled as the publish date ("Published", "Posted
on", "Publish Date:"); a plain "date" label; a bare date. A date labelled as updated counts
less; one labelled as retrieved/accessed/crawled/"today" never counts. A bare weekday-date line
standing alone at the very top while another date follows is the site's "today" banner, not the
article's date. The body votes too: a candidate more than 30 days after the latest day the body
mentions looks like a crawl date, and one whose weekday matches an "on Wednesday" in the body
is supported. Ties go to the earliest date, since a page cannot be published after it is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..dates import WEEKDAYS, DateMatch, find_dates, resolve_dates
from .lines import (
    ALPHA_WORD,
    LABEL,
    LABEL_KEYS,
    MONTH_WORDS,
    NUMERIC_DATE,
    byline_of,
    is_caption,
    is_menu,
    is_prose,
    is_site_header,
    is_widget,
    name_like,
    nwords,
    outlet_from_byline,
    same_words,
    site_name,
    words_of,
)

HEADER_LINES = 20  # non-empty lines examined for header material
_PUBLISH_LABEL = re.compile(r"\b(publish(?:ed)?|posted|released|first published|created|"
                            r"issued|dated?)\b", re.I)
_STRONG_LABEL = re.compile(r"\b(publish(?:ed)?|posted|released|issued)\b", re.I)
_UPDATE_LABEL = re.compile(r"\b(updated?|modified|last edited|revised)\b", re.I)
_NEVER_LABEL = re.compile(r"\b(retrieved|accessed|crawl(?:ed)?|downloaded|archived|printed|"
                          r"fetched|scraped|today(?:['’]s)?)\b", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
@dataclass
class Header:
    """What the header of a page says, and which lines (indexes) carried it."""

    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    labelled: str | None = None  # the day of the first date labelled "Published"/"Posted"
    drop: set[int] = field(default_factory=set)  # line indexes to remove from the text
    end: int = 0  # index of the first body line


@dataclass
class _DateCandidate:
    line: int
    value: datetime
    has_time: bool
    score: float


_WEEKDAY_NUMERIC = re.compile(
    r"\b(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.]"
    r"(?P<year>(?:19|20)\d{2})(?:\s*[-–,]?\s*(?:at\s+)?(?P<h>\d{1,2}):(?P<m>\d{2}))?", re.I)


def header_dates(s: str) -> list[DateMatch]:
    """`find_dates`, plus numeric dates a weekday disambiguates: "Tue, 03/05/2024" can only be
    5 March (3 May 2024 was a Friday)."""
    found = find_dates(s)
    for m in _WEEKDAY_NUMERIC.finditer(s):
        if any(d.start < m.end() and m.start() < d.end for d in found):
            continue
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        hour, minute = int(m.group("h") or 0), int(m.group("m") or 0)
        want = [k for k in WEEKDAYS if k.startswith(m.group("wd").lower())][0]
        fits = []
        for month, day in {(a, b), (b, a)}:
            try:
                value = datetime(year, month, day, hour, minute)
            except ValueError:
                continue
            if value.weekday() == WEEKDAYS[want]:
                fits.append(value)
        if len(fits) == 1:
            found.append(DateMatch(m.start(), m.end(), fits[0], m.group("h") is not None))
    return sorted(found, key=lambda d: d.start)


def _date_line(line: str) -> tuple[DateMatch, str, str] | None:
    """(the date, the label text before it, the rest after it) if the line is a date line."""
    s = line.strip()
    if not _YEAR.search(s[:160]):
        return None
    matches = header_dates(s[:160])
    if not matches:
        return None
    m = matches[0]
    before, after = s[:m.start], s[m.end:]
    if len(words_of(before)) > 6:
        return None
    if len(words_of(s)) > 16 and m.start > 40:
        return None
    if is_prose(s) and not _PUBLISH_LABEL.search(before) and len(words_of(after)) > 4 and \
            not site_name(after):
        return None
    return m, before, after


def _body_days(body: str, anchor: date) -> tuple[list[date], set[int]]:
    """Days the body names by month and day, and the weekdays it names ("on Wednesday")."""
    days: list[date] = []
    for r in resolve_dates(body, anchor):
        if r.granularity == "day" and re.search(r"[a-z]{3}", r.text, re.I) and \
                not re.match(r"(?i)^(?:on |last |this |next |since |by |until )?"
                             r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                             r"yesterday|today|tomorrow|tonight)$", r.text.strip()):
            days.append(r.day)
        elif r.granularity == "day" and re.match(r"\d{4}-\d", r.text):
            days.append(r.day)
    weekdays = {WEEKDAYS[w.lower()] for w in re.findall(
        r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", body, re.I)}
    return days, weekdays


def _score(cands: list[_DateCandidate], body: str) -> _DateCandidate | None:
    if not cands:
        return None
    for c in cands:
        anchor = c.value.date()
        days, weekdays = _body_days(body, anchor)
        recent = [d for d in days if abs((anchor - d).days) <= 366]
        if recent:
            latest = max(recent)
            if (anchor - latest).days > 30:
                c.score -= 2
            elif -1 <= (anchor - latest).days <= 7:
                c.score += 1
        if weekdays and any((anchor.weekday() - w) % 7 in (0, 1) for w in weekdays):
            c.score += 0.5
    return max(cands, key=lambda c: (c.score, -c.value.toordinal(), c.has_time))


def read_header(lines: list[str], known_title: str | None = None) -> Header:
    """Classify the top lines of a scraped text; the body starts at `Header.end`."""
    h = Header()
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()][:HEADER_LINES]
    kinds: dict[int, str] = {}
    cands: list[_DateCandidate] = []
    sites: list[tuple[int, str | None]] = []  # (line, site name) from site headers
    bylines: list[tuple[int, str | None]] = []
    for i in nonempty:
        s = lines[i].strip()
        if is_caption(s):
            kinds[i] = "caption"
            continue
        dl = _date_line(s)
        if dl is not None and not (is_prose(s) and i != nonempty[0] and
                                   not _PUBLISH_LABEL.search(dl[1])):
            kinds[i] = "date"
            site, byline = _read_date_line(h, i, s, dl, cands)
            sites.append((i, site))
            bylines.append((i, byline))
            continue
        kinds[i] = _line_kind(s)
        if kinds[i] == "byline":
            bylines.append((i, byline_of(s)))
        elif kinds[i] == "menu":
            sites.append((i, site_name(s)))
    end = _body_start(nonempty, kinds)
    h.end = end
    header = [i for i in nonempty if i < end]
    site = next((name for i, name in sites if i < end and name), None)
    h.byline = next((name for i, name in bylines if i < end and name), None)
    site_lines = [i for i in header if kinds[i] == "short" and is_site_header(lines[i])]
    title_line = _title_line(lines, header, kinds, site_lines) if known_title is None else None
    if title_line is not None:
        h.title = " ".join(lines[title_line].split())
    # Bare weekday-date lines above the headline are the site's "today" banner.
    above = title_line if title_line is not None else (header[1] if len(header) > 1 else -1)
    for c in cands:
        if c.score <= 0 and c.line < above and _is_weekday_banner(lines[c.line]):
            c.score -= 2  # kept only if the body's weekdays back it (a blog's date header)
    body = "\n".join(lines[end:])
    best = _score([c for c in cands if c.line < end], body)
    if best is not None and best.score > -2:
        same_day = [c for c in cands if c.value.date() == best.value.date() and c.has_time]
        chosen = same_day[0] if same_day and not best.has_time else best
        h.published = chosen.value.strftime("%Y-%m-%dT%H:%M") if chosen.has_time \
            else chosen.value.strftime("%Y-%m-%d")
    if site is None:
        site = next((site_name(lines[i]) for i in site_lines if i != title_line), None)
    if site is None and title_line is not None:
        # A lone name above the headline ("The Parish Pump") is the masthead.
        site = next((n for i in header if i < title_line and kinds[i] == "short"
                     and (n := name_like(lines[i]))), None)
    h.drop.update(_dropped(lines, header, kinds, title_line, known_title))
    if h.byline:
        h.outlet = outlet_from_byline(h.byline)
    h.outlet = site or h.outlet
    return h


def _dropped(lines: list[str], header: list[int], kinds: dict[int, str], title_line: int | None,
             known_title: str | None) -> list[int]:
    """The header lines that are not body: dates, bylines, menus, captions, labels, widgets,
    the title and the site furniture above it."""
    out = []
    for i in header:
        kind = kinds[i]
        if kind in ("date", "byline", "menu", "caption", "label", "widget"):
            out.append(i)
        elif kind == "short" and (title_line is not None and i <= title_line):
            out.append(i)  # the title, and site furniture above it
        elif kind == "short" and known_title and same_words(lines[i], known_title):
            out.append(i)
    return out


def _read_date_line(h: Header, i: int, s: str, dl: tuple[DateMatch, str, str],
                    cands: list[_DateCandidate]) -> tuple[str | None, str | None]:
    """Line `i` (text `s`) is a date line: its dates become candidates (scored by their
    labels; a strong label also sets `h.labelled`). Returns (site name, byline) it carries."""
    m, before, after = dl
    matches = [d for d in header_dates(s) if d.start >= m.start]
    prev = 0
    for k, d in enumerate(matches):
        label = s[prev:d.start]
        prev = d.end
        tail = s[d.end:d.end + 30] if k == len(matches) - 1 else ""
        if _NEVER_LABEL.search(label + " " + tail):
            continue
        strong = bool(_STRONG_LABEL.search(label))
        score = 3.0 if strong else 2.0 if _PUBLISH_LABEL.search(label) else 0.0
        if _UPDATE_LABEL.search(label) and not strong:
            score = -1.0
        cands.append(_DateCandidate(i, d.value, d.has_time, score))
        if strong and h.labelled is None:
            h.labelled = d.value.strftime("%Y-%m-%d")
    after = s[matches[-1].end:] if matches else after
    by_before = byline_of(before)
    named = None
    if before.strip() and not by_before and not _PUBLISH_LABEL.search(before) and \
            not _UPDATE_LABEL.search(before):
        # "Southern Dispatch · 21/02/2024": the site's name right before the date.
        named = site_name(before) or name_like(before.strip(" ·•|-–—:,"))
    return site_name(after) or named, by_before or byline_of(after.strip())


def _line_kind(s: str) -> str:
    """The kind of a header line that is neither a caption nor a date line."""
    if is_widget(s):
        return "widget"
    if byline_of(s):
        return "byline"
    if is_menu(s):
        return "menu"
    if is_prose(s):
        return "prose"
    if (lm := LABEL.match(s)) and len(words_of(s)) <= 6 and (
            any(c.isdigit() for c in lm.group("value")) or
            lm.group("key").strip().lower() in LABEL_KEYS):
        return "label"
    return "short"


def _body_start(nonempty: list[int], kinds: dict[int, str]) -> int:
    """The body starts at the first prose line that no header line follows closely."""
    end = nonempty[-1] + 1 if nonempty else 0
    for pos, i in enumerate(nonempty):
        if kinds[i] != "prose":
            continue
        follow = nonempty[pos + 1:pos + 4]
        if not any(kinds[j] in ("date", "byline") for j in follow):
            return i
    if not any(k == "prose" for k in kinds.values()):
        end = 0 if not any(k == "date" for k in kinds.values()) else end
    return end


def _title_line(lines: list[str], header: list[int], kinds: dict[int, str],
                site_lines: list[int]) -> int | None:
    """The headline: a short line of 4+ words, preferring one that a date or byline line (or
    the body) directly follows or precedes, as headlines sit next to their dateline."""
    shorts = [i for i in header if kinds[i] == "short" and 2 <= nwords(lines[i]) <= 30
              and len(lines[i].strip()) <= 250 and not lines[i].strip().endswith((":", "."))
              and len(ALPHA_WORD.findall(lines[i])) >= 2 and not NUMERIC_DATE.search(lines[i])]
    plain = [i for i in shorts if i not in site_lines]
    longer = [i for i in plain if nwords(lines[i]) >= 4]
    pick = longer or plain or shorts
    if len(pick) > 1:
        order = header + [max(header) + 1]

        def closeness(i: int) -> int:
            return sum(1 for j in _neighbours(order, i)
                       if kinds.get(j) in ("date", "byline") or j == order[-1])
        best = max(closeness(i) for i in pick)
        pick = [i for i in pick if closeness(i) == best]
    return pick[0] if pick else None


def _neighbours(order: list[int], i: int) -> list[int]:
    pos = order.index(i)
    return order[max(0, pos - 1):pos] + order[pos + 1:pos + 2]


def _is_weekday_banner(line: str) -> bool:
    words = re.sub(r"[\W\d_]+", " ", line.lower()).split()
    return bool(words) and any(w in WEEKDAYS for w in words) and \
        all(w in WEEKDAYS or w in MONTH_WORDS for w in words)


__all__ = ["Header", "header_dates", "read_header"]
