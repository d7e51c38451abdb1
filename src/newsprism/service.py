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
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .model import Article, ArticleFacts, Correction, InputProblem, Report, Reuse, Story
from .pipeline import Progress, Runner, analyze, corpus_stages, counter, phase, stage_function
from .regrouping import Regroup, lean_reader, regroup_stories
from .reuse.budget import reported_to
from .reuse.state import ReuseIndex
from .runner import BatchRunner, LocalRunner
from .runner.base import StoryTask
from .settings import Settings
from .storage.packed import PickledStories, pack_facts, pickle_story, unpack_facts

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
    stories_changed_new: int = 0  # of the changed stories, those holding an article of this run
    redirects: int = 0  # retired story ids now redirecting to the story holding their articles
    stories_reclustered: int = 0  # stored stories re-clustered (all of them on a full run)
    full_recluster: bool = False  # the whole store re-clustered (stories/incremental.py)
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
            with reported_to(sink):  # the reuse stage's limit, if hit: one problem line
                report = (analyze_with(used, articles, settings, progress)
                          if isinstance(used, BatchRunner)
                          else analyze(articles, settings, runner=used, progress=progress))
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
        report = stored_report(store)
        if store.counts() == before:
            break
    from .storage.corrections import list_corrections

    report = dataclasses.replace(report, corrections=tuple(list_corrections(store)))
    if not pending:
        return report  # type: ignore[no-any-return]
    return dataclasses.replace(
        report, articles=tuple(a for a in report.articles if a.id not in pending),
        reuse=tuple(r for r in report.reuse if r.a not in pending and r.b not in pending))


def stored_report(store: Store) -> Report:
    """`store.report()` with its stories held packed (`storage.packed`): the whole store's
    stories decoded at once grew with the store (2 GB at 10k real articles, issue 25)."""
    from .storage.packed import stored_stories

    return Report(articles=tuple(store.articles()), reuse=tuple(store.reuse()),
                  stories=stored_stories(store))


def _attach_sink(runner: object, sink: ProblemSink) -> Callable[[], None]:
    """Let our runners report the articles that failed analysis (one line each)."""
    if not isinstance(runner, BatchRunner):
        return lambda: None
    before, runner.on_problem = runner.on_problem, sink
    return lambda: setattr(runner, "on_problem", before)


