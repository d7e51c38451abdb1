"""Storage: SQLAlchemy Core tables; one URL picks SQLite (default) or PostgreSQL.

Articles (cleaned), their extracted facts, reuse pairs and analysed stories. Structured values
are JSON text from `codec.to_data`, so the same code runs on both databases.

Crash safety rests on three rules. Every write is one transaction. Every row has a
content-hash key and is inserted "if absent" (`ON CONFLICT DO NOTHING`), so a write repeated
after a crash neither loses nor duplicates anything. And the work in between is recorded:
`add_processed` stores a batch of articles with their facts and marks them `pending`;
`commit_analysis` replaces the affected stories and clears those marks in one transaction. A
run killed at any point leaves either the old stories with some pending articles (the next run
finishes them) or the new stories with none.

Long because schema, row codecs and queries still share this module; splitting it is issue 19's
storage/ step.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..errors import StoreError
from ..model import Article, ArticleFacts, InputProblem, Report, Reuse, Story
from ..reuse.state import PrintRow, ReuseState
from . import search, story_features
from .codec import load, to_data
from .search import StoryEntry, story_list_t

log = logging.getLogger(__name__)
metadata = sa.MetaData()

articles_t = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("byline", sa.Text),
    sa.Column("published", sa.String(40), index=True),
    sa.Column("url", sa.Text),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("metadata", sa.Text, nullable=False, server_default="[]"),
    sa.Column("word_count", sa.Integer, nullable=False),
)
facts_t = sa.Table(
    "facts", metadata,
    sa.Column("article_id", sa.String(128), primary_key=True),
    sa.Column("data", sa.Text, nullable=False),
)
reuse_t = sa.Table(
    "reuse", metadata,
    sa.Column("a", sa.String(128), primary_key=True),
    sa.Column("b", sa.String(128), primary_key=True),
    sa.Column("data", sa.Text, nullable=False),
)
stories_t = sa.Table(
    "stories", metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("first_published", sa.String(40), index=True),
    sa.Column("last_published", sa.String(40), index=True),
    sa.Column("search_text", sa.Text, nullable=False, server_default=""),
    sa.Column("data", sa.Text, nullable=False),
)
story_articles_t = sa.Table(
    "story_articles", metadata,
    sa.Column("story_id", sa.String(128), primary_key=True),
    sa.Column("article_id", sa.String(128), primary_key=True, index=True),
)
# Articles stored with their facts but not yet part of the stored stories and reuse pairs.
pending_t = sa.Table(
    "pending", metadata,
    sa.Column("article_id", sa.String(128), primary_key=True),
)
# What clustering reads of each article's facts (terms, mentions, dates), apart from the full
# facts so that re-clustering a large store does not decode every quote and claim.
lean_facts_t = sa.Table(
    "lean_facts", metadata,
    sa.Column("article_id", sa.String(128), primary_key=True),
    sa.Column("data", sa.Text, nullable=False),
)

# Reuse's candidate-step input per article, opaque bytes in the form `reuse.state.ReuseIndex`
# chooses, under the prints key they were made with: a pure function of the text, kept so
# that an incremental run does not split and hash every stored text again.
reuse_prints_t = sa.Table(
    "reuse_prints", metadata,
    sa.Column("article_id", sa.String(128), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("shingles", sa.LargeBinary, nullable=False),
    sa.Column("prints", sa.LargeBinary, nullable=False),
)
# What the last reuse computation left besides its pairs (`reuse.state.ReuseState`: the
# corpus's template and the key of its settings; one row). Written with its pairs.
reuse_state_t = sa.Table(
    "reuse_state", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("template", sa.LargeBinary, nullable=False),
)

# Story ids a re-cluster retired (a story merged, split, or given an earlier first article),
# each pointing at the story that holds most of its articles now, so that saved links still
# open. History, not analysis: a batch run over the same articles has none.
story_redirects_t = sa.Table(
    "story_redirects", metadata,
    sa.Column("old_id", sa.String(128), primary_key=True),
    sa.Column("new_id", sa.String(128), nullable=False, index=True),
)

# How many articles the store held when its stories were last re-clustered as a whole (one
# row): the incremental update's consolidation rule counts from it (stories/incremental.py).
story_state_t = sa.Table(
    "story_state", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("full_articles", sa.Integer, nullable=False),
)


@dataclass(frozen=True, slots=True)
class EncodedStory:
    """An analysed story as its row is written: what the row's columns read of the story, and
    the story's stored JSON. Made where the story was analysed (`encode_story`, on a Dask
    worker), so the process that commits neither decodes nor encodes the story: encoding
    was most of the commit step (2.0 CPU s of the 765 stories of 1k real articles)."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    search_text: str
    data: str
    n_conflicts: int = 0
    n_quotes: int = 0


