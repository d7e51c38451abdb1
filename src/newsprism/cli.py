"""The command line: parses options, calls the service layer, formats what comes back.

Long because every command and its options are declared here, one typer function each; the
work itself is in `service`, `outlets` and the `eval` modules.
"""

from __future__ import annotations

import heapq
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import NewsprismError
from .model import InputProblem, Outlet, Report
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .service import UpdateStats

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Compare many outlets' coverage of one story, with evidence.")
eval_app = typer.Typer(no_args_is_help=True, help="Score a stage against a gold dataset.")
app.add_typer(eval_app, name="eval")
outlets_app = typer.Typer(no_args_is_help=True, help="Outlet profiles: names, domains, lean.")
app.add_typer(outlets_app, name="outlets")
corrections_app = typer.Typer(no_args_is_help=True, help="Analysts' corrections in a store.")
app.add_typer(corrections_app, name="corrections")

err = Console(stderr=True)
out = Console()


def _version(value: bool) -> None:
    if value:
        from . import __version__

        out.print(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True,
                                         help="Log more: -v for info, -vv for debug.")] = 0,
) -> None:
    """Compare many outlets' coverage of one story, with evidence."""
    _configure_logging(verbose)


def _configure_logging(verbose: int) -> None:
    """Warnings always reach stderr; -v adds what the run did (duplicates skipped, what an
    incremental update recomputed), -vv the details."""
    import logging

    from rich.logging import RichHandler

    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    handler = RichHandler(console=err, show_time=False, show_path=False, markup=False)
    logging.basicConfig(level=level, format="%(message)s", handlers=[handler], force=True)

ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings file (TOML).")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline package name.")]


def _settings(config: Path | None, **overrides: Any) -> Settings:
    return load_settings(config, **overrides)


def shown(value: object) -> str:
    """A value from the input, as terminal text: control bytes replaced (no escape sequence
    reaches the terminal) and rich markup escaped (a `[/]` in a path is text, not a tag)."""
    from .readers import safe_line

    return escape(safe_line(str(value)))


def _report_problem(problem: InputProblem) -> None:
    err.print(f"[yellow]skipped[/] {shown(problem.source)}: {shown(problem.reason)}",
              highlight=False, soft_wrap=True)


def _progress_bar() -> tuple[Progress, Callable[[str, int, int], None]]:
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=err, transient=False)
    tasks: dict[str, Any] = {}

    def update(step: str, done: int, total: int) -> None:
        known = total or None  # 0: not known yet (reading)
        if step not in tasks:
            tasks[step] = bar.add_task(step, total=known)
        bar.update(tasks[step], completed=done, total=known)
    return bar, update


def _profiles(settings: Settings, fallback: Path | None = None) -> tuple[Outlet, ...]:
    """The outlet profiles named by the settings (else `fallback`), problems printed."""
    from .outlets import load_profiles

    path = settings.outlets_file or (fallback if fallback and fallback.exists() else None)
    profiles, problems = load_profiles(path)
    for p in problems:
        err.print(f"[yellow]outlet profiles[/] {p}", highlight=False, soft_wrap=True)
    return profiles


def _write_outputs(report: Report, out_path: Path | None, html_path: Path | None,
                   profiles: tuple[Outlet, ...] = ()) -> None:
    from .storage.report import report_json, write_report_json

    if out_path is not None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        # Written element by element (the same text as one json.dumps of report_json).
        with out_path.open("w", encoding="utf-8") as f:
            write_report_json(report, f, profiles)
    if html_path is not None:
        from .web.render import render_report_html

        html_path.parent.mkdir(parents=True, exist_ok=True)
        html_path.write_text(render_report_html(report_json(report, profiles)),
                             encoding="utf-8")


