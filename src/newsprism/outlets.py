"""Outlets as entities: one normalised outlet per publisher, and the profiles a user keeps.

An article names its outlet in several ways: the reader's or header's site name ("The
Jerusalem Post", "FOX", "fox"), the URL's domain ("www.jpost.com"), or nothing at all. Here
they become one `Outlet` each:

- a name is compared by its key: folded case, no leading "The", letters and digits only, so
  "FOX", "fox" and "Fox" are one outlet, and "The Guardian" and "Guardian" too;
- a domain is compared by its registrable label ("edition.cnn.com" -> "cnn"), which also
  matches a name whose key is that label ("CNN"); a profile's `domains` join the rest;
- a value that looks like a file name ("000_a6b6.txt") is never taken as an outlet;
- an article with no outlet gets a neutral label ("unknown outlet 1"), `known=False`, one per
  article: two unnamed articles may or may not share a publisher, and we do not guess.

Profiles are a file the user edits (TOML or CSV: name, domains, country, lean on the five-point
scale, owner, lean_source); `import_ratings` turns a ratings table the user supplies into one.
Pure functions except `load_profiles`/`write_profiles`/`import_ratings`, which read and write
the files they are given.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .model import Article, InputProblem, Outlet
from .text import fold

LEANS = ("left", "lean-left", "center", "lean-right", "right")
UNKNOWN = "unknown outlet"
# Second-level labels under a country code that are not the publisher's name ("bbc.co.uk").
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "news", "or", "ne"}
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.", "edition.")
_FILE_NAME = re.compile(r"^[\w.-]+\.(?:txt|text|html?|xml|jsonl?|gz|warc|md|csv|rss|atom)$", re.I)
_DOMAIN = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.I)
_SMALL_WORDS = {"the", "of", "and", "for", "on", "in", "a", "an", "al", "el", "de", "la", "le"}
# All-lower or all-upper one-word names this short read as acronyms ("bbc", "FOX").
ACRONYM_MAX = 4
# In a name written all in capitals ("USA TODAY"), words that are abbreviations keep their
# capitals when the rest is title-cased: words without a vowel ("WKRN", "NY") and these.
_ABBREVIATIONS = frozenset("usa us uk eu un ap afp upi abc espn nasa aarp bet tv dc la pbs"
                           .split())
_VOWEL = re.compile(r"[aeiou]", re.I)


# --- names and domains --------------------------------------------------------------------


def host_of(url: str | None) -> str | None:
    """The host of an http(s) URL, lower-case, without "www." and similar prefixes."""
    if not url or not re.match(r"(?i)^https?://", url):
        return None
    host = url.split("//", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].lower().strip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    return host if _DOMAIN.match(host) else None


def domain_label(domain: str) -> str:
    """The registrable label of a host: "edition.cnn.com" -> "cnn", "bbc.co.uk" -> "bbc"."""
    parts = domain.lower().split(".")
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else parts[0]


def name_key(name: str) -> str:
    """What two spellings of one outlet share: folded, no leading "The", alphanumerics only."""
    words = fold(name).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words)


def display_name(name: str | None) -> str | None:
    """A name as shown: spaces collapsed; "fox"/"FOX" -> "FOX"; "THE DAILY POST" -> "The Daily
    Post"; mixed case kept as written. None for an empty value or a file name."""
    if not name:
        return None
    name = " ".join(name.split()).strip(" .,;:|-–—·")
    if not name or _FILE_NAME.match(name) or not re.search(r"[^\W\d_]", name):
        return None
    if name.islower() or name.isupper():
        if " " not in name and len(name) <= ACRONYM_MAX:
            return name.upper()
        if _DOMAIN.match(name) or (" " not in name and name.islower()):
            return name  # a domain or a blog's handle ("riverwatcher88") is kept as written
        return " ".join(_title_word(w, i) for i, w in enumerate(name.split()))
    return name


def _title_word(word: str, position: int) -> str:
    """One word of a name written all in one case, as shown: "TODAY" -> "Today", "of" stays
    lower after the first word, an abbreviation ("USA", "WKRN") keeps its capitals."""
    low = word.lower()
    if position and low in _SMALL_WORDS:
        return low
    letters = re.sub(r"[^a-z]", "", low)
    if word.isupper() and letters and (low in _ABBREVIATIONS or not _VOWEL.search(letters)):
        return word
    return low[:1].upper() + low[1:]


def outlet_label(article: Article) -> str:
    """One article's outlet as a short label, without the rest of the corpus: its name, else
    its URL's host, else "unknown outlet <id>" (never a file name). Across a corpus,
    `resolve_outlets` joins spellings and numbers the unknown ones."""
    return _label(article.outlet, article.url, article.source, article.id)


