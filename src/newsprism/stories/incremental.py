"""Incremental stories: re-cluster only the stories that new articles can reach (issue 25).

A full re-cluster (`cluster.cluster` over every stored article) is the batch result, but it
re-decides every story of the store: the IDF weights move with each article added, the
candidate step changes shape past `link.ALL_PAIRS_UP_TO` articles, and a story that no new
article came near can gain, lose or be re-titled by that drift alone. An update instead:

    new articles ──> their cosine with every stored article (the TF-IDF rows: an inverted
                     index of the clustering features), kept at the threshold and within the
                     time window; plus their strong reuse partners, and both ends of every
                     reuse pair this update changed
                 ──> the candidate stories: the stored stories holding any of those articles
                 ──> `attach.attach` over the candidate stories' articles and the new ones,
                     with the whole store's IDF weights (`cluster.IdfBasis`): the candidate
                     stories stay whole, and each new article joins one, starts one or
                     bridges several
                 ──> those stories replace the candidates; every other story is kept as stored

So a stored story changes only when a new article joins it or bridges it to another (before,
the candidates were re-clustered from scratch, and at 10k articles a quarter of the reached
stories that took nothing came out reshaped by the weights' drift).

Exact where it can be: `cluster` over every article with the store's own basis is the batch
result (tests/test_stories_incremental.py), and on well-separated events an update equals the
batch result. Elsewhere the drift is bounded by the consolidation rule
(`needs_full`): once the articles added since the last full re-cluster exceed
`settings.story_consolidate_share` of the store at that time, the update re-clusters the whole
store (the batch result again, and the count restarts). Between two, a stored story differs
from the batch result through what the added articles changed in the weights (it is not
re-decided until then), through a new article that batch would have let in by way of a few
close members (here it must be close to the story as a whole), and through its related-story
links, which are those of its last re-cluster.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..model import Article, ArticleFacts, Reuse, Story
from ..settings import Settings
from .attach import attach
from .cluster import (
    STAND_IN_WINDOW,
    FramesOf,
    IdfBasis,
    event_day,
    idf_basis,
    published_day,
    tfidf_rows,
)
from .features import RawFeatures, raw_features
from .ids import reuse_weight

__all__ = ["LocalUpdate", "attach_reached", "local_update", "needs_full", "reuse_reach"]


@dataclass(frozen=True, slots=True)
class LocalUpdate:
    """`stories`: the candidate stories re-clustered with the new articles (they replace the
    stored stories named in `replaced`; every other stored story stays as it is);
    `reached`: stored articles a new article reached (cosine or reuse)."""

    stories: tuple[Story, ...]
    replaced: frozenset[str]
    reached: int


def needs_full(stored: int, full_articles: int, had_stories: bool, share: float) -> bool:
    """Whether an update must re-cluster the whole store: there are no stories yet, the rule
    is off (`share` 0), or the store has `stored` articles, more than (1 + share) times the
    `full_articles` it held at its last full re-cluster."""
    if not had_stories or share <= 0:
        return True
    return stored > full_articles * (1.0 + share)


def local_update(articles: Sequence[Article], facts: Sequence[ArticleFacts],
                 reuse: Sequence[Reuse], settings: Settings,
                 before: Mapping[str, Sequence[str]], arrived: Set[str],
                 touched: Set[str] = frozenset(), loose: Set[str] = frozenset()
                 ) -> LocalUpdate:
    """Attach the `arrived` articles to the stored stories they can reach (`attach.attach`;
    the stories holding an article of a reuse pair that changed, `touched`, come along and
    stay as they are unless a new article joins them), with the whole store's IDF weights.
    The stories holding a `loose` article (one an analyst's correction names, just made or
    undone) come along too, but not whole: their articles are placed again like new ones
    (an undone merge must be able to come apart). `before`:
    the stored stories (id -> article ids); `articles`, `facts`, `reuse`: the whole store,
    the new articles included."""
    ordered = sorted(articles, key=lambda a: a.id)
    facts_by_id = {f.article_id: f for f in facts}
    ordered_facts = [facts_by_id.get(a.id) or ArticleFacts(article_id=a.id) for a in ordered]
    raws = [raw_features(f, a.title) for f, a in zip(ordered_facts, ordered, strict=True)]
    basis = idf_basis(raws)
    reached = _reached(ordered, ordered_facts, raws, basis, reuse, settings, arrived)
    return attach_reached(ordered, facts, reuse, settings, basis, before, arrived, reached,
                          touched, loose)


def attach_reached(articles: Sequence[Article], facts: Sequence[ArticleFacts],
                   reuse: Sequence[Reuse], settings: Settings, basis: IdfBasis,
                   before: Mapping[str, Sequence[str]], arrived: Set[str], reached: Set[str],
                   touched: Set[str] = frozenset(), loose: Set[str] = frozenset(),
                   frames_of: FramesOf | None = None,
                   raws_of: Mapping[str, RawFeatures] | None = None) -> LocalUpdate:
    """The tail of `local_update` once the `reached` stored articles are known (there, or
    from the stored features: regrouping.py): attach the arrived articles to the stories
    holding a reached or `touched` article. `articles` and `facts` need only hold those
    stories' articles and the arrived ones (more are ignored); `basis`: the whole store's;
    `frames_of`, `raws_of`: the articles' frames and raw features as the store kept them
    (`attach.attach`; `facts` then need hold only what those leave out)."""
    story_of = {i: sid for sid, ids in before.items() for i in ids}
    freed = {story_of[i] for i in loose if i in story_of}
    replaced = frozenset({story_of[i] for i in set(reached) | set(touched) if i in story_of}
                         | freed)
    subset = set(arrived) | {i for sid in replaced for i in before[sid]}
    fresh = set(arrived) | {i for sid in freed for i in before[sid]}
    by_id = {a.id: a for a in articles}
    facts_by_id = {f.article_id: f for f in facts}
    sub_reuse = [r for r in reuse if r.a in subset and r.b in subset]
    stories = attach([by_id[i] for i in sorted(subset) if i in by_id],
                     [facts_by_id[i] for i in sorted(subset) if i in facts_by_id],
                     sub_reuse, settings, basis,
                     {sid: before[sid] for sid in replaced if sid not in freed}, fresh,
                     frames_of, raws_of)
    return LocalUpdate(stories, replaced, len(reached))


def reuse_reach(reuse: Sequence[Reuse], threshold: float, arrived: Set[str]) -> set[str]:
    """Both ends of the reuse pairs of an arrived article as strong as `threshold`."""
    out: set[str] = set()
    for r in reuse:
        if reuse_weight(r) >= threshold and (r.a in arrived or r.b in arrived):
            out.update((r.a, r.b))
    return out


def _reached(ordered: Sequence[Article], facts: Sequence[ArticleFacts], raws: Sequence,
             basis: IdfBasis, reuse: Sequence[Reuse], settings: Settings,
             arrived: Set[str]) -> set[str]:
    """Stored articles an arrived one could join in `cluster`: a cosine at the threshold
    within the time window (undated: always), or a reuse pair as strong. Linkage merges two
    clusters only when their mean similarity reaches the threshold, so some pair across
    them reaches it: a cluster holding an arrived article can only join a stored article's
    cluster through such a pair (a mean over pairs is at most their largest)."""
    floor = settings.story_threshold
    new_rows = [k for k, a in enumerate(ordered) if a.id in arrived]
    out: set[str] = set()
    if new_rows:
        x, _ = tfidf_rows(raws, basis=basis)
        sims = (x[new_rows] @ x.T).tocoo()
        when = np.array([_ordinal(event_day(a, f)) for a, f in zip(ordered, facts, strict=True)])
        published = np.array([_ordinal(published_day(a)) for a in ordered])
        rows = np.asarray(new_rows)[sims.row]
        # `cluster`'s windows: a stand-in (stated) date gets the wider one.
        stand_in = np.isnan(published[rows]) | np.isnan(published[sims.col])
        window = np.where(stand_in, max(settings.story_window_days, STAND_IN_WINDOW),
                          settings.story_window_days)
        gap = np.abs(when[rows] - when[sims.col])
        keep = (sims.data >= floor) & ~(gap > window)  # nan gap (undated): kept
        out.update(ordered[j].id for j in np.unique(sims.col[keep]).tolist())
    out |= reuse_reach(reuse, floor, arrived)
    return out - set(arrived)


def _ordinal(day: date | None) -> float:
    return float(day.toordinal()) if day is not None else float("nan")
