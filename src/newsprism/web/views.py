"""View models for the pages: contract-form dicts (report.py's JSON) in, plain dicts out.

The app and the single-file report both go through here, so a story looks the same served or
saved. Everything works on the CONTRACT.md form so the page never depends on how the store
keeps its rows. Nothing here builds HTML: Jinja2 (autoescaping) does, so untrusted text from
articles (titles, outlets, bodies) only ever reaches the page as escaped text.

Long because every page's view model shares the span-marking helpers; to be split per page with the
web/ rework (issue 19).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..outlets import resolve_outlets
from .graph import copy_graph

Json = dict[str, Any]

# Mark kinds, in the order their classes are listed (CSS decides what shows on top).
KINDS = ("contested", "consensus", "exclusive", "quote", "speaker", "reused", "edit", "loaded",
         "entity", "fact", "cited")
# Quiet by default: only what an analyst must not miss is highlighted when a page opens;
# the legend's boxes turn the rest on. A citation lights its evidence whatever is hidden.
LOUD = ("contested", "edit")
QUIET = " ".join(f"hide-{k}" for k in KINDS if k not in LOUD)
LEAN_LABELS = {"left": "Left", "lean-left": "Lean left", "center": "Center",
               "lean-right": "Lean right", "right": "Right"}


def ev_key(index: int, start: int, end: int) -> str:
    """An HTML id for one stretch of evidence: only digits and letters we choose, never text
    from the article, so ids cannot carry markup."""
    return f"a{index}-{start}-{end}"


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    kind: str
    key: str
    note: str = ""


@dataclass(slots=True)
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # keys whose stretch starts here
    notes: list[str] = field(default_factory=list)

    @property
    def cls(self) -> str:
        return " ".join(f"m-{k}" for k in KINDS if k in self.kinds)


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Cut `text` at every mark boundary; each piece knows the marks covering it. Offsets out of
    range are clamped and empty marks dropped (a bad finding must not break the page)."""
    n = len(text)
    good: list[Mark] = []
    for m in marks:
        s, e = max(0, min(m.start, n)), max(0, min(m.end, n))
        if s < e:
            good.append(Mark(s, e, m.kind, m.key, m.note))
    cuts = sorted({0, n, *(m.start for m in good), *(m.end for m in good)})
    out: list[Segment] = []
    starts: dict[int, list[Mark]] = {}
    for m in good:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        seg = Segment(text[a:b])
        seen_anchor: set[str] = set()
        for m in active:
            if m.kind not in seg.kinds:
                seg.kinds.append(m.kind)
            if m.key not in seg.keys:
                seg.keys.append(m.key)
            if m.note and m.note not in seg.notes:
                seg.notes.append(m.note)
            if m.start == a and m.key not in seen_anchor:
                seen_anchor.add(m.key)
                seg.anchors.append(m.key)
        out.append(seg)
    return out


def outlet_names(articles: Sequence[Json], outlets: Sequence[Json] = ()) -> dict[str, str]:
    """Article id -> the name of its outlet entity: from the report's `outlets[]` by
    `outlet_id` when given, else resolved here (outlets.resolve_outlets); never a file name."""
    by_id = {o["id"]: o["name"] for o in outlets}
    names = {a["id"]: by_id[a["outlet_id"]] for a in articles if a.get("outlet_id") in by_id}
    rest = [a for a in articles if a["id"] not in names]
    if rest:
        index = resolve_outlets(rest)
        names.update({a["id"]: index.name_of(a["id"]) for a in rest})
    return names