@lru_cache(maxsize=65536)
def _label(outlet: str | None, url: str | None, source: str, article_id: str) -> str:
    # Cached: the compare stage asks once per mention (20 us a call uncached).
    name = display_name(outlet)
    if name:
        return name
    host = host_of(url) or host_of(source)
    return host or f"{UNKNOWN} {article_id[:6]}"


# --- profiles -----------------------------------------------------------------------------


def parse_lean(value: Any) -> str | None:
    """A rating on the five-point scale, from the words ratings tables use ("Lean Left",
    "left-center", "Least Biased") or a number from -2 (left) to 2 (right). None when it
    says nothing we can place ("Mixed", "")."""
    if value is None:
        return None
    text = str(value).strip().lower()
    try:
        number = float(text)
    except ValueError:
        number = None
    if number is not None:
        return LEANS[round(number) + 2] if -2 <= number <= 2 else None
    text = text.replace("_", " ").replace("-", " ").replace("centre", "center")
    words = text.split()
    if not words:
        return None
    side = "left" if "left" in words else "right" if "right" in words else None
    if side is None:
        return "center" if {"center", "least", "neutral", "centrist"} & set(words) else None
    if {"lean", "leans", "leaning", "center", "moderate", "slight", "slightly"} & set(words):
        return f"lean-{side}"
    return side


def _profile(row: Mapping[str, Any], where: str) -> tuple[Outlet | None, str | None]:
    name = display_name(str(row.get("name") or ""))
    if not name:
        return None, f"{where}: no outlet name"
    raw_domains = row.get("domains") or []
    if isinstance(raw_domains, str):
        raw_domains = re.split(r"[\s,;]+", raw_domains)
    domains = []
    for d in raw_domains:
        host = host_of(str(d)) or host_of("https://" + str(d).strip().strip("/"))
        if host and host not in domains:
            domains.append(host)
    lean_raw = row.get("lean")
    lean = parse_lean(lean_raw)
    problem = None
    if lean_raw not in (None, "") and lean is None:
        problem = f"{where}: lean {lean_raw!r} is not on the five-point scale; left empty"
    return Outlet(id=outlet_id(name), name=name, domains=tuple(domains),
                  country=str(row["country"]) if row.get("country") else None, lean=lean,
                  owner=str(row["owner"]) if row.get("owner") else None,
                  lean_source=str(row["lean_source"]) if row.get("lean_source") else None,
                  known=True), problem


def load_profiles(path: str | Path | None) -> tuple[tuple[Outlet, ...], list[InputProblem]]:
    """Outlet profiles from a TOML (`[[outlet]]` tables) or CSV file; bad rows are skipped with
    one problem line each. No path: no profiles."""
    if not path:
        return (), []
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read outlet profiles ({exc.strerror})") from exc
    if p.suffix.lower() == ".csv":
        rows = list(csv.DictReader(raw.splitlines()))
    else:
        try:
            rows = list(tomllib.loads(raw).get("outlet", []))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{p}: not valid TOML ({exc})") from exc
    out: list[Outlet] = []
    problems: list[InputProblem] = []
    for n, row in enumerate(rows, 1):
        prof, problem = _profile({k.strip().lower(): v for k, v in row.items() if k}, f"row {n}")
        if problem:
            problems.append(InputProblem(str(p), problem))
        if prof is not None:
            out.append(prof)
    return tuple(out), problems


