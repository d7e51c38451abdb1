"""Long runs of the hostile-input harness (issue 23), through `newsprism analyze`.

    .venv/bin/python benchmarks/fuzz.py --sizes 0.5,1,2,5 --forms all

For each hostile form and each size (MB of file, compressed or not), writes the file, runs
`python -m newsprism.cli analyze FILE --out report.json` in a child process and measures its
wall time and peak resident memory (`wait4`'s ru_maxrss of that child alone). Each run must
leave a complete report (valid UTF-8 JSON), cost the expected number of problem lines, and
stay under `--max-rss-mb` (default 2048). Time growth: for each form the exponent of time
against size between the smallest and the largest file, after that form's fixed cost (the
run of a 10 kB file of the same form: start-up, model load) is taken off: about 1 is
linear, 2 quadratic; when the largest file costs less than NOISE_SECONDS over the fixed cost
there is no growth to measure. The run fails
(exit 1) on a missing report, a wrong problem count, memory over the bound or an exponent
over `--max-exponent` (default 1.3).

Forms (each builds a file of about the asked size):
  tagsoup   `<html>...</html>` then `<a` repeated (issue 23 item 1)          1 problem
  deep      `<div>` nested to the file's size (an HTML bomb)                  1 problem
  soup.txt  a .txt that starts with <html>, then tag soup                     1 problem
  long.txt  one article of words, cut to max_article_chars                    1 problem (the cut)
  records   JSON Lines of 1 MB records, each cut                              1 per record
  badlines  JSON Lines of small records, one in three hostile                 1 per bad line
  bomb.gz   gzipped JSON Lines of distinct 4 MB records (item 2)              the bomb line
  warc      uncompressed WARC of pages, cut in its last record                1 problem
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
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
FIXED_MB = 0.01  # the size whose run time is taken as a form's fixed cost
# Run-to-run spread of the fixed cost on a shared machine: time over the fixed cost below
# this is not growth.
NOISE_SECONDS = 15.0
CUT_CHARS = 200_000  # Settings().max_article_chars: longer texts cost one "cut" line
WORDS = ("the council said on monday that the new bridge over the river would cost about "
         "twelve million euros and open in spring after a long public debate").split()


def words(rng: random.Random, n_chars: int) -> str:
    out: list[str] = []
    size = 0
    while size < n_chars:
        w = rng.choice(WORDS)
        out.append(w)
        size += len(w) + 1
        if rng.random() < 0.08:
            out.append(".\n")
    return " ".join(out)


def tagsoup(path: Path, size: int, rng: random.Random) -> tuple[Path, int | None]:
    path = path.with_suffix(".html")
    path.write_bytes(b"<html><body><p>x</p></body></html>" + b"<a" * (size // 2))
    return path, 1


def deep(path: Path, size: int, rng: random.Random) -> tuple[Path, int | None]:
    path = path.with_suffix(".html")
    path.write_bytes(b"<html><body>" + b"<div>" * (size // 5) + b"</body></html>")
    return path, 1


def soup_txt(path: Path, size: int, rng: random.Random) -> tuple[Path, int | None]:
    path = path.with_suffix(".txt")
    parts = ["<a", "<div>", "</div>", "<p>", "&amp;", "<!--", "<", ">", "[/]", "\x1b[2J"]
    chunks = [rng.choice(parts) if rng.random() < 0.5 else rng.choice(WORDS)
              for _ in range(size // 4)]
    path.write_text("<html><body>" + " ".join(chunks)[:size], encoding="utf-8")
    return path, None  # text or no text, both fine: one article or one problem


def long_txt(path: Path, size: int, rng: random.Random) -> tuple[Path, int | None]:
    path = path.with_suffix(".txt")
    path.write_text(words(rng, size), encoding="utf-8")
    return path, int(size > CUT_CHARS)


def records(path: Path, size: int, rng: random.Random) -> tuple[Path, int | None]:
    path = path.with_suffix(".jsonl")
    n = max(1, size // MB)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"r{i}", "text": f"{i} " + words(rng, size // n)}) + "\n")
    return path, n * int(size // n > CUT_CHARS)


def badlines(path: Path, size: int, rng: random.Random) -> tuple[Path, int | None]:
    path = path.with_suffix(".jsonl")
    bad_kinds = ['{"id": "%s", "text": 5}', '{broken %s', '{"id": "x\\u0000%s", "text": "t"}',
                 '{"id": "%s\\ud800", "text": "t"}', '["%s"]', '{"id": "' + "i" * 129 + '%s"}']
    lines, bad, total = [], 0, 0
    i = 0
    while total < size:
        if i % 3 == 2:
            line = rng.choice(bad_kinds) % i
            bad += 1
        else:
            line = json.dumps({"id": f"ok-{i} [/]", "text": f"{i} " + words(rng, 600),
                               "title": f"T \ud800 {i}"})
        lines.append(line)
        total += len(line) + 1
        i += 1
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"))
    return path, bad


def bomb_gz(path: Path, size: int, rng: random.Random) -> tuple[Path, int | None]:
    path = path.with_suffix(".jsonl.gz")
    with gzip.open(path, "wb", compresslevel=9) as f:
        i = 0
        while path.stat().st_size < size and i < 100_000:
            text = f"{i} " + ("bridge council river " * 200_000)[:4_000_000]
            f.write((json.dumps({"id": f"b{i}", "text": text}) + "\n").encode())
            f.flush()
            i += 1
    return path, None  # the lines before the cap (cut each) and the bomb line


def warc(path: Path, size: int, rng: random.Random) -> tuple[Path, int | None]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = path.with_suffix(".warc")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    i = 0
    while buf.tell() < size:
        body = (f"<html><head><title>Page {i}</title></head><body><article><p>"
                f"{words(rng, 3000)}</p></article></body></html>").encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                      payload=io.BytesIO(body),
                                                      http_headers=http))
        i += 1
    data = buf.getvalue()
    path.write_bytes(data[:len(data) - 500])
    return path, 1


FORMS: dict[str, Callable[[Path, int, random.Random], tuple[Path, int | None]]] = {
    "tagsoup": tagsoup, "deep": deep, "soup.txt": soup_txt, "long.txt": long_txt,
    "records": records, "badlines": badlines, "bomb.gz": bomb_gz, "warc": warc}


def run_cli(path: Path, out: Path, timeout: float) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one `newsprism analyze` child."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    t = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "newsprism.cli", "analyze", str(path),
                              "--out", str(out)], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            return time.perf_counter() - t, usage.ru_maxrss / 1024, -9
        time.sleep(0.05)
    return time.perf_counter() - t, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def check_report(out: Path, expected: int | None) -> str:
    """'' when the report is complete and costs the expected lines, else why not."""
    try:
        report = json.loads(out.read_bytes().decode("utf-8"))
    except (OSError, ValueError) as exc:
        return f"no complete report ({type(exc).__name__})"
    problems = len(report.get("problems", []))
    if expected is not None and problems != expected:
        return f"{problems} problem lines, expected {expected}"
    return ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="0.5,1,2,5", help="file sizes in MB (at most 5)")
    ap.add_argument("--forms", default="all", help=f"comma list of {', '.join(FORMS)}")
    ap.add_argument("--max-rss-mb", type=float, default=2048)
    ap.add_argument("--max-exponent", type=float, default=1.3)
    ap.add_argument("--timeout", type=float, default=900, help="seconds per run")
    ap.add_argument("--seed", type=int, default=23)
    args = ap.parse_args()
    sizes = sorted(float(s) for s in args.sizes.split(","))
    if not sizes or sizes[0] <= 0 or sizes[-1] > 5:
        ap.error("--sizes must be in (0, 5] MB")
    forms = list(FORMS) if args.forms == "all" else args.forms.split(",")
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsprism-fuzz-") as tmp:
        print("| form | MB | file bytes | seconds | over fixed | peak MB | problems | ok |")
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        for form in forms:
            times: list[tuple[int, float]] = []
            fixed = 0.0
            for size in [FIXED_MB, *sizes]:
                rng = random.Random(args.seed)
                path, expected = FORMS[form](Path(tmp) / f"in-{form}-{size}", int(size * MB),
                                             rng)
                out = Path(tmp) / "report.json"
                out.unlink(missing_ok=True)
                secs, rss, code = run_cli(path, out, args.timeout)
                # exit 2: nothing readable, said in the report's problems (still written)
                why = check_report(out, expected) or ("" if code in (0, 2) else f"exit {code}")
                if rss > args.max_rss_mb:
                    why = (why + "; " if why else "") + f"peak {rss:.0f} MB over the bound"
                if why:
                    failures.append(f"{form} {size} MB: {why}")
                report = json.loads(out.read_text()) if out.exists() and not why else {}
                n_problems = len(report.get("problems", [])) if report else "-"
                bytes_ = path.stat().st_size
                if size == FIXED_MB:
                    fixed = secs
                else:
                    times.append((bytes_, max(0.05, secs - fixed)))
                print(f"| {form} | {size} | {bytes_} | {secs:.1f} | {secs - fixed:.1f} | "
                      f"{rss:.0f} | {n_problems} | {why or 'yes'} |", flush=True)
                path.unlink()
            if len(times) >= 2 and times[-1][1] <= NOISE_SECONDS:
                print(f"| {form} | no growth above the noise ({NOISE_SECONDS:.0f} s) | | | | "
                      "| | yes |", flush=True)
            elif len(times) >= 2:
                (b0, t0), (b1, t1) = times[0], times[-1]
                exponent = math.log(t1 / t0) / math.log(b1 / b0)
                print(f"| {form} | growth exponent {exponent:.2f} | | | | | | "
                      f"{'yes' if exponent <= args.max_exponent else 'NO'} |", flush=True)
                if exponent > args.max_exponent:
                    failures.append(f"{form}: time grows as size^{exponent:.2f}")
    for f in failures:
        print("FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
