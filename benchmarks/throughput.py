"""Throughput of the whole line against spaCy alone, peak memory, and growth with corpus size.

    python benchmarks/throughput.py spacy --n 1000          # spaCy alone, 2 processes
    python benchmarks/throughput.py line  --n 1000 --runner dask [--db sqlite:///x.db]
                                          [--save-facts /tmp/f1k.pkl]
    python benchmarks/throughput.py stages --n 40          # clean / parse / extract apart
    python benchmarks/throughput.py scale --facts /tmp/f1k.pkl --sizes 1000,10000,100000
    python benchmarks/throughput.py pairs --n 1000 --repeat 3  # alternating, median ratio
    python benchmarks/throughput.py incremental --db sqlite:///b10k.db --skip 10000 --add 100
                                          [--compare-batch]
    python benchmarks/throughput.py genstore --facts /tmp/f1k.pkl --n 10000 --add 100 \
                                          --db sqlite:///g10k.db [--build-only]

`spacy` parses the first N texts of the Baly corpus (../shared/data, cut to
`max_article_chars` like the line does) with the same model through `nlp.pipe(n_process=2)`.
`line` runs `service.run_analysis` on the same N articles (written to a temp JSONL file, so
the readers are timed too) and times each step from the progress callback. `scale` runs the
corpus and story stages (reuse, stories, entities/compare/summarize) without spaCy on corpora
generated from saved (article, facts) pairs: copy k of an article has every word of 4+ letters
passed through copy k's own letter permutation (same length, so every offset in the facts
stays valid) and a new id, so the copies are distinct texts with the same structure.
Peak memory is the largest summed RSS of this process and its children, sampled every 0.2 s.

`pairs` runs `spacy` and `line` alternately, each in a fresh process (the order flips every
pair: line first, then spaCy first), and prints every pair's ratio and the median. This
machine is a shared VM whose speed moved by 1.6x within an hour (docs/scale.md), so a ratio
is only meaningful between runs made back to back; every run also prints the share of CPU
time the hypervisor took from this machine while it ran (`steal_pct`, from /proc/stat), and
`pairs` times a fixed loop in CPU time every 30 s while each run goes (`probe_ms`): the
host's own load slows this VM without showing as steal, and the probe shows it.
`incremental` adds the articles after the first `--skip` of the corpus to an existing store
(what `newsprism watch` does each poll) and times each step of the update (`seconds`), then
apart (`report_s`) the whole store's report that `newsprism analyze NEW --db URL --out`
also reads; it prints
the churn (stories removed, rows written with and without a new article, and for those
without, what changed) and with `--compare-batch` how far the stored stories are from one
whole re-cluster of the same store (BCubed). `NEWSPRISM_STORY_CONSOLIDATE_SHARE=0` gives
the whole re-cluster every update made before stories/incremental.py. `genstore` does the
same on a generated store (no spaCy; see its docstring).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import random
import re
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DATA = Path(os.environ.get("NEWSPRISM_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = DATA / "data" / "baly-articles-12k.jsonl.gz"


class PeakMemory:
    """Largest RSS of this process plus its children (Dask workers), sampled in a thread."""

    def __init__(self, every: float = 0.2) -> None:
        import psutil

        self.proc = psutil.Process()
        self.peak = 0
        self.every = every
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds (user + system), last sample
        # The step being timed (`cpu_by_step` moves it), and per step the highest RSS seen
        # of this process and of its children together, bytes: where the peak is held.
        self.step = "start"
        self.by_step: dict[str, list[int]] = {}
        self.by_pid: dict[int, int] = {}  # pid -> its highest RSS, bytes (recycled workers apart)
        self._cpu0: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = main = 0
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                for p in procs:
                    try:
                        rss = p.memory_info().rss
                        total += rss
                        self.by_pid[p.pid] = max(self.by_pid.get(p.pid, 0), rss)
                        main = rss if p is self.proc else main
                        times = p.cpu_times()
                        self.cpu[p.pid] = times.user + times.system
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            self.peak = max(self.peak, total)
            top = self.by_step.setdefault(self.step, [0, 0, 0])
            top[0], top[1] = max(top[0], main), max(top[1], total - main)
            top[2] = max(top[2], total)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        for p in [self.proc, *self.proc.children(recursive=True)]:
            times = p.cpu_times()
            self._cpu0[p.pid] = times.user + times.system  # already running: not counted
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time used while sampling: this process, and its children together (for the
        children, everything they used until their last sample)."""
        used = {k: v - self._cpu0.get(k, 0.0) for k, v in self.cpu.items()}
        main = used.pop(self.proc.pid, 0.0)
        others = sum(used.values())
        return {"main": round(main, 1), "children": round(others, 1)}

    @property
    def mb(self) -> float:
        return round(self.peak / 1e6, 1)

    def mb_by_process(self) -> dict[str, Any]:
        """The highest RSS of this process, and of each child process, MB (a worker restarted
        by its nanny is a new child)."""
        main = self.by_pid.get(self.proc.pid, 0)
        others = sorted((v for k, v in self.by_pid.items() if k != self.proc.pid), reverse=True)
        return {"main": round(main / 1e6), "children": [round(v / 1e6) for v in others]}

    def mb_by_step(self) -> dict[str, dict[str, float]]:
        """Per step: the highest RSS of this process, of the children, and of all together
        (the step's share of the peak), MB."""
        return {k: {"main": round(m / 1e6), "children": round(c / 1e6), "total": round(t / 1e6)}
                for k, (m, c, t) in self.by_step.items()}

    def now(self) -> dict[str, float]:
        """CPU seconds used so far (`cpu_seconds`), this process read at once."""
        times = self.proc.cpu_times()
        self.cpu[self.proc.pid] = times.user + times.system
        return self.cpu_seconds()