def _update_line(st: UpdateStats) -> str:
    """What an incremental run did to the store, in one line."""
    seconds = ", ".join(f"{k} {v:.1f} s" for k, v in st.seconds.items())
    return (f"store: {st.read} read, {st.processed} new, {st.skipped} already stored; "
            f"reuse pairs +{st.reuse_new} -{st.reuse_removed} ({st.reuse_aligned} of "
            f"{st.reuse_candidates} candidates aligned); stories {st.stories} "
            f"({st.stories_changed} changed, {st.stories_changed_new} of them holding a new "
            f"article; {st.stories_removed} removed, {st.redirects} old ids redirected)"
            + (f"; {seconds}" if seconds else ""))


def _summary_table(report: Report) -> Table:
    table = Table(title=f"{len(report.articles)} articles, {len(report.stories)} stories, "
                        f"{len(report.reuse)} reuse pairs")
    for col in ("story", "articles", "quotes", "conflicts", "consensus"):
        table.add_column(col, overflow="fold")
    # The 15 largest, as a stable sort would order them; each story (held pickled after a
    # run without a store) is read, made a row and let go: 15 long stories held at once
    # were the 5 MB few-articles run's peak.
    rows = ((-len(s.article_ids), n, (shown(s.title), str(len(s.article_ids)),
                                      str(len(s.quotes)), str(len(s.conflicts)),
                                      str(len(s.consensus))))
            for n, s in enumerate(report.stories))
    for _, _, row in heapq.nsmallest(15, rows):
        table.add_row(*row)
    return table


def _run(inputs: list[str], settings: Settings, out_path: Path | None, html: Path | None,
         db: str | None, runner_kind: str, scheduler: str | None,
         profiles: tuple[Outlet, ...] = ()) -> Report:
    from .service import run_analysis

    runner = None
    if runner_kind != "local" or scheduler:
        from .runner import make_runner

        runner = make_runner(runner_kind, scheduler, settings)
    from .memlog import logged, mark
    from .service import UpdateStats

    bar, update = _progress_bar()
    update = logged(update)  # NEWSPRISM_MEMORY_LOG: memory by step
    stats = UpdateStats()
    with bar:
        report = run_analysis(inputs, settings, db_url=db, runner=runner, progress=update,
                              on_problem=_report_problem, stats=stats)
    if db is not None:
        err.print(_update_line(stats), highlight=False, soft_wrap=True)
    # even empty: the report lists the problems
    mark("report write")
    _write_outputs(report, out_path, html, profiles or _profiles(settings))
    mark("report written")
    if not report.articles:
        raise NewsprismError(f"no article could be read from {', '.join(inputs)}")
    out.print(_summary_table(report))
    if report.problems:
        # inputs skipped, and stories whose analysis failed or met a limit
        err.print(f"[yellow]{len(report.problems)} problem(s) reported[/] (reasons above)")
    return report


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, feed or page URLs.")],
    out_path: Annotated[Path, typer.Option("--out", "-o", help="Where to write report.json.")],
    html: Annotated[Path | None, typer.Option("--html", help="Also write an HTML page.")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Store URL (sqlite:///x.db, "
                                           "postgresql://...); analyses into the store.")] = None,
    runner: Annotated[str, typer.Option("--runner", help="local or dask.")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler",
                                                  help="Dask scheduler address.")] = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
) -> None:
    """Read INPUT... and write the report (CONTRACT.md form)."""
    if runner not in ("local", "dask"):
        raise typer.BadParameter(f"--runner must be 'local' or 'dask', not {runner!r}")
    settings = _settings(config, spacy_model=model)
    _run(inputs, settings, out_path, html, db, runner, scheduler)
    out.print(f"report written to {shown(out_path)}" + (f" and {shown(html)}" if html else ""))


