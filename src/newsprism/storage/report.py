"""The public JSON report: exactly the CONTRACT.md form (schema "newsprism/1"), plus added
fields. Outside programs read this; names and meanings never change without a schema bump."""

from __future__ import annotations

from typing import Any

from .. import SCHEMA
from ..model import Article, Report, Reuse, Story
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


def story_json(s: Story) -> dict[str, Any]:
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
        "framing": [{"entity": f.entity, "by_outlet": {o: list(t) for o, t in f.by_outlet},
                     "spans": to_data(f.spans)} for f in s.framing],
        "tones": [to_data(t) for t in s.tones],
        "summary": [to_data(x) for x in s.summary],
        "timeline": [to_data(t) for t in s.timeline],
        "related": [{"story_id": r.story_id, "relation": r.relation} for r in s.related],
    }


def report_json(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "articles": [article_json(a) for a in report.articles],
        "reuse": [reuse_json(r) for r in report.reuse],
        "stories": [story_json(s) for s in report.stories],
        "problems": [{"source": p.source, "reason": p.reason} for p in report.problems],
    }