# Where the update's steps begin, as its progress reports them (step, done): the first
# report of the reuse phase, the start of clustering, its end (the story stages follow).
CPU_STEPS = {("reuse", 0): "reuse", ("clustering", 0): "stories",
             ("clustering", 1): "story stages + commit"}


def cpu_by_step(mem: PeakMemory) -> tuple[Any, Any]:
    """A progress callback that splits the CPU seconds of an update (main process, Dask
    workers) where each step begins (`CPU_STEPS`; the first, parse + load, starts now),
    and the function that gives the split at the end: under load, CPU seconds per step are
    the usable figure."""
    marks: list[tuple[str, dict[str, float]]] = [("parse + load", mem.now())]

    def progress(step: str, done: int, _total: int) -> None:
        name = CPU_STEPS.get((step, done))
        if name is not None and name not in {m[0] for m in marks}:
            marks.append((name, mem.now()))
            mem.step = name

    def split() -> dict[str, dict[str, float]]:
        ends = [m[1] for m in marks[1:]] + [mem.now()]
        return {name: {k: round(e[k] - a[k], 1) for k in a}
                for (name, a), e in zip(marks, ends, strict=True)}
    return progress, split


def cpu_ticks() -> tuple[int, int]:
    """(steal, total) jiffies of the whole machine so far (Linux /proc/stat; zeros elsewhere)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0, 0
    values = [int(v) for v in fields[:8]]  # user nice system idle iowait irq softirq steal
    return (values[7] if len(values) > 7 else 0), sum(values)


def steal_pct(before: tuple[int, int], after: tuple[int, int]) -> float | None:
    total = after[1] - before[1]
    return round(100 * (after[0] - before[0]) / total, 1) if total > 0 else None


INPUT: list[Path] = []  # --input: another JSONL(.gz) of articles instead of the Baly corpus


def first_lines(n: int) -> list[str]:
    corpus = INPUT[0] if INPUT else CORPUS
    if not corpus.exists():
        sys.exit(f"{corpus} is not present (shared data is optional)")
    out = []
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            out.append(line)
            if len(out) >= n:
                break
    return out


def cmd_spacy(args: argparse.Namespace) -> dict[str, Any]:
    from newsprism.nlp.loader import load_pipeline
    from newsprism.settings import Settings

    settings = Settings()
    texts = [json.loads(line)["text"][:settings.max_article_chars] for line in first_lines(args.n)]
    words = sum(len(t.split()) for t in texts)
    # The stock pipeline unless --fast-rules: the baseline is spaCy as it ships (without our
    # paragraph starts either).
    nlp = load_pipeline(settings.spacy_model, fast_rules=args.fast_rules,
                        paragraphs=args.fast_rules)
    ticks = cpu_ticks()
    with PeakMemory() as mem:
        t = time.perf_counter()
        n = sum(1 for _ in nlp.pipe(texts, batch_size=settings.spacy_batch_size,
                                    n_process=args.processes))
        secs = time.perf_counter() - t
    return {"what": "spacy alone" + (" (fast rules)" if args.fast_rules else " (stock)"),
            "model": settings.spacy_model, "pipes": nlp.pipe_names, "articles": n,
            "words": words,
            "processes": args.processes, "seconds": round(secs, 1),
            "articles_per_s": round(n / secs, 2), "words_per_s": round(words / secs),
            "peak_rss_mb": mem.mb, "cpu_s": mem.cpu_seconds(),
            "steal_pct": steal_pct(ticks, cpu_ticks())}


def cmd_line(args: argparse.Namespace) -> dict[str, Any]:
    from newsprism.runner import LocalRunner, make_runner
    from newsprism.service import UpdateStats, run_analysis
    from newsprism.settings import Settings

    settings = Settings()
    if args.parse:  # issue 25: the selective parser against the full one
        settings = settings.replace(spacy_parse=args.parse)
    lines = first_lines(args.n)
    words = sum(len(json.loads(line)["text"].split()) for line in lines)
    marks: dict[str, float] = {}
    mem = PeakMemory()

    def progress(step: str, done: int, total: int) -> None:
        now = time.perf_counter()
        marks.setdefault(f"{step} first", now)
        marks[f"{step} last"] = now
        marks[f"{step} cpu"] = time.process_time()  # this process only
        # Where the peak is held: the story stages' last tick starts the commit and the
        # whole store's report (`run_analysis` reads it back).
        mem.step = "commit + report" if step == "stories" and done == total else step

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
        runner = make_runner(args.runner, args.scheduler, settings) or LocalRunner()
        if args.runner == "dask":  # start the cluster (and spaCy in each worker) untimed
            runner.client()  # type: ignore[attr-defined]
        stats = UpdateStats()
        ticks = cpu_ticks()
        with mem:
            t0, cpu0 = time.perf_counter(), time.process_time()
            report = run_analysis([str(path)], settings, db_url=args.db, runner=runner,
                                  progress=progress, stats=stats)
            secs = time.perf_counter() - t0
        runner.close()
    out: dict[str, Any] = {
        "what": "whole line", "runner": args.runner, "db": args.db, "articles": len(lines),
        "parse": settings.spacy_parse,
        "words": words, "stories": len(report.stories), "reuse_pairs": len(report.reuse),
        "problems": len(report.problems), "seconds": round(secs, 1),
        "articles_per_s": round(len(lines) / secs, 2), "words_per_s": round(words / secs),
        "peak_rss_mb": mem.mb, "peak_rss_by_process_mb": mem.mb_by_process(),
        "peak_rss_by_step_mb": mem.mb_by_step(),
        "cpu_s": mem.cpu_seconds(), "steal_pct": steal_pct(ticks, cpu_ticks())}
    if hasattr(runner, "recycled"):  # Dask: workers restarted for their memory (issue 25)
        out["workers_restarted"] = len(runner.recycled)
        out["worker_held_mb_max"] = round(runner.held_mb)
        out["workers_refreshed_after_parse"] = len(runner.refreshed)
    if "articles cpu" in marks:
        out["cpu_s"]["main_until_last_article"] = round(marks["articles cpu"] - cpu0, 1)
    if "articles last" in marks:
        out["steps_s"] = {
            "read + per-article": round(marks["articles last"] - t0, 1),
            "after per-article": round(t0 + secs - marks["articles last"], 1)}
    if args.db:
        out["store_steps_s"] = {k: round(v, 1) for k, v in stats.seconds.items()}
    if args.save_facts:
        from newsprism.storage.store import open_store

        if not args.db:
            sys.exit("--save-facts needs --db (the facts are read back from the store)")
        store = open_store(args.db)
        arts = store.articles()
        facts = store.facts([a.id for a in arts])
        store.close()
        with open(args.save_facts, "wb") as f:
            pickle.dump([(a, facts[a.id]) for a in arts if a.id in facts], f)
        out["saved_facts"] = args.save_facts
    return out


def cmd_stages(args: argparse.Namespace) -> dict[str, Any]:
    """The per-article stages apart, in one process: clean, spaCy parse, extract."""
    from newsprism.model import Article
    from newsprism.nlp.loader import load_pipeline
    from newsprism.pipeline import stage_function
    from newsprism.settings import Settings

    settings = Settings()
    rows = [json.loads(line) for line in first_lines(args.n)]
    arts = [Article(id=d["id"], source="bench", text=d["text"], outlet=d.get("outlet"),
                    title=d.get("title"), published=d.get("published")) for d in rows]
    clean, extract = stage_function("clean"), stage_function("extract")
    nlp = load_pipeline(settings.spacy_model, settings.spacy_fast_rules)
    list(nlp.pipe(["Warm up."]))
    t, c = time.perf_counter(), time.process_time()
    cleaned = [clean(a, settings) for a in arts]
    t_clean, c_clean = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe([a.text for a in cleaned], batch_size=settings.spacy_batch_size))
    t_parse, c_parse = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    for a, d in zip(cleaned, docs, strict=True):
        extract(a, d, settings)
    t_extract, c_extract = time.perf_counter() - t, time.process_time() - c
    total = c_clean + c_parse + c_extract
    # CPU seconds (this process) besides wall seconds: on a shared machine only CPU compares.
    return {"what": "per-article stages, 1 process", "articles": len(arts),
            "clean_s": round(t_clean, 1), "parse_s": round(t_parse, 1),
            "extract_s": round(t_extract, 1),
            "cpu_s": {"clean": round(c_clean, 2), "parse": round(c_parse, 2),
                      "extract": round(c_extract, 2)},
            "spacy_share": round(c_parse / total, 2)}


# --- generated corpora for the growth measurement -------------------------------------------

_LONG_WORD = re.compile(r"[A-Za-z]{4,}")


def _cipher(k: int):  # noqa: ANN202
    if k == 0:
        return lambda s: s
    letters = list("abcdefghijklmnopqrstuvwxyz")
    perm = letters[:]
    random.Random(k).shuffle(perm)
    table = str.maketrans("".join(letters) + "".join(letters).upper(),
                          "".join(perm) + "".join(perm).upper())

    def apply(s: str) -> str:
        return _LONG_WORD.sub(lambda m: m.group().translate(table), s)
    return apply


_TEXT_KEYS = {"text", "speaker", "speaker_text", "subject", "object", "predicate", "unit",
              "cue", "name", "title", "event"}
_ID_KEYS = {"article_id", "id", "a", "b", "origin"}


def _copy_data(value: Any, f, ids: dict[str, str]) -> Any:  # noqa: ANN001
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in _ID_KEYS and isinstance(v, str):
                out[k] = ids.get(v, v)
            elif k in _TEXT_KEYS and isinstance(v, str):
                out[k] = f(v)
            elif k == "terms":
                out[k] = [[t[:4] + f(t[4:]) if t.startswith("ent:") else f(t), c]
                          for t, c in v]
            else:
                out[k] = _copy_data(v, f, ids)
        return out
    if isinstance(value, list):
        return [_copy_data(v, f, ids) for v in value]
    return value


def _shift(published: str | None, days: int) -> str | None:
    """Copies are a month apart, so two copies never fall in one story window."""
    from datetime import date, timedelta

    if not published or days == 0:
        return published
    try:
        day = date.fromisoformat(published[:10]) + timedelta(days=days)
    except ValueError:
        return published
    return day.isoformat() + published[10:]


def generate(base: list[tuple[Any, Any]], n: int, lean_only: bool = False, start: int = 0
             ) -> tuple[list[Any], list[Any]]:
    """Articles `start` .. n of the copies of `base` (copy k of base article j is number
    k * len(base) + j); with `lean_only` their facts hold only what clustering reads
    (`store.lean`: terms, mentions, dates), as the service's story step loads them."""
    import dataclasses

    from newsprism.model import ArticleFacts
    from newsprism.storage.codec import load, to_data
    from newsprism.storage.store import lean

    if lean_only:
        base = [(art, lean(fac)) for art, fac in base]
    articles, facts = [], []
    ciphers: dict[int, Any] = {}
    for i in range(start, n):
        k, (art, fac) = i // len(base), base[i % len(base)]
        f = ciphers.setdefault(k, _cipher(k))
        new_id = art.id if k == 0 else f"{art.id}~{k}"
        ids = {art.id: new_id}
        articles.append(dataclasses.replace(
            art, id=new_id, text=f(art.text), title=f(art.title) if art.title else None,
            published=_shift(art.published, 30 * k)))
        facts.append(load(ArticleFacts, _copy_data(to_data(fac), f, ids)))
    return articles, facts


