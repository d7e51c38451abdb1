"""Analysts' corrections: what each kind means, and applying them to a re-analysis.

A correction is anchored to what survives a re-analysis, never to a story id alone (a story's id
is its first article's, so it changes when an earlier article joins):

- `story.merge`: target the story id it was made on; value `{"article_ids": [...],
  "merge_article_ids": [...]}` (the two stories' articles).
- `story.split`: target the story id; value `{"article_ids": [...]}`: these become one story.
- `quote.speaker`: target the quote key `article:start:end`; value `{"speaker": str or null,
  "text_hash": str, "story_id": str}` (the hash finds the quote if its offsets moved).
- `conflict.wrong`: target the conflict key (`conflict_key`); value `{"about", "story_id"}`.
- `consensus.wrong`: target the consensus key; value `{"text", "story_id"}`.
- `entity.merge`: target the story id; value `{"article_ids": [...], "names": [keep, other]}`.
- `entity.split`: target the story id; value `{"article_ids": [...], "name": str,
  "aliases": [...]}`: those names of the entity become an entity of their own.

Two layers apply them. The analysis layer changes what the stages compute: story merges and
splits re-shape the clusters after clustering (`apply_to_stories`), and speaker corrections
change the quotes in the facts the story stages read (`apply_to_facts`), so entities,
attribution conflicts and the summary follow them. The report layer (`annotate`) marks every
corrected finding in the contract form (`corrections`, `wrong`, `key` fields), applies entity
merges and splits, and tells which corrections found no target ("stale": kept, never dropped).

Example (fictional): an analyst merges the two stories on the Lakeside bridge vote; a later
run adding a third article on it keeps the merged story, and the merge stays listed as applied.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .model import Article, ArticleFacts, Conflict, Consensus, Correction, Quote, Story
from .stories.ids import first_key, story_id
from .stories.title import story_title
from .text import stable_id

STORY_KINDS = ("story.merge", "story.split")
KINDS = (*STORY_KINDS, "quote.speaker", "conflict.wrong", "consensus.wrong",
         "entity.merge", "entity.split")
# Kinds that change what the stages compute: making or undoing one re-runs the analysis.
ANALYSIS_KINDS = (*STORY_KINDS, "quote.speaker")


class CorrectionError(ValueError):
    """A correction that cannot be made (unknown kind, target not found, bad value)."""


class StoryMissing(CorrectionError):
    """The story a correction names is not in the store."""


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def text_hash(text: str) -> str:
    return hashlib.sha1(_fold(text).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def quote_key(article_id: str, start: int, end: int) -> str:
    return f"{article_id}:{start}:{end}"


def quote_article(key: str) -> str:
    """The article of a quote key (`quote_key`): article ids may hold colons, offsets not."""
    return key.rsplit(":", 2)[0]


def conflict_key(kind: str, about: str, values: Iterable[str]) -> str:
    """Stable across runs: the kind, what it is about and the set of versions' values (not
    their articles, which grow as articles join)."""
    return stable_id("conflict", kind, _fold(about), *sorted(_fold(v) for v in values))


def key_of_conflict(c: Conflict | Mapping[str, Any]) -> str:
    if isinstance(c, Conflict):
        return conflict_key(c.kind, c.about, [v.value for v in c.versions])
    return conflict_key(c["kind"], c["about"], [v["value"] for v in c["versions"]])


def key_of_consensus(c: Consensus | Mapping[str, Any]) -> str:
    text = c.text if isinstance(c, Consensus) else c["text"]
    return stable_id("consensus", _fold(text))


def active(corrections: Iterable[Correction]) -> list[Correction]:
    """Corrections in force, oldest first (a later one acts on what an earlier one left)."""
    return sorted((c for c in corrections if not c.undone), key=lambda c: (c.made, c.id))


# -- the analysis layer ---------------------------------------------------------------------


def _story(members: Sequence[Article], related: tuple[Any, ...] = ()) -> Story:
    first = min(members, key=first_key)
    return Story(id=story_id(first.id), title=story_title(members, {}),
                 article_ids=tuple(sorted(a.id for a in members)), related=related)


def apply_to_stories(stories: Sequence[Story], articles: Sequence[Article],
                     corrections: Iterable[Correction]) -> tuple[Story, ...]:
    """The clusters after the story merges and splits, in the order they were made. A merge
    joins every story holding an article of either side; a split takes its articles out into
    one story of their own. Stories not touched come back as they were; a reshaped one gets
    the id and title the clustering stage would give its members."""
    by_id = {a.id: a for a in articles}
    groups: list[list[str]] = [list(s.article_ids) for s in stories]
    kept = {tuple(sorted(s.article_ids)): s for s in stories}
    for c in active(corrections):
        if c.kind == "story.merge":
            ids = set(c.value.get("article_ids", ())) | set(c.value.get("merge_article_ids", ()))
            hit = [g for g in groups if ids.intersection(g)]
            if len(hit) > 1:
                groups = [g for g in groups if not ids.intersection(g)] + \
                    [[i for g in hit for i in g]]
        elif c.kind == "story.split":
            ids = {i for i in c.value.get("article_ids", ()) if i in by_id}
            if ids:
                rest = [[i for i in g if i not in ids] for g in groups]
                groups = [g for g in rest if g] + [sorted(ids)]
    out = []
    for g in groups:
        key = tuple(sorted(g))
        if key in kept:
            out.append(kept[key])
        else:
            out.append(_story([by_id[i] for i in key if i in by_id]))
    return tuple(sorted(out, key=lambda s: s.id))


def _corrected_quote(q: Quote, speaker: str | None) -> Quote:
    if speaker is None:
        return dataclasses.replace(q, speaker=None, speaker_entity=None, speaker_text=None,
                                   speaker_start=None, speaker_end=None,
                                   speaker_confidence=None)
    return dataclasses.replace(q, speaker=speaker, speaker_entity=None, speaker_confidence=1.0)


def find_quote(quotes: Iterable[Quote], target: str, value: Mapping[str, Any]
               ) -> Quote | None:
    """The quote a speaker correction is about: by its offsets, else (text cleaned again) by
    its article and text."""
    qs = list(quotes)
    for q in qs:
        if quote_key(q.article_id, q.start, q.end) == target:
            return q
    article = quote_article(target)
    wanted = value.get("text_hash")
    for q in qs:
        if wanted and q.article_id == article and text_hash(q.text) == wanted:
            return q
    return None


def corrected_articles(corrections: Iterable[Correction]) -> set[str]:
    """The articles whose facts `apply_to_facts` may change."""
    return {quote_article(c.target) for c in active(corrections) if c.kind == "quote.speaker"}


def apply_to_facts(facts: Mapping[str, ArticleFacts], corrections: Iterable[Correction]
                   ) -> dict[str, ArticleFacts]:
    """`facts` with each corrected quote's speaker set (or cleared) as the analyst said."""
    out = dict(facts)
    for c in active(corrections):
        if c.kind != "quote.speaker":
            continue
        article = quote_article(c.target)
        f = out.get(article)
        if f is None:
            continue
        q = find_quote(f.quotes, c.target, c.value)
        if q is None:
            continue
        fixed = _corrected_quote(q, c.value.get("speaker"))
        out[article] = dataclasses.replace(
            f, quotes=tuple(fixed if x is q else x for x in f.quotes))
    return out



