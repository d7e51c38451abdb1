"""Which stories an update to a store re-clusters, and which stored story rows it changes.

Called by `service.update_stories` after the reuse step. Two ways (stories/incremental.py
has the rule and its reasons):

- whole: every stored article re-clustered (`pipeline` stage "stories"), the batch result;
  the first run on a store, and each consolidation (`incremental.needs_full`);
- local: the arrived articles attached to the stored stories they reach, which stay whole
  (a story changes only when a new article joins it or bridges it to another); the stories
  holding an article whose reuse pairs changed or that a correction names (`forced`) are
  analysed again with their members as stored; every other story keeps its stored row.

Either way the analysts' story merges and splits (corrections.py) reshape the result. A
correction's articles are always inside one stored story (every update applies them), so a
local update, which takes whole stored stories, applies them to the stories it re-clusters.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .corrections import apply_to_stories
from .memlog import release_memory
from .model import Article, ArticleFacts, Correction, Reuse, Story
from .pipeline import stage_function
from .settings import Settings
from .stories.cluster import FramesOf, IdfBasis
from .stories.features import RawFeatures
from .stories.features_stored import (
    FEATURES_KEY,
    Packed,
    Vocab,
    day_windows,
    feature_row,
    frame_of_row,
    frame_row,
    frames_key,
    raw_of,
    stored_reach,
)
from .stories.ids import successors
from .stories.incremental import LocalUpdate, attach_reached, needs_full, reuse_reach
from .stories.shared import forget as forget_shared_pairs

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from .storage.store import Store

LeanOf = Callable[[Sequence[str] | None], list[ArticleFacts]]  # ids (None: all) -> lean facts


@dataclass(frozen=True, slots=True)
class Regroup:
    """What re-clustering decided: the stories to analyse and write (`changed`), the stored
    ids to drop, where retired ids now live, the number of stories after, how many stored
    stories were re-clustered, whether that was all of them (`full`), and the store's size at
    its last whole re-cluster (this one's, when `full`)."""

    changed: list[Story]
    removed: list[str]
    redirects: dict[str, str]
    total: int
    reclustered: int
    full: bool
    full_articles: int
    write_features: Callable[[Connection], None] | None = None


def regroup_stories(store: Store, articles: Sequence[Article], lean_of: LeanOf,
                    reuse: Sequence[Reuse], settings: Settings, arrived: set[str],
                    touched: set[str], corrections: Sequence[Correction] = (),
                    loose: set[str] | None = None,
                    pairs: Collection[tuple[str, str]] | None = None,
                    frames: Mapping[str, Mapping[str, tuple[str, str]]] | None = None
                    ) -> Regroup:
    """Re-cluster the whole store when the consolidation rule asks for it, else only the
    stories `arrived` articles reach and those holding a `touched` article. Under the local
    rule a re-clustered story whose members are as stored and none of whose articles is
    `touched` keeps its stored row, title included. `loose`: articles a correction made or
    undone names; their stories are placed again, not kept whole (`local_update`).
    `lean_of`: the stored lean facts of some articles (or of all). The stored clustering
    features (stories/features_stored.py) are brought up to date either way, and written with
    the stories (`Regroup.write_features`). `pairs`: the reuse pairs (a, b) this update
    added, changed or dropped; given, a story with its stored members (and title) is
    analysed again only when one of them lies inside it or it holds a `loose` article, as
    the story stages read only the pairs between a story's own articles (without: when it
    holds a `touched` article). `frames`: event frames of arrived articles made where they
    were parsed, by frames key (`features_stored.parsed_frames`); those of this update's key
    are used as a stored one would be (and stored), instead of parsing the articles here,
    by a local update and a whole re-cluster alike."""
    before = store.story_members()
    # A store written before the rule was re-clustered whole by every update: its stories
    # are the batch result over the articles stored before this update.
    recorded = store.full_articles()
    counted = recorded if recorded is not None else len(articles) - len(arrived)
    full = needs_full(len(articles), counted, bool(before), settings.story_consolidate_share)
    if full:
        lean = lean_of(None)
        features = _Features.read(store, articles, _picked(lean))
        features.parsed = frames or {}
        stories: tuple[Story, ...] = apply_to_stories(
            tuple(stage_function("stories")(articles, lean, reuse, settings,
                                            frames_of=features.frames_of(store, settings),
                                            raws_of=features.raws)),
            articles, corrections)
        titles = store.story_titles() if before else {}
        replaced: frozenset[str] = frozenset(before)
    else:
        features = _Features.read(store, articles, lean_of)
        features.parsed = frames or {}
        local = _local(store, features, articles, lean_of, reuse, settings, before, arrived,
                       touched, loose or set())
        subset = {i for s in local.stories for i in s.article_ids}
        stories = apply_to_stories(local.stories, [a for a in articles if a.id in subset],
                                   corrections)
        replaced, titles = local.replaced, {}
    features.clustered()
    # What the reuse and clustering steps made and dropped, back to the system before the
    # story stages (90 MB the allocator kept, on the 10k store's steps alone; docs/scale.md).
    release_memory()
    inputs = _inputs_changed(touched, loose or set(), pairs)
    changed = [s for s in stories
               if before.get(s.id) != tuple(sorted(s.article_ids))
               or (full and titles.get(s.id) != s.title)
               or inputs(s.article_ids)]
    new_ids = {s.id for s in stories}
    removed = [k for k in sorted(replaced) if k not in new_ids]
    redirects = successors({k: before[k] for k in removed}, stories)
    return Regroup(changed, removed, redirects, len(before) - len(replaced) + len(stories),
                   len(replaced), full, len(articles) if full else counted, features.write)


def expects_local(store: Store, adding: Sequence[Article], settings: Settings) -> bool:
    """Whether the update that stores `adding` will attach them to the stored stories
    (`needs_full` false), guessed before they are parsed: only then does it read their
    event frames (a whole re-cluster parses every article's frame itself), so only then are
    they worth making where they are parsed (`runner.base.process_batch`). A wrong guess
    (articles that fail, at the consolidation bound) changes no result: a frame not made is
    parsed by the update, one made and not read is dropped. Since round 12 the line asks
    for the frames on every run (a whole re-cluster reads the workers' frames too)."""
    counts = store.counts()
    recorded = store.full_articles()
    counted = recorded if recorded is not None else counts["articles"] - counts["pending"]
    return not needs_full(counts["articles"] + len(adding), counted, counts["stories"] > 0,
                          settings.story_consolidate_share)


def _inputs_changed(touched: set[str], loose: set[str],
                    pairs: Collection[tuple[str, str]] | None) -> Callable[[Sequence[str]], bool]:
    """Whether the story stages of a story with these members read something this update
    changed (see `regroup_stories`)."""
    def holds(ids: Sequence[str]) -> bool:
        if pairs is None:
            return bool(touched.intersection(ids))
        members = set(ids)
        return bool(loose & members) or any(a in members and b in members for a, b in pairs)
    return holds


def lean_reader(store: Store, fresh_facts: Mapping[str, ArticleFacts] | None
                ) -> tuple[LeanOf, list[float]]:
    """Stored lean facts (of some ids; None: all), and the seconds spent reading them: an
    update reads only those of the stories it reaches. `fresh_facts`: full facts the caller
    holds (cut down, not read)."""
    spent = [0.0]

    def lean_of(ids: Sequence[str] | None) -> list[ArticleFacts]:
        t = time.perf_counter()
        found = store.lean_facts(known=fresh_facts, ids=ids)
        spent[0] += time.perf_counter() - t
        return found
    return lean_of, spent


def save_features(store: Store, settings: Settings | None = None) -> int:
    """Make and store the clustering features of every stored article that lacks them and is
    not pending (what the first update on a store from before them does in its commit; a
    benchmark does it ahead, `throughput.py incremental --features-first`). Returns how many.
    With `settings`, also the event frames of every such article without one (updates make
    them as they reach stories)."""
    pending = set(store.pending_ids())
    articles = [a for a in store.articles() if a.id not in pending]
    lean_of, _ = lean_reader(store, None)
    features = _Features.read(store, articles, lean_of)
    if settings is not None:
        lean = {f.article_id: f for f in lean_of(None)}
        ordered = sorted(articles, key=lambda a: a.id)
        features.frames_of(store, settings)(
            ordered, [lean.get(a.id) or ArticleFacts(article_id=a.id) for a in ordered])
    with store.engine.begin() as conn:
        features.write(conn)
    return len(features.made)


def _picked(lean: Sequence[ArticleFacts]) -> LeanOf:
    by_id = {f.article_id: f for f in lean}

    def pick(ids: Sequence[str] | None) -> list[ArticleFacts]:
        return list(lean) if ids is None else [by_id[i] for i in ids if i in by_id]
    return pick


def _local(store: Store, features: _Features, articles: Sequence[Article], lean_of: LeanOf,
           reuse: Sequence[Reuse], settings: Settings, before: dict[str, tuple[str, ...]],
           arrived: set[str], touched: set[str], loose: set[str]) -> LocalUpdate:
    """`incremental.local_update` from the stored features: the same stories, but only the
    rows the arrived articles' time windows reach are read, and only the lean facts of the
    stories they reach."""
    from .storage import story_features

    new = [p for p in features.made if p.article_id in arrived]
    stored: list[Packed] = []
    if new:
        with store.engine.connect() as conn:
            stored = [_unpack(r) for r in story_features.rows(
                conn, day_windows(new, settings.story_window_days))]
    others = [p for p in features.made if p.article_id not in arrived]
    reached = stored_reach(new, stored + others, features.vocab, settings.story_threshold,
                           settings.story_window_days)
    reached |= reuse_reach(reuse, settings.story_threshold, arrived)
    reached -= arrived
    story_of = {i: sid for sid, ids in before.items() for i in ids}
    wanted = set(arrived) | {i for sid in {story_of[i] for i in reached | touched | loose
                                           if i in story_of} for i in before[sid]}
    df, event_df = features.vocab.basis_maps()
    subset = [a for a in articles if a.id in wanted]
    raws, facts_for, undated = _stored_raws(store, features, subset, settings)
    read = facts_for | arrived
    leads = (undated - read) | dated_to_read(subset, read | undated)
    lean = lean_of(sorted(read)) + features.leads_of(store, leads, subset, lean_of)
    return attach_reached(subset, lean, reuse, settings,
                          IdfBasis(df, event_df, features.vocab.n), before, arrived, reached,
                          touched, loose, features.frames_of(store, settings), raws)


def dated_to_read(subset: Sequence[Article], read: set[str]) -> set[str]:
    """The dated articles of `subset` whose lead `attach` reads after all: every one not
    `read`, once an article without a publish day is among them. The rules that weigh a
    pair one of which is undated (`undated.evidence_against`: month-days, weekdays and
    headline names; `undoing`, `ahead`) read both articles' leads, mentions and dates, and a
    dated article's unread facts counted as stating nothing: a new undated report joined a
    story that the derived features (`incremental.local_update`, which reads every
    article's facts) keep apart. What they read is the lead stored with the article's row
    (`_Features.leads_of`); the rest of a dated article with a stored frame `attach`
    reads from its stored row and frame."""
    from .stories.cluster import published_day

    if all(published_day(a) is not None for a in subset):
        return set()
    return {a.id for a in subset if a.id not in read and published_day(a) is not None}


def _stored_raws(store: Store, features: _Features, subset: Sequence[Article],
                 settings: Settings) -> tuple[dict[str, RawFeatures], set[str], set[str]]:
    """The raw features of `subset` from their stored rows (`features_stored.raw_of`), the
    articles whose lean facts `attach` still reads (those without a stored frame, parsed
    from their headline and lead, or without a row), and those of the others that have no
    publish day: `attach` reads their lead (`leadcut.lead_cut`: their event day may be a
    date it states, `cluster.event_day`), and after them, maybe, the leads of
    `dated_to_read`."""
    from .storage import story_features
    from .stories.cluster import published_day

    ids = [a.id for a in subset]
    rows = {p.article_id: p for p in features.made}
    key = frames_key(settings.spacy_model, settings.spacy_fast_rules)
    with store.engine.connect() as conn:
        rows.update((r[0], _unpack(r)) for r in story_features.rows_of(
            conn, [i for i in ids if i not in rows]))
        framed = set(story_features.frames(conn, key, ids))
    raws = {a.id: raw_of(rows[a.id], features.vocab.names, a.title)
            for a in subset if a.id in rows}
    facts_for = {a.id for a in subset if a.id not in raws or a.id not in framed}
    return raws, facts_for, {a.id for a in subset if published_day(a) is None}


def _lead_json(article: Article, facts: ArticleFacts) -> str:
    """An article's lead (`leadcut.lead_cut`) as `story_features.story_leads` keeps it."""
    from .storage.codec import to_data
    from .storage.store import storable_text
    from .stories.leadcut import lead_cut

    return storable_text(json.dumps(to_data(lead_cut(article, facts)), ensure_ascii=False,
                                    sort_keys=True))


def _unpack(row: tuple[str, float | None, bool, bytes, bytes, bytes]) -> Packed:
    import numpy as np

    aid, day, dated, ids, counts, actors = row
    return Packed(aid, day, dated, np.frombuffer(ids, "<i8"), np.frombuffer(counts, "<f8"),
                  np.frombuffer(actors, "u1").astype(bool))


@dataclass(slots=True)
class _Features:
    """The store's stored clustering features brought up to this update: `vocab` counts every
    stored article (the whole store's `IdfBasis`); `made`: the rows made now (the arrived
    articles, and every article of a store whose features are missing or of another key)."""

    vocab: Vocab
    made: list[Packed]
    fresh: bool
    first_new: int
    frames_made: dict[str, tuple[str, str]] = field(default_factory=dict)
    frames_key: str = ""
    parsed: Mapping[str, Mapping[str, tuple[str, str]]] = field(default_factory=dict)
    raws: dict[str, RawFeatures] = field(default_factory=dict)  # of the rows `made`
    leads: dict[str, str] = field(default_factory=dict)  # of the rows `made` (JSON)

    @classmethod
    def read(cls, store: Store, articles: Sequence[Article], lean_of: LeanOf) -> _Features:
        from .model import ArticleFacts as Facts
        from .storage import story_features

        with store.engine.connect() as conn:
            state = story_features.state(conn)
            have = story_features.stored_ids(conn) if state else set()
            ids = {a.id for a in articles}
            # Rows of articles no longer stored, or counts not of the rows: made again.
            fresh = state is None or state[0] != FEATURES_KEY or not have <= ids \
                or state[1] != len(have)
            vocab = Vocab([], [], [], 0) if fresh else Vocab(*story_features.vocab(conn),
                                                              n=state[1])  # type: ignore[index]
        if fresh:
            have = set()
        first_new = len(vocab.names)
        missing = sorted(ids - have)
        lean = {f.article_id: f for f in lean_of(missing)} if missing else {}
        by_id = {a.id: a for a in articles}
        rows = {i: feature_row(by_id[i], lean.get(i) or Facts(article_id=i)) for i in missing}
        made = [vocab.pack(i, row) for i, row in rows.items()]
        leads = {i: _lead_json(by_id[i], lean.get(i) or Facts(article_id=i)) for i in rows}
        return cls(vocab, made, fresh, first_new, raws={i: r.raw for i, r in rows.items()},
                   leads=leads)

    def clustered(self) -> None:
        """Drop what only the clustering reads (the rows' raw features and the pairs they
        shared, `stories.shared`; the workers' frames):
        `Regroup.write_features` holds this object through the story stages until the commit,
        and at 10k articles the raw features are some 145 MB of it."""
        self.raws = {}
        self.parsed = {}
        forget_shared_pairs()  # the raw features' shared pairs, which nothing else holds now

    def leads_of(self, store: Store, ids: Collection[str], articles: Sequence[Article],
                 lean_of: LeanOf) -> list[ArticleFacts]:
        """The leads (`leadcut.lead_cut`) of the articles `ids`: made now or stored with
        their rows; cut from the lean facts for one without (the same value)."""
        from .storage import story_features
        from .storage.codec import load
        from .stories.leadcut import lead_cut

        if not ids:
            return []
        found = {i: self.leads[i] for i in ids if i in self.leads}
        if not self.fresh:  # else the stored leads are of another key (replaced at `write`)
            with store.engine.connect() as conn:
                found.update(story_features.leads(conn, [i for i in ids if i not in found]))
        out = [load(ArticleFacts, json.loads(found[i])) for i in sorted(found)]
        missing = sorted(i for i in ids if i not in found)
        if missing:  # a row made before its lead was kept: cut from its lean facts
            by_id = {a.id: a for a in articles}
            out += [lead_cut(by_id[f.article_id], f) for f in lean_of(missing)]
        return out

    def frames_of(self, store: Store, settings: Settings) -> FramesOf:
        """`frames.article_frames` that reads the frames the store kept (made under the same
        key) and parses only the other articles, whose frames `write` then stores: the same
        frames, without parsing every reached story's headlines and leads on each update."""
        from .storage import story_features
        from .stories.frames import FRAME_DISCOUNT, Frame, article_frames

        self.frames_key = key = frames_key(settings.spacy_model, settings.spacy_fast_rules)
        parsed = self.parsed.get(key, {})  # made by the workers: used, and stored, as made here

        def frames_of(ordered: Sequence[Article], facts: Sequence[ArticleFacts]
                      ) -> list[Frame] | None:
            with store.engine.connect() as conn:
                kept = story_features.frames(conn, key, [a.id for a in ordered])
            for a in ordered:
                if a.id not in kept and a.id in parsed:
                    kept[a.id] = self.frames_made[a.id] = parsed[a.id]
            todo = [k for k, a in enumerate(ordered) if a.id not in kept]
            # Nothing to parse: no pipeline loaded here (frames off: none at all, below).
            made = article_frames([ordered[k] for k in todo], [facts[k] for k in todo],
                                  settings) if todo or FRAME_DISCOUNT >= 1.0 else []
            if made is None:  # frames off, or no pipeline: none at all, as in `cluster`
                return None
            out = [frame_of_row(kept[a.id]) if a.id in kept else None for a in ordered]
            for k, frame in zip(todo, made, strict=True):
                out[k] = frame
                self.frames_made[ordered[k].id] = frame_row(frame)
            return [f if f is not None else Frame() for f in out]
        return frames_of

    def write(self, conn: Connection) -> None:
        """Record the rows made and the vocabulary's new counts (in the stories' commit), and
        the frames parsed."""
        from .storage import story_features

        if self.frames_made:
            story_features.write_frames(conn, self.frames_key, self.frames_made)

        v = self.vocab
        rows: list[dict[str, Any]] = [
            {"article_id": p.article_id, "day": p.day, "dated": p.dated,
             "ids": p.ids.astype("<i8").tobytes(), "counts": p.counts.astype("<f8").tobytes(),
             "actors": p.actors.astype("u1").tobytes()} for p in self.made]
        story_features.write(conn, FEATURES_KEY, v.n, v.names,
                             [(k, v.df[k], v.event_df[k]) for k in sorted(v.grown)], rows,
                             self.first_new, self.fresh, self.leads)