class StoryView:
    """Everything the story page (and the report's story section) shows."""

    def __init__(self, story: Json, articles: Sequence[Json], reuse: Sequence[Json],
                 prefix: str = "", article_url: Callable[[str], str] | None = None,
                 outlets: Sequence[Json] = ()) -> None:
        # `prefix` keeps ids apart when several stories share one page (the saved report).
        self.prefix = prefix
        self.article_url = article_url
        by_id = {a["id"]: a for a in articles}
        self.story = story
        self.articles = [by_id[i] for i in story.get("article_ids", []) if i in by_id]
        self.names = outlet_names(self.articles, outlets)
        self.articles.sort(key=lambda a: (a.get("published") or "9999", self.name(a), a["id"]))
        self.index = {a["id"]: i + 1 for i, a in enumerate(self.articles)}
        self.reuse = [r for r in reuse if r["a"] in self.index and r["b"] in self.index]
        self.outlets: list[str] = []
        for a in self.articles:
            if self.name(a) not in self.outlets:
                self.outlets.append(self.name(a))
        self.entities = {e["id"]: e for e in story.get("entities", [])}
        self.marks: dict[str, list[Mark]] = {a["id"]: [] for a in self.articles}
        self._collect_marks()

    def name(self, a: Json) -> str:
        """The article's outlet as shown: the outlet entity's name."""
        return self.names[a["id"]]

    # -- evidence ------------------------------------------------------------------------

    def key(self, article_id: str, start: int | None, end: int | None) -> str:
        i = self.index.get(article_id, 0)
        if start is None or end is None:
            return f"{self.prefix}src{i}"
        return self.prefix + ev_key(i, int(start), int(end))

    def _add(self, article_id: str, start: Any, end: Any, kind: str, note: str = "") -> str:
        if article_id not in self.marks or start is None or end is None:
            return self.key(article_id, None, None)
        k = self.key(article_id, start, end)
        self.marks[article_id].append(Mark(int(start), int(end), kind, k, note))
        return k

    def _collect_marks(self) -> None:  # noqa: C901  (one case per report part that marks a span)
        s = self.story
        for c in s.get("conflicts", []):
            for v in c.get("versions", []):
                for sp in v.get("spans", []):
                    self._add(sp["article_id"], sp["start"], sp["end"], "contested",
                              f"Contested ({c.get('kind')}): {c.get('about')} — {v.get('value')}")
        contested = {(sp["article_id"], int(sp["start"]), int(sp["end"]))
                     for c in s.get("conflicts", []) for v in c.get("versions", [])
                     for sp in v.get("spans", [])}
        for c in s.get("consensus", []):
            for sp in c.get("spans", []):
                if c.get("disputed") or self._overlaps_contested(sp, contested):
                    # Agreed wording, disputed attribution or content: never painted as agreed;
                    # the mark stays (plain) so links to this evidence still land.
                    self._add(sp["article_id"], sp["start"], sp["end"], "cited",
                              "Carried by several outlets, but disputed")
                    continue
                self._add(sp["article_id"], sp["start"], sp["end"], "consensus",
                          f"Consensus: {len(c.get('article_ids', []))} articles, "
                          f"{c.get('independent_sources', 0)} independent")
        for x in s.get("exclusives", []):
            if x.get("kind", "exclusive") == "exclusive":
                self._add(x["article_id"], x.get("start"), x.get("end"), "exclusive",
                          "Only this outlet reports this")
        for q in s.get("quotes", []):
            who = q.get("speaker") or "unknown speaker"
            self._add(q["article_id"], q.get("start"), q.get("end"), "quote",
                      f"Quote ({q.get('kind')}), attributed to {who}")
            if q.get("speaker_start") is not None:
                self._add(q["article_id"], q.get("speaker_start"), q.get("speaker_end"),
                          "speaker", f"Speaker: {who}")
        for r in self.reuse:
            for p in r.get("passages", []):
                self._add(r["a"], p["a_start"], p["a_end"], "reused",
                          f"Shared with {self.label(r['b'])}")
                self._add(r["b"], p["b_start"], p["b_end"], "reused",
                          f"Shared with {self.label(r['a'])}")
                for e in p.get("edits", []):
                    if e.get("a_end"):
                        self._add(r["a"], e["a_start"], e["a_end"], "edit",
                                  f"{self.label(r['b'])} has: {e.get('b')}")
                    if e.get("b_end"):
                        self._add(r["b"], e["b_start"], e["b_end"], "edit",
                                  f"{self.label(r['a'])} has: {e.get('a')}")
        for t in s.get("tones", []):
            for sp in t.get("spans", []):
                self._add(sp["article_id"], sp["start"], sp["end"], "loaded",
                          f"Loaded term ({t.get('outlet')})")
        for part in ("summary", "timeline"):
            for item in s.get(part, []):
                for sp in item.get("spans", []):
                    self._add(sp["article_id"], sp["start"], sp["end"], "cited", "Cited")

    @staticmethod
    def _overlaps_contested(span: Json, contested: set[tuple[str, int, int]]) -> bool:
        """Whether a consensus span touches a contested one in the same article."""
        aid, start, end = span["article_id"], int(span["start"]), int(span["end"])
        return any(a == aid and s < end and start < e for a, s, e in contested)

    def add_entity_marks(self) -> None:
        """Names, numbers and dates: only on the article page, where there is room for them."""
        for e in self.story.get("entities", []):
            for m in e.get("mentions", []):
                self._add(m["article_id"], m["start"], m["end"], "entity",
                          f"{e.get('name')} ({e.get('type')})")
        for c in self.story.get("claims", []):
            for q in c.get("quantities", []):
                rng = q.get("low") if q.get("low") == q.get("high") else \
                    f"{q.get('low')}–{q.get('high') if q.get('high') is not None else '…'}"
                self._add(q["article_id"], q["start"], q["end"], "fact",
                          f"Number: {rng} {q.get('unit') or ''}".strip())
            for d in c.get("dates", []):
                self._add(d["article_id"], d["start"], d["end"], "fact",
                          f"Date: {d.get('date')}" + (f" ({d['event']})" if d.get("event")
                                                      else ""))

    def label(self, article_id: str) -> str:
        for a in self.articles:
            if a["id"] == article_id:
                return f"[{self.index[article_id]}] {self.name(a)}"
        return article_id

    def cites(self, article_ids: Iterable[str], spans: Iterable[Json] = ()) -> list[Json]:
        """One citation per article: a link to the first stretch of evidence in it."""
        first: dict[str, Json] = {}
        spans = list(spans)
        for x in spans:
            first.setdefault(x["article_id"], x)
        out = []
        for aid in sorted(set(article_ids) | set(first),
                          key=lambda i: (self.index.get(i, 99999), i)):
            if aid not in self.index:
                continue
            sp: Json | None = first.get(aid)
            keys = [self.key(aid, x["start"], x["end"]) for x in spans if x["article_id"] == aid]
            out.append({"n": self.index[aid], "article_id": aid, "outlet": self.label(aid),
                        "src": f"{self.prefix}src{self.index[aid]}",
                        "key": self.key(aid, sp["start"], sp["end"]) if sp else
                        self.key(aid, None, None), "evkeys": " ".join(keys)})
        return out

    # -- sections ------------------------------------------------------------------------

    def sources(self) -> list[Json]:
        return [{"n": self.index[a["id"]], "id": a["id"], "outlet": self.name(a),
                 "anchor": f"{self.prefix}src{self.index[a['id']]}",
                 "href": (self.article_url(a["id"]) if self.article_url
                          else f"#{self.prefix}src{self.index[a['id']]}"),
                 "title": a.get("title") or "(untitled)", "published": a.get("published"),
                 "byline": a.get("byline"), "word_count": a.get("word_count", 0),
                 "url": _web_url(a.get("url")),
                 "segments": segments(a.get("text") or "", self.marks[a["id"]])}
                for a in self.articles]

    def summary(self) -> list[Json]:
        return [{"text": x["text"], "role": x.get("role", "consensus"),
                 "cites": self.cites(x.get("article_ids", []), x.get("spans", []))}
                for x in self.story.get("summary", [])]

    def timeline(self) -> list[Json]:
        return [{"date": t["date"], "text": t["text"],
                 "background": bool(t.get("background", False)),
                 "cites": self.cites(t.get("article_ids", []), t.get("spans", []))}
                for t in sorted(self.story.get("timeline", []), key=lambda t: t["date"])]

    def _outlet_cells(self, article_ids: Iterable[str],
                      spans: Sequence[Json]) -> list[Json | None]:
        cites = {c["article_id"]: c for c in self.cites(article_ids, spans)}
        cells: list[Json | None] = []
        for o in self.outlets:
            hit = [c for aid, c in cites.items() if self.name(self._art(aid)) == o]
            cells.append(hit[0] if hit else None)
        return cells

    def _art(self, aid: str) -> Json:
        return next(a for a in self.articles if a["id"] == aid)

    def matrix(self) -> list[Json]:
        """Rows: consensus items, conflict versions, exclusives, omissions; one cell an outlet."""
        s = self.story
        rows: list[Json] = []
        for c in s.get("consensus", []):
            rows.append({"kind": "consensus", "text": c["text"], "wrong": bool(c.get("wrong")),
                         "detail": f"{c.get('independent_sources', 0)} independent",
                         "cells": self._outlet_cells(c.get("article_ids", []), c.get("spans", []))})
        for c in s.get("conflicts", []):
            for v in c.get("versions", []):
                rows.append({"kind": "contested", "text": v["value"],
                             "wrong": bool(c.get("wrong")),
                             "detail": f"{c.get('kind')}: {c.get('about')}",
                             "cells": self._outlet_cells(v.get("article_ids", []),
                                                         v.get("spans", []))})
        for x in s.get("exclusives", []):
            if x["article_id"] not in self.index:
                continue
            sp = ([{"article_id": x["article_id"], "start": x["start"], "end": x["end"]}]
                  if x.get("start") is not None and x.get("end") is not None else [])
            kind = x.get("kind", "exclusive")
            rows.append({"kind": "omission" if kind == "omission" else "exclusive",
                         "text": x["text"],
                         "detail": "left out by this outlet" if kind == "omission"
                         else "only this outlet",
                         "cells": self._outlet_cells([x["article_id"]], sp)})
        return rows

    def quotes(self) -> list[Json]:
        disputes: list[tuple[Json, Json]] = []
        for c in self.story.get("conflicts", []):
            if c.get("kind") == "attribution":
                for v in c.get("versions", []):
                    disputes.append((c, v))
        rows = []
        for q in self.story.get("quotes", []):
            flag = None
            for c, v in disputes:
                for sp in v.get("spans", []):
                    if (sp["article_id"] == q["article_id"] and sp["start"] < q["end"]
                            and q["start"] < sp["end"]):
                        others = [w["value"] for w in c["versions"] if w is not v]
                        flag = (f"Attribution disputed: here {v['value']}; elsewhere "
                                f"{', '.join(others)}")
            rows.append({"speaker": q.get("speaker") or "—", "text": q["text"],
                         "kind": q.get("kind"), "flag": flag,
                         "corrected": bool(q.get("corrections")),
                         "cite": self.cites([q["article_id"]], [q])[0]
                         if q["article_id"] in self.index else None})
        rows.sort(key=lambda r: (r["flag"] is None, r["speaker"].lower(),
                                 r["cite"]["n"] if r["cite"] else 0))
        return rows

    def findings(self, article_id: str, article_url: Callable[[str], str] | None = None
                 ) -> dict[str, list[Json]]:
        """What the story's findings say about one article, for the article page's side panel.
        Every link points at a stretch of *this* article (its anchors are on the page), and
        "elsewhere" names the other articles with a link to each one's own stretch."""
        url = article_url or self.article_url or (lambda aid: "")
        s = self.story
        quotes = [q for q in self.quotes() if q["cite"] and q["cite"]["article_id"] == article_id]
        conflicts = []
        for c in s.get("conflicts", []):
            for v in c.get("versions", []):
                if article_id not in v.get("article_ids", []):
                    continue
                here = [sp for sp in v.get("spans", []) if sp["article_id"] == article_id]
                key = self.key(article_id, here[0]["start"], here[0]["end"]) if here else None
                others = [{"value": w.get("value"), "where": self._elsewhere(w, url)}
                          for w in c.get("versions", []) if w is not v]
                conflicts.append({"about": c.get("about"), "kind": c.get("kind"),
                                  "value": v.get("value"), "key": key, "others": others})
        exclusive = [{"text": x["text"], "kind": x.get("kind", "exclusive"),
                      "key": self.key(article_id, x["start"], x["end"])
                      if x.get("start") is not None and x.get("end") is not None else None}
                     for x in s.get("exclusives", []) if x["article_id"] == article_id]
        return {"quotes": quotes, "conflicts": conflicts, "exclusives": exclusive}

    def _elsewhere(self, version: Json, url: Callable[[str], str]) -> list[Json]:
        """The articles holding one version: a label and a link to that article's evidence."""
        out = []
        spans = version.get("spans", [])
        for aid in version.get("article_ids", []):
            if aid not in self.index:
                continue
            sp = next((x for x in spans if x["article_id"] == aid), None)
            anchor = self.key(aid, sp["start"], sp["end"]) if sp else self.key(aid, None, None)
            out.append({"label": self.label(aid), "href": f"{url(aid)}#{anchor}"})
        return out

    def framing(self) -> list[Json]:
        rows = []
        for f in self.story.get("framing", []):
            ent = self.entities.get(f["entity"], {})
            by = f.get("by_outlet", {})
            term_sets = [set(by.get(o, [])) for o in self.outlets if by.get(o)]
            common = set.intersection(*term_sets) if term_sets else set()
            cells = []
            for o in self.outlets:
                terms = by.get(o)
                cells.append(None if not terms else
                             [{"term": t, "distinct": t not in common} for t in terms])
            rows.append({"name": ent.get("name", f["entity"]), "type": ent.get("type", ""),
                         "cells": cells, "varies": any(len(t) > len(common) for t in term_sets)})
        rows.sort(key=lambda r: (not r["varies"], r["name"].lower()))
        return rows

    def tones(self) -> list[Json | None]:
        by = {t["outlet"]: t for t in self.story.get("tones", [])}
        out: list[Json | None] = []
        for o in self.outlets:
            t = by.get(o)
            if t is None:
                out.append(None)
                continue
            tone = float(t.get("tone", 0.0))
            out.append({"tone": tone, "terms": t.get("loaded_terms", []),
                        "cls": "neg" if tone < -0.05 else "pos" if tone > 0.05 else "neutral"})
        return out

    def copies(self) -> list[Json]:
        """Reuse pairs as 'copier took from origin', with the edits side by side."""
        out = []
        for r in sorted(self.reuse, key=lambda r: -max(r["share_a"], r["share_b"])):
            src, dst = (r["a"], r["b"]) if r.get("origin") != r["b"] else (r["b"], r["a"])
            flip = src != r["a"]
            edits = []
            for p in r.get("passages", []):
                for e in p.get("edits", []):
                    src_sp = (e.get("b_start"), e.get("b_end")) if flip else (e.get("a_start"),
                                                                               e.get("a_end"))
                    dst_sp = (e.get("a_start"), e.get("a_end")) if flip else (e.get("b_start"),
                                                                              e.get("b_end"))
                    edits.append({"from": e.get("b") if flip else e.get("a"),
                                  "to": e.get("a") if flip else e.get("b"),
                                  "from_key": _span_key(self, src, src_sp),
                                  "to_key": _span_key(self, dst, dst_sp)})
            out.append({"origin": self.label(src) if r.get("origin") else None,
                        "from": self.label(src), "to": self.label(dst),
                        "from_n": self.index[src], "to_n": self.index[dst],
                        "share": r["share_a"] if flip else r["share_b"],
                        "basis": r.get("origin_basis"), "near_duplicate": r.get("near_duplicate"),
                        "passages": len(r.get("passages", [])), "edits": edits})
        return out

    def graph(self) -> Json:
        nodes = [{"n": self.index[a["id"]], "label": self.name(a)} for a in self.articles]
        edges = [{"src": c["from_n"], "dst": c["to_n"], "directed": c["origin"] is not None,
                  "share": c["share"]} for c in self.copies()]
        return copy_graph(nodes, edges)

    def lean(self) -> Json | None:
        """The lean bar: independent coverage per lean (report `lean_coverage`), widths in %,
        and the blindspot. None when no outlet of the story has a rated lean."""
        return lean_bar(self.story)

    def counts(self) -> Json:
        s = self.story
        return {"articles": len(self.articles), "outlets": len(self.outlets),
                "conflicts": len(s.get("conflicts", [])), "quotes": len(s.get("quotes", [])),
                "consensus": len(s.get("consensus", [])),
                "exclusives": sum(1 for x in s.get("exclusives", [])
                                  if x.get("kind", "exclusive") == "exclusive"),
                "reuse": len(self.reuse),
                "undated": sum(1 for a in self.articles if not a.get("published"))}

    def context(self) -> Json:
        """All sections, for the story template."""
        return {"story": self.story, "p": self.prefix, "sources": self.sources(),
                "summary": self.summary(),
                "matrix": self.matrix(), "outlets": self.outlets, "quotes": self.quotes(),
                "framing": self.framing(), "tones": self.tones(), "copies": self.copies(),
                "graph": self.graph(), "timeline": self.timeline(), "counts": self.counts(),
                "lean": self.lean(),
                "dates": _date_range(self.articles)}