def examples_corpus() -> Path:
    """The fictional demo corpus shipped in the source tree."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "examples" / "corpus"
        if candidate.is_dir():
            return candidate
    raise NewsprismError("the example corpus (examples/corpus) is not next to this "
                         "installation; run from a source checkout (make demo)")


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out-dir", help="Where to write the report.")]
    = Path("out"),
    db: Annotated[str | None, typer.Option("--db", help="Also store into this URL.")] = None,
    config: ConfigOpt = None,
) -> None:
    """Run the whole line on the built-in fictional example corpus."""
    settings = _settings(config)
    corpus = examples_corpus()
    out.print(f"analysing the example corpus in {shown(corpus)}")
    # The example outlets' profiles ship next to the corpus (fictional, like the outlets).
    _run([str(corpus)], settings, out_dir / "report.json", out_dir / "report.html", db,
         "local", None, _profiles(settings, corpus.parent / "outlets.toml"))
    out.print(f"wrote {shown(out_dir / 'report.json')} and {shown(out_dir / 'report.html')}")


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="Feed or page URLs, folders, files.")],
    db: Annotated[str, typer.Option("--db", help="Store URL (sqlite:///x.db, postgresql://...).")],
    every: Annotated[float, typer.Option("--every", help="Seconds between polls.")] = 60.0,
    max_polls: Annotated[int | None, typer.Option("--max-polls",
                                                  help="Stop after this many polls.")] = None,
    config: ConfigOpt = None,
    model: ModelOpt = None,
) -> None:
    """Poll SOURCES and keep the store's stories current until SIGINT or SIGTERM."""
    import signal
    import threading

    from .storage import open_store
    from .watch import Watcher

    settings = _settings(config, spacy_model=model, db_url=db)
    stop = threading.Event()

    def ask_stop(signum: int, _frame: object) -> None:
        if stop.is_set():  # a second signal: stop now (the store's checkpoints hold)
            raise KeyboardInterrupt
        stop.set()
        # Plain bytes to stderr, not the rich console: a handler that runs while the main
        # thread is inside an import rich needs (its emoji table) failed on a partial import.
        os.write(2, f"{signal.Signals(signum).name}: stopping after the current poll\n"
                 .encode())

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, ask_stop)
    store = open_store(db)
    watcher = Watcher(sources, store, settings)
    status = _WatchStatus(sources, every)
    try:
        with status.live():
            polls = watcher.run(every, stop, status.update, max_polls)
    finally:
        watcher.close()
        store.close()
    err.print(f"stopped after {polls} poll(s); {status.total_new} new article(s)",
              highlight=False, markup=False)


class _WatchStatus:
    """What `watch` shows: a live panel on a terminal, one line a poll elsewhere."""

    def __init__(self, sources: list[str], every: float) -> None:
        self.sources, self.every = sources, every
        self.polls = self.total_new = self.total_problems = 0
        self.last: Any = None
        self._live: Any = None

    def live(self) -> Any:
        from contextlib import nullcontext

        from rich.live import Live

        if not err.is_terminal:
            return nullcontext()
        self._live = Live(self._panel(), console=err, refresh_per_second=2, transient=False)
        return self._live

    def update(self, result: Any) -> None:
        import time as _time

        self.polls += 1
        self.total_new += result.new_articles
        self.total_problems += len(result.problems)
        self.last = result
        for problem in result.problems:
            _report_problem(problem)
        if self._live is not None:
            self._live.update(self._panel())
        else:
            err.print(f"poll {self.polls} at {_time.strftime('%H:%M:%S')}: "
                      f"{result.new_articles} new, {result.stories_touched} stories touched "
                      f"({result.stories} in all), {len(result.problems)} problem(s), "
                      f"{result.seconds:.1f} s", highlight=False, markup=False)

    def _panel(self) -> Table:
        import time as _time

        table = Table(title=f"watching {len(self.sources)} source(s), every {self.every:g} s",
                      show_header=False)
        table.add_column("what")
        table.add_column("value", overflow="fold")
        r = self.last
        table.add_row("polls", str(self.polls))
        table.add_row("last poll", "-" if r is None else
                      f"{_time.strftime('%H:%M:%S', _time.localtime(r.started))} "
                      f"({r.seconds:.1f} s)")
        table.add_row("new articles", "-" if r is None else
                      f"{r.new_articles} (this run: {self.total_new})")
        table.add_row("stories touched", "-" if r is None else
                      f"{r.stories_touched} of {r.stories}")
        table.add_row("errors", f"{0 if r is None else len(r.problems)} "
                                f"(this run: {self.total_problems})")
        return table


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help="Store URL.")] = None,
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    config: ConfigOpt = None,
) -> None:
    """Start the web app and the JSON API over the store."""
    import uvicorn

    from .web.app import create_app

    settings = _settings(config, db_url=db)
    out.print(f"serving {shown(settings.db_url)} on http://{host}:{port}/")
    uvicorn.run(create_app(settings, bind_host=host), host=host, port=port, log_level="info")


