"""Full-text search and the story list's own columns.

Two indexes, each kept in the transaction that writes what it indexes:
- per article (`article_docs`): title and cleaned text, written with the article
  (`add_processed`, `save_report`), dropped when the article is replaced;
- per story (`story_list`): title, entity names and aliases for the search, and what the
  story list shows without decoding the story: conflict, quote and outlet counts, the
  outlets' keys (for the outlet and lean filters) and each article's outlet fields (so the
  web app resolves outlets, with the user's profiles, from the row alone). Written and
  dropped with the story (`commit_analysis`, `save_report`).

SQLite: FTS5 tables (`article_fts`, `story_fts`, Porter stemmer) whose rowid is the
`doc` column of the row they index. PostgreSQL: a `tsvector` column (`english` config) with a
GIN index on each table. Other databases: words in the story's title and names (LIKE).

A query is cut into words (letters and digits); English stop words are dropped (PostgreSQL's
`english` config drops them, so both databases agree); each remaining word must occur in the
story: in its title or names, or in the title or text of one of its articles. Relevance: the
sum over words of the best match (title and names weigh `HEAD_WEIGHT` times an article).
A query with no searchable word matches nothing. Values are bound parameters.

An existing store gets the tables on open and is backfilled (`Store.backfill_search`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..model import Article
from ..outlets import display_name, domain_label, host_of, name_key, resolve_outlets

search_metadata = sa.MetaData()

article_docs_t = sa.Table(
    "article_docs", search_metadata,
    sa.Column("doc", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(128), nullable=False, unique=True),
)
story_list_t = sa.Table(
    "story_list", search_metadata,
    sa.Column("doc", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("story_id", sa.String(128), nullable=False, unique=True),
    sa.Column("n_conflicts", sa.Integer, nullable=False),
    sa.Column("n_quotes", sa.Integer, nullable=False),
    sa.Column("n_outlets", sa.Integer, nullable=False),
    sa.Column("outlet_keys", sa.Text, nullable=False),  # "|key|key|": name keys, domain labels
    # JSON [[article id, outlet, url, source, published], ...] (`outlet_fields`)
    sa.Column("outlet_fields", sa.Text, nullable=False),
)

SORTS = ("relevance", "newest", "outlets")
MAX_WORDS = 8  # words of one query used (each is one more index lookup)
MAX_WORD_CHARS = 40
HEAD_WEIGHT = 4.0  # a word in the story's title or names counts this many article matches
# PostgreSQL's `english` stop list (Snowball), so a stop word is ignored on both databases.
STOP = frozenset("""a about above after again against all am an and any are as at be because
been before being below between both but by can did do does doing don down during each few for
from further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own s same she should so some such t than that the their theirs them
themselves then there these they this those through to too under until up very was we were what
when where which while who whom why will with you your yours yourself yourselves""".split())
_WORD = re.compile(r"[^\W_]+")
_DIALECTS = ("sqlite", "postgresql")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def valid_date(value: str) -> bool:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real month and day (not `2019-13-45`)."""
    if not _DATE.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return parts[0] >= 1


def query_words(query: str | None) -> list[str]:
    """The searchable words of a query: lower-cased letters and digits, no stop words."""
    out: list[str] = []
    for w in _WORD.findall((query or "").lower()):
        if w not in STOP and w not in out:
            out.append(w[:MAX_WORD_CHARS])
    return out[:MAX_WORDS]


# -- schema ----------------------------------------------------------------------------------

