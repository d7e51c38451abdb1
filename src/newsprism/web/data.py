"""What the pages and the API read from the store, through the read cache (cache.py).

Values handed out are shared between requests: callers read them and never change them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any, TypeVar

from .. import SCHEMA
from ..corrections import annotate
from ..model import Outlet
from ..outlets import UNKNOWN, display_name, name_key, outlet_json
from ..storage.corrections import corrections_version, list_corrections
from ..storage.report import report_json, reuse_json, story_json, with_outlets
from ..storage.store import Store
from .cache import ReadCache

T = TypeVar("T")


class Reads:
    def __init__(self, store: Store, check_every: float = 1.0,
                 profiles: Sequence[Outlet] = ()) -> None:
        self.store = store
        self.profiles = tuple(profiles)
        # Corrections change no row count: their own version is part of the key.
        self.cache = ReadCache(lambda: (tuple(sorted(store.counts().items())),
                                        corrections_version(store)),
                               check_every=check_every)

    def counts(self) -> dict[str, int]:
        return self.cache.get(("counts",), self.store.counts)

    def rows(self, q: str | None, since: str | None, until: str | None, limit: int,
             offset: int) -> list[dict[str, Any]]:
        key = ("rows", q, since, until, limit, offset)
        return self.cache.get_bounded(key, lambda: [asdict(r) | {"outlets": outlet_chips(r.outlets)}
                                                    for r in self.store.stories(
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
        articles = self.store.articles(ids)
        index, rows = with_outlets(articles, self.profiles)
        reuse = [r for r in self.store.reuse(ids) if r.a in inside and r.b in inside]
        data = story_json(story, index, articles, reuse)
        made = list_corrections(self.store)
        if made:  # as report_json: findings carry keys and marks once a store has corrections
            annotate(data, made)
        return {"schema": SCHEMA, "story": data,
                "articles": rows, "outlets": [outlet_json(o) for o in index.outlets],
                "reuse": [reuse_json(r) for r in reuse]}

    def article(self, article_id: str) -> dict[str, Any] | None:
        a = self.store.article(article_id)
        return None if a is None else with_outlets([a], self.profiles)[1][0]

    def story_of(self, article_id: str) -> str | None:
        members = self.cache.get(("members",), lambda: {
            a: s for s, ids in self.store.story_members().items() for a in ids})
        return members.get(article_id)

    def report(self) -> dict[str, Any]:
        return self.cache.get(("report",), lambda: report_json(dataclasses.replace(
            self.store.report(), corrections=tuple(list_corrections(self.store))),
            self.profiles))

    def page(self, key: tuple[Any, ...], compute: Callable[[], T], search: bool = False) -> T:
        """A rendered page, cached like the data it shows (`search`: a search result's,
        cached among the searches)."""
        return self.cache.get(("page", *key), compute, search=search)


def outlet_chips(values: Sequence[str]) -> list[str]:
    """The story list's outlet chips from the store's per-story outlet values: one chip per
    outlet key ("FOX" and "fox" are one), and one neutral chip for every value that is no
    outlet name (the store falls back to a file name when an article names no outlet)."""
    chips: dict[str, str] = {}
    unnamed = False
    for v in values:
        name = display_name(v)
        if name is None:
            unnamed = True
            continue
        chips.setdefault(name_key(name), name)
    return sorted(chips.values(), key=str.lower) + ([UNKNOWN] if unnamed else [])
