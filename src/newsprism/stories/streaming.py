"""Incremental stories: each new article joins the best open story or starts one.

No recomputation of the world: an article is compared only with the open stories that share
one of its heaviest features (an inverted index from feature to story), by the mean cosine
to the story's members (the dot product with the sum of their vectors, divided by their count:
the same average linkage `cluster` uses). IDF comes from the articles in the window.

Memory stays bounded on a long stream: a story is closed when nothing has joined it for
`settings.story_window_days` (by `Article.published`; an undated article is stamped with the
latest date seen, so arrival order stands in for time), and when more than `max_open` stories
are open the least recently joined ones are closed too. A closed story keeps only its id, title
and article ids; `pop_closed()` hands them over (to a store) and forgets them.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..dates import parse_iso
from ..model import Article, ArticleFacts, Reuse, Story
from ..settings import Settings
from .features import (
    EVENT_FLOOR,
    RawFeatures,
    Vector,
    dot,
    event_vector,
    raw_features,
    top_features,
    weigh,
)
from .ids import first_key, reuse_weight, story_id
from .link import MAX_POSTING, TOP_K
from .split import MIN_SIDE, split_story
from .title import story_title

SPLIT_GROWTH = 1.25  # re-check a story for two events each time it has grown by a quarter


@dataclass(slots=True)
class _Open:
    id: str
    first: Article  # earliest member (by first_key): fixes nothing, kept for the record
    members: list[Article] = field(default_factory=list)
    vectors: list[Vector] = field(default_factory=list)
    features: list[tuple[str, ...]] = field(default_factory=list)  # for df on eviction
    raws: list[RawFeatures] = field(default_factory=list)  # for the split check
    checked: int = 0  # size at the last split check
    total: Vector = field(default_factory=dict)
    event_total: Vector = field(default_factory=dict)  # sum of the members' event parts
    first_day: float | None = None
    last_day: float | None = None
    last_seen: float = 0.0  # clock when an article last joined
    tick: int = 0  # arrival counter when an article last joined
    keys: set[str] = field(default_factory=set)  # features indexed in the postings


def _ordinal(article: Article) -> float | None:
    try:
        d = parse_iso(article.published) if article.published else None
    except (TypeError, ValueError):
        return None
    return float(d.toordinal()) if d else None


class StoryIndex:
    """Add articles one at a time; read the stories at any point."""

    def __init__(self, settings: Settings, max_open: int = 50_000) -> None:
        if max_open <= 0:
            raise ValueError(f"max_open must be a positive number of stories, got {max_open!r}")
        self.settings = settings
        self.max_open = max_open
        self._open: dict[str, _Open] = {}
        self._closed: dict[str, Story] = {}
        self._postings: dict[str, set[str]] = {}
        self._df: dict[str, int] = {}
        self._n = 0
        self._where: dict[str, str] = {}  # open article id -> story id
        self._clock: float | None = None
        self._ticks = itertools.count(1)
        self._expiry: list[tuple[float, int, str]] = []  # (last_seen, tick, story id), lazy

    # --- public ---------------------------------------------------------------------------

    def add(self, article: Article, facts: ArticleFacts, reuse: Sequence[Reuse] = ()) -> str:
        """Put one article in a story; returns the story id. `reuse`: optional pairs between
        this article and earlier ones (strong reuse joins their story)."""
        if article.id in self._where:
            return self._where[article.id]
        day = _ordinal(article)
        if day is not None and (self._clock is None or day > self._clock):
            self._clock = day
        now = day if day is not None else (self._clock or 0.0)
        self._expire(now)
        raw = raw_features(facts, article.title)
        names = tuple(raw.names())
        for f in names:
            self._df[f] = self._df.get(f, 0) + 1
        self._n += 1
        vec = weigh(raw, self._df, self._n)
        target = self._best(vec, event_vector(vec, raw), day, article, reuse)
        if target is None:
            story = _Open(id=story_id(article.id), first=article)
            if story.id in self._open or story.id in self._closed:
                # The same first article seen again after its story closed: reopen under a
                # derived id rather than overwrite history.
                story.id = stable_suffix(story.id, len(self._closed))
            self._open[story.id] = story
        else:
            story = self._open[target]
        self._join(story, article, vec, names, day, now, raw)
        if len(story.members) >= max(2 * MIN_SIDE, int(story.checked * SPLIT_GROWTH)):
            self._maybe_split(story)
        self._trim()
        return self._where[article.id]

    def stories(self) -> tuple[Story, ...]:
        """Open stories and closed ones not yet popped, sorted by id."""
        out = [self._freeze(s) for s in self._open.values()] + list(self._closed.values())
        out.sort(key=lambda s: s.id)
        return tuple(out)

    def pop_closed(self) -> tuple[Story, ...]:
        """Closed stories since the last call, sorted by id; the index forgets them."""
        out = tuple(sorted(self._closed.values(), key=lambda s: s.id))
        self._closed.clear()
        return out

    def close_all(self) -> None:
        for sid in list(self._open):
            self._close(sid)

    def state_size(self) -> dict[str, int]:
        """Sizes of the internal state (for tests and monitoring of memory bounds)."""
        return {"open_stories": len(self._open), "closed_stories": len(self._closed),
                "open_articles": len(self._where), "features": len(self._df),
                "postings": len(self._postings), "expiry_queue": len(self._expiry)}

    # --- internals ------------------------------------------------------------------------

    def _best(self, vec: Vector, event: Vector, day: float | None, article: Article,
              reuse: Sequence[Reuse]) -> str | None:
        window = self.settings.story_window_days
        scores: dict[str, float] = {}
        for f in top_features(vec, TOP_K):
            posting = self._postings.get(f)
            if not posting or len(posting) > MAX_POSTING:
                continue
            for sid in posting:
                if sid in scores:
                    continue
                s = self._open[sid]
                if day is not None and s.first_day is not None and s.last_day is not None and (
                        day > s.last_day + window or day < s.first_day - window):
                    scores[sid] = 0.0
                    continue
                n = len(s.members)
                # As in batch: shared people alone do not make a story (cluster.EVENT_FLOOR).
                shared_event = dot(event, s.event_total) / n >= EVENT_FLOOR
                scores[sid] = dot(vec, s.total) / n if shared_event else 0.0
        for r in reuse:
            other = r.b if r.a == article.id else r.a if r.b == article.id else None
            linked = self._where.get(other) if other else None
            if linked is not None:
                scores[linked] = max(scores.get(linked, 0.0), reuse_weight(r))
        best = None
        for sid, score in scores.items():
            if score >= self.settings.story_threshold and (
                    best is None or (-score, sid) < (-best[0], best[1])):
                best = (score, sid)
        return best[1] if best else None

    def _maybe_split(self, story: _Open) -> None:
        """The batch split check (stories_split) on one story, when it has grown by a quarter
        since the last check: a story that drew in a second, similar event is cut in two.
        The part holding the story's first article keeps the id; the others get the id of
        their own first article."""
        story.checked = len(story.members)
        parts = split_story(story.raws)
        if len(parts) < 2:
            return
        self._unindex(story)
        del self._open[story.id]
        starter = story.members[0].id
        for part in parts:
            members = [story.members[i] for i in part]
            sid = story.id if any(a.id == starter for a in members) else story_id(members[0].id)
            if sid in self._open or (sid != story.id and sid in self._closed):
                sid = stable_suffix(sid, len(self._closed) + len(self._open))
            new = _Open(id=sid, first=min(members, key=first_key), checked=len(members))
            self._open[sid] = new
            for i in part:
                a = story.members[i]
                self._join(new, a, story.vectors[i], story.features[i], _ordinal(a),
                           story.last_seen, story.raws[i])

    def _unindex(self, story: _Open) -> None:
        for f in story.keys:
            posting = self._postings.get(f)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self._postings[f]

    def _join(self, story: _Open, article: Article, vec: Vector, names: tuple[str, ...],
              day: float | None, now: float, raw: RawFeatures) -> None:
        story.raws.append(raw)
        story.members.append(article)
        story.vectors.append(vec)
        story.features.append(names)
        for f, v in vec.items():
            story.total[f] = story.total.get(f, 0.0) + v
        for f, v in event_vector(vec, raw).items():
            story.event_total[f] = story.event_total.get(f, 0.0) + v
        if first_key(article) < first_key(story.first):
            story.first = article
        if day is not None:
            story.first_day = day if story.first_day is None else min(story.first_day, day)
            story.last_day = day if story.last_day is None else max(story.last_day, day)
        for f in top_features(vec, TOP_K):
            if f not in story.keys:
                story.keys.add(f)
                self._postings.setdefault(f, set()).add(story.id)
        story.last_seen = max(story.last_seen, now)
        story.tick = next(self._ticks)
        self._where[article.id] = story.id
        heapq.heappush(self._expiry, (story.last_seen, story.tick, story.id))

    def _expire(self, now: float) -> None:
        limit = now - self.settings.story_window_days
        while self._expiry and self._expiry[0][0] < limit:
            seen, tick, sid = heapq.heappop(self._expiry)
            s = self._open.get(sid)
            if s is not None and s.tick == tick:
                self._close(sid)

    def _trim(self) -> None:
        # Too many open stories (an undated stream never expires): close the least recent.
        while len(self._open) > self.max_open and self._expiry:
            seen, tick, sid = heapq.heappop(self._expiry)
            s = self._open.get(sid)
            if s is not None and s.tick == tick:
                self._close(sid)
        if len(self._expiry) > 4 * max(len(self._open), 16):
            self._expiry = [(s.last_seen, s.tick, s.id) for s in self._open.values()]
            heapq.heapify(self._expiry)

    def _close(self, sid: str) -> None:
        s = self._open.pop(sid)
        self._closed[sid] = self._freeze(s)
        self._unindex(s)
        for names in s.features:
            for f in names:
                left = self._df[f] - 1
                if left:
                    self._df[f] = left
                else:
                    del self._df[f]
            self._n -= 1
        for a in s.members:
            self._where.pop(a.id, None)

    def _freeze(self, s: _Open) -> Story:
        n = len(s.members)
        centrality = {}
        for a, v in zip(s.members, s.vectors, strict=True):
            others = dot(v, s.total) - dot(v, v)
            centrality[a.id] = others / max(n - 1, 1)
        return Story(id=s.id, title=story_title(s.members, centrality),
                     article_ids=tuple(sorted(a.id for a in s.members)))


def stable_suffix(sid: str, salt: int) -> str:
    from ..text import stable_id

    return stable_id("story", sid, str(salt))
