"""The command line: parses options, calls the service layer, formats what comes back."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import NewsprismError
from .model import InputProblem, Report
from .settings import Settings, load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Compare many outlets' coverage of one story, with evidence.")
eval_app = typer.Typer(no_args_is_help=True, help="Score a stage against a gold dataset.")
app.add_typer(eval_app, name="eval")

err = Console(stderr=True)
out = Console()

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
        if step not in tasks:
            tasks[step] = bar.add_task(step, total=total)
        bar.update(tasks[step], completed=done, total=total)
    return bar, update


def _write_outputs(report: Report, out_path: Path | None, html_path: Path | None) -> None:
    from .storage.report import report_json

    data = report_json(report)
    if out_path is not None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
    if html_path is not None:
        from .web.render import render_report_html

        html_path.parent.mkdir(parents=True, exist_ok=True)
        html_path.write_text(render_report_html(data), encoding="utf-8")


def _summary_table(report: Report) -> Table:
    table = Table(title=f"{len(report.articles)} articles, {len(report.stories)} stories, "
                        f"{len(report.reuse)} reuse pairs")
    for col in ("story", "articles", "quotes", "conflicts", "consensus"):
        table.add_column(col, overflow="fold")
    for s in sorted(report.stories, key=lambda s: -len(s.article_ids))[:15]:
        table.add_row(shown(s.title), str(len(s.article_ids)), str(len(s.quotes)),
                      str(len(s.conflicts)), str(len(s.consensus)))
    return table


def _run(inputs: list[str], settings: Settings, out_path: Path | None, html: Path | None,
         db: str | None, runner_kind: str, scheduler: str | None) -> Report:
    from .service import run_analysis

    runner = None
    if runner_kind != "local" or scheduler:
        from .runner import make_runner

        runner = make_runner(runner_kind, scheduler, settings)
    bar, update = _progress_bar()
    with bar:
        report = run_analysis(inputs, settings, db_url=db, runner=runner, progress=update,
                              on_problem=_report_problem)
    _write_outputs(report, out_path, html)  # even empty: the report lists the problems
    if not report.articles:
        raise NewsprismError(f"no article could be read from {', '.join(inputs)}")
    out.print(_summary_table(report))
    if report.problems:
        err.print(f"[yellow]{len(report.problems)} input(s) skipped[/] (reasons above)")
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
    _run([str(corpus)], settings, out_dir / "report.json", out_dir / "report.html", db,
         "local", None)
    out.print(f"wrote {shown(out_dir / 'report.json')} and {shown(out_dir / 'report.html')}")


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


def _print_metrics(result: dict[str, Any]) -> None:
    out.print_json(json.dumps(result, default=str))


@eval_app.command("stories")
def eval_stories(
    gold: Annotated[Path, typer.Option("--gold", help="ECB+ folder or NeuS folder.")],
    fmt: Annotated[str, typer.Option("--format", help="auto, ecbplus or neus.")] = "auto",
    distractors: Annotated[Path | None, typer.Option("--distractors",
                                                     help="JSONL(.gz) of extra articles.")] = None,
    limit: Annotated[int | None, typer.Option("--limit")] = None,
    threshold: Annotated[float | None, typer.Option("--threshold")] = None,
) -> None:
    """BCubed precision/recall/F1 of story clustering against gold clusters."""
    from .eval.stories import command

    _print_metrics(command(gold, fmt=fmt, distractors=distractors, limit=limit,
                           threshold=threshold))


@eval_app.command("quotes")
def eval_quotes(
    gold: Annotated[Path, typer.Option("--gold", help="PolNeAR folder.")],
    split: Annotated[str, typer.Option("--split")] = "dev",
    limit: Annotated[int | None, typer.Option("--limit")] = None,
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline")] = True,
) -> None:
    """Quote and speaker extraction scored against PolNeAR."""
    from .eval.quotes import command

    _print_metrics(command(gold, split=split, limit=limit, baseline=baseline))


@eval_app.command("summary")
def eval_summary(
    gold: Annotated[Path, typer.Option("--gold", help="NeuS folder.")],
    limit: Annotated[int | None, typer.Option("--limit")] = 200,
    baselines: Annotated[bool, typer.Option("--baselines/--no-baselines")] = True,
) -> None:
    """ROUGE and arousal of the neutral summaries against NeuS."""
    from .eval.summary import command

    _print_metrics(command(gold, limit=limit, baselines=baselines))


def main() -> None:
    """Entry point: our own errors become one line and exit code 2, never a traceback."""
    try:
        app()
    except NewsprismError as exc:
        err.print(f"[red]error:[/] {shown(exc)}", highlight=False, soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
