"""Runs the line over a corpus. Knows nothing of files, databases or HTTP.

    clean ─> parse+extract (per article) ─> reuse ─> stories ─> entities ─> compare ─> summarize
    (per article, parallel)                 (corpus level)      (per story)

The per-article stages are pure functions of one article, so a runner (local or Dask) can
map them over workers; what crosses process boundaries is `Article` and `ArticleFacts`, never a
spaCy object. The corpus and story stages run where the runner collects the results.

Every stage is one module with one public function, listed in `STAGES` with what it requires
and provides; `check_stages()` verifies the line is well-formed when the pipeline is built.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .model import Article, ArticleFacts, Report, Reuse, Story, StoryContext
from .settings import Settings


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    function: str  # "module:function", imported when the stage runs
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    scope: str  # "article", "corpus" or "story"


STAGES: tuple[Stage, ...] = (
    Stage("clean", "newsprism.clean:clean_article", ("article.raw",),
          ("article.text", "article.metadata"), "article"),
    Stage("extract", "newsprism.extract:analyze_article", ("article.text",),
          ("facts.sentences", "facts.mentions", "facts.quotes", "facts.quantities",
           "facts.dates", "facts.claims", "facts.terms"), "article"),
    Stage("reuse", "newsprism.reuse:find_reuse", ("article.text",), ("reuse",), "corpus"),
    Stage("stories", "newsprism.stories:cluster", ("article.text", "facts.mentions",
          "facts.terms", "reuse"), ("stories",), "corpus"),
    Stage("entities", "newsprism.extract.entities:resolve_entities",
          ("stories", "facts.mentions", "facts.quotes", "facts.claims"),
          ("story.entities", "story.quotes", "story.claims"), "story"),
    Stage("compare", "newsprism.compare:compare_story",
          ("story.entities", "story.quotes", "story.claims", "reuse"),
          ("story.conflicts", "story.consensus", "story.exclusives", "story.framing",
           "story.tones"), "story"),
    Stage("summarize", "newsprism.summarize:summarize_story",
          ("story.conflicts", "story.consensus", "story.exclusives", "story.framing"),
          ("story.summary", "story.timeline"), "story"),
)


def check_stages(stages: Sequence[Stage] = STAGES) -> None:
    """Fail early if a stage requires something no earlier stage provides."""
    available = {"article.raw"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing}, which no earlier stage "
                             f"provides (have: {sorted(available)})")
        available.update(stage.provides)


def _resolve(spec: str) -> Callable:
    import importlib

    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def stage_function(name: str) -> Callable:
    for stage in STAGES:
        if stage.name == name:
            return _resolve(stage.function)
    raise KeyError(name)


class Runner(Protocol):
    """Maps the per-article work over workers (see `newsprism.runner`)."""

    def map_articles(self, articles: Sequence[Article], settings: Settings,
                     progress: Callable[[int], None] | None = None
                     ) -> list[tuple[Article, ArticleFacts]]: ...


def process_articles(articles: Sequence[Article], settings: Settings,
                     progress: Callable[[int], None] | None = None
                     ) -> list[tuple[Article, ArticleFacts]]:
    """The per-article stages for a batch in this process: clean, parse once, extract."""
    from . import nlp

    clean = stage_function("clean")
    extract = stage_function("extract")
    cleaned = [clean(a, settings) for a in articles]
    pipeline = nlp.load_pipeline(settings.spacy_model, settings.spacy_fast_rules)
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
            ctx = dataclasses.replace(ctx, story=_resolve(stage.function)(ctx, settings))
    return ctx.story


def analyze(articles: Sequence[Article], settings: Settings, runner: Runner | None = None,
            progress: Callable[[str, int, int], None] | None = None) -> Report:
    """The whole line over raw articles (as readers yield them). Deterministic: the same
    articles in any order give the same report."""
    check_stages()
    ordered = sorted(articles, key=lambda a: a.id)

    def tick(step: str, total: int) -> Callable[[int], None]:
        done = [0]

        def advance(n: int) -> None:
            done[0] += n
            if progress is not None:
                progress(step, done[0], total)
        return advance

    if runner is None:
        processed = process_articles(ordered, settings, tick("articles", len(ordered)))
    else:
        processed = runner.map_articles(ordered, settings, tick("articles", len(ordered)))
    cleaned = [a for a, _ in processed]
    facts = [f for _, f in processed]
    reuse = tuple(stage_function("reuse")(cleaned, settings))
    stories = stage_function("stories")(cleaned, facts, reuse, settings)
    advance = tick("stories", len(stories))
    done: list[Story] = []
    for story in stories:
        done.append(analyze_story(story, cleaned, facts, reuse, settings))
        advance(1)
    done.sort(key=lambda s: s.id)
    return Report(articles=tuple(cleaned), reuse=reuse, stories=tuple(done))
