"""Big but valid inputs through `newsprism analyze`: time and peak memory by size (issue 23).

    .venv/bin/python benchmarks/big_input.py --sizes 0.5,1,2,5 --shapes all

For each shape and size (MB of file on disk, compressed or not), writes a valid input file of
fictional generated news text (made-up towns, people and numbers; no corpus text), runs
`python -m newsprism.cli analyze FILE --out report.json` in a child process, samples the
resident memory of that child and all its children (psutil, every 0.1 s; `wait4`'s
ru_maxrss as a floor), and prints: file bytes, articles written, wall seconds, CPU seconds
of the child and CPU seconds per MB (the work, whatever the machine's load), peak RSS, and
whether the report is complete (report.json parses and holds every article the file
carries, and the expected problem lines). The run fails (exit 1) on an incomplete report or a
peak over `--max-rss-mb` (default 2048).

Shapes:
  many.jsonl.gz  gzipped JSON Lines of many small distinct articles (about 1,500 characters)
  few.jsonl.gz   gzipped JSON Lines of a few large articles (about 150,000 characters)
  many.jsonl     the same small articles, uncompressed
  pages.warc     an uncompressed WARC of HTML pages, one article each
  big.html       one HTML page holding one long article (cut to max_article_chars; over the
                 one-article file cap, refused unread with one problem line)
  big.txt        one plain-text article (the same)
  bomb.jsonl.gz  gzipped JSON Lines of distinct 4 MB records (the issue's memory bomb): read
                 up to the expansion cap (one line), each text cut (one line each)

The articles fall into topics (a town, a project, its officials) so the corpus stages have
stories, shared names and some reused passages to find, as real news would.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MB = 1_000_000
CUT_CHARS = 200_000  # Settings().max_article_chars

TOWNS = ["Varlen", "Osterby", "Quillmarsh", "Dunhaven", "Pellwick", "Arnsloe", "Kettering Vale",
         "Brinmoor", "Talsey", "Ombridge", "Feywater", "Hollins Cross", "Marrowgate", "Selvik"]
FIRST = ["Anja", "Tomas", "Irena", "Malik", "Sofie", "Bram", "Liesl", "Oren", "Petra", "Jonah",
         "Katrin", "Elias", "Mirela", "Dario", "Yvette", "Casimir"]
LAST = ["Vandersloot", "Okonkwo-Hale", "Tremaine", "Lindqvist", "Aberdeel", "Castellane",
        "Morrow", "Ferreira-Kant", "Holloway", "Strand", "Quennell", "Babbage-Reyes"]
ROLES = ["mayor", "council member", "transport minister", "union leader", "harbour master",
         "school inspector", "city treasurer", "spokesperson for the residents' group"]
PROJECTS = ["tram line", "harbour wall", "river bridge", "flood barrier", "school campus",
            "wind farm", "rail depot", "water plant", "market hall", "ring road"]
VERBS = ["approved", "delayed", "questioned", "rejected", "defended", "criticised", "welcomed",
         "postponed", "expanded", "reviewed"]
OUTLETS = ["The Varlen Courier", "Osterby Evening Post", "Northgate Wire", "The Pellwick Ledger",
           "Brinmoor Sentinel", "Talsey Daily", "Harbourline News", "The Selvik Record"]
FILLER = ("officials said the plan would be reviewed again in the spring while residents asked "
          "for more public meetings and a clearer account of the costs involved in the work "
          "which has already run over its first schedule by several months").split()


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def sentence(rng: random.Random, topic: dict[str, str]) -> str:
    kind = rng.randrange(6)
    n = rng.randrange(2, 900)
    if kind == 0:
        return (f"The council of {topic['town']} {rng.choice(VERBS)} the {topic['project']} "
                f"on {rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}.")
    if kind == 1:
        return (f"\"We will not accept a {topic['project']} that costs {n} million more than "
                f"promised,\" said {topic['official']}, the {topic['role']}.")
    if kind == 2:
        return (f"The {topic['project']} is expected to cost {n} million crowns and to carry "
                f"{rng.randrange(1, 90)} thousand people a day, according to {person(rng)}.")
    if kind == 3:
        return (f"{topic['official']} told reporters that {rng.randrange(3, 400)} households "
                f"had written to the council about the {topic['project']}.")
    if kind == 4:
        return (f"Work on the {topic['project']} in {topic['town']} began in "
                f"{rng.randrange(2009, 2026)} and is due to end in {rng.randrange(2026, 2035)}.")
    words = [rng.choice(FILLER) for _ in range(rng.randrange(12, 30))]
    return " ".join(words).capitalize() + "."


def topics(rng: random.Random, n: int) -> list[dict[str, str]]:
    return [{"town": rng.choice(TOWNS), "project": rng.choice(PROJECTS),
             "official": person(rng), "role": rng.choice(ROLES)} for _ in range(n)]


def article_text(rng: random.Random, topic: dict[str, str], n_chars: int) -> str:
    paras: list[str] = []
    size = 0
    while size < n_chars:
        para = " ".join(sentence(rng, topic) for _ in range(rng.randrange(2, 5)))
        paras.append(para)
        size += len(para) + 2
    return "\n\n".join(paras)


def records(rng: random.Random, chars: int) -> Callable[[int], dict[str, str]]:
    """The i-th small article as a JSON Lines record (distinct: numbers and order vary)."""
    pool = topics(rng, 200)

    def make(i: int) -> dict[str, str]:
        topic = pool[i % len(pool)] if rng.random() < 0.8 else rng.choice(pool)
        return {"id": f"art-{i:06d}", "title": f"{topic['town']} {topic['project']}: "
                                               f"{rng.choice(VERBS)} ({i})",
                "outlet": rng.choice(OUTLETS), "published": f"2026-0{rng.randrange(1, 10)}-1"
                f"{rng.randrange(0, 9)}", "text": article_text(rng, topic, chars)}
    return make


def write_jsonl(path: Path, size: int, rng: random.Random, chars: int, compressed: bool
                ) -> int:
    make = records(rng, chars)
    opener = (lambda: gzip.open(path, "wt", encoding="utf-8", compresslevel=6)) if compressed \
        else (lambda: path.open("w", encoding="utf-8"))
    n = 0
    with opener() as f:
        while (path.stat().st_size if compressed else f.tell()) < size:
            for _ in range(20 if compressed else 1):
                f.write(json.dumps(make(n), ensure_ascii=False) + "\n")
                n += 1
            if compressed:
                f.flush()
    return n


def many_gz(path: Path, size: int, rng: random.Random) -> tuple[Path, int, int]:
    path = path.with_suffix(".jsonl.gz")
    return path, write_jsonl(path, size, rng, 1500, True), 0


def few_gz(path: Path, size: int, rng: random.Random) -> tuple[Path, int, int]:
    path = path.with_suffix(".jsonl.gz")
    return path, write_jsonl(path, size, rng, 150_000, True), 0


def many_jsonl(path: Path, size: int, rng: random.Random) -> tuple[Path, int, int]:
    path = path.with_suffix(".jsonl")
    return path, write_jsonl(path, size, rng, 1500, False), 0


def pages_warc(path: Path, size: int, rng: random.Random) -> tuple[Path, int, int]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = path.with_suffix(".warc")
    make = records(rng, 2500)
    n = 0
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        while f.tell() < size:
            rec = make(n)
            paras = "".join(f"<p>{p}</p>" for p in rec["text"].split("\n\n"))
            body = (f"<html><head><title>{rec['title']}</title></head><body><article>"
                    f"<h1>{rec['title']}</h1>{paras}</article></body></html>").encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example.org/{n}", "response", payload=io.BytesIO(body),
                http_headers=http))
            n += 1
    return path, n, 0


def one_article(path: Path) -> tuple[Path, int, int]:
    """(path, articles, problem lines) for a file of one article: over the one-article file
    cap it is refused unread (one line), else read and cut past max_article_chars."""
    from newsprism.readers._common import max_input_bytes
    from newsprism.settings import Settings

    if path.stat().st_size > max_input_bytes(Settings()):
        return path, 0, 1
    return path, 1, int(len(path.read_text(encoding="utf-8")) > CUT_CHARS)


def big_html(path: Path, size: int, rng: random.Random) -> tuple[Path, int, int]:
    path = path.with_suffix(".html")
    topic = topics(rng, 1)[0]
    head = (f"<html><head><title>{topic['town']} report</title></head><body><article>"
            f"<h1>{topic['town']} report</h1>")
    tail = "</article></body></html>"
    paras: list[str] = []
    used = len(head) + len(tail)
    for p in article_text(rng, topic, size).split("\n\n"):
        para = f"<p>{p}</p>\n"
        if used + len(para) > size:  # the file stays within the asked size
            break
        paras.append(para)
        used += len(para)
    path.write_text(head + "".join(paras) + tail, encoding="utf-8")
    return one_article(path)


def big_txt(path: Path, size: int, rng: random.Random) -> tuple[Path, int, int]:
    path = path.with_suffix(".txt")
    text = article_text(rng, topics(rng, 1)[0], size)
    path.write_text(text[:text.rfind("\n\n", 0, size)], encoding="utf-8")  # within size
    return one_article(path)


BOMB_RECORD_CHARS = 4_000_000  # the records: 4 MB each, distinct, very compressible


def bomb_gz(path: Path, size: int, rng: random.Random) -> tuple[Path, int, int]:
    """Gzipped JSON Lines of distinct 4 MB records (a distinct paragraph repeated): the
    issue's 5.8 MB file of 600 such records reached 21.5 GB. The reader stops at the
    expansion cap (one line) and cuts each record's text (one line each): returns the
    records the caps let through and their problem lines, derived from the same caps."""
    from newsprism.readers._common import expansion_cap
    from newsprism.settings import Settings

    path = path.with_suffix(".jsonl.gz")
    make = records(rng, 2000)
    ends: list[int] = []  # decompressed offset after each line
    with gzip.open(path, "wb", compresslevel=6) as f:
        while path.stat().st_size < size:
            rec = make(len(ends))
            para = rec["text"] + "\n\n"
            rec["text"] = (para * (BOMB_RECORD_CHARS // len(para) + 1))[:BOMB_RECORD_CHARS]
            line = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
            f.write(line)
            f.flush()
            ends.append((ends[-1] if ends else 0) + len(line))
    cap = expansion_cap(path, Settings())
    read = sum(1 for end in ends if end <= cap)  # the reader stops at the first line past it
    return path, read, read + int(read < len(ends))


SHAPES: dict[str, Callable[[Path, int, random.Random], tuple[Path, int, int]]] = {
    "many.jsonl.gz": many_gz, "few.jsonl.gz": few_gz, "many.jsonl": many_jsonl,
    "pages.warc": pages_warc, "big.html": big_html, "big.txt": big_txt, "bomb.jsonl.gz": bomb_gz}


def run_cli(path: Path, out: Path, timeout: float, src: Path = REPO / "src"
            ) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds of the child, peak RSS in MB of the child and its children,
    exit code). CPU seconds (user + system, from `wait4`) measure the work even when the
    shared machine's load stretches the wall time."""
    import psutil

    env = {**os.environ, "PYTHONPATH": str(src)}
    t = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "analyze", str(path),
                              "--out", str(out)], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    proc = psutil.Process(child.pid)
    peak = 0
    deadline = time.monotonic() + timeout
    code = None
    while code is None:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            break
        try:
            rss = proc.memory_info().rss + sum(c.memory_info().rss
                                               for c in proc.children(recursive=True))
            peak = max(peak, rss)
        except psutil.Error:
            pass
        if time.monotonic() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            code = -9
        time.sleep(0.1)
    return (time.perf_counter() - t, usage.ru_utime + usage.ru_stime,
            max(peak / 2**20, usage.ru_maxrss / 1024), code)


