"""The stored form of the clustering features (issue 25): what an incremental update reads
instead of deriving every stored article's features again.

An update used to recompute `raw_features` for every stored article (from every article's
lean facts), count the store's document frequencies again (`cluster.idf_basis`) and multiply
the new articles' TF-IDF rows with the whole store's. Now each article's features are made
once, when the update that stores it commits, and kept with the store's counts:

    article + lean facts ──> `feature_row` (raw features, event day, dated or not)
                         ──> `Vocab.pack`: feature ids (one store-wide vocabulary), counts and
                             actor flags, written with the vocabulary's document frequencies
                             (storage/story_features.py), in the transaction of the stories

    an update ──> `Vocab` (every feature's df and event df: the `IdfBasis` of the whole store)
              ──> `stored_reach`: the arrived articles' cosines with the stored articles that
                  the time window lets them reach (an index on the event day; every one when
                  an arrived article has no day), from their packed rows: the postings of
                  those rows' features (a sparse product over the column index), with the
                  whole store's weights

Exact: the weights, rows and window are those `incremental._reached` computes over every
article (the same `idf`, the same counts, the same window rule), so the articles reached are
the same (tests/test_features_stored.py compares the two on generated stores; the sums may
differ in the last bit of a float, and a cosine that close to the threshold is not met in
practice). `FEATURES_KEY` names the code the features were made with: stored features of
another key are made again, all at once, on the next update.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from ..model import Article, ArticleFacts
from .cluster import STAND_IN_WINDOW, event_day, published_day
from .features import RawFeatures, raw_features, title_content, title_figures, title_trigger
from .features import idf as idf_of
from .frames import Frame
from .shared import shared

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = ["FEATURES_KEY", "FeatureRow", "Packed", "Vocab", "feature_row", "frame_of_row",
           "frame_row", "frames_key", "parsed_frames", "raw_of",
           "stored_reach"]


def _key() -> str:
    """The code the features are made with: features.py and the text helpers it reads,
    undated.py, whose dates stand in for a missing publish day in the stored event day, and
    the modules that cut an article's stored lead (`leadcut.lead_cut`)."""
    from .. import text
    from . import features, headnames, leadcut, undated, weekdays

    digest = hashlib.sha1(b"features-stored-1")
    for module in (features, text, undated, leadcut, headnames, weekdays):
        digest.update(Path(module.__file__ or "").read_bytes() if module.__file__ else b"")
    return digest.hexdigest()[:16]


FEATURES_KEY = _key()


def frames_key(model: str, fast_rules: bool) -> str:
    """What a stored frame depends on: the frame code, the word families and lemma rules it
    reads, and the spaCy pipeline that parses it (name, version, fast rules)."""
    from importlib import metadata

    from ..nlp import rules
    from . import features, frames

    digest = hashlib.sha1(b"frames-stored-1")
    for module in (frames, features, rules):
        digest.update(Path(module.__file__ or "").read_bytes() if module.__file__ else b"")
    for dist in ("spacy", model):
        try:
            digest.update(f"{dist}={metadata.version(dist)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=?;".encode())
    digest.update(f"fast={fast_rules}".encode())
    return digest.hexdigest()[:16]


def raw_of(packed: Packed, names: Sequence[str], title: str | None) -> RawFeatures:
    """The `raw_features` an article's stored row was packed from (`Vocab.pack` keeps every
    count, positive, in their sorted order, and the actor flags; the rest is the title's)."""
    named = list(map(names.__getitem__, packed.ids.tolist()))
    counts = tuple(zip(named, packed.counts.tolist(), strict=True))
    actors = tuple(sorted(compress(named, packed.actors.tolist())))
    return RawFeatures(packed.article_id, counts, actors, title_figures(title),
                       title_trigger(title, actors), title_content(title))


def frame_row(frame: Frame) -> tuple[str, str]:
    """A frame as stored: its predicate and object families, each space-joined (families
    are letters only)."""
    return " ".join(sorted(frame.predicates)), " ".join(sorted(frame.objects))


