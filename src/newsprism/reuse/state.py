"""The reuse stage's incremental state over a store, and the form it is stored in.

The reuse stage is corpus-wide: which shingles are site template depends on every article, so
a new article can change a pair between two old ones. To stay cheap, a store keeps for each
article its `Prints` (made once, from the text as stored) and, for the whole corpus, the last
template with the key of the settings it was made with. `ReuseIndex` owns all of it: it makes
the prints of new articles, reads back what the store kept, runs `update_reuse` (which aligns
again only the candidate pairs whose inputs changed) and gives back the rows to store. The
store keeps them as opaque bytes under the keys chosen here; the service only passes them on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Article, Reuse
from ..settings import Settings
from ..text import word_norms
from .index import (
    Previous,
    Prints,
    ReuseUpdate,
    WordHasher,
    article_prints,
    prints_key,
    results_key,
    update_reuse,
)


@dataclass(frozen=True, slots=True)
class ReuseState:
    """The corpus-level row a store keeps: the template shingles (bytes) of the last run and
    the `results_key` of the settings it ran with."""

    key: str
    template: bytes


PrintRow = tuple[str, bytes, bytes]  # (prints key, shingles, fingerprints) of one article


def hashes_to_bytes(hashes: np.ndarray) -> bytes:
    """A uint64 hash array as it is stored (little-endian)."""
    return hashes.astype("<u8").tobytes()


def hashes_from_bytes(raw: bytes) -> np.ndarray:
    """The stored form read back: a read-only view of `raw` where the machine is
    little-endian (no second copy of every stored article's prints), else a copy."""
    return np.frombuffer(raw, dtype="<u8").astype(np.uint64, copy=False)


class ReuseIndex:
    """The reuse stage for a store that grows: `add` the texts of newly stored articles (as
    the store keeps them) while other work goes on, then `update` over all stored articles.
    The result equals `find_reuse` over the same articles (see `update_reuse`)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.prints_key = prints_key(settings)
        self.results_key = results_key(settings)
        self._hasher = WordHasher()
        self._fresh: dict[str, Prints] = {}

    def add(self, article_id: str, stored_text: str) -> None:
        """Make the prints of one newly stored article (from the text as stored)."""
        self._fresh[article_id] = article_prints(word_norms(stored_text), self.settings,
                                                 self._hasher)

    def update(self, articles: Sequence[Article], pending: Sequence[str],
               old_pairs: Mapping[tuple[str, str], Reuse],
               stored_prints: Mapping[str, tuple[bytes, bytes]],
               stored_state: ReuseState | None) -> ReuseUpdate:
        """The reuse pairs of all stored `articles`. `pending`: the ids this update joins;
        `old_pairs`, `stored_prints` (by `self.prints_key`) and `stored_state`: what the
        store kept from the last update."""
        prints = {i: Prints(hashes_from_bytes(sh), hashes_from_bytes(pr))
                  for i, (sh, pr) in stored_prints.items()}
        prints.update(self._fresh)
        previous = None
        if stored_state is not None and stored_state.key == self.results_key:
            covered = frozenset(a.id for a in articles).difference(pending)
            previous = Previous(old_pairs, hashes_from_bytes(stored_state.template), covered,
                                stored_state.key)
        return update_reuse(articles, self.settings, prints, previous)

    def state_row(self, update: ReuseUpdate) -> ReuseState:
        """The corpus-level row to store with the pairs of `update`."""
        return ReuseState(self.results_key, hashes_to_bytes(update.template))

    def print_rows(self, update: ReuseUpdate) -> dict[str, PrintRow]:
        """The prints made by this index (added, or computed by `update` for articles the
        store had none for), as rows to store by article id."""
        made = {**self._fresh, **update.computed}
        return {i: (self.prints_key, hashes_to_bytes(p.shingles), hashes_to_bytes(p.prints))
                for i, p in made.items()}
