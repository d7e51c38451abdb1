"""The public JSON report: exactly the CONTRACT.md form (schema "newsprism/1"), plus added
fields. Outside programs read this; names and meanings never change without a schema bump."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from .. import SCHEMA
from ..corrections import annotate, correction_json, statuses
from ..model import Article, Entity, Outlet, Report, Reuse, Story
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
    return made(Fields(story_parts(s, outlets, articles, reuse, shared)))


def story_parts(s: Story, outlets: OutletIndex | None = None,
                articles: Sequence[Article] = (), reuse: Sequence[Reuse] = (),
                shared: ArticleNames | None = None) -> Iterator[tuple[str, Any]]:
    """`story_json`'s keys in order, each with its value; the lists that grow with the story's
    text (entities, quotes, claims, conflicts, consensus, ...) as iterators that make one item
    at a time, so a writer need not hold the story as one value (issue 23: on a few long
    articles one story's contract form was 3.4 times its JSON in objects)."""
    if shared is None:
        shared = article_names(outlets, articles)
    names, unknown = shared.names, shared.unknown

    def told(items: Sequence[Any]) -> Iterator[dict[str, Any]]:
        """Summary and timeline sentences naming an unnamed outlet by the story-free label
        (`outlet_label`) name it by the report's numbered one instead."""
        for item in items:
            x = to_data(item)
            for old, new in unknown.items():
                x["text"] = x["text"].replace(old, new)
            yield x
    yield "id", s.id
    yield "title", s.title
    yield "article_ids", list(s.article_ids)
    yield "entities", (Fields(_entity_parts(e)) for e in s.entities)
    for key in ("quotes", "claims", "conflicts", "consensus", "exclusives"):
        yield key, (to_data(x) for x in getattr(s, key))
    yield "framing", ({"entity": f.entity, "by_outlet": _by_outlet(f.by_outlet, names),
                       "spans": to_data(f.spans)} for f in s.framing)
    yield "tones", (to_data(t) | {"outlet": names.get(t.outlet, t.outlet)} for t in s.tones)
    yield "summary", told(s.summary)
    yield "timeline", told(s.timeline)
    yield "related", ({"story_id": r.story_id, "relation": r.relation} for r in s.related)
    if outlets:
        yield from _lean(s, outlets, shared.published, reuse).items()


def _entity_parts(e: Entity) -> Iterator[tuple[str, Any]]:
    """A story entity's keys; its mentions (as many as its names in the story's text) made one
    at a time."""
    yield "id", e.id
    yield "name", e.name
    yield "type", e.type
    yield "aliases", list(e.aliases)
    yield "article_ids", list(e.article_ids)
    yield "mentions", ({"article_id": m.article_id, "start": m.start, "end": m.end,
                        "text": m.text} for m in e.mentions)


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

    def story_out(s: Story) -> Fields | dict[str, Any]:
        parts = Fields(story_parts(s, index, report.articles, own_reuse(s), shared))
        if not report.corrections:
            return parts
        data = made(parts)  # a store's analysts' corrections, marked on the findings
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
    return made(Fields(report_parts(report, profiles)))


class Fields:
    """A JSON object given as its (key, value) pairs in order, made as they are read (the
    report's and each story's parts); a value that is an iterator is a JSON list made one item
    at a time. Read once."""

    __slots__ = ("pairs",)

    def __init__(self, pairs: Iterator[tuple[str, Any]]) -> None:
        self.pairs = pairs


def made(value: Any) -> Any:
    """`value` with every `Fields` made a dict and every iterator a list (the plain value the
    writer's text is `json.dumps` of)."""
    if isinstance(value, Fields):
        return {key: made(v) for key, v in value.pairs}
    if isinstance(value, Iterator):
        return [made(v) for v in value]
    return value


def write_report_json(report: Report, out: IO[str], profiles: Sequence[Outlet] = ()) -> None:
    """`json.dumps(report_json(report, profiles), ensure_ascii=False, indent=1) + "\n"`,
    written element by element: the same text, without the whole report, or one whole story,
    as one value in memory (issue 23: for a big corpus the report was several times the
    input's size; one story of a few long articles, dumped whole with `indent`, held some 7
    times its JSON as pieces of text). JSON escapes every newline inside a string, so
    indenting an element's lines is exact."""
    write_json(Fields(report_parts(report, profiles)), out)
    out.write("\n")


def write_json(value: Any, out: IO[str], level: int = 0) -> None:
    """`json.dumps(made(value), ensure_ascii=False, indent=1)` as it would stand `level` deep,
    written to `out`: each `Fields` pair and each iterator's item in turn, and any other value
    dumped whole."""
    if isinstance(value, Fields | Iterator):
        whole = isinstance(value, Fields)
        opened, closed = ("{", "}") if whole else ("[", "]")
        pad = "\n" + " " * (level + 1)
        first = True
        for item in (value.pairs if isinstance(value, Fields) else value):
            out.write((opened if first else ",") + pad)
            first = False
            if whole:
                key, item = item
                out.write(json.dumps(key, ensure_ascii=False) + ": ")
            write_json(item, out, level + 1)
        out.write(opened + closed if first else "\n" + " " * level + closed)
        return
    text = json.dumps(value, ensure_ascii=False, indent=1)
    out.write(text.replace("\n", "\n" + " " * level) if level else text)