def frame_of_row(row: tuple[str, str]) -> Frame:
    return Frame(frozenset(row[0].split()), frozenset(row[1].split()))


# What the store replaces in a text (`storage.store.storable_text`): a frame made from an
# article before it is stored could differ from one made from the stored article.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
FrameRows = tuple[tuple[str, str, str], ...]  # (article id, predicates, objects): `frame_row`


def parsed_frames(pairs: Sequence[tuple[Article, ArticleFacts]], settings: Settings
                  ) -> tuple[str, FrameRows]:
    """The frames of articles just parsed, made where they were parsed (a runner's worker,
    whose pipeline is loaded), as (`frames_key`, rows): an update then reads them instead of
    loading spaCy in its own process to parse the new articles' headlines and leads. The same
    frames: the same `frames.article_frames` over the same title, lead and names (the lean
    facts keep the first sentences and the mentions). An article whose title, text or names
    the store would change is left out (the update parses it after it is stored, as before).
    ("", ()) when frames are off or the pipeline is missing."""
    from .frames import article_frames

    keep = [(a, f) for a, f in pairs
            if not any(_UNSTORABLE.search(x) for x in
                       (a.title or "", a.text, *(m.text for m in f.mentions)))]
    made = article_frames([a for a, _ in keep], [f for _, f in keep], settings) \
        if keep else None
    if made is None:
        return "", ()
    return (frames_key(settings.spacy_model, settings.spacy_fast_rules),
            tuple((a.id, *frame_row(frame)) for (a, _), frame in zip(keep, made, strict=True)))


@dataclass(frozen=True, slots=True)
class FeatureRow:
    """What the reach reads of one article: its raw features, its event day (ordinal, None
    when unknown: `cluster.event_day`) and whether it has a publish day (`dated`: the
    narrower time window applies)."""

    raw: RawFeatures
    day: float | None
    dated: bool


def _ordinal(day: date | None) -> float | None:
    return float(day.toordinal()) if day is not None else None


def feature_row(article: Article, facts: ArticleFacts) -> FeatureRow:
    """The stored form of one article (its lean facts suffice)."""
    return FeatureRow(shared(raw_features(facts, article.title)),
                      _ordinal(event_day(article, facts)),
                      published_day(article) is not None)


@dataclass(frozen=True, slots=True)
class Packed:
    """One article's row as stored: vocabulary ids, counts (> 0) and actor flags, in the
    order of `RawFeatures.counts`."""

    article_id: str
    day: float | None
    dated: bool
    ids: np.ndarray  # int64
    counts: np.ndarray  # float64
    actors: np.ndarray  # bool


@dataclass(slots=True)
class Vocab:
    """The store's feature vocabulary with each feature's document frequency (`df`: articles
    holding it; `event_df`: in their event part) over `n` articles: the `cluster.IdfBasis`
    of the whole store. `grown`: ids added or counted since it was read (to write back)."""

    names: list[str]
    df: list[int]
    event_df: list[int]
    n: int
    index: dict[str, int] = field(default_factory=dict)
    grown: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not self.index:
            self.index = {f: k for k, f in enumerate(self.names)}

    def pack(self, article_id: str, row: FeatureRow) -> Packed:
        """Count `row` in (a new article of the store) and return its packed form."""
        ids, counts, actors = [], [], []
        actor_set = set(row.raw.actors)
        for f, c in row.raw.counts:
            if c <= 0:
                continue
            k = self.index.get(f)
            if k is None:
                k = self.index[f] = len(self.names)
                self.names.append(f)
                self.df.append(0)
                self.event_df.append(0)
            self.df[k] += 1
            is_actor = f in actor_set
            if not is_actor:
                self.event_df[k] += 1
            self.grown.add(k)
            ids.append(k)
            counts.append(c)
            actors.append(is_actor)
        self.n += 1
        return Packed(article_id, row.day, row.dated, np.asarray(ids, np.int64),
                      np.asarray(counts, np.float64), np.asarray(actors, bool))

    def basis_maps(self) -> tuple[Mapping[str, int], Mapping[str, int]]:
        """`IdfBasis.df` and `event_df` as mappings by feature name."""
        return _ByName(self.index, self.df), _ByName(self.index, self.event_df)


