"""Compare the outlets of one story: consensus, conflicts, exclusives, framing and tone.

    claims ─> clusters (one fact, several articles) ─┬─> consensus (2+ independent sources)
                                                     ├─> exclusives / omissions
                                                     └─> date and actor conflicts
    quotes ─> same quote, several speakers ─> attribution conflicts
    quantities ─> same counted thing, disjoint ranges ─> quantity conflicts
    entities + parse of their sentences ─> framing;  lexicon + reuse edits ─> tones

Copies of one wire count once everywhere (`independent_groups`). Every finding carries the
article ids and spans that prove it. Runs after `extract.entities.resolve_entities`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence

from ..dates import parse_iso
from ..model import (
    Article,
    Claim,
    Conflict,
    Consensus,
    Entity,
    Exclusive,
    Quote,
    Reuse,
    Span,
    Story,
    StoryContext,
)
from ..settings import Settings
from .agreement import StoryWeights, agreeing, lead_ends
from .attribution import attribution_conflicts
from .conflicts import (
    DOUBT,
    SHOWN_AT,
    actor_conflicts,
    date_conflicts,
    event_date_conflicts,
    make_conflict,
    quantity_conflicts,
)
from .framing import framing, outlet_tones
from .match import (
    CLAIM_PART_DOUBT,
    clustered_claims,
    content_words,
    independent_groups,
    newsworthy,
)
from .voice import voiced

log = logging.getLogger(__name__)

MATCH_THRESHOLD = 0.45  # claim similarity for "the same fact" (see docs/compare.md)
MAX_EXCLUSIVES_PER_ARTICLE = 5
OMISSION_MIN_OUTLETS = 3  # outlets carrying a consensus item before one without it "omits" it


def _story_claims(ctx: StoryContext) -> list[Claim]:
    if ctx.story.claims:
        return list(ctx.story.claims)
    return [c for f in ctx.facts for c in f.claims]


def _story_quotes(ctx: StoryContext) -> list[Quote]:
    if ctx.story.quotes:
        return list(ctx.story.quotes)
    return [q for f in ctx.facts for q in f.quotes]


def _representative(members: Sequence[Claim]) -> Claim:
    """The member closest to all others: the plainest statement of the shared fact."""
    words = [content_words(c.text) for c in members]

    def centrality(i: int) -> tuple[float, int]:
        score = sum(len(words[i] & w) / (len(words[i] | w) or 1)
                    for j, w in enumerate(words) if j != i)
        return score, -len(members[i].text)

    return members[max(range(len(members)), key=centrality)]


def source_count(ids: Sequence[str], groups: dict[str, str], outlet_of: dict[str, str],
                 copied: Sequence[tuple[str, str]] = ()) -> int:
    """Independent sources among `ids`: articles that copy one another (one wire, `groups`)
    are one source, and so are one outlet's own articles (an outlet agreeing with itself, or
    two of its pages sharing a credit line, is one voice, not two), and two articles whose
    words for this item are one passage one copied from the other (`copied`)."""
    # Imported here: scipy.cluster takes about 0.6 s to import (as in `reuse.index`).
    from scipy.cluster.hierarchy import DisjointSet

    sets = DisjointSet(ids)
    for a, b in copied:
        if a in sets and b in sets:
            sets.merge(a, b)
    first: dict[tuple[str, str], str] = {}
    for i in ids:
        for key in (("group", groups.get(i, i)), ("outlet", outlet_of.get(i, i))):
            if key in first:
                sets.merge(i, first[key])
            else:
                first[key] = i
    return len(sets.subsets())


def copied_pairs(claims: Sequence[Claim], reuse: Sequence[Reuse]) -> list[tuple[str, str]]:
    """Pairs of articles whose claims among `claims` lie (mostly) inside one passage the two
    share: one text, copied, whatever share of the articles the copying covers. Stop 55, real
    text: the Washington Times reprinted five paragraphs of a Fox News report (29% of its
    words, under the 30% that makes two articles one source) and "two sources agreed" on
    each of them."""
    out = []
    for r in reuse:
        in_a = [c for c in claims if c.article_id == r.a]
        in_b = [c for c in claims if c.article_id == r.b]
        if in_a and in_b and any(
                any(_mostly_in(c, p.a_start, p.a_end) for c in in_a)
                and any(_mostly_in(c, p.b_start, p.b_end) for c in in_b)
                for p in r.passages):
            out.append((r.a, r.b))
    return out


def _mostly_in(c: Claim, start: int, end: int) -> bool:
    return 2 * (min(c.end, end) - max(c.start, start)) >= c.end - c.start


def consensus_and_exclusives(clusters: list[list[Claim]], articles: Sequence[Article],
                             groups: dict[str, str], leads: dict[str, int] | None = None,
                             texts: Sequence[str] = (), reuse: Sequence[Reuse] = (),
                             quoted: Mapping[str, Sequence[tuple[int, int]]] | None = None
                             ) -> tuple[tuple[Consensus, ...], tuple[Exclusive, ...]]:
    """Consensus items (a group of claims two independent sources state, two articles whose
    words for it are one copied passage being one source, `copied_pairs`; `leads`: where each
    article's lead ends, `agreement.lead_ends`; `texts`: the story's claim texts, whose word
    words `agreement.StoryWeights` weighs; `quoted`: the quote spans per article, for
    `agreement.agreeing`), omissions and exclusives."""
    weights = StoryWeights(texts) if texts else None
    undated = frozenset(a.id for a in articles if parse_iso(a.published) is None)
    outlet_of = {a.id: a.outlet_label for a in articles}
    outlets = sorted(set(outlet_of.values()))
    consensus: list[Consensus] = []
    exclusives: list[Exclusive] = []
    per_article: dict[str, int] = {}
    for members in clusters:
        rep = _representative(members)
        grouped = {c.article_id for c in members}
        # Only the members saying what the item says count as agreeing (agreement.py).
        agreed = agreeing(members, rep, leads, weights, quoted, undated) \
            if len(grouped) > 1 else members
        ids = tuple(sorted({c.article_id for c in agreed}))
        n_groups = source_count(ids, groups, outlet_of, copied_pairs(agreed, reuse))
        spans = tuple(Span(c.article_id, c.start, c.end)
                      for c in sorted(agreed, key=lambda c: (c.article_id, c.start)))
        if n_groups >= 2 and newsworthy(rep):
            consensus.append(Consensus(text=rep.text, article_ids=ids,
                                       independent_sources=n_groups, spans=spans))
            # Omission: most outlets carry it, this one does not; and at least
            # OMISSION_MIN_OUTLETS do: two of three is thin ground for saying the third left
            # something out (stop 43, real text: of 15 omissions of a sample, about 5 held,
            # each of the others resting on a two-outlet item that was itself wrong).
            carrying = {outlet_of[i] for i in ids}
            if len(outlets) >= 3 and len(carrying) * 2 > len(outlets) \
                    and len(carrying) >= OMISSION_MIN_OUTLETS:
                for outlet in outlets:
                    if outlet in carrying:
                        continue
                    missing = sorted(a.id for a in articles if a.outlet_label == outlet)
                    exclusives.append(Exclusive(text=rep.text, article_id=missing[0],
                                                kind="omission"))
        elif len({outlet_of[i] for i in grouped}) == 1 and len(outlets) >= 2:
            # (on the whole group: a member grouped but not agreeing is still too close to
            # call the fact one outlet's own)
            for c in members:
                if not newsworthy(c) or per_article.get(c.article_id, 0) >= \
                        MAX_EXCLUSIVES_PER_ARTICLE:
                    continue
                if not (c.quantities or c.dates or c.attributed_to or c.subject_entity):
                    continue  # background prose: only checkable statements are findings
                if c.start < (leads or {}).get(c.article_id, 0):
                    # An article's lead tells the story's event, which every member reports
                    # in its own words: "According only to NPR, President Trump signed an
                    # executive order on Tuesday ..." beside the Guardian's "Trump signed an
                    # executive order aimed at ..." (stop 55, real summaries).
                    continue
                per_article[c.article_id] = per_article.get(c.article_id, 0) + 1
                exclusives.append(Exclusive(text=c.text, article_id=c.article_id,
                                            start=c.start, end=c.end, kind="exclusive"))
                break
    consensus.sort(key=lambda c: (-c.independent_sources, -len(c.article_ids), c.text))
    exclusives.sort(key=lambda e: (e.kind, e.article_id, e.start or 0, e.text))
    return tuple(consensus), tuple(exclusives)


def mark_disputed(consensus: Sequence[Consensus], conflicts: Sequence[Conflict]
                  ) -> tuple[Consensus, ...]:
    """Consensus whose statement holds a quote in an attribution conflict: its wording is
    agreed, who said it is not, so it is never shown as plain consensus."""
    contested = [sp for c in conflicts if c.kind == "attribution" for v in c.versions
                 for sp in v.spans]
    return tuple(dataclasses.replace(c, disputed=True) if any(
        s.article_id == q.article_id and s.start < q.end and q.start < s.end
        for s in c.spans for q in contested) else c for c in consensus)


def compare_story(ctx: StoryContext, settings: Settings) -> Story:
    """Consensus, conflicts, exclusives, framing and tones for one story."""
    if len(ctx.articles) < 2:
        # Every finding but tones compares articles (conflicts and consensus need two
        # independent sources, exclusives and framing two outlets): a story of one article
        # has none, and most stories of a large corpus are that (595 of 765 in 1k real ones).
        tones = outlet_tones(ctx.articles, ctx.reuse, ctx.facts)
        return dataclasses.replace(ctx.story, conflicts=(), consensus=(), exclusives=(),
                                   framing=(), tones=tones)
    return _compare(ctx)


def _compare(ctx: StoryContext) -> Story:
    article_ids = [a.id for a in ctx.articles]
    groups = independent_groups(article_ids, ctx.reuse)
    claims = _story_claims(ctx)
    entities: dict[str, Entity] = {e.id: e for e in ctx.story.entities}
    clusters, partial = clustered_claims(claims, MATCH_THRESHOLD)
    quotes = _story_quotes(ctx)
    quoted: dict[str, list[tuple[int, int]]] = {}
    for q in quotes:
        if q.kind in ("direct", "partial"):
            quoted.setdefault(q.article_id, []).append((q.start, q.end))
    consensus, exclusives = consensus_and_exclusives(clusters, ctx.articles, groups,
                                                    lead_ends(ctx.facts),
                                                    [c.text for c in claims], ctx.reuse,
                                                    quoted)
    if partial:
        # Over the claim-pair budget an unscored pair could carry the "exclusive" fact in
        # another outlet, or the "omitted" one in the omitting outlet: abstain.
        exclusives = ()
    conflicts = [
        *attribution_conflicts(quotes, entities, groups, {a.id: a.text for a in ctx.articles},
                               {a.id: a.published for a in ctx.articles}),
        *quantity_conflicts(claims, groups, ctx.articles),
        *event_date_conflicts(claims, groups, quoted),
        *_doubted(partial, [
            *date_conflicts([m for m in clusters if len(m) >= 2], groups, quoted),
            *actor_conflicts([m for m in clusters if len(m) >= 2], entities, groups, quoted),
        ]),
    ]
    conflicts = [c for c in _across_outlets(conflicts, {a.id: a.outlet_label
                                                        for a in ctx.articles})
                 if c.confidence >= SHOWN_AT]
    consensus = voiced(mark_disputed(consensus, conflicts), quotes,
                       {a.id: a.text for a in ctx.articles})
    frames = framing(ctx.story.entities, ctx.articles, ctx.facts)
    tones = outlet_tones(ctx.articles, ctx.reuse, ctx.facts)
    return dataclasses.replace(ctx.story, conflicts=tuple(conflicts), consensus=consensus,
                               exclusives=exclusives, framing=frames, tones=tones)


def doubted(c: Conflict, doubt: str) -> Conflict:
    """`c` with one doubt more: its confidence times `DOUBT`, the doubt named in its `why`."""
    why = f"{c.why}, {doubt}" if "; doubts: " in c.why else f"{c.why}; doubts: {doubt}"
    return make_conflict(c.kind, c.about, c.versions, c.confidence * DOUBT, why)


def _doubted(partial: bool, conflicts: Sequence[Conflict]) -> list[Conflict]:
    """The conflicts found in claim clusters, each with `CLAIM_PART_DOUBT` (one doubt more,
    so at most "possible") when the clusters rest on part of the story's claim pairs."""
    if not partial:
        return list(conflicts)
    return [doubted(c, CLAIM_PART_DOUBT) for c in conflicts]


ONE_OUTLET_DOUBT = "every side is one outlet's own articles (a later one may update another)"


def _across_outlets(conflicts: Sequence[Conflict], outlet_of: dict[str, str]
                    ) -> list[Conflict]:
    """A conflict all of whose sides are one outlet's articles carries `ONE_OUTLET_DOUBT`:
    an outlet's two pieces of a story giving two death tolls are most often two days' tolls
    (real text, stop 44: "25,239 deaths" and "more than 70,000 related deaths" in two BBC
    pieces three weeks apart, undated in the feed). Outlets disagreeing is what a conflict
    is for."""
    out = []
    for c in conflicts:
        outlets = {outlet_of.get(a, a) for v in c.versions for a in v.article_ids}
        out.append(doubted(c, ONE_OUTLET_DOUBT) if len(outlets) == 1 else c)
    return out
