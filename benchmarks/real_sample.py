"""A sample of real articles to read findings on by eye: N random articles of the Baly corpus
plus every article published on the same day under the same topic (so stories of two or more
form), at most 400, as JSON Lines on stdout. The texts stay in ../shared; nothing is copied
into the project.

    python benchmarks/real_sample.py SEED [N] > /tmp/sample.jsonl
    newsprism analyze /tmp/sample.jsonl --out /tmp/sample.json

Used for the hand-read samples of docs/compare.md, docs/quotes.md and docs/summary.md (stop
43: seeds 5301 with N = 60, 5302 with N = 40). Articles without a publish day share the key
("", topic): an undated topic's whole pool comes in, as it did for seed 5301.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
from pathlib import Path

DATA = Path(os.environ.get("NEWSPRISM_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CAP = 400


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seed", type=int)
    ap.add_argument("n", type=int, nargs="?", default=60)
    ap.add_argument("--corpus", type=Path, default=DATA / "data" / "baly-articles-12k.jsonl.gz")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus}: not found (set NEWSPRISM_SHARED)", file=sys.stderr)
        return 2
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    pick = random.Random(args.seed).sample(rows, args.n)
    keys = {(r["published"], r["topic"]) for r in pick}
    for r in [r for r in rows if (r["published"], r["topic"]) in keys][:CAP]:
        print(json.dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