# -- the report layer -----------------------------------------------------------------------


def _merge_entities(story: dict[str, Any], keep: dict[str, Any], other: dict[str, Any],
                    cid: str) -> None:
    keep["aliases"] = sorted({other["name"], *other["aliases"], *keep["aliases"]}
                             - {keep["name"]})
    keep["article_ids"] = sorted(set(keep["article_ids"]) | set(other["article_ids"]))
    keep["mentions"] = sorted(keep.get("mentions", []) + other.get("mentions", []),
                              key=lambda m: (m["article_id"], m["start"], m["end"]))
    keep.setdefault("corrections", []).append(cid)
    story["entities"] = [e for e in story["entities"] if e is not other]
    for q in story["quotes"]:
        if q.get("speaker_entity") == other["id"]:
            q["speaker_entity"] = keep["id"]
    for f in story.get("framing", []):
        if f.get("entity") == other["id"]:
            f["entity"] = keep["id"]


def _split_entity(story: dict[str, Any], entity: dict[str, Any], aliases: Sequence[str],
                  cid: str) -> None:
    moved = set(aliases)
    mentions = entity.get("mentions", [])
    out = [m for m in mentions if m["text"] in moved]
    if not out and not moved.intersection(entity["aliases"]):
        return
    name = sorted(moved)[0]
    new = {"id": stable_id(entity["id"], "split", *sorted(moved)), "name": name,
           "type": entity["type"], "aliases": sorted(moved - {name}),
           "article_ids": sorted({m["article_id"] for m in out}), "mentions": out,
           "corrections": [cid]}
    entity["aliases"] = [a for a in entity["aliases"] if a not in moved]
    entity["mentions"] = [m for m in mentions if m["text"] not in moved]
    entity["article_ids"] = sorted({m["article_id"] for m in entity["mentions"]}) \
        or entity["article_ids"]
    entity.setdefault("corrections", []).append(cid)
    story["entities"].append(new)


def _entity_named(story: dict[str, Any], name: str) -> dict[str, Any] | None:
    for e in story["entities"]:
        if e["name"] == name:
            return e
    for e in story["entities"]:
        if name in e["aliases"]:
            return e
    return None


