"""The candidate step takes the site template out of every text's fingerprints at once
(`template.all_outside_template`): the same fingerprints, owners and counts as
`without_template` text by text, including its rule that a text which would keep less than a
tenth of its fingerprints keeps them all (issue 25: one search over the corpus instead of
one per text)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.reuse.template import all_outside_template, without_template


def one_by_one(prints, template):
    kept = [without_template(p, template) for p in prints]
    sizes = np.array([len(k) for k in kept], dtype=np.int64)
    owner = np.repeat(np.arange(len(kept), dtype=np.int64), sizes)
    hashes = np.concatenate(kept) if kept else np.zeros(0, dtype=np.uint64)
    return hashes, owner, sizes


@pytest.mark.parametrize("seed", range(6))
def test_all_at_once_is_text_by_text(seed: int) -> None:
    rng = np.random.default_rng(seed)
    pool = rng.choice(2**40, size=400, replace=False).astype(np.uint64)
    template = np.sort(rng.choice(pool, size=[0, 5, 60, 200][seed % 4], replace=False))
    prints = []
    for k in range(40):
        size = int(rng.integers(0, 30))
        if k % 7 == 3 and len(template):  # mostly template: keeps everything (the 90% rule)
            picked = np.concatenate([template[:size], pool[-1:]])
        else:
            picked = rng.choice(pool, size=size, replace=False)
        prints.append(np.unique(picked.astype(np.uint64)))
    got, want = all_outside_template(prints, template), one_by_one(prints, template)
    for g, w in zip(got, want, strict=True):
        assert g.dtype == w.dtype and np.array_equal(g, w)
    if len(template):  # the cases the rule tells apart are there
        dropped = [len(without_template(p, template)) < len(p) for p in prints]
        kept_all = [len(p) and len(without_template(p, template)) == len(p)
                    and np.isin(p, template).any() for p in prints]
        assert any(dropped) and (seed % 4 == 1 or any(kept_all))


def test_no_texts_and_empty_texts() -> None:
    empty = np.zeros(0, dtype=np.uint64)
    for prints in ([], [empty, empty]):
        got = all_outside_template(prints, np.array([1, 2], dtype=np.uint64))
        assert [len(x) for x in got] == [0, 0, len(prints)]
