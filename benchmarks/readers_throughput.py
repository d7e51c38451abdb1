"""Reader throughput: articles per second for read_inputs alone and read + clean_article.

    .venv/bin/python benchmarks/readers_throughput.py [PATH] [--limit N]

PATH defaults to ../shared/data/baly-articles-12k.jsonl.gz (12,000 articles, JSON Lines,
gzipped). Prints the counts (articles, problems, duplicates), the rates, and what cleaning did
(share of texts changed, characters removed, languages found), so docs/readers.md can quote it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from itertools import islice
from pathlib import Path

from newsprism.clean.article import clean_article
from newsprism.model import Article, InputProblem
from newsprism.nlp.lang import detect_language
from newsprism.readers import ReadStats, read_inputs
from newsprism.settings import Settings

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / \
    "baly-articles-12k.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not args.path.exists():
        print(f"{args.path} not found; pass the path of a .jsonl(.gz) corpus", file=sys.stderr)
        return 2
    settings = Settings()
    detect_language("warm the language model up so its 1 s load is not counted as reading")

    stats = ReadStats()
    start, cpu0 = time.perf_counter(), time.process_time()
    items = list(islice(read_inputs([str(args.path)], settings, stats=stats), args.limit))
    read_s, read_cpu = time.perf_counter() - start, time.process_time() - cpu0
    articles = [a for a in items if isinstance(a, Article)]
    problems = [p for p in items if isinstance(p, InputProblem)]

    start, cpu0 = time.perf_counter(), time.process_time()
    cleaned = [clean_article(a, settings) for a in articles]
    clean_s, clean_cpu = time.perf_counter() - start, time.process_time() - cpu0

    changed = sum(1 for a, c in zip(articles, cleaned, strict=True) if a.text != c.text)
    removed = sum(len(a.text) - len(c.text) for a, c in zip(articles, cleaned, strict=True))
    langs = Counter(c.language for c in cleaned)
    n = len(articles)
    print(f"input: {args.path}")
    print(f"articles: {n}  problems: {len(problems)}  duplicates skipped: {stats.duplicates}")
    print(f"read only:    {read_s:7.2f} s  {n / read_s:8.0f} articles/s")
    print(f"clean only:   {clean_s:7.2f} s  {n / clean_s:8.0f} articles/s")
    print(f"read + clean: {read_s + clean_s:7.2f} s  {n / (read_s + clean_s):8.0f} articles/s")
    # On a shared machine wall time depends on the neighbours; CPU time of this process less so.
    total_cpu = read_cpu + clean_cpu
    print(f"read + clean, per CPU second of this process: {n / total_cpu:8.0f} articles/s "
          f"(read {read_cpu:.2f} s, clean {clean_cpu:.2f} s CPU; one process, one core)")
    print(f"texts changed by clean: {changed} ({changed / max(n, 1):.1%}); characters removed: "
          f"{removed} ({removed / max(1, sum(len(a.text) for a in articles)):.2%})")
    print("languages:", ", ".join(f"{k}={v}" for k, v in langs.most_common(6)))
    for p in problems[:5]:
        print("problem:", p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
