"""The stories stage: articles grouped by the event they report.

    cluster.py    cluster (the stage): features, linkage, split, ids and titles
    features.py   the weighted terms, names and dates an article is compared by
    link.py       the linkage core over candidate pairs
    split.py      cutting a chained cluster where its two halves share little
    ties.py       peeling a dated member without one strong tie to its story
    title.py      a story's title
    incremental.py  an update to a store: re-cluster only the stories new articles reach
    streaming.py  an index that adds articles one at a time (used by tests only)
"""

from .cluster import cluster

__all__ = ["cluster"]
