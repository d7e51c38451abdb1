"""The public JSON report: exactly the CONTRACT.md form (schema "newsprism/1"), plus added
fields. Outside programs read this; names and meanings never change without a schema bump."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from .. import SCHEMA
from ..corrections import annotate, correction_json, statuses
from ..model import Article, Outlet, Report, Reuse, Story
from ..outlets import (
    UNKNOWN,
    OutletIndex,
    lean_coverage,
    outlet_json,
    outlet_label,
    resolve_outlets,
)
from ..reuse.index import independent_groups
from .codec import to_data


def article_json(a: Article) -> dict[str, Any]:
    return {"id": a.id, "source": a.source, "outlet": a.outlet, "title": a.title,
            "byline": a.byline, "published": a.published, "text": a.text,
            "word_count": a.word_count, "url": a.url, "language": a.language}


def reuse_json(r: Reuse) -> dict[str, Any]:
    return {"a": r.a, "b": r.b, "share_a": round(r.share_a, 4), "share_b": round(r.share_b, 4),
            "origin": r.origin, "origin_basis": r.origin_basis,
            "near_duplicate": r.near_duplicate,
            "passages": [{"a_start": p.a_start, "a_end": p.a_end, "b_start": p.b_start,
                          "b_end": p.b_end, "edits": [to_data(e) for e in p.edits]}
                         for p in r.passages]}


@dataclass(frozen=True, slots=True)
class ArticleNames:
    """What every story of one report reads of all its articles, made once per report (made
    per story, it cost the whole corpus once per story: time with the square of its size)."""

    names: dict[str, str]  # each article's own outlet_label -> its outlet entity's name
    unknown: dict[str, str]  # of them, the unnamed labels the report numbers differently
    published: dict[str, str | None]  # article id -> publish time


def article_names(outlets: OutletIndex | None, articles: Sequence[Article]) -> ArticleNames:
    names = {outlet_label(a): outlets.name_of(a.id) for a in articles} if outlets else {}
    return ArticleNames(names, {k: v for k, v in names.items()
                                if k.startswith(UNKNOWN) and k != v},
                        {a.id: a.published for a in articles})


def story_json(s: Story, outlets: OutletIndex | None = None,
               articles: Sequence[Article] = (), reuse: Sequence[Reuse] = (),
               shared: ArticleNames | None = None) -> dict[str, Any]:
    """A story in the contract form; with `outlets`, framing's per-outlet keys (each article's
    own `outlet_label`) become the outlet entities' names, and `lean_coverage` and `blindspot`
    are added (outlets.lean_coverage; copies of one text count once). `shared`: the report's
    `article_names(outlets, articles)`, made once for all its stories (then `reuse` may be
    only the story's own pairs: the others are not read)."""
    if shared is None:
        shared = article_names(outlets, articles)
    names, unknown = shared.names, shared.unknown

    def told(items: Sequence[Any]) -> list[dict[str, Any]]:
        """Summary and timeline sentences naming an unnamed outlet by the story-free label
        (`outlet_label`) name it by the report's numbered one instead."""
        out = [to_data(x) for x in items]
        for x in out:
            for old, new in unknown.items():
                x["text"] = x["text"].replace(old, new)
        return out
    return {
        "id": s.id, "title": s.title, "article_ids": list(s.article_ids),
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                      "article_ids": list(e.article_ids),
                      "mentions": [{"article_id": m.article_id, "start": m.start, "end": m.end,
                                    "text": m.text} for m in e.mentions]}
                     for e in s.entities],
        "quotes": [to_data(q) for q in s.quotes],
        "claims": [to_data(c) for c in s.claims],
        "conflicts": [to_data(c) for c in s.conflicts],
        "consensus": [to_data(c) for c in s.consensus],
        "exclusives": [to_data(x) for x in s.exclusives],
        "framing": [{"entity": f.entity, "by_outlet": _by_outlet(f.by_outlet, names),
                     "spans": to_data(f.spans)} for f in s.framing],
        "tones": [to_data(t) | {"outlet": names.get(t.outlet, t.outlet)} for t in s.tones],
        "summary": told(s.summary),
        "timeline": told(s.timeline),
        "related": [{"story_id": r.story_id, "relation": r.relation} for r in s.related],
    } | (_lean(s, outlets, shared.published, reuse) if outlets else {})


