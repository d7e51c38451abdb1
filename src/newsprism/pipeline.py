"""Runs the line over a corpus. Knows nothing of files, databases or HTTP.

    clean ─> parse+extract (per article) ─> reuse ─> stories ─> entities ─> compare ─> summarize
    (per article, parallel)                 (corpus level)      (per story)

The per-article stages are pure functions of one article, so a runner (local or Dask) can
map them over workers; what crosses process boundaries is `Article` and `ArticleFacts`, never a
spaCy object. The corpus and story stages run where the runner collects the results.

Every stage is one package (or module) with one public function, listed in `STAGES` as the
callable itself with what it requires and provides; `check_stages()` verifies the line is
well-formed when this module is imported. Batch runs (`analyze`), the runners' workers
(`process_articles`, `analyze_story`) and incremental runs (`service`) all take their stages
from this one table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from .clean import clean_article
from .compare import compare_story
from .entities import resolve_entities
from .extract import analyze_article
from .model import Article, ArticleFacts, Report, Reuse, Story, StoryContext
from .reuse import find_reuse
from .settings import Settings
from .stories import cluster
from .summarize import summarize_story


@dataclass(frozen=True, slots=True)
class Stage:
    """One stage of the line. `function` is the stage itself; its signature is fixed by scope:

    article: (Article, Settings) -> Article, or (Article, Doc, Settings) -> ArticleFacts
    corpus:  (articles, Settings) -> reuse pairs, or (articles, facts, reuse, Settings) -> stories
    story:   (StoryContext, Settings) -> Story
    """

    name: str
    function: Callable[..., Any]
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    scope: str  # "article", "corpus" or "story"


STAGES: tuple[Stage, ...] = (
    Stage("clean", clean_article, ("article.raw",),
          ("article.text", "article.metadata"), "article"),
    Stage("extract", analyze_article, ("article.text",),
          ("facts.sentences", "facts.mentions", "facts.quotes", "facts.quantities",
           "facts.dates", "facts.claims", "facts.terms"), "article"),
    Stage("reuse", find_reuse, ("article.text",), ("reuse",), "corpus"),
    Stage("stories", cluster, ("article.text", "facts.mentions",
          "facts.terms", "reuse"), ("stories",), "corpus"),
    Stage("entities", resolve_entities,
          ("stories", "facts.mentions", "facts.quotes", "facts.claims"),
          ("story.entities", "story.quotes", "story.claims"), "story"),
    Stage("compare", compare_story,
          ("story.entities", "story.quotes", "story.claims", "reuse"),
          ("story.conflicts", "story.consensus", "story.exclusives", "story.framing",
           "story.tones"), "story"),
    Stage("summarize", summarize_story,
          ("story.conflicts", "story.consensus", "story.exclusives", "story.framing"),
          ("story.summary", "story.timeline"), "story"),
)
SCOPES = ("article", "corpus", "story")


def check_stages(stages: Sequence[Stage] = STAGES) -> None:
    """Fail early if a stage requires something no earlier stage provides, names an unknown
    scope, or is not callable."""
    available = {"article.raw"}
    for stage in stages:
        if stage.scope not in SCOPES:
            raise ValueError(f"stage {stage.name!r} has scope {stage.scope!r}; "
                             f"valid scopes: {', '.join(SCOPES)}")
        if not callable(stage.function):
            raise ValueError(f"stage {stage.name!r}: its function is not callable")
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing}, which no earlier stage "
                             f"provides (have: {sorted(available)})")
        available.update(stage.provides)


check_stages()  # once, when the line is built


def stage_function(name: str) -> Callable[..., Any]:
    for stage in STAGES:
        if stage.name == name:
            return stage.function
    raise KeyError(f"no stage {name!r}; stages: {', '.join(s.name for s in STAGES)}")


Progress = Callable[[str, int, int], None]  # (step, done, total); total 0: not known yet


def counter(progress: Progress | None, step: str, total: int) -> Callable[[int], None]:
    """An `advance(n)` that reports `step` as n more of `total` done."""
    done = [0]

    def advance(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress(step, done[0], total)
    return advance


@contextmanager
def phase(progress: Progress | None, step: str) -> Iterator[None]:
    """Report a one-piece step (the corpus stages) as started, then as done."""
    if progress is not None:
        progress(step, 0, 1)
    yield
    if progress is not None:
        progress(step, 1, 1)


def corpus_stages(cleaned: Sequence[Article], facts: Sequence[ArticleFacts],
                  settings: Settings, progress: Progress | None = None
                  ) -> tuple[tuple[Reuse, ...], tuple[Story, ...]]:
    """The corpus stages (reuse, then stories) with their progress."""
    with phase(progress, "reuse"):
        reuse = tuple(stage_function("reuse")(cleaned, settings))
    with phase(progress, "clustering"):
        stories = tuple(stage_function("stories")(cleaned, facts, reuse, settings))
    return reuse, stories


class Runner(Protocol):
    """Maps the per-article work over workers (see `newsprism.runner`)."""

    def map_articles(self, articles: Sequence[Article], settings: Settings,
                     progress: Callable[[int], None] | None = None
                     ) -> list[tuple[Article, ArticleFacts]]: ...


def process_articles(articles: Sequence[Article], settings: Settings,
                     progress: Callable[[int], None] | None = None
                     ) -> list[tuple[Article, ArticleFacts]]:
    """The per-article stages for a batch in this process: clean, parse once, extract."""
    from .nlp import loader as nlp

    clean = stage_function("clean")
    extract = stage_function("extract")
    cleaned = [clean(a, settings) for a in articles]
    pipeline = nlp.pipeline_for(settings)
    out: list[tuple[Article, ArticleFacts]] = []
    texts = (a.text for a in cleaned)
    for article, doc in zip(cleaned, nlp.parse_many(pipeline, texts, settings.spacy_batch_size),
                            strict=True):
        out.append((article, extract(article, doc, settings)))
        if progress is not None:
            progress(1)
    return out


def analyze_story(story: Story, articles: Sequence[Article], facts: Sequence[ArticleFacts],
                  reuse: Iterable[Reuse], settings: Settings) -> Story:
    """Run the story-level stages on one story."""
    members = set(story.article_ids)
    by_id = {a.id: a for a in articles}
    facts_by_id = {f.article_id: f for f in facts}
    ctx = StoryContext(
        story=story,
        articles=tuple(by_id[i] for i in story.article_ids),
        facts=tuple(facts_by_id[i] for i in story.article_ids),
        reuse=tuple(r for r in reuse if r.a in members and r.b in members),
    )
    for stage in STAGES:
        if stage.scope == "story":
            ctx = dataclasses.replace(ctx, story=stage.function(ctx, settings))
    return ctx.story


def analyze(articles: Sequence[Article], settings: Settings, runner: Runner | None = None,
            progress: Progress | None = None) -> Report:
    """The whole line over raw articles (as readers yield them). Deterministic: the same
    articles in any order give the same report."""
    ordered = sorted(articles, key=lambda a: a.id)
    tick = counter(progress, "articles", len(ordered))
    if runner is None:
        processed = process_articles(ordered, settings, tick)
    else:
        processed = runner.map_articles(ordered, settings, tick)
    cleaned = [a for a, _ in processed]
    facts = [f for _, f in processed]
    reuse, stories = corpus_stages(cleaned, facts, settings, progress)
    advance = counter(progress, "stories", len(stories))
    done: list[Story] = []
    for story in stories:
        done.append(analyze_story(story, cleaned, facts, reuse, settings))
        advance(1)
    done.sort(key=lambda s: s.id)
    return Report(articles=tuple(cleaned), reuse=reuse, stories=tuple(done))
