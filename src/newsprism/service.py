"""The one service layer the CLI and the web API call: read inputs, run the line, store.

Edges (cli.py, api) parse their input, call these functions and format what comes back.

With a store, a run is incremental and resumable:

    inputs ─> skip ids already stored with facts ─> per-article stages on the rest, batch by
    batch, each batch stored with its facts and marked pending (a checkpoint)
           ─> if anything is pending: reuse for pairs with a pending article, re-cluster from
              the stored (lean) facts, re-run the story stages only for stories whose members
              or title changed, and commit that with the pending marks cleared (one transaction)

Old articles are never cleaned or parsed again. The stored result equals what one batch run
over all stored articles gives (same ids, same stories), so a run killed at any point and
re-run ends in the same store, and the same input twice leaves the store as it was.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .model import Article, ArticleFacts, InputProblem, Report, Reuse, Story
from .pipeline import Runner, analyze, analyze_story, check_stages, stage_function
from .settings import Settings

ProblemSink = Callable[[InputProblem], None]
Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class UpdateStats:
    """What an incremental run recomputed (see docs/scale.md)."""

    read: int = 0
    processed: int = 0  # articles cleaned, parsed and extracted in this run
    skipped: int = 0  # already stored with facts: not parsed again
    pending: int = 0  # articles joined to the stories in this run (new + left by a crash)
    stored_articles: int = 0
    reuse_candidates: int = 0  # LSH candidate pairs over all stored articles
    reuse_aligned: int = 0  # candidates aligned (those with a pending article)
    reuse_new: int = 0
    stories: int = 0
    stories_changed: int = 0  # story stages re-run for these
    stories_removed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


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
                 on_problem: ProblemSink | None = None,
                 stats: UpdateStats | None = None) -> Report:
    """Read, analyse and (with `db_url`) store. With a store, the new articles join those
    already stored and the report covers the whole store."""
    articles, problems = read_articles(inputs, settings, on_problem)

    def sink(problem: InputProblem) -> None:
        problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    if db_url is None:
        from .runner import LocalRunner

        used = runner if runner is not None else LocalRunner()
        restore = _attach_sink(used, sink)
        try:
            report = analyze(articles, settings, runner=used, progress=progress)
        finally:
            restore()
        return dataclasses.replace(report, problems=tuple(problems))
    from .store import open_store

    store = open_store(db_url)
    try:
        analyze_into_store(store, articles, settings, runner=runner, progress=progress,
                           on_problem=sink, stats=stats)
        return dataclasses.replace(store.report(), problems=tuple(problems))
    finally:
        store.close()


def _attach_sink(runner: object, sink: ProblemSink) -> Callable[[], None]:
    """Let our runners report the articles that failed analysis (one line each)."""
    from .runner import BatchRunner

    if not isinstance(runner, BatchRunner):
        return lambda: None
    before = runner.on_problem
    runner.on_problem = sink

    def restore() -> None:
        runner.on_problem = before
    return restore


def analyze_into_store(store, articles: Sequence[Article], settings: Settings, *,  # noqa: ANN001
                       runner: Runner | None = None, progress: Progress | None = None,
                       on_problem: ProblemSink | None = None,
                       stats: UpdateStats | None = None) -> UpdateStats:
    """Add `articles` (raw, as read) to `store` and bring its reuse and stories up to date."""
    from .runner import BatchRunner, LocalRunner

    check_stages()
    st = stats if stats is not None else UpdateStats()
    t0 = time.perf_counter()
    unique: dict[str, Article] = {}
    for a in articles:
        unique.setdefault(a.id, a)  # a repeated id: the first one read wins
    st.read = len(unique)
    known = store.processed_ids(sorted(unique))
    todo = [unique[k] for k in sorted(unique) if k not in known]
    st.skipped = len(unique) - len(todo)
    done = 0
    used = runner if runner is not None else LocalRunner()
    if isinstance(used, BatchRunner):
        for batch in used.iter_batches(todo, settings):
            store.add_processed(batch.pairs)
            for problem in batch.problems:
                if on_problem is not None:
                    on_problem(problem)
            done += len(batch.pairs) + len(batch.problems)
            st.processed += len(batch.pairs)
            if progress is not None:
                progress("articles", done, len(todo))
    elif todo:  # a foreign runner: one checkpoint at the end
        pairs = used.map_articles(todo, settings, None)
        store.add_processed(pairs)
        st.processed = len(pairs)
    st.seconds["articles"] = time.perf_counter() - t0
    update_stories(store, settings, progress=progress, stats=st)
    return st


def update_stories(store, settings: Settings, *, progress: Progress | None = None,  # noqa: ANN001
                   stats: UpdateStats | None = None) -> UpdateStats:
    """Join the pending articles to the stored reuse pairs and stories (see module doc)."""
    st = stats if stats is not None else UpdateStats()
    pending = store.pending_ids()
    st.pending = len(pending)
    if not pending:
        return st
    t = time.perf_counter()
    articles = store.articles()
    st.stored_articles = len(articles)
    lean = store.lean_facts()
    st.seconds["load"] = time.perf_counter() - t

    t = time.perf_counter()
    new_reuse = _reuse_with(articles, set(pending), settings, st)
    known = {(r.a, r.b): r for r in store.reuse()}
    for r in new_reuse:
        known[(r.a, r.b)] = r
    reuse = [known[k] for k in sorted(known)]
    st.seconds["reuse"] = time.perf_counter() - t

    t = time.perf_counter()
    stories: tuple[Story, ...] = tuple(stage_function("stories")(articles, lean, reuse,
                                                                 settings))
    before = store.story_members()
    titles = {s.id: s.title for s in store.stories_full()} if before else {}
    changed = [s for s in stories
               if before.get(s.id) != tuple(sorted(s.article_ids)) or titles.get(s.id) != s.title]
    new_ids = {s.id for s in stories}
    removed = [k for k in before if k not in new_ids]
    st.stories, st.stories_changed, st.stories_removed = len(stories), len(changed), len(removed)
    st.seconds["stories"] = time.perf_counter() - t

    t = time.perf_counter()
    analysed = _analyse_stories(store, changed, articles, reuse, settings, progress)
    st.seconds["story stages"] = time.perf_counter() - t
    t = time.perf_counter()
    store.commit_analysis(new_reuse, analysed, removed, pending)
    st.seconds["commit"] = time.perf_counter() - t
    return st


def _reuse_with(articles: Sequence[Article], pending: set[str], settings: Settings,
                st: UpdateStats) -> list[Reuse]:
    """Reuse pairs with at least one pending article; the same pairs a batch run finds.

    Candidates come from the reuse stage's LSH over every stored text (MinHash is cheap next
    to alignment). The stage then runs only on the pending articles and their candidate
    partners (LSH collisions depend on the pair alone, so it finds the same pairs there), and
    the pairs touching a pending article are kept. Pairs between two partners are aligned
    again for nothing: a public "align these pairs" in reuse.py would save that."""
    find_reuse = stage_function("reuse")
    from . import reuse as reuse_module

    candidates = getattr(reuse_module, "candidate_pairs", None)
    if candidates is None:  # the stage changed shape: fall back to the whole stage
        found = [r for r in find_reuse(articles, settings) if r.a in pending or r.b in pending]
        st.reuse_new = len(found)
        return found
    from .text import words

    ordered = sorted(articles, key=lambda a: a.id)
    norms = [[w.norm for w in words(a.text)] for a in ordered]
    pairs = candidates(norms, settings)
    st.reuse_candidates = len(pairs)
    involved: set[int] = set()
    for i, j in pairs:
        if ordered[i].id in pending or ordered[j].id in pending:
            st.reuse_aligned += 1
            involved.update((i, j))
    subset = [ordered[k] for k in sorted(involved)]
    out = [r for r in find_reuse(subset, settings) if r.a in pending or r.b in pending]
    out.sort(key=lambda r: (r.a, r.b))
    st.reuse_new = len(out)
    return out


def _analyse_stories(store, stories: Iterable[Story], articles: Sequence[Article],  # noqa: ANN001
                     reuse: Sequence[Reuse], settings: Settings,
                     progress: Progress | None) -> list[Story]:
    todo = sorted(stories, key=lambda s: s.id)
    by_id = {a.id: a for a in articles}
    by_article: dict[str, list[Reuse]] = {}
    for r in reuse:
        by_article.setdefault(r.a, []).append(r)
    out: list[Story] = []
    for n, story in enumerate(todo, 1):
        ids = list(story.article_ids)
        facts: dict[str, ArticleFacts] = store.facts(ids)
        members = set(ids)
        pairs = [r for i in ids for r in by_article.get(i, ()) if r.b in members]
        out.append(analyze_story(story, [by_id[i] for i in ids],
                                 [facts.get(i) or ArticleFacts(article_id=i) for i in ids],
                                 pairs, settings))
        if progress is not None:
            progress("stories", n, len(todo))
    return out
