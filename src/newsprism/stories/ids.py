"""Story identity: ids from the first article, the order that picks it, reuse as link evidence,
and where a retired id now lives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..model import Article, Reuse, Story
from ..text import stable_id

if TYPE_CHECKING:
    from .features import RawFeatures

STRONG_SHARE = 0.1  # a reuse pair sharing at least this fraction of one side's words


def reuse_weight(r: Reuse) -> float:
    """How strongly a reuse pair says "same story", on the cosine scale (0 = no evidence)."""
    if r.near_duplicate:
        return 1.0
    share = max(r.share_a, r.share_b)
    if share >= STRONG_SHARE:
        return min(1.0, 0.6 + share)
    return 0.0


def site_furniture(r: Reuse, art_a: Article, art_b: Article, raw_a: RawFeatures,
                   raw_b: RawFeatures) -> bool:
    """A passage two pages of one outlet share while their headlines share no word family:
    the site's furniture (a rail of other pieces, a newsletter box scraped with the page),
    not one story told twice. Stop 61: eleven undated pages of one newsletter site, "Dems
    Debate", "China Trade Deal", "Impeachment", ..., each ending in the same rail of quoted
    columns (6-28% of each page), made one story on the reuse links alone. Text reprinted
    across outlets, a page reprinted whole and one outlet's update of its own story (whose
    headline keeps a word) stay linked; the vocabulary still links the pages if it can.
    (The headline test is `cluster.triggers_agree`'s, for one pair.)"""
    if r.near_duplicate or not art_a.outlet or art_a.outlet_label != art_b.outlet_label:
        return False
    return bool(raw_a.trigger) and bool(raw_b.trigger) \
        and not set(raw_a.trigger) & set(raw_b.trigger)


def first_key(article: Article) -> tuple[bool, str, str]:
    return (article.published is None, article.published or "", article.id)


def story_id(first_article_id: str) -> str:
    return stable_id("story", first_article_id)


def successors(before: Mapping[str, Sequence[str]], stories: Iterable[Story]) -> dict[str, str]:
    """Where each retired story id now lives: old id -> the new story holding most of its
    articles (ties: the smaller id). A story id is retired when a re-cluster no longer makes
    it (its first article moved, or it was merged or split); a saved link to it must still
    open the story its articles went to. Ids still made are not in the result."""
    owner: dict[str, str] = {}
    live: set[str] = set()
    for s in stories:
        live.add(s.id)
        owner.update((a, s.id) for a in s.article_ids)
    out: dict[str, str] = {}
    for old, members in before.items():
        if old in live:
            continue
        votes = Counter(owner[a] for a in members if a in owner)
        if votes:
            out[old] = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return out