def cmd_scale(args: argparse.Namespace) -> list[dict[str, Any]]:
    from newsprism.pipeline import analyze_story, stage_function
    from newsprism.settings import Settings

    settings = Settings()
    with open(args.facts, "rb") as fh:
        base = pickle.load(fh)
    results = []
    warm, _ = generate(base, 20)  # first imports and caches, untimed
    stage_function("stories")(warm, generate(base, 20)[1], (), settings)
    for n in (int(x) for x in args.sizes.split(",")):
        # Above --story-stages-up-to only reuse and clustering run, on lean facts.
        articles, facts = generate(base, n, lean_only=n > args.story_stages_up_to)
        words = sum(a.word_count for a in articles)
        import psutil

        data_mb = round(psutil.Process().memory_info().rss / 1e6, 1)
        with PeakMemory() as mem:
            times: dict[str, float] = {}
            cpu: dict[str, float] = {}
            t, c = time.perf_counter(), time.process_time()
            reuse = stage_function("reuse")(articles, settings)
            times["reuse"], cpu["reuse"] = time.perf_counter() - t, time.process_time() - c
            t, c = time.perf_counter(), time.process_time()
            stories = stage_function("stories")(articles, facts, reuse, settings)
            times["stories"], cpu["stories"] = time.perf_counter() - t, time.process_time() - c
            t, c = time.perf_counter(), time.process_time()
            if n > args.story_stages_up_to:
                stories_to_run: Sequence[Any] = ()
            else:
                stories_to_run = stories
            by_article: dict[str, list] = {}
            for r in reuse:
                by_article.setdefault(r.a, []).append(r)
            by_id = {a.id: a for a in articles}
            facts_by_id = {x.article_id: x for x in facts}
            for s in stories_to_run:
                members = set(s.article_ids)
                pairs = [r for i in s.article_ids for r in by_article.get(i, ()) if r.b in members]
                analyze_story(s, [by_id[i] for i in s.article_ids],
                              [facts_by_id[i] for i in s.article_ids], pairs, settings)
            if stories_to_run:
                times["story stages"] = time.perf_counter() - t
                cpu["story stages"] = time.process_time() - c
        total = sum(times.values())
        row = {"articles": n, "words": words, "reuse_pairs": len(reuse), "stories": len(stories),
               "multi_article_stories": sum(len(s.article_ids) > 1 for s in stories),
               "seconds": {k: round(v, 1) for k, v in times.items()},
               "cpu_seconds": {k: round(v, 1) for k, v in cpu.items()},
               "total_s": round(total, 1), "us_per_article": round(1e6 * total / n),
               "rss_with_data_mb": data_mb, "peak_rss_mb": mem.mb}
        print(json.dumps(row), flush=True)
        results.append(row)
    return results


