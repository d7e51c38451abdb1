"""The corrections table: analysts' corrections, kept apart from the analysed rows.

Its own table (SQLite and PostgreSQL alike, created on first use), so that a re-analysis that
replaces stories never touches it. Undo sets `undone` and keeps the row: the report lists
undone corrections too (the contract's `undone` field).
"""

from __future__ import annotations

import json
import weakref
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..model import Correction
from ..text import stable_id
from .store import Store, storable_text

_metadata = sa.MetaData()
corrections_t = sa.Table(
    "corrections", _metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("made", sa.String(40), nullable=False),
    sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()),
)
_ready: weakref.WeakSet[Engine] = weakref.WeakSet()


def _engine(store: Store) -> Engine:
    engine = store.engine
    if engine not in _ready:
        _metadata.create_all(engine)
        _ready.add(engine)
    return engine


def _from(row: Any) -> Correction:
    return Correction(id=row.id, kind=row.kind, target=row.target, value=json.loads(row.value),
                      made=row.made, undone=bool(row.undone))


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def add_correction(store: Store, kind: str, target: str, value: Any,
                   made: str | None = None) -> Correction:
    """Store a new correction (one transaction) and return it."""
    made = made or now()
    text = storable_text(json.dumps(value, ensure_ascii=False, sort_keys=True))
    cid = stable_id("correction", kind, target, text, made, length=12)
    c = Correction(id=cid, kind=kind, target=storable_text(target), value=json.loads(text),
                   made=made)
    with _engine(store).begin() as conn:
        conn.execute(corrections_t.insert(), [{"id": c.id, "kind": c.kind, "target": c.target,
                                               "value": text, "made": c.made, "undone": False}])
    return c


def list_corrections(store: Store, include_undone: bool = True) -> list[Correction]:
    """Every stored correction, oldest first."""
    q = sa.select(corrections_t).order_by(corrections_t.c.made, corrections_t.c.id)
    if not include_undone:
        q = q.where(corrections_t.c.undone == sa.false())
    with _engine(store).connect() as conn:
        return [_from(r) for r in conn.execute(q)]


def get_correction(store: Store, cid: str) -> Correction | None:
    with _engine(store).connect() as conn:
        row = conn.execute(sa.select(corrections_t).where(corrections_t.c.id == cid)).first()
    return None if row is None else _from(row)


def undo_correction(store: Store, cid: str) -> Correction | None:
    """Mark `cid` undone (kept, listed as undone). None when there is no such correction."""
    with _engine(store).begin() as conn:
        n = conn.execute(corrections_t.update().where(corrections_t.c.id == cid)
                         .values(undone=True)).rowcount
    return get_correction(store, cid) if n else None


def corrections_version(store: Store) -> tuple[int, int]:
    """Changes whenever a correction is made or undone (for the web read cache's key)."""
    with _engine(store).connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(corrections_t)).scalar_one()
        undone = conn.execute(sa.select(sa.func.count()).select_from(corrections_t)
                              .where(corrections_t.c.undone == sa.true())).scalar_one()
    return int(total), int(undone)
