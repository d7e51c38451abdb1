"""The stored clustering features (issue 25; stories/features_stored.py has the form and its
reasons): each article's packed feature counts with its event day, the store's feature
vocabulary with document frequencies, and the key of the code that made them; each
article's lead as the lead rules read it (`story_leads`); and each article's event frame
(`story_frames`), which re-clustering otherwise parses again.

Written by `write` inside the transaction that commits an update's stories (so the counts are
always those of the articles the stored stories cover), forgotten for an article whose facts
or text are replaced (`forget`), and read by an update: the vocabulary whole, the rows by
event day (`rows`). SQLite and PostgreSQL alike; the tables are made when the store opens.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

metadata = sa.MetaData()

# One row: the key (`features_stored.FEATURES_KEY`) the stored features were made under, and
# how many articles they count.
story_features_state_t = sa.Table(
    "story_features_state", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("key", sa.String(64), nullable=False),
    sa.Column("n", sa.Integer, nullable=False),
)
story_vocab_t = sa.Table(
    "story_vocab", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("feature", sa.Text, nullable=False),
    sa.Column("df", sa.Integer, nullable=False),
    sa.Column("event_df", sa.Integer, nullable=False),
)
story_features_t = sa.Table(
    "story_features", metadata,
    sa.Column("article_id", sa.String(128), primary_key=True),
    sa.Column("day", sa.Float, index=True),  # event day (ordinal); NULL: unknown
    sa.Column("dated", sa.Boolean, nullable=False),
    sa.Column("ids", sa.LargeBinary, nullable=False),  # int64 vocabulary ids
    sa.Column("counts", sa.LargeBinary, nullable=False),  # float64
    sa.Column("actors", sa.LargeBinary, nullable=False),  # one byte per feature
)

# Each article's event frame (`stories.frames.Frame`: predicate and object families, each a
# space-joined word list), under the key of the code and spaCy pipeline that parsed it
# (`features_stored.FRAMES_KEY`): a row of another key is no frame. Written by the update
# whose re-clustering parsed it; an update then parses only the articles without one.
story_frames_t = sa.Table(
    "story_frames", metadata,
    sa.Column("article_id", sa.String(128), primary_key=True),
    sa.Column("key", sa.String(64), nullable=False),
    sa.Column("predicates", sa.Text, nullable=False),
    sa.Column("objects", sa.Text, nullable=False),
)
# Each article's lead as the lead rules read it (`stories.leadcut.lead_cut`, the JSON of an
# `ArticleFacts`), made with its feature row under the same key: an update reads it instead
# of the article's whole lean facts.
story_leads_t = sa.Table(
    "story_leads", metadata,
    sa.Column("article_id", sa.String(128), primary_key=True),
    sa.Column("data", sa.Text, nullable=False),
)
_IN_CHUNK = 500  # ids per IN (...) list


def create(engine: sa.Engine) -> None:
    metadata.create_all(engine)


def state(conn: Connection) -> tuple[str, int] | None:
    row = conn.execute(sa.select(story_features_state_t)).first()
    return None if row is None else (row.key, row.n)


def vocab(conn: Connection) -> tuple[list[str], list[int], list[int]]:
    names: list[str] = []
    df: list[int] = []
    event_df: list[int] = []
    q = sa.select(story_vocab_t.c.feature, story_vocab_t.c.df, story_vocab_t.c.event_df) \
        .order_by(story_vocab_t.c.id)
    for f, d, e in conn.execute(q):
        names.append(f)
        df.append(d)
        event_df.append(e)
    return names, df, event_df


def stored_ids(conn: Connection) -> set[str]:
    return set(conn.execute(sa.select(story_features_t.c.article_id)).scalars())


def rows(conn: Connection, windows: Sequence[tuple[float, float]] | None,
         exclude: Iterable[str] = ()) -> list[tuple[str, float | None, bool, bytes, bytes, bytes]]:
    """Stored rows (id, day, dated, ids, counts, actors) whose day is in one of `windows`
    or unknown (every row: `windows` None), by id, without the ids in `exclude`."""
    t = story_features_t
    q = sa.select(t.c.article_id, t.c.day, t.c.dated, t.c.ids, t.c.counts, t.c.actors)
    if windows is not None:
        q = q.where(sa.or_(t.c.day.is_(None),
                           *[t.c.day.between(lo, hi) for lo, hi in windows]))
    skip = set(exclude)
    out = [(r.article_id, r.day, bool(r.dated), bytes(r.ids), bytes(r.counts), bytes(r.actors))
           for r in conn.execute(q.order_by(t.c.article_id)) if r.article_id not in skip]
    return out


def rows_of(conn: Connection, article_ids: Sequence[str]
            ) -> list[tuple[str, float | None, bool, bytes, bytes, bytes]]:
    """The stored rows (as `rows`) of `article_ids`, by id."""
    t = story_features_t
    ids = sorted(set(article_ids))
    out: list[tuple[str, float | None, bool, bytes, bytes, bytes]] = []
    for i in range(0, len(ids), _IN_CHUNK):
        q = sa.select(t.c.article_id, t.c.day, t.c.dated, t.c.ids, t.c.counts, t.c.actors) \
            .where(t.c.article_id.in_(ids[i:i + _IN_CHUNK]))
        out.extend((r.article_id, r.day, bool(r.dated), bytes(r.ids), bytes(r.counts),
                    bytes(r.actors)) for r in conn.execute(q))
    return sorted(out)


def leads(conn: Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """The stored leads (JSON) of those of `article_ids` that have one."""
    t = story_leads_t
    ids = sorted(set(article_ids))
    out: dict[str, str] = {}
    for i in range(0, len(ids), _IN_CHUNK):
        q = sa.select(t.c.article_id, t.c.data).where(t.c.article_id.in_(ids[i:i + _IN_CHUNK]))
        out.update((r.article_id, r.data) for r in conn.execute(q))
    return out


def reset(conn: Connection, key: str) -> None:
    """Drop every stored feature (made by other code than `key`'s)."""
    conn.execute(story_features_t.delete())
    conn.execute(story_leads_t.delete())
    conn.execute(story_vocab_t.delete())
    conn.execute(story_features_state_t.delete())
    conn.execute(story_features_state_t.insert().values(id=1, key=key, n=0))


def write(conn: Connection, key: str, n: int, names: Sequence[str],
          counts: Sequence[tuple[int, int, int]], rows_: Sequence[dict[str, Any]],
          first_new: int, fresh: bool, leads_: Mapping[str, str] | None = None) -> None:
    """Record articles' feature rows and the vocabulary's counts after them: `counts` are
    (id, df, event_df) of every id that changed; ids from `first_new` on are new, named by
    `names`. `fresh`: the stored features were made by another key (or never): replaced.
    `leads_`: their leads (id -> JSON), stored beside the rows."""
    if fresh:
        reset(conn, key)
    new = [{"id": k, "feature": names[k], "df": d, "event_df": e}
           for k, d, e in counts if k >= first_new]
    old = [{"k": k, "d": d, "e": e} for k, d, e in counts if k < first_new]
    if old:
        t = story_vocab_t
        conn.execute(t.update().where(t.c.id == sa.bindparam("k"))
                     .values(df=sa.bindparam("d"), event_df=sa.bindparam("e")), old)
    if new:
        conn.execute(story_vocab_t.insert(), new)
    if rows_:
        conn.execute(story_features_t.insert(), list(rows_))
    if leads_:
        ids = sorted(leads_)
        for i in range(0, len(ids), _IN_CHUNK):
            conn.execute(story_leads_t.delete().where(
                story_leads_t.c.article_id.in_(ids[i:i + _IN_CHUNK])))
        conn.execute(story_leads_t.insert(), [{"article_id": i, "data": leads_[i]} for i in ids])
    conn.execute(story_features_state_t.delete())
    conn.execute(story_features_state_t.insert().values(id=1, key=key, n=n))


def frames(conn: Connection, key: str, article_ids: Sequence[str]
           ) -> dict[str, tuple[str, str]]:
    """The stored frames (predicates, objects) of `article_ids` made under `key`."""
    t = story_frames_t
    ids = sorted(set(article_ids))
    out: dict[str, tuple[str, str]] = {}
    for i in range(0, len(ids), _IN_CHUNK):
        q = sa.select(t.c.article_id, t.c.predicates, t.c.objects).where(
            t.c.key == key, t.c.article_id.in_(ids[i:i + _IN_CHUNK]))
        out.update((r.article_id, (r.predicates, r.objects)) for r in conn.execute(q))
    return out


def write_frames(conn: Connection, key: str, rows: Mapping[str, tuple[str, str]]) -> None:
    """Store frames (id -> (predicates, objects)) under `key`, replacing any row of those
    ids."""
    t = story_frames_t
    ids = sorted(rows)
    for i in range(0, len(ids), _IN_CHUNK):
        conn.execute(t.delete().where(t.c.article_id.in_(ids[i:i + _IN_CHUNK])))
    if ids:
        conn.execute(t.insert(), [{"article_id": i, "key": key, "predicates": rows[i][0],
                                   "objects": rows[i][1]} for i in ids])


def forget(conn: Connection, article_ids: Iterable[str]) -> None:
    """Take articles out of the stored features (their facts or text are being replaced):
    their rows go, the vocabulary counts them no more; the next update makes them again."""
    import numpy as np

    ids = sorted(set(article_ids))
    for i in range(0, len(ids), _IN_CHUNK):  # a new text or new facts: another frame
        conn.execute(story_frames_t.delete().where(
            story_frames_t.c.article_id.in_(ids[i:i + _IN_CHUNK])))
    t = story_features_t
    found: list[Any] = []
    for i in range(0, len(ids), 500):
        found.extend(conn.execute(sa.select(t.c.article_id, t.c.ids, t.c.actors)
                                  .where(t.c.article_id.in_(ids[i:i + 500]))))
    if not found:
        return
    df: dict[int, int] = {}
    event_df: dict[int, int] = {}
    for row in found:
        for k, actor in zip(np.frombuffer(row.ids, np.int64).tolist(),
                            np.frombuffer(row.actors, np.uint8).tolist(), strict=True):
            df[k] = df.get(k, 0) + 1
            if not actor:
                event_df[k] = event_df.get(k, 0) + 1
    v = story_vocab_t
    conn.execute(v.update().where(v.c.id == sa.bindparam("k"))
                 .values(df=v.c.df - sa.bindparam("d"), event_df=v.c.event_df - sa.bindparam("e")),
                 [{"k": k, "d": d, "e": event_df.get(k, 0)} for k, d in sorted(df.items())])
    gone = [r.article_id for r in found]
    for i in range(0, len(gone), 500):
        conn.execute(t.delete().where(t.c.article_id.in_(gone[i:i + 500])))
        conn.execute(story_leads_t.delete().where(
            story_leads_t.c.article_id.in_(gone[i:i + 500])))
    s = story_features_state_t
    conn.execute(s.update().values(n=s.c.n - len(gone)))