@outlets_app.command("import")
def outlets_import(
    table: Annotated[Path, typer.Argument(help="Ratings table (CSV) you supply.")],
    into: Annotated[Path | None, typer.Option("--into", help="Profile file to create or "
                                              "update (default: the outlets_file setting, "
                                              "else outlets.toml).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Who made the ratings "
                                               "(default: the table's file name).")] = None,
    config: ConfigOpt = None,
) -> None:
    """Merge a ratings table (name, domain, lean, ...) into the outlet profile file."""
    from .outlets import import_ratings

    settings = _settings(config)
    target = into or Path(settings.outlets_file or "outlets.toml")
    added, updated, problems = import_ratings(table, target, source)
    for p in problems:
        err.print(f"[yellow]skipped[/] {p}", highlight=False, soft_wrap=True)
    out.print(f"{target}: {added} outlets added, {updated} updated")


@corrections_app.command("list")
def corrections_list(
    db: Annotated[str | None, typer.Option("--db", help="Store URL.")] = None,
    config: ConfigOpt = None,
) -> None:
    """Every correction: id, kind, status (applied, stale: its target is gone, undone), what."""
    from .correcting import corrections_report
    from .storage.store import open_store

    store = open_store(_settings(config, db_url=db).db_url)
    try:
        rows = corrections_report(store)
    finally:
        store.close()
    for c in rows:
        out.print(f"{c['id']}  {c['made'][:19]}  {c['kind']:<16} {c['status']:<8} "
                  f"{shown(c['target'])}  {shown(json.dumps(c['value'], ensure_ascii=False))}",
                  highlight=False, soft_wrap=True)
    if not rows:
        out.print("no corrections")


@corrections_app.command("undo")
def corrections_undo(
    correction_id: Annotated[str, typer.Argument(help="The correction's id (see list).")],
    db: Annotated[str | None, typer.Option("--db", help="Store URL.")] = None,
    config: ConfigOpt = None,
) -> None:
    """Undo a correction (kept, listed as undone) and re-run what it had changed."""
    from .correcting import undo
    from .storage.store import open_store

    settings = _settings(config, db_url=db)
    store = open_store(settings.db_url)
    try:
        done = undo(store, settings, correction_id)
    finally:
        store.close()
    if done is None:
        err.print(f"no correction {shown(correction_id)}", highlight=False)
        raise typer.Exit(1)
    out.print(f"undone: {done.id} ({done.kind})", highlight=False)


def _print_metrics(result: dict[str, Any]) -> None:
    out.print_json(json.dumps(result, default=str))


OutOpt = Annotated[Path | None, typer.Option(
    "--out", help="Also keep the numbers, with this command line, the date, the git commit "
                  "and the version, in this eval result file (docs/eval/KIND.json, read by "
                  "the /accuracy page); the run of the same slice is replaced.")]
RoleOpt = Annotated[str, typer.Option(
    "--role", help="What the slice is to the rules, kept in the --out file: tune (chosen on "
                   "it) or blind (only run to report).")]