def _by_outlet(by_outlet: Sequence[tuple[str, Sequence[str]]], names: dict[str, str]
               ) -> dict[str, list[str]]:
    """Framing terms per outlet entity: two spellings the compare stage kept apart ("Fox",
    "FOX") are one outlet here, their terms joined in order without repeats."""
    out: dict[str, list[str]] = {}
    for label, terms in by_outlet:
        merged = out.setdefault(names.get(label, label), [])
        merged.extend(t for t in terms if t not in merged)
    return out


def _lean(s: Story, outlets: OutletIndex, published: dict[str, str | None],
          reuse: Sequence[Reuse]) -> dict[str, Any]:
    groups = independent_groups(s.article_ids, reuse)
    counts, blindspot = lean_coverage(s.article_ids, outlets, groups, published)
    return {"lean_coverage": counts, "blindspot": blindspot}


def with_outlets(articles: Sequence[Article], profiles: Sequence[Outlet] = ()
                 ) -> tuple[OutletIndex, list[dict[str, Any]]]:
    """The articles' outlet entities, and the articles' contract form with `outlet_id` and
    `outlet` set to the entity's name (so "fox" and "FOX" read as one outlet; null when none
    was recovered: the neutral label is in `outlets[]`, never passed off as a name)."""
    index = resolve_outlets(articles, profiles)
    rows = []
    for a in articles:
        row = article_json(a)
        outlet = index.of(a.id)
        row["outlet_id"] = outlet.id if outlet else None
        row["outlet"] = outlet.name if outlet and outlet.known else None  # null: no name found
        rows.append(row)
    return index, rows


def report_parts(report: Report, profiles: Sequence[Outlet] = ()
                 ) -> Iterator[tuple[str, Any]]:
    """The report's top-level keys in order, each with its value; the big lists (articles,
    reuse, stories) as iterators that make one element at a time, so a writer need not hold
    the whole report as one value (`write_report_json`)."""
    index, articles = with_outlets(report.articles, profiles)
    shared = article_names(index, report.articles)
    yield "schema", SCHEMA
    yield "articles", iter(articles)
    yield "outlets", [outlet_json(o) for o in index.outlets]
    yield "reuse", (reuse_json(r) for r in report.reuse)
    by_article: dict[str, list[Reuse]] = {}
    for r in report.reuse:
        by_article.setdefault(r.a, []).append(r)

    def own_reuse(s: Story) -> list[Reuse]:
        members = set(s.article_ids)
        return [r for i in s.article_ids for r in by_article.get(i, ()) if r.b in members]

    applied: set[str] = set()

    def story_out(s: Story) -> dict[str, Any]:
        data = story_json(s, index, report.articles, own_reuse(s), shared)
        if report.corrections:  # a store's analysts' corrections, marked on the findings
            applied.update(annotate(data, report.corrections))
        return data

    def corrections_out() -> Iterator[dict[str, Any]]:
        state = statuses(report.corrections, applied)  # runs once every story is out
        for c in report.corrections:
            yield correction_json(c, state[c.id])

    yield "stories", (story_out(s) for s in report.stories)
    yield "problems", [{"source": p.source, "reason": p.reason} for p in report.problems]
    if report.corrections:
        yield "corrections", corrections_out()


def report_json(report: Report, profiles: Sequence[Outlet] = ()) -> dict[str, Any]:
    return {key: value if isinstance(value, (str, list)) else list(value)
            for key, value in report_parts(report, profiles)}


def write_report_json(report: Report, out: IO[str], profiles: Sequence[Outlet] = ()) -> None:
    """`json.dumps(report_json(report, profiles), ensure_ascii=False, indent=1) + "\n"`,
    written element by element: the same text, without the whole report as one value in
    memory (for a big corpus it was several times the input's size, issue 23). JSON escapes
    every newline inside a string, so indenting an element's lines is exact."""
    out.write("{")
    first = True
    for key, value in report_parts(report, profiles):
        out.write(("\n" if first else ",\n") + " " + json.dumps(key, ensure_ascii=False) + ": ")
        first = False
        if isinstance(value, str):
            out.write(json.dumps(value, ensure_ascii=False))
            continue
        empty = True
        for item in value:
            out.write(("[\n  " if empty else ",\n  ")
                      + json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  "))
            empty = False
        out.write("[]" if empty else "\n ]")
    out.write("\n}\n" if not first else "}\n")