def check_report(out: Path, articles: int, cuts: int) -> str:
    """'' when report.json parses and holds every article (and the expected cut lines)."""
    try:
        report = json.loads(out.read_bytes().decode("utf-8"))
    except (OSError, ValueError) as exc:
        return f"no complete report ({type(exc).__name__})"
    got = len(report.get("articles", []))
    if got != articles:
        return f"{got} articles in the report, {articles} in the file"
    # A story over a recorded compare limit ("compare limit: ...", docs/faults.md), or the
    # corpus over the reuse stage's ("reuse limit: ..."), is a stated limit of the findings,
    # reported with them; not an input line's problem.
    problems = [p for p in report.get("problems", [])
                if not str(p.get("reason", "")).startswith(("compare limit:", "reuse limit:"))]
    if len(problems) != cuts:
        return f"{len(problems)} problem lines, expected {cuts}"
    return ""


def exit_ok(code: int, articles: int) -> bool:
    """0, or 2 when the file holds nothing readable (the report is still written)."""
    return code == 0 or (code == 2 and articles == 0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="0.5,1,2,5", help="file sizes in MB (at most 5)")
    ap.add_argument("--shapes", default="all", help=f"comma list of {', '.join(SHAPES)}")
    ap.add_argument("--max-rss-mb", type=float, default=2048)
    ap.add_argument("--timeout", type=float, default=7200, help="seconds per run")
    ap.add_argument("--seed", type=int, default=23)
    ap.add_argument("--src", type=Path, default=REPO / "src",
                    help="the newsprism source tree to run (to compare two versions)")
    ap.add_argument("--keep", type=Path, default=None,
                    help="write the input files and each run's report here and keep them "
                         "(default: a temporary dir)")
    args = ap.parse_args()
    sizes = sorted(float(s) for s in args.sizes.split(","))
    if not sizes or sizes[0] <= 0 or sizes[-1] > 5:
        ap.error("--sizes must be in (0, 5] MB")
    shapes = list(SHAPES) if args.shapes == "all" else args.shapes.split(",")
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        ap.error(f"unknown shape(s) {unknown}; valid: {', '.join(SHAPES)}")
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsprism-big-") as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        print(f"source: {args.src}; load average at start: {os.getloadavg()[0]:.1f} "
              f"({os.cpu_count()} cores)", flush=True)
        print("| shape | MB | file bytes | articles | seconds | CPU s | CPU s per MB | peak MB "
              "| complete |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for shape in shapes:
            for size in sizes:
                rng = random.Random(args.seed)
                stem = where / f"in-{size:g}MB".replace(".", "p")
                path, n, cuts = SHAPES[shape](stem, int(size * MB), rng)
                # --keep keeps each run's report beside its input (problem lines to read).
                out = (stem.with_name(f"{stem.name}-{shape}-report.json") if args.keep
                       else Path(tmp) / "report.json")
                out.unlink(missing_ok=True)
                secs, cpu, rss, code = run_cli(path, out, args.timeout, args.src)
                why = check_report(out, n, cuts) or ("" if exit_ok(code, n) else f"exit {code}")
                if rss > args.max_rss_mb:
                    why = (why + "; " if why else "") + f"peak {rss:.0f} MB over the bound"
                if why:
                    failures.append(f"{shape} {size} MB: {why}")
                mb = path.stat().st_size / MB
                print(f"| {shape} | {size} | {path.stat().st_size} | {n} | {secs:.1f} | "
                      f"{cpu:.1f} | {cpu / mb:.1f} | {rss:.0f} | {why or 'yes'} |", flush=True)
                if args.keep is None:
                    path.unlink()
        print(f"load average at end: {os.getloadavg()[0]:.1f}", flush=True)
    for f in failures:
        print("FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
