"""Reuse benchmark: candidate recall against brute force, time and peak memory by corpus size.

    .venv/bin/python benchmarks/reuse_bench.py all            # the table in docs/reuse.md
    .venv/bin/python benchmarks/reuse_bench.py run --corpus mutated --n 10000

`run` measures one corpus in this process and prints one JSON line; `all` runs each corpus in
a fresh subprocess (so peak memory is that corpus's own) and prints a Markdown table.

Corpora: `real` is ../shared/data/baly-articles-12k.jsonl.gz; `mutated` (N documents) is
12% originals from it and 88% mutants of those originals (benchmarks/reuse_mutate.py: edited,
reordered, truncated, spliced, heavily reworded copies), generated in memory.

What is measured:
- the candidate stage exactly as find_reuse runs it: per article, word norms
  (newsprism.text.word_norms) then shingles and fingerprints (`article_prints`, winnowing),
  the word list dropped once shingled; then the site template and the inverted index -> pairs;
- recall: pairs whose true Jaccard of word-5-shingle sets (site template removed, as the
  candidates see them) is >= 0.5 and >= 0.8, and pairs that share at least 20 such shingles
  (a shared run of 24 words: twice the shortest passage), and at least 20 shingles that
  are each in at most PAIR_DF_CAP documents, found by brute force (an exact inverted index
  over the shingles of a random sample of documents, against every document), and the
  share of them among the candidates;
- alignment on a random sample of candidate pairs (tokenize both + align), and with
  `--full` the whole find_reuse (candidates + alignment of every candidate + origin);
- peak resident memory of the process (ru_maxrss) and the resident memory before the stage.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reuse_mutate import Doc, generate  # noqa: E402

from newsprism.model import Article  # noqa: E402
from newsprism.reuse.align import align, tokenize  # noqa: E402
from newsprism.reuse.index import (  # noqa: E402
    PAIR_DF_CAP,
    WordHasher,
    article_prints,
    find_reuse,
    fingerprint_pairs,
    template_shingles,
    without_template,
)
from newsprism.settings import Settings  # noqa: E402
from newsprism.text import word_norms  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "baly-articles-12k.jsonl.gz"
ORIGINAL_SHARE = 0.12
SHARED_SHINGLES = 20  # a shared run of 24 words, twice reuse_min_passage_words


def load_real(path: Path = DATA) -> list[Doc]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [Doc(str(d["id"]), str(d.get("text") or ""), outlet=d.get("outlet"))
                for d in map(json.loads, fh)]


def corpus(kind: str, n: int) -> list[Doc]:
    real = load_real()
    if kind == "real":
        return real[:n]
    originals = real[:max(1, round(n * ORIGINAL_SHARE))]
    return generate(originals, n)


def exact_pairs(shingles: list[np.ndarray], sample: list[int], min_j: float, min_shared: int
                ) -> dict[tuple[int, int], tuple[float, int]]:
    """Every pair (sample doc, any doc) with true shingle Jaccard >= min_j or at least
    min_shared shingles in common -> (Jaccard, shared): an exact inverted index over the
    sample's shingles, scanned by every document."""
    s_sh = np.concatenate([shingles[s] for s in sample]) if sample else np.zeros(0, np.uint64)
    s_id = np.repeat(np.arange(len(sample)), [len(shingles[s]) for s in sample])
    order = np.argsort(s_sh, kind="stable")
    s_sh, s_id = s_sh[order], s_id[order]
    s_size = np.array([len(shingles[s]) for s in sample])
    out: dict[tuple[int, int], tuple[float, int]] = {}
    for d, sh in enumerate(shingles):
        if len(sh) == 0:
            continue
        left = np.searchsorted(s_sh, sh, "left")
        right = np.searchsorted(s_sh, sh, "right")
        lens = right - left
        hit = lens > 0
        if not hit.any():
            continue
        starts, lens = left[hit], lens[hit]
        offsets = np.repeat(starts - (np.cumsum(lens) - lens), lens)
        ids = s_id[np.arange(lens.sum()) + offsets]
        counts = np.bincount(ids, minlength=len(sample))
        nz = np.nonzero(counts)[0]
        inter = counts[nz]
        jac = inter / (s_size[nz] + len(sh) - inter)
        hit = (jac >= min_j) | (inter >= min_shared)
        for local, j, shared in zip(nz[hit], jac[hit], inter[hit], strict=True):
            s = sample[local]
            if s != d:
                out[(min(s, d), max(s, d))] = (float(j), int(shared))
    return out


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def run(kind: str, n: int, recall_sample: int, align_sample: int, full: bool,
        per_article: int | None = None) -> dict:
    settings = Settings()
    if per_article is not None:
        settings = settings.replace(reuse_candidates_per_article=per_article)
    t0 = time.perf_counter()
    docs = corpus(kind, n)
    result: dict = {"corpus": kind, "n": len(docs), "load_s": round(time.perf_counter() - t0, 1)}
    result["words_per_doc"] = 0
    result["rss_before_mb"] = round(rss_mb())

    cpu = time.process_time()
    # As update_reuse makes them: one article at a time, its word list dropped once shingled.
    hasher = WordHasher()
    full_sets, prints = [], []
    tokenize_s = shingle_s = 0.0
    word_count = 0
    for d in docs:
        t = time.perf_counter()
        norms = word_norms(d.text)
        t1 = time.perf_counter()
        got = article_prints(norms, settings, hasher)
        shingle_s += time.perf_counter() - t1
        tokenize_s += t1 - t
        word_count += len(norms)
        full_sets.append(got.shingles)
        prints.append(got.prints)
    del norms
    result["tokenize_s"] = round(tokenize_s, 1)
    result["words_per_doc"] = round(word_count / max(1, len(docs)))
    t = time.perf_counter()
    template = template_shingles(full_sets, [d.outlet or d.id for d in docs])
    result["shingle_s"] = round(shingle_s + time.perf_counter() - t, 1)
    t = time.perf_counter()
    cands = fingerprint_pairs(prints, template, settings.reuse_min_shared,
                              settings.reuse_candidates_per_article)
    result["pairs_s"] = round(time.perf_counter() - t, 1)
    # The same without the per-article bound, for its recall against the bound's.
    unbounded = set(fingerprint_pairs(prints, template, settings.reuse_min_shared))
    result["per_article"] = settings.reuse_candidates_per_article
    result["candidates_unbounded"] = len(unbounded)
    result["candidate_stage_s"] = round(sum(result[k] for k in
                                            ("tokenize_s", "shingle_s", "pairs_s")), 1)
    result["candidate_stage_cpu_s"] = round(time.process_time() - cpu, 1)
    result["candidates"] = len(cands)
    result["fingerprints_per_doc"] = round(sum(map(len, prints)) / max(1, len(prints)), 1)
    result["peak_rss_stage_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    del prints
    # The sets the candidates see: template shingles out (a document that would lose more
    # than 90% keeps them all, as fingerprint_pairs does).
    full_sets = [without_template(whole, template) for whole in full_sets]

    rng = random.Random(11)
    sample = sorted(rng.sample(range(len(docs)), min(recall_sample, len(docs))))
    t = time.perf_counter()
    truth = exact_pairs(full_sets, sample, 0.5, SHARED_SHINGLES)
    result["brute_force_s"] = round(time.perf_counter() - t, 1)
    result["recall_sample_docs"] = len(sample)
    cand_set = set(cands)
    for cut in (0.5, 0.8):
        pairs = [p for p, (j, _) in truth.items() if j >= cut]
        found = sum(p in cand_set for p in pairs)
        result[f"pairs_j{cut}"] = len(pairs)
        result[f"recall_j{cut}"] = round(found / len(pairs), 4) if pairs else None
        result[f"recall_j{cut}_unbounded"] = (
            round(sum(p in unbounded for p in pairs) / len(pairs), 4) if pairs else None)
    del unbounded
    pairs = [p for p, (_, shared) in truth.items() if shared >= SHARED_SHINGLES]
    result["pairs_shared20"] = len(pairs)
    result["recall_shared20"] = (round(sum(p in cand_set for p in pairs) / len(pairs), 4)
                                 if pairs else None)
    # The same, counting only distinctive shingles (in at most PAIR_DF_CAP documents): text
    # in more documents makes no candidates by design (a stock phrase, or furniture the
    # template rule missed), and pairs sharing only such text grow with the square of N.
    hashes, df = np.unique(np.concatenate(full_sets), return_counts=True)
    common = hashes[df > PAIR_DF_CAP]
    del hashes, df
    distinctive = [s[~np.isin(s, common, assume_unique=True)] for s in full_sets]
    del common
    truth = exact_pairs(distinctive, sample, 1.1, SHARED_SHINGLES)
    del distinctive
    pairs = list(truth)
    result["pairs_distinct20"] = len(pairs)
    result["recall_distinct20"] = (round(sum(p in cand_set for p in pairs) / len(pairs), 4)
                                   if pairs else None)
    del full_sets

    picked = rng.sample(cands, min(align_sample, len(cands)))
    t = time.perf_counter()
    toks = {k: tokenize(docs[k].text) for k in sorted({k for pair in picked for k in pair})}
    result["align_tokenize_docs_per_s"] = round(len(toks) / (time.perf_counter() - t), 1) \
        if toks else None
    t = time.perf_counter()
    kept = 0
    for i, j in picked:
        al = align(toks[i], toks[j], settings.reuse_min_passage_words, settings.reuse_shingle)
        kept += bool(al.passages)
    dt = time.perf_counter() - t
    del toks
    result["align_pairs"] = len(picked)
    result["align_pairs_per_s"] = round(len(picked) / dt, 1) if picked else None
    result["align_with_passage"] = kept

    if full:
        arts = [Article(id=d.id, source=d.id, text=d.text, outlet=d.outlet) for d in docs]
        t = time.perf_counter()
        cpu = time.process_time()
        reuse = find_reuse(arts, settings)
        result["find_reuse_s"] = round(time.perf_counter() - t, 1)
        result["find_reuse_cpu_s"] = round(time.process_time() - cpu, 1)
        result["reuse_pairs"] = len(reuse)
        result["near_duplicates"] = sum(r.near_duplicate for r in reuse)
        result["edits"] = sum(len(p.edits) for r in reuse for p in r.passages)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


SUITE = [
    ("real", 12000, 12000, 2000, True),
    ("mutated", 1000, 1000, 2000, False),
    ("mutated", 10000, 2000, 2000, False),
    ("mutated", 100000, 2000, 2000, False),
]


def table(rows: list[dict]) -> str:
    cols = ["corpus", "n", "words_per_doc", "tokenize_s", "shingle_s", "pairs_s",
            "candidate_stage_s", "candidate_stage_cpu_s", "fingerprints_per_doc", "per_article",
            "candidates_unbounded", "candidates",
            "rss_before_mb", "peak_rss_stage_mb",
            "recall_sample_docs", "pairs_j0.5", "recall_j0.5_unbounded", "recall_j0.5",
            "pairs_j0.8",
            "recall_j0.8",
            "pairs_shared20", "recall_shared20", "pairs_distinct20", "recall_distinct20",
            "brute_force_s", "align_pairs", "align_tokenize_docs_per_s", "align_pairs_per_s",
            "find_reuse_s", "find_reuse_cpu_s", "reuse_pairs", "near_duplicates", "peak_rss_mb"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        lines.append("| " + " | ".join(str(r.get(c, "")) for c in cols) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    one = sub.add_parser("run")
    one.add_argument("--corpus", choices=["real", "mutated"], default="mutated")
    one.add_argument("--n", type=int, default=1000)
    one.add_argument("--recall-sample", type=int, default=2000)
    one.add_argument("--align-sample", type=int, default=2000)
    one.add_argument("--full", action="store_true", help="also run the whole find_reuse")
    one.add_argument("--per-article", type=int, default=None,
                     help="reuse_candidates_per_article (default: the setting's default)")
    sub.add_parser("all")
    args = parser.parse_args()
    if args.cmd == "run":
        print(json.dumps(run(args.corpus, args.n, args.recall_sample, args.align_sample,
                             args.full, args.per_article)), flush=True)
        return
    rows = []
    for kind, n, rs, al, full in SUITE:
        cmd = [sys.executable, __file__, "run", "--corpus", kind, "--n", str(n),
               "--recall-sample", str(rs), "--align-sample", str(al)] + (["--full"] * full)
        t = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        row["wall_s"] = round(time.perf_counter() - t, 1)
        print(json.dumps(row), flush=True)
        rows.append(row)
    print(table(rows))


if __name__ == "__main__":
    main()
