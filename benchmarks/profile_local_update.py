"""Profile an incremental story update (`stories.incremental.local_update`) on a copy of a
store: the `--new` latest-published stored articles play the arrivals (taken out of the
stored stories first), and cProfile prints where the time goes (docs/scale.md).

    PYTHONPATH=src .venv/bin/python benchmarks/profile_local_update.py sqlite:////tmp/copy.db
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time


def main() -> None:
    from newsprism.settings import load_settings
    from newsprism.storage.store import open_store
    from newsprism.stories.incremental import local_update

    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--new", type=int, default=100)
    args = parser.parse_args()
    settings = load_settings()
    store = open_store(args.db)
    articles, lean = store.articles(), store.lean_facts()
    reuse, members = store.reuse(), store.story_members()
    store.close()
    new = {a.id for a in sorted(articles, key=lambda a: (a.published or "", a.id))[-args.new:]}
    before = {}
    for sid, ids in members.items():
        rest = tuple(i for i in ids if i not in new)
        if rest:
            before[sid] = rest
    t = time.perf_counter()
    prof = cProfile.Profile()
    prof.enable()
    local = local_update(articles, lean, reuse, settings, before, new)
    prof.disable()
    print(f"local_update {time.perf_counter() - t:.1f} s; stories replaced "
          f"{len(local.replaced)}, articles reached {local.reached}")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
