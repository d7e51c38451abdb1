"""How long after it is published is an article in its story? `newsprism watch`'s loop against a
local news site (tests/feedserver.py, loopback only) that publishes one article every
`--gap` seconds; the watcher polls every `--every` seconds into a fresh SQLite store.

    .venv/bin/python benchmarks/watch_latency.py --articles 500 --gap 2 --every 10

Prints the median, 90th percentile and worst latency (publish -> in a story in the store) and
the poll times. Bounded: it stops after the last article is in a story or after `--timeout`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from feedserver import news_site  # noqa: E402
from newsprism.settings import Settings  # noqa: E402
from newsprism.storage import open_store  # noqa: E402
from newsprism.text import stable_id  # noqa: E402
from newsprism.watch import Watcher  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--gap", type=float, default=2.0, help="seconds between two articles")
    ap.add_argument("--every", type=float, default=10.0, help="seconds between polls")
    ap.add_argument("--timeout", type=float, default=3600.0)
    args = ap.parse_args()
    settings = Settings().replace(allow_private_fetch=True, fetch_host_delay=0.0)
    with tempfile.TemporaryDirectory() as tmp, news_site() as site:
        store = open_store(f"sqlite:///{Path(tmp) / 'watch.db'}")
        watcher = Watcher([site.base + "/feed.xml"], store, settings)
        stop = threading.Event()
        in_story: dict[int, float] = {}
        polls: list[float] = []

        def publisher() -> None:
            for _ in range(args.articles):
                if stop.is_set():
                    return
                site.publish()
                time.sleep(args.gap)

        def on_poll(result) -> None:  # noqa: ANN001
            now = time.time()
            polls.append(result.seconds)
            members = {a for ids in store.story_members().values() for a in ids}
            for item in list(site.items):
                if item.n not in in_story and stable_id(f"{site.base}/a/{item.n}.html") in members:
                    in_story[item.n] = now - item.published
            if len(in_story) >= args.articles or time.monotonic() - t0 > args.timeout:
                stop.set()

        t0 = time.monotonic()
        thread = threading.Thread(target=publisher, daemon=True)
        thread.start()
        try:
            watcher.run(args.every, stop, on_poll)
        finally:
            stop.set()
            watcher.close()
            store.close()
        lat = sorted(in_story.values())
        print(f"articles published {len(site.items)}, in a story {len(lat)}; "
              f"gap {args.gap} s, poll every {args.every} s; {len(polls)} polls, "
              f"poll seconds median {statistics.median(polls):.1f}, max {max(polls):.1f}")
        if lat:
            p90 = lat[min(len(lat) - 1, int(0.9 * len(lat)))]
            print(f"latency publish -> in story: median {statistics.median(lat):.1f} s, "
                  f"p90 {p90:.1f} s, worst {lat[-1]:.1f} s")


if __name__ == "__main__":
    main()