def _toml_value(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def write_profiles(path: str | Path, profiles: Iterable[Outlet]) -> None:
    """Write profiles as TOML (or CSV when the path ends in .csv), sorted by name."""
    p = Path(path)
    rows = sorted(profiles, key=lambda o: name_key(o.name))
    cols = ("name", "domains", "country", "lean", "owner", "lean_source")
    if p.suffix.lower() == ".csv":
        with p.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(cols)
            for o in rows:
                w.writerow([o.name, " ".join(o.domains), o.country or "", o.lean or "",
                            o.owner or "", o.lean_source or ""])
        return
    lines = ["# Outlet profiles (newsprism). lean: left, lean-left, center, lean-right, right.", ""]
    for o in rows:
        lines.append("[[outlet]]")
        for col in cols:
            value = getattr(o, col)
            if value not in (None, ()):
                lines.append(f"{col} = {_toml_value(list(value) if col == 'domains' else value)}")
        lines.append("")
    p.write_text("\n".join(lines), encoding="utf-8")


# Column names ratings tables use, mapped to our fields.
_COLUMNS = {
    "name": ("name", "outlet", "source", "news source", "news_source", "publication", "title"),
    "domains": ("domains", "domain", "url", "website", "site", "homepage"),
    "lean": ("lean", "bias", "rating", "bias rating", "bias_rating", "leaning", "media bias"),
    "country": ("country",),
    "owner": ("owner", "ownership", "parent"),
    "lean_source": ("lean_source", "rated by", "rating source"),
}


def import_ratings(table: str | Path, into: str | Path, source: str | None = None
                   ) -> tuple[int, int, list[InputProblem]]:
    """Merge a ratings CSV the user supplies into the profile file `into` (created if absent).
    Returns (added, updated, problems). A row matching a profile by name key or domain updates
    its lean, lean_source and any empty field; the rest are added."""
    t = Path(table)
    try:
        rows = list(csv.DictReader(t.read_text(encoding="utf-8-sig").splitlines()))
    except OSError as exc:
        raise ConfigError(f"{t}: cannot read the ratings table ({exc.strerror})") from exc
    if not rows:
        raise ConfigError(f"{t}: the ratings table has no rows")
    header = {h.strip().lower(): h for h in rows[0] if h}
    pick = {f: next((header[c] for c in names if c in header), None)
            for f, names in _COLUMNS.items()}
    if pick["name"] is None:
        raise ConfigError(f"{t}: no outlet name column (one of: {', '.join(_COLUMNS['name'])})")
    existing = list(load_profiles(into)[0]) if Path(into).exists() else []
    problems: list[InputProblem] = []
    added = updated = 0
    for n, row in enumerate(rows, 2):  # line 1 is the header
        data = {f: row.get(col) for f, col in pick.items() if col}
        data["lean_source"] = data.get("lean_source") or source or t.name
        prof, problem = _profile(data, f"line {n}")
        if problem:
            problems.append(InputProblem(str(t), problem))
        if prof is None:
            continue
        match = _match_profile(existing, prof.name, prof.domains)
        if match is None:
            existing.append(prof)
            added += 1
            continue
        i = existing.index(match)
        existing[i] = replace(match, lean=prof.lean or match.lean,
                              lean_source=prof.lean_source if prof.lean else match.lean_source,
                              domains=tuple(dict.fromkeys(match.domains + prof.domains)),
                              country=match.country or prof.country,
                              owner=match.owner or prof.owner)
        updated += 1
    write_profiles(into, existing)
    return added, updated, problems


class ProfileLookup:
    """Profiles found by domain (a host or any of its parent domains), by name key, or by a
    name key equal to a profile domain's label ("CNN" -> cnn.com): dictionaries built once,
    so matching a corpus against a long ratings list stays linear."""

    def __init__(self, profiles: Sequence[Outlet]) -> None:
        self.by_domain: dict[str, Outlet] = {}
        self.by_key: dict[str, Outlet] = {}
        self.by_label: dict[str, Outlet] = {}
        for prof in profiles:  # the first profile listed wins a clash
            self.by_key.setdefault(name_key(prof.name), prof)
            for d in prof.domains:
                self.by_domain.setdefault(d, prof)
                self.by_label.setdefault(domain_label(d), prof)

    def match(self, name: str | None, domains: Iterable[str]) -> Outlet | None:
        for d in domains:
            parts = d.split(".")
            for k in range(len(parts) - 1):  # "edition.cnn.com", then "cnn.com"
                if found := self.by_domain.get(".".join(parts[k:])):
                    return found
        key = name_key(name) if name else ""
        return (self.by_key.get(key) or self.by_label.get(key)) if key else None


def _match_profile(profiles: Sequence[Outlet], name: str | None,
                   domains: Iterable[str]) -> Outlet | None:
    return ProfileLookup(profiles).match(name, domains)


# --- one outlet per publisher across a corpus ---------------------------------------------


def outlet_id(name: str) -> str:
    """A readable, stable id: "o-" and the name's key ("The Daily Post" -> "o-dailypost")."""
    return "o-" + (name_key(name) or "x")[:40]


@dataclass(frozen=True, slots=True)
class OutletIndex:
    """The corpus's outlets and which article belongs to which."""

    outlets: tuple[Outlet, ...]
    by_article: Mapping[str, str]  # article id -> outlet id
    by_id: Mapping[str, Outlet]  # outlet id -> outlet

    def of(self, article_id: str) -> Outlet | None:
        oid = self.by_article.get(article_id)
        return self.by_id.get(oid) if oid else None

    def name_of(self, article_id: str) -> str:
        found = self.of(article_id)
        return found.name if found else UNKNOWN


def _fields(a: Article | Mapping[str, Any]) -> tuple[str, str | None, str | None, str | None,
                                                    str]:
    """(id, outlet, url, source, sort key) of an Article or its contract form."""
    if isinstance(a, Article):
        return a.id, a.outlet, a.url, a.source, f"{a.published or '9999'}|{a.id}"
    return (str(a.get("id")), a.get("outlet"), a.get("url"), a.get("source"),
            f"{a.get('published') or '9999'}|{a.get('id')}")


def resolve_outlets(articles: Iterable[Article | Mapping[str, Any]],
                    profiles: Sequence[Outlet] = ()) -> OutletIndex:
    """One `Outlet` per publisher (see the module docstring); unknown ones numbered in order of
    publication."""
    rows = sorted((_fields(a) for a in articles), key=lambda r: r[4])
    lookup = ProfileLookup(profiles)
    groups: dict[str, list[tuple[str, str | None, str | None]]] = {}  # key -> (id, name, host)
    unknown: list[str] = []
    for aid, raw_name, url, source, _ in rows:
        name = display_name(raw_name)
        host = host_of(url) or host_of(source)
        if name and _DOMAIN.match(name):
            host, name = host or name.lower(), None
        prof = lookup.match(name, [host] if host else [])
        key = ("p:" + prof.id if prof else name_key(name) if name else
               domain_label(host) if host else "")
        if not key:
            unknown.append(aid)
            continue
        groups.setdefault(key, []).append((aid, name, host))
    outlets: list[Outlet] = []
    by_article: dict[str, str] = {}
    by_pid = {"p:" + p.id: p for p in reversed(profiles)}  # the first listed wins, as above
    for key, members in groups.items():
        prof = by_pid.get(key)
        hosts = tuple(sorted({h for _, _, h in members if h}))
        if prof is not None:
            o = replace(prof, domains=tuple(dict.fromkeys(prof.domains + hosts)))
        else:
            names = Counter(n for _, n, _ in members if n)
            best = max(names, key=lambda n: (names[n], not (n.islower() or n.isupper()),
                                             len(n), n)) if names else hosts[0]
            o = Outlet(id=outlet_id(best) if names else "o-" + key, name=best, domains=hosts)
        outlets.append(o)
        by_article.update({aid: o.id for aid, _, _ in members})
    for n, aid in enumerate(unknown, 1):
        outlets.append(Outlet(id=f"unknown-{n}", name=f"{UNKNOWN} {n}", known=False))
        by_article[aid] = f"unknown-{n}"
    outlets.sort(key=lambda o: (not o.known, name_key(o.name) if o.known else int(o.id[8:])))
    return OutletIndex(tuple(outlets), by_article, {o.id: o for o in outlets})


# Below this many rated independent sources a one-sided story is too small to call a
# blindspot (two right-leaning reports of a local event say nothing about the left).
MIN_RATED_FOR_BLINDSPOT = 3
BLINDSPOT_SHARE = 0.8  # one side carries at least this share of the rated independent coverage
SIDES = {"left": ("left", "lean-left"), "right": ("right", "lean-right")}


def lean_coverage(article_ids: Sequence[str], index: OutletIndex, groups: Mapping[str, str],
                  published: Mapping[str, str | None]) -> tuple[dict[str, int], str | None]:
    """Independent coverage per lean, and the blindspot.

    Articles that share copy (`groups`: article id -> independent group, the reuse stage's
    rule) count once: under the lean of the group's first-published member whose outlet has
    one (the likeliest origin). Groups with no rated outlet are left out. The blindspot is the
    side ("left" or "right") that is missing: the other side carries at least
    `BLINDSPOT_SHARE` of the rated independent coverage, over at least
    `MIN_RATED_FOR_BLINDSPOT` of them. None when no side is missing or too few are rated."""
    members: dict[str, list[str]] = {}
    for aid in article_ids:
        members.setdefault(groups.get(aid, aid), []).append(aid)
    counts = dict.fromkeys(LEANS, 0)
    for ids in members.values():
        leans = [o.lean for i in sorted(ids, key=lambda i: (published.get(i) or "9999", i))
                 if (o := index.of(i)) is not None and o.lean is not None and o.lean in counts]
        if leans:
            counts[leans[0]] += 1
    total = sum(counts.values())
    blindspot = None
    if total >= MIN_RATED_FOR_BLINDSPOT:
        for missing, other in (("left", "right"), ("right", "left")):
            if sum(counts[k] for k in SIDES[other]) >= BLINDSPOT_SHARE * total:
                blindspot = missing
    return counts, blindspot


def outlet_json(o: Outlet) -> dict[str, Any]:
    """The contract form of one outlet (CONTRACT.md, fields added in newsprism/1)."""
    return {"id": o.id, "name": o.name, "domains": list(o.domains), "country": o.country,
            "lean": o.lean, "owner": o.owner, "lean_source": o.lean_source, "known": o.known}


__all__ = ["LEANS", "UNKNOWN", "OutletIndex", "display_name", "domain_label",
           "host_of", "import_ratings", "lean_coverage", "load_profiles", "name_key",
           "outlet_id", "outlet_json", "outlet_label", "parse_lean", "resolve_outlets",
           "write_profiles"]