def _keep(ctx: typer.Context, kind: str, result: dict[str, Any], path: Path | None,
          where: Any, started: float) -> None:
    """Write the run to the `--out` file of its finding kind (eval/record.py)."""
    if path is None:
        return
    from .eval.record import make_run, write_run

    write_run(path, make_run(kind, result, where, _command_line(ctx),
                             time.perf_counter() - started))
    err.print(f"wrote {shown(path)}", highlight=False, soft_wrap=True)


def _command_line(ctx: typer.Context) -> str:
    """The running command as a user would type it: `newsprism`, the subcommands, then every
    option whose value is not its default (the same whether run as a script or in tests)."""
    import shlex

    names = []
    c: Any = ctx  # typer's Context; its parents are the vendored click's
    while c.parent is not None:
        names.append(c.info_name or "")
        c = c.parent
    words = ["newsprism", *reversed(names)]
    for param in ctx.command.params:
        if param.param_type_name != "option" or param.name is None:
            continue
        value = ctx.params.get(param.name)
        if value == param.default or value is None or value == ():
            continue
        flag = getattr(param, "is_flag", False)
        if flag and param.secondary_opts:
            words.append(param.opts[0] if value else param.secondary_opts[0])
        elif flag:
            words.append(param.opts[0])
        else:
            for v in value if param.multiple else [value]:
                words += [param.opts[0], shlex.quote(str(v))]
    return " ".join(words)


@eval_app.command("stories")
def eval_stories(
    ctx: typer.Context,
    gold: Annotated[Path, typer.Option("--gold", help="ECB+ folder or NeuS folder.")],
    fmt: Annotated[str, typer.Option("--format", help="auto, ecbplus or neus.")] = "auto",
    distractors: Annotated[Path | None, typer.Option("--distractors",
                                                     help="JSONL(.gz) of extra articles.")] = None,
    limit: Annotated[int | None, typer.Option("--limit")] = None,
    distractor_limit: Annotated[int | None, typer.Option(
        "--distractor-limit", help="Read only the first N distractors.")] = None,
    start: Annotated[int, typer.Option("--start", help="First NeuS line to read.")] = 1,
    threshold: Annotated[float | None, typer.Option("--threshold")] = None,
    facts: Annotated[str, typer.Option(
        "--facts", help="analyze: what `newsprism analyze` runs (published figures); "
                        "fast: no parser, texts cut (sweeps only).")] = "analyze",
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline")] = True,
    sweep: Annotated[list[float] | None, typer.Option(
        "--sweep", help="Also score this threshold (repeatable).")] = None,
    pairs: Annotated[bool, typer.Option(
        "--same-actor-pairs", help="NeuS only: also report how often lines about the same "
                                   "people (different events) are merged.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")
                       ] = False,
    keep: OutOpt = None,
    role: RoleOpt = "",
) -> None:
    """BCubed precision/recall/F1 of story clustering against gold clusters, on the line
    `newsprism analyze` runs."""
    from .eval.record import stories_slice
    from .eval.stories import command, format_table

    started = time.perf_counter()
    try:
        result = command(gold, fmt=fmt, distractors=distractors, limit=limit,
                         threshold=threshold, facts_mode=facts, baseline=baseline,
                         sweep=sweep or (), progress=True, start=start,
                         actor_pairs=pairs, distractor_limit=distractor_limit)
    except (OSError, ValueError) as exc:
        _fail(exc)
    if as_json:
        _print_metrics(result)
    else:
        out.print(format_table(result), highlight=False, soft_wrap=True, markup=False)
    _keep(ctx, "stories", result, keep, stories_slice(result, gold, start, role), started)


def _fail(exc: Exception) -> NoReturn:
    """A bad gold path or option: one line and exit code 2, not a traceback."""
    err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
    raise typer.Exit(2) from None


