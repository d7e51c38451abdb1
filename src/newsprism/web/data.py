"""What the pages and the API read from the store, through the read cache (cache.py).

Values handed out are shared between requests: callers read them and never change them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar

from .. import SCHEMA
from ..storage.report import article_json, report_json, reuse_json, story_json
from ..storage.store import Store
from .cache import ReadCache

T = TypeVar("T")


class Reads:
    def __init__(self, store: Store, check_every: float = 1.0) -> None:
        self.store = store
        self.cache = ReadCache(lambda: tuple(sorted(store.counts().items())),
                               check_every=check_every)

    def counts(self) -> dict[str, int]:
        return self.cache.get(("counts",), self.store.counts)

    def rows(self, q: str | None, since: str | None, until: str | None, limit: int,
             offset: int) -> list[dict[str, Any]]:
        key = ("rows", q, since, until, limit, offset)
        return self.cache.get_bounded(key, lambda: [asdict(r) for r in self.store.stories(
            q, since, until, limit=limit, offset=offset)])

    # Stories and articles are not cached as dicts (large, and unmeasured): the pages and JSON
    # made from them are.

    def bundle(self, story_id: str) -> dict[str, Any] | None:
        """A story in the contract form with its articles and the reuse pairs among them."""
        story = self.store.story(story_id)
        if story is None:
            return None
        ids = list(story.article_ids)
        inside = set(ids)
        return {"schema": SCHEMA, "story": story_json(story),
                "articles": [article_json(a) for a in self.store.articles(ids)],
                "reuse": [reuse_json(r) for r in self.store.reuse(ids)
                          if r.a in inside and r.b in inside]}

    def article(self, article_id: str) -> dict[str, Any] | None:
        a = self.store.article(article_id)
        return None if a is None else article_json(a)

    def story_of(self, article_id: str) -> str | None:
        members = self.cache.get(("members",), lambda: {
            a: s for s, ids in self.store.story_members().items() for a in ids})
        return members.get(article_id)

    def report(self) -> dict[str, Any]:
        return self.cache.get(("report",), lambda: report_json(self.store.report()))

    def page(self, key: tuple[Any, ...], compute: Callable[[], T], search: bool = False) -> T:
        """A rendered page, cached like the data it shows (`search`: a search result's,
        cached among the searches)."""
        return self.cache.get(("page", *key), compute, search=search)
