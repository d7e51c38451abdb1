"""Story identity: ids from the first article, the order that picks it, reuse as link evidence."""

from __future__ import annotations

from ..model import Article, Reuse
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
