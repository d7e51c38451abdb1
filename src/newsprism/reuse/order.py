"""The order in which candidate pairs are aligned: an article's pairs close together.

`index.update_reuse` aligns its candidate pairs in this order and puts the results back in
(a, b) order; `index.TokenCache` then makes each article's alignment tokens about once
(docs/scale.md, stop 49).
"""

from __future__ import annotations

import numpy as np


def local_order(pairs: np.ndarray, n: int) -> np.ndarray:
    """An order of `pairs` (rows (i, j) of article indices < n) in which an article's pairs
    come close together, so `TokenCache` makes each article's tokens about once: articles
    ranked by reverse Cuthill-McKee over the graph of the pairs (a band ordering: linked
    articles get near ranks), pairs sorted by their two ranks. Sorted by index instead, an
    article's partners are scattered over the corpus, and at 100k articles most of them had
    left the cache by their next pair (tokens made 1.9 times per article at 3k)."""
    if len(pairs) < 2:
        return np.arange(len(pairs))
    # Imported here, as scipy.cluster is in `index`: only a reuse run with pairs needs them.
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import reverse_cuthill_mckee

    ones = np.ones(len(pairs), dtype=np.int8)
    graph = coo_matrix((ones, (pairs[:, 0], pairs[:, 1])), shape=(n, n)).tocsr()
    rank = np.empty(n, dtype=np.int64)
    rank[reverse_cuthill_mckee(graph + graph.T, symmetric_mode=True)] = np.arange(n)
    first, second = rank[pairs[:, 0]], rank[pairs[:, 1]]
    return np.lexsort((np.maximum(first, second), np.minimum(first, second)))