class PackedFacts(Mapping[str, ArticleFacts]):
    """Article id -> full facts, held packed (`pack_facts`) and unpacked on each look-up."""

    def __init__(self) -> None:
        self._packed: dict[str, bytes] = {}

    def add(self, article_id: str, facts: ArticleFacts) -> None:
        self._packed[article_id] = pack_facts(facts)

    def __getitem__(self, key: str) -> ArticleFacts:
        return unpack_facts(self._packed[key])

    def packed(self, key: str) -> bytes:
        return self._packed[key]

    def __contains__(self, key: object) -> bool:
        return key in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


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
    # This run's facts, so the story step need not read them back, packed (`PackedFacts`).
    fresh = PackedFacts()
    # The reuse stage's prints of this run's articles, made here while the workers parse the
    # next batches (the cores would otherwise idle through them after the last article).
    from .storage.store import storable_text

    reuse_index = ReuseIndex(settings)
    frames: dict[str, dict[str, tuple[str, str]]] = {}  # key -> id -> a worker's frame
    if isinstance(used, BatchRunner):
        for batch in used.iter_batches(todo, settings, frames=True):
            new_ids = set(store.add_processed(batch.pairs, on_problem))
            for a, f in batch.pairs:
                fresh.add(a.id, f)
                if a.id in new_ids:  # as stored: the prints of the stored text
                    reuse_index.add(a.id, storable_text(a.text))
            frames.setdefault(batch.frames_key, {}).update(
                (i, (p, o)) for i, p, o in batch.frames if i in new_ids)
            for problem in batch.problems:
                if on_problem is not None:
                    on_problem(problem)
            done += len(batch.pairs) + len(batch.problems)
            st.processed += len(batch.pairs)
            if progress is not None:
                progress("articles", done, len(todo))
    elif todo:  # a foreign runner: one checkpoint at the end
        pairs = used.map_articles(todo, settings, None)
        store.add_processed(pairs, on_problem)
        st.processed = len(pairs)
    st.seconds["articles"] = time.perf_counter() - t0
    with reported_to(on_problem):
        update_stories(store, settings, progress=progress, stats=st, fresh_facts=fresh,
                       runner=used if isinstance(used, BatchRunner) else None,
                       reuse_index=reuse_index, fresh_frames=frames)
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
                   stats: UpdateStats | None = None, runner: BatchRunner | None = None,
                   fresh_facts: Mapping[str, ArticleFacts] | None = None,
                   reuse_index: ReuseIndex | None = None, rerun: Iterable[str] = (),
                   fresh_frames: Mapping[str, Mapping[str, tuple[str, str]]] | None = None
                   ) -> UpdateStats:
    """Join the pending articles to the stored reuse pairs and stories (see module doc).
    `fresh_facts`: facts this run has just stored and still holds (the same values the store
    would give back), so they are not read again; `reuse_index`: the reuse stage's state,
    holding the prints of the articles this run stored; `fresh_frames`: their event frames
    made by the workers (`features_stored.parsed_frames`). The store's corrections reshape
    the clusters and set quotes' speakers on every run; `rerun`: article ids whose stories
    are analysed again with nothing pending (a correction was just made or undone)."""
    from .reuse.state import ReuseIndex
    from .storage.corrections import list_corrections
    from .storage.packed import PackedEncoded, pack_story

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
    st.seconds["load"] = time.perf_counter() - t
    lean_of, lean_seconds = lean_reader(store, fresh_facts)

    t = time.perf_counter()
    index = reuse_index if reuse_index is not None else ReuseIndex(settings)
    old_reuse = {(r.a, r.b): r for r in store.reuse()}
    update, reuse, added, dropped = _update_reuse(store, index, articles, pending, old_reuse,
                                                  progress, st)
    pairs = {(r.a, r.b) for r in added} | set(dropped)  # the reuse pairs that changed
    touched = {i for k in pairs for i in k}
    st.seconds["reuse"] = time.perf_counter() - t

    t = time.perf_counter()
    with phase(progress, "clustering"):
        regroup = regroup_stories(store, articles, lean_of, reuse, settings, set(pending),
                                  touched | forced, corrections, forced, pairs=pairs,
                                  frames=fresh_frames)
    changed, removed, redirects = regroup.changed, regroup.removed, regroup.redirects
    _count_stories(regroup, pending, st)
    st.seconds["load lean"] = lean_seconds[0]
    st.seconds["stories"] = time.perf_counter() - t - lean_seconds[0]

    t, load_seconds = time.perf_counter(), [0.0]
    chunk_facts = _task_facts(store, fresh_facts or {}, corrections, load_seconds)

    # Encoded where analysed, held compressed until the commit writes them (`PackedEncoded`).
    used, advance = runner or LocalRunner(), counter(progress, "stories", len(changed))
    analysed = PackedEncoded()
    for chunk in task_chunks(changed, articles, chunk_facts, reuse, *TASK_CHUNK):
        analysed.extend(used.map_stories(chunk, settings, advance, pack_story))
    st.seconds.update({"load facts": load_seconds[0], "story stages": time.perf_counter() - t})
    t = time.perf_counter()
    changed_keys = [(r.a, r.b) for r in added if (r.a, r.b) in old_reuse]
    store.commit_analysis(added, analysed, removed, pending,
                          reuse_removed=sorted(set(dropped) | set(changed_keys)),
                          reuse_state=index.state_row(update) if update else None,
                          prints=index.print_rows(update) if update else None,
                          redirects=redirects, full_articles=regroup.full_articles,
                          also=regroup.write_features)
    st.seconds["commit"] = time.perf_counter() - t
    return st