def _span_key(view: StoryView, article_id: str, span: tuple[Any, Any]) -> str | None:
    """A key only for a real stretch: an insertion has nothing to point at."""
    start, end = span
    if start is None or end is None or int(end) <= int(start):
        return None
    return view.key(article_id, start, end)


def lean_bar(story: Json) -> Json | None:
    """A story's `lean_coverage` as bar parts (label, count, x and width in %) and its
    blindspot; None when no outlet of the story has a rated lean."""
    counts = story.get("lean_coverage") or {}
    total = sum(int(v) for v in counts.values())
    if not total:
        return None
    parts: list[Json] = [{"lean": k, "label": LEAN_LABELS[k], "n": int(counts.get(k, 0)),
              "pct": round(100 * int(counts.get(k, 0)) / total, 1)}
             for k in LEAN_LABELS if counts.get(k)]
    x = 0.0
    for p in parts:  # SVG geometry: the page's CSP allows no inline style
        p["x"] = round(x, 1)
        x += p["pct"]
    return {"parts": parts, "total": total, "blindspot": story.get("blindspot")}


def _web_url(url: Any) -> str | None:
    """An http(s) URL to link to; anything else (a file path, "javascript:") is not shown:
    the server's paths stay off the pages."""
    return str(url) if isinstance(url, str) and url.lower().startswith(("http://", "https://")) \
        else None


def _date_range(articles: Sequence[Json]) -> str:
    days = sorted(str(a["published"])[:10] for a in articles if a.get("published"))
    if not days:
        return "undated"
    return days[0] if days[0] == days[-1] else f"{days[0]} – {days[-1]}"


def story_row(story: Json, articles: Sequence[Json], outlets: Sequence[Json] = ()) -> Json:
    """The story list's row, from the report form (the app uses Store.stories instead)."""
    by_id = {a["id"]: a for a in articles}
    mine = [by_id[i] for i in story.get("article_ids", []) if i in by_id]
    names = outlet_names(mine, outlets)
    days = sorted(str(a["published"])[:10] for a in mine if a.get("published"))
    return {"id": story["id"], "title": story.get("title") or "(untitled)",
            "n_articles": len(mine), "first_published": days[0] if days else None,
            "last_published": days[-1] if days else None,
            "n_conflicts": len(story.get("conflicts", [])),
            "n_quotes": len(story.get("quotes", [])),
            "outlets": sorted(set(names.values())), "lean": lean_bar(story)}
