"""Which stories an update to a store re-clusters, and which stored story rows it changes.

Called by `service.update_stories` after the reuse step. Two ways (stories/incremental.py
has the rule and its reasons):

- whole: every stored article re-clustered (`pipeline` stage "stories"), the batch result;
  the first run on a store, and each consolidation (`incremental.needs_full`);
- local: the arrived articles attached to the stored stories they reach, which stay whole
  (a story changes only when a new article joins it or bridges it to another); the stories
  holding an article whose reuse pairs changed or that a correction names (`forced`) are
  analysed again with their members as stored; every other story keeps its stored row.

Either way the analysts' story merges and splits (corrections.py) reshape the result. A
correction's articles are always inside one stored story (every update applies them), so a
local update, which takes whole stored stories, applies them to the stories it re-clusters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .corrections import apply_to_stories
from .model import Article, ArticleFacts, Correction, Reuse, Story
from .pipeline import stage_function
from .settings import Settings
from .stories.ids import successors
from .stories.incremental import local_update, needs_full

if TYPE_CHECKING:
    from .storage.store import Store


@dataclass(frozen=True, slots=True)
class Regroup:
    """What re-clustering decided: the stories to analyse and write (`changed`), the stored
    ids to drop, where retired ids now live, the number of stories after, how many stored
    stories were re-clustered, whether that was all of them (`full`), and the store's size at
    its last whole re-cluster (this one's, when `full`)."""

    changed: list[Story]
    removed: list[str]
    redirects: dict[str, str]
    total: int
    reclustered: int
    full: bool
    full_articles: int


def regroup_stories(store: Store, articles: Sequence[Article], lean: Sequence[ArticleFacts],
                    reuse: Sequence[Reuse], settings: Settings, arrived: set[str],
                    touched: set[str], corrections: Sequence[Correction] = (),
                    loose: set[str] | None = None) -> Regroup:
    """Re-cluster the whole store when the consolidation rule asks for it, else only the
    stories `arrived` articles reach and those holding a `touched` article. Under the local
    rule a re-clustered story whose members are as stored and none of whose articles is
    `touched` keeps its stored row, title included. `loose`: articles a correction made or
    undone names; their stories are placed again, not kept whole (`local_update`)."""
    before = store.story_members()
    # A store written before the rule was re-clustered whole by every update: its stories
    # are the batch result over the articles stored before this update.
    recorded = store.full_articles()
    counted = recorded if recorded is not None else len(articles) - len(arrived)
    full = needs_full(len(articles), counted, bool(before), settings.story_consolidate_share)
    if full:
        stories: tuple[Story, ...] = apply_to_stories(
            tuple(stage_function("stories")(articles, lean, reuse, settings)), articles,
            corrections)
        titles = store.story_titles() if before else {}
        replaced: frozenset[str] = frozenset(before)
    else:
        local = local_update(articles, lean, reuse, settings, before, arrived, touched,
                             loose or set())
        subset = {i for s in local.stories for i in s.article_ids}
        stories = apply_to_stories(local.stories, [a for a in articles if a.id in subset],
                                   corrections)
        replaced, titles = local.replaced, {}
    changed = [s for s in stories
               if before.get(s.id) != tuple(sorted(s.article_ids))
               or (full and titles.get(s.id) != s.title)
               or touched.intersection(s.article_ids)]
    new_ids = {s.id for s in stories}
    removed = [k for k in sorted(replaced) if k not in new_ids]
    redirects = successors({k: before[k] for k in removed}, stories)
    return Regroup(changed, removed, redirects, len(before) - len(replaced) + len(stories),
                   len(replaced), full, len(articles) if full else counted)