class _ByName(Mapping[str, int]):
    def __init__(self, index: Mapping[str, int], counts: Sequence[int]) -> None:
        self._index, self._counts = index, counts

    def __getitem__(self, key: str) -> int:
        return self._counts[self._index[key]]

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        """As `Mapping.get`, in one call (`tfidf_rows` asks it once per feature)."""
        k = self._index.get(key)
        return default if k is None else self._counts[k]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def _rows(packed: Sequence[Packed], weights: np.ndarray, width: int) -> sparse.csr_matrix:
    """Unit TF-IDF rows (as `cluster.tfidf_rows` with a basis: counts times the weight of
    their feature, each row divided by its L2 norm)."""
    indptr = np.zeros(len(packed) + 1, np.int64)
    indptr[1:] = np.cumsum([len(p.ids) for p in packed])
    indices = np.concatenate([p.ids for p in packed]) if packed else np.zeros(0, np.int64)
    data = np.concatenate([p.counts for p in packed]) if packed else np.zeros(0)
    x = sparse.csr_matrix((data * weights[indices], indices, indptr),
                          shape=(len(packed), max(width, 1)))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ x)


def stored_reach(new: Sequence[Packed], stored: Sequence[Packed], vocab: Vocab,
                 threshold: float, window_days: float) -> set[str]:
    """Ids of the `stored` rows an arrived (`new`) one reaches: a cosine at `threshold` with
    the whole store's weights, and event days within the window (`cluster`'s windows: the
    wider `STAND_IN_WINDOW` when either has no publish day; no day: always within). The
    rule of `incremental._reached` (without its reuse pairs)."""
    if not new or not stored:
        return set()
    # The features the rows hold, marked rather than sorted (at 100k generated articles the
    # sort of every row's ids, some 35 million, and of their frequencies took most of an
    # update's reach; the same ids, in order).
    present = np.zeros(len(vocab.names), bool)
    for p in (*new, *stored):
        present[p.ids] = True
    used = np.flatnonzero(present)
    weights = np.zeros(len(vocab.names))
    # `idf` once per distinct frequency (the same floats as once per feature).
    freq = np.asarray(vocab.df, np.int64)[used]
    held = np.flatnonzero(np.bincount(freq)) if len(freq) else freq
    table = np.zeros(int(held[-1]) + 1 if len(held) else 1)
    table[held] = [idf_of(int(d), vocab.n) for d in held.tolist()]
    weights[used] = table[freq]
    xn = _rows(new, weights, len(vocab.names))
    xs = _rows(stored, weights, len(vocab.names))
    sims = (xn @ xs.T.tocsr()).tocoo()  # over the stored rows' feature postings
    nan = float("nan")
    when_new = np.array([nan if p.day is None else p.day for p in new])
    when_old = np.array([nan if p.day is None else p.day for p in stored])
    dated_new = np.array([p.dated for p in new])
    dated_old = np.array([p.dated for p in stored])
    stand_in = ~dated_new[sims.row] | ~dated_old[sims.col]
    window = np.where(stand_in, max(window_days, STAND_IN_WINDOW), window_days)
    gap = np.abs(when_new[sims.row] - when_old[sims.col])
    keep = (sims.data >= threshold) & ~(gap > window)  # nan gap (no day): kept
    return {stored[j].article_id for j in np.unique(sims.col[keep]).tolist()}


def day_windows(new: Sequence[Packed], window_days: float) -> list[tuple[float, float]] | None:
    """The event days a stored article must fall in (or have none) to be reachable by one
    of `new` (merged intervals, the widest window each side), or None: every day (an
    arrived article has no day, so the window bounds nothing)."""
    days = [p.day for p in new]
    if any(d is None for d in days):
        return None
    reach = max(window_days, STAND_IN_WINDOW)
    out: list[tuple[float, float]] = []
    for d in sorted(d for d in days if d is not None):
        lo, hi = d - reach, d + reach
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
