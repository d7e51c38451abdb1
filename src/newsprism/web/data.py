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
from ..outlets import (
    UNKNOWN,
    domain_label,
    lean_coverage,
    name_key,
    outlet_json,
    resolve_outlets,
)
from ..storage.corrections import corrections_version, list_corrections
from ..storage.report import report_json, reuse_json, story_json, with_outlets
from ..storage.search import fields_as_articles, query_words
from ..storage.store import Store, StoryRow
from .cache import ROWS_PER_TOKEN, ReadCache

T = TypeVar("T")


class Reads:
    def __init__(self, store: Store, check_every: float = 1.0,
                 profiles: Sequence[Outlet] = ()) -> None:
        self.store = store
        self.profiles = tuple(profiles)
        # The corrections table is made on first use: made here, before the server's threads
        # race to make it (two threads both found it missing and the second CREATE failed:
        # a story page answered 500 under 50 clients on a fresh store, issue 23).
        corrections_version(store)
        # Corrections change no row count: their own version is part of the key.
        self.cache = ReadCache(lambda: (tuple(sorted(store.counts().items())),
                                        corrections_version(store)),
                               check_every=check_every)

    def counts(self) -> dict[str, int]:
        return self.cache.get(("counts",), self.store.counts)

    def rows(self, q: str | None, since: str | None, until: str | None, limit: int,
             offset: int, sort: str | None = None, outlet: str | None = None,
             lean: str | None = None, client: str | None = None) -> dict[str, Any]:
        """`{"rows": [...], "total": n, "sort": s}`: one page of the story list and how many
        stories the filters find. `sort` None: relevance with a query, else newest.
        `outlet`: an outlet id or name; `lean`: a lean of the user's profiles. `client`: who
        asks (a miss costs them a token per page of rows, `cache.ClientLimit`)."""
        sort = sort or ("relevance" if query_words(q) else "newest")
        key = ("rows", q, since, until, limit, offset, sort, outlet, lean)
        any_of = [g for g in (self.outlet_keys(outlet) if outlet else None,
                              self.lean_keys(lean) if lean else None) if g is not None]

        def compute() -> dict[str, Any]:
            found = self.store.stories(q, since, until, limit=limit, offset=offset, sort=sort,
                                       any_of=any_of)
            total = offset + len(found) if 0 < len(found) < limit else \
                self.store.count_stories(q, since, until, any_of=any_of)
            return {"rows": [self.row(r) for r in found], "total": total, "sort": sort}
        return self.cache.get_bounded(key, compute, client,
                                      lambda found: len(found["rows"]) / ROWS_PER_TOKEN)

    def row(self, r: StoryRow) -> dict[str, Any]:
        """A story list row: the store's row with the story's outlets resolved (with the
        profiles: ids, chips, and outlets per lean when any is rated)."""
        index = resolve_outlets(fields_as_articles(r.outlet_fields), self.profiles)
        known = sorted((o.name for o in index.outlets if o.known), key=str.lower)
        out = {k: v for k, v in asdict(r).items() if k != "outlet_fields"}
        out["outlets"] = known + ([UNKNOWN] if len(known) < len(index.outlets) else [])
        out["outlet_ids"] = [o.id for o in index.outlets]
        if any(o.lean for o in index.outlets):
            # Each outlet counts once here; the story page counts independent sources.
            counts, blindspot = lean_coverage(
                [f[0] for f in r.outlet_fields if f[0]], index,
                {f[0]: index.by_article.get(f[0], f[0]) for f in r.outlet_fields if f[0]},
                {f[0]: f[4] for f in r.outlet_fields if f[0]})
            out["lean_coverage"], out["blindspot"] = counts, blindspot
        return out

    def outlet_keys(self, outlet: str) -> set[str]:
        """The store keys (`search.outlet_keys`) of one outlet, given by id or name: its name
        key, and every key of the profile it names."""
        key = name_key(outlet[2:] if outlet.startswith("o-") else outlet)
        keys = {key} if key else set()
        for p in self.profiles:
            if p.id == outlet or name_key(p.name) == key:
                keys |= profile_keys(p)
        return keys

    def lean_keys(self, lean: str) -> set[str]:
        """The store keys of every profiled outlet rated `lean` (none without profiles)."""
        return {k for p in self.profiles if p.lean == lean for k in profile_keys(p)}

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

    def redirect(self, story_id: str) -> str | None:
        """The story a retired story id now lives in (store.Store.redirect), or None."""
        return self.cache.get(("redirect", story_id), lambda: self.store.redirect(story_id))

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


def profile_keys(profile: Outlet) -> set[str]:
    return {k for k in [name_key(profile.name), *map(domain_label, profile.domains)] if k}
