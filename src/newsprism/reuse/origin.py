"""Which article of a reuse pair the shared text came from, and why.

Three kinds of evidence, each conservative; when they disagree, or none applies, the origin is
None. `origin_basis` always says what was decided (or why nothing was):

- "published": the publish times differ by at least `MIN_TIME_GAP` (both with time zones),
  or the calendar days differ (a copy cannot come out before its source). The earlier wins.
- "wire credit": one article is by a news agency (its outlet or byline names it) and the
  other credits that agency in its text. When both credit the same agency and neither is it,
  the text came from outside the corpus: origin None, basis "common wire source: <AGENCY>".
  The same holds for any outlet, famous or not, that a dateline credits by name:
  "PORT SELIN, March 12 (Some Wire) -" in one article makes the article whose outlet is
  "Some Wire" the origin.
- "containment": one article lies mostly inside the other (share >= `CONTAINED_SHARE`) and the
  other adds much of its own (share <= `ADDING_SHARE`): the contained one is the source the
  other was built on. Only used when publish dates do not say otherwise.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

from ..model import Article

MIN_TIME_GAP = timedelta(minutes=30)
CONTAINED_SHARE = 0.8
ADDING_SHARE = 0.6

# Canonical agency name -> the ways it is written in credits. Abbreviations are matched
# case-sensitively (so "ap" or "Fars" as ordinary words do not count); full names ignore case.
WIRE_AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "AP": ("AP", "Associated Press"),
    "Reuters": ("Reuters", "REUTERS", "Thomson Reuters"),
    "IRNA": ("IRNA", "Islamic Republic News Agency"),
    "Xinhua": ("Xinhua", "XINHUA"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "Kyodo": ("Kyodo",),
    "Yonhap": ("Yonhap",),
    "TASS": ("TASS", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "UPI": ("UPI", "United Press International"),
    "PTI": ("PTI", "Press Trust of India"),
    "ANI": ("ANI",),
    "IANS": ("IANS",),
    "Anadolu": ("Anadolu Agency", "AA"),
    "SANA": ("SANA",),
    "Tasnim": ("Tasnim",),
    "Fars": ("FNA", "Fars News Agency"),
    "Mehr": ("Mehr News Agency", "MNA"),
    "ISNA": ("ISNA",),
    "WAFA": ("WAFA",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "KUNA": ("KUNA",),
    "WAM": ("WAM",),
    "SPA": ("SPA", "Saudi Press Agency"),
    "QNA": ("QNA",),
    "MENA": ("MENA",),
    "Bloomberg": ("Bloomberg News",),
    "CNA": ("Central News Agency",),
    "APA": ("APA",),
}

_NAME_TO_AGENCY = {name: agency for agency, names in WIRE_AGENCIES.items() for name in names}
_NAMES = "|".join(sorted((re.escape(n) for n in _NAME_TO_AGENCY), key=len, reverse=True))
_DASH = r"[-–—:]"
# A credit is a dateline "CITY (AFP) -", a sign-off at the very end ("- AFP", "(Reuters)"),
# or an explicit line: "Reuters contributed", "reporting by/from AFP", "with AFP", "via AP".
_DATELINE = re.compile(r"\((?P<n>" + _NAMES + r")(?:\s*[/,][^)]{0,40})?\)\s*" + _DASH)
_SIGNOFF = re.compile(r"(?:" + _DASH + r"|\(|/)\s*(?P<n>" + _NAMES + r")\s*\)?\s*\.?\s*$")
_LINE = re.compile(r"(?:(?:reporting|information|input|material)\s+(?:by|from)|\bwith|\bvia|"
                   r"\bsource:)\s+(?:the\s+)?(?P<n>" + _NAMES + r")\b"
                   r"|\b(?P<m>" + _NAMES + r")\s+contributed\b")
_PHOTO = re.compile(r"photo|credit|image|picture|file|getty|/\s*$", re.I)


# Cached: an article is asked again for every candidate pair it is in (on 3,000 articles of
# the reuse benchmark these patterns took 9.4 of find_reuse's 83 CPU seconds); the pairs come
# in an order that keeps an article's pairs together (`order.local_order`).
@lru_cache(maxsize=1024)
def wire_credits(text: str) -> tuple[str, ...]:
    """News agencies the text credits as a source of its copy (canonical names, sorted).

    Photo credits ("(AP Photo)", "photo credit: .../REUTERS") are not copy credits and are
    skipped: the 40 characters before a match must not mention a photo, image or credit.
    """
    found: set[str] = set()
    head, tail = text[:600], text[-300:]
    tail_offset = len(text) - len(tail)
    for pattern, zone, offset in ((_DATELINE, head, 0), (_SIGNOFF, tail, tail_offset),
                                  (_LINE, text, 0)):
        for m in pattern.finditer(zone):
            name = m.group("n") if "n" in m.groupdict() and m.group("n") else m.group("m")
            start = offset + m.start()
            if _PHOTO.search(text[max(0, start - 40):start + (m.end() - m.start())]):
                continue
            found.add(_NAME_TO_AGENCY[name])
    return tuple(sorted(found))


def agency_of(article: Article) -> str | None:
    """The agency that published `article` itself, if its outlet or byline is one."""
    for field in (article.outlet, article.byline):
        if not field:
            continue
        for name, agency in _NAME_TO_AGENCY.items():
            if re.search(r"(?<![\w])" + re.escape(name) + r"(?![\w])", field):
                return agency
    return None


# "CITY, Month D (Credited Name) -" near the top: the credited name may be any outlet.
_ANY_DATELINE = re.compile(r"^[^\n()]{2,60}?\((?P<n>[A-Z][\w.&' -]{1,40}?)\)\s*" + _DASH,
                           re.M)
_GENERIC_CREDIT = {"agencies", "wires", "agency", "wire", "staff", "photo", "file"}


def dateline_credit(text: str) -> str | None:
    """The name a dateline near the top credits ("(Some Wire)"), folded, or None."""
    m = _ANY_DATELINE.search(text[:400])
    if m is None:
        return None
    name = " ".join(re.findall(r"[^\W_]+", m.group("n").lower()))
    return None if not name or name in _GENERIC_CREDIT else name


def _folded_outlet(article: Article) -> str | None:
    if not article.outlet:
        return None
    name = " ".join(re.findall(r"[^\W_]+", article.outlet.lower()))
    return name.removeprefix("the ") or None


def _when(article: Article) -> tuple[datetime | None, bool]:
    """The publish time and whether it carries a time zone (so it can be compared exactly)."""
    if not article.published:
        return None, False
    try:
        value = datetime.fromisoformat(article.published)
    except ValueError:
        return None, False
    return value, value.tzinfo is not None and len(article.published) > 10


def _by_time(a: Article, b: Article) -> str | None:
    ta, exact_a = _when(a)
    tb, exact_b = _when(b)
    if ta is None or tb is None:
        return None
    if exact_a and exact_b:
        if abs(ta - tb) >= MIN_TIME_GAP:
            return a.id if ta < tb else b.id
        return None
    da, db = ta.date(), tb.date()
    if da != db:
        return a.id if da < db else b.id
    return None


def decide_origin(a: Article, b: Article, share_a: float, share_b: float
                  ) -> tuple[str | None, str | None]:
    """(origin id or None, basis) for a pair of articles sharing text."""
    votes: dict[str, str] = {}
    by_time = _by_time(a, b)
    if by_time is not None:
        votes["published"] = by_time
    credits_a, credits_b = set(wire_credits(a.text)), set(wire_credits(b.text))
    agency_a, agency_b = agency_of(a), agency_of(b)
    common: str | None = None
    if agency_a and agency_a in credits_b and agency_a != agency_b:
        votes["wire credit"] = a.id
    elif agency_b and agency_b in credits_a and agency_a != agency_b:
        votes["wire credit"] = b.id
    elif credits_a & credits_b:
        common = sorted(credits_a & credits_b)[0]
    else:
        credit_a, credit_b = dateline_credit(a.text), dateline_credit(b.text)
        outlet_a, outlet_b = _folded_outlet(a), _folded_outlet(b)
        if credit_b and outlet_a == credit_b and outlet_b != credit_b:
            votes["wire credit"] = a.id
        elif credit_a and outlet_b == credit_a and outlet_a != credit_a:
            votes["wire credit"] = b.id
        elif credit_a and credit_a == credit_b and credit_a not in (outlet_a, outlet_b):
            common = credit_a
    if share_a >= CONTAINED_SHARE and share_b <= ADDING_SHARE:
        votes["containment"] = a.id
    elif share_b >= CONTAINED_SHARE and share_a <= ADDING_SHARE:
        votes["containment"] = b.id
    if common is not None and "wire credit" not in votes:
        # Both took it from an agency outside the corpus: neither copied the other, whatever
        # the times say.
        return None, f"common wire source: {common}"
    if not votes:
        return None, None
    if len(set(votes.values())) > 1:
        return None, "conflicting evidence: " + ", ".join(sorted(votes))
    for basis in ("published", "wire credit", "containment"):
        if basis in votes:
            return votes[basis], ", ".join(k for k in ("published", "wire credit", "containment")
                                           if k in votes)
    return None, None