PROBE_EVERY_S = 30.0


def _probe_once() -> float:
    """CPU milliseconds this thread takes for a fixed pure-Python loop. CPU time, not wall
    time: waiting for a core behind the benchmark's own processes does not count, but a
    slower host (a busy sibling of this VM's cores, which `steal` does not show) does."""
    t0 = time.thread_time()
    acc = 0
    for i in range(300_000):
        acc += i * i % 7
    return (time.thread_time() - t0) * 1000


class SpeedProbe:
    """`_probe_once` every `PROBE_EVERY_S` seconds in a thread of this (otherwise waiting)
    process, while a benchmark child runs: the machine's speed over the run, at a cost of
    about 0.1% of one core."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while True:
            self.samples.append(_probe_once())
            if self._stop.wait(PROBE_EVERY_S):
                return

    def __enter__(self) -> SpeedProbe:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def summary(self) -> dict[str, float]:
        import statistics

        xs = self.samples
        return {"median": round(statistics.median(xs), 1), "min": round(min(xs), 1),
                "max": round(max(xs), 1), "samples": len(xs)}


def _run_child(argv: list[str]) -> dict[str, Any]:
    """One benchmark command in a fresh process; its result line, with the speed probe's
    CPU ms per loop over the run (`probe_ms`: lower is a faster machine)."""
    import subprocess

    with SpeedProbe() as probe:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), *argv],
                              capture_output=True, text=True, check=False)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    result = next((r for r in rows if "what" in r), None)
    if done.returncode != 0 or result is None:
        sys.exit(f"{' '.join(argv)} failed (exit {done.returncode}): "
                 f"{done.stderr.strip().splitlines()[-1:] or done.stdout[-200:]}")
    return {**result, "probe_ms": probe.summary()}


def cmd_pairs(args: argparse.Namespace) -> dict[str, Any]:
    """spaCy alone and the whole line, alternately, `--repeat` pairs; each pair's ratio."""
    import statistics

    extra = ["--input", str(args.input)] if args.input else []
    pairs = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.repeat):
            order = ("line", "spacy") if k % 2 == 0 else ("spacy", "line")
            got: dict[str, dict[str, Any]] = {}
            for what in order:
                argv = [what, "--n", str(args.n), *extra]
                if what == "line":
                    argv += ["--runner", "dask", "--db", f"sqlite:///{tmp}/pair{k}.db"]
                    argv += ["--parse", args.parse] if args.parse else []
                got[what] = _run_child(argv)
                print(json.dumps({"pair": k + 1, **got[what]}), flush=True)
            ratio = got["line"]["articles_per_s"] / got["spacy"]["articles_per_s"]
            cpu = {w: sum(v for n, v in got[w]["cpu_s"].items() if n != "main_until_last_article")
                   for w in order}  # CPU s of the run's processes: less bent by a shared host
            pairs.append({"pair": k + 1, "order": " then ".join(order),
                          "cpu_s": cpu, "cpu_ratio": round(cpu["spacy"] / cpu["line"], 3),
                          "spacy_articles_per_s": got["spacy"]["articles_per_s"],
                          "line_articles_per_s": got["line"]["articles_per_s"],
                          "ratio": round(ratio, 3),
                          "steal_pct": [got[w]["steal_pct"] for w in order],
                          "probe_ms": [got[w]["probe_ms"]["median"] for w in order]})
            print(json.dumps(pairs[-1]), flush=True)
    ratios = [p["ratio"] for p in pairs]
    cpu_ratios = [p["cpu_ratio"] for p in pairs]
    return {"what": "pairs", "articles": args.n, "pairs": len(pairs),
            "cpu_ratios": cpu_ratios, "median_cpu_ratio": round(statistics.median(cpu_ratios), 3),
            "ratios": ratios, "median_ratio": round(statistics.median(ratios), 3),
            "min_ratio": min(ratios), "max_ratio": max(ratios)}


