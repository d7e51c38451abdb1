"""The one service layer the CLI and the web API call: read inputs, run the line, store.

Edges (cli.py, api) parse their input, call these functions and format what comes back.

With a store, a run is incremental and resumable:

    inputs ─> skip ids already stored with facts ─> per-article stages on the rest, batch by
    batch, each batch stored with its facts and marked pending (a checkpoint)
           ─> if anything is pending: the reuse stage over the stored texts, re-clustering from
              the stored (lean) facts, the story stages re-run only for stories whose members,
              title or reuse pairs changed, all committed with the pending marks cleared (one
              transaction)

Old articles are never cleaned or parsed again. The stored result equals what one batch run
over all stored articles gives (same ids, same stories), so a run killed at any point and
re-run ends in the same store, and the same input twice leaves the store as it was.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .model import Article, ArticleFacts, InputProblem, Report, Reuse, Story
from .pipeline import Progress, Runner, analyze, corpus_stages, counter, phase, stage_function
from .reuse.state import ReuseIndex
from .runner import BatchRunner, LocalRunner
from .runner.base import StoryTask
from .settings import Settings

if TYPE_CHECKING:
    from .storage.store import Store

ProblemSink = Callable[[InputProblem], None]
log = logging.getLogger(__name__)


@dataclass(slots=True)
class UpdateStats:
    """What an incremental run recomputed (see docs/scale.md)."""

    read: int = 0
    processed: int = 0  # articles cleaned, parsed and extracted in this run
    skipped: int = 0  # already stored with facts: not parsed again
    pending: int = 0  # articles joined to the stories in this run (new + left by a crash)
    stored_articles: int = 0
    reuse_new: int = 0  # pairs added or changed
    reuse_removed: int = 0
    reuse_candidates: int = 0  # candidate pairs of the reuse stage
    reuse_aligned: int = 0  # of them aligned again (the others kept their stored result)
    stories: int = 0
    stories_changed: int = 0  # story stages re-run for these
    stories_removed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def read_articles(inputs: Sequence[str], settings: Settings,
                  on_problem: ProblemSink | None = None, progress: Progress | None = None
                  ) -> tuple[list[Article], list[InputProblem]]:
    """Everything the readers can read from `inputs`; bad items become problems. Items
    skipped as exact duplicates (same id, same text) are logged with their count."""
    from .readers import ReadStats, read_inputs

    articles: list[Article] = []
    problems: list[InputProblem] = []
    read_stats = ReadStats()
    tick = counter(progress, "reading", 0)
    for item in read_inputs(inputs, settings, stats=read_stats):
        tick(1)
        if isinstance(item, InputProblem):
            problems.append(item)
            if on_problem is not None:
                on_problem(item)
        else:
            articles.append(item)
    if progress is not None:  # the total is known now
        progress("reading", len(articles) + len(problems), len(articles) + len(problems))
    if read_stats.duplicates:
        log.info("skipped %d exact duplicate(s) (same id and text as an article read before)",
                 read_stats.duplicates)
    return articles, problems


def run_analysis(inputs: Sequence[str], settings: Settings, *, db_url: str | None = None,
                 runner: Runner | None = None, progress: Progress | None = None,
                 on_problem: ProblemSink | None = None,
                 stats: UpdateStats | None = None) -> Report:
    """Read, analyse and (with `db_url`) store. With a store, the new articles join those
    already stored and the report covers the whole store."""
    articles, problems = read_articles(inputs, settings, on_problem, progress)

    def sink(problem: InputProblem) -> None:
        problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    if db_url is None:
        used = runner if runner is not None else LocalRunner()
        restore = _attach_sink(used, sink)
        try:
            if isinstance(used, BatchRunner):
                report = analyze_with(used, articles, settings, progress)
            else:
                report = analyze(articles, settings, runner=used, progress=progress)
        finally:
            restore()
        return dataclasses.replace(report, problems=tuple(problems))
    from .storage.store import open_store

    store = open_store(db_url)
    try:
        analyze_into_store(store, articles, settings, runner=runner, progress=progress,
                           on_problem=sink, stats=stats)
        return dataclasses.replace(consistent_report(store), problems=tuple(problems))
    finally:
        store.close()


# Reads of the whole store retried while another run writes between them (each try is
# three reads; a writer commits a checkpoint in well under a read's time).
REPORT_TRIES = 5


def consistent_report(store) -> Report:
    """The store as one report that describes a consistent state, even while another run
    writes to it: read between two equal snapshots of the row counts (every write changes
    them), and without the articles another run has stored but not yet joined to stories
    (pending: they belong to that run's report)."""
    for _ in range(REPORT_TRIES):
        before = store.counts()
        pending = set(store.pending_ids())
        report = store.report()
        if store.counts() == before:
            break
    from .storage.corrections import list_corrections

    report = dataclasses.replace(report, corrections=tuple(list_corrections(store)))
    if not pending:
        return report  # type: ignore[no-any-return]
    return dataclasses.replace(
        report, articles=tuple(a for a in report.articles if a.id not in pending),
        reuse=tuple(r for r in report.reuse if r.a not in pending and r.b not in pending))


def _attach_sink(runner: object, sink: ProblemSink) -> Callable[[], None]:
    """Let our runners report the articles that failed analysis (one line each)."""
    if not isinstance(runner, BatchRunner):
        return lambda: None
    before = runner.on_problem
    runner.on_problem = sink

    def restore() -> None:
        runner.on_problem = before
    return restore


def analyze_into_store(store: Store, articles: Sequence[Article], settings: Settings, *,
                       runner: Runner | None = None, progress: Progress | None = None,
                       on_problem: ProblemSink | None = None,
                       stats: UpdateStats | None = None) -> UpdateStats:
    """Add `articles` (raw, as read) to `store` and bring its reuse and stories up to date."""
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
    fresh: dict[str, ArticleFacts] = {}  # this run's facts, so the story step need not re-read
    # The reuse stage's prints of this run's articles, made here while the workers parse the
    # next batches (the cores would otherwise idle through them after the last article).
    from .storage.store import storable_text

    reuse_index = ReuseIndex(settings)
    if isinstance(used, BatchRunner):
        for batch in used.iter_batches(todo, settings):
            new_ids = set(store.add_processed(batch.pairs))
            fresh.update((a.id, f) for a, f in batch.pairs)
            for a, _ in batch.pairs:
                if a.id in new_ids:  # as stored: the prints of the stored text
                    reuse_index.add(a.id, storable_text(a.text))
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
    update_stories(store, settings, progress=progress, stats=st,
                   runner=used if isinstance(used, BatchRunner) else None, fresh_facts=fresh,
                   reuse_index=reuse_index)
    return st


def changed_known(store: Store, articles: Sequence[Article], settings: Settings
                  ) -> list[InputProblem]:
    """One problem for each of `articles` whose stored text differs from theirs: they are
    skipped, the stored one kept, and the caller must hear so. Compared as the store keeps
    it (cleaned, then made storable), so this cleans each known article again: the web
    writes call it (their size is capped); a CLI re-run of a big corpus does not."""
    if not articles:
        return []
    from .storage.store import storable_text

    clean = stage_function("clean")
    stored = {a.id: a.text for a in store.articles([a.id for a in articles])}
    return [InputProblem(a.source, f"id {a.id} is already stored with different text "
                                   "(kept the stored one)")
            for a in articles
            if a.id in stored and storable_text(clean(a, settings).text) != stored[a.id]]


def update_stories(store: Store, settings: Settings, *, progress: Progress | None = None,
                   stats: UpdateStats | None = None,
                   runner: BatchRunner | None = None,
                   fresh_facts: Mapping[str, ArticleFacts] | None = None,
                   reuse_index: ReuseIndex | None = None,
                   rerun: Iterable[str] = ()) -> UpdateStats:
    """Join the pending articles to the stored reuse pairs and stories (see module doc).
    `fresh_facts`: facts this run has just stored and still holds (the same values the
    store would give back), so they are not read again; `reuse_index`: the reuse stage's
    state, holding the prints of the articles this run stored. The store's corrections
    (corrections.py) reshape the clusters and set quotes' speakers on every run; `rerun`:
    article ids whose stories are analysed again even with nothing pending (a correction
    was just made or undone)."""
    from .corrections import apply_to_facts, apply_to_stories
    from .reuse.state import ReuseIndex
    from .storage.corrections import list_corrections
    from .storage.store import encode_story

    st = stats if stats is not None else UpdateStats()
    pending = store.pending_ids()
    st.pending = len(pending)
    forced = set(rerun)
    if not pending and not forced:
        return st
    corrections = list_corrections(store, include_undone=False)
    t = time.perf_counter()
    articles = store.articles()
    st.stored_articles = len(articles)
    lean = store.lean_facts(known=fresh_facts)
    st.seconds["load"] = time.perf_counter() - t

    t = time.perf_counter()
    # The reuse stage is global: which shingles are site boilerplate depends on the whole
    # corpus, so a new article can change a pair between two old ones. Its candidate step
    # reads every stored article's prints (stored: no text is split again), and only the
    # candidate pairs whose inputs changed are aligned again (`reuse.state.ReuseIndex`; the
    # result equals the reuse stage over all stored articles). Only pairs that differ are
    # written.
    index = reuse_index if reuse_index is not None else ReuseIndex(settings)
    old_reuse = {(r.a, r.b): r for r in store.reuse()}
    update = None
    if pending:
        with phase(progress, "reuse"):
            update = index.update(articles, pending, old_reuse,
                                  store.reuse_prints(index.prints_key), store.reuse_state())
        reuse = list(update.reuse)
        st.reuse_aligned, st.reuse_candidates = update.aligned, update.candidates
    else:  # only a correction changed: the texts, so the reuse pairs, are as stored
        reuse = list(old_reuse.values())
    new_keys = {(r.a, r.b) for r in reuse}
    added = [r for r in reuse if old_reuse.get((r.a, r.b)) != r]
    dropped = sorted(k for k in old_reuse if k not in new_keys)
    st.reuse_new, st.reuse_removed = len(added), len(dropped)
    touched = {i for r in added for i in (r.a, r.b)} | {i for k in dropped for i in k}
    st.seconds["reuse"] = time.perf_counter() - t

    t = time.perf_counter()
    with phase(progress, "clustering"):
        stories: tuple[Story, ...] = tuple(stage_function("stories")(articles, lean, reuse,
                                                                     settings))
    stories = apply_to_stories(stories, articles, corrections)
    before = store.story_members()
    titles = store.story_titles() if before else {}
    changed = [s for s in stories
               if before.get(s.id) != tuple(sorted(s.article_ids)) or titles.get(s.id) != s.title
               or touched.intersection(s.article_ids) or forced.intersection(s.article_ids)]
    new_ids = {s.id for s in stories}
    removed = [k for k in before if k not in new_ids]
    st.stories, st.stories_changed, st.stories_removed = len(stories), len(changed), len(removed)
    st.seconds["stories"] = time.perf_counter() - t

    t = time.perf_counter()
    wanted = sorted({i for story in changed for i in story.article_ids})
    t_facts = time.perf_counter()
    fresh = fresh_facts or {}
    stored_facts = dict(store.facts([i for i in wanted if i not in fresh]))  # one read for all
    stored_facts.update((i, fresh[i]) for i in wanted if i in fresh)
    stored_facts = apply_to_facts(stored_facts, corrections)
    st.seconds["load facts"] = time.perf_counter() - t_facts
    tasks = story_tasks(changed, articles,
                        lambda ids: {i: stored_facts[i] for i in ids if i in stored_facts},
                        reuse)
    # Encoded where they are analysed: this process only writes the rows.
    analysed = _map_stories(runner or LocalRunner(), tasks, settings, progress,
                            encode=encode_story)
    st.seconds["story stages"] = time.perf_counter() - t
    t = time.perf_counter()
    changed_keys = [(r.a, r.b) for r in added if (r.a, r.b) in old_reuse]
    store.commit_analysis(added, analysed, removed, pending,
                          reuse_removed=sorted(set(dropped) | set(changed_keys)),
                          reuse_state=index.state_row(update) if update else None,
                          prints=index.print_rows(update) if update else None)
    st.seconds["commit"] = time.perf_counter() - t
    return st


def story_tasks(stories: Iterable[Story], articles: Sequence[Article],
                facts: Callable[[list[str]], dict[str, ArticleFacts]],
                reuse: Sequence[Reuse]) -> list[StoryTask]:
    """What the story stages of each story read, stories in id order."""
    by_id = {a.id: a for a in articles}
    by_article: dict[str, list[Reuse]] = {}
    for r in reuse:
        by_article.setdefault(r.a, []).append(r)
    tasks: list[StoryTask] = []
    for story in sorted(stories, key=lambda s: s.id):
        ids = list(story.article_ids)
        found = facts(ids)
        members = set(ids)
        tasks.append((story, tuple(by_id[i] for i in ids),
                      tuple(found.get(i) or ArticleFacts(article_id=i) for i in ids),
                      tuple(r for i in ids for r in by_article.get(i, ()) if r.b in members)))
    return tasks


def _map_stories(runner: BatchRunner, tasks: Sequence[StoryTask], settings: Settings,
                 progress: Progress | None,
                 encode: Callable[[Story], Any] | None = None) -> list[Any]:
    return runner.map_stories(tasks, settings, counter(progress, "stories", len(tasks)), encode)


def analyze_with(runner: BatchRunner, articles: Sequence[Article], settings: Settings,
                 progress: Progress | None = None) -> Report:
    """`pipeline.analyze` with the story stages on the runner's workers too (same report)."""
    ordered = sorted(articles, key=lambda a: a.id)
    processed = runner.map_articles(ordered, settings,
                                    counter(progress, "articles", len(ordered)))
    cleaned = [a for a, _ in processed]
    facts = {f.article_id: f for _, f in processed}
    reuse, stories = corpus_stages(cleaned, list(facts.values()), settings, progress)
    tasks = story_tasks(stories, cleaned, lambda ids: {i: facts[i] for i in ids if i in facts},
                        reuse)
    done_stories = sorted(_map_stories(runner, tasks, settings, progress), key=lambda s: s.id)
    return Report(articles=tuple(cleaned), reuse=reuse, stories=tuple(done_stories))