def annotate(story: dict[str, Any], corrections: Iterable[Correction]) -> set[str]:
    """Mark `story` (the contract form, changed in place) with the corrections that act on it
    (their ids in the story's `corrections`); returns the ids of those that found their
    target here. Every quote, conflict and
    consensus item gets its `key` (what a correction names); a corrected one gets
    `corrections` (ids), and a wrong-marked conflict or consensus item `wrong: true`: it is
    kept, shown struck through, never dropped."""
    found: set[str] = set()
    members = set(story.get("article_ids", ()))
    story.setdefault("corrections", [])
    for q in story.get("quotes", []):
        q["key"] = quote_key(q["article_id"], q["start"], q["end"])
    for c in story.get("conflicts", []):
        c["key"] = key_of_conflict(c)
        c.setdefault("wrong", False)
    for c in story.get("consensus", []):
        c["key"] = key_of_consensus(c)
        c.setdefault("wrong", False)
    for c in active(corrections):
        if c.kind in STORY_KINDS:
            ids = set(c.value.get("article_ids", ())) | set(c.value.get("merge_article_ids", ()))
            hit = bool(ids.intersection(members))
            if hit:
                story["corrections"].append(c.id)
        elif c.kind == "quote.speaker":
            hit = _annotate_speaker(story, c)
        elif c.kind in ("conflict.wrong", "consensus.wrong"):
            hit = _annotate_wrong(story, c)
        elif c.kind in ("entity.merge", "entity.split"):
            hit = _annotate_entity(story, c, members)
        else:
            hit = False
        if hit:
            found.add(c.id)
    return found


def _annotate_speaker(story: dict[str, Any], c: Correction) -> bool:
    quotes = [_quote_of(q) for q in story.get("quotes", [])]
    hit = find_quote(quotes, c.target, c.value)
    if hit is None:
        return False
    q = story["quotes"][quotes.index(hit)]
    speaker = c.value.get("speaker")
    q["speaker"] = speaker
    match = _entity_named(story, speaker) if speaker else None
    q["speaker_entity"] = match["id"] if match else None
    if speaker is None:
        q["speaker_confidence"] = None
    q.setdefault("corrections", []).append(c.id)
    story["corrections"].append(c.id)
    return True


def _annotate_wrong(story: dict[str, Any], c: Correction) -> bool:
    items = story.get("conflicts" if c.kind == "conflict.wrong" else "consensus", [])
    hits = [x for x in items if x["key"] == c.target] or \
        [x for x in items if _same_evidence(c, x)][:1]
    for item in hits:
        item["wrong"] = True
        item.setdefault("corrections", []).append(c.id)
        story["corrections"].append(c.id)
    return bool(hits)


def _annotate_entity(story: dict[str, Any], c: Correction, members: set[str]) -> bool:
    if not members.intersection(c.value.get("article_ids", ())):
        return False
    if c.kind == "entity.merge":
        keep_name, other_name = (list(c.value.get("names", [])) + ["", ""])[:2]
        keep, other = _entity_named(story, keep_name), _entity_named(story, other_name)
        if keep is None or other is None or keep is other:
            return False
        _merge_entities(story, keep, other, c.id)
    else:
        entity = _entity_named(story, c.value.get("name", ""))
        if entity is None:
            return False
        before = len(story["entities"])
        _split_entity(story, entity, c.value.get("aliases", []), c.id)
        if len(story["entities"]) == before:
            return False
    story["corrections"].append(c.id)
    return True


def finding_spans(item: Mapping[str, Any]) -> list[tuple[str, int, int]]:
    """A conflict's (all versions') or a consensus item's evidence spans, as sorted triples."""
    spans = [sp for v in item.get("versions", []) for sp in v.get("spans", [])] \
        if "versions" in item else list(item.get("spans", []))
    return sorted({(sp["article_id"], sp["start"], sp["end"]) for sp in spans})


def _same_evidence(c: Correction, item: Mapping[str, Any]) -> bool:
    """A wrong-mark's finding re-worded by a later run (an article joined and its `about` or
    wording changed, so its key did): the same kind, resting on at least all the spans the
    marked one rested on (article texts and their offsets do not change)."""
    marked = {tuple(x) for x in c.value.get("spans", ())}
    if not marked or c.value.get("kind", item.get("kind")) != item.get("kind"):
        return False
    return marked <= {tuple(x) for x in finding_spans(item)}


def _quote_of(q: Mapping[str, Any]) -> Quote:
    return Quote(id=q.get("id", ""), article_id=q["article_id"], start=q["start"],
                 end=q["end"], text=q["text"], kind=q.get("kind", "direct"))


def correction_json(c: Correction, status: str | None = None) -> dict[str, Any]:
    """The report's `corrections[]` entry; `status` is "applied", "stale" (its target was not
    found in this analysis: kept, not dropped) or "undone"."""
    return {"id": c.id, "kind": c.kind, "target": c.target, "value": c.value, "made": c.made,
            "undone": c.undone} | ({"status": status} if status else {})


def statuses(corrections: Sequence[Correction], applied: set[str]) -> dict[str, str]:
    return {c.id: "undone" if c.undone else "applied" if c.id in applied else "stale"
            for c in corrections}