@eval_app.command("quotes")
def eval_quotes(
    ctx: typer.Context,
    gold: Annotated[Path, typer.Option("--gold", help="PolNeAR folder.")],
    split: Annotated[str, typer.Option("--split")] = "dev",
    limit: Annotated[int | None, typer.Option("--limit")] = None,
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline",
                                           help="Also score textacy.")] = True,
    part: Annotated[str, typer.Option("--part", help="all, or the tune or blind half of "
                                      "the split (by a hash of the file name).")] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print the numbers as JSON.")] = False,
    keep: OutOpt = None,
    role: RoleOpt = "",
) -> None:
    """Quote and speaker extraction scored against PolNeAR."""
    from .eval.quotes import command, format_table
    from .eval.record import quotes_slice

    started = time.perf_counter()
    try:
        report = command(gold, split=split, limit=limit, baseline=baseline, part=part)
    except (FileNotFoundError, ValueError) as exc:
        _fail(exc)
    for line in report["problems"]:
        err.print(line, highlight=False, soft_wrap=True, markup=False)
    _keep(ctx, "quotes", report, keep, quotes_slice(report, split, limit, role), started)
    if as_json:
        _print_metrics(report)
        return
    half = f" ({report['part']} half)" if "part" in report else ""
    lines = [f"PolNeAR {report['split']}{half}: {report['documents']} documents",
             format_table(report)]
    if "textacy_error" in report:
        lines.append(report["textacy_error"])
    out.print("\n".join(lines), highlight=False, soft_wrap=True, markup=False)


