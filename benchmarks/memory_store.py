"""Where the `--db` build holds its memory, per phase, without parsing again (issue 25).

    PYTHONPATH=src .venv/bin/python benchmarks/memory_store.py export \
        --from /tmp/bench/b10k.db --out /tmp/replay.db
    PYTHONPATH=src .venv/bin/python benchmarks/memory_store.py run --replay /tmp/replay.db \
        --n 2000 --db sqlite:////tmp/m2k.db [--runner dask] [--trace] [--report OUT.json]

`export` copies the articles and full facts of a store that `throughput.py line --db` filled
(read-only) into a replay file. `run` then makes the calls `throughput.py line --n N --db URL`
makes (`service.run_analysis` on a JSONL file of the first N articles, with the Dask runner by
default, so the main process does what it does in the real build), except that the workers do
not parse: their per-article work reads each article's stored facts from the replay file. So
the main process's memory (reading, storing each batch, reuse, clustering, the story stages'
tasks and results, the commit, the whole store's report) is the build's, in minutes instead
of the build's hour, while the workers hold spaCy loaded but do not grow with parsing.

It prints, per phase (from the progress callback and from wrappers around the store's reads
and writes), the peak resident memory of this process and of the summed workers (psutil,
every 0.1 s), and with `--trace` the memory Python objects hold (tracemalloc) at the end of
each phase and the 15 largest holders (by line) at the phase that ended holding the most.
`--report OUT.json` writes the report as `newsprism analyze --out` does (for comparing runs).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

COLUMNS = ("id", "source", "outlet", "title", "byline", "published", "url", "language", "text",
           "metadata")


def cmd_export(args: argparse.Namespace) -> None:
    src = sqlite3.connect(f"file:{args.src}?mode=ro", uri=True)
    dst = sqlite3.connect(args.out)
    dst.execute("CREATE TABLE IF NOT EXISTS art (k INTEGER PRIMARY KEY, id TEXT UNIQUE, "
                + ", ".join(f"{c} TEXT" for c in COLUMNS[1:]) + ", facts TEXT)")
    rows = src.execute("SELECT " + ", ".join(f"a.{c}" for c in COLUMNS) + ", f.data FROM "
                       "articles a JOIN facts f ON f.article_id = a.id ORDER BY a.rowid")
    dst.executemany(f"INSERT OR IGNORE INTO art ({', '.join(COLUMNS)}, facts) VALUES "
                    f"({', '.join('?' * (len(COLUMNS) + 1))})", rows)
    dst.commit()
    print(dst.execute("SELECT count(*) FROM art").fetchone()[0], "articles exported")


def replay_work(path: str):  # type: ignore[no-untyped-def]
    """The per-article work of a worker: the stored article and facts of each id."""

    def work(batch, _settings):  # type: ignore[no-untyped-def]
        import json as _json
        import sqlite3 as _sqlite3

        from newsprism.model import Article, ArticleFacts
        from newsprism.storage.codec import load

        conn = _sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        out = []
        for a in batch:
            row = conn.execute("SELECT source, outlet, title, byline, published, url, "
                               "language, text, metadata, facts FROM art WHERE id = ?",
                               (a.id,)).fetchone()
            meta = tuple((k, v) for k, v in _json.loads(row[8] or "[]"))
            art = Article(id=a.id, source=a.source, outlet=row[1], title=row[2], byline=row[3],
                          published=row[4], url=row[5], language=row[6], text=row[7],
                          metadata=meta)
            out.append((art, load(ArticleFacts, _json.loads(row[9]))))
        conn.close()
        return out
    return work


class Phases:
    """Peak RSS of this process and of its children per phase, sampled in a thread."""

    def __init__(self, trace: bool) -> None:
        import psutil

        self.proc = psutil.Process()
        self.phase = "start"
        self.order: list[str] = ["start"]
        self.main: dict[str, float] = {"start": 0.0}
        self.kids: dict[str, float] = {"start": 0.0}
        self.total: dict[str, float] = {"start": 0.0}
        self.traced: dict[str, float] = {}
        self.traced_peak: dict[str, float] = {}
        self.trace = trace
        self.best: tuple[float, str, Any] = (0.0, "", None)
        self.t0 = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        try:
            main = self.proc.memory_info().rss
            kids = 0
            for p in self.proc.children(recursive=True):
                try:
                    kids += p.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            return
        ph = self.phase
        self.main[ph] = max(self.main.get(ph, 0.0), main / 1e6)
        self.kids[ph] = max(self.kids.get(ph, 0.0), kids / 1e6)
        self.total[ph] = max(self.total.get(ph, 0.0), (main + kids) / 1e6)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(0.1)

    def enter(self, name: str) -> None:
        if name == self.phase:
            return
        self._sample()
        if self.trace:
            current, peak = tracemalloc.get_traced_memory()
            current, peak = current / 1e6, peak / 1e6
            self.traced[self.phase] = current
            self.traced_peak[self.phase] = peak
            tracemalloc.reset_peak()
            if current > self.best[0]:
                self.best = (current, self.phase, tracemalloc.take_snapshot())
        print(f"{time.perf_counter() - self.t0:8.1f} s  {self.phase} -> {name}  (peak of "
              f"{self.phase}: main {self.main.get(self.phase, 0):.0f} MB, workers "
              f"{self.kids.get(self.phase, 0):.0f} MB)", flush=True)
        self.phase = name
        if name not in self.order:
            self.order.append(name)

    def stop(self) -> None:
        self.enter("end")
        self._stop.set()
        self._thread.join()

    def table(self) -> list[dict[str, Any]]:
        return [{"phase": p, "main_mb": round(self.main.get(p, 0)),
                 "workers_mb": round(self.kids.get(p, 0)),
                 "sum_mb": round(self.total.get(p, 0)),
                 **({"traced_end_mb": round(self.traced[p]),
                     "traced_peak_mb": round(self.traced_peak[p])} if p in self.traced else {})}
                for p in self.order]


def wrap(obj: Any, name: str, phases: Phases, label: str, after: str | None = None) -> None:
    """Mark the phase `label` while `obj.name` runs (and `after` once it returns)."""
    original = getattr(obj, name)

    def wrapped(*a: Any, **k: Any) -> Any:
        phases.enter(label)
        try:
            return original(*a, **k)
        finally:
            if after is not None:
                phases.enter(after)
    setattr(obj, name, wrapped)


def cmd_run(args: argparse.Namespace) -> None:
    from newsprism import service
    from newsprism.runner import LocalRunner
    from newsprism.runner.dask_runner import DaskRunner
    from newsprism.settings import Settings
    from newsprism.storage import store as store_mod
    from newsprism.storage.report import write_report_json

    settings = Settings()
    conn = sqlite3.connect(f"file:{args.replay}?mode=ro", uri=True)
    rows = conn.execute("SELECT id, outlet, title, published, url, text FROM art ORDER BY k "
                        "LIMIT ?", (args.n,)).fetchall()
    conn.close()
    work = replay_work(str(Path(args.replay).resolve()))
    runner: Any = (DaskRunner(settings, work=work) if args.runner == "dask"
                   else LocalRunner(work=work))
    if args.runner == "dask":
        runner.client()  # started (spaCy loaded in each worker) before the measurement
    if args.trace:
        tracemalloc.start()
    phases = Phases(args.trace)

    def progress(step: str, done: int, total: int) -> None:
        phases.enter({"stories": "story stages"}.get(step, step))

    wrap(service, "update_stories", phases, "load")
    wrap(service, "regroup_stories", phases, "clustering")
    wrap(service, "task_chunks", phases, "story tasks")
    wrap(store_mod.Store, "commit_analysis", phases, "commit")
    wrap(service, "consistent_report", phases, "report")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i, outlet, title, published, url, text in rows:
                f.write(json.dumps({"id": i, "outlet": outlet, "title": title,
                                    "published": published, "url": url, "text": text}) + "\n")
        del rows
        t = time.perf_counter()
        report = service.run_analysis([str(path)], settings, db_url=args.db, runner=runner,
                                      progress=progress)
        seconds = time.perf_counter() - t
        if args.report:
            phases.enter("write report")
            with open(args.report, "w", encoding="utf-8") as f:
                write_report_json(report, f)
        phases.stop()
    runner.close()
    out = {"n": args.n, "db": args.db, "runner": args.runner, "seconds": round(seconds, 1),
           "articles": len(report.articles), "stories": len(report.stories),
           "reuse": len(report.reuse), "phases": phases.table(),
           "peak_main_mb": round(max(phases.main.values())),
           "peak_sum_mb": round(max(phases.total.values()))}
    print(json.dumps(out), flush=True)
    if args.trace and phases.best[2] is not None:
        print(f"largest holders at the end of '{phases.best[1]}' "
              f"({phases.best[0]:.0f} MB traced):")
        for s in phases.best[2].statistics("lineno")[:15]:
            print(f"  {s.size / 1e6:8.1f} MB {s.count:9d} blocks  {s.traceback}")


def traced(make):  # type: ignore[no-untyped-def]
    """(MB of Python objects `make()` leaves alive, what it returned)."""
    import gc

    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    value = make()
    gc.collect()
    return (tracemalloc.get_traced_memory()[0] - before) / 1e6, value


def holders_row(conn: sqlite3.Connection, n: int, share: float) -> dict[str, Any]:
    """The holders' sizes for the first `n` stored articles (and `share` of the stories)."""
    from newsprism.model import Article, ArticleFacts, Story
    from newsprism.service import PackedFacts
    from newsprism.storage.codec import load
    from newsprism.storage.packed import PackedEncoded, PackedStories, load_lean, pack_story

    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY rowid LIMIT ?", (n,))]
    marks = ",".join("?" * len(ids))
    k = round(share * len(ids))  # stories in proportion (by id)

    def articles() -> list[Article]:
        return [Article(id=r[0], source=r[1], text=r[2], outlet=r[3], title=r[4],
                        published=r[5], url=r[6])
                for r in conn.execute("SELECT id, source, text, outlet, title, published, "
                                      f"url FROM articles WHERE id IN ({marks})", ids)]

    def lean() -> list[ArticleFacts]:
        return [load(ArticleFacts, json.loads(d)) for (d,) in conn.execute(
            f"SELECT data FROM lean_facts WHERE article_id IN ({marks})", ids)]

    def packed() -> PackedFacts:
        out = PackedFacts()
        for i, d in conn.execute(f"SELECT article_id, data FROM facts "
                                 f"WHERE article_id IN ({marks})", ids):
            out.add(i, load(ArticleFacts, json.loads(d)))
        return out

    def prints() -> list[tuple[bytes, bytes]]:
        return [(bytes(a), bytes(b)) for a, b in conn.execute(
            f"SELECT shingles, prints FROM reuse_prints WHERE article_id IN ({marks})", ids)]

    def story_rows() -> list[str]:
        return [d for (d,) in conn.execute("SELECT data FROM stories ORDER BY id LIMIT ?",
                                           (k,))]

    def lean_shared() -> list[ArticleFacts]:
        return load_lean(d for (d,) in conn.execute(
            f"SELECT data FROM lean_facts WHERE article_id IN ({marks})", ids))

    def stories() -> list[Story]:
        return [load(Story, json.loads(d)) for d in story_rows()]

    def packed_for_commit() -> PackedEncoded:
        return PackedEncoded(pack_story(load(Story, json.loads(d))) for d in story_rows())

    def packed_stories() -> PackedStories:
        return PackedStories(story_rows())

    row: dict[str, Any] = {"articles": len(ids), "stories": k}
    for name, make in (("articles", articles), ("lean facts", lean),
                       ("lean facts shared (now)", lean_shared),
                       ("packed full facts", packed), ("reuse prints", prints),
                       ("stories as encoded (JSON)", story_rows),
                       ("stories packed for the commit (now)", packed_for_commit),
                       ("stories decoded (report)", stories),
                       ("stories packed (report now)", packed_stories)):
        mb, value = traced(make)
        row[name] = round(mb, 1)
        del value
    return row


def cmd_holders(args: argparse.Namespace) -> None:
    """What each holder of the build's main process weighs for the first N stored articles
    of a store (read-only), as Python objects (tracemalloc): the per-article slope."""
    conn = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    tracemalloc.start()
    for n in [int(v) for v in args.sizes.split(",")]:
        print(json.dumps(holders_row(conn, n, n_stories / total)), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("export")
    ex.add_argument("--from", dest="src", required=True)
    ex.add_argument("--out", required=True)
    rn = sub.add_parser("run")
    rn.add_argument("--replay", required=True)
    rn.add_argument("--n", type=int, required=True)
    rn.add_argument("--db", required=True)
    rn.add_argument("--runner", choices=("dask", "local"), default="dask")
    rn.add_argument("--trace", action="store_true")
    rn.add_argument("--report", default=None)
    ho = sub.add_parser("holders")
    ho.add_argument("--store", required=True, help="an SQLite store file (read-only)")
    ho.add_argument("--sizes", default="1000,2000,5000,10000")
    args = ap.parse_args()
    if args.cmd == "export":
        cmd_export(args)
    elif args.cmd == "holders":
        cmd_holders(args)
    else:
        cmd_run(args)


if __name__ == "__main__":
    sys.exit(main())