def prepare(engine: Engine) -> bool:
    """Create the search tables (and the database's index) where missing. True when the
    full-text index was created now, so stored rows must be indexed again."""
    with engine.begin() as conn:
        name = conn.dialect.name
        fresh = not sa.inspect(conn).has_table("story_list")
        search_metadata.create_all(conn)
        if name == "sqlite":
            have = {r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name IN ('article_fts', 'story_fts')")}
            for table, cols in (("article_fts", "title, body"), ("story_fts", "head")):
                if table not in have:
                    fresh = True
                    conn.exec_driver_sql(f"CREATE VIRTUAL TABLE {table} USING fts5({cols}, "
                                         "tokenize='porter unicode61')")
        elif name == "postgresql":
            for table in ("article_docs", "story_list"):
                names = {c["name"] for c in sa.inspect(conn).get_columns(table)}
                if "tsv" not in names:
                    fresh = True
                    conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN tsv tsvector")
                    conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {table}_tsv "
                                         f"ON {table} USING GIN (tsv)")
    return fresh


def clear(conn: Connection) -> None:
    """Drop every search row (a full re-analysis, or an index built again)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM article_fts")
        conn.exec_driver_sql("DELETE FROM story_fts")
    conn.execute(article_docs_t.delete())
    conn.execute(story_list_t.delete())


# -- articles --------------------------------------------------------------------------------

def add_articles(conn: Connection, stored: Sequence[Mapping[str, Any]]) -> None:
    """Index articles given as their stored rows (`id`, `title`, `text`, as written). An
    article indexed already is dropped first, so an article written again is indexed once."""
    if not stored:
        return
    drop_articles(conn, [r["id"] for r in stored])
    conn.execute(article_docs_t.insert(), [{"article_id": r["id"]} for r in stored])
    rows = [{"id": r["id"], "title": r["title"] or "", "body": r["text"]} for r in stored]
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("INSERT INTO article_fts(rowid, title, body) SELECT doc, :title, "
                             ":body FROM article_docs WHERE article_id = :id"), rows)
    elif conn.dialect.name == "postgresql":
        conn.execute(sa.text(
            "UPDATE article_docs SET tsv = setweight(to_tsvector('english', :title), 'A') || "
            "to_tsvector('english', :body) WHERE article_id = :id"), rows)


def _drop(conn: Connection, ids: Sequence[str], table: sa.Table, key: str, fts: str) -> None:
    """Delete the rows of `table` whose `key` is in `ids`, and on SQLite their FTS5 rows
    (`fts`, keyed by the table's `doc` column), 500 ids at a time."""
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        if conn.dialect.name == "sqlite":
            conn.execute(sa.text(f"DELETE FROM {fts} WHERE rowid IN (SELECT doc FROM "
                                 f"{table.name} WHERE {key} IN :ids)").bindparams(
                sa.bindparam("ids", expanding=True)), {"ids": chunk})
        conn.execute(table.delete().where(table.c[key].in_(chunk)))


def drop_articles(conn: Connection, ids: Sequence[str]) -> None:
    _drop(conn, ids, article_docs_t, "article_id", "article_fts")


# -- stories ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoryEntry:
    """What `story_list` holds of one story, made where the story is encoded."""

    story_id: str
    head: str  # title, entity names and aliases
    n_conflicts: int
    n_quotes: int


def outlet_fields(article_ids: Iterable[str], by_id: Mapping[str, Article]
                  ) -> list[list[str | None]]:
    """Each article's outlet, url, source and date: what `outlets.resolve_outlets` reads."""
    return [[i, a.outlet, a.url, a.source, a.published]
            for i in article_ids if (a := by_id.get(i)) is not None]


def fields_as_articles(fields: Sequence[Sequence[str | None]]) -> list[dict[str, Any]]:
    return [{"id": f[0], "outlet": f[1], "url": f[2], "source": f[3], "published": f[4]}
            for f in fields]


def outlet_keys(fields: Sequence[Sequence[str | None]]) -> set[str]:
    """The keys the outlet and lean filters compare: each article's outlet name key and its
    host's registrable label (`outlets.name_key`, `outlets.domain_label`)."""
    keys: set[str] = set()
    for f in fields:
        name = display_name(f[1])
        if name:
            keys.add(name_key(name))
        host = host_of(f[2]) or host_of(f[3])
        if host:
            keys.add(domain_label(host))
    return {k for k in keys if k}


def add_stories(conn: Connection, entries: Sequence[StoryEntry],
                article_ids: Mapping[str, Sequence[str]], by_id: Mapping[str, Article]) -> None:
    """Index the stories (drop their old rows first). `by_id`: their articles."""
    if not entries:
        return
    drop_stories(conn, [e.story_id for e in entries])
    rows = []
    for e in entries:
        fields = outlet_fields(article_ids[e.story_id], by_id)
        rows.append({"story_id": e.story_id, "n_conflicts": e.n_conflicts,
                     "n_quotes": e.n_quotes,
                     "n_outlets": len(resolve_outlets(fields_as_articles(fields)).outlets),
                     "outlet_keys": "|" + "|".join(sorted(outlet_keys(fields))) + "|",
                     "outlet_fields": json.dumps(fields, ensure_ascii=False)})
    conn.execute(story_list_t.insert(), rows)
    heads = [{"id": e.story_id, "head": e.head} for e in entries]
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("INSERT INTO story_fts(rowid, head) SELECT doc, :head "
                             "FROM story_list WHERE story_id = :id"), heads)
    elif conn.dialect.name == "postgresql":
        conn.execute(sa.text("UPDATE story_list SET tsv = to_tsvector('english', :head) "
                             "WHERE story_id = :id"), heads)


