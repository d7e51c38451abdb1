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

from .dates import WEEKDAYS, DateMatch, find_dates, resolve_dates

HEADER_LINES = 20  # non-empty lines examined for header material
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*\.?", re.UNICODE)
_PUBLISH_LABEL = re.compile(r"\b(publish(?:ed)?|posted|released|first published|created|"
                            r"issued|dated?)\b", re.I)
_STRONG_LABEL = re.compile(r"\b(publish(?:ed)?|posted|released|issued)\b", re.I)
_UPDATE_LABEL = re.compile(r"\b(updated?|modified|last edited|revised)\b", re.I)
_NEVER_LABEL = re.compile(r"\b(retrieved|accessed|crawl(?:ed)?|downloaded|archived|printed|"
                          r"fetched|scraped|today(?:'s date)? is)\b", re.I)
_BYLINE = re.compile(r"^(?:(?:posted|written|published|story|reporting)\s+(?:on\s+)?)?by\s+"
                     r"(?P<name>[^\W\d_][\w.'’\- ,&]{1,80})$", re.I)
_AUTHOR_LABEL = re.compile(r"^(?:author|writer|reporter|byline)s?\s*:\s*(?P<name>.{2,80})$", re.I)
_STAFF = re.compile(r"^(?P<org>.+?)\s+(?:staff|staff writers?|staff reporter|newsroom|"
                    r"news desk|editorial board|editors)$", re.I)
_LABEL = re.compile(r"^(?P<key>[^\W\d_][\w .'/]{0,24}):\s*(?P<value>[^.!?]{1,60})$")
_SEPARATORS = re.compile(r"\s[-|–—•·»›>]\s|\s?\|\s?")
_CAPTION_END = re.compile(
    r"\((?:[^()]*\b(?:photo|image|picture|credit|courtesy|file)\b[^()]*)\)\s*\.?\s*$"
    r"|\((?:[^()]*(?:/|\b)(?:AP|AFP|Reuters|Getty Images|EPA|Xinhua|Anadolu|Shutterstock|"
    r"iStock|Bloomberg|Sputnik|TASS|WANA|IRNA|ANP|DPA|UPI)\b[^()]*)\)\s*\.?\s*$", re.I)