def encode_story(story: Story) -> EncodedStory:
    words = [story.title] + [e.name for e in story.entities] + \
        [a for e in story.entities for a in e.aliases]
    return EncodedStory(story.id, story.title, tuple(story.article_ids),
                        " ".join(words).lower(), _dump(story), len(story.conflicts),
                        len(story.quotes))


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story as the story list shows it."""

    id: str
    title: str
    n_articles: int
    first_published: str | None
    last_published: str | None
    n_conflicts: int
    n_quotes: int
    outlets: tuple[str, ...]
    n_outlets: int = 0
    # Each article's [id, outlet, url, source, published] (`search.outlet_fields`): enough to
    # resolve the story's outlets, with or without profiles, without reading the articles.
    outlet_fields: tuple[tuple[str | None, ...], ...] = ()


# Neither database takes NUL characters or lone surrogates (from undecodable bytes) in text.
# One character becomes one character, so offsets into the text survive.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


# Stories a commit writes per insert (`encoded_slices`): the rows, search entries and member
# articles of one slice are what the commit holds decoded at a time.
COMMIT_SLICE = 200


def encoded_slices(stories: Sequence[Story | EncodedStory]
                   ) -> tuple[list[str], Iterator[list[EncodedStory]]]:
    """The ids of `stories` in id order, and the stories encoded (each once: the row and
    the search index read the same encoding) in that order, `COMMIT_SLICE` at a time.
    Stories held packed (`packed.PackedEncoded`) are decoded only as their slice is
    written; others are encoded all at once, as given."""
    from .packed import PackedEncoded

    if isinstance(stories, PackedEncoded):
        order, given = stories.id_order(), stories.ids
        ids = [given[k] for k in order]
        return ids, ([stories[k] for k in order[i:i + COMMIT_SLICE]]
                     for i in range(0, len(order), COMMIT_SLICE))
    coded = sorted((s if isinstance(s, EncodedStory) else encode_story(s) for s in stories),
                   key=lambda s: s.id)
    return [c.id for c in coded], (coded[i:i + COMMIT_SLICE]
                                   for i in range(0, len(coded), COMMIT_SLICE))


def storable_text(text: str) -> str:
    """`text` as the store keeps it (and gives it back): NUL and lone surrogates replaced."""
    return _UNSTORABLE.sub("\ufffd", text)


def _safe(text: str | None) -> str | None:
    return None if text is None else storable_text(text)


def _dump(value: Any) -> str:
    return storable_text(json.dumps(to_data(value), ensure_ascii=False, sort_keys=True))


def _safe_article(a: Article) -> Article:
    """The outlet fields the story list keeps, as the store keeps them."""
    return replace(a, outlet=_safe(a.outlet), url=_safe(a.url), source=_safe(a.source) or "",
                   published=_safe(a.published))


def _article_row(a: Article) -> dict[str, Any]:
    return {"id": a.id, "source": _safe(a.source), "outlet": _safe(a.outlet),
            "title": _safe(a.title), "byline": _safe(a.byline), "published": _safe(a.published),
            "url": _safe(a.url), "language": _safe(a.language), "text": _safe(a.text),
            "metadata": _dump([list(p) for p in a.metadata]), "word_count": a.word_count}


def lean(facts: ArticleFacts) -> ArticleFacts:
    """The part of the facts clustering reads: what `stories.features.raw_features` reads,
    and the lead's sentences, whose end bounds the dates that stand in for a missing publish
    date (`stories.cluster.event_day`). Without them an undated article clustered
    differently with `--db` than without (incremental != batch)."""
    from ..stories.cluster import LEAD_SENTENCES  # here: the store loads without numpy

    return ArticleFacts(article_id=facts.article_id,
                        sentences=facts.sentences[:LEAD_SENTENCES], mentions=facts.mentions,
                        quantities=facts.quantities, dates=facts.dates, terms=facts.terms)


def _lacks_lead(facts: ArticleFacts) -> bool:
    """A lean row written before `lean` kept the lead: dates, but no sentence to place them."""
    return not facts.sentences and bool(facts.dates)


def _insert_new(conn: Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert the rows whose key is not there yet; never fails on a duplicate key."""
    if not rows:
        return
    name = conn.dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        conn.execute(pg_insert(table).on_conflict_do_nothing(), list(rows))
    elif name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        conn.execute(sqlite_insert(table).on_conflict_do_nothing(), list(rows))
    else:  # another database: look first (safe inside our single-writer transaction)
        key = list(table.primary_key.columns)[0]
        have = Store._existing(conn, key, [r[key.name] for r in rows])
        fresh = [r for r in rows if r[key.name] not in have]
        if fresh:
            conn.execute(table.insert(), fresh)


