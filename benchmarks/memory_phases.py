"""Where `newsprism analyze` holds its memory: resident memory after each phase (issue 23).

    PYTHONPATH=src .venv/bin/python benchmarks/memory_phases.py FILE [FILE ...]

Runs what `newsprism analyze FILE --out report.json` runs (`service.run_analysis`, then the
CLI's report writer) in this process and prints, at each step change of the progress
callback and after each part of the report writing, the seconds, the resident memory and
the peak so far (`ru_maxrss`). The writer is the CLI's: `storage.report.write_report_json`
where the tree has it, else the one `json.dumps` of `report_json` the CLI used before it
(so the same script measures an older tree: `PYTHONPATH=/path/to/old/src`).
Input files: e.g. those of `benchmarks/big_input.py --keep DIR`.

    PYTHONPATH=src .venv/bin/python benchmarks/memory_phases.py --writer N

The report writing alone, without the NLP: a made-up report of N articles (2,000
characters each, ten reuse pairs each with two passages, stories of five), written once by
`write_report_json` and once as one `json.dumps(report_json(...))`, each in a fresh child;
prints each child's peak resident memory over its peak before writing.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path


def synthetic_report(n: int):  # type: ignore[no-untyped-def]
    from newsprism.model import Article, Edit, Passage, Report, Reuse, Story

    words = "council bridge river harbour tram budget vote delay plan week".split()
    arts = tuple(Article(id=f"a{i:06d}", source="made-up.jsonl", outlet=f"Outlet {i % 7}",
                         title=f"Title {i}", published=f"2026-01-{1 + i % 28:02d}",
                         text=" ".join(words[(i + k) % 10] for k in range(330)))
                 for i in range(n))
    reuse = tuple(Reuse(a=arts[i].id, b=arts[(i + d) % n].id, share_a=0.4, share_b=0.3,
                        origin=None, passages=(Passage(0, 80, 0, 80, (Edit("x", "y"),)),
                                               Passage(100, 180, 100, 180)))
                  for i in range(n) for d in range(1, 11) if i < (i + d) % n)
    stories = tuple(Story(id=f"s{k:06d}", title=f"Story {k}",
                          article_ids=tuple(a.id for a in arts[5 * k:5 * k + 5]))
                    for k in range(n // 5))
    return Report(articles=arts, reuse=reuse, stories=stories)


def writer_child(n: int, how: str) -> None:
    from newsprism.storage.report import report_json, write_report_json

    report = synthetic_report(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        if how == "stream":
            with out.open("w", encoding="utf-8") as f:
                write_report_json(report, f)
        else:
            out.write_text(json.dumps(report_json(report), ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")
        size = out.stat().st_size
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{how:8s} {n} articles, report {size / 1e6:.1f} MB: peak {before:.0f} MB before "
          f"writing, {after:.0f} MB after (+{after - before:.0f} MB)", flush=True)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--writer-child":
        writer_child(int(sys.argv[2]), sys.argv[3])
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--writer":
        import subprocess

        for how in ("stream", "dumps"):
            subprocess.run([sys.executable, __file__, "--writer-child", sys.argv[2], how],
                           check=True)
        return
    import psutil

    from newsprism.service import run_analysis
    from newsprism.settings import Settings
    from newsprism.storage import report as report_mod

    if len(sys.argv) < 2:
        sys.exit(__doc__)
    proc = psutil.Process()
    t0 = time.perf_counter()
    last: list[str | None] = [None]

    def line(what: str) -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rss = proc.memory_info().rss / 2**20
        print(f"{time.perf_counter() - t0:8.1f} s  {what:28s} rss {rss:6.0f} MB  "
              f"peak {peak:6.0f} MB", flush=True)

    def progress(step: str, done: int, total: int) -> None:
        if step != last[0]:
            line(f"{step} started")
            last[0] = step

    line("start")
    report = run_analysis(sys.argv[1:], Settings(), progress=progress)
    line(f"analysed ({len(report.articles)} articles, {len(report.stories)} stories, "
         f"{len(report.reuse)} reuse)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        writer = getattr(report_mod, "write_report_json", None)
        if writer is not None:
            with out.open("w", encoding="utf-8") as f:
                writer(report, f)
        else:
            data = report_mod.report_json(report)
            line("report_json built")
            out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")
        line(f"report written ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