def _task_facts(store: Store, fresh: Mapping[str, ArticleFacts],
                corrections: Sequence[Correction], spent: list[float]
                ) -> Callable[[list[str]], dict[str, ArticleFacts | bytes]]:
    """The story tasks' facts, one read per chunk of stories (not all stories' facts at once:
    issue 23): this run's own (`fresh`) sent packed, as held, unless a speaker correction
    names their article; the analysts' speakers set; the seconds added to `spent[0]`."""
    from .corrections import apply_to_facts, corrected_articles

    named = corrected_articles(corrections)

    def chunk_facts(ids: list[str]) -> dict[str, ArticleFacts | bytes]:
        t = time.perf_counter()
        found: dict[str, ArticleFacts | bytes] = dict(store.facts([i for i in ids
                                                                    if i not in fresh]))
        for i in ids:
            if i in fresh:
                found[i] = (fresh.packed(i) if isinstance(fresh, PackedFacts)
                            and i not in named else fresh[i])
        found.update(apply_to_facts({i: f for i, f in found.items() if i in named
                                     and isinstance(f, ArticleFacts)}, corrections))
        spent[0] += time.perf_counter() - t
        return found
    return chunk_facts


def _update_reuse(store: Store, index: ReuseIndex, articles: Sequence[Article],
                  pending: Sequence[str], old_reuse: dict[tuple[str, str], Reuse],
                  progress: Progress | None, st: UpdateStats
                  ) -> tuple[Any, list[Reuse], list[Reuse], list[tuple[str, str]]]:
    """The reuse step of `update_stories`: (the index's update or None, every pair, the pairs
    added or changed, the keys dropped).

    The reuse stage is global: which shingles are site boilerplate depends on the whole
    corpus, so a new article can change a pair between two old ones. Its candidate step
    reads every stored article's prints (stored: no text is split again), and only the
    candidate pairs whose inputs changed are aligned again (`reuse.state.ReuseIndex`; the
    result equals the reuse stage over all stored articles). Only pairs that differ are
    written."""
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
    return update, reuse, added, dropped


def _count_stories(regroup: Regroup, pending: Sequence[str], st: UpdateStats) -> None:
    """The story counts of `UpdateStats` from what re-clustering decided."""
    st.stories, st.stories_changed = regroup.total, len(regroup.changed)
    st.stories_removed, st.redirects = len(regroup.removed), len(regroup.redirects)
    arrived = set(pending)
    st.stories_changed_new = sum(1 for s in regroup.changed
                                 if arrived.intersection(s.article_ids))
    st.stories_reclustered, st.full_recluster = regroup.reclustered, regroup.full


# Bounds on the articles, and characters of text, whose full facts a chunk of story tasks
# holds (`task_chunks`; as objects 25-30 bytes a character: 2,000 real articles held 0.3 GB,
# issue 23; a run's own facts go packed, about a tenth of that).
TASK_CHUNK = (2_000, 4_000_000)