def cmd_incremental(args: argparse.Namespace) -> dict[str, Any]:
    """Add the corpus's articles `--skip` .. `--skip + --add` to a copy of an existing store
    (the store itself is left as it was unless `--in-place`) and time the update's steps."""
    import shutil

    from newsprism.runner import LocalRunner, make_runner
    from newsprism.service import (
        UpdateStats,
        analyze_into_store,
        consistent_report,
        read_articles,
    )
    from newsprism.settings import load_settings
    from newsprism.storage.store import open_store

    settings = load_settings()  # NEWSPRISM_STORY_CONSOLIDATE_SHARE=0: the old whole re-cluster
    lines = first_lines(args.skip + args.add)[args.skip:]
    if not lines:
        sys.exit(f"the corpus has no articles after the first {args.skip}")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db
        if url.startswith("sqlite:///") and not args.in_place:
            copy = Path(tmp) / "store.db"
            shutil.copyfile(url[len("sqlite:///"):], copy)
            url = f"sqlite:///{copy}"
        path = Path(tmp) / "new.jsonl"
        path.write_text("".join(lines), encoding="utf-8")
        made = None
        if args.features_first:  # the store's features stored before the update is timed
            from newsprism.regrouping import save_features

            ahead = open_store(url)
            made = save_features(ahead, settings)
            ahead.close()
        runner = make_runner(args.runner, None, settings) or LocalRunner()
        if args.runner == "dask":
            runner.client()  # type: ignore[attr-defined]
        stats = UpdateStats()
        rows_before = story_rows(url)
        with PeakMemory() as mem:
            # The update is what `watch` runs on each poll (read, then `analyze_into_store`);
            # `analyze --db --out` then also reads the whole store's report, timed apart.
            t0 = time.perf_counter()
            articles, _ = read_articles([str(path)], settings)
            store = open_store(url)
            progress, split = cpu_by_step(mem)
            mem.step = "parse + load"
            prof = None
            if args.profile:
                import cProfile

                prof = cProfile.Profile()
                prof.enable()
            analyze_into_store(store, articles, settings, runner=runner, stats=stats,
                               progress=progress)
            if prof is not None:
                prof.disable()
                prof.dump_stats(args.profile)
            secs = time.perf_counter() - t0
            cpu_steps = split()
            t1 = time.perf_counter()
            report = consistent_report(store) if args.report else None
            report_secs = time.perf_counter() - t1 if args.report else None
            store.close()
        runner.close()
        churn = story_churn(rows_before, story_rows(url), {a.id for a in articles}
                            - {i for row in rows_before.values() for i in row[0]})
        drift = batch_agreement(url) if args.compare_batch else None
    return {"what": "incremental", "runner": args.runner, "added": len(lines),
            "features_made_first": made,
            "full_recluster": stats.full_recluster,
            "stories_reclustered": stats.stories_reclustered,
            "against_batch": drift, "churn": churn,
            "stored_before": stats.stored_articles - stats.processed,
            "stored_after": stats.stored_articles, "parsed": stats.processed,
            "skipped": stats.skipped, "stories": stats.stories,
            "stories_changed": stats.stories_changed, "stories_removed": stats.stories_removed,
            "stories_changed_holding_new": stats.stories_changed_new,
            "redirects": stats.redirects,
            "reuse_new": stats.reuse_new,
            "reuse_candidates": getattr(stats, "reuse_candidates", None),
            "reuse_aligned": getattr(stats, "reuse_aligned", None),
            "report_stories": len(report.stories) if report is not None else None,
            "seconds": round(secs, 1),
            "report_s": round(report_secs, 1) if report_secs is not None else None,
            "steps_s": {k: round(v, 1) for k, v in stats.seconds.items()},
            "cpu_steps_s": cpu_steps,
            "peak_rss_mb": mem.mb, "peak_rss_by_step_mb": mem.mb_by_step(),
            "cpu_s": mem.cpu_seconds(),
            "workers_refreshed_after_parse": len(getattr(runner, "refreshed", ()))}


