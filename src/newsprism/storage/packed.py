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
import pickle
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, overload

import sqlalchemy as sa

from ..model import ArticleFacts, Story
from .codec import load

if TYPE_CHECKING:
    from .store import EncodedStory, Store


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


# -- analysed stories held until the report is written (issue 23) ----------------------------

def pickle_story(story: Story) -> tuple[str, bytes]:
    """A story pickled and compressed, with its id (`PickledStories`)."""
    return story.id, zlib.compress(pickle.dumps(story, protocol=pickle.HIGHEST_PROTOCOL), 1)


class PickledStories(PackedStories):
    """A run's analysed stories, each held pickled and compressed (`pickle_story`, made as the
    story stages finish it) and rebuilt when read: writing the report holds one story's
    objects at a time. Without a store the stories were all held as objects until the report
    was written; on a few long articles (5 MB of gzipped JSON Lines, 9 stories of about 35
    articles) that was the largest thing the process held. Pickle, not the store's JSON: the
    exact objects back, and several times faster (`pack_facts`)."""

    __slots__ = ()

    def __init__(self, packed: Iterable[bytes]) -> None:
        self._packed = tuple(packed)

    @staticmethod
    def _decode(packed: bytes) -> Story:
        story = pickle.loads(zlib.decompress(packed))  # noqa: S301  (made by pickle_story)
        if not isinstance(story, Story):
            raise TypeError(f"not a pickled story: {type(story).__name__}")
        return story

    def __repr__(self) -> str:
        return f"PickledStories({len(self)} stories)"


# -- an article's facts, packed (issue 25) -------------------------------------------------


def pack_facts(facts: ArticleFacts) -> bytes:
    """Full facts pickled and compressed: held so by a run (`service.PackedFacts`) and sent so
    to the story stages, which unpack them where they run (`runner.base.analyse_stories`).
    Exact: `unpack_facts(pack_facts(f)) == f`. Not the store's JSON codec: on 100 Baly
    articles 0.05 against 0.28 CPU s to pack, 0.13 against 0.25 to unpack, 0.97 against 1.12
    MB (h-speed11); as objects, some 150 kB an article (`service.TASK_CHUNK`) against 10."""
    return zlib.compress(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack_facts(data: bytes) -> ArticleFacts:
    facts = pickle.loads(zlib.decompress(data))  # noqa: S301  (made by pack_facts, in this run)
    if not isinstance(facts, ArticleFacts):
        raise TypeError(f"not packed facts: {type(facts).__name__}")
    return facts


# -- analysed stories held until the commit (issue 25) ---------------------------------------

PackedStory = tuple[str, bytes]  # (story id, the encoded row compressed)


def pack_story(story: Story) -> PackedStory:
    """A story encoded for its row (`store.encode_story`) and compressed: the encoder the
    story stages run with on a store, so each analysed story travels back from its worker,
    and waits for the commit, as a few kilobytes instead of its stored JSON as text."""
    from .store import encode_story

    coded = encode_story(story)
    return coded.id, zlib.compress(json.dumps(
        [coded.title, list(coded.article_ids), coded.search_text, coded.data,
         coded.n_conflicts, coded.n_quotes]).encode(), 1)  # ASCII: lone surrogates too


class PackedEncoded(Sequence["EncodedStory"]):
    """Analysed stories as the commit writes them (`store.EncodedStory`), each held compressed
    (`pack_story`) and decoded when read. The whole store's changed stories wait here for the
    one commit transaction, which reads them a slice at a time in id order (`id_order`), so
    what the process holds is their compressed size (issue 25: at 10k real articles the
    encoded JSON held until the commit was about 1 GB)."""

    __slots__ = ("_ids", "_packed")

    def __init__(self, items: Iterable[PackedStory] = ()) -> None:
        self._ids: list[str] = []
        self._packed: list[bytes] = []
        self.extend(items)

    def extend(self, items: Iterable[PackedStory]) -> None:
        for story_id, packed in items:
            self._ids.append(story_id)
            self._packed.append(packed)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    def id_order(self) -> list[int]:
        """Positions in story id order."""
        return sorted(range(len(self._ids)), key=self._ids.__getitem__)

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, i: int) -> EncodedStory: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[EncodedStory, ...]: ...

    def __getitem__(self, i: int | slice) -> EncodedStory | tuple[EncodedStory, ...]:
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self))))
        from .store import EncodedStory

        title, article_ids, search_text, data, n_conflicts, n_quotes = json.loads(
            zlib.decompress(self._packed[i]))
        return EncodedStory(self._ids[i], title, tuple(article_ids), search_text, data,
                            n_conflicts, n_quotes)

    def __repr__(self) -> str:
        return f"PackedEncoded({len(self)} stories)"


# -- lean facts held for clustering (issue 25) -----------------------------------------------

def load_lean(rows: Iterable[str]) -> list[ArticleFacts]:
    """Lean facts from their stored JSON, with the values that repeat across articles held
    once: every string value interned (as the JSON is parsed), every (term, count) pair one
    object for the whole load. Clustering holds every stored article's lean facts at once;
    decoded one by one they were 66.6 MB per 1k real articles (each mention, quantity and
    date repeats its article's id; most labels and terms repeat across articles). Equal to
    the plain decoding (`codec.load`); about 1.7 times its CPU (1.8 against 1.1 s for 1,000
    real articles' rows)."""
    pairs: dict[tuple[str, int], tuple[str, int]] = {}
    out = []
    for data in rows:
        facts = load(ArticleFacts, json.loads(data, object_pairs_hook=_interned))
        if facts.terms:
            facts = replace(facts, terms=tuple(pairs.setdefault(t, t) for t in facts.terms))
        out.append(facts)
    return out


def _interned(items: list[tuple[str, Any]]) -> dict[str, Any]:
    return {k: sys.intern(v) if v.__class__ is str else v for k, v in items}
