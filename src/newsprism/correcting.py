"""Making and undoing corrections on a store: the service the API, the pages and the CLI call.

A request names what the analyst sees (a story, a quote's key, a conflict's key, an entity's
name); `make_correction` checks it against the stored story as the pages show it, stores the
correction anchored to what outlives a re-analysis (corrections.py), and re-runs the analysis
of the stories it touches when it changes what the stages compute.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .corrections import (
    ANALYSIS_KINDS,
    KINDS,
    CorrectionError,
    StoryMissing,
    active,
    annotate,
    correction_json,
    finding_spans,
    quote_article,
    statuses,
    text_hash,
)
from .model import Correction, Story
from .settings import Settings
from .storage.corrections import add_correction, get_correction, list_corrections, undo_correction
from .storage.report import story_json
from .storage.store import Store

MAX_NAME = 200


@dataclass(slots=True)
class CorrectionRequest:
    """What an analyst asks for; which fields count depends on `kind` (see docs/web.md)."""

    kind: str
    story_id: str
    other_story_id: str | None = None
    article_ids: Sequence[str] = field(default_factory=tuple)
    key: str | None = None
    speaker: str | None = None
    entity: str | None = None
    other_entity: str | None = None
    aliases: Sequence[str] = field(default_factory=tuple)


def shown_story(story: Story, corrections: Sequence[Correction]) -> dict[str, Any]:
    """The story in the contract form with the corrections marked, as the pages show it."""
    data = story_json(story)
    annotate(data, corrections)
    return data


def _story(store: Store, sid: str) -> Story:
    story = store.story(sid)
    if story is None:
        raise StoryMissing(f"no such story: {sid[:80]}")
    return story


def _entity(data: dict[str, Any], name: str | None) -> dict[str, Any]:
    for e in data["entities"]:
        if name in (e["id"], e["name"]):
            return e  # type: ignore[no-any-return]
    raise CorrectionError(f"no entity {str(name)[:80]!r} in this story")


def _resolve(store: Store, req: CorrectionRequest, current: Sequence[Correction]
             ) -> tuple[str, Any, set[str]]:
    """(target, value, article ids whose stories must be analysed again) for `req`."""
    story = _story(store, req.story_id)
    members = list(story.article_ids)
    if req.kind == "story.merge":
        other = _story(store, req.other_story_id or "")
        if other.id == story.id:
            raise CorrectionError("a story cannot be merged with itself")
        return story.id, {"article_ids": members,
                          "merge_article_ids": list(other.article_ids)}, \
            set(members) | set(other.article_ids)
    if req.kind == "story.split":
        ids = sorted(set(req.article_ids))
        if not ids or not set(ids) <= set(members):
            raise CorrectionError("choose one or more of this story's articles to split out")
        if len(ids) == len(members):
            raise CorrectionError("splitting out every article leaves the story as it is")
        return story.id, {"article_ids": ids}, set(members)
    data = shown_story(story, current)
    if req.kind == "quote.speaker":
        quote = next((q for q in data["quotes"] if q["key"] == req.key), None)
        if quote is None:
            raise CorrectionError(f"no quote {str(req.key)[:80]!r} in this story")
        speaker = " ".join((req.speaker or "").split())[:MAX_NAME] or None
        return quote["key"], {"speaker": speaker, "text_hash": text_hash(quote["text"]),
                              "story_id": story.id}, {quote["article_id"]}
    if req.kind in ("conflict.wrong", "consensus.wrong"):
        items = data["conflicts" if req.kind == "conflict.wrong" else "consensus"]
        item = next((x for x in items if x["key"] == req.key), None)
        if item is None:
            raise CorrectionError(f"no such {req.kind.split('.')[0]} in this story")
        if item.get("wrong"):
            raise CorrectionError("already marked wrong (undo that correction instead)")
        what = {"about": item["about"], "kind": item["kind"]} if req.kind == "conflict.wrong" \
            else {"text": item["text"][:300]}
        return item["key"], what | {"story_id": story.id,
                                    "spans": [list(x) for x in finding_spans(item)]}, set()
    if req.kind == "entity.merge":
        keep, gone = _entity(data, req.entity), _entity(data, req.other_entity)
        if keep is gone:
            raise CorrectionError("an entity cannot be merged with itself")
        return story.id, {"article_ids": members, "names": [keep["name"], gone["name"]]}, set()
    if req.kind == "entity.split":
        entity = _entity(data, req.entity)
        aliases = sorted(set(req.aliases))
        if not aliases or not set(aliases) <= set(entity["aliases"]):
            raise CorrectionError("choose one or more of the entity's other names to split off")
        return story.id, {"article_ids": members, "name": entity["name"],
                          "aliases": aliases}, set()
    raise CorrectionError(f"unknown correction kind {req.kind[:40]!r}; one of {', '.join(KINDS)}")


def _rerun(store: Store, settings: Settings, ids: set[str]) -> None:
    from .service import update_stories

    if ids:
        update_stories(store, settings, rerun=ids)


def make_correction(store: Store, settings: Settings, req: CorrectionRequest) -> Correction:
    """Check, store and apply one correction; raises CorrectionError saying what is wrong."""
    if req.kind not in KINDS:
        raise CorrectionError(f"unknown correction kind {req.kind[:40]!r}; "
                              f"one of {', '.join(KINDS)}")
    current = list_corrections(store, include_undone=False)
    target, value, ids = _resolve(store, req, current)
    if req.kind in ANALYSIS_KINDS and ids - store.processed_ids(sorted(ids)):
        # Re-running the stages without the articles' facts would empty their findings.
        raise CorrectionError("this store holds no extracted facts for these articles (it was "
                              "filled from a saved report): this correction needs a store "
                              "made by `newsprism analyze --db`")
    correction = add_correction(store, req.kind, target, value)
    if req.kind in ANALYSIS_KINDS:
        _rerun(store, settings, ids)
    return correction


def affected_articles(c: Correction) -> set[str]:
    if c.kind == "quote.speaker":
        return {quote_article(c.target)}
    if c.kind in ("story.merge", "story.split"):
        return set(c.value.get("article_ids", ())) | set(c.value.get("merge_article_ids", ()))
    return set()


def undo(store: Store, settings: Settings, cid: str) -> Correction | None:
    """Undo `cid` (kept, marked undone) and re-run what it had changed. None: no such id."""
    before = get_correction(store, cid)
    if before is None:
        return None
    done = undo_correction(store, cid)
    if not before.undone and before.kind in ANALYSIS_KINDS:
        _rerun(store, settings, affected_articles(before) & set(store.article_ids()))
    return done


def corrections_report(store: Store) -> list[dict[str, Any]]:
    """Every correction with its status against the stored stories ("applied", "stale",
    "undone")."""
    all_ = list_corrections(store)
    live = active(all_)
    applied: set[str] = set()
    if live:
        for story in store.stories_full():
            applied |= annotate(story_json(story), live)
    state = statuses(all_, applied)
    return [correction_json(c, state[c.id]) for c in all_]