def cmd_genstore(args: argparse.Namespace) -> dict[str, Any]:
    """+`--add` generated articles to a store of `--n` generated ones (no spaCy: the facts
    are the copies' own, `generate`), through `service.analyze_into_store` (what `watch`
    and `analyze --db` run, without the whole-store report). The store is built first if
    empty, 1,000 generated articles at a time, through the same service path, but with its
    stories stored unanalysed (the story stages of every story of a 10k store would take
    longer than the measurement, and their facts are not read for them; the update analyses
    the stories it changes)."""
    from unittest import mock

    from newsprism import service
    from newsprism.runner import LocalRunner
    from newsprism.service import UpdateStats, analyze_into_store, update_stories
    from newsprism.settings import load_settings
    from newsprism.storage.store import encode_story, open_store

    settings = load_settings()
    with open(args.facts, "rb") as fh:
        base = pickle.load(fh)
    added, added_facts = generate(base, args.n + args.add, start=args.n)
    lookup = {f.article_id: f for f in added_facts}

    def work(batch, _settings):  # noqa: ANN001, ANN202
        return [(a, lookup[a.id]) for a in batch]

    class Unanalysed(LocalRunner):
        def map_stories(self, tasks, settings, progress=None, encode=None):  # noqa: ANN001, ANN202
            return [(encode or encode_story)(task[0]) for task in tasks]

    store = open_store(args.db)
    out: dict[str, Any] = {"what": "generated store +add", "n": args.n, "add": args.add}
    try:
        if not store.article_ids():
            t = time.perf_counter()
            for i in range(0, args.n, 1000):
                store.add_processed(list(zip(*generate(base, min(i + 1000, args.n), start=i),
                                             strict=True)))
            with PeakMemory() as build_mem, \
                    mock.patch.object(service, "_task_facts", lambda *_a: lambda _ids: {}):
                update_stories(store, settings, runner=Unanalysed())
            out["build_s"] = round(time.perf_counter() - t, 1)
            out["build_stories_peak_rss_mb"] = build_mem.mb
        if args.build_only:
            return out
        stats = UpdateStats()
        rows_before = story_rows(args.db)
        with PeakMemory() as mem:
            t = time.perf_counter()
            analyze_into_store(store, added, settings,
                               runner=LocalRunner(work=work), stats=stats)
            secs = time.perf_counter() - t
    finally:
        store.close()
    out.update({"seconds": round(secs, 1),
                "steps_s": {k: round(v, 1) for k, v in stats.seconds.items()},
                "stored_after": stats.stored_articles, "stories": stats.stories,
                "full_recluster": stats.full_recluster,
                "stories_reclustered": stats.stories_reclustered,
                "stories_changed": stats.stories_changed,
                "stories_changed_holding_new": stats.stories_changed_new,
                "stories_removed": stats.stories_removed, "redirects": stats.redirects,
                "churn": story_churn(rows_before, story_rows(args.db),
                                     {a.id for a in added}),
                "peak_rss_mb": mem.mb})
    return out


