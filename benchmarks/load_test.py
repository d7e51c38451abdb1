"""Load test of the web app and API, on 127.0.0.1 only, bounded in requests and time.

    .venv/bin/python benchmarks/load_test.py --copies 100 --requests 3000 --seconds 120
    .venv/bin/python benchmarks/load_test.py --concurrency 50 --hostile 10 --compare

With `--hostile N`, N more clients send, as fast as they are answered, searches that no cache
holds (broad words, a new offset each time, limit 500) and hostile requests (NUL, escape
sequences, bad UTF-8, 200-character queries, foreign Host headers); `--compare` first runs
the normal clients alone, then with the hostile ones, and prints the normal clients' rate in
both runs (issue 23: they must keep 80% of it, with 0 errors), after one untimed pass over
the plan's distinct requests (so neither run pays for a cold cache). `--repeats N` does that N
times and prints the median share and the machine's load average around each run.

What counts as an error: for a normal client, any answer that is not 2xx or 3xx, or a failed
request; for a hostile client, a 5xx or a failed request (a 4xx, 429 included, is the answer
it should get). Hostile clients connect from their own loopback addresses (127.0.0.2 and
up, one each), as clients on other machines would, so the server's per-client limit on new
searches (web/cache.py) applies to them and not to the normal clients on 127.0.0.1. They run
in their own process (`--same-process`: in the normal clients', where their client-side CPU
slowed the normal clients). Each run prints the CPU seconds of the server and of both client
processes; each `--compare` pair, the server CPU the hostile requests took (CPU time: what the
machine's load does not move). `--cost N` prints the server's CPU per request of each kind.

Builds a store from the demo corpus (analysed once), multiplied `--copies` times under new ids
so the story list has real length, starts the app under uvicorn in a child process on a free
loopback port, sends a fixed mix of page and API requests from `--concurrency` workers until
`--requests` are done or `--seconds` have passed, stops the server and prints requests/s,
latency percentiles and errors (as above), overall and per kind.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything else: the load goes to this machine only


def build_store(db_url: str, copies: int) -> tuple[list[str], list[str]]:
    """The demo corpus analysed once, then saved `copies` times with every id suffixed."""
    from newsprism.model import Report
    from newsprism.service import run_analysis
    from newsprism.settings import Settings
    from newsprism.storage.codec import load, to_data
    from newsprism.storage.store import open_store

    report = run_analysis([str(REPO / "examples" / "corpus")], Settings())
    base = json.dumps(to_data(report))
    ids = sorted({a.id for a in report.articles} | {s.id for s in report.stories},
                 key=len, reverse=True)
    store = open_store(db_url)
    for i in range(copies):
        text = base
        for ident in ids:  # ids are content hashes: unique strings, safe to replace
            text = text.replace(f'"{ident}"', f'"{ident}-{i}"')
        store.save_report(load(Report, json.loads(text)))
    stories = [s.id for s in store.stories_full()]
    articles = store.article_ids()
    store.close()
    return stories, articles


def serve(db_url: str, port: int) -> None:
    # An older app (to compare before and after a change) has no Host check to configure.
    import inspect

    import uvicorn

    from newsprism.settings import Settings
    from newsprism.web.app import create_app

    # A request that fails in the server is logged with its traceback (issue 23: two story
    # pages answered 500 with a RecursionError once, under load, and never again).
    logging.basicConfig(format="%(name)s: %(message)s")
    logging.getLogger("newsprism.web.security").setLevel(logging.DEBUG)
    extra = {"bind_host": HOST} if "bind_host" in inspect.signature(create_app).parameters \
        else {}
    uvicorn.run(create_app(Settings(db_url=db_url), **extra), host=HOST, port=port,
                log_level="warning", access_log=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def plan(n: int, stories: list[str], articles: list[str], seed: int = 7) -> list[tuple[str, str]]:
    """A fixed request mix: (kind, path)."""
    rng = random.Random(seed)
    words = ["river", "deal", "tram", "minister", "agreement", "council", "dam", "zzz"]
    mix = [("list page", 25), ("search page", 10), ("story page", 25), ("article page", 5),
           ("api list", 15), ("api story", 15), ("api article", 5)]
    kinds = [k for k, w in mix for _ in range(w)]
    out = []
    for _ in range(n):
        kind = rng.choice(kinds)
        if kind == "list page":
            path = "/"
        elif kind == "search page":
            path = f"/?q={rng.choice(words)}&since=2024-01-01"
        elif kind == "story page":
            path = f"/stories/{rng.choice(stories)}"
        elif kind == "article page":
            path = f"/articles/{rng.choice(articles)}"
        elif kind == "api list":
            path = f"/api/v1/stories?q={rng.choice(words)}&limit=50"
        elif kind == "api story":
            path = f"/api/v1/stories/{rng.choice(stories)}"
        else:
            path = f"/api/v1/articles/{rng.choice(articles)}"
        out.append((kind, path))
    return out


BROAD = ["the", "a", "e", "council", "minister", "river"]
HOSTILE = ["/?q=a%00b", "/api/v1/stories?q=%1b%5b2J", "/api/v1/stories?q=%ff%fe",
           "/articles/x%00", "/api/v1/stories?q=" + "x" * 200, "/stories/" + "%2F" * 300]


def hostile_request(n: int) -> tuple[str, str, dict[str, str]]:
    """(kind, path, headers) of the n-th hostile request: mostly uncacheable broad searches."""
    if n % 4:
        word = BROAD[n % len(BROAD)]
        if n % 2:
            return "hostile search", f"/api/v1/stories?q={word}&limit=500&offset={n}", {}
        return "hostile search", f"/?q={word}&page={n % 9000 + 1}", {}
    if n % 8 == 4:
        return "hostile host", "/api/v1/health", {"host": "rebind.attacker.example"}
    return "hostile bytes", HOSTILE[n % len(HOSTILE)], {}


def hostile_address(k: int) -> str:
    """The loopback address hostile client `k` connects from (all of 127/8 is this host)."""
    return f"127.0.0.{2 + k % 250}"


Result = tuple[str, float, bool]  # (kind, seconds, ok)


async def attack(base: str, hostile: int, stop: asyncio.Event) -> list[Result]:
    """`hostile` clients, each from its own address, sending hostile requests as fast as they
    are answered until `stop` is set."""
    import httpx

    results: list[Result] = []
    attackers = [httpx.AsyncClient(base_url=base, timeout=30.0, transport=httpx.AsyncHTTPTransport(
        local_address=hostile_address(k))) for k in range(hostile)]

    async def attacker(k: int) -> None:
        n = k
        while not stop.is_set():
            kind, path, headers = hostile_request(n)
            n += hostile
            t = time.perf_counter()
            try:
                r = await attackers[k].get(path, headers=headers)
                ok = r.status_code < 500  # refused (4xx) is the expected answer
                kind += f" {r.status_code}"
            except httpx.HTTPError:
                ok = False
            results.append((kind, time.perf_counter() - t, ok))
    try:
        await asyncio.gather(*(attacker(k) for k in range(hostile)))
    finally:
        for a in attackers:
            await a.aclose()
    return results


def attack_process(base: str, hostile: int) -> None:
    """The hostile clients' own process (`--attack`, started by `drive`): attacks from
    "ready" until its stdin closes, then prints its results and its CPU seconds (its start,
    the imports, included) as one JSON line."""
    async def run() -> list[Result]:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        task = asyncio.ensure_future(attack(base, hostile, stop))
        print("ready", flush=True)
        await loop.run_in_executor(None, sys.stdin.read)
        stop.set()
        return await task
    results = asyncio.run(run())
    print(json.dumps({"results": results, "cpu": time.process_time()}), flush=True)


async def drive(base: str, todo: list[tuple[str, str]], concurrency: int, seconds: float,
                hostile: int = 0, separate: bool = False) -> tuple[list[Result], float, float]:
    """Run the normal clients over `todo` (and `hostile` attackers: in this process, or in a
    child process with `separate`). (results, wall seconds, the attackers' client CPU seconds
    when `separate`, else 0: theirs is then part of this process's)."""
    import httpx

    results: list[Result] = []
    queue = list(reversed(todo))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    stop = asyncio.Event()
    child = None
    if hostile and separate:
        child = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--attack", base, "--hostile", str(hostile),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        assert child.stdout is not None and child.stdin is not None
        await child.stdout.readline()  # "ready": its clients are running
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=30.0, limits=limits) as client:
        async def worker() -> None:
            while queue and time.perf_counter() < deadline:
                kind, path = queue.pop()
                t = time.perf_counter()
                try:
                    r = await client.get(path)
                    ok = 200 <= r.status_code < 400
                    kind += "" if ok else f" {r.status_code}"
                except httpx.HTTPError as exc:
                    ok = False
                    kind += f" {type(exc).__name__}"
                results.append((kind, time.perf_counter() - t, ok))

        async def normal() -> None:
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            stop.set()

        start = time.perf_counter()
        same = [attack(base, hostile, stop)] if hostile and not separate else []
        done = await asyncio.gather(normal(), *same)
        wall = time.perf_counter() - start
    attackers_cpu = 0.0
    if child is not None:
        assert child.stdin is not None
        child.stdin.close()
        out, _ = await child.communicate()
        got = json.loads(out.decode().strip().splitlines()[-1])
        results += [tuple(r) for r in got["results"]]  # type: ignore[misc]
        attackers_cpu = float(got["cpu"])
    elif same:
        results += done[1]
    return results, wall, attackers_cpu


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) the server process has used so far."""
    import psutil

    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


async def fire(base: str, todo: list[Sent], concurrency: int) -> list[int]:
    """Send (path, headers, from address) requests, `concurrency` at a time; the statuses."""
    import httpx

    clients: dict[str, httpx.AsyncClient] = {}
    statuses: list[int] = []
    queue = list(reversed(todo))

    async def worker() -> None:
        while queue:
            path, headers, address = queue.pop()
            if address not in clients:
                clients[address] = httpx.AsyncClient(
                    base_url=base, timeout=30.0,
                    transport=httpx.AsyncHTTPTransport(local_address=address))
            try:
                statuses.append((await clients[address].get(path, headers=headers)).status_code)
            except httpx.HTTPError:
                statuses.append(0)
    try:
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    finally:
        for c in clients.values():
            await c.aclose()
    return statuses


Sent = tuple[str, dict[str, str], str]  # (path, headers, from address)


def cost_groups(todo: list[tuple[str, str]], n: int) -> list[tuple[str, list[Sent]]]:
    """The request groups whose server CPU per request `--cost` measures."""
    normal: list[Sent] = [(path, {}, HOST) for _, path in todo[:n]]
    by_kind: dict[str, list[Sent]] = {}
    for i in range(n * 4):
        kind, path, headers = hostile_request(i)
        if kind == "hostile search":
            kind += " (api)" if path.startswith("/api") else " (page)"
        # a new address every 10 requests: under the per-client burst, so each is computed
        by_kind.setdefault(kind, []).append((path, headers, hostile_address(i // 10)))
    # one address, past its burst of 20: the 429 path
    refused: list[Sent] = [(f"/api/v1/stories?q=council&limit=500&offset={1000 + i}", {},
                            "127.0.0.251") for i in range(40)]
    return [("normal plan (cached)", normal),
            *[(k, v[:n]) for k, v in sorted(by_kind.items())],
            ("hostile search over the per-client limit (429)", refused)]


def measure_cost(base: str, pid: int, todo: list[tuple[str, str]], n: int) -> None:
    """Server CPU milliseconds per request of each kind, each kind alone (CPU time, so the
    machine's load matters little), with the statuses it got."""
    print("\n## server CPU per request, each kind alone (`--cost`)\n")
    print("| kind | requests | server CPU s | ms per request | statuses |")
    print("|---|---:|---:|---:|---|")
    for kind, reqs in cost_groups(todo, n):
        before = server_cpu(pid)
        statuses = asyncio.run(fire(base, reqs, 10))
        used = server_cpu(pid) - before
        counts = ", ".join(f"{s}: {statuses.count(s)}" for s in sorted(set(statuses)))
        print(f"| {kind} | {len(reqs)} | {used:.2f} | {1000 * used / max(1, len(reqs)):.1f} | "
              f"{counts} |", flush=True)


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def report(results: list[tuple[str, float, bool]], wall: float) -> str:
    lines = ["| kind | requests | errors | p50 ms | p90 ms | p99 ms | max ms |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    kinds = sorted({k for k, _, _ in results})
    for kind in ["all", *kinds]:
        rows = [r for r in results if kind == "all" or r[0] == kind]
        lat = [1000 * r[1] for r in rows]
        errors = sum(1 for r in rows if not r[2])
        lines.append(f"| {kind} | {len(rows)} | {errors} | {pct(lat, 50):.1f} | "
                     f"{pct(lat, 90):.1f} | {pct(lat, 99):.1f} | {max(lat, default=0):.1f} |")
    lat_all = [r[1] for r in results]
    head = (f"{len(results)} requests in {wall:.1f} s: {len(results) / wall:.1f} requests/s, "
            f"{sum(1 for r in results if not r[2])} errors, mean "
            f"{1000 * statistics.fmean(lat_all) if lat_all else 0:.1f} ms")
    return head + "\n\n" + "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=100, help="demo corpus copies in the store")
    ap.add_argument("--requests", type=int, default=3000, help="at most this many requests")
    ap.add_argument("--seconds", type=float, default=120.0, help="and at most this long")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--hostile", type=int, default=0,
                    help="clients sending uncacheable broad searches and hostile requests")
    ap.add_argument("--compare", action="store_true",
                    help="run the normal clients alone first, then with the hostile ones")
    ap.add_argument("--repeats", type=int, default=1,
                    help="with --compare: this many (alone, with hostile) pairs after one "
                         "warm-up pass over the plan's distinct requests; the median")
    ap.add_argument("--cost", type=int, default=0, metavar="N",
                    help="after the warm-up, measure the server's CPU per request of each "
                         "kind (normal plan, each hostile kind) over N requests each")
    ap.add_argument("--store", type=Path, default=None,
                    help="keep the built store in this SQLite file and reuse it if it exists "
                         "(building it takes minutes on a loaded machine)")
    ap.add_argument("--same-process", action="store_true",
                    help="run the hostile clients in the normal clients' process (as up to "
                         "h-big3: their client-side CPU then slows the normal clients)")
    ap.add_argument("--attack", metavar="BASE", help=argparse.SUPPRESS)
    ap.add_argument("--serve", metavar="DB_URL", help=argparse.SUPPRESS)
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:  # the child process
        serve(args.serve, args.port)
        return
    if args.attack:  # the hostile clients' process
        attack_process(args.attack, args.hostile)
        return
    if not (0 < args.requests <= 100_000 and 0 < args.seconds <= 600):
        ap.error("--requests must be 1..100000 and --seconds 1..600")
    with tempfile.TemporaryDirectory(prefix="newsprism-load-") as tmp:
        db = args.store or Path(tmp) / "load.db"
        db_url = f"sqlite:///{db}"
        t = time.perf_counter()
        if db.exists():  # `--store`, built by an earlier run with the same --copies
            from newsprism.storage.store import open_store

            store = open_store(db_url)
            stories, articles = [s.id for s in store.stories_full()], store.article_ids()
            store.close()
        else:
            stories, articles = build_store(db_url, args.copies)
        print(f"store: {len(stories)} stories, {len(articles)} articles "
              f"(ready in {time.perf_counter() - t:.1f} s)", flush=True)
        port = free_port()
        child = subprocess.Popen([sys.executable, __file__, "--serve", db_url, "--port",
                                  str(port)])
        try:
            base = f"http://{HOST}:{port}"
            wait_ready(base, child)
            todo = plan(args.requests, stories, articles)
            failed = False
            if args.compare or args.cost:
                # Every page of the plan asked once before the measured runs: otherwise the
                # first run pays for the cold cache and the later ones look better for it.
                distinct = list(dict.fromkeys(todo))
                t = time.perf_counter()
                warm, _, _ = asyncio.run(drive(base, distinct, args.concurrency, 600.0))
                failed = any(not ok for _, _, ok in warm)
                bad = sorted({k for k, _, ok in warm if not ok})
                print(f"warm-up: {len(distinct)} distinct requests in "
                      f"{time.perf_counter() - t:.1f} s, "
                      f"{sum(1 for r in warm if not r[2])} errors {bad}", flush=True)
            if args.cost:
                measure_cost(base, child.pid, todo, args.cost)
            runs = []
            if args.compare:
                runs.append(("normal clients alone", 0))
            runs.append((f"with {args.hostile} hostile clients" if args.hostile else "run",
                         args.hostile))
            kept: list[float] = []
            for repeat in range(0 if args.cost and not args.compare else
                                max(1, args.repeats) if args.compare else 1):
                rates, cpu = [], []
                for title, hostile in runs:
                    rate, ok, used, n_normal = measured_run(base, child.pid, todo, args, title,
                                                            hostile, repeat)
                    rates.append(rate)
                    cpu.append((used, n_normal, n_normal / max(rate, 1e-9)))
                    failed |= not ok
                if len(rates) == 2:
                    kept.append(rates[1] / rates[0])
                    print(f"\nnormal clients keep {100 * kept[-1]:.0f}% of their unloaded "
                          f"rate ({rates[1]:.1f} of {rates[0]:.1f} requests/s)", flush=True)
                    print(server_share(*cpu[0][:2], *cpu[1]), flush=True)
        finally:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        if len(kept) > 1:
            print(f"\nmedian over {len(kept)} repeats: normal clients keep "
                  f"{100 * statistics.median(kept):.0f}% "
                  f"({', '.join(f'{100 * k:.0f}%' for k in kept)})")
        if failed:
            sys.exit(1)


def measured_run(base: str, server: int, todo: list[tuple[str, str]], args: argparse.Namespace,
                 title: str, hostile: int, repeat: int) -> tuple[float, bool, float, int]:
    """One timed run, printed with the CPU seconds each process used in it: (normal clients'
    requests/s, no errors, server CPU seconds, normal requests). Normal clients slowed by
    their own client process (on 2 cores the load generator is as busy as the server) are
    not a measure of the server."""
    load = os.getloadavg()[0]
    cpu0, own0 = server_cpu(server), time.process_time()
    results, wall, attackers_cpu = asyncio.run(drive(
        base, todo, args.concurrency, args.seconds, hostile, separate=not args.same_process))
    server_used, own = server_cpu(server) - cpu0, time.process_time() - own0
    normal = [r for r in results if not r[0].startswith("hostile")]
    rate = len(normal) / wall
    where = "own process" if hostile and not args.same_process else "this process"
    print(f"\n## {title} (repeat {repeat + 1}): concurrency {args.concurrency} + {hostile} "
          f"hostile ({where}), one uvicorn worker, SQLite; load average {load:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after")
    print(f"normal clients: {len(normal)} requests, {rate:.1f} requests/s, "
          f"{sum(1 for r in normal if not r[2])} errors")
    print(f"CPU seconds in {wall:.1f} s: server {server_used:.1f} "
          f"({1000 * server_used / max(1, len(results)):.2f} ms per request), "
          f"normal clients' process {own:.1f}"
          + (f", hostile clients' process {attackers_cpu:.1f}" if attackers_cpu else ""))
    print(report(results, wall))
    return rate, not any(not ok for _, _, ok in results), server_used, len(normal)


def server_share(alone_cpu: float, alone_n: int, with_cpu: float, with_n: int,
                 wall: float) -> str:
    """What the hostile clients cost the server, from CPU seconds (so whatever the load):
    the normal requests of the hostile run priced at their cost alone, the rest is theirs.
    The server is one process holding one interpreter lock: one core is all it can use, so
    the hostile share of one core is what a server with no other limit would lose."""
    each = alone_cpu / max(1, alone_n)
    hostile = max(0.0, with_cpu - each * with_n)
    return (f"server CPU: {1000 * each:.2f} ms per normal request alone; in the hostile run "
            f"{with_cpu:.1f} s in {wall:.1f} s, of which the hostile requests about "
            f"{hostile:.1f} s: {100 * hostile / wall:.1f}% of the one core the server can use "
            f"(a server limited only by its core would keep about "
            f"{100 * (1 - hostile / wall):.0f}% of its normal rate)")


def wait_ready(base: str, child: subprocess.Popen[bytes]) -> None:
    import httpx

    deadline = time.monotonic() + 180  # the app's imports take over 30 s at a load of 30
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise SystemExit("the server exited before it was ready")
        try:
            if httpx.get(base + "/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start within 180 s")


if __name__ == "__main__":
    main()
