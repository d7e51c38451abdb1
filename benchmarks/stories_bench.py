"""Time and peak memory of `newsprism.stories.cluster.cluster` on 10k and 100k synthetic articles.

Clustering only (no parsing): ArticleFacts are generated. Each synthetic event has its own
entity names (a place, two people, an organisation) and a dozen topic words drawn from a
Zipf vocabulary of 30,000 words, shared in part with other events of its "beat"; each article
carries ~40 content terms (topic words, Zipf background words) and 3-5 of the event's names,
and a publish date within the event's 3 days over one year. Events have 1-20 articles.

Each size runs in a fresh child process so the peak RSS is that run's own. CPU seconds
(process time, all threads) are reported beside wall seconds: on a shared machine they are the
steadier measure of growth.

    .venv/bin/python benchmarks/stories_bench.py            # 10k, 30k and 100k
    .venv/bin/python benchmarks/stories_bench.py 20000      # other sizes
    .venv/bin/python benchmarks/stories_bench.py --big 10   # the first 10 events: 300 articles

`--big K` makes the first K events stories of 300 articles each (every topic word of theirs
is then held by more than MAX_POSTING articles); `big_stories_whole` counts those that come
out as one story.
"""

from __future__ import annotations

import multiprocessing as mp
import random
import resource
import sys
import time
from datetime import date, timedelta

VOCAB = 30_000
BIG_SIZE = 300  # articles of each big story (--big)
BEATS = 40


def synthetic(n: int, seed: int = 7, big: int = 0):
    from newsprism.model import Article, ArticleFacts

    rng = random.Random(seed)
    weights = [1.0 / (k + 1) for k in range(VOCAB)]
    beat_words = [rng.sample(range(200, VOCAB), 60) for _ in range(BEATS)]
    articles, facts, gold = [], [], {}
    event = 0
    start = date(2020, 1, 1)
    while len(articles) < n:
        event += 1
        beat = rng.randrange(BEATS)
        topic = rng.sample(beat_words[beat], 8) + rng.sample(range(200, VOCAB), 6)
        names = [f"place{event}", f"person{event}a", f"person{event}b", f"org{event}"]
        day = start + timedelta(days=rng.randrange(365))
        size = BIG_SIZE if event <= big else rng.randint(1, 20)
        for _ in range(min(size, n - len(articles))):
            aid = f"a{len(articles):07d}"
            terms: dict[str, int] = {}
            for w in rng.sample(topic, 10):
                terms[f"w{w}"] = terms.get(f"w{w}", 0) + rng.randint(1, 3)
            for w in rng.choices(range(VOCAB), weights, k=30):
                terms[f"w{w}"] = terms.get(f"w{w}", 0) + 1
            for name in rng.sample(names, rng.randint(3, 4)):
                terms["ent:" + name] = rng.randint(1, 3)
            published = (day + timedelta(days=rng.randrange(3))).isoformat()
            articles.append(Article(id=aid, source="bench", text="", published=published))
            facts.append(ArticleFacts(article_id=aid, terms=tuple(sorted(terms.items()))))
            gold[aid] = event
    return articles, facts, gold


def run(n: int, big: int, out: mp.Queue) -> None:
    from newsprism.eval.stories import bcubed
    from newsprism.settings import Settings
    from newsprism.stories.cluster import cluster

    articles, facts, gold = synthetic(n, big=big)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    stories = cluster(articles, facts, (), Settings())
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pred = {aid: s.id for s in stories for aid in s.article_ids}
    out.put({"articles": n, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
             "peak_rss_mb": round(peak / 1024),
             "rss_before_mb": round(before / 1024), "stories": len(stories),
             "events": len(set(gold.values())), **bcubed(pred, gold),
             "big_stories_whole": sum(
                 1 for e in range(1, big + 1)
                 if len({pred[a] for a, g in gold.items() if g == e}) == 1)})


def main(sizes: list[int], big: int = 0) -> None:
    ctx = mp.get_context("spawn")
    rows = []
    for n in sizes:
        q: mp.Queue = ctx.Queue()
        p = ctx.Process(target=run, args=(n, big, q))
        p.start()
        row = q.get()
        p.join()
        rows.append(row)
        print(row, flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"cpu time x{b['cpu_seconds'] / max(a['cpu_seconds'], 1e-9):.1f} for articles "
              f"x{b['articles'] / a['articles']:.0f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    big = 0
    if "--big" in args:
        k = args.index("--big")
        big = int(args[k + 1])
        del args[k:k + 2]
    main([int(x) for x in args] or [10_000, 30_000, 100_000], big)