def story_rows(url: str) -> dict[str, tuple[tuple[str, ...], str, bytes]]:
    """Stored story id -> (article ids, title, a digest of the stored data). A digest, not
    the data: the rows before an update are held while it runs, and at 10k stories the data
    is about 0.5 GB, which the update's peak RSS would count (it did until round 7)."""
    import hashlib

    import sqlalchemy as sa

    from newsprism.storage.store import open_store, stories_t

    def digest(data: str | bytes) -> bytes:
        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
        return hashlib.blake2b(raw, digest_size=16).digest()

    store = open_store(url)
    try:
        members = store.story_members()
        with store.engine.connect() as conn:
            return {r.id: (members.get(r.id, ()), r.title, digest(r.data))
                    for r in conn.execute(sa.select(stories_t))}
    finally:
        store.close()


def story_churn(before: dict[str, tuple[tuple[str, ...], str, bytes]],
                after: dict[str, tuple[tuple[str, ...], str, bytes]], new: set[str]
                ) -> dict[str, int]:
    """What an update did to the stored stories, from their rows before and after: stories
    removed, and the rows written (new id or changed) split by whether they hold a new
    article and, for those that do not, by what changed."""
    out = {"before": len(before), "after": len(after),
           "removed": sum(1 for k in before if k not in after),
           "written": 0, "written_holding_new": 0, "without_new_new_id": 0,
           "without_new_members": 0, "without_new_title_only": 0,
           "without_new_analysis_only": 0}
    for k, row in after.items():
        if before.get(k) == row:
            continue
        out["written"] += 1
        if new.intersection(row[0]):
            out["written_holding_new"] += 1
        elif k not in before:
            out["without_new_new_id"] += 1
        elif before[k][0] != row[0]:
            out["without_new_members"] += 1
        elif before[k][1] != row[1]:
            out["without_new_title_only"] += 1
        else:
            out["without_new_analysis_only"] += 1
    return out


