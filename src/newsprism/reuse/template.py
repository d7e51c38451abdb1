"""The corpus's site template shingles (newsletter boxes, footers, link rails): the rule
(`template_shingles`), and the same set brought up to date after articles are added
(`updated_template`) without counting every stored shingle again.

Which shingles are template depends on every article, so a store that grows must know it
anew on each update. Counting every stored article's shingles (about ten million at 10k
articles) was most of the reuse step's time and memory on a +100 update (docs/scale.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

# Template (site furniture) shingles: in more than max(BOILERPLATE_MIN_DF,
# BOILERPLATE_FRACTION x corpus) documents ...
BOILERPLATE_MIN_DF = 100
BOILERPLATE_FRACTION = 0.01
TEMPLATE_MIN_DF = 10  # ... or in this many documents,
TEMPLATE_OUTLET_SHARE = 0.9  # nearly all from one outlet


def boilerplate_cap(n_docs: int) -> int:
    """Shingles in more documents than this are furniture, not reuse."""
    return max(BOILERPLATE_MIN_DF, math.ceil(BOILERPLATE_FRACTION * n_docs))


def in_sorted(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Per value: is it in `sorted_set` (sorted, distinct)? A binary search per value, so the
    cost does not grow with the set: `np.isin` sorts the set again on every call, and the
    corpus's template set grows with the corpus, which made the per-article calls quadratic."""
    if not len(sorted_set) or not len(values):
        return np.zeros(len(values), dtype=bool)
    idx = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[idx] == values


def template_shingles(shingles: Sequence[np.ndarray], outlets: Sequence[str] | None = None
                      ) -> np.ndarray:
    """Sorted hashes of site template shingles: those in more than `boilerplate_cap`
    documents, and those in at least `TEMPLATE_MIN_DF` documents of which at least
    `TEMPLATE_OUTLET_SHARE` come from one outlet (newsletter boxes, footers, link rails).
    A story syndicated across outlets is spread over many outlets, so it is not template.
    `shingles`: each document's distinct shingle hashes (sorted)."""
    return _template_of(shingles, _owners(shingles, outlets), len(shingles))


def updated_template(shingles: Sequence[np.ndarray], outlets: Sequence[str] | None,
                     previous: np.ndarray, added: np.ndarray) -> np.ndarray:
    """`template_shingles(shingles, outlets)`, from the template of the same corpus without the
    documents `added` (a bool mask): `previous`. Only the shingles of the added documents and
    those of `previous` are counted again. Exact when the other documents (their shingles and
    outlets) are the ones `previous` was made from, none since removed: then any other
    shingle has the same document and outlet counts as then, and the document-count cap has
    not fallen, so it was not template and still is not."""
    fresh = [shingles[i] for i in np.flatnonzero(added).tolist()]
    recheck = np.union1d(previous, np.unique(np.concatenate(fresh))) if fresh else previous
    if not len(recheck):
        return np.zeros(0, dtype=np.uint64)
    # Each document's shingles among those counted again: the same counts, on a small set.
    subset = [s[in_sorted(s, recheck)] for s in shingles]
    return _template_of(subset, _owners(subset, outlets), len(shingles))


def _owners(shingles: Sequence[np.ndarray], outlets: Sequence[str] | None) -> np.ndarray:
    """Per shingle of the concatenated documents: its outlet's number (its document's,
    without outlets)."""
    labels = {o: n for n, o in enumerate(sorted(set(outlets)))} if outlets is not None else None
    return np.repeat(np.array([labels[o] for o in outlets] if outlets is not None and labels
                              else np.arange(len(shingles)), dtype=np.int64),
                     [len(x) for x in shingles])


def _template_of(shingles: Sequence[np.ndarray], owner: np.ndarray, n_docs: int) -> np.ndarray:
    """The template rule over documents' shingles (`owner`: `_owners` of them), with the cap
    of a corpus of `n_docs` documents."""
    if not shingles or not sum(map(len, shingles)):
        return np.zeros(0, dtype=np.uint64)
    hashes = np.concatenate(shingles)
    order = np.lexsort((owner, hashes))
    hashes, owner = hashes[order], owner[order]
    del order
    run = np.flatnonzero(np.r_[True, (hashes[1:] != hashes[:-1]) | (owner[1:] != owner[:-1])])
    run_len = np.diff(np.r_[run, len(hashes)])
    run_hash = hashes[run]
    group = np.flatnonzero(np.r_[True, run_hash[1:] != run_hash[:-1]])
    df = np.add.reduceat(run_len, group)
    top = np.maximum.reduceat(run_len, group)
    cap = boilerplate_cap(n_docs)
    bad = (df > cap) | ((df >= TEMPLATE_MIN_DF) & (top >= TEMPLATE_OUTLET_SHARE * df))
    return run_hash[group][bad]
