"""One object per distinct (feature, weighted count) pair across articles' raw features.

An article has some 350 clustering features (`features.RawFeatures.counts`), and each pair with
its name string and count took about 200 bytes: 713 MB for the 10k real store's articles, which
the whole-store clustering holds at once, against 144 MB with equal pairs shared (291k distinct
pairs among 3.5M; docs/scale.md, stop 51), for about 0.17 ms of CPU an article (the dict's
lookups). Applied where raw features are made for many articles at once
(`features_stored.feature_row`: a whole store's rows; `cluster.ordered_graph`: a whole-store
re-cluster), not where an update reads back the rows of the stories it reaches
(`features_stored.raw_of`: a few thousand articles, whose time counts more than their memory),
and not inside features.py, whose text keys the stored features and frames (a change there
makes every store rebuild them). The values are the same; only the memory changes. Bounded:
emptied when it holds MAX_PAIRS pairs (a long `watch`), after which sharing starts again, and
emptied by `forget` once an update has clustered (`regrouping`), so the pairs do not outlive
the features that shared them through the story stages and the commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from .features import RawFeatures

MAX_PAIRS = 500_000
_PAIRS: dict[tuple[str, float], tuple[str, float]] = {}


def shared_counts(counts: Iterable[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    """`counts` as a tuple whose pairs are shared with other articles' equal ones."""
    if len(_PAIRS) >= MAX_PAIRS:
        _PAIRS.clear()
    pairs = counts if isinstance(counts, tuple | list) else list(counts)
    return tuple(map(_PAIRS.setdefault, pairs, pairs))


def shared(raw: RawFeatures) -> RawFeatures:
    """`raw` with its counts shared (`shared_counts`)."""
    return RawFeatures(raw.article_id, shared_counts(raw.counts), raw.actors, raw.headline,
                       raw.trigger, raw.title_words)


def forget() -> None:
    """Empty the shared pairs (they are only a cache: values made after are equal)."""
    _PAIRS.clear()