_CAPTION_START = re.compile(r"\(?(?:photo|image|picture|photograph|file photo|credit|"
                            r"photo credit|image source|image caption|caption)s?\s*(?:by)?\s*"
                            r"[:|]", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_ONLY_REST = re.compile(r"^[\W\d_]*(?:(?:at|on|am|pm|a\.m\.|p\.m\.|utc|gmt|[a-z]{2,4}t|"
                             r"local time)\W*)*$", re.I)
_WIDGET = re.compile(
    r"^\W*(?:comments?|share(?: this(?: article| story)?)?|share on \w+|tweet|email|e-mail|"
    r"print|whatsapp|facebook|twitter|linkedin|reddit|pinterest|telegram|flipboard|copy link|"
    r"advertisement|advertising|sponsored(?: content)?|ad|loading\.*|click to \w+(?: \w+)?|"
    r"leave a (?:comment|reply)|\d+ comments?|no comments?|add comment|post comment|"
    r"read more|read also|see also|related|tags?|topics?|filed under|listen(?: to this article)?|"
    r"\d+ min(?:ute)?s? read|back to top|next article|previous article|print this page)"
    r"\s*[:|.…]*\W*$", re.I)
_WIDGET_PREFIX = re.compile(r"^\W*(?:share(?: this(?: article| story)?)?|read more|read also|"
                            r"see also|related|tags|topics|"
                            r"filed under|follow us|join us|join our|also read|watch)\s*:", re.I)
_BOILER = re.compile(
    r"\b(?:cookies?|subscribe|subscription|subscriber|sign up|signup|log in|login|newsletter|"
    r"privacy policy|terms of (?:use|service)|all rights reserved|ad ?blocker|"
    r"enable javascript|javascript is disabled|free articles? (?:left|remaining)|"
    r"support (?:our|independent) journalism|download (?:our|the) app|follow us on|"
    r"copyright \d{4}|©)", re.I)
_CREDIT_LINE = re.compile(r"^\((?:reporting|writing|editing|additional reporting|compiled|"
                          r"translated|produced|research)\b[^()]*\)\.?$", re.I)
_SENTENCE_END = re.compile(r"[.!?\"”’)]\s*$")
MENU_WORDS = frozenset(
    "home news world politics business opinion opinions sport sports entertainment culture "
    "lifestyle health science tech technology video videos podcast podcasts contact about "
    "subscribe login log sign search menu weather travel local national international economy "
    "markets region regions analysis features diaspora editorials columnists obituaries "
    "photos gallery live latest trending more newsletters careers advertise archives archive "
    "blogs blog shop jobs events education environment climate arts books food style "
    "magazine media newsletter section sections topics us u.s. uk europe asia africa "
    "americas middle east coronavirus covid-19 elections".split())


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


def words_of(line: str) -> list[str]:
    return _WORD.findall(line)


def is_caption(line: str) -> bool:
    s = line.strip()
    # Credits close the line: only its tail needs the (slow, unanchored) search.
    return s[-1:] in ").:" and bool(_CAPTION_END.search(s[-160:])) or \
        bool(_CAPTION_START.match(s))


def caption_base(line: str) -> str:
    """A caption without its trailing credit, to catch the same caption repeated bare."""
    return re.sub(r"\s*\([^()]*\)\s*\.?\s*$", "", line.strip()).strip()


def is_menu(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?\"”'’:;,":
        return False
    tokens = words_of(stripped)
    if len(_SEPARATORS.findall(stripped)) >= 3 and len(tokens) <= 40:
        return True
    if len(tokens) < 5:
        return False
    menu = sum(1 for t in tokens if t.lower().rstrip(".") in MENU_WORDS)
    capitalized = sum(1 for t in tokens if t[0].isupper() or t[0].isdigit())
    if menu >= 4 and menu >= len(tokens) * 0.4:
        return True
    lowered = [t.lower() for t in tokens]
    repeated = len(set(lowered)) < len(lowered)
    return len(tokens) >= 8 and capitalized == len(tokens) and repeated and menu >= 2


def nwords(line: str) -> int:
    """A cheap word count (whitespace tokens), for length rules on hot paths."""
    return len(line.split())


def is_prose(line: str) -> bool:
    n = nwords(line)
    return n >= 14 or (n >= 6 and line.rstrip()[-1:] in ".!?\"”")


def smart_case(name: str) -> str:
    """ALL-CAPS names to Title Case; anything with lower-case letters is kept as written."""
    return name.title() if name.isupper() else name


def _clean_name(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip(" ,;:-|–—·")
    if not name or len(words_of(name)) > 8 or not re.search(r"[^\W\d_]", name):
        return None
    return smart_case(name)


def byline_of(line: str) -> str | None:
    s = re.split(r"\s+[|•·]\s+", " ".join(line.split()))[0].strip()
    m = _BYLINE.match(s) or _AUTHOR_LABEL.match(s)
    if m is None:
        return None
    name = re.split(r"\s+[|•·]\s+|\s+-\s+|,\s*(?:updated|published|posted)\b", m.group("name"),
                    flags=re.I)[0]
    return _clean_name(name)


def outlet_from_byline(byline: str) -> str | None:
    m = _STAFF.match(byline)
    return _clean_name(m.group("org")) if m else None


def site_name(rest: str) -> str | None:
    """'The Daily Harbor - Independent news ...' -> 'The Daily Harbor' (a site header)."""
    parts = [p.strip() for p in re.split(r"\s[-|–—:]\s|\s?\|\s?", rest) if p.strip()]
    if len(parts) < 2:
        return None
    name = parts[0]
    tokens = words_of(name)
    if not 1 <= len(tokens) <= 6 or all(t.lower() in MENU_WORDS for t in tokens):
        return None
    if not all(t[0].isupper() or t.lower() in ("the", "of", "and", "al", "el") for t in tokens):
        return None
    return _clean_name(name)


def is_widget(line: str) -> bool:
    s = line.strip()
    if _WIDGET.match(s) or _WIDGET_PREFIX.match(s) or _CREDIT_LINE.match(s):
        return True
    if len(s) > 400:  # widgets and boxes are short; prose paragraphs are not
        return False
    n = nwords(s)
    # Subscription/cookie boxes are short and never carry the story.
    return n <= 40 and bool(_BOILER.search(s)) and not (n >= 25 and _SENTENCE_END.search(s)
                                                         and "cookie" not in s.lower())


def is_site_header(line: str) -> bool:
    """A short line of name-like parts between separators: "Meridian Press | World Wire"."""
    s = line.strip()
    parts = [p for p in re.split(r"\s[-|–—]\s|\s?\|\s?", s) if p.strip()]
    if len(parts) < 2 or nwords(s) > 10 or site_name(s) is None:
        return False
    return all(t[0].isupper() or t[0].isdigit() or t.lower() in _SMALL_WORDS
               for p in parts for t in words_of(p))


_SMALL_WORDS = {"the", "of", "and", "al", "el", "de", "for", "on", "in", "&"}


def _date_line(line: str) -> tuple[DateMatch, str, str] | None:
    """(the date, the label text before it, the rest after it) if the line is a date line."""
    s = line.strip()
    if not _YEAR.search(s[:160]):
        return None
    matches = find_dates(s[:160])
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
            m, before, after = dl
            kinds[i] = "date"
            matches = [d for d in find_dates(s) if d.start >= m.start]
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
            sites.append((i, site_name(after) or (site_name(before) if before.strip() and
                                                  not by_before else None)))
            bylines.append((i, by_before or byline_of(after.strip())))
            continue
        if is_widget(s):
            kinds[i] = "widget"
        elif byline_of(s):
            kinds[i] = "byline"
            bylines.append((i, byline_of(s)))
        elif is_menu(s):
            kinds[i] = "menu"
            sites.append((i, site_name(s)))
        elif is_prose(s):
            kinds[i] = "prose"
        elif _LABEL.match(s) and len(words_of(s)) <= 6:
            kinds[i] = "label"
        else:
            kinds[i] = "short"
    # The body starts at the first prose line that no header line follows closely.
    end = nonempty[-1] + 1 if nonempty else 0
    for pos, i in enumerate(nonempty):
        if kinds[i] != "prose":
            continue
        follow = nonempty[pos + 1:pos + 4]
        if not any(kinds[j] in ("date", "byline") for j in follow):
            end = i
            break
    else:
        if not any(k == "prose" for k in kinds.values()):
            end = 0 if not any(k == "date" for k in kinds.values()) else end
    h.end = end
    header = [i for i in nonempty if i < end]
    site = next((name for i, name in sites if i < end and name), None)
    h.byline = next((name for i, name in bylines if i < end and name), None)
    # A bare weekday-date line at the very top, with another date below: the "today" banner.
    dated = [c for c in cands]
    if len(dated) > 1 and header and dated[0].line == header[0]:
        first = lines[dated[0].line].strip().lower()
        bare = re.sub(r"[\W\d_]+", " ", first).split()
        if bare and all(w in WEEKDAYS or w in _MONTH_WORDS for w in bare) and \
                dated[0].score <= 0:
            dated[0].score -= 2
    body = "\n".join(lines[end:])
    best = _score([c for c in dated if c.line < end or c.line in header], body)
    if best is not None:
        same_day = [c for c in dated if c.value.date() == best.value.date() and c.has_time]
        chosen = same_day[0] if same_day and not best.has_time else best
        h.published = chosen.value.strftime("%Y-%m-%dT%H:%M") if chosen.has_time \
            else chosen.value.strftime("%Y-%m-%d")
    title_line: int | None = None
    site_lines = [i for i in header if kinds[i] == "short" and is_site_header(lines[i])]
    if known_title is None:
        shorts = [i for i in header if kinds[i] == "short" and 2 <= len(words_of(lines[i])) <= 30
                  and len(lines[i].strip()) <= 250 and not lines[i].strip().endswith(":")]
        # "Meridian Press | World Wire" above the headline is the site, not the headline.
        plain = [i for i in shorts if i not in site_lines]
        longer = [i for i in plain if len(words_of(lines[i])) >= 4]
        pick = longer or plain or shorts
        title_line = pick[0] if pick else None
        if title_line is not None:
            h.title = " ".join(lines[title_line].split())
    if site is None:
        site = next((site_name(lines[i]) for i in site_lines if i != title_line), None)
    for i in header:
        kind = kinds[i]
        if kind in ("date", "byline", "menu", "caption", "label", "widget"):
            h.drop.add(i)
        elif kind == "short" and (title_line is not None and i <= title_line):
            h.drop.add(i)  # the title, and site furniture above it
        elif kind == "short" and known_title and _same(lines[i], known_title):
            h.drop.add(i)
    if h.byline:
        h.outlet = outlet_from_byline(h.byline)
    h.outlet = site or h.outlet
    return h


_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _same(a: str, b: str) -> bool:
    return [w.lower() for w in words_of(a)] == [w.lower() for w in words_of(b)]


__all__ = ["Header", "read_header", "is_caption", "caption_base", "is_menu", "is_prose",
           "byline_of", "outlet_from_byline", "site_name", "smart_case", "words_of", "nwords",
           "is_widget"]
