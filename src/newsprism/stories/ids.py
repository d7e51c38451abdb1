"""Story identity: ids from the first article, the order that picks it, reuse as link evidence,
and where a retired id now lives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from ..model import Article, Reuse, Story
from ..text import stable_id

STRONG_SHARE = 0.1  # a reuse pair sharing at least this fraction of one side's words


def reuse_weight(r: Reuse) -> float:
    """How strongly a reuse pair says "same story", on the cosine scale (0 = no evidence)."""
    if r.near_duplicate:
        return 1.0
    share = max(r.share_a, r.share_b)
    if share >= STRONG_SHARE:
        return min(1.0, 0.6 + share)
    return 0.0


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