def drop_all_stories(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM story_fts")
    conn.execute(story_list_t.delete())


def drop_stories(conn: Connection, ids: Sequence[str]) -> None:
    _drop(conn, ids, story_list_t, "story_id", "story_fts")


# -- queries ---------------------------------------------------------------------------------

def _word_hits(dialect: str, n: int) -> str:
    """SQL giving (sid, score) for the stories holding word `:wN`; lower score is better."""
    if dialect == "sqlite":
        return (f"SELECT l.story_id AS sid, {HEAD_WEIGHT} * bm25(story_fts) AS score "
                f"FROM story_fts JOIN story_list l ON l.doc = story_fts.rowid "
                f"WHERE story_fts MATCH :w{n} "
                f"UNION ALL SELECT m.story_id AS sid, bm25(article_fts) AS score "
                f"FROM article_fts JOIN article_docs d ON d.doc = article_fts.rowid "
                f"JOIN story_articles m ON m.article_id = d.article_id "
                f"WHERE article_fts MATCH :w{n}")
    q = f"plainto_tsquery('english', :w{n})"
    return (f"SELECT l.story_id AS sid, -{HEAD_WEIGHT} * ts_rank(l.tsv, {q}) AS score "
            f"FROM story_list l WHERE l.tsv @@ {q} "
            f"UNION ALL SELECT m.story_id AS sid, -ts_rank(d.tsv, {q}) AS score "
            f"FROM article_docs d JOIN story_articles m ON m.article_id = d.article_id "
            f"WHERE d.tsv @@ {q}")


def matches(dialect: str, words: Sequence[str]) -> sa.Subquery:
    """(sid, score) of the stories holding every word; lower score is better."""
    parts = [f"h{n} AS (SELECT sid, MIN(score) AS score FROM ({_word_hits(dialect, n)}) "
             f"AS u{n} GROUP BY sid)" for n in range(len(words))]
    joins = " ".join(f"JOIN h{n} ON h{n}.sid = h0.sid" for n in range(1, len(words)))
    total = " + ".join(f"h{n}.score" for n in range(len(words)))
    sql = f"WITH {', '.join(parts)} SELECT h0.sid AS sid, {total} AS score FROM h0 {joins}"
    # FTS5 reads a quoted string as a phrase of its tokens: no operator in it is obeyed.
    binds = {f"w{n}": (f'"{w}"' if dialect == "sqlite" else w) for n, w in enumerate(words)}
    return sa.text(sql).bindparams(**binds).columns(
        sa.column("sid", sa.String), sa.column("score", sa.Float)).subquery("hits")


def full_text(dialect: str) -> bool:
    return dialect in _DIALECTS