def batch_agreement(url: str) -> dict[str, Any]:
    """The stored stories against one whole re-cluster of the same store (what a batch run
    gives): BCubed of the stored partition with the batch one as gold, and the stories
    that differ. The drift an incremental update leaves until the next consolidation."""
    from newsprism.eval.stories import bcubed
    from newsprism.settings import Settings
    from newsprism.storage.store import open_store
    from newsprism.stories.cluster import cluster

    store = open_store(url)
    try:
        stored = store.story_members()
        batch = cluster(store.articles(), store.lean_facts(), store.reuse(), Settings())
    finally:
        store.close()
    pred = {i: sid for sid, ids in stored.items() for i in ids}
    gold = {i: s.id for s in batch for i in s.article_ids}
    same = {tuple(ids) for ids in stored.values()} & {tuple(s.article_ids) for s in batch}
    return {"bcubed": {k: round(v, 4) for k, v in bcubed(pred, gold).items()},
            "stored_stories": len(stored), "batch_stories": len(batch),
            "stored_stories_not_in_batch": len(stored) - len(same)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("spacy")
    sp.add_argument("--n", type=int, default=1000)
    sp.add_argument("--processes", type=int, default=2)
    sp.add_argument("--fast-rules", action="store_true",
                    help="with newsprism's memoised attribute ruler and lemmatizer (nlp_rules)")
    ln = sub.add_parser("line")
    ln.add_argument("--n", type=int, default=1000)
    ln.add_argument("--runner", default="dask", choices=["local", "dask"])
    ln.add_argument("--scheduler", default=None)
    ln.add_argument("--db", default=None)
    ln.add_argument("--save-facts", default=None)
    ln.add_argument("--parse", default=None, choices=["full", "selective"],
                    help="settings.spacy_parse for this run (default: the setting)")
    sg = sub.add_parser("stages")
    sg.add_argument("--n", type=int, default=40)
    sc = sub.add_parser("scale")
    sc.add_argument("--facts", required=True)
    sc.add_argument("--sizes", default="1000,10000,100000")
    sc.add_argument("--story-stages-up-to", type=int, default=10**9,
                    help="skip the per-story stages above this many articles")
    pr = sub.add_parser("pairs")
    pr.add_argument("--n", type=int, default=1000)
    pr.add_argument("--repeat", type=int, default=3)
    pr.add_argument("--parse", default=None, choices=["full", "selective"],
                    help="settings.spacy_parse for the line runs")
    inc = sub.add_parser("incremental")
    inc.add_argument("--db", required=True, help="a store filled by `line --db`")
    inc.add_argument("--skip", type=int, required=True, help="articles already in the store")
    inc.add_argument("--add", type=int, default=100)
    inc.add_argument("--runner", default="dask", choices=["local", "dask"])
    inc.add_argument("--in-place", action="store_true")
    inc.add_argument("--features-first", action="store_true",
                     help="store the clustering features (and event frames) of a store made "
                          "before them first (untimed; else updates make them)")
    inc.add_argument("--compare-batch", action="store_true",
                     help="also re-cluster the whole store after the update and report how "
                          "far the stored stories are from that batch result")
    inc.add_argument("--no-report", dest="report", action="store_false",
                     help="skip reading the whole store's report after the update "
                          "(`report_s`: what `analyze --db --out` adds to the update)")
    inc.add_argument("--profile", default=None,
                     help="cProfile the update in the main process, stats written here "
                          "(read with `python -m pstats`)")
    gs = sub.add_parser("genstore")
    gs.add_argument("--facts", required=True, help="facts saved by `line --save-facts`")
    gs.add_argument("--n", type=int, default=10000)
    gs.add_argument("--add", type=int, default=100)
    gs.add_argument("--db", required=True, help="built here when empty")
    gs.add_argument("--build-only", action="store_true",
                    help="build the store and stop (copy it, then measure on copies)")
    for p in (sp, ln, sg, pr, inc):
        p.add_argument("--input", type=Path, default=None,
                       help="JSONL(.gz) of articles (default: the Baly corpus)")
    args = ap.parse_args()
    if getattr(args, "input", None):
        INPUT.append(args.input)
    result = {"spacy": cmd_spacy, "line": cmd_line, "stages": cmd_stages,
              "scale": cmd_scale, "pairs": cmd_pairs,
              "incremental": cmd_incremental, "genstore": cmd_genstore}[args.cmd](args)
    if args.cmd != "scale":
        print(json.dumps(result), flush=True)
    load1 = os.getloadavg()[0]
    print(json.dumps({"cpus": os.cpu_count(), "load_avg_1min_at_end": round(load1, 1)}))


if __name__ == "__main__":
    main()
