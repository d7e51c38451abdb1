"""A store's stories for its report, held compressed and decoded one at a time (issue 25).

The report of a `--db` run covers the whole store. Decoded all at once, its stories were the
largest thing the process held: at 10k real articles 493 MB of stored JSON became about
2 GB of objects, so memory grew with the store, not with the characters in flight
(docs/scale.md, "Memory at 10k"). `PackedStories` holds each story's stored JSON compressed
(zlib level 1: a sixth or so of its size) and decodes a story when it is read, so writing
the report (`storage.report.write_report_json`, one story after another) holds one decoded
story at a time. The stories read back are those `Store.stories_full` gives (same JSON, same
decoder), in the same order (by id).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import sqlalchemy as sa

from ..model import Story
from .codec import load

if TYPE_CHECKING:
    from .store import Store


class PackedStories(Sequence[Story]):
    """Stories as compressed stored JSON; each read decodes one. Equal to any sequence of
    equal stories (a tuple of them included), so a report holding them compares as before."""

    __slots__ = ("_packed",)

    def __init__(self, rows: Iterable[str]) -> None:
        self._packed = tuple(zlib.compress(d.encode(), 1) for d in rows)

    @staticmethod
    def _decode(packed: bytes) -> Story:
        return load(Story, json.loads(zlib.decompress(packed)))

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, i: int) -> Story: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Story, ...]: ...

    def __getitem__(self, i: int | slice) -> Story | tuple[Story, ...]:
        if isinstance(i, slice):
            return tuple(self._decode(p) for p in self._packed[i])
        return self._decode(self._packed[i])

    def __iter__(self) -> Iterator[Story]:
        for p in self._packed:
            yield self._decode(p)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedStories):
            return self._packed == other._packed or list(self) == list(other)
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"PackedStories({len(self)} stories)"


def stored_stories(store: Store) -> PackedStories:
    """Every stored story, by id, packed as it is read (rows streamed where the database
    can: the whole store's JSON is never held as text either)."""
    from .store import stories_t

    q = sa.select(stories_t.c.data).order_by(stories_t.c.id)
    with store.engine.connect() as conn:
        rows: Any = conn.execution_options(stream_results=True).execute(q).scalars()
        return PackedStories(rows)
