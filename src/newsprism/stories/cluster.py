"""Stories: group articles that report the same event, in batch (`cluster`) or as they arrive
(`StoryIndex`, in stories_index.py).

    articles + facts ──> feature vectors ──> candidate pairs ──> cosine (+ reuse, - time gap)
      (stories_features)       (inverted index on rare         ──> average linkage
                                top features, stories_link)        ──> split similar events
                                                                       (stories_split)
                                                                   ──> Story(id, title)

Evidence used: entity names and name words, years and days in the text, key terms (TF-IDF),
publish times (two dated articles further apart than `settings.story_window_days` are never
linked directly), reuse (a strong reuse pair is linked whatever its vocabulary). One threshold,
`settings.story_threshold`, on the mean cosine between two clusters.

A story's id is `stable_id("story", first)` where `first` is its earliest article (by publish
time, then id; undated articles after dated ones): adding later articles keeps the id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import sparse

from ..dates import parse_iso
from ..model import Article, ArticleFacts, RelatedStory, Reuse, Story
from ..settings import Settings
from . import ahead, undated, years
from .features import (
    EVENT_FLOOR,
    VETO_EVENT,
    VETO_RATIO,
    VETO_WHOLE,
    RawFeatures,
    figures_agree,
    figures_far,
    raw_features,
)
from .frames import Frame, article_frames, discount_clashes, rejoin_lone
from .ids import first_key, reuse_weight, site_furniture, story_id
from .link import (
    ALL_PAIRS_UP_TO,
    FLOOR_RATIO,
    average_linkage,
    exact_linkage,
    pair_cosines,
    scored_pairs,
)
from .shared import shared
from .split import split_story
from .tfidf import tfidf_rows
from .ties import held_links, peel_weak
from .title import story_title
from .undated import LEAD_SENTENCES, stated_day, undone
from .weekcut import neighbours, place_rest, weekday_split

__all__ = ["LEAD_SENTENCES", "cluster"]

STAND_IN_DATES = True  # undated articles: a day stated in the lead stands in (undated.py)
# A date stated in the text is a rougher event date than a publish date (a report may state
# an earlier date of its own story): two such dates must be a month apart to keep two apart.
STAND_IN_WINDOW = 30
# Consecutive publish days further apart than this cut a story in two (`split_at_date_gaps`):
# a year, because gold clusters of ECB+ span weeks to months by the dates we recover, and any
# smaller gap cut them (ECB+ F1 0.941 -> 0.934 at 14-30 days, 0.937 at 90; unchanged at 365,
# as are NeuS and ECB+ with 1,500 Baly distractors), while chains years apart are the
# "same people, another event" merges seen on real coverage.
EVENT_GAP_DAYS = 365.0
RELATED_MAX = 5  # related stories listed per story: the saga's nearest chapters
# Related needs more than a story's own threshold: at 0.15 over 300 Baly articles of eight
# years, 162 of 259 stories had links, most of them loose (a gun law and "Obama's second-term
# priorities"); twice the default threshold and a shared name keep the sagas (docs/stories.md).
RELATED_COSINE = 0.3

def published_day(article: Article) -> date | None:
    try:
        return parse_iso(article.published) if article.published else None
    except (TypeError, ValueError):
        return None


def event_day(article: Article, facts: ArticleFacts) -> date | None:
    """When the article's event happened, for the time window: its publish day; undated, the
    day its lead states (`undated.stated_day`: a full date, or a month-day in the one year
    the article states; background dates come later; weekdays need a publish day)."""
    day = published_day(article)
    if day is not None or not STAND_IN_DATES:
        return day
    return stated_day(article, facts)


@dataclass(frozen=True, slots=True)
class IdfBasis:
    """The document frequencies the IDF weights come from, when they are not those of the
    articles being clustered: an incremental update re-clusters a few stories of a store with
    the whole store's weights (stories/incremental.py). `df`: whole vectors, `event_df`: the
    event parts (`RawFeatures.event_counts`), `n`: articles counted."""

    df: Mapping[str, int]
    event_df: Mapping[str, int]
    n: int


def idf_basis(raws: Sequence[RawFeatures]) -> IdfBasis:
    """The document frequencies of `raws`: with it, `cluster` over all of them gives what it
    gives without it (the same weights)."""
    df: Counter[str] = Counter()
    event_df: Counter[str] = Counter()
    for raw in raws:
        df.update(f for f, c in raw.counts if c > 0)
        event_df.update(f for f, c in raw.event_counts() if c > 0)
    return IdfBasis(df, event_df, len(raws))


Pairs = tuple[np.ndarray, np.ndarray, np.ndarray]
FramesOf = Callable[[Sequence[Article], Sequence[ArticleFacts]], list[Frame] | None]


@dataclass(frozen=True, slots=True)
class Near:
    """Article pairs whose whole vectors are as close as one story's (cosine >= threshold),
    whatever the event gate and time window decided, and each article's event day (ordinal,
    nan when unknown): where they end in different stories, those stories are related.
    `vetoes`: (a, b) index pairs alike in people only (`features.VETO_EVENT`): their
    clusters are not merged while such pairs are `link.VETO_SHARE` of the pairs across."""

    a: np.ndarray
    b: np.ndarray
    sims: np.ndarray
    days: np.ndarray
    vetoes: tuple[tuple[int, int], ...] = ()
    clashes: Mapping[tuple[int, int], float] = field(default_factory=dict)


def related_stories(labels: Sequence[int], near: Near, story_of: dict[int, str],
                    raws: Sequence[RawFeatures], held: Sequence[tuple[int, int, float]] = ()
                    ) -> dict[str, tuple[RelatedStory, ...]]:
    """Each story's related stories (at most `RELATED_MAX`, strongest link first): two
    stories are related when one of their article pairs names the same person or organisation
    (a whole name) and has a whole-vector cosine >= `RELATED_COSINE`: the same people on the
    same subject. They are also related when an edge of `held` joins them: an edge at the
    story threshold that held a member the tie floor split off (`ties.held_links`), so that
    member stays in view of the story it left. "earlier"/"later" when their event days do
    not overlap, else "same topic"."""
    lab = np.asarray(labels, dtype=np.int64)
    names = [frozenset(f for f in r.actors if f.startswith("e:")) for r in raws]
    best: dict[tuple[int, int], float] = {}
    for a, b, i, j, w in zip(near.a.tolist(), near.b.tolist(), lab[near.a].tolist(),
                             lab[near.b].tolist(), near.sims.tolist(), strict=True):
        if i != j and w >= RELATED_COSINE and names[a] & names[b]:
            key = (min(i, j), max(i, j))
            best[key] = max(best.get(key, 0.0), w)
    for a, b, w in held:
        i, j = int(lab[a]), int(lab[b])
        if i != j:
            key = (min(i, j), max(i, j))
            best[key] = max(best.get(key, 0.0), w)
    if not best:
        return {}
    first: dict[int, float] = {}
    last: dict[int, float] = {}
    for i, d in zip(lab.tolist(), near.days.tolist(), strict=True):
        if d == d:  # not nan
            first[i] = min(first.get(i, d), d)
            last[i] = max(last.get(i, d), d)
    links: dict[int, list[tuple[float, str, str]]] = {}
    for (i, j), w in best.items():
        rel_j = _relation(first.get(i), last.get(i), first.get(j), last.get(j))
        rel_i = {"earlier": "later", "later": "earlier"}.get(rel_j, rel_j)
        links.setdefault(i, []).append((-w, story_of[j], rel_j))
        links.setdefault(j, []).append((-w, story_of[i], rel_i))
    return {story_of[i]: tuple(RelatedStory(sid, rel)  # type: ignore[arg-type]
                               for _, sid, rel in sorted(v)[:RELATED_MAX])
            for i, v in links.items()}


def _relation(first_i: float | None, last_i: float | None, first_j: float | None,
              last_j: float | None) -> str:
    """Where story j stands to story i in time."""
    if None in (first_i, last_i, first_j, last_j):
        return "same topic"
    if last_j < first_i:  # type: ignore[operator]
        return "earlier"
    if first_j > last_i:  # type: ignore[operator]
        return "later"
    return "same topic"


def _rank(days: np.ndarray) -> np.ndarray:
    """Each article's place in one global order: dated ones by day, then undated; ties by
    index (articles are in id order, so this does not depend on input order)."""
    n = len(days)
    undated = np.isnan(days)
    order = np.lexsort((np.arange(n), np.where(undated, 0.0, days), undated))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    rank[undated] = -1
    return rank


def similarity_graph(articles: Sequence[Article], raws: Sequence[RawFeatures],
                     reuse: Sequence[Reuse], settings: Settings,
                     facts: Sequence[ArticleFacts] | None = None,
                     basis: IdfBasis | None = None, frames: Sequence[Frame] | None = None
                     ) -> tuple[list[tuple[int, int, float]], sparse.csr_matrix, np.ndarray,
                                np.ndarray, Pairs | None, Near]:
    """Weighted edges between article indices (articles in the given order), the unit
    vectors, document frequencies, publish days (ordinal, nan when undated), when not every
    pair was scored (a large corpus) every candidate pair as (a, b, weight) for `exact_linkage`
    (weight 0: below the floor, outside the time window or without shared event evidence;
    None when every pair was scored), and the `Near` pairs.

    An edge needs, besides a cosine >= threshold * FLOOR_RATIO: event evidence (the event
    parts' cosine >= `EVENT_FLOOR`: shared people alone make no story) and event days at most
    `story_window_days` apart (the publish day; undated, a full date stated in the lead, then
    with `STAND_IN_WINDOW`); headlines sharing no word family weigh `TRIGGER_DISCOUNT`, and
    evidence of two events less (`undated`, `undoing`). A pair alike in people only
    (`features.VETO_EVENT`) is a veto (`Near.vetoes`). `basis`: as in `tfidf_rows`."""
    x, df = tfidf_rows(raws, basis=basis)
    days = np.array([d.toordinal() if d is not None else np.nan
                     for d in (published_day(art) for art in articles)], dtype=np.float64)
    when = days if facts is None else np.array(
        [d.toordinal() if d is not None else np.nan
         for d in (event_day(art, f) for art, f in zip(articles, facts, strict=True))],
        dtype=np.float64)
    a, b, sims = scored_pairs(x, df, _rank(days))
    n = len(articles)
    order = np.lexsort((b, a))
    a, b, sims = a[order], b[order], sims[order]
    floor = settings.story_threshold * FLOOR_RATIO
    weight = np.where(sims >= floor, sims, 0.0)
    veto = np.zeros(len(a), dtype=bool)
    clash = np.zeros(len(a), dtype=bool)
    strong = np.ones(len(a))
    close = sims >= settings.story_threshold
    if len(a):
        xe, _ = tfidf_rows(raws, event=True, basis=basis)
        ecos = pair_cosines(xe, a, b)
        weight[ecos < EVENT_FLOOR] = 0.0
        veto = (ecos < np.maximum(VETO_EVENT, VETO_RATIO * sims)) & (sims >= VETO_WHOLE)
        agree = triggers_agree(raws, a, b)
        weight[~agree] *= TRIGGER_DISCOUNT
        if frames is not None:
            clash = discount_clashes(weight, frames, a, b, ecos)
        strong = undated.evidence_against(articles, facts, raws, frames, days, when, a, b,
                                          ~agree, sims)  # two events beyond the words
        strong *= ahead.apart_factor(articles, facts, frames, days, a, b)  # undone; far ahead
        weight *= strong
        gap = np.abs(when[a] - when[b])  # nan (never > window) when either is undated
        stand_in = np.isnan(days[a]) | np.isnan(days[b])
        weight[gap > np.where(stand_in, max(settings.story_window_days, STAND_IN_WINDOW),
                              settings.story_window_days)] = 0.0
    near = Near(a[close], b[close], sims[close], when,
                tuple(zip(a[veto].tolist(), b[veto].tolist(), strict=True))
                + figure_vetoes(raws, when, a, b) + years.year_vetoes(articles, days, a, b),
                undone(a, b, clash, strong))
    a, b, weight = with_reuse(a, b, weight, articles, reuse, when, settings, raws)
    kept = weight > 0
    edges = list(zip(a[kept].tolist(), b[kept].tolist(), weight[kept].tolist(), strict=True))
    if n <= ALL_PAIRS_UP_TO:
        return edges, x, df, days, None, near
    return edges, x, df, days, (a, b, weight), near


def with_reuse(a: np.ndarray, b: np.ndarray, weight: np.ndarray, articles: Sequence[Article],
               reuse: Sequence[Reuse], when: np.ndarray, settings: Settings,
               raws: Sequence[RawFeatures]) -> Pairs:
    """The scored pairs (a, b, weight) with the reuse pairs' weights (`ids.reuse_weight`):
    a strong reuse pair is linked whatever its vocabulary, unless a passage is reused more
    than `story_window_days` later (a new story quoting an old one), or it is furniture of
    one site (`site_furniture`)."""
    n = len(articles)
    floor = settings.story_threshold * FLOOR_RATIO
    pos = {art.id: k for k, art in enumerate(articles)}
    reused: dict[tuple[int, int], float] = {}
    for r in reuse:
        i, j = pos.get(r.a), pos.get(r.b)
        w = reuse_weight(r)
        if i is None or j is None or i == j or w < floor:
            continue
        key = (min(i, j), max(i, j))
        di, dj = when[key[0]], when[key[1]]
        if not r.near_duplicate and abs(di - dj) > settings.story_window_days:
            continue  # a passage reused months later is a new story quoting an old one
        if site_furniture(r, articles[i], articles[j], raws[i], raws[j]):
            continue
        reused[key] = max(reused.get(key, 0.0), w)
    if reused:
        codes = a * n + b
        new = []
        for (i, j), w in reused.items():
            k = int(np.searchsorted(codes, i * n + j))
            if k < len(codes) and codes[k] == i * n + j:
                weight[k] = max(weight[k], w)
            else:
                new.append((i, j, w))
        if new:
            na = np.array([t[0] for t in new], np.int64)
            nb = np.array([t[1] for t in new], np.int64)
            a, b = np.concatenate([a, na]), np.concatenate([b, nb])
            weight = np.concatenate([weight, [t[2] for t in new]])
            order = np.lexsort((b, a))
            a, b, weight = a[order], b[order], weight[order]
    return a, b, weight


# Two headlines that share no word family besides names tell of two different happenings
# more often than not (NeuS dev half: 1,045 of 2,844 wrong pairs inside predicted stories
# against 434 of 2,560 right ones): such a pair's edge counts TRIGGER_DISCOUNT of its cosine.
# Evidence, not a veto: an opinion piece's headline shares little with its event's reports.
# 0.7 and 0.8 tie on ECB+ and the NeuS dev half; 0.7 merged two coach firings of one team
# among 500 distractors (docs/stories.md, 2026-12-03, fourth session).
TRIGGER_DISCOUNT = 0.8


def triggers_agree(raws: Sequence[RawFeatures], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per pair (a, b): whether their headlines share a word family besides names
    (`RawFeatures.trigger`), or either has no headline words (no evidence either way)."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, raw in enumerate(raws):
        for w in raw.trigger:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    t = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                          shape=(len(raws), max(len(vocab), 1)))
    has = np.asarray([bool(r.trigger) for r in raws])
    return (pair_cosines(t, a, b) > 0) | ~has[a] | ~has[b]


def figure_vetoes(raws: Sequence[RawFeatures], when: np.ndarray, a: np.ndarray,
                  b: np.ndarray) -> tuple[tuple[int, int], ...]:
    """Scored pairs (a, b) whose headlines each state a figure the other article does not
    state (`features.FIGURE_TOLERANCE`), when neither has an event day: with no date to tell
    two reports of one kind apart (two weeks' jobless claims, two case-count milestones),
    their specifics do. With a day, only when the headline figures are also
    `features.FIGURE_FAR` apart (`figures_far`: a rising toll stays one event). Vetoes, so
    no third article chains them either."""
    if not len(a):
        return ()
    undated = np.isnan(when)
    heads = np.array([bool(r.headline) for r in raws])
    pick = np.flatnonzero(heads[a] & heads[b])
    out = []
    for k in pick.tolist():
        i, j = int(a[k]), int(b[k])
        ri, rj = raws[i], raws[j]
        if not figures_agree(ri.headline, rj.figures()) and \
                not figures_agree(rj.headline, ri.figures()) and \
                (undated[i] and undated[j] or figures_far(ri.headline, rj.headline)):
            out.append((i, j))
    return tuple(out)


def split_at_date_gaps(members: list[int], days: np.ndarray,
                       edges: Sequence[tuple[int, int, float]], window: float
                       ) -> list[list[int]]:
    """A story whose dated members fall apart in time is two events: cut it wherever two
    consecutive publish days are more than `window` apart. Linkage keeps dated pairs within
    the window, but undated members can chain dated ones years apart (seen on real coverage:
    one undated piece joined articles of 2014 and 2016). Each undated member joins the part
    it has the most edge weight with (the earliest part on a tie). Parts in member order."""
    dated = sorted((float(days[i]), i) for i in members if not np.isnan(days[i]))
    if len(dated) < 2:
        return [members]
    segments: list[list[int]] = [[dated[0][1]]]
    for (before, _), (day, i) in zip(dated, dated[1:], strict=False):
        if day - before > window:
            segments.append([])
        segments[-1].append(i)
    if len(segments) == 1:
        return [members]
    return place_rest(members, segments, neighbours(edges, set(members)))


def ordered_graph(articles: Sequence[Article], facts: Sequence[ArticleFacts],
                  reuse: Sequence[Reuse], settings: Settings, basis: IdfBasis | None,
                  frames_of: FramesOf | None = None,
                  raws_of: Mapping[str, RawFeatures] | None = None
                  ) -> tuple[list[Article], list[RawFeatures],
                             tuple[list[tuple[int, int, float]], sparse.csr_matrix, np.ndarray,
                                   np.ndarray, Pairs | None, Near]]:
    """The articles in id order, their raw features (an article without facts is clustered on
    nothing), and `similarity_graph` over them: the start `cluster` and `attach.attach`
    share. `frames_of` (articles, facts -> frames, or None: off) and `raws_of` (by article
    id): the articles' frames and raw features instead of `frames.article_frames` and
    `raw_features` (the same values: an update reads those a store kept, regrouping.py)."""
    by_id = {a.id: a for a in articles}
    ordered = [by_id[k] for k in sorted(by_id)]
    facts_by_id = {f.article_id: f for f in facts}
    ordered_facts = [facts_by_id.get(a.id) or ArticleFacts(article_id=a.id) for a in ordered]
    given = raws_of or {}
    raws = [given[a.id] if a.id in given else shared(raw_features(f, a.title))
            for f, a in zip(ordered_facts, ordered, strict=True)]
    frames = (frames_of(ordered, ordered_facts) if frames_of is not None
              else article_frames(ordered, ordered_facts, settings))
    return ordered, raws, similarity_graph(ordered, raws, reuse, settings, ordered_facts, basis,
                                           frames)


def cluster(articles: Sequence[Article], facts: Sequence[ArticleFacts], reuse: Sequence[Reuse],
            settings: Settings, basis: IdfBasis | None = None,
            frames_of: FramesOf | None = None,
            raws_of: Mapping[str, RawFeatures] | None = None) -> tuple[Story, ...]:
    """Partition the articles into stories (singletons allowed), sorted by story id.

    Deterministic whatever the input order: articles are put in id order first. `facts` may be
    in any order; an article without facts is clustered on nothing and stays alone. `basis`:
    IDF weights from a larger corpus than `articles` (an incremental update's store).
    `frames_of`, `raws_of`: the articles' event frames as a store kept them or its runner's
    workers made them, and raw features already made from the same facts (`ordered_graph`),
    instead of parsing every headline and lead and counting every article's features again.
    """
    ordered, raws, (edges, x, df, days, pairs, near) = ordered_graph(
        articles, facts, reuse, settings, basis, frames_of, raws_of)
    coarse = average_linkage(len(ordered), edges, settings.story_threshold, near.vetoes)
    if near.clashes:
        coarse = rejoin_lone(coarse, edges, near.clashes, settings.story_threshold,
                             near.vetoes)
    if pairs is not None and not np.isnan(days).all():
        # Not every pair was scored: continue with exact means, so the pairs the candidate
        # step never offered count their true cosine instead of 0 (a big story stays whole).
        coarse = exact_linkage(x, df, coarse, pairs, settings.story_threshold,
                               days, settings.story_window_days, near.vetoes)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(coarse):
        groups.setdefault(label, []).append(i)
    labels = list(coarse)
    for members in list(groups.values()):
        split = split_story([raws[i] for i in members])
        replace_group(groups, labels, members, [[members[k] for k in part] for part in split])
    for members in list(groups.values()):
        replace_group(groups, labels, members,
                      split_at_date_gaps(members, days, edges, EVENT_GAP_DAYS))
    now = list(groups.values())
    for members, parts in zip(now, weekday_split(now, ordered, facts, days, edges), strict=True):
        replace_group(groups, labels, members, parts)
    nbr = neighbours(edges, {i for g in groups.values() if len(g) > 1 for i in g})
    dated = (~np.isnan(days)).tolist()
    held: list[tuple[int, int, float]] = []
    for members in list(groups.values()):
        parts = peel_weak(members, nbr, dated, settings.story_threshold)
        held += held_links(parts, nbr, settings.story_threshold)
        replace_group(groups, labels, members, parts)
    return make_stories(ordered, raws, groups, labels, edges, near, held)


def replace_group(groups: dict[int, list[int]], labels: list[int], members: Sequence[int],
                  parts: Sequence[list[int]]) -> None:
    """Put `parts` (article indices) in place of the group `members` when there are two or
    more: each part a group labelled by its first member."""
    if len(parts) < 2:
        return
    del groups[members[0]]
    for part in parts:
        groups[part[0]] = part
        for i in part:
            labels[i] = part[0]


def make_stories(ordered: Sequence[Article], raws: Sequence[RawFeatures],
                 groups: Mapping[int, Sequence[int]], labels: Sequence[int],
                 edges: Sequence[tuple[int, int, float]], near: Near,
                 held: Sequence[tuple[int, int, float]] = ()) -> tuple[Story, ...]:
    """The stories of a partition of `ordered` (`groups`: label -> member indices; `labels`:
    each article's label): ids, titles (by centrality over `edges`) and related stories
    (`held`: as `related_stories`), sorted by story id. Also used by an incremental update
    (stories/attach.py)."""
    strength: dict[int, float] = {}
    for i, j, w in edges:
        if labels[i] == labels[j]:
            strength[i] = strength.get(i, 0.0) + w
            strength[j] = strength.get(j, 0.0) + w
    story_of = {label: story_id(min((ordered[i] for i in members), key=first_key).id)
                for label, members in groups.items()}
    related = related_stories(labels, near, story_of, raws, held)
    stories = []
    for label, members in groups.items():
        arts = [ordered[i] for i in members]
        n = max(len(members) - 1, 1)
        centrality = {ordered[i].id: strength.get(i, 0.0) / n for i in members}
        sid = story_of[label]
        stories.append(Story(id=sid, title=story_title(arts, centrality),
                             article_ids=tuple(sorted(a.id for a in arts)),
                             related=related.get(sid, ())))
    stories.sort(key=lambda s: s.id)
    return tuple(stories)