def task_chunks(stories: Iterable[Story], articles: Sequence[Article],
                facts: Callable[[list[str]], Mapping[str, ArticleFacts | bytes]],
                reuse: Sequence[Reuse], max_articles: int | None = None,
                max_chars: int | None = None) -> Iterator[list[StoryTask]]:
    """What the story stages of each story read, in chunks (stories in id order) of about
    `max_articles` articles or `max_chars` characters, whichever first (None: no bound);
    `facts` asked once a chunk."""
    by_id = {a.id: a for a in articles}
    by_article: dict[str, list[Reuse]] = {}
    for r in reuse:
        by_article.setdefault(r.a, []).append(r)
    groups: list[list[Story]] = [[]]
    size = chars = 0
    for story in sorted(stories, key=lambda s: s.id):
        if groups[-1] and ((max_articles is not None and size >= max_articles)
                           or (max_chars is not None and chars >= max_chars)):
            groups.append([])
            size = chars = 0
        groups[-1].append(story)
        size += len(story.article_ids)
        chars += sum(len(by_id[i].text) for i in story.article_ids if i in by_id)
    for group in groups:
        if not group:
            continue
        found = facts([i for story in group for i in story.article_ids])
        chunk: list[StoryTask] = []
        for story in group:
            ids = list(story.article_ids)
            members = set(ids)
            chunk.append((story, tuple(by_id[i] for i in ids),
                          tuple(found.get(i) or ArticleFacts(article_id=i) for i in ids),
                          tuple(r for i in ids for r in by_article.get(i, ())
                                if r.b in members)))
        yield chunk
        del found, chunk  # before the next chunk's facts are read


def clustering_facts(facts: ArticleFacts) -> ArticleFacts:
    """What the corpus stages read of an article's facts (the store's `lean` facts, and the
    sentences, whose first ones bound the lead where a stated date stands in for a missing
    publish date: `stories.cluster.event_day`). Held for every article until the stories are
    made, so the strings that repeat across articles (terms, names and labels of mentions,
    dates) are interned: one object for the corpus, not one per article (17.9 kB of objects
    an article before, 7.2 kB after, on made-up news of 1,650 characters; issue 23). Equal
    to the facts' own values."""
    intern = sys.intern
    return ArticleFacts(
        article_id=facts.article_id, sentences=facts.sentences,
        mentions=tuple(dataclasses.replace(m, text=intern(m.text), label=intern(m.label))
                       for m in facts.mentions),
        quantities=facts.quantities,
        dates=tuple(dataclasses.replace(d, text=intern(d.text), date=intern(d.date))
                    for d in facts.dates),
        terms=tuple((intern(t), n) for t, n in facts.terms))


def analyze_with(runner: BatchRunner, articles: Sequence[Article], settings: Settings,
                 progress: Progress | None = None) -> Report:
    """`pipeline.analyze` with the story stages on the runner's workers too (same report).

    Memory is bounded by characters in flight, not by article count (issue 23): as each
    batch comes back, its full facts are packed (`pack_facts`) and only what the corpus
    stages read is kept as objects (`clustering_facts`); the story stages then run chunk by
    chunk (`task_chunks`), facts sent packed and unpacked where each story is analysed, stories
    pickled when done (issues 23, 25)."""
    ordered = sorted(articles, key=lambda a: a.id)
    tick = counter(progress, "articles", len(ordered))
    done: dict[int, list[tuple[Article, bytes, ArticleFacts]]] = {}
    for batch in runner.iter_batches(ordered, settings):
        for problem in batch.problems:
            if runner.on_problem is not None:
                runner.on_problem(problem)
        done[batch.index] = [(a, pack_facts(f), clustering_facts(f)) for a, f in batch.pairs]
        tick(len(batch.pairs) + len(batch.problems))
    del ordered
    rows = [row for i in sorted(done) for row in done.pop(i)]
    cleaned = [a for a, _, _ in rows]
    packed = {a.id: p for a, p, _ in rows}
    lean_facts = [f for _, _, f in rows]
    del rows
    reuse, stories = corpus_stages(cleaned, lean_facts, settings, progress)
    del lean_facts
    advance = counter(progress, "stories", len(stories))
    analysed: list[tuple[str, bytes]] = []  # each story pickled as it is done (issue 23)
    for chunk in task_chunks(stories, cleaned,
                             lambda ids: {i: packed[i] for i in ids if i in packed},
                             reuse, *TASK_CHUNK):
        analysed.extend(runner.map_stories(chunk, settings, advance, encode=pickle_story))
        del chunk  # before the next chunk's
    analysed.sort(key=lambda s: s[0])
    return Report(tuple(cleaned), reuse, PickledStories(p for _, p in analysed))
