"""The one service layer the CLI and the web API call: read inputs, run the line, store.

Edges (cli.py, api) parse their input, call these functions and format what comes back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from .model import Article, InputProblem, Report
from .pipeline import Runner, analyze
from .settings import Settings

ProblemSink = Callable[[InputProblem], None]
Progress = Callable[[str, int, int], None]


def read_articles(inputs: Sequence[str], settings: Settings,
                  on_problem: ProblemSink | None = None) -> tuple[list[Article],
                                                                  list[InputProblem]]:
    """Everything the readers can read from `inputs`; bad items become problems."""
    from .readers import read_inputs

    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in read_inputs(inputs, settings):
        if isinstance(item, InputProblem):
            problems.append(item)
            if on_problem is not None:
                on_problem(item)
        else:
            articles.append(item)
    return articles, problems


def run_analysis(inputs: Sequence[str], settings: Settings, *, db_url: str | None = None,
                 runner: Runner | None = None, progress: Progress | None = None,
                 on_problem: ProblemSink | None = None) -> Report:
    """Read, analyse and (with `db_url`) store. With a store, the new articles join those
    already stored and the analysis covers them all."""
    articles, problems = read_articles(inputs, settings, on_problem)
    if db_url is None:
        report = analyze(articles, settings, runner=runner, progress=progress)
        return dataclasses.replace(report, problems=tuple(problems))
    from .store import open_store

    store = open_store(db_url)
    try:
        store.add_articles(articles)
        everything = store.articles()
        report = analyze(everything, settings, runner=runner, progress=progress)
        store.save_report(report, replace_all=True)
        return dataclasses.replace(report, problems=tuple(problems))
    finally:
        store.close()