@eval_app.command("summary")
def eval_summary(
    ctx: typer.Context,
    gold: Annotated[Path | None, typer.Option("--gold", help="NeuS folder.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="First N NeuS lines (0 = all).")] = 200,
    start: Annotated[int, typer.Option("--start", help="First NeuS line (1-based).")] = 1,
    baselines: Annotated[bool, typer.Option("--baselines/--no-baselines")] = True,
    stories: Annotated[list[str] | None, typer.Option(
        "--stories", help="Own multi-outlet stories: files or folders (repeatable).")] = None,
    attribute_single: Annotated[bool, typer.Option(
        "--attribute-single/--no-attribute-single",
        help="Name the outlet of sentences one source carries (the default).")] = True,
    count_unnamed: Annotated[bool, typer.Option(
        "--count-unnamed/--no-count-unnamed",
        help="Also attribute them when the outlet has no name ('According to one outlet').")
    ] = False,
    sentences: Annotated[int | None, typer.Option(
        "--sentences", help="Sentence budget for ours and LexRank (default: the eval's, "
                            "about a NeuS reference).")] = None,
    max_words: Annotated[int | None, typer.Option(
        "--max-words", help="Word cap for ours and the capped LexRank (0 = none; default: "
                            "the eval's).")] = None,
    json_path: Annotated[Path | None, typer.Option(
        "--json", help="Also write the numbers to this file.")] = None,
    keep: OutOpt = None,
    role: RoleOpt = "",
) -> None:
    """ROUGE, arousal and support figures of the neutral summaries against NeuS, and support
    and arousal on your own stories."""
    from .eval.record import summary_slice
    from .eval.summary import command, format_table

    if keep is not None and gold is None:
        raise typer.BadParameter("--out keeps NeuS figures: give --gold too")
    started = time.perf_counter()
    budget: dict[str, Any] = {}
    if sentences is not None:
        budget["sentences"] = sentences
    if max_words is not None:
        budget["max_words"] = max_words or None
    try:
        result = command(gold, limit=limit or None, baselines=baselines, stories=stories or (),
                         **budget, attribute_single=attribute_single, count_unnamed=count_unnamed,
                         start=start,
                         report=lambda line: err.print(line, highlight=False, soft_wrap=True))
    except (FileNotFoundError, ValueError) as exc:
        _fail(exc)
    _print_metrics(result)
    if json_path is not None:
        json_path.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    err.print(format_table(result), highlight=False, soft_wrap=True)
    _keep(ctx, "summary", result, keep, summary_slice(result, role), started)


@eval_app.command("metadata")
def eval_metadata(
    pages: Annotated[Path | None, typer.Option("--pages", help="HTML pages with gold.json "
                                               "(default: tests/fixtures/pages).")] = None,
    seeds: Annotated[Path | None, typer.Option("--seeds", help="Scraped text files.")] = None,
    seeds_gold: Annotated[Path | None, typer.Option("--seeds-gold")] = None,
    as_text: Annotated[bool, typer.Option("--as-text", help="Read the pages as a naive "
                                          "scraper's visible-text dump.")] = False,
    show_misses: Annotated[bool, typer.Option("--show-misses")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print only the numbers, as JSON.")]
    = False,
) -> None:
    """Title, publish date and outlet recovered by the readers and clean stage."""
    from .eval import metadata

    result = metadata.command(pages or metadata.DEFAULT_PAGES, seeds or metadata.DEFAULT_SEEDS,
                              seeds_gold or metadata.DEFAULT_SEEDS_GOLD, as_text, show_misses,
                              report=(lambda _: None) if as_json else print)
    if as_json:
        _print_metrics(result)


@eval_app.command("compare")
def eval_compare(
    ctx: typer.Context,
    data: Annotated[Path | None, typer.Option("--data",
                                              help="Folder holding neus/ and ecbplus/.")] = None,
    part: Annotated[str, typer.Option("--part", help="tune, blind or all.")] = "tune",
    per_kind: Annotated[int, typer.Option("--per-kind", help="Plants of each kind.")] = 40,
    real: Annotated[bool, typer.Option("--real/--planted",
                                       help="List every conflict on real stories instead.")
                    ] = False,
    lines: Annotated[str, typer.Option("--lines", help="NeuS lines for --real: FIRST-LAST.")
                     ] = "401-1000",
    report: Annotated[Path | None, typer.Option(
        "--report", help="List every conflict of this analyze report (report.json) to judge.")
    ] = None,
    keep: OutOpt = None,
    role: RoleOpt = "",
) -> None:
    """Planted conflicts in real stories: recall per kind, false alarms on unchanged controls.
    With --real: every conflict found on real NeuS and ECB+ stories, one per line, to judge.
    With --report: every conflict of a `newsprism analyze` report, with its sentences."""
    from .eval.compare import command, real_command
    from .eval.report_conflicts import report_command

    if report is not None:
        _print_metrics(report_command(report))
        return
    if data is None:
        raise typer.BadParameter("--data is needed (or --report)")

    if part not in ("tune", "blind", "all"):
        raise typer.BadParameter("--part must be tune, blind or all")
    if real:
        first, _, last = lines.partition("-")
        if not (first.isdigit() and last.isdigit()):
            raise typer.BadParameter("--lines must be FIRST-LAST, e.g. 401-1000")
        _print_metrics(real_command(data, range(int(first), int(last) + 1)))
        return
    from .eval.record import conflicts_slice

    started = time.perf_counter()
    result = command(data, part=part, per_kind=per_kind)
    _print_metrics(result)
    _keep(ctx, "conflicts", result, keep, conflicts_slice(part, per_kind, role), started)


@eval_app.command("conflicts")
def eval_conflicts(
    kind: Annotated[str, typer.Argument(help="seeds, neus or ecb.")],
    path: Annotated[Path, typer.Argument(help="seeds: a folder of texts; neus: a .source "
                                              "file; ecb: the ECB+ folder.")],
    items: Annotated[list[str] | None, typer.Argument(
        help="neus: line numbers; ecb: topic numbers.")] = None,
) -> None:
    """Every conflict and consensus finding of the given stories, numbered, for a person to
    judge (the precision check of docs/compare.md)."""
    from .eval.compare import listing

    try:
        for line in listing(kind, path, items or ()):
            out.print(line, highlight=False, soft_wrap=True, markup=False)
    except (OSError, ValueError) as exc:
        _fail(exc)


def main() -> None:
    """Entry point: our own errors become one line and exit code 2, never a traceback."""
    try:
        app()
    except NewsprismError as exc:
        err.print(f"[red]error:[/] {shown(exc)}", highlight=False, soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
