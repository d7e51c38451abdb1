"""What the runners share: batching, and isolating the one article that fails a batch."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError, ModelError
from ..model import Article, ArticleFacts, InputProblem, Reuse, Story, pickle_by_fields
from ..settings import Settings

Pair = tuple[Article, ArticleFacts]
# One story with what its stages read: its articles, their facts, the reuse pairs inside it.
# A story, its articles, their facts (as objects, or packed by `storage.packed.pack_facts`:
# a tenth of the size to hold and send, unpacked where the story is analysed) and its reuse.
StoryTask = tuple[Story, tuple[Article, ...], tuple[ArticleFacts | bytes, ...],
                  tuple[Reuse, ...]]
# How an analysed story comes back from the workers (e.g. the store's row encoder).
Encode = Callable[[Story], Any]
ProblemSink = Callable[[InputProblem], None]


@pickle_by_fields
@dataclass(frozen=True, slots=True)
class Batch:
    """One finished batch: its index in the input order, its results and its bad articles;
    when asked for, the event frames of its articles (`features_stored.parsed_frames`: the
    key they were made under, and a row per article)."""

    index: int
    pairs: tuple[Pair, ...]
    problems: tuple[InputProblem, ...] = ()
    frames_key: str = ""
    frames: tuple[tuple[str, str, str], ...] = ()


# Characters of text one batch may hold. Parsing and extraction cost memory per character
# (about 3 kB each, issue 23: 620 MB for a 200k-character article), so a batch is bounded by
# its characters, not only by its article count: one full-size article (max_article_chars,
# 200k) alone, or about 30 typical 8k-character ones together.
BATCH_CHARS = 250_000


def _bounded(articles: Sequence[Article], start: int, count: int) -> int:
    """How many of the `count` articles from `start` fit in BATCH_CHARS (at least one)."""
    chars = 0
    for k in range(count):
        chars += len(articles[start + k].text)
        if chars > BATCH_CHARS and k:
            return k
    return count


def split(articles: Sequence[Article], size: int) -> list[tuple[Article, ...]]:
    """Batches of at most `size` articles and BATCH_CHARS characters, in order."""
    out: list[tuple[Article, ...]] = []
    i, n = 0, len(articles)
    while i < n:
        k = _bounded(articles, i, min(size, n - i))
        out.append(tuple(articles[i:i + k]))
        i += k
    return out


TAPER_FLOOR = 4  # the smallest batch `split_tapered` makes (unless fewer articles are left)


def split_tapered(articles: Sequence[Article], size: int, workers: int
                  ) -> list[tuple[Article, ...]]:
    """Batches of `size` articles, in order, except towards the end, where each batch takes
    at most a `2 x workers`-th of what is left (never fewer than `TAPER_FLOOR`): the workers
    then run out of work together, instead of all but one idling while the last one parses
    a whole batch (guided self-scheduling). No batch holds more than BATCH_CHARS characters
    (unless it is one article)."""
    out: list[tuple[Article, ...]] = []
    i, n, share = 0, len(articles), 2 * max(1, workers)
    while i < n:
        k = min(size, max(TAPER_FLOOR, -(-(n - i) // share)), n - i)
        k = _bounded(articles, i, k)
        out.append(tuple(articles[i:i + k]))
        i += k
    return out


Work = Callable[[Sequence[Article], Settings], list[Pair]]


def process_batch(index: int, articles: Sequence[Article], settings: Settings,
                  work: Work | None = None, frames: bool = False) -> Batch:
    """The per-article stages over one batch (`work`, default `pipeline.process_articles`; tests
    pass a fake). If the batch fails, each article is retried alone so one bad article becomes
    one reported problem, not a lost batch. `frames`: also the event frames of the articles
    parsed, made here with the pipeline already loaded (a store's update reads them)."""
    batch = _process_batch(index, articles, settings, work)
    if frames and batch.pairs:
        from ..stories.features_stored import parsed_frames

        key, rows = parsed_frames(batch.pairs, settings)
        batch = Batch(batch.index, batch.pairs, batch.problems, key, rows)
    return batch


def _process_batch(index: int, articles: Sequence[Article], settings: Settings,
                   work: Work | None) -> Batch:
    if work is None:
        from ..pipeline import process_articles

        work = process_articles
    run: Work = work

    try:
        return Batch(index, tuple(run(articles, settings)))
    except (ModelError, ConfigError):
        raise  # the whole run is misconfigured: no article can succeed
    except Exception as exc:  # isolated below, article by article, and reported
        if len(articles) == 1:  # already alone: its failure is the problem (no retry)
            return Batch(index, (), (_failure(articles[0], exc),))
    pairs: list[Pair] = []
    problems: list[InputProblem] = []
    for article in articles:
        try:
            pairs.extend(run([article], settings))
        except (ModelError, ConfigError):
            raise
        except Exception as exc:  # one bad article must not stop the run
            problems.append(_failure(article, exc))
    return Batch(index, tuple(pairs), tuple(problems))


def _failure(article: Article, exc: Exception) -> InputProblem:
    """The one-line problem for an article whose analysis raised `exc`."""
    first = str(exc).splitlines()[0][:200] if str(exc) else ""
    return InputProblem(f"{article.source} (article {article.id})",
                        f"analysis failed: {exc.__class__.__name__}: {first}")


def analyse_stories(tasks: Sequence[StoryTask], settings: Settings, encode: Encode | None = None
                    ) -> tuple[list[Any], list[InputProblem]]:
    """The story stages over some stories. A story whose stages fail keeps its articles and
    title without findings, and the failure is reported (the run goes on). `encode`: each
    story comes back as `encode(story)` (the service passes the store's row encoder, so the
    encoding happens on the worker and the runner knows nothing of the store)."""
    from ..compare.match import recorded_limits
    from ..pipeline import analyze_story
    from ..storage.packed import unpack_facts

    out: list[Any] = []
    problems: list[InputProblem] = []
    for story, articles, facts, reuse in tasks:
        try:
            unpacked = tuple(unpack_facts(f) if isinstance(f, bytes) else f for f in facts)
            with recorded_limits() as limits:
                done = analyze_story(story, articles, unpacked, reuse, settings)
            problems.extend(InputProblem(f"story {story.id} ({story.title[:60]})", note)
                            for note in limits)
        except (ModelError, ConfigError):
            raise
        except Exception as exc:  # one story must not stop the run
            first = str(exc).splitlines()[0][:200] if str(exc) else ""
            problems.append(InputProblem(f"story {story.id} ({story.title[:60]})",
                                         f"story analysis failed: {exc.__class__.__name__}: "
                                         f"{first}"))
            done = story
        out.append(done if encode is None else encode(done))
    return out, problems


class BatchRunner:
    """Base of the runners: `map_articles` (the `pipeline.Runner` protocol) is built on
    `iter_batches`, which subclasses implement."""

    batch_size: int | None = None  # None: settings.spacy_batch_size
    on_problem: ProblemSink | None = None

    def iter_batches(self, articles: Sequence[Article], settings: Settings,
                     frames: bool = False) -> Iterator[Batch]:
        """Each batch as it finishes; `frames`: with its articles' event frames
        (`process_batch`)."""
        raise NotImplementedError

    def map_articles(self, articles: Sequence[Article], settings: Settings,
                     progress: Callable[[int], None] | None = None) -> list[Pair]:
        """All results in the input order (articles that failed are reported, not returned)."""
        done: dict[int, Batch] = {}
        for batch in self.iter_batches(articles, settings):
            done[batch.index] = batch
            self._report(batch.problems)
            if progress is not None:
                progress(len(batch.pairs) + len(batch.problems))
        return [pair for i in sorted(done) for pair in done[i].pairs]

    def map_stories(self, tasks: Sequence[StoryTask], settings: Settings,
                    progress: Callable[[int], None] | None = None,
                    encode: Encode | None = None) -> list[Any]:
        """The story stages for each task, results in task order (here: in this process);
        with `encode`, each as `encode(story)` (see `analyse_stories`)."""
        out: list[Any] = []
        for task in tasks:
            stories, problems = analyse_stories([task], settings, encode)
            out.extend(stories)
            self._report(problems)
            if progress is not None:
                progress(1)
        return out

    def _report(self, problems: Sequence[InputProblem]) -> None:
        for problem in problems:
            if self.on_problem is not None:
                self.on_problem(problem)

    def close(self) -> None:
        """Release workers; a runner can be used again after (it restarts them)."""

    def __enter__(self) -> BatchRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