def _article_from(row: Any) -> Article:
    return Article(id=row.id, source=row.source, text=row.text, outlet=row.outlet,
                   title=row.title, byline=row.byline, published=row.published, url=row.url,
                   language=row.language,
                   metadata=tuple((k, v) for k, v in json.loads(row.metadata or "[]")))



class Store:
    """One database. Open with `open_store(url)`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    # -- writes --------------------------------------------------------------------------

    def add_processed(self, pairs: Sequence[tuple[Article, ArticleFacts]],
                      on_problem: Callable[[InputProblem], None] | None = None) -> list[str]:
        """A checkpoint: cleaned articles with their facts, marked pending, in one
        transaction. Articles already stored are left as they are. Returns the new ids.

        An article whose id no store can key (empty, over 128 characters, a control
        character, NUL or lone surrogate: `readers.id_problem`) is not stored: it is one
        problem, given to `on_problem` (else logged), and the others are stored. The
        readers and the API check ids first; this keeps a caller that did not from aborting
        the whole transaction (PostgreSQL refuses such keys, SQLite would store them)."""
        from ..readers import id_problem, safe_line

        good: list[tuple[Article, ArticleFacts]] = []
        for a, f in pairs:
            why = id_problem(a.id) if isinstance(a.id, str) else "'id' is not a string"
            if why is None:
                good.append((a, f))
                continue
            problem = InputProblem(safe_line(f"{a.source} (article {a.id})", 200),
                                   f"not stored: {why}")
            if on_problem is not None:
                on_problem(problem)
            else:
                log.warning("%s", problem)
        pairs = good
        if not pairs:
            return []
        with self.engine.begin() as conn:
            have = self._existing(conn, articles_t.c.id, [a.id for a, _ in pairs])
            seen: set[str] = set()
            fresh: list[tuple[Article, ArticleFacts]] = []
            for a, f in pairs:
                if a.id not in have and a.id not in seen:
                    seen.add(a.id)
                    fresh.append((a, f))
            rows = [_article_row(a) for a, _ in fresh]
            _insert_new(conn, articles_t, rows)
            search.add_articles(conn, rows)
            _insert_new(conn, facts_t, [{"article_id": a.id, "data": _dump(f)}
                                        for a, f in fresh])
            _insert_new(conn, lean_facts_t, [{"article_id": a.id, "data": _dump(lean(f))}
                                             for a, f in fresh])
            _insert_new(conn, pending_t, [{"article_id": a.id} for a, _ in fresh])
        return [a.id for a, _ in fresh]

    def commit_analysis(self, reuse: Sequence[Reuse], stories: Sequence[Story | EncodedStory],
                        removed: Iterable[str], done: Iterable[str],
                        reuse_removed: Iterable[tuple[str, str]] = (),
                        reuse_state: ReuseState | None = None,
                        prints: Mapping[str, PrintRow] | None = None,
                        redirects: Mapping[str, str] | None = None,
                        full_articles: int | None = None,
                        also: Callable[[Connection], None] | None = None) -> None:
        """One transaction: drop the `reuse_removed` pairs, then add the `reuse` pairs not
        stored (to change a pair, name its key in both); replace stories (`stories` are
        written; stories in `removed` or sharing an id with a written one are dropped first);
        clear the `done` pending marks; replace the reuse state and add the `prints` (article
        id -> (key, shingles, prints)) not stored; record `redirects` (retired story id -> the
        story now holding its articles; older redirects to a retired id follow it, and an id
        written again stops redirecting); `full_articles`: the stories were re-clustered as a
        whole over this many articles (`story_state`); `also`: more writes of the same
        transaction (the stored clustering features). Repeating it gives the same rows.
        The stories are written a slice at a time in id order (`encoded_slices`), each slice
        with its own articles read, so held packed (`packed.PackedEncoded`) they are decoded
        a slice at a time."""
        written, slices = encoded_slices(stories)
        with self.engine.begin() as conn:
            if full_articles is not None:
                conn.execute(story_state_t.delete())
                conn.execute(story_state_t.insert(), [{"id": 1,
                                                       "full_articles": full_articles}])
            if reuse_state is not None:
                conn.execute(reuse_state_t.delete())
                conn.execute(reuse_state_t.insert(), [{"id": 1, "key": reuse_state.key,
                                                       "template": reuse_state.template}])
            if prints:
                _insert_new(conn, reuse_prints_t, [
                    {"article_id": k, "key": v[0], "shingles": v[1], "prints": v[2]}
                    for k, v in sorted(prints.items())])
            for a, b in sorted(set(reuse_removed)):
                conn.execute(reuse_t.delete().where((reuse_t.c.a == a) & (reuse_t.c.b == b)))
            _insert_new(conn, reuse_t, [{"a": r.a, "b": r.b, "data": _dump(r)} for r in reuse])
            stale = sorted(set(removed) | set(written))
            for i in range(0, len(stale), 500):
                chunk = stale[i:i + 500]
                conn.execute(story_articles_t.delete().where(
                    story_articles_t.c.story_id.in_(chunk)))
                conn.execute(stories_t.delete().where(stories_t.c.id.in_(chunk)))
                search.drop_stories(conn, chunk)
            for part in slices:
                ids = sorted({i for s in part for i in s.article_ids})
                by_id = {a.id: a for a in self._articles(conn, ids)}
                conn.execute(stories_t.insert(), [self._story_row(s, by_id) for s in part])
                self._index_stories(conn, part, by_id)
                conn.execute(story_articles_t.insert(), [
                    {"story_id": s.id, "article_id": i} for s in part for i in s.article_ids])
            self._redirect(conn, written, redirects or {})
            finished = sorted(set(done))
            for i in range(0, len(finished), 500):
                conn.execute(pending_t.delete().where(
                    pending_t.c.article_id.in_(finished[i:i + 500])))
            if also is not None:
                also(conn)

    @staticmethod
    def _redirect(conn: Connection, written: Sequence[str], redirects: Mapping[str, str]) -> None:
        t = story_redirects_t
        alive = sorted(set(written))
        for i in range(0, len(alive), 500):
            conn.execute(t.delete().where(t.c.old_id.in_(alive[i:i + 500])))
        for old, new in sorted(redirects.items()):
            conn.execute(t.update().where(t.c.new_id == old).values(new_id=new))
            conn.execute(t.delete().where(t.c.old_id == old))
            conn.execute(t.insert().values(old_id=old, new_id=new))

    def redirect(self, story_id: str) -> str | None:
        """The story a retired story id now lives in, or None."""
        t = story_redirects_t
        with self.engine.connect() as conn:
            return conn.execute(sa.select(t.c.new_id).where(t.c.old_id == story_id)
                                ).scalar_one_or_none()

    def save_facts(self, facts: Iterable[ArticleFacts]) -> None:
        """Store (or replace) facts; one transaction."""
        given = {f.article_id: f for f in facts}
        if not given:
            return
        ids = sorted(given)
        with self.engine.begin() as conn:
            story_features.forget(conn, ids)  # made again from the new facts
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                conn.execute(facts_t.delete().where(facts_t.c.article_id.in_(chunk)))
                conn.execute(lean_facts_t.delete().where(lean_facts_t.c.article_id.in_(chunk)))
            conn.execute(facts_t.insert(), [{"article_id": k, "data": _dump(given[k])}
                                            for k in ids])
            conn.execute(lean_facts_t.insert(), [{"article_id": k, "data": _dump(lean(given[k]))}
                                                 for k in ids])

    def save_report(self, report: Report, replace_all: bool = False) -> None:
        """Store a report's articles (cleaned), reuse pairs and stories in one transaction.

        Stories sharing an article with a saved story are replaced by it; with `replace_all`
        every story not in the report is dropped (a full re-analysis of the store). The
        stored reuse state is dropped: the next incremental run aligns every candidate again.
        """
        with self.engine.begin() as conn:
            conn.execute(reuse_state_t.delete())
            story_features.forget(conn, [a.id for a in report.articles])  # titles may change
            for a in report.articles:
                conn.execute(articles_t.delete().where(articles_t.c.id == a.id))
            if report.articles:
                rows = [_article_row(a) for a in report.articles]
                conn.execute(articles_t.insert(), rows)
                search.add_articles(conn, rows)
            ids = [a.id for a in report.articles]
            if replace_all:
                conn.execute(reuse_t.delete())
            elif ids:
                conn.execute(reuse_t.delete().where(sa.or_(reuse_t.c.a.in_(ids),
                                                           reuse_t.c.b.in_(ids))))
            if report.reuse:
                conn.execute(reuse_t.insert(), [{"a": r.a, "b": r.b, "data": _dump(r)}
                                                for r in report.reuse])
            if replace_all:
                conn.execute(story_articles_t.delete())
                conn.execute(stories_t.delete())
                search.drop_all_stories(conn)
            else:
                touched = {i for s in report.stories for i in s.article_ids}
                stale = self._stories_of(conn, touched) | {s.id for s in report.stories}
                if stale:
                    conn.execute(story_articles_t.delete().where(
                        story_articles_t.c.story_id.in_(stale)))
                    conn.execute(stories_t.delete().where(stories_t.c.id.in_(stale)))
                    search.drop_stories(conn, sorted(stale))
            if replace_all:
                conn.execute(pending_t.delete())
            elif ids:
                for i in range(0, len(ids), 500):
                    conn.execute(pending_t.delete().where(
                        pending_t.c.article_id.in_(ids[i:i + 500])))
            by_id = {a.id: a for a in report.articles}
            self._redirect(conn, [s.id for s in report.stories], {})
            coded = [encode_story(s) for s in report.stories]
            for story in coded:
                conn.execute(stories_t.insert(), self._story_row(story, by_id))
                conn.execute(story_articles_t.insert(), [
                    {"story_id": story.id, "article_id": i} for i in story.article_ids])
            self._index_stories(conn, coded, by_id)

    @staticmethod
    def _story_row(story: Story | EncodedStory, by_id: dict[str, Article]) -> dict[str, Any]:
        coded = story if isinstance(story, EncodedStory) else encode_story(story)
        dates = sorted(d for i in coded.article_ids
                       if (d := (by_id[i].published if i in by_id else None)))
        return {"id": coded.id, "title": coded.title, "n_articles": len(coded.article_ids),
                "first_published": dates[0] if dates else None,
                "last_published": dates[-1] if dates else None,
                "search_text": coded.search_text, "data": coded.data}

    @staticmethod
    def _index_stories(conn: Connection, stories: Sequence[Story | EncodedStory],
                       by_id: Mapping[str, Article]) -> None:
        coded = [s if isinstance(s, EncodedStory) else encode_story(s) for s in stories]
        absent = sorted({i for c in coded for i in c.article_ids} - by_id.keys())
        if absent:  # a saved report may name stored articles it does not carry
            by_id = {**by_id, **{a.id: a for a in Store._articles(conn, absent)}}
        search.add_stories(conn, [StoryEntry(c.id, storable_text(c.search_text), c.n_conflicts,
                                             c.n_quotes)
                                  for c in coded],
                           {c.id: c.article_ids for c in coded},
                           {i: _safe_article(a) for i, a in by_id.items()})

    def backfill_search(self, rebuild: bool = False) -> int:
        """Index the stored articles and stories that are not indexed (all of them with
        `rebuild`): a store made before the search tables, or by an older version. Returns
        the rows indexed. Another process backfilling at once makes this one stop early."""
        done = 0
        try:
            with self.engine.begin() as conn:
                if rebuild:
                    search.clear(conn)
                elif all(_count(conn, a) == _count(conn, b) for a, b in (
                        (articles_t, search.article_docs_t), (stories_t, story_list_t))):
                    return 0  # every row indexed (two counts, not two id lists, per open)
                have = set(conn.execute(sa.select(search.article_docs_t.c.article_id)).scalars())
                missing = sorted(set(conn.execute(sa.select(articles_t.c.id)).scalars()) - have)
                for i in range(0, len(missing), 500):
                    search.add_articles(conn, [_article_row(a) for a in
                                               self._articles(conn, missing[i:i + 500])])
                done += len(missing)
                have = set(conn.execute(sa.select(story_list_t.c.story_id)).scalars())
                todo = sorted(set(conn.execute(sa.select(stories_t.c.id)).scalars()) - have)
                for i in range(0, len(todo), 200):
                    stories = [load(Story, json.loads(d)) for d in conn.execute(
                        sa.select(stories_t.c.data).where(stories_t.c.id.in_(todo[i:i + 200]))
                    ).scalars()]
                    ids = sorted({a for s in stories for a in s.article_ids})
                    self._index_stories(conn, stories,
                                        {a.id: a for a in self._articles(conn, ids)})
                done += len(todo)
        except sa.exc.IntegrityError:
            return 0  # another process indexed the same rows first
        return done

    # -- reads ---------------------------------------------------------------------------

    @staticmethod
    def _existing(conn: Connection, column: sa.Column, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = list(ids[i:i + 500])
            found.update(conn.execute(sa.select(column).where(column.in_(chunk))).scalars())
        return found

    @staticmethod
    def _stories_of(conn: Connection, article_ids: Iterable[str]) -> set[str]:
        ids = list(article_ids)
        out: set[str] = set()
        for i in range(0, len(ids), 500):
            q = sa.select(story_articles_t.c.story_id).where(
                story_articles_t.c.article_id.in_(ids[i:i + 500]))
            out.update(conn.execute(q).scalars())
        return out

    @staticmethod
    def _articles(conn: Connection, ids: Sequence[str]) -> list[Article]:
        out: list[Article] = []
        for i in range(0, len(ids), 500):
            out.extend(_article_from(r) for r in conn.execute(
                sa.select(articles_t).where(articles_t.c.id.in_(list(ids[i:i + 500])))))
        return sorted(out, key=lambda a: a.id)

    def processed_ids(self, ids: Sequence[str]) -> set[str]:
        """Those of `ids` stored with their facts: they need no cleaning or parsing again."""
        with self.engine.connect() as conn:
            return self._existing(conn, facts_t.c.article_id, list(ids))

    def pending_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(pending_t.c.article_id)
                                     .order_by(pending_t.c.article_id)).scalars())

    def lean_facts(self, known: Mapping[str, ArticleFacts] | None = None,
                   ids: Sequence[str] | None = None) -> list[ArticleFacts]:
        """What clustering needs of every stored article's facts (of those of `ids`, when
        given), by article id. `known`: full facts the caller holds for some of them (equal
        to the stored ones), cut down here for an id of `ids` that has no stored row. A
        stored row is read as it is, also for a known id: it is the text `add_processed`
        wrote from the same facts, and cutting the known facts down again cost unpacking
        them and encoding their lean part (h-speed11). Values that repeat are held once
        (`packed.load_lean`)."""
        from .packed import load_lean

        known = known or {}
        q = sa.select(lean_facts_t.c.article_id, lean_facts_t.c.data) \
            .order_by(lean_facts_t.c.article_id)
        with self.engine.connect() as conn:
            if ids is None:
                out = load_lean(d for _, d in conn.execute(q))
            else:
                wanted = sorted(set(ids))
                rows: dict[str, str] = {}
                for k in range(0, len(wanted), 500):
                    rows.update((i, d) for i, d in conn.execute(
                        q.where(lean_facts_t.c.article_id.in_(wanted[k:k + 500]))))
                rows.update((i, _dump(lean(known[i]))) for i in wanted
                             if i not in rows and i in known)
                out = load_lean(rows[i] for i in sorted(rows))
        old = [k for k, f in enumerate(out) if _lacks_lead(f)]
        if old:  # rows of an older store: completed from the full facts (read once each)
            full = self.facts([out[k].article_id for k in old])
            for k in old:
                f = full.get(out[k].article_id)
                if f is not None:
                    out[k] = lean(f)
        return out

    def story_members(self) -> dict[str, tuple[str, ...]]:
        """Stored story id -> its article ids (sorted)."""
        q = sa.select(story_articles_t).order_by(story_articles_t.c.story_id,
                                                 story_articles_t.c.article_id)
        out: dict[str, list[str]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                out.setdefault(r.story_id, []).append(r.article_id)
        return {k: tuple(v) for k, v in out.items()}

    def full_articles(self) -> int | None:
        """Articles the stories were last re-clustered over as a whole (None: not recorded)."""
        with self.engine.connect() as conn:
            return conn.execute(  # type: ignore[no-any-return]
                sa.select(story_state_t.c.full_articles)).scalar_one_or_none()

    def story_titles(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {r.id: r.title for r in conn.execute(sa.select(stories_t.c.id,
                                                                  stories_t.c.title))}

    def counts(self) -> dict[str, int]:
        """Rows per table (for checks and the docs)."""
        tables = {"articles": articles_t, "facts": facts_t, "reuse": reuse_t,
                  "stories": stories_t, "story_articles": story_articles_t,
                  "pending": pending_t}
        with self.engine.connect() as conn:
            return {name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one())
                    for name, t in tables.items()}

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(articles_t.c.id).order_by(articles_t.c.id))
                        .scalars())

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        q = sa.select(articles_t).order_by(articles_t.c.id)
        with self.engine.connect() as conn:
            if ids is None:
                return [_article_from(r) for r in conn.execute(q)]
            return self._articles(conn, ids)

    def article(self, article_id: str) -> Article | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def facts(self, ids: Sequence[str]) -> dict[str, ArticleFacts]:
        out: dict[str, ArticleFacts] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                q = sa.select(facts_t).where(facts_t.c.article_id.in_(list(ids[i:i + 500])))
                for r in conn.execute(q):
                    out[r.article_id] = load(ArticleFacts, json.loads(r.data))
        return out

    def reuse_prints(self, key: str) -> dict[str, tuple[bytes, bytes]]:
        """Stored reuse prints made under `key`: article id -> (shingles, prints) bytes."""
        q = sa.select(reuse_prints_t.c.article_id, reuse_prints_t.c.shingles,
                      reuse_prints_t.c.prints).where(reuse_prints_t.c.key == key)
        with self.engine.connect() as conn:
            return {r.article_id: (bytes(r.shingles), bytes(r.prints)) for r in conn.execute(q)}

    def reuse_state(self) -> ReuseState | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(reuse_state_t)).first()
        return None if row is None else ReuseState(row.key, bytes(row.template))

    def reuse(self, article_ids: Sequence[str] | None = None) -> list[Reuse]:
        """Stored reuse pairs (those touching `article_ids`, when given), sorted by (a, b)."""
        q = sa.select(reuse_t.c.a, reuse_t.c.b, reuse_t.c.data)
        with self.engine.connect() as conn:
            if article_ids is None:
                rows = [(r.a, r.b, r.data) for r in conn.execute(q)]
            else:
                ids = sorted(set(article_ids))
                found: dict[tuple[str, str], str] = {}
                for i in range(0, len(ids), 500):
                    chunk = ids[i:i + 500]
                    for r in conn.execute(q.where(sa.or_(reuse_t.c.a.in_(chunk),
                                                         reuse_t.c.b.in_(chunk)))):
                        found[(r.a, r.b)] = r.data
                rows = [(a, b, d) for (a, b), d in found.items()]
        rows.sort(key=lambda r: (r[0], r[1]))
        return [load(Reuse, json.loads(r[2])) for r in rows]

    def story(self, story_id: str) -> Story | None:
        with self.engine.connect() as conn:
            data = conn.execute(sa.select(stories_t.c.data).where(stories_t.c.id == story_id)
                                ).scalar_one_or_none()
        return None if data is None else load(Story, json.loads(data))

    def stories_full(self) -> list[Story]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(stories_t.c.data).order_by(stories_t.c.id)).scalars()
            return [load(Story, json.loads(d)) for d in rows]

    def stories(self, query: str | None = None, since: str | None = None,
                until: str | None = None, limit: int = 100, offset: int = 0, *,
                sort: str = "newest", any_of: Sequence[Collection[str]] = ()
                ) -> list[StoryRow]:
        """Story list with full-text search (`search.py`: every word in the story's title or
        names or in one of its articles), a date filter, outlet-key filters (`any_of`: the
        story has one of the keys of each group) and a sort (`search.SORTS`; relevance
        needs a query). Values are bound parameters: search text is never spliced into SQL."""
        q = self._story_select(query, since, until, sort, any_of)
        q = q.limit(max(1, min(limit, 1000))).offset(max(0, offset))
        with self.engine.connect() as conn:
            return [_story_row_from(r) for r in conn.execute(q)]

    def count_stories(self, query: str | None = None, since: str | None = None,
                      until: str | None = None, *, any_of: Sequence[Collection[str]] = ()
                      ) -> int:
        """How many stories `stories` finds with the same filters, over all pages."""
        q = self._story_select(query, since, until, "newest", any_of).order_by(None)
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(q.subquery()))
                       .scalar_one())

    def _story_select(self, query: str | None, since: str | None, until: str | None,
                      sort: str, any_of: Sequence[Collection[str]]) -> sa.Select[Any]:
        for name, value in (("since", since), ("until", until)):
            if value and not search.valid_date(value):
                raise ValueError(f"{name} must be a date YYYY[-MM[-DD]], got {value[:40]!r}")
        if sort not in search.SORTS:
            raise ValueError(f"sort must be one of {', '.join(search.SORTS)}, got {sort[:40]!r}")
        words = search.query_words(query)
        l = story_list_t  # noqa: E741
        frm = stories_t.outerjoin(l, l.c.story_id == stories_t.c.id)
        score = None
        dialect = self.engine.dialect.name
        if words and search.full_text(dialect):
            hits = search.matches(dialect, words)
            frm = frm.join(hits, hits.c.sid == stories_t.c.id)
            score = hits.c.score
        q = sa.select(stories_t.c.id, stories_t.c.title, stories_t.c.n_articles,
                      stories_t.c.first_published, stories_t.c.last_published,
                      l.c.n_conflicts, l.c.n_quotes, l.c.n_outlets, l.c.outlet_fields
                      ).select_from(frm)
        if (query or "").strip() and not words:
            q = q.where(sa.false())  # only stop words or punctuation: nothing to look for
        if words and score is None:  # a database without full-text search: titles and names
            for word in words:
                q = q.where(stories_t.c.search_text.contains(word, autoescape=True))
        if since:
            q = q.where(stories_t.c.last_published >= since)
        if until:
            q = q.where(stories_t.c.first_published <= until + "~")
        for group in any_of:
            keys = sorted(set(group))
            q = q.where(sa.or_(*[l.c.outlet_keys.contains(f"|{k}|", autoescape=True)
                                 for k in keys]) if keys else sa.false())
        # NULLS LAST spelled out: the two databases differ on where NULL sorts.
        newest = [stories_t.c.last_published.desc().nulls_last(), stories_t.c.id]
        if sort == "relevance" and score is not None:
            return q.order_by(score.asc(), *newest)
        if sort == "outlets":
            return q.order_by(sa.func.coalesce(l.c.n_outlets, 0).desc(), *newest)
        return q.order_by(*newest)

    def report(self) -> Report:
        return Report(articles=tuple(self.articles()), reuse=tuple(self.reuse()),
                      stories=tuple(self.stories_full()))


def _count(conn: Connection, table: sa.Table) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def _story_row_from(r: Any) -> StoryRow:
    fields = tuple(tuple(f) for f in json.loads(r.outlet_fields or "[]"))
    outlets = tuple(sorted({f[1] or (f[3] or "").rsplit("/", 1)[-1] for f in fields}))
    return StoryRow(r.id, r.title, r.n_articles, r.first_published, r.last_published,
                    r.n_conflicts or 0, r.n_quotes or 0, outlets, r.n_outlets or 0, fields)


def open_store(url: str) -> Store:
    """Open (and create the tables of) the database at `url`: `sqlite:///path.db`,
    `sqlite://` (in memory) or `postgresql://user@host:port/db`."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    try:
        kwargs: dict[str, Any] = {}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 30}
        engine = sa.create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            @sa.event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn: Any, _record: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.close()
        metadata.create_all(engine)
        story_features.create(engine)
        store = Store(engine)
        store.backfill_search(rebuild=search.prepare(engine))
    except (sa.exc.SQLAlchemyError, OSError, ValueError) as exc:
        raise StoreError(f"{url}: cannot open the database ({exc.__class__.__name__}: "
                         f"{str(exc).splitlines()[0]}); check the --db URL") from exc
    return store
